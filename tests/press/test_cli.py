"""The `extract` command line, driven through `run()` with in-memory streams."""

import io
import json
from pathlib import Path

from sejuk.press.extraction import run

RELEASE = (
    "KARAWANG – Polsek Klari Polres Karawang menyambangi tokoh masyarakat di Kecamatan Klari, "
    "Kamis (28/11/2024). Kapolsek Klari Kompol Andi Nugraha mengimbau warga menjaga kamtibmas "
    "pasca Pilkada 2024."
)


def call(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(argv, io.StringIO(stdin), out, err)
    return code, out.getvalue(), err.getvalue()


def test_help_is_bilingual_and_exits_zero():
    code, out, _ = call(["--help"])
    assert code == 0 and "Penggunaan" in out and "usage" in out and "--evaluate" in out


def test_stdin_plain_text_gives_one_json_line():
    code, out, _ = call(["extract"], RELEASE)
    [line] = out.splitlines()
    assert code == 0 and json.loads(line)["units"][0] == {"level": "polsek", "name": "Klari"}


def test_a_text_file_is_named_by_its_stem_and_jsonl_gives_one_line_per_record(tmp_path: Path):
    (tmp_path / "rilis_01.txt").write_text(RELEASE, encoding="utf-8")
    lines = [json.dumps({"id": "a", "title": "t", "text": RELEASE}), json.dumps({"id": "b", "text": ""})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    code, out, err = call([str(tmp_path / "rilis_01.txt"), str(tmp_path / "batch.jsonl")])
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["rilis_01", "a", "b"]
    assert "kosong" in err and "empty" in err


def test_missing_files_and_bad_json_lines_are_reported_and_the_rest_goes_on(tmp_path: Path):
    (tmp_path / "bad.jsonl").write_text('{"id": "ok", "text": "x"}\nnot json\n', encoding="utf-8")
    code, out, err = call([str(tmp_path / "nope.txt"), str(tmp_path / "bad.jsonl")])
    assert code == 1 and len(out.splitlines()) == 1
    assert "tidak dapat dibaca" in err and "cannot read" in err and "baris 2" in err


def test_english_input_is_flagged_in_both_languages():
    _, _, err = call([], "The police visited the village elders and urged calm after the vote.")
    assert "bukan berbahasa Indonesia" in err and "does not look Indonesian" in err


def test_an_unknown_option_is_a_usage_error():
    code, _, err = call(["--frobnicate"])
    assert code == 2 and "opsi tidak dikenal" in err


def test_evaluate_scores_articles_and_extra_text_files_against_gold(tmp_path: Path):
    (tmp_path / "seed.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "articles.jsonl").write_text(
        json.dumps({"id": "a1", "text": RELEASE}) + "\n", encoding="utf-8"
    )
    _, out, _ = call([str(tmp_path / "articles.jsonl")])
    gold = json.loads(out)
    lines = [json.dumps(gold), json.dumps({**gold, "id": "seed"})]
    (tmp_path / "gold.jsonl").write_text("\n".join(lines), encoding="utf-8")
    argv = [
        "--evaluate",
        str(tmp_path / "gold.jsonl"),
        str(tmp_path / "articles.jsonl"),
        f"seed={tmp_path / 'seed.txt'}",
    ]
    code, out, err = call(argv + ["--json"])
    result = json.loads(out)
    assert code == 0 and err == ""
    assert result["records"] == 2 and result["overall"]["f1"] == 1.0
    code, table, _ = call(argv)
    assert "overall" in table.splitlines()[-2]


def test_evaluate_without_both_files_is_a_usage_error():
    code, _, err = call(["--evaluate", "gold.jsonl"])
    assert code == 2 and "ARTICLES.jsonl" in err
