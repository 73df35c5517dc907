"""Charts for the report as inline SVG (no JavaScript): a heat grid, a bar chart and a
stacked bar chart. Each chart carries its title and a text summary (``<title>``,
``<desc>``) and returns its numbers as a table, which the page shows beside it."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from markupsafe import Markup, escape

FONT = "font-family:system-ui,sans-serif;font-size:12px"
ACCENT = (31, 78, 153)
SPECIFICITY_COLOURS = ("#dde3ec", "#b9c8e2", "#7f9ccb", "#4a6fae", "#1f4e99")


@dataclass
class Chart:
    title: str
    svg: Markup
    head: list[str]        # the data table: column heads and rows of cells
    rows: list[list[str]]


def _svg(width: int, height: int, title: str, desc: str, body: str) -> Markup:
    n = hashlib.sha1(title.encode()).hexdigest()[:8]  # ids unique per page (titles are), stable across runs
    return Markup(
        f'<svg viewBox="0 0 {width} {height}" width="{width}" role="img" '
        f'aria-labelledby="c{n}t c{n}d" style="{FONT};max-width:100%;height:auto">'
        f'<title id="c{n}t">{escape(title)}</title><desc id="c{n}d">{escape(desc)}</desc>{body}</svg>')


def _text(x: float, y: float, s, anchor: str = "start", extra: str = "") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{extra}>{escape(s)}</text>'


def _pct(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "–"


def heat_grid(title: str, rows: list[str], years: list[int], counts: dict[tuple[str, int], int],
              totals: dict[int, int], x_label: str, y_label: str) -> Chart:
    """Rows × years; a cell is the share of the year's documents with that row (shade and %)."""
    left, top, cw, ch = 150, 44, 34, 22
    width, height = max(left + cw * len(years) + 8, 440), top + ch * (len(rows) + 1) + 34
    body = [_text(left + cw * len(years) / 2, 14, x_label, "middle", ' font-weight="600"'),
            _text(4, 14, y_label, "start", ' font-weight="600"')]
    for j, y in enumerate(years):
        body.append(_text(left + cw * j + cw / 2, top - 6, y, "middle"))
    best = []
    for i, r in enumerate(rows):
        body.append(_text(left - 6, top + ch * i + ch / 2 + 4, r, "end"))
        for j, y in enumerate(years):
            share = counts.get((r, y), 0) / totals[y] if totals.get(y) else 0
            a = 0.08 + 0.92 * share
            fill = f"rgba({ACCENT[0]},{ACCENT[1]},{ACCENT[2]},{a:.2f})" if share else "#f3f5f9"
            x0, y0 = left + cw * j, top + ch * i
            body.append(f'<rect x="{x0}" y="{y0}" width="{cw - 2}" height="{ch - 2}" fill="{fill}"/>')
            if share:
                colour = "#fff" if a > 0.55 else "#1d2433"
                body.append(_text(x0 + cw / 2 - 1, y0 + ch / 2 + 3, round(100 * share), "middle",
                                  f' fill="{colour}" style="font-size:10px"'))
        top_year = max(years, key=lambda y: (counts.get((r, y), 0) / totals[y] if totals.get(y) else 0, -y),
                       default=None)
        if top_year is not None and counts.get((r, top_year)):
            best.append(f"{r}: högst {top_year} ({_pct(counts[(r, top_year)], totals[top_year])})")
    body.append(_text(left - 6, top + ch * len(rows) + ch / 2 + 4, "antal dokument", "end", ' fill="#5b6477"'))
    for j, y in enumerate(years):
        body.append(_text(left + cw * j + cw / 2, top + ch * len(rows) + ch / 2 + 4, totals.get(y, 0), "middle",
                          ' fill="#5b6477"'))
    body.append(_text(left, height - 12, "Siffra = andel (%) av årets dokument med kategorin", "start",
                      ' fill="#5b6477" style="font-size:11px"'))
    desc = f"{title}. " + ("; ".join(best) if best else "Inga data.")
    head = [y_label] + [str(y) for y in years]
    table = [[r] + [f"{counts.get((r, y), 0)} av {totals.get(y, 0)}" for y in years] for r in rows]
    return Chart(title, _svg(width, height, title, desc, "".join(body)), head, table)


