"""Records → what changed from one period to the next.

Activities are aligned by the Dice overlap of their lemmas (``lemmas.py``: spaCy's lookup
table, read without loading spaCy), with the same focus category and the same frequency as
tie-breakers; pairs are taken greedily, best first. The JSON form is a public contract (see README, "promises diff").
"""
from __future__ import annotations

import difflib
from collections import Counter

from .lemmas import lemmas

MIN_SIMILARITY = 0.5
COMPARED_FIELDS = ("text", "frequency", "actors", "places", "focus_area")


def similarity(a: str, b: str) -> float:
    la, lb = Counter(lemmas(a)), Counter(lemmas(b))
    n = sum(la.values()) + sum(lb.values())
    return 2 * sum((la & lb).values()) / n if n else 0.0


def _category_of(record: dict, title: str | None) -> set[str]:
    for fa in record.get("focus_areas", []):
        if fa["title"] == title:
            return set(fa["categories"])
    return set()


def align(old: dict, new: dict, measure=None, min_similarity: float = MIN_SIMILARITY,
          many: bool = False) -> list[tuple[int, int, float]]:
    """Greedy best-first pairs (old index, new index, score) of similar activities.
    ``measure(old_text, new_text)`` replaces ``similarity``; with ``many`` an old activity
    may pair with several new ones (each new one still pairs once), as when a follow-up
    reports on one promise in several sentences (``promises track``)."""
    measure = measure or similarity
    cands = []
    for i, a in enumerate(old["activities"]):
        for j, b in enumerate(new["activities"]):
            s = measure(a["text"], b["text"])
            if s < min_similarity:
                continue
            tie = 0.0
            if _category_of(old, a.get("focus_area")) & _category_of(new, b.get("focus_area")):
                tie += 0.01
            if a.get("frequency") == b.get("frequency"):
                tie += 0.01
            cands.append((s + tie, i, j))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_o, used_n, pairs = set(), set(), []
    for s, i, j in cands:
        if (many or i not in used_o) and j not in used_n:
            used_o.add(i)
            used_n.add(j)
            pairs.append((i, j, round(s, 4)))
    return sorted(pairs, key=lambda p: p[1])


def word_diff(old: str, new: str) -> list[list[str]]:
    """[["=", "same words"], ["-", "removed"], ["+", "added"]], word by word."""
    a, b = old.split(), new.split()
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(["=", " ".join(a[i1:i2])])
        if tag in ("delete", "replace"):
            ops.append(["-", " ".join(a[i1:i2])])
        if tag in ("insert", "replace"):
            ops.append(["+", " ".join(b[j1:j2])])
    return ops


def _norm(text: str) -> str:
    return " ".join(text.split()).rstrip(" .").lower()


def _changes(a: dict, b: dict) -> list[dict]:
    out = []
    for field in COMPARED_FIELDS:
        va, vb = a.get(field), b.get(field)
        if field == "text":
            if _norm(va) != _norm(vb):
                out.append({"field": "text", "old": va, "new": vb})
        elif field in ("actors", "places"):
            if sorted(va or []) != sorted(vb or []):
                out.append({"field": field, "old": va or [], "new": vb or []})
        elif va != vb:
            out.append({"field": field, "old": va, "new": vb})
    return out


def _summary(act: dict) -> dict:
    return {k: act.get(k) for k in ("text", "focus_area", "actors", "frequency", "places")}


def diff_records(old: dict, new: dict) -> dict:
    pairs = align(old, new)
    paired_o = {i for i, _, _ in pairs}
    paired_n = {j for _, j, _ in pairs}
    changed, unchanged = [], []
    for i, j, score in pairs:
        a, b = old["activities"][i], new["activities"][j]
        ch = _changes(a, b)
        if ch:
            item = {"old": _summary(a), "new": _summary(b), "similarity": score, "changes": ch}
            if any(c["field"] == "text" for c in ch):
                item["text_diff"] = word_diff(a["text"], b["text"])
            changed.append(item)
        else:
            unchanged.append(_summary(b))
    old_fa = {fa["title"].lower(): fa for fa in old.get("focus_areas", [])}
    new_fa = {fa["title"].lower(): fa for fa in new.get("focus_areas", [])}
    fu_old, fu_new = old.get("follow_up"), new.get("follow_up")
    fu_changes = []
    for field in ("text", "frequency", "channels"):
        va = (fu_old or {}).get(field)
        vb = (fu_new or {}).get(field)
        if (va or None) != (vb or None):
            fu_changes.append({"field": field, "old": va, "new": vb})
    return {
        "old": old["id"],
        "new": new["id"],
        "kommun": new["kommuner"][0]["namn"],
        "periods": {"old": old.get("period"), "new": new.get("period")},
        "focus_areas": {
            "added": [new_fa[t]["title"] for t in new_fa if t not in old_fa],
            "removed": [old_fa[t]["title"] for t in old_fa if t not in new_fa],
            "kept": [new_fa[t]["title"] for t in new_fa if t in old_fa],
        },
        "activities": {
            "added": [_summary(b) for j, b in enumerate(new["activities"]) if j not in paired_n],
            "removed": [_summary(a) for i, a in enumerate(old["activities"]) if i not in paired_o],
            "changed": changed,
            "unchanged": unchanged,
        },
        "follow_up": {"old": fu_old, "new": fu_new, "changes": fu_changes},
    }


def _period_key(r: dict):
    p = r.get("period")
    return (p["end"], p["start"]) if p else (0, 0)


def pair_by_kommun(old: list[dict], new: list[dict], previous: bool) -> list[tuple[dict, dict]]:
    """Each kommun's latest record in NEW against its previous one (in OLD, or with
    ``previous`` in the same set). Follow-up reports and undated records are left out."""
    def groups(records):
        out: dict[str, list[dict]] = {}
        for r in records:
            if r.get("period") and r.get("doc_type", "medborgarlofte") == "medborgarlofte":
                out.setdefault(r["kommuner"][0]["kod"], []).append(r)
        for rs in out.values():
            rs.sort(key=lambda r: (_period_key(r), r["id"]))
        return out

    new_g = groups(new)
    old_g = new_g if previous else groups(old)
    pairs = []
    for kod in sorted(new_g):
        latest = new_g[kod][-1]
        earlier = [r for r in old_g.get(kod, []) if _period_key(r) < _period_key(latest)]
        if earlier:
            pairs.append((earlier[-1], latest))
    return pairs
