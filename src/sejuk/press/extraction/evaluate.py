"""Scoring extracted records against gold records: precision, recall and F1 per field and overall.

How each field is scored (records are paired by `id`; a gold record with no prediction is
scored against an empty record):

- List fields are sets of items; an item is a true positive when it is paired one-to-one with
  an equal gold item (greedy pairing, best credit first). Precision = TP / predicted items,
  recall = TP / gold items, F1 their harmonic mean; all micro-averaged over records.
  - `units`: (level, name). Names compare case-, space- and punctuation-insensitively; a polda
    name that is a province or province alias compares as that province ("Jabar" = "Jawa Barat").
  - `officers`: (name, rank, position). Rank and position compare case-insensitively; a null
    position only equals null. Names compare case- and punctuation-insensitively
    ("Moh. Rofiki" = "Moh Rofiki"); when one name's words are all inside the other's
    ("Zulkifli" / "Zulkifli Dt Rajo Intan") the pair earns 0.5 instead of 1.
  - `figures`: (name, category), names as for officers (so the partial credit applies);
    `role` is free text and is NOT part of the item. It is reported separately as the
    diagnostic row `figures.role`: over the figure pairs that matched, the share whose roles
    agree, where two roles agree when both are null or the Dice overlap of their word sets
    is at least 0.5. The diagnostic row is not included in the overall score.
  - `places`: (level, name) over the four levels. The level word is ignored ("Kota Bandung" =
    "Bandung"), spaces do not matter ("Palangka Raya" = "Palangkaraya"), and a province
    compares as its code, so aliases match ("NTB" = "Nusa Tenggara Barat", "Sumut" = "Sumatera Utara").
  - `activity_types`, `messages`: codes, case-insensitive.
- Single-valued fields (`activity_date`, `election.kind`, `election.year`, `election.phase`):
  every record contributes exactly one gold value and one predicted value, null included;
  equal values (null = null too) are a true positive, so precision = recall = accuracy.
  Abstaining correctly (null where the gold is null, as in contradictory dates) is rewarded.
- `overall` micro-averages all the fields above (sums of TP, predicted and gold items).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from sejuk.regions.gazetteer import normalize_name

from . import gazette
from .names import name_key

LIST_FIELDS = ("units", "officers", "figures", "places", "activity_types", "messages")
SINGLE_FIELDS = ("activity_date", "election.kind", "election.year", "election.phase")
FIELDS = ("activity_date", "units", "officers", "figures", "places", "activity_types",
          "election.kind", "election.year", "election.phase", "messages")  # fmt: skip
PLACE_LEVELS = ("desa", "kecamatan", "kabupaten_kota", "provinsi")
_WORDS = re.compile(r"[a-z0-9]+")


def _squash(text: str | None) -> str:
    return gazette.squash(text or "")


def _province_key(name: str) -> str:
    codes = gazette.province_codes(normalize_name(name) or name)
    return f"prov:{codes[0]}" if codes else _squash(name)


def _place_key(level: str, name: str) -> str:
    if level == "provinsi":
        return _province_key(name)
    return _squash(normalize_name(name) or name)


def _unit_key(unit: dict) -> tuple[str, str]:
    level, name = (unit.get("level") or "").lower(), unit.get("name") or ""
    return level, _province_key(name) if level == "polda" else _squash(name)


def _lower(value: str | None) -> str | None:
    return value.lower().strip() if isinstance(value, str) else value


def _items(record: dict, field: str) -> list[tuple]:
    if field == "units":
        return [_unit_key(u) for u in record.get("units") or []]
    if field == "officers":
        return [
            (name_key(o.get("name") or ""), _lower(o.get("rank")), _lower(o.get("position")))
            for o in record.get("officers") or []
        ]
    if field == "figures":
        return [
            (name_key(f.get("name") or ""), _lower(f.get("category"))) for f in record.get("figures") or []
        ]
    if field == "places":
        places = record.get("places") or {}
        return [
            (level, _place_key(level, name)) for level in PLACE_LEVELS for name in places.get(level) or []
        ]
    return [(_lower(code),) for code in record.get(field) or []]


def _single(record: dict, field: str):
    if field.startswith("election."):
        value = (record.get("election") or {}).get(field.split(".", 1)[1])
    else:
        value = record.get(field)
    return _lower(value) if isinstance(value, str) else value


def _name_credit(a: str, b: str) -> float:
    if a == b:
        return 1.0
    wa, wb = set(a.split()), set(b.split())
    return 0.5 if wa and wb and (wa <= wb or wb <= wa) else 0.0


def _credit(field: str, gold: tuple, pred: tuple) -> float:
    if field in ("officers", "figures"):
        return _name_credit(gold[0], pred[0]) if gold[1:] == pred[1:] else 0.0
    return 1.0 if gold == pred else 0.0


def pair_up(
    gold: list, pred: list, credit: Callable[[object, object], float]
) -> list[tuple[int, int, float]]:
    """Greedy one-to-one pairing, highest credit first: (gold index, predicted index, credit)."""
    candidates = [
        (credit(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred) if credit(g, p) > 0
    ]
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for value, gi, pi in sorted(candidates, key=lambda c: -c[0]):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi, value))
    return pairs


def _scores(tp: float, n_pred: float, n_gold: float) -> dict:
    precision = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    recall = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": round(tp, 3),
        "pred": n_pred,
        "gold": n_gold,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


def _role_overlap(a: str | None, b: str | None) -> float:
    if not a and not b:
        return 1.0
    wa, wb = set(_WORDS.findall((a or "").lower())), set(_WORDS.findall((b or "").lower()))
    return 2 * len(wa & wb) / (len(wa) + len(wb)) if wa or wb else 1.0


def _figure_roles(gold: dict, pred: dict) -> tuple[int, int]:
    g_items, p_items = _items(gold, "figures"), _items(pred, "figures")
    pairs = pair_up(g_items, p_items, lambda a, b: _credit("figures", a, b))
    g_roles = [f.get("role") for f in gold.get("figures") or []]
    p_roles = [f.get("role") for f in pred.get("figures") or []]
    agreed = sum(1 for gi, pi, _ in pairs if _role_overlap(g_roles[gi], p_roles[pi]) >= 0.5)
    return len(pairs), agreed


def _pairs_by_id(
    gold: Iterable[dict], predicted: Iterable[dict]
) -> tuple[list[tuple[dict, dict]], list, list]:
    by_id = {p.get("id"): p for p in predicted}
    pairs, missing = [], []
    for record in gold:
        pred = by_id.pop(record.get("id"), None)
        if pred is None:
            missing.append(record.get("id"))
            pred = {"id": record.get("id")}
        pairs.append((record, pred))
    return pairs, missing, list(by_id)


def evaluate(gold: list[dict], predicted: list[dict]) -> dict:
    """Per-field and overall precision/recall/F1 (see the module docstring for the rules)."""
    totals = {field: [0.0, 0, 0] for field in FIELDS}
    roles = [0, 0]
    pairs, missing, unexpected = _pairs_by_id(gold, predicted)
    for g, p in pairs:
        for field in LIST_FIELDS:
            g_items, p_items = _items(g, field), _items(p, field)
            matched = pair_up(g_items, p_items, lambda a, b, f=field: _credit(f, a, b))
            totals[field][0] += sum(value for _, _, value in matched)
            totals[field][1] += len(p_items)
            totals[field][2] += len(g_items)
        for field in SINGLE_FIELDS:
            totals[field][0] += 1.0 if _single(g, field) == _single(p, field) else 0.0
            totals[field][1] += 1
            totals[field][2] += 1
        matched_figures, agreed = _figure_roles(g, p)
        roles[0] += matched_figures
        roles[1] += agreed
    fields = {field: _scores(*totals[field]) for field in FIELDS}
    overall = _scores(*(sum(t[i] for t in totals.values()) for i in range(3)))
    return {
        "fields": fields,
        "overall": overall,
        "figure_roles": _scores(roles[1], roles[0], roles[0]),
        "records": len(pairs),
        "missing": missing,
        "unexpected": unexpected,
    }


def format_table(result: dict) -> str:
    """A plain-text table: one row per field, the role diagnostic, then the overall row."""
    lines = [f"{'field':<16}{'precision':>10}{'recall':>9}{'f1':>8}{'gold':>7}{'pred':>7}"]
    rows = [
        *result["fields"].items(),
        ("figures.role*", result["figure_roles"]),
        ("overall", result["overall"]),
    ]
    for name, s in rows:
        if name == "overall":
            lines.append("-" * len(lines[0]))
        lines.append(
            f"{name:<16}{s['precision']:>10.3f}{s['recall']:>9.3f}{s['f1']:>8.3f}{s['gold']:>7}{s['pred']:>7}"
        )
    lines.append("* diagnostic, not in overall: matched figures whose roles overlap (Dice >= 0.5)")
    return "\n".join(lines)
