"""Everyone signed in reads the election data; only administrators change it, inside their area."""

import pytest
from auditlog.models import LogEntry

from sejuk.accounts.models import User
from sejuk.elections.demo import load_demo_elections
from sejuk.elections.models import Contest, Election, IkpRating
from sejuk.units.models import Unit
from tests.cast import CAST
from tests.conftest import client_for

pytestmark = pytest.mark.django_db
EVERYONE = sorted(CAST)


@pytest.fixture
def karawang(db):
    load_demo_elections()
    return Contest.objects.get(region_id="32.15", office="regent")


def test_anonymous_visitors_are_sent_to_the_login_page(client, karawang):
    for path in ("/pemilihan/", f"/pemilihan/kontes/{karawang.pk}/"):
        response = client.get(path)
        assert response.status_code == 302 and "/masuk/" in response["Location"]


def test_the_api_refuses_anonymous_callers(client, karawang):
    for path in ("", "/phases", "/contests", f"/contests/{karawang.pk}", "/ikp"):
        assert client.get(f"/api/v1/elections{path}").status_code == 401


@pytest.mark.parametrize("username", EVERYONE)
def test_every_signed_in_user_reads_the_calendar_and_any_contest(cast, karawang, username):
    client = client_for(cast[username])
    page = client.get("/pemilihan/?semua=1")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Pilkada Serentak 2024" in body and "Kabupaten Karawang" in body
    contest = client.get(f"/pemilihan/kontes/{karawang.pk}/")
    assert contest.status_code == 200 and "Hendra Saputra" in contest.content.decode()
    assert client.get(f"/api/v1/elections/contests/{karawang.pk}").json()["margin"] == 1.96


def test_the_contest_page_shows_pairs_both_counts_margin_and_status_in_indonesian(cast, karawang):
    body = client_for(cast["officer_a"]).get(f"/pemilihan/kontes/{karawang.pk}/").content.decode()
    assert "1,96" in body and "512.340" in body and "40,95%" in body
    assert "Klari" in body and "43,36%" in body  # the kecamatan recapitulation, shares computed
    assert "Sengketa di Mahkamah Konstitusi (MK)" in body


def test_by_default_the_list_shows_the_races_covering_the_users_area(cast, karawang):
    body = client_for(cast["officer_purwakarta"]).get("/pemilihan/").content.decode()
    assert "Jawa Barat" in body and "Kabupaten Karawang" not in body
    assert "Kabupaten Karawang" in client_for(cast["officer_a"]).get("/pemilihan/").content.decode()


def test_the_api_lists_elections_phases_contests_and_ikp(cast, karawang):
    client = client_for(cast["officer_a"])
    elections = client.get("/api/v1/elections").json()
    assert {e["code"] for e in elections} == {"pilkada-2024", "pemilu-2024"}
    phases = client.get("/api/v1/elections/phases?day=2024-11-28&region=32.15.05&tense_only=true").json()
    assert {p["kind"] for p in phases} == {"rekapitulasi"}
    contests = client.get("/api/v1/elections/contests?region=32.15.05").json()
    assert {(c["office"], c["margin_kind"]) for c in contests} == {
        ("regent", "official"),
        ("governor", "official"),
    }
    detail = client.get(f"/api/v1/elections/contests/{karawang.pk}").json()
    assert [p["number"] for p in detail["pairs"]] == [1, 2, 3] and detail["status"] == "disputed"
    assert client.get("/api/v1/elections/ikp?region=32.15").json()[0]["band"] == "tinggi"


def test_the_contests_api_takes_a_fixed_number_of_queries(cast, karawang, django_assert_max_num_queries):
    client = client_for(cast["officer_a"])
    client.get("/api/v1/elections/contests")
    with django_assert_max_num_queries(8):
        assert client.get("/api/v1/elections/contests").status_code == 200


@pytest.mark.parametrize(
    ("username", "status"), [("admin", 200), ("auditor", 200), ("officer_a", 302), ("kapolres", 302)]
)
def test_admin_screens_are_for_staff(cast, karawang, username, status):
    client = client_for(cast[username])
    assert client.get("/admin/elections/contest/").status_code == status
    assert client.get(f"/admin/elections/contest/{karawang.pk}/change/").status_code == status


def contest_form(contest, **changes):
    data = {
        "election": contest.election_id,
        "region": contest.region_id,
        "office": contest.office,
        "status": contest.status,
        "dispute_filed_on": "2024-12-09",
        "dispute_notes": contest.dispute_notes,
        "pairs-TOTAL_FORMS": "0",
        "pairs-INITIAL_FORMS": "0",
        "pairs-MIN_NUM_FORMS": "0",
        "pairs-MAX_NUM_FORMS": "1000",
    }
    return data | changes


def test_an_administrator_changes_a_contest_in_his_area_and_the_change_is_audited(cast, karawang):
    response = client_for(cast["admin"]).post(
        f"/admin/elections/contest/{karawang.pk}/change/", contest_form(karawang, status="final")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    karawang.refresh_from_db()
    assert karawang.status == "final"
    entry = LogEntry.objects.get_for_object(karawang).order_by("-timestamp").first()
    assert entry.actor.username == "admin" and "status" in entry.changes_dict


def test_an_auditor_reads_but_cannot_change(cast, karawang):
    response = client_for(cast["auditor"]).post(
        f"/admin/elections/contest/{karawang.pk}/change/", contest_form(karawang, status="final")
    )
    assert response.status_code == 403
    karawang.refresh_from_db()
    assert karawang.status == "disputed"


def test_an_administrator_outside_the_area_cannot_change_it(karawang):
    outsider = User.objects.create(
        username="admin_purwakarta",
        role="administrator",
        is_staff=True,
        unit=Unit.objects.get(code="polres-purwakarta"),
    )
    client = client_for(outsider)
    response = client.post(
        f"/admin/elections/contest/{karawang.pk}/change/", contest_form(karawang, status="final")
    )
    assert response.status_code == 403
    rating = IkpRating.objects.get(region_id="32.15")
    response = client.post(
        f"/admin/elections/ikprating/{rating.pk}/change/",
        {"region": "32.15", "year": 2024, "band": "rendah", "score": "", "source": "x"},
    )
    assert response.status_code == 403
    assert IkpRating.objects.get(region_id="32.14").editable_by(outsider)


def test_only_national_administrators_change_the_national_calendar(cast, karawang):
    election = Election.objects.get(code="pilkada-2024")
    assert not election.editable_by(cast["admin"])
    assert (
        client_for(cast["admin"]).post(f"/admin/elections/election/{election.pk}/change/", {}).status_code
        == 403
    )
    superuser = User.objects.create(username="root", is_superuser=True, is_staff=True)
    assert election.editable_by(superuser)
    assert Contest.objects.restrict(cast["admin"], "change").filter(pk=karawang.pk).exists()
    assert not Contest.objects.restrict(cast["kapolres"], "change").exists()
    assert Contest.objects.restrict(cast["kapolres"]).count() == 2
