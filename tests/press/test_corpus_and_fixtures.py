"""End to end: the development corpus (read from ../shared beside the checkout) and own fixtures.

The fixtures under fixtures/ are releases written for these tests (fictional people, real
places, varied regions and styles, typos, headers, HTML) with hand-labelled expected records.
"""

import json
import os
from pathlib import Path

import pytest

from sejuk.press.extraction import evaluate, extract

# shared/ sits beside the checkout (here and in CI); SEJUK_SHARED overrides it.
SHARED = Path(os.environ.get("SEJUK_SHARED", Path(__file__).resolve().parents[3] / "shared"))
CORPUS = SHARED / "corpus"
SEED = SHARED / "seed" / "000_58e2063ba70b3d8f.txt"
FIXTURES = Path(__file__).parent / "fixtures"
FIELDS = ("activity_date", "units", "officers", "places", "activity_types", "election", "messages")


def _fixture_pairs() -> list[tuple[Path, Path]]:
    pairs = []
    for expected in sorted(FIXTURES.glob("*.json")):
        [source] = [p for p in FIXTURES.glob(expected.stem + ".*") if p.suffix != ".json"]
        pairs.append((source, expected))
    return pairs


def _canonical(value):
    if isinstance(value, list):
        return sorted(json.dumps(item, sort_keys=True).lower() for item in value)
    if isinstance(value, dict) and all(isinstance(v, list) for v in value.values()):
        return {key: sorted(v.lower() for v in items) for key, items in value.items()}
    return value


def test_there_are_at_least_five_own_fixtures():
    assert len(_fixture_pairs()) >= 5


@pytest.mark.parametrize(("source", "expected"), _fixture_pairs(), ids=lambda p: p.stem)
def test_an_own_fixture_release_is_extracted_exactly(source: Path, expected: Path):
    gold = json.loads(expected.read_text(encoding="utf-8"))
    record = extract(source.read_text(encoding="utf-8"), gold["id"])
    for field in FIELDS:
        assert _canonical(record[field]) == _canonical(gold[field]), field
    names = lambda figures: sorted((f["name"].lower(), f["category"]) for f in figures)  # noqa: E731
    assert names(record["figures"]) == names(gold["figures"])


def test_own_fixture_roles_overlap_their_labels():
    gold, predicted = [], []
    for source, expected in _fixture_pairs():
        gold.append(json.loads(expected.read_text(encoding="utf-8")))
        predicted.append(extract(source.read_text(encoding="utf-8"), gold[-1]["id"]))
    assert evaluate(gold, predicted)["figure_roles"]["f1"] >= 0.8


@pytest.mark.skipif(not (CORPUS / "gold.jsonl").exists(), reason="development corpus not available")
def test_the_development_corpus_scores_an_overall_f1_of_at_least_0_90():
    gold = [
        json.loads(line) for line in (CORPUS / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line
    ]
    articles = [
        json.loads(line)
        for line in (CORPUS / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        if line
    ]
    predicted = [extract(a["text"], a["id"], a.get("title")) for a in articles]
    if SEED.exists():
        predicted.append(extract(SEED.read_text(encoding="utf-8"), "seed"))
    result = evaluate(gold, predicted)
    assert result["overall"]["f1"] >= 0.90
    assert all(scores["f1"] >= 0.80 for scores in result["fields"].values())
