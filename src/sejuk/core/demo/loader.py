"""The demo scenario: Polda Jabar, Polres Karawang and Purwakarta, fictional people.

Idempotent: units and officers go through the CSV importers (which change nothing on a second
run) and users are created only when missing. Later issues add figures and activities here.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from sejuk.accounts.models import User
from sejuk.accounts.roles import Role
from sejuk.core.csvimport import ImportReport
from sejuk.units.importers import import_units
from sejuk.units.models import Officer, Unit
from sejuk.units.officer_import import import_officers

DEMO_PASSWORD = "sejuk-demo"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    unit_code: str
    officer_nrp: str | None
    description: str


DEMO_LOGINS: tuple[DemoLogin, ...] = (
    DemoLogin("bhabin.klari", Role.FIELD_OFFICER, "polsek-klari", "90100009", "Bhabinkamtibmas Polsek Klari"),
    DemoLogin("kapolsek.klari", Role.COMMANDER, "polsek-klari", "77080007", "Kapolsek Klari"),
    DemoLogin(
        "bhabin.cikampek",
        Role.FIELD_OFFICER,
        "polsek-cikampek",
        "91020013",
        "Bhabinkamtibmas Polsek Cikampek",
    ),
    DemoLogin("kapolres.karawang", Role.COMMANDER, "polres-karawang", "79030003", "Kapolres Karawang"),
    DemoLogin(
        "analis.karawang",
        Role.ANALYST,
        "polres-karawang",
        "88070006",
        "Analyst, Sat Intelkam Polres Karawang",
    ),
    DemoLogin("humas.karawang", Role.HUMAS, "polres-karawang", "85060005", "Kasi Humas Polres Karawang"),
    DemoLogin("admin.jabar", Role.ADMINISTRATOR, "polda-jabar", None, "Administrator, Polda Jabar"),
    DemoLogin("auditor.jabar", Role.AUDITOR, "polda-jabar", None, "Auditor, Polda Jabar"),
)


def _demo_file(name: str):
    return resources.files("sejuk.core.demo").joinpath(name)


def load_demo() -> list[ImportReport]:
    reports = []
    for name, importer in (("units.csv", import_units), ("officers.csv", import_officers)):
        with _demo_file(name).open(encoding="utf-8") as handle:
            report = importer(handle)
        if not report.ok:
            raise ValueError(f"demo {name}: {report.summary()}")
        reports.append(report)
    _ensure_users()
    return reports


def _ensure_users() -> None:
    units = {u.code: u for u in Unit.objects.filter(code__in=[d.unit_code for d in DEMO_LOGINS])}
    officers = {
        o.nrp: o
        for o in Officer.objects.filter(nrp__in=[d.officer_nrp for d in DEMO_LOGINS if d.officer_nrp])
    }
    for login in DEMO_LOGINS:
        if User.objects.filter(username=login.username).exists():
            continue
        officer = officers.get(login.officer_nrp) if login.officer_nrp else None
        user = User(
            username=login.username,
            role=login.role,
            unit=units[login.unit_code],
            officer=officer,
            first_name=officer.name if officer else login.description,
            is_staff=login.role in (Role.ADMINISTRATOR, Role.AUDITOR),
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
