from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from benchsite.models import BareRow


@csrf_exempt
@require_POST
def bare_insert(request):
    """Insert the raw body as one row: no authentication, no parsing, no validation."""
    row = BareRow.objects.create(body=request.body.decode("utf-8", "replace"))
    return JsonResponse({"id": row.pk}, status=201)
