from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from sejuk.regions.models import Region
from sejuk.regions.services import lookup_regions, region_path


@login_required
def region_search(request):
    """Look a region up by name as people write it; htmx swaps in only the results."""
    query = request.GET.get("q", "").strip()
    parent = request.GET.get("parent", "").strip() or None
    results = lookup_regions(query, parent=parent)[:100] if query else []
    template = "regions/_results.html" if request.htmx else "regions/search.html"
    return render(request, template, {"query": query, "parent": parent or "", "results": results})


@login_required
def region_detail(request, code: str):
    region = get_object_or_404(Region, code=code)
    children = region.children.order_by("code")
    return render(
        request,
        "regions/detail.html",
        {"region": region, "breadcrumbs": region_path(region)[:-1], "children": children},
    )
