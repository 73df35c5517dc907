"""Record identity: which record is which, across sources and across runs.

The rules (README, "Identity"), all applied here and nowhere else:

1. **One record per (source url, period, doc type).** The same url read twice (the
   bundled snapshot and a re-crawl of the page) is one record: the read with the newest
   ``fetched_at`` wins (a read without ``fetched_at`` is the oldest; between equals, the
   later input path). The reads left out are reported, once each.
2. **The plain id** is ``<kommun slug>-<start>[-<end>][-<doc type>]`` (``record.make_id``),
   numbered ``-2``, ``-3`` when one document gives the same one twice.
3. **One canonical record per plain id.** When several sources give the same kommun,
   period and type, one keeps the plain id; every other one is ``<plain id>-<6 hex of
   sha256(its url)>`` with ``same_as`` naming the plain id. A suffixed id depends on the
   record's own url only, never on which other sources exist.
4. **Pins, so that adding a source never renames a canonical record.** The canonical
   record of a plain id is the one whose url was canonical in the previous output
   (``pins``: plain id → url, from the output folder written before, or ``--ids-from``),
   as long as that url still gives the plain id. Only a plain id without a usable pin is
   decided by the rule: a polisen.se page before a kommun site, then the url in sort order.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlparse

if TYPE_CHECKING:  # reading commands (diff, compare) use canonical() only: no pydantic, no spaCy
    from .models import Record


def key(r: Record) -> tuple:
    p = r.period
    return (r.source.url, (p.start, p.end) if p else None, r.doc_type)


def rank(url: str) -> tuple[int, str]:
    """The rule for a plain id without a pin: polisen.se first, then url sort order."""
    host = (urlparse(url).hostname or "").lower()
    return (0 if host == "polisen.se" or host.endswith(".polisen.se") else 1, url)


def pins_of(records: list[dict]) -> dict[str, str]:
    """Plain id → url of the canonical records of an earlier output."""
    return {r["id"]: r["source"]["url"] for r in records if not r.get("same_as")}


@dataclass
class Identified:
    records: list[Record]
    dropped: list[str]  # one line per read left out (an older read of the same url)
    kept_paths: set[str]  # documents all of whose records were kept


def assign_ids(per_doc: dict[str, list[Record]], pins: dict[str, str] | None = None) -> Identified:
    """``per_doc``: input path → its records in document order. Ids and ``same_as`` are
    set in place; returns the kept records sorted by id."""
    from .record import make_id, url_suffix

    pins = pins or {}
    best: dict[tuple, tuple[tuple, str, list[Record]]] = {}
    for path in sorted(per_doc):
        seen: dict[tuple, list[Record]] = {}
        for r in per_doc[path]:
            seen.setdefault(key(r), []).append(r)
        for k, rs in seen.items():
            newest = (rs[0].source.fetched_at or "", path)
            if k not in best or newest > best[k][0]:
                best[k] = (newest, path, rs)
    kept_ids = {id(r) for _, _, rs in best.values() for r in rs}
    dropped, kept_paths = [], set(per_doc)
    for path in sorted(per_doc):
        lost = [r for r in per_doc[path] if id(r) not in kept_ids]
        if lost:
            kept_paths.discard(path)
            winner = best[key(lost[0])][1]
            dropped.append(f"{path}: same source url as {winner}, an older read; {len(lost)} record(s) left out")
    groups: dict[str, list[Record]] = {}
    for path in sorted(per_doc):
        count: dict[str, int] = {}
        for r in per_doc[path]:
            base = make_id(r.kommuner, r.period, r.doc_type)
            count[base] = count.get(base, 0) + 1
            if id(r) in kept_ids:
                groups.setdefault(base if count[base] == 1 else f"{base}-{count[base]}", []).append(r)
    out = []
    for plain, rs in groups.items():
        pinned = [r for r in rs if pins.get(plain) == r.source.url]
        canonical = pinned[0] if pinned else min(rs, key=lambda r: rank(r.source.url))
        for r in rs:
            r.id, r.same_as = (plain, None) if r is canonical else (f"{plain}-{url_suffix(r.source.url)}", plain)
        out += rs
    return Identified(sorted(out, key=lambda r: r.id), dropped, kept_paths)


def canonical(records: list[dict]) -> list[dict]:
    """The canonical records only: what report, diff, compare and history use by default."""
    return [r for r in records if not r.get("same_as")]
