"""The report: a small static site in ``outputs/report/`` (no scripts, nothing fetched, works
from ``file://``).

    index.html          national summary, charts, kommuner A–Ö and by police region
    tackning.html       coverage: all 290 kommuner (rules/kommuner.csv) × years
    kommun/<slug>.html  one page per kommun with documents: every period oldest first, each
                        promise with the status its follow-up gives it (pipeline/track.py)
    style.css           shared by all pages

Charts count promise documents (medborgarlöften and samverkansöverenskommelser, not
follow-up reports) by the first year of their period; undated documents are left out of
the charts and shown in their own coverage column. The follow-up coverage chart is the
tracker's ``by_year``: a promise record counts in every year of its period.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import labels
from .charts import bar_chart, heat_grid, stacked_chart
from .compare import specificity
from .diff import diff_records
from .models import Category
from .output import atomic_write
from .slug import slugify
from .render import env, render
from .rules import load_rules

if TYPE_CHECKING:
    from .track import FollowUpLink, KommunSummary, PromiseStatus, TrackResult

DOC_LETTERS = {"medborgarlofte": "L", "uppfoljning": "U", "samverkansoverenskommelse": "S"}
LEVELS = ["0", "1", "2", "3", "4"]


@dataclass
class Kommun:
    kod: str
    namn: str
    slug: str
    lan: str
    region: str
    region_slug: str
    docs: list[dict] = field(default_factory=list)


def _period_key(r: dict) -> tuple:
    p = r.get("period")
    return (0, p["start"], p["end"], r["id"]) if p else (1, 0, 0, r["id"])  # undated last


def _span(r: dict) -> tuple[int, int]:
    return r["period"]["start"], r["period"]["end"]


def _is_promise(r: dict) -> bool:
    return r["doc_type"] != "uppfoljning"


def _kommuner(records: list[dict]) -> dict[str, Kommun]:
    out = {k.kod: Kommun(k.kod, k.namn, slugify(k.namn), k.lan, k.polisregion, slugify(k.polisregion))
           for k in load_rules().kommuner}
    for r in records:
        for k in r["kommuner"]:
            if k["kod"] in out:
                out[k["kod"]].docs.append(r)
    for k in out.values():
        k.docs.sort(key=_period_key)
    return out


@dataclass
class Tracked:
    """The tracker's result by record id, for the kommun pages."""
    statuses: dict[str, list[PromiseStatus]]  # promise record id → its rows, when it has a follow-up
    links: dict[str, FollowUpLink]            # follow-up record id → its link
    kommuner: dict[str, KommunSummary]        # kommun kod → its figures, when it has a follow-up


def _tracked(track: TrackResult) -> Tracked:
    statuses: dict[str, list[PromiseStatus]] = {}
    for row in track.promises:
        if row.follow_up_ids:
            statuses.setdefault(row.record_id, []).append(row)
    return Tracked(statuses, {f.id: f for f in track.follow_ups},
                   {k.kod: k for k in track.kommuner if k.with_follow_up})


def _entries(k: Kommun, tracked: Tracked) -> list[dict]:
    """Each document of a kommun with its measurability, the diff to the previous promise,
    and its follow-up: the status of each promise, or the promises a follow-up reports on."""
    entries, previous = [], None
    for r in k.docs:
        acts = r["activities"]
        spec = Counter(specificity(a) for a in acts)
        d = None
        if r["doc_type"] == "medborgarlofte" and r.get("period"):
            if previous is not None and _span(previous) < _span(r):
                d = diff_records(previous, r)
            previous = r
        statuses = tracked.statuses.get(r["id"])
        entries.append({"r": r, "diff": d, "full": spec.get(4, 0), "spec": [spec.get(i, 0) for i in range(5)],
                        "statuses": statuses, "link": tracked.links.get(r["id"]),
                        "follow_ups": [tracked.links[f] for f in statuses[0].follow_up_ids] if statuses else []})
    return entries


def _year_docs(records: list[dict]) -> dict[int, list[dict]]:
    by: dict[int, list[dict]] = {}
    for r in records:
        if _is_promise(r) and r.get("period"):
            by.setdefault(r["period"]["start"], []).append(r)
    return dict(sorted(by.items()))


def _category_chart(title: str, by: dict[int, list[dict]], years: list[int]):
    """``by``: the documents of each year (``_year_docs``)."""
    rows = [labels.category(c) for c in Category.__args__]
    counts: Counter = Counter()
    for y, rs in by.items():
        for r in rs:
            for c in {c for fa in r["focus_areas"] for c in fa["categories"]}:
                counts[(labels.category(c), y)] += 1
    totals = {y: len(by.get(y, [])) for y in years}
    return heat_grid(title, rows, years, counts, totals, "År", "Kategori")


