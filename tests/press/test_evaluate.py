"""Scoring rules: set items, aliases, partial name credit, single-valued fields, null = null."""

import pytest

from sejuk.press.extraction import empty_record, evaluate, format_table


def record(**fields) -> dict:
    base = empty_record("a")
    base.update(fields)
    return base


def f1(gold: dict, pred: dict, field: str) -> float:
    return evaluate([gold], [pred])["fields"][field]["f1"]


def test_identical_records_score_one_everywhere():
    gold = record(
        units=[{"level": "polsek", "name": "Klari"}], messages=["persatuan"], activity_date="2024-11-28"
    )
    result = evaluate([gold], [gold])
    assert result["overall"]["f1"] == 1.0


@pytest.mark.parametrize(
    ("gold_places", "pred_places"),
    [
        ({"provinsi": ["NTB"]}, {"provinsi": ["Nusa Tenggara Barat"]}),
        ({"provinsi": ["Jabar"]}, {"provinsi": ["jawa barat"]}),
        ({"kabupaten_kota": ["Palangka Raya"]}, {"kabupaten_kota": ["Palangkaraya"]}),
        ({"kabupaten_kota": ["Bandung"]}, {"kabupaten_kota": ["Kota Bandung"]}),
    ],
)
def test_place_aliases_spacing_and_level_words_do_not_matter(gold_places, pred_places):
    empty = {"desa": [], "kecamatan": [], "kabupaten_kota": [], "provinsi": []}
    assert (
        f1(record(places={**empty, **gold_places}), record(places={**empty, **pred_places}), "places") == 1.0
    )


def test_a_polda_name_matches_its_province_alias():
    gold = record(units=[{"level": "polda", "name": "Jabar"}])
    pred = record(units=[{"level": "polda", "name": "Jawa Barat"}])
    assert f1(gold, pred, "units") == 1.0


def test_a_name_with_a_kept_title_earns_half_credit():
    gold = record(figures=[{"name": "Zulkifli", "category": "tokoh adat", "role": None}])
    pred = record(figures=[{"name": "Zulkifli Dt. Rajo Intan", "category": "tokoh adat", "role": None}])
    assert f1(gold, pred, "figures") == 0.5


def test_officer_position_must_match_and_null_only_equals_null():
    gold = record(officers=[{"name": "Rizal Fahmi", "rank": "Bripda", "position": None}])
    assert (
        f1(gold, record(officers=[{"name": "rizal fahmi", "rank": "BRIPDA", "position": None}]), "officers")
        == 1.0
    )
    assert (
        f1(
            gold,
            record(officers=[{"name": "Rizal Fahmi", "rank": "Bripda", "position": "Kapolsek"}]),
            "officers",
        )
        == 0.0
    )


def test_single_valued_fields_count_null_equal_to_null_as_correct():
    result = evaluate([record()], [record()])
    assert result["fields"]["activity_date"]["tp"] == 1
    assert result["fields"]["election.kind"]["f1"] == 1.0


def test_a_wrong_date_costs_precision_and_recall():
    result = evaluate([record(activity_date=None)], [record(activity_date="2024-10-10")])
    assert result["fields"]["activity_date"]["precision"] == 0.0


def test_roles_are_a_loose_diagnostic_outside_the_overall_score():
    gold = record(
        figures=[
            {
                "name": "Endang",
                "category": "tokoh agama",
                "role": "KH., pengasuh Pondok Pesantren Nurul Falah",
            }
        ]
    )
    pred = record(
        figures=[{"name": "Endang", "category": "tokoh agama", "role": "KH., pengasuh pondok pesantren"}]
    )
    result = evaluate([gold], [pred])
    assert result["figure_roles"]["f1"] == 1.0 and result["overall"]["f1"] == 1.0


def test_a_gold_record_without_prediction_is_scored_as_empty_and_reported():
    result = evaluate([record(messages=["persatuan"])], [])
    assert result["missing"] == ["a"] and result["fields"]["messages"]["recall"] == 0.0


def test_the_table_lists_every_field_and_the_overall_row():
    table = format_table(evaluate([record()], [record()]))
    assert "activity_date" in table and "overall" in table and "figures.role*" in table
