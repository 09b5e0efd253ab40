import pytest

from sejuk.units.models import Position, Rank
from sejuk.units.names import split_name
from sejuk.units.positions import parse_position
from sejuk.units.ranks import RANKS, parse_rank


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Kopol", "Kompol"),
        ("KOMPOL", "Kompol"),
        ("AIPDA", "Aipda"),
        ("Kombes Pol", "Kombes"),
        ("Kombespol", "Kombes"),
        ("Brigadir", "Brigpol"),
        ("BRIGADIR", "Brigpol"),
        ("Brigpol", "Brigpol"),
        ("Iptu.", "Iptu"),
        ("IPDA", "Ipda"),
        ("BRIPKA", "Bripka"),
        ("AKBP", "AKBP"),
        ("akp", "AKP"),
        ("Irjen Pol", "Irjen"),
        ("Brigjen Pol.", "Brigjen"),
        ("Jenderal Polisi", "Jenderal Polisi"),
        ("Bharada", "Bharada"),
        ("Ajun Komisaris Besar Polisi", "AKBP"),
    ],
)
def test_ranks_are_parsed_as_releases_spell_them(written, canonical):
    assert parse_rank(written).abbreviation == canonical


@pytest.mark.parametrize("written", ["Kapten", "Serda", "", None, "Letkol Inf"])
def test_tni_ranks_and_nonsense_are_not_police_ranks(written):
    assert parse_rank(written) is None


def test_ranks_are_ordered_from_the_highest():
    assert [r.abbreviation for r in RANKS[:3]] == ["Jenderal Polisi", "Komjen", "Irjen"]
    assert RANKS[-1].abbreviation == "Bharada"
    assert len({r.order for r in RANKS}) == len(RANKS) == 22


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Kapolsek", "kapolsek"),
        ("Kapolsek Klari", "kapolsek"),
        ("Kanit Binmas Polsek Tambaksari", "kanit_binmas"),
        ("Bhabinkamtibmas Kelurahan Ubud", "bhabinkamtibmas"),
        ("Bhabinkamtibmas Desa Duren", "bhabinkamtibmas"),
        ("Kasi Humas", "kasi_humas"),
        ("Kasat Binmas Polres Karawang", "kasat_binmas"),
        ("Wakapolsek", "wakapolsek"),
        ("Kanit Propam", "kanit_propam"),
        ("Kanit Intelkam", "kanit_intelkam"),
        ("Kanit Samapta", "kanit_samapta"),
        ("Kapolda Jabar", "kapolda"),
        ("Kapolresta", "kapolresta"),
        ("Kabid Humas Polda Jabar", "kabid_humas"),
    ],
)
def test_positions_drop_the_unit_name(written, code):
    assert parse_position(written).code == code


@pytest.mark.parametrize(
    ("written", "name", "front", "degrees"),
    [
        ("H Andryan Nugraha,SH", "Andryan Nugraha", ("H.",), ("S.H.",)),
        ("Hendra Wiratama Saputra, S.I.K., M.H.", "Hendra Wiratama Saputra", (), ("S.I.K.", "M.H.")),
        ("KH. Endang Hidayatullah", "Endang Hidayatullah", ("KH",), ()),
        ("Drs. H. Budi Santoso, M.Si", "Budi Santoso", ("Drs.", "H."), ("M.Si.",)),
        ("I Gusti Ngurah Putra", "I Gusti Ngurah Putra", (), ()),
        ("Lalu Muhammad Zaini", "Lalu Muhammad Zaini", (), ()),
        ("Ust. Rahmat", "Rahmat", ("Ustadz",), ()),
        ("Pdt. Yohanes Lado, S.Th.", "Yohanes Lado", ("Pdt.",), ("S.Th.",)),
    ],
)
def test_titles_and_degrees_are_held_apart_from_the_name(written, name, front, degrees):
    person = split_name(written)
    assert (person.name, person.front_titles, person.degrees) == (name, front, degrees)


@pytest.mark.django_db
def test_rank_and_position_tables_follow_the_code_after_migrate():
    assert Rank.objects.count() == 22
    assert Rank.objects.get(abbreviation="Kompol").group == "pamen"
    assert Position.objects.get(code="bhabinkamtibmas").title == "Bhabinkamtibmas"
    assert Position.objects.filter(is_commander=True).count() >= 5