def _follow_up(track: TrackResult, ks: dict[str, Kommun]) -> dict:
    """The national follow-up figures, the coverage chart and the kommuner with a follow-up."""
    years = [y.year for y in track.by_year]
    chart = bar_chart("Andel löftesdokument med uppföljning, per år", years,
                      {y.year: y.with_follow_up for y in track.by_year},
                      {y.year: y.promise_records for y in track.by_year}, "År", "Andel (%)")
    kommuner = sorted((ks[k.kod] for k in track.kommuner if k.with_follow_up and k.kod in ks),
                      key=lambda k: labels.sort_key(k.namn))
    return {"n": track.national, "chart": chart, "kommuner": kommuner}


def _charts(records: list[dict], regions: list[tuple[str, str, list[dict]]]) -> dict:
    by = _year_docs(records)
    years = list(by)
    part, whole, spec = Counter(), Counter(), Counter()
    for y, rs in by.items():
        for r in rs:
            for a in r["activities"]:
                whole[y] += 1
                part[y] += bool((a.get("measurable") or {}).get("count_or_frequency"))
                spec[(str(specificity(a)), y)] += 1
    return {
        "categories": _category_chart("Fokusområden per år, hela landet", by, years),
        "frequency": bar_chart("Andel aktiviteter med antal eller frekvens, per år", years, part, whole,
                               "År", "Andel (%)"),
        "specificity": stacked_chart("Mätbarhet per år: hur många av fyra kriterier aktiviteterna uppfyller",
                                     years, LEVELS, spec, "År", "Andel (%)", "Kriterier:"),
        "regions": [(name, slug, _category_chart(f"Fokusområden per år, polisregion {name}", _year_docs(rs), years))
                    for name, slug, rs in regions],
    }


def _coverage(kommuner: list[Kommun], records: list[dict]) -> dict:
    years_seen = {y for r in records if r.get("period") for y in range(r["period"]["start"], r["period"]["end"] + 1)}
    years = list(range(min(years_seen), max(years_seen) + 1)) if years_seen else []
    rows = []
    for k in kommuner:
        cells = {y: [] for y in years}
        cells[None] = []
        for r in k.docs:
            span = range(r["period"]["start"], r["period"]["end"] + 1) if r.get("period") else [None]
            for y in span:
                cells[y].append(r)
        rows.append((k, [(y, sorted({DOC_LETTERS[r["doc_type"]] for r in cells[y]}, key="LUS".index),
                          cells[y][0]["id"] if cells[y] else None) for y in years + [None]]))
    with_promise = {y: sum("L" in cells[j][1] for _, cells in rows) for j, y in enumerate(years)}
    return {"years": years, "rows": rows, "with_promise": with_promise}


def build_site(records: list[dict], out_dir: Path, track: TrackResult) -> Path:
    """Write the report into ``out_dir`` (pages no longer backed by a record are removed);
    ``track`` is ``track.track_records`` of the same records."""
    ks = _kommuner(records)
    kommuner = sorted(ks.values(), key=lambda k: labels.sort_key(k.namn))
    with_docs = [k for k in kommuner if k.docs]
    region_names = sorted({k.region for k in kommuner}, key=labels.sort_key)
    regions = [(name, slugify(name), [k for k in kommuner if k.region == name]) for name in region_names]
    region_records = [(name, slug, [r for r in records if r["kommuner"][0]["kod"] in {k.kod for k in ks_}])
                      for name, slug, ks_ in regions]
    letters: dict[str, list[Kommun]] = {}
    for k in kommuner:
        letters.setdefault(k.namn[0].upper(), []).append(k)
    acts = [a for r in records for a in r["activities"]]
    summary = {
        "documents": len(records), "kommuner": len(with_docs), "all_kommuner": len(kommuner),
        "by_type": Counter(r["doc_type"] for r in records), "activities": len(acts),
        "with_count": sum(bool((a.get("measurable") or {}).get("count_or_frequency")) for a in acts),
        "undated": sum(not r.get("period") for r in records),
        "years": sorted({r["period"]["start"] for r in records if r.get("period")}),
    }
    common = {"css_href": "style.css"}
    pages = {
        "style.css": env().loader.get_source(env(), "style.css")[0],
        "index.html": render("index.html", title="Medborgarlöften – rapport", summary=summary, letters=letters,
                             regions=regions, charts=_charts(records, region_records),
                             follow_up=_follow_up(track, ks), **common),
        "tackning.html": render("tackning.html", title="Medborgarlöften – täckning per kommun och år",
                                cov=_coverage(kommuner, records), summary=summary, **common),
    }
    tracked = _tracked(track)
    for k in with_docs:
        pages[f"kommun/{k.slug}.html"] = render("kommun.html", title=f"{k.namn} – medborgarlöften", k=k,
                                                entries=_entries(k, tracked), tracked=tracked.kommuner.get(k.kod),
                                                docs={r["id"]: r for r in k.docs},
                                                parts=labels.labels()["follow_up_parts"], css_href="../style.css")
    for name, text in pages.items():
        atomic_write(out_dir / name, text)
    for old in (out_dir / "kommun").glob("*.html"):
        if f"kommun/{old.name}" not in pages:
            old.unlink()
    return out_dir / "index.html"
