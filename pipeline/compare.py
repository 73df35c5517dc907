"""Records side by side: one row per record, and one row per activity (long form).

Rows are typed: numbers are numbers, flags are booleans, a missing value is None (JSON
null, an empty CSV cell). CSV cells are neutralized against formula injection (README,
"CSV and spreadsheets").
"""
from __future__ import annotations

import csv
import io
import json
from collections import Counter

from .models import Category
from .render import escape_markdown  # page text never becomes HTML or Markdown markup in a table

CATEGORIES: tuple[str, ...] = Category.__args__  # taxonomy order, from the schema
FLAGS = ("named_actor", "count_or_frequency", "place", "time_bound")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP "CSV Injection"


def period_text(p: dict | None) -> str:
    """A period as "2019" or "2019-2020" (empty without one), for tables."""
    if not p:
        return ""
    return str(p["start"]) if p["start"] == p["end"] else f"{p['start']}-{p['end']}"


def _period(r: dict) -> str:
    return period_text(r.get("period"))


def _where(r: dict, kommun: str) -> dict:
    p = r.get("period") or {}
    return {"kommun_kod": r["kommuner"][0]["kod"], "kommun": kommun, "lokalpolisomrade": r.get("lokalpolisomrade"),
            "polisregion": r.get("polisregion"), "period": _period(r) or None,
            "period_start": p.get("start"), "period_end": p.get("end"), "doc_type": r["doc_type"]}


def measurable_flags(a: dict) -> dict:
    m = a.get("measurable") or {}
    return {f: bool(m.get(f)) for f in FLAGS}


def specificity(a: dict) -> int:
    """0–4: how many of the four measurability flags of an activity hold (the one definition;
    derived from the flags, so records written before the field existed count too)."""
    return sum(measurable_flags(a).values())


def record_rows(records: list[dict], follow_up_shares: dict[str, float] | None = None) -> list[dict]:
    """``follow_up_shares``: record id → the share of its promises that a follow-up report
    reports on (``track.follow_up_shares``); the column is empty without one."""
    shares = follow_up_shares or {}
    rows = []
    for r in sorted(records, key=lambda r: r["id"]):
        acts = r["activities"]
        cats = {c for fa in r["focus_areas"] for c in fa["categories"]}
        flags = [measurable_flags(a) for a in acts]
        spec = Counter(sum(f.values()) for f in flags)
        full = sum(all(f.values()) for f in flags)
        row = {"id": r["id"], "same_as": r.get("same_as"), **_where(r, ", ".join(k["namn"] for k in r["kommuner"]))}
        row.update({c: int(c in cats) for c in CATEGORIES})
        row["activities"] = len(acts)
        row["with_frequency"] = sum(a.get("frequency") is not None for a in acts)
        row.update({f"with_{f}": sum(x[f] for x in flags) for f in FLAGS})
        row["fully_measurable"] = full
        row["measurable_share"] = round(full / len(acts), 4) if acts else None
        row.update({f"specificity_{n}": spec.get(n, 0) for n in range(5)})
        row["mean_specificity"] = round(sum(k * v for k, v in spec.items()) / len(acts), 4) if acts else None
        row["follow_up_share"] = round(shares[r["id"]], 4) if r["id"] in shares else None
        row["url"] = r["source"]["url"]
        rows.append(row)
    return rows


def activity_rows(records: list[dict]) -> list[dict]:
    rows = []
    for r in sorted(records, key=lambda r: r["id"]):
        cat_of = {fa["title"]: "|".join(fa["categories"]) for fa in r["focus_areas"]}
        for n, a in enumerate(r["activities"], 1):
            f = a.get("frequency") or {}
            flags = measurable_flags(a)
            rows.append({
                "record_id": r["id"], "n": n, **_where(r, r["kommuner"][0]["namn"]),
                "focus_area": a.get("focus_area"), "focus_category": cat_of.get(a.get("focus_area")),
                "actors": "|".join(a["actors"]), "times": f.get("times"), "per": f.get("per"),
                "interval": f.get("interval"), "at_least": f.get("at_least"), "approximate": f.get("approximate"),
                "cadence_word": a.get("cadence_word"), "places": "|".join(a.get("places") or []) or None,
                "target_groups": "|".join(a.get("target_groups") or []) or None,
                **flags, "specificity": sum(flags.values()), "fully_measurable": all(flags.values()),
                "text": a["text"], "url": r["source"]["url"],
            })
    return rows


def national_rows(records: list[dict]) -> list[dict]:
    """The national distribution of activity specificity: one row per level 0–4."""
    counts = Counter(specificity(a) for r in records for a in r["activities"])
    total = sum(counts.values())
    return [{"specificity": n, "activities": counts.get(n, 0),
             "share": round(counts.get(n, 0) / total, 4) if total else None} for n in range(5)]


def plain_rows(rows: list[dict]) -> list[dict]:
    """Rows as display text (None empty, flags 1/0), for HTML and Markdown tables."""
    return [{k: _plain(v) for k, v in r.items()} for r in rows]


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def cell(value) -> str:
    """One CSV cell: None empty, booleans 1/0, and text that a spreadsheet would run as a
    formula (starting with = + - @, tab or CR) gets a leading single quote."""
    text = _plain(value)
    return "'" + text if isinstance(value, str) and text.startswith(FORMULA_STARTS) else text


def to_csv(rows: list[dict], excel: bool = False, columns: list[str] | None = None) -> str:
    """Plain UTF-8 with LF; ``excel``: with BOM and CRLF, so that Excel opens it with å,
    ä, ö intact. ``columns``: these, in this order, with a header even without rows (else
    the first row's keys, and nothing without rows)."""
    buf = io.StringIO()
    cols = columns or (list(rows[0]) if rows else None)
    if cols:
        w = csv.writer(buf, lineterminator="\r\n" if excel else "\n")
        w.writerow(cols)
        w.writerows([cell(row[c]) for c in cols] for row in rows)
    return ("\ufeff" if excel else "") + buf.getvalue()


def to_markdown(rows: list[dict]) -> str:
    if not rows:
        return ""
    cols = list(rows[0])
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(escape_markdown(_plain(r[c])) for c in cols) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def to_json(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
