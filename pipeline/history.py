"""One kommun through time: every record, oldest first, and what changed between its
consecutive promise periods (``diff.diff_records``)."""
from __future__ import annotations

from .diff import diff_records
from .render import period


def _when(r: dict) -> tuple:
    p = r.get("period")
    return (0, p["start"], p["end"], r["id"]) if p else (1, 0, 0, r["id"])  # undated last


def _end(r: dict) -> tuple:
    return (r["period"]["end"], r["period"]["start"])


def history(records: list[dict]) -> dict:
    """``records``: those of one kommun. Diffs pair each dated promise with the next one
    whose period ends later (follow-ups and agreements are listed, not diffed)."""
    rs = sorted(records, key=_when)
    promises = [r for r in rs if r.get("period") and r["doc_type"] == "medborgarlofte"]
    pairs, prev = [], None
    for r in promises:
        if prev is None or _end(prev) < _end(r):
            if prev is not None:
                pairs.append((prev, r))
            prev = r
    return {"records": [{"id": r["id"], "period": r.get("period"), "doc_type": r["doc_type"],
                         "activities": len(r["activities"]), "url": r["source"]["url"]} for r in rs],
            "diffs": [diff_records(a, b) for a, b in pairs]}


def timeline_text(name: str, h: dict, markdown: bool = False) -> str:
    n = len(h["records"])
    if markdown:
        lines = [f"# {name}: {n} records, oldest first", "", "| period | id | type | activities | url |",
                 "|---|---|---|---|---|"]
        lines += [f"| {period(r['period'])} | {r['id']} | {r['doc_type']} | {r['activities']} | {r['url']} |"
                  for r in h["records"]]
    else:
        lines = [f"{name}: {n} records, oldest first"]
        lines += [f"  {period(r['period']):<10} {r['id']:<34} {r['doc_type']:<26} {r['activities']:>3} activities  {r['url']}"
                  for r in h["records"]]
    return "\n".join(lines) + "\n"
