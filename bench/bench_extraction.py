"""Extraction throughput on one core: articles per second over the development corpus.

Usage: .venv/bin/python bench/bench_extraction.py [--min-articles N] [--corpus PATH]

The corpus (30 synthetic articles plus the seed release) is repeated until at least N articles
(default 2,000) have been extracted. `--corpus tests/press/realistic/articles.jsonl` measures the
messier held-out set instead (web pages, boilerplate; see docs/press-extraction.md).
The gazetteer index is built once before timing starts, as a long-running process would.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sejuk.press.extraction import extract, warm_up  # noqa: E402

DEFAULT_CORPUS = Path("/work/shared/corpus/articles.jsonl")
SEED = Path("/work/shared/seed/000_58e2063ba70b3d8f.txt")


def load_texts(corpus: Path) -> list[str]:
    texts = [
        json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    if SEED.exists():
        texts.append(SEED.read_text(encoding="utf-8"))
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-articles", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 1
    texts = load_texts(args.corpus)
    started = time.perf_counter()
    warm_up()
    warm = time.perf_counter() - started
    rounds = -(-args.min_articles // len(texts))
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for text in texts:
            extract(text)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    count = rounds * len(texts)
    print(f"gazetteer warm-up: {warm:.2f} s")
    print(f"extracted {count} articles in {elapsed:.2f} s wall, {cpu:.2f} s CPU (one core)")
    # CPU time is the fair single-core figure on a shared machine; wall time includes waiting.
    print(f"throughput: {count / cpu:.0f} articles/s (CPU), {count / elapsed:.0f} articles/s (wall)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