def bar_chart(title: str, years: list[int], part: dict[int, int], whole: dict[int, int],
              x_label: str, y_label: str) -> Chart:
    """One bar per year: part / whole in per cent, 0–100 on the y axis."""
    left, top, bw, h = 44, 20, 30, 160
    width, height = left + bw * len(years) + 10, top + h + 46
    body = []
    for t in (0, 25, 50, 75, 100):
        y = top + h - h * t / 100
        body.append(f'<line x1="{left}" x2="{width - 6}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d9dee8"/>')
        body.append(_text(left - 4, y + 4, f"{t}", "end"))
    for j, yr in enumerate(years):
        share = part.get(yr, 0) / whole[yr] if whole.get(yr) else 0
        bh = h * share
        x0 = left + bw * j + 4
        body.append(f'<rect x="{x0}" y="{top + h - bh:.1f}" width="{bw - 8}" height="{bh:.1f}" '
                    f'fill="rgb{ACCENT}"/>')
        if whole.get(yr):
            body.append(_text(x0 + (bw - 8) / 2, top + h - bh - 4, round(100 * share), "middle",
                              ' style="font-size:10px"'))
        body.append(_text(x0 + (bw - 8) / 2, top + h + 16, yr, "middle", ' style="font-size:10px"'))
    body.append(_text(left + bw * len(years) / 2, height - 8, x_label, "middle", ' font-weight="600"'))
    body.append(_text(12, top + h / 2, y_label, "middle",
                      f' font-weight="600" transform="rotate(-90 12 {top + h / 2})"'))
    desc = f"{title}: " + (", ".join(f"{yr} {_pct(part.get(yr, 0), whole[yr])}" for yr in years if whole.get(yr))
                           or "inga data") + "."
    table = [[str(yr), str(part.get(yr, 0)), str(whole.get(yr, 0)), _pct(part.get(yr, 0), whole.get(yr, 0))]
             for yr in years]
    return Chart(title, _svg(width, height, title, desc, "".join(body)), [x_label, "med", "av", "andel"], table)


def stacked_chart(title: str, years: list[int], levels: list[str], counts: dict[tuple[str, int], int],
                  x_label: str, y_label: str, legend_title: str) -> Chart:
    """One 100 % bar per year, split into levels (lowest at the bottom), with a legend."""
    left, top, bw, h = 44, 20, 30, 160
    width = max(left + bw * len(years) + 10, 320)
    height = top + h + 70
    body = []
    for t in (0, 50, 100):
        y = top + h - h * t / 100
        body.append(_text(left - 4, y + 4, f"{t}", "end"))
    for j, yr in enumerate(years):
        total = sum(counts.get((lv, yr), 0) for lv in levels)
        y = top + h
        for k, lv in enumerate(levels):
            seg = h * counts.get((lv, yr), 0) / total if total else 0
            y -= seg
            if seg:
                body.append(f'<rect x="{left + bw * j + 4}" y="{y:.1f}" width="{bw - 8}" height="{seg:.1f}" '
                            f'fill="{SPECIFICITY_COLOURS[k % len(SPECIFICITY_COLOURS)]}" stroke="#fff" '
                            f'stroke-width=".5"/>')
        body.append(_text(left + bw * j + bw / 2, top + h + 16, yr, "middle", ' style="font-size:10px"'))
    body.append(_text(left + bw * len(years) / 2, top + h + 34, x_label, "middle", ' font-weight="600"'))
    body.append(_text(12, top + h / 2, y_label, "middle",
                      f' font-weight="600" transform="rotate(-90 12 {top + h / 2})"'))
    ly = height - 14
    body.append(_text(4, ly + 2, legend_title, "start", ' style="font-size:11px"'))
    for k, lv in enumerate(levels):
        x0 = 70 + k * 34
        body.append(f'<rect x="{x0}" y="{ly - 8}" width="12" height="12" '
                    f'fill="{SPECIFICITY_COLOURS[k % len(SPECIFICITY_COLOURS)]}" stroke="#5b6477" stroke-width=".5"/>')
        body.append(_text(x0 + 15, ly + 2, lv, "start", ' style="font-size:11px"'))
    parts = []
    for yr in years:
        total = sum(counts.get((lv, yr), 0) for lv in levels)
        if total:
            parts.append(f"{yr}: " + ", ".join(f"{lv}: {_pct(counts.get((lv, yr), 0), total)}" for lv in levels))
    desc = f"{title}. " + ("; ".join(parts) if parts else "Inga data.")
    table = [[str(yr)] + [str(counts.get((lv, yr), 0)) for lv in levels] for yr in years]
    return Chart(title, _svg(width, height, title, desc, "".join(body)), [x_label] + levels, table)
