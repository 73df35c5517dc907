"""Diffs and tables as text, Markdown and self-contained HTML (no scripts, no network)."""
from __future__ import annotations

import json
from html import escape

from .compare import CATEGORIES, record_rows

CSS = """
:root{--fg:#1d2433;--muted:#5b6477;--line:#d9dee8;--add:#e3f6e8;--del:#fde8e8;--accent:#1f4e99}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);
margin:0 auto;max-width:1100px;padding:1rem}h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem;
border-bottom:2px solid var(--line)}h3{font-size:1.05rem}a{color:var(--accent)}.muted{color:var(--muted)}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top;font-size:.9rem}
th{background:#f3f5f9}td.num{text-align:right}ins{background:var(--add);text-decoration:none}
del{background:var(--del)}.added{background:var(--add)}.removed{background:var(--del)}
.heat td{text-align:center;min-width:2.2rem}.tag{display:inline-block;border:1px solid var(--line);
border-radius:.6rem;padding:0 .45rem;margin:0 .2rem .2rem 0;font-size:.8rem}
nav ul{columns:3 12rem;padding-left:1rem}@media print{nav{display:none}a{color:inherit}}
"""


def _freq(f: dict | None) -> str:
    if not f:
        return ""
    s = f"{'minst ' if f.get('at_least') else ''}{f['times']}/{f['per']}"
    return s + (f" (var {f['interval']}:e)" if f.get("interval", 1) > 1 else "")


def _period(p: dict | None) -> str:
    if not p:
        return "utan år"
    return str(p["start"]) if p["start"] == p["end"] else f"{p['start']}–{p['end']}"


def _value(field: str, v) -> str:
    if field == "frequency":
        return _freq(v) or "–"
    if isinstance(v, list):
        return ", ".join(map(str, v)) or "–"
    return "–" if v in (None, "") else str(v)


# --- diff -------------------------------------------------------------------------------

def diff_text(d: dict, markdown: bool = False) -> str:
    h = (lambda s: f"## {s}") if markdown else (lambda s: s)
    b = (lambda s: f"- {s}") if markdown else (lambda s: f"  {s}")
    out = [h(f"{d['kommun']}: {d['old']} → {d['new']}"), ""]
    fa = d["focus_areas"]
    out.append(f"Focus areas: +{len(fa['added'])} −{len(fa['removed'])} ={len(fa['kept'])}")
    out += [b(f"+ {t}") for t in fa["added"]] + [b(f"- {t}") for t in fa["removed"]]
    a = d["activities"]
    out += ["", f"Activities: {len(a['added'])} added, {len(a['removed'])} removed, "
                f"{len(a['changed'])} changed, {len(a['unchanged'])} unchanged"]
    out += [b(f"+ {x['text']}") for x in a["added"]]
    out += [b(f"- {x['text']}") for x in a["removed"]]
    for c in a["changed"]:
        words = " ".join(t if op == "=" else (f"[-{t}-]" if op == "-" else f"{{+{t}+}}")
                         for op, t in c.get("text_diff", [["=", c["new"]["text"]]]))
        out.append(b(f"~ {words}"))
        for ch in c["changes"]:
            if ch["field"] != "text":
                out.append(b(f"    {ch['field']}: {_value(ch['field'], ch['old'])} → {_value(ch['field'], ch['new'])}"))
    fu = d["follow_up"]["changes"]
    out += ["", "Follow-up: " + ("unchanged" if not fu else
                                 "; ".join(f"{c['field']}: {_value(c['field'], c['old'])} → {_value(c['field'], c['new'])}"
                                           for c in fu))]
    return "\n".join(out) + "\n"


def _diff_html_section(d: dict) -> str:
    a = d["activities"]
    rows = []
    for x in a["added"]:
        rows.append(f"<tr class=added><td>tillagd</td><td>{escape(x['text'])}</td><td>{escape(_freq(x['frequency']))}</td>"
                    f"<td>{escape(', '.join(x['actors']))}</td></tr>")
    for x in a["removed"]:
        rows.append(f"<tr class=removed><td>borttagen</td><td>{escape(x['text'])}</td><td>{escape(_freq(x['frequency']))}</td>"
                    f"<td>{escape(', '.join(x['actors']))}</td></tr>")
    for c in a["changed"]:
        words = " ".join(escape(t) if op == "=" else (f"<del>{escape(t)}</del>" if op == "-" else f"<ins>{escape(t)}</ins>")
                         for op, t in c.get("text_diff", [["=", c["new"]["text"]]]))
        fields = "<br>".join(f"{escape(ch['field'])}: <del>{escape(_value(ch['field'], ch['old']))}</del> → "
                             f"<ins>{escape(_value(ch['field'], ch['new']))}</ins>"
                             for ch in c["changes"] if ch["field"] != "text")
        rows.append(f"<tr><td>ändrad</td><td>{words}</td><td colspan=2>{fields}</td></tr>")
    for x in a["unchanged"]:
        rows.append(f"<tr><td class=muted>oförändrad</td><td class=muted>{escape(x['text'])}</td>"
                    f"<td>{escape(_freq(x['frequency']))}</td><td>{escape(', '.join(x['actors']))}</td></tr>")
    fa = d["focus_areas"]
    tags = "".join(f"<span class='tag added'>+ {escape(t)}</span>" for t in fa["added"]) + \
        "".join(f"<span class='tag removed'>− {escape(t)}</span>" for t in fa["removed"]) + \
        "".join(f"<span class=tag>{escape(t)}</span>" for t in fa["kept"])
    fu = d["follow_up"]["changes"]
    fu_html = "oförändrad" if not fu else "<br>".join(
        f"{escape(c['field'])}: <del>{escape(_value(c['field'], c['old']))}</del> → <ins>{escape(_value(c['field'], c['new']))}</ins>"
        for c in fu)
    return (f"<h3>{escape(d['kommun'])}: {escape(_period(d['periods']['old']))} → {escape(_period(d['periods']['new']))}</h3>"
            f"<p class=muted>{escape(d['old'])} → {escape(d['new'])}</p>"
            f"<p>Fokusområden: {tags or '–'}</p>"
            f"<div class=scroll><table><tr><th></th><th>Aktivitet</th><th>Frekvens</th><th>Aktörer</th></tr>"
            f"{''.join(rows)}</table></div><p>Uppföljning: {fu_html}</p>")


