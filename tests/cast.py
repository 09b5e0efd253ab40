"""The fixed cast of units, officers and users that every access test uses."""

CAST_UNITS_CSV = """code,kind,name,short_name,parent_code,area_codes
mabes,mabes,Mabes Polri,,,
polda-jabar,polda,Jawa Barat,Jabar,mabes,32
polres-karawang,polres,Karawang,,polda-jabar,32.15
polsek-klari,polsek,Klari,,polres-karawang,32.15.05
polsek-cikampek,polsek,Cikampek,,polres-karawang,32.15.13
polres-purwakarta,polres,Purwakarta,,polda-jabar,32.14
polsek-campaka,polsek,Campaka,,polres-purwakarta,32.14.02
"""

CAST_OFFICERS_CSV = """nrp,name,rank,position,unit_code,desa_codes,phone,active
70000001,"Tes Kapolres, S.I.K.",AKBP,Kapolres,polres-karawang,,0812-0000-0001,ya
70000002,"H. Tes Kapolsek A, S.H.",Kompol,Kapolsek,polsek-klari,,0812-0000-0002,ya
70000003,Tes Bhabin A,Bripka,Bhabinkamtibmas,polsek-klari,32.15.05.2001,0812-0000-0003,ya
70000004,Tes Bhabin B,Briptu,Bhabinkamtibmas,polsek-cikampek,32.15.13.2001,0812-0000-0004,ya
70000005,Tes Kapolsek Campaka,Iptu,Kapolsek,polsek-campaka,,0812-0000-0005,ya
"""

# username -> (role, unit code, officer NRP)
CAST = {
    "officer_a": ("field_officer", "polsek-klari", "70000003"),
    "kapolsek_a": ("commander", "polsek-klari", "70000002"),
    "kapolres": ("commander", "polres-karawang", "70000001"),
    "officer_b": ("field_officer", "polsek-cikampek", "70000004"),
    "analyst": ("analyst", "polres-karawang", None),
    "humas": ("humas", "polres-karawang", None),
    "auditor": ("auditor", "polda-jabar", None),
    "admin": ("administrator", "polda-jabar", None),
    "officer_purwakarta": ("field_officer", "polsek-campaka", "70000005"),
}
PASSWORD = "cast-password-1"


def build_cast_users():
    from sejuk.accounts.models import User
    from sejuk.units.models import Officer, Unit

    for username, (role, unit_code, nrp) in CAST.items():
        user = User(
            username=username,
            role=role,
            unit=Unit.objects.get(code=unit_code),
            officer=Officer.objects.get(nrp=nrp) if nrp else None,
            is_staff=role in ("administrator", "auditor"),
        )
        user.set_password(PASSWORD)
        user.save()
