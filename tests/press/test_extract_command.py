"""`sejuk extract` as operators call it: through the installed CLI, on files and standard input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "seed" / "000_58e2063ba70b3d8f.txt"


def sejuk(*args, stdin=""):
    return subprocess.run(
        [sys.executable, "-m", "sejuk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={"SEJUK_DEMO": "1", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


@pytest.mark.skipif(not SEED.exists(), reason="shared seed not present")
def test_extract_prints_the_seed_record_in_the_corpus_schema():
    result = sejuk("extract", str(SEED))
    record = json.loads(result.stdout.splitlines()[0])
    assert result.returncode == 0
    assert record["activity_date"] == "2024-11-28"
    assert {"level": "polsek", "name": "Klari"} in record["units"]
    assert {"name": "Andryan Nugraha", "rank": "Kompol", "position": "Kapolsek"} in record["officers"]


def test_extract_reads_standard_input_and_survives_empty_input():
    result = sejuk("extract", stdin="")
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr


@pytest.mark.skipif(not (SHARED / "corpus" / "gold.jsonl").exists(), reason="shared corpus not present")
def test_extract_evaluate_reports_overall_f1_of_at_least_0_90():
    corpus = SHARED / "corpus"
    result = sejuk(
        "extract", "--evaluate", str(corpus / "gold.jsonl"), str(corpus / "articles.jsonl"), f"seed={SEED}"
    )
    assert result.returncode == 0, result.stderr
    overall = [line for line in result.stdout.splitlines() if line.lower().startswith("overall")]
    assert overall and float(overall[0].split()[-1]) >= 0.90