def page(title: str, body: str) -> str:
    return (f"<!doctype html><html lang=sv><head><meta charset=utf-8>"
            f"<meta name=viewport content='width=device-width,initial-scale=1'><title>{escape(title)}</title>"
            f"<style>{CSS}</style></head><body><h1>{escape(title)}</h1>{body}</body></html>\n")


def diffs_html(diffs: list[dict]) -> str:
    return page("Medborgarlöften: förändringar", "".join(_diff_html_section(d) for d in diffs) or "<p>Inga par.</p>")


def render_diffs(diffs: list[dict], fmt: str) -> str:
    if fmt == "json":
        data = diffs[0] if len(diffs) == 1 else diffs
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if fmt == "html":
        return diffs_html(diffs)
    return "\n".join(diff_text(d, markdown=fmt == "markdown") for d in diffs)


# --- compare table and report ------------------------------------------------------------

def table_html(rows: list[dict]) -> str:
    if not rows:
        return "<p>Inga poster.</p>"
    cols = list(rows[0])
    head = "".join(f"<th>{escape(c)}</th>" for c in cols)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(r[c]))}</td>" for c in cols) + "</tr>" for r in rows)
    return f"<div class=scroll><table><tr>{head}</tr>{body}</table></div>"


def _heat(n: int, top: int) -> str:
    if not n:
        return ""
    alpha = 0.15 + 0.85 * n / max(top, 1)
    return f" style='background:rgba(31,78,153,{alpha:.2f});color:{'#fff' if alpha > .55 else 'inherit'}'"


def report_html(records: list[dict], diffs_by_kommun: dict[str, list[dict]]) -> str:
    rows = record_rows(records)
    by_kommun: dict[str, list[dict]] = {}
    for r in records:
        by_kommun.setdefault(r["kommuner"][0]["namn"], []).append(r)
    names = sorted(by_kommun)
    counts = {k: {c: sum(1 for r in by_kommun[k] for fa in r["focus_areas"] if c in fa["categories"])
                  for c in CATEGORIES} for k in names}
    top = max((v for k in counts for v in counts[k].values()), default=1)
    heat_rows = "".join(
        f"<tr><th><a href='#k-{_anchor(k)}'>{escape(k)}</a></th>"
        + "".join(f"<td{_heat(counts[k][c], top)}>{counts[k][c] or ''}</td>" for c in CATEGORIES) + "</tr>"
        for k in names)
    national = [{"kommun": r["kommun"], "period": r["period"], "typ": r["doc_type"],
                 "aktiviteter": r["activities"], "med frekvens": r["with_frequency"],
                 "mätbara": r["measurable_share"]} for r in rows]
    sections = []
    for k in names:
        recs = sorted(by_kommun[k], key=lambda r: ((r.get("period") or {}).get("end", 0), r["id"]), reverse=True)
        parts = [f"<h2 id='k-{_anchor(k)}'>{escape(k)}</h2>"]
        for r in recs:
            acts = "".join(f"<tr><td>{escape(a['text'])}</td><td>{escape(', '.join(a['actors']))}</td>"
                           f"<td>{escape(_freq(a['frequency']))}</td></tr>" for a in r["activities"])
            fas = "".join(f"<span class=tag>{escape(fa['title'])} ({escape(', '.join(fa['categories']))})</span>"
                          for fa in r["focus_areas"])
            parts.append(f"<h3>{escape(_period(r.get('period')))} · {escape(r['doc_type'])}</h3>"
                         f"<p class=muted><a href='{escape(r['source']['url'])}'>{escape(r['title'])}</a></p>"
                         f"<p>{fas}</p>" + (f"<div class=scroll><table><tr><th>Aktivitet</th><th>Aktörer</th>"
                                            f"<th>Frekvens</th></tr>{acts}</table></div>" if acts else ""))
        for d in diffs_by_kommun.get(k, []):
            parts.append(_diff_html_section(d))
        sections.append("".join(parts))
    nav = "<nav><ul>" + "".join(f"<li><a href='#k-{_anchor(k)}'>{escape(k)}</a></li>" for k in names) + "</ul></nav>"
    body = (f"<p class=muted>{len(records)} poster från {len(names)} kommuner.</p>{nav}"
            f"<h2 id=national>Nationell tabell</h2>{table_html(national)}"
            f"<h2 id=heat>Fokusområden per kommun</h2><div class=scroll><table class=heat><tr><th>Kommun</th>"
            + "".join(f"<th>{escape(c)}</th>" for c in CATEGORIES) + f"</tr>{heat_rows}</table></div>"
            + "".join(sections))
    return page("Medborgarlöften – rapport", body)


def _anchor(name: str) -> str:
    from .record import slugify

    return slugify(name)
