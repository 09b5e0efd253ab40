"""Press releases in the database: the adapter, the Humas workflow, consent and what never leaks.

Helpers here (`seed_officer`, `verified_visit`, `release_for`) are used by the page tests too.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from sejuk.activities import services as activity_services
from sejuk.activities.models import Activity, AppealTheme
from sejuk.press import services
from sejuk.press.adapter import activity_facts
from sejuk.press.models import PressRelease
from sejuk.units.models import Officer, Position, Rank, Unit
from tests.activities.helpers import make_figure, seed_visit

pytestmark = pytest.mark.django_db

PHONE = "0812-3456-7890"
ADDRESS = "Jl. Raya Klari No. 12, RT 02/RW 05"


def seed_officer(
    nrp="70000101", name="Asep Saeful Zaelani", rank="Aiptu", position="kanit_propam", unit="polsek-klari"
):
    return Officer.objects.create(
        nrp=nrp,
        name=name,
        rank=Rank.objects.get(pk=rank),
        position=Position.objects.get(pk=position),
        unit=Unit.objects.get(code=unit),
        phone="0813-1111-2222",
    )


def verified_visit(cast, *, when=datetime(2024, 11, 28, 10, 0), figures=None, **overrides) -> Activity:
    """The seed visit in Desa Duren, recorded by the Klari officer and verified by the Kapolsek."""
    officer = Officer.objects.filter(nrp="70000101").first() or seed_officer()
    if figures is None:
        figures = [
            make_figure(
                phone=PHONE,
                address=ADDRESS,
                public_consent=True,
                alignment="aligned",
                aligned_with="Paslon Nomor Urut 2",
            ),
            make_figure(name="Dede Supriadi", kind="tokoh_pemuda", public_consent=False),
        ]
    data = seed_visit(
        region_code="32.15.05.2001",
        occurred_at=when,
        officer_ids=[officer.pk],
        figure_ids=[f.pk for f in figures],
        election_phase="pasca Pilkada 2024",
        **overrides,
    )
    activity, _ = activity_services.record_activity(cast["officer_a"], data)
    activity_services.submit_activity(cast["officer_a"], activity)
    return activity_services.verify_activity(cast["kapolsek_a"], activity)


def release_for(cast, status="draft", **kwargs) -> PressRelease:
    """A release of the seed visit brought to `status` through the services."""
    release = services.draft_release_from_activity(cast["humas"], verified_visit(cast, **kwargs))
    if status in ("edited", "approved", "published") and status != "approved":
        services.edit_release(cast["humas"], release, release.title, release.body + "\n\nTambahan.")
    if status in ("approved", "published"):
        services.approve_release(cast["kapolsek_a"], release)
    if status == "published":
        services.publish_release(cast["humas"], release)
    return release


def test_the_seed_visit_becomes_a_release_in_the_house_style(cast):
    release = services.draft_release_from_activity(cast["humas"], verified_visit(cast))
    text = release.body
    assert release.status == "draft" and release.unit.code == "polsek-klari"
    assert release.activity_date == date(2024, 11, 28)
    assert text.startswith("KARAWANG \u2013 ")
    assert "Polsek Klari Polres Karawang, Polda Jabar" in text
    assert "Kamis (28/11/2024)" in text
    assert "Kanit Propam Polsek Klari Aiptu Asep Saeful Zaelani" in text
    assert "Desa Duren, Kecamatan Klari, Kabupaten Karawang, Provinsi Jawa Barat" in text
    assert "Kapolsek Klari Kompol H. Tes Kapolsek A, S.H. melalui Kanit Propam Polsek Klari" in text
    assert "Arif Kuspriyadi selaku tokoh masyarakat" in text
    assert "pasca Pilkada 2024" in text
    for theme in AppealTheme.objects.filter(code__in=seed_visit().theme_codes):
        assert theme.wording_id in text
    assert text.endswith(f"({release.writer_initials})")
    assert list(release.activities.all()) == list(Activity.objects.filter(pk__in=release.activities.all()))


def test_a_release_never_names_a_figure_who_did_not_consent_nor_any_contact_or_alignment(cast):
    release = release_for(cast)
    text = f"{release.title}\n{release.body}"
    assert "Dede Supriadi" not in text and "Dede" not in text
    assert "tokoh pemuda setempat" in text
    for secret in (PHONE, "3456", ADDRESS, "Jl. Raya", "Paslon", "Nomor Urut", "0813-1111-2222", "70000101"):
        assert secret not in text
    assert "0812" not in text and "@" not in text


def test_the_facts_hold_no_personal_data(cast):
    facts = activity_facts(verified_visit(cast))
    flat = repr(facts)
    assert PHONE not in flat and ADDRESS not in flat and "Paslon" not in flat and "Dede" not in flat


def test_edited_library_wording_is_what_the_release_says(cast):
    AppealTheme.objects.filter(code="netralitas_polri").update(
        wording_id="memahami bahwa Polri tidak memihak"
    )
    release = release_for(cast)
    assert "memahami bahwa Polri tidak memihak" in release.body


def test_an_english_version_on_request(cast):
    release = services.draft_release_from_activity(cast["humas"], verified_visit(cast), language="en")
    assert release.language == "en"
    assert "Thursday, 28 November 2024" in release.body
    assert "Polsek Klari Polres Karawang, Polda Jabar" in release.body


def test_an_unknown_language_is_refused(cast):
    with pytest.raises(ValidationError):
        services.draft_release_from_activity(cast["humas"], verified_visit(cast), language="fr")


@pytest.mark.parametrize("step", ["draft", "submitted", "returned"])
def test_only_verified_activities_are_written_up(cast, step):
    activity, _ = activity_services.record_activity(cast["officer_a"], seed_visit())
    if step in ("submitted", "returned"):
        activity_services.submit_activity(cast["officer_a"], activity)
    if step == "returned":
        activity_services.return_activity(cast["kapolsek_a"], activity, "Lengkapi tokoh.")
    with pytest.raises(ValidationError, match="diverifikasi|verified"):
        services.draft_release_from_activity(cast["humas"], activity)


@pytest.mark.parametrize("username", ["officer_a", "analyst", "auditor", "officer_purwakarta"])
def test_roles_without_press_writing_rights_cannot_draft(cast, username):
    with pytest.raises(PermissionDenied):
        services.draft_release_from_activity(cast[username], verified_visit(cast))


@pytest.mark.parametrize("username", ["humas", "kapolsek_a", "kapolres"])
def test_humas_and_commanders_of_the_area_can_draft(cast, username):
    assert services.draft_release_from_activity(cast[username], verified_visit(cast)).status == "draft"


def test_the_workflow_draft_edited_approved_published(cast):
    release = release_for(cast)
    services.edit_release(cast["humas"], release, "Judul baru", release.body)
    assert release.status == "edited" and release.title == "Judul baru"
    services.approve_release(cast["kapolsek_a"], release)
    assert release.status == "approved" and release.approved_by == cast["kapolsek_a"] and release.approved_at
    services.publish_release(cast["humas"], release)
    release.refresh_from_db()
    assert release.status == "published" and release.published_at is not None


def test_a_draft_can_be_approved_without_edits(cast):
    assert services.approve_release(cast["kapolres"], release_for(cast)).status == "approved"


@pytest.mark.parametrize(
    ("status", "step", "username"),
    [
        ("draft", "publish", "humas"),
        ("edited", "publish", "humas"),
        ("published", "approve", "kapolsek_a"),
        ("published", "publish", "humas"),
        ("published", "edit", "humas"),
        ("approved", "approve", "kapolsek_a"),
    ],
)
def test_steps_out_of_order_are_refused(cast, status, step, username):
    release = release_for(cast, status=status)
    with pytest.raises(ValidationError):
        _step(step, cast[username], release)
    release.refresh_from_db()
    assert release.status == status


@pytest.mark.parametrize(
    ("status", "step", "username"),
    [
        ("edited", "approve", "humas"),  # Humas may not approve
        ("approved", "publish", "kapolsek_a"),  # the commander may not publish
        ("draft", "edit", "officer_a"),
        ("draft", "edit", "analyst"),
        ("draft", "approve", "officer_a"),
        ("draft", "approve", "admin"),  # administrators manage, they do not approve
        ("approved", "publish", "auditor"),
    ],
)
def test_roles_may_only_take_their_own_steps(cast, status, step, username):
    release = release_for(cast, status=status)
    with pytest.raises(PermissionDenied):
        _step(step, cast[username], release)


def _step(step, user, release):
    if step == "edit":
        return services.edit_release(user, release, release.title, release.body)
    return {"approve": services.approve_release, "publish": services.publish_release}[step](user, release)


def test_a_commander_of_another_unit_cannot_approve(cast):
    klari = release_for(cast)
    cikampek = Unit.objects.get(code="polsek-cikampek")
    PressRelease.objects.filter(pk=klari.pk).update(unit=cikampek)
    klari.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.approve_release(cast["kapolsek_a"], klari)
    assert services.approve_release(cast["kapolres"], klari).status == "approved"


def test_editing_an_approved_release_withdraws_the_approval(cast):
    release = release_for(cast, status="approved")
    services.edit_release(cast["humas"], release, release.title, release.body.replace("Kamis", "Kamis"))
    assert release.status == "edited" and release.approved_by is None and release.approved_at is None


@pytest.mark.parametrize(
    "addition",
    [
        "Hubungi 0812-3456-7890.",
        "Hubungi +62 812 3456 7890.",
        "Surel humas@polres.go.id.",
        "Ia pendukung Paslon Nomor Urut 2.",
        "Hadir pula Dede Supriadi.",
        f"Alamat {ADDRESS}.",
    ],
)
def test_an_edit_that_adds_contact_details_alignment_or_an_unconsented_name_is_refused(cast, addition):
    release = release_for(cast)
    with pytest.raises(ValidationError):
        services.edit_release(cast["humas"], release, release.title, f"{release.body}\n\n{addition}")
    release.refresh_from_db()
    assert addition not in release.body and release.status == "draft"


def test_an_empty_edit_is_refused(cast):
    with pytest.raises(ValidationError):
        services.edit_release(cast["humas"], release_for(cast), " ", "")


def test_every_step_is_in_the_audit_trail(cast):
    release = release_for(cast, status="published")
    entries = LogEntry.objects.get_for_object(release).order_by("pk")
    statuses = [
        e.changes_dict.get("status", [None, None])[1] for e in entries if e.action == LogEntry.Action.UPDATE
    ]
    assert entries.first().action == LogEntry.Action.CREATE
    assert {"edited", "approved", "published"} <= set(statuses)


def test_a_daily_release_writes_up_the_units_verified_activities_of_the_local_day(cast):
    early = verified_visit(cast, when=datetime(2024, 11, 28, 6, 30))  # 27 Nov 23:30 UTC
    late = verified_visit(
        cast, when=datetime(2024, 11, 28, 20, 0), figures=[], activity_type="patroli_dialogis"
    )
    verified_visit(cast, when=datetime(2024, 11, 29, 9, 0), figures=[])  # the next day
    draft, _ = activity_services.record_activity(
        cast["officer_a"], seed_visit(occurred_at=datetime(2024, 11, 28, 12))
    )
    assert early.occurred_at == datetime(2024, 11, 27, 23, 30, tzinfo=UTC)
    release = services.draft_daily_release(
        cast["humas"], Unit.objects.get(code="polsek-klari"), date(2024, 11, 28)
    )
    assert set(release.activities.all()) == {early, late}
    assert draft not in release.activities.all()
    assert "pukul 06.30 WIB" in release.body and "pukul 20.00 WIB" in release.body
    assert "patroli dialogis" in release.body and "Kamis (28/11/2024)" in release.body
    assert release.variant_seed == date(2024, 11, 28).toordinal()


def test_a_day_without_verified_activities_has_no_release(cast):
    with pytest.raises(ValidationError):
        services.draft_daily_release(cast["humas"], Unit.objects.get(code="polsek-klari"), date(2024, 11, 28))


def test_a_daily_release_outside_the_jurisdiction_is_refused(cast):
    with pytest.raises(PermissionDenied):
        services.draft_daily_release(
            cast["humas"], Unit.objects.get(code="polsek-campaka"), date(2024, 11, 28)
        )


@pytest.mark.parametrize(
    ("username", "sees_draft", "sees_published"),
    [
        ("humas", True, True),
        ("kapolsek_a", True, True),
        ("kapolres", True, True),
        ("auditor", True, True),
        ("admin", True, True),
        ("officer_a", False, True),
        ("analyst", False, True),
        ("officer_b", False, False),  # Cikampek does not cover Klari
        ("officer_purwakarta", False, False),
    ],
)
def test_who_reads_which_release(cast, username, sees_draft, sees_published):
    draft = release_for(cast)
    published = release_for(cast, status="published")
    visible = set(PressRelease.objects.for_user(cast[username]))
    assert (draft in visible, published in visible) == (sees_draft, sees_published)
