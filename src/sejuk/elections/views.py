"""Pages of the election calendar: the elections with their phases, and one contest."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from sejuk.elections import services
from sejuk.elections.models import Contest
from sejuk.elections.sheets import contest_sheet


@login_required
def election_list(request):
    everywhere = request.GET.get("semua") == "1"
    context = {
        "elections": services.elections_with_phases(request.user),
        "contests": services.contests_overview(request.user, everywhere=everywhere),
        "everywhere": everywhere,
        "today": timezone.localdate(),
    }
    return render(request, "elections/list.html", context)


@login_required
def contest_detail(request, pk: int):
    contest = get_object_or_404(
        Contest.objects.restrict(request.user).select_related("region", "election"), pk=pk
    )
    return render(request, "elections/contest.html", {"sheet": contest_sheet(contest)})
