"""Command line: `extract [FILE ...]` and `extract --evaluate GOLD ARTICLES [ID=TEXT ...]`.

`run()` takes its streams as arguments so that a Django management command (or a test) can
wrap it. Messages for people are in Indonesian first, English after.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

from .evaluate import evaluate, format_table
from .extractor import extract_document
from .text import MAX_CHARS, build_document, looks_indonesian

HELP = """\
Penggunaan / usage:
  extract [FILE ...]
      Ekstrak siaran pers; satu objek JSON per artikel per baris. Tanpa FILE dibaca dari stdin.
      Extract press releases; one JSON object per article per line. Reads stdin without FILE.
      FILE: teks biasa (satu artikel, id = nama file tanpa akhiran) atau .jsonl dengan
      {"id", "title", "text"} per baris. / plain text (one article, id = file stem) or .jsonl.

  extract --evaluate GOLD.jsonl ARTICLES.jsonl [ID=TEXT_FILE ...] [--json]
      Bandingkan hasil ekstraksi dengan gold; cetak presisi, recall dan F1 per bidang.
      Score extraction against gold records; print precision, recall and F1 per field.
      ID=TEXT_FILE menambah artikel teks biasa dengan id tertentu, mis. / adds a plain-text
      article under an id, e.g.  seed=/work/shared/seed/000_58e2063ba70b3d8f.txt
      (tanpa "ID=" id-nya nama file / without "ID=" the id is the file stem).
      --json  cetak hasil sebagai JSON / print the result as JSON.

Kode keluar / exit codes: 0 berhasil / ok, 1 sebagian masukan bermasalah / some input failed,
2 penggunaan salah / usage error.
"""


class _Inputs:
    """Reads articles from files or stdin and collects problems as bilingual messages."""

    def __init__(self, stdin: IO, stderr: IO) -> None:
        self.stdin, self.stderr, self.failed = stdin, stderr, False

    def warn(self, indonesian: str, english: str, failure: bool = False) -> None:
        self.stderr.write(f"{indonesian} / {english}\n")
        self.failed = self.failed or failure

    def _read(self, path: str | None) -> str | None:
        try:
            if path is None:
                raw = self.stdin.buffer.read() if hasattr(self.stdin, "buffer") else self.stdin.read()
            else:
                raw = Path(path).read_bytes()
        except OSError as error:
            self.warn(f"Galat: berkas {path} tidak dapat dibaca ({error.strerror})",
                      f"Error: cannot read file {path}", failure=True)  # fmt: skip
            return None
        return raw.decode("utf-8-sig", errors="replace") if isinstance(raw, bytes) else raw

    def articles(self, path: str | None, article_id: str | None = None) -> list[dict]:
        content = self._read(path)
        if content is None:
            return []
        name = path or "stdin"
        if name.endswith(".jsonl") or (path is None and content.lstrip().startswith("{")):
            return self._jsonl(content, name)
        return [{"id": article_id or (Path(path).stem if path else "stdin"), "title": None, "text": content}]

    def records(self, path: str) -> list[dict]:
        """Raw JSON objects of a .jsonl file (gold records)."""
        content = self._read(path)
        return [] if content is None else self._objects(content, path)

    def _objects(self, content: str, name: str) -> list[dict]:
        objects = []
        for number, line in enumerate(content.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError
            except ValueError:
                self.warn(
                    f"Galat: baris {number} di {name} bukan objek JSON yang sah",
                    f"Error: line {number} of {name} is not a valid JSON object",
                    failure=True,
                )
                continue
            record.setdefault("id", f"{name}:{number}")
            objects.append(record)
        return objects

    def _jsonl(self, content: str, name: str) -> list[dict]:
        articles = []
        for record in self._objects(content, name):
            text = record.get("text")
            articles.append(
                {
                    "id": record["id"],
                    "title": record.get("title"),
                    "text": text if isinstance(text, str) else "",
                }
            )
        return articles


def _extract_one(article: dict, inputs: _Inputs) -> dict:
    doc = build_document(article["text"], article.get("title"))
    label = article["id"]
    if doc.empty:
        inputs.warn(f"Peringatan: artikel {label} kosong; rekaman kosong dikeluarkan",
                    f"Warning: article {label} is empty; an empty record was written")  # fmt: skip
    elif not looks_indonesian(doc.body):
        inputs.warn(
            f"Peringatan: artikel {label} tampaknya bukan berbahasa Indonesia; hasil bisa kosong",
            f"Warning: article {label} does not look Indonesian; the record may be empty",
        )
    if doc.truncated:
        inputs.warn(
            f"Peringatan: artikel {label} terlalu panjang; hanya {MAX_CHARS} karakter pertama dibaca",
            f"Warning: article {label} is too long; only the first {MAX_CHARS} characters were read",
        )
    return extract_document(doc, label)


def _run_extract(files: list[str], inputs: _Inputs, stdout: IO) -> int:
    for path in files or [None]:
        for article in inputs.articles(path):
            stdout.write(json.dumps(_extract_one(article, inputs), ensure_ascii=False) + "\n")
    return 1 if inputs.failed else 0


def _run_evaluate(args: list[str], as_json: bool, inputs: _Inputs, stdout: IO) -> int:
    if len(args) < 2:
        inputs.warn("Galat: --evaluate memerlukan GOLD.jsonl dan ARTICLES.jsonl",
                    "Error: --evaluate needs GOLD.jsonl and ARTICLES.jsonl")  # fmt: skip
        return 2
    gold = inputs.records(args[0])
    articles = inputs.articles(args[1])
    for extra in args[2:]:
        article_id, _, path = extra.rpartition("=") if "=" in extra else (None, "", extra)
        articles += inputs.articles(path, article_id or None)
    predicted = [_extract_one(article, inputs) for article in articles]
    result = evaluate(gold, predicted)
    for missing in result["missing"]:
        inputs.warn(f"Peringatan: tidak ada artikel untuk gold {missing}",
                    f"Warning: no article for gold record {missing}")  # fmt: skip
    stdout.write((json.dumps(result, indent=2) if as_json else format_table(result)) + "\n")
    return 1 if inputs.failed else 0


def run(argv: list[str], stdin: IO, stdout: IO, stderr: IO) -> int:
    """Entry point shared by `python -m sejuk.press.extraction` and the management command."""
    args = list(argv)
    if args and args[0] == "extract":
        args = args[1:]
    if "-h" in args or "--help" in args:
        stdout.write(HELP)
        return 0
    inputs = _Inputs(stdin, stderr)
    unknown = [a for a in args if a.startswith("--") and a not in ("--evaluate", "--json")]
    if unknown:
        inputs.warn(f"Galat: opsi tidak dikenal {unknown[0]} (lihat --help)",
                    f"Error: unknown option {unknown[0]} (see --help)")  # fmt: skip
        return 2
    as_json = "--json" in args
    positional = [a for a in args if a not in ("--evaluate", "--json")]
    if "--evaluate" in args:
        return _run_evaluate(positional, as_json, inputs, stdout)
    return _run_extract(positional, inputs, stdout)
