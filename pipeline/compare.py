"""Records side by side: one row per record, and one row per activity (long form)."""
from __future__ import annotations

import csv
import io
import json

from .models import Category

CATEGORIES: tuple[str, ...] = Category.__args__  # taxonomy order, from the schema


def _period(r: dict) -> str:
    p = r.get("period")
    if not p:
        return ""
    return str(p["start"]) if p["start"] == p["end"] else f"{p['start']}-{p['end']}"


def _is_measurable(a: dict) -> bool:
    m = a.get("measurable") or {}
    return bool(m) and all(m.values())


def record_rows(records: list[dict], follow_up_shares: dict[str, float] | None = None) -> list[dict]:
    """``follow_up_shares``: record id → the share of its promises that a follow-up report
    reports on (``track.follow_up_shares``); the column is empty without one."""
    shares = follow_up_shares or {}
    rows = []
    for r in sorted(records, key=lambda r: r["id"]):
        acts = r["activities"]
        cats = {c for fa in r["focus_areas"] for c in fa["categories"]}
        row = {
            "id": r["id"], "kommun_kod": r["kommuner"][0]["kod"],
            "kommun": ", ".join(k["namn"] for k in r["kommuner"]), "polisregion": r.get("polisregion") or "",
            "period": _period(r), "doc_type": r["doc_type"],
        }
        row.update({c: int(c in cats) for c in CATEGORIES})
        row.update({
            "activities": len(acts),
            "with_frequency": sum(a["frequency"] is not None for a in acts),
            "with_named_actor": sum(bool((a.get("measurable") or {}).get("named_actor")) for a in acts),
            "with_place": sum(bool(a.get("places")) for a in acts),
            "fully_measurable": sum(_is_measurable(a) for a in acts),
            "measurable_share": f"{(sum(_is_measurable(a) for a in acts) / len(acts)) if acts else 0:.2f}",
            "follow_up_share": f"{shares[r['id']]:.2f}" if r["id"] in shares else "",
            "url": r["source"]["url"],
        })
        rows.append(row)
    return rows


def activity_rows(records: list[dict]) -> list[dict]:
    rows = []
    for r in sorted(records, key=lambda r: r["id"]):
        cat_of = {fa["title"]: "|".join(fa["categories"]) for fa in r["focus_areas"]}
        for n, a in enumerate(r["activities"], 1):
            f = a.get("frequency") or {}
            m = a.get("measurable") or {}
            rows.append({
                "record_id": r["id"], "n": n, "kommun_kod": r["kommuner"][0]["kod"],
                "kommun": r["kommuner"][0]["namn"], "period": _period(r),
                "focus_area": a.get("focus_area") or "", "focus_category": cat_of.get(a.get("focus_area"), ""),
                "actors": "|".join(a["actors"]), "times": f.get("times", ""), "per": f.get("per", ""),
                "interval": f.get("interval", ""), "at_least": f.get("at_least", ""),
                "cadence_word": a.get("cadence_word") or "", "places": "|".join(a.get("places") or []),
                "fully_measurable": int(bool(m) and all(m.values())), "text": a["text"],
            })
    return rows


def to_csv(rows: list[dict]) -> str:
    """UTF-8 with BOM and CRLF, so that Excel opens it with å, ä, ö intact."""
    buf = io.StringIO()
    if rows:
        w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\r\n")
        w.writeheader()
        w.writerows(rows)
    return "\ufeff" + buf.getvalue()


def to_markdown(rows: list[dict]) -> str:
    if not rows:
        return ""
    cols = list(rows[0])
    esc = lambda v: str(v).replace("|", "\\|").replace("\n", " ")  # noqa: E731
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(esc(r[c]) for c in cols) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def to_json(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
