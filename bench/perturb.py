"""Layout invariance by metamorphic testing: the same content in another publisher's layout must
give the same records.

For every bundled text (but the pages of ``--skip FILE``), variants a publisher could produce
with the same content are made, each extracted with the Python API (``pipeline.extract_text``,
with the page's own url) and compared with the original's records:

- ``bullet•`` … ``bullet·``: every list item's glyph (the lines the text backend reads as items
  after a glyph, but quotes set with a hyphen, and the glyphs of a list run together on one line)
  swapped to that glyph ("•", "-", "–", "*", "·");
- ``numbered``: each list's items as "1.", "2." …, those of a list run together on one line too;
- ``crlf_nbsp``: CRLF line ends, and one space in five a no-break space (seeded per page);
- ``blank_removed`` / ``blank_added``: the blank lines between list items removed / one added;
- ``wrapped``: lines over 80 columns hard-wrapped at 80 (as a PDF or an e-mail would), list items
  with a hanging indent under their text;
- ``unicode_forms``: the characters a publisher's tools put in words (seeded per page): a soft
  hyphen in half the words of 12 letters or more (a CMS's hyphenation hint), a zero-width space
  after one space in ten, half the hyphens within a word or year range as Word's non-breaking
  hyphen ("2023\u20112024"), "fi" and "fl" as ligatures (a PDF font's), every letter decomposed
  (NFD: "a" + ring above for "å", as macOS gives it);
- ``html``: the page as a CMS serves it, its blocks as read from the text: headings ``<h2>``,
  paragraphs ``<p>``, list items ``<li>`` in one ``<ul>`` per run (read by the HTML backend);
- ``html_table``: the same inside a layout table, as older kommun sites and e-mail-like templates set
  a page: a row with the site's name (a link to its start page), a row with a menu cell of links
  beside the content cell;
- ``html_bold``: headings set as bold paragraphs (``<p><strong>…</strong></p>``), as an editor does
  who does not use the heading styles;
- ``html_br``: each run of list items one paragraph, an item a line after "• " ended by ``<br>``
  (a list pasted into a CMS's editor);
- ``html_div``: every block a ``<div>``, headings ``<div class="rubrik">`` (a page builder's);
- ``html_word``: Word's "Save as web page": paragraphs ``<p class=MsoNormal>``, headings
  ``<p class=MsoNormal><b>…</b></p>``, list items ``<p class=MsoListParagraph>`` opening with the
  Symbol font's "·" and no-break spaces.

A variant that leaves a page's text as it was is not counted for that page. Records are paired by
id, then the rest in document order; compared per record: activities (texts whitespace-normalized,
paired by ``pipeline.evaluate.pair_activities``, Dice ≥ 0.5: an unpaired one on either side is
``activities``, a paired one whose text differs is ``activity_text``), each paired activity's
``frequency`` and ``actors``, the focus-area ``categories`` (as a set), ``period``, ``doc_type``
and ``follow_up`` presence; ``records`` counts a record one side has and the other has not (or a
page the variant makes fail). Per variant it prints the share of records whose fields all agree and
the count of each kind of disagreement; the last line is one JSON object. ``--show`` prints every
disagreement (page, variant, record id, kind, what).

    python bench/perturb.py [CORPUS] [--skip FILE] [--pages N] [--seed S] [--variants a,b] [-j N] [--show]

Deterministic: the page sample (``--pages``) and the no-break spaces come from ``--seed``.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import textwrap
import unicodedata
import zlib
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402
from pipeline.activities import _find_quotes  # noqa: E402
from pipeline.backends import LIST_GLYPHS  # noqa: E402
from pipeline.backends.text import blocks_from_lines, plain_lines, split_flat_lists, text_and_blocks  # noqa: E402
from pipeline.evaluate import pair_activities  # noqa: E402
from pipeline.ingest import decode_text, read_sidecar  # noqa: E402
from pipeline.rules import load_rules  # noqa: E402
from pipeline.sections import segment  # noqa: E402

GLYPHS = ("•", "-", "–", "*", "·")
VARIANTS = tuple(f"bullet{g}" for g in GLYPHS) + ("numbered", "crlf_nbsp", "blank_removed", "blank_added", "wrapped",
                                                   "unicode_forms", "html", "html_table", "html_bold", "html_br",
                                                   "html_div", "html_word")
HTML_VARIANTS = ("html", "html_table", "html_bold", "html_br", "html_div", "html_word")
WIDTH = 80
KINDS = ("records", "activities", "activity_text", "frequency", "actors", "categories", "period",
         "doc_type", "follow_up")
_GLYPH_PREFIX = re.compile(rf"^(\s*)([{re.escape(LIST_GLYPHS)}\-–])(\s+)$")


# --- the layout of the original ----------------------------------------------------------------

def layout(text: str) -> tuple[list[str], list[tuple[int, int, str, str]], list[int]]:
    """The lines of ``text`` and its list items as the text backend reads them: (first line, last
    line, indent, glyph) for each item opened by a glyph (not by a number or an ellipsis); and the
    offsets of the glyphs of items a list that lost its line breaks runs on within a line ("…
    relationer. - Vi ska …": ``split_flat_lists``)."""
    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1

    def line_of(offset: int) -> int:
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    rules = load_rules()
    inline = [i + 1 for i, (a, b) in enumerate(zip(text, split_flat_lists(text, rules))) if a != b]
    blocks = blocks_from_lines(text, rules)
    quotes = set()  # a quote set with a hyphen reads as an item, but is no list item
    for seg in segment(blocks, rules, None):
        quotes |= _find_quotes(seg, rules, text)
    items = []
    for b in blocks:
        if b.kind != "item" or id(b) in quotes:
            continue
        first = line_of(b.start)
        m = _GLYPH_PREFIX.match(lines[first][:b.start - starts[first]])
        if m:
            items.append((first, line_of(max(b.start, b.end - 1)), m.group(1), m.group(2)))
    return lines, items, inline


def _with_glyph(line: str, indent: str, glyph: str) -> str:
    rest = line[len(indent):]
    return indent + glyph + rest[1:]


def runs(lines: list[str], items) -> list[list[tuple]]:
    """Items in lists: consecutive items with only blank lines between them."""
    out: list[list[tuple]] = []
    for it in items:
        if out and it[0] > out[-1][-1][1] and not any(l.strip() for l in lines[out[-1][-1][1] + 1:it[0]]):
            out[-1].append(it)
        else:
            out.append([it])
    return out


def as_html(text: str, style: str = "html") -> str:
    """The text's blocks (as the text backend reads them) as HTML in one of the HTML_VARIANTS'
    styles."""
    from bisect import bisect_right
    from html import escape

    blocks = text_and_blocks(text, load_rules())[1]
    lines, items, inline = layout(text)
    firsts, glyphs = {first for first, *_ in items}, set(inline)  # list items: at a line's start, or run together
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    # an item the text backend reads that is no list item (a quote set with a dash, a footnote with
    # "*"): a CMS keeps its glyph in a paragraph
    kinds = []
    for b in blocks:
        at = bisect_right(starts, b.start) - 1
        glyph = lines[at].strip()[:1]
        listed = at in firsts or glyphs.intersection(range(b.start - 3, b.start)) or glyph not in "-–—*"
        kinds.append((b.kind if b.kind != "item" or listed else "quote", f"{glyph} {b.text}"))
    out = []
    for k, (b, (kind, line)) in enumerate(zip(blocks, kinds)):
        if kind == "quote":
            out.append(f"<p>{escape(line)}</p>")
            continue
        first = kind == "item" and (k == 0 or kinds[k - 1][0] != "item")
        last = kind == "item" and (k + 1 == len(blocks) or kinds[k + 1][0] != "item")
        t = escape(b.text)
        if style in ("html", "html_table", "html_bold"):
            if b.kind == "heading":
                out.append(f"<p><strong>{t}</strong></p>" if style == "html_bold" else f"<h2>{t}</h2>")
            elif b.kind == "item":
                out.append(("<ul>" if first else "") + f"<li>{t}</li>" + ("</ul>" if last else ""))
            else:
                out.append(f"<p>{t}</p>")
        elif style == "html_br":
            if b.kind == "item":
                out.append(("<p>" if first else "") + f"• {t}" + ("</p>" if last else "<br>"))
            else:
                out.append(f"<h2>{t}</h2>" if b.kind == "heading" else f"<p>{t}</p>")
        elif style == "html_div":
            cls = {"heading": ' class="rubrik"', "item": ' class="punkt"'}.get(b.kind, "")
            out.append(f"<div{cls}>{'• ' if b.kind == 'item' else ''}{t}</div>")
        else:  # html_word
            if b.kind == "item":
                out.append('<p class=MsoListParagraph style="text-indent:-18.0pt"><span style="font-family:Symbol">·'
                           f'<span style="font:7.0pt">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</span></span>{t}</p>')
            else:
                out.append(f"<p class=MsoNormal><b>{t}</b></p>" if b.kind == "heading" else f"<p class=MsoNormal>{t}</p>")
    content = "\n".join(out)
    if style == "html_table":
        content = ('<table width="100%" cellpadding="0"><tr><td colspan="2"><a href="/"><b>Kommunen</b></a></td></tr>\n'
                   '<tr><td valign="top" width="180"><a href="/">Start</a><br><a href="/kommun">Kommun och politik</a>'
                   f'</td>\n<td valign="top">\n{content}\n</td></tr></table>')
    return f"<html><head><meta charset=\"utf-8\"></head><body>\n{content}\n</body></html>"


def variant(name: str, text: str, seed: int) -> str:
    if name in HTML_VARIANTS:
        return as_html(text, name)
    lines, items, inline = layout(text)
    out = list(lines)
    if name.startswith("bullet"):
        glyph = name[len("bullet"):]
        for first, _, indent, _g in items:
            out[first] = _with_glyph(out[first], indent, glyph)
        chars = list("\n".join(out))
        for at in inline:
            chars[at] = glyph
        return "".join(chars)
    if name == "numbered":
        starts = [0]
        for line in lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        for run in runs(lines, items):
            n = 0
            for k, (first, _, indent, _g) in enumerate(run):
                n += 1
                numbers = {first: {len(indent): n}}  # line → offset of a glyph → its number
                end = run[k + 1][0] if k + 1 < len(run) else next(
                    (i for i in range(first, len(lines)) if not lines[i].strip()), len(lines))
                for i in range(first, end):  # the items run on in the lines up to the next one: the next numbers
                    for at in sorted(a - starts[i] for a in inline if starts[i] <= a < starts[i] + len(lines[i])):
                        n += 1
                        numbers.setdefault(i, {})[at] = n
                for i, at_number in numbers.items():
                    for at in sorted(at_number, reverse=True):
                        out[i] = f"{out[i][:at]}{at_number[at]}.{out[i][at + 1:]}"
        return "\n".join(out)
    if name == "crlf_nbsp":
        rnd = random.Random(seed ^ zlib.crc32(text.encode("utf-8")))
        return "\r\n".join("".join("\xa0" if c == " " and rnd.random() < 0.2 else c for c in line) for line in lines)
    if name == "unicode_forms":
        rnd = random.Random(seed ^ zlib.crc32(text.encode("utf-8")))

        def word(m: re.Match) -> str:
            w = m[0]
            if len(w) >= 12 and rnd.random() < 0.5:
                at = rnd.randrange(4, len(w) - 4)
                w = f"{w[:at]}\u00ad{w[at:]}"
            return w.replace("fi", "\ufb01").replace("fl", "\ufb02")

        text = re.sub(" ", lambda m: " \u200b" if rnd.random() < 0.1 else " ", re.sub(r"\w+", word, text))
        text = re.sub(r"(?<=\w)-(?=\w)", lambda m: "\u2011" if rnd.random() < 0.5 else "-", text)
        return unicodedata.normalize("NFD", text)
    if name in ("blank_removed", "blank_added"):
        drop, add = set(), set()
        for run in runs(lines, items):
            for a, b in zip(run, run[1:]):
                if name == "blank_removed":
                    drop.update(range(a[1] + 1, b[0]))
                elif b[0] == a[1] + 1:
                    add.add(a[1])
        res = []
        for i, line in enumerate(out):
            if i in drop:
                continue
            res.append(line)
            if i in add:
                res.append("")
        return "\n".join(res)
    if name == "wrapped":
        firsts = {first: indent for first, _, indent, _g in items}
        res = []
        for i, line in enumerate(out):
            if len(line) <= WIDTH:
                res.append(line)
            elif i in firsts:
                m = re.match(r"\s*\S+\s+", line)
                hang = " " * len(m.group(0))
                res += textwrap.wrap(line.rstrip(), WIDTH, subsequent_indent=hang, break_long_words=False,
                                     break_on_hyphens=False, drop_whitespace=True) or [line]
            else:
                indent = line[:len(line) - len(line.lstrip())]
                res += textwrap.wrap(line.strip(), WIDTH, initial_indent=indent, subsequent_indent=indent,
                                     break_long_words=False, break_on_hyphens=False) or [line]
        return "\n".join(res)
    raise ValueError(name)


# --- comparison --------------------------------------------------------------------------------

def _norm(s: str) -> str:
    return " ".join(s.split())


def _categories(r: dict) -> list[str]:
    return sorted({c for fa in r["focus_areas"] for c in fa["categories"]})


def compare(orig: list[dict], var: list[dict]) -> list[tuple[str, str, str]]:
    """(record id, kind, what) for each disagreement; a record with none is ("id", "", "")."""
    out = []
    rest_o, rest_v = list(orig), list(var)
    pairs = []
    for o in orig:
        v = next((v for v in rest_v if v["id"] == o["id"]), None)
        if v is not None:
            pairs.append((o, v))
            rest_o.remove(o)
            rest_v.remove(v)
    for o in list(rest_o):
        if rest_v:
            pairs.append((o, rest_v.pop(0)))
            rest_o.remove(o)
    for o in rest_o:
        out.append((o["id"], "records", "missing in the variant"))
    for v in rest_v:
        out.append((v["id"], "records", "only in the variant"))
    for o, v in pairs:
        found = []
        oa = [dict(a, text=_norm(a["text"])) for a in o["activities"]]
        va = [dict(a, text=_norm(a["text"])) for a in v["activities"]]
        ap = pair_activities(oa, va)
        po, pv = {i for i, _, _ in ap}, {j for _, j, _ in ap}
        found += [("activities", f"lost: {a['text'][:100]}") for i, a in enumerate(oa) if i not in po]
        found += [("activities", f"new: {a['text'][:100]}") for j, a in enumerate(va) if j not in pv]
        for i, j, _ in ap:
            a, b = oa[i], va[j]
            if a["text"] != b["text"]:
                found.append(("activity_text", f"{a['text'][:80]!r} → {b['text'][:80]!r}"))
            if a["frequency"] != b["frequency"]:
                found.append(("frequency", f"{a['frequency']} → {b['frequency']}: {a['text'][:60]}"))
            if set(a["actors"]) != set(b["actors"]):
                found.append(("actors", f"{a['actors']} → {b['actors']}: {a['text'][:60]}"))
        if _categories(o) != _categories(v):
            found.append(("categories", f"{_categories(o)} → {_categories(v)}"))
        if o["period"] != v["period"]:
            found.append(("period", f"{o['period']} → {v['period']}"))
        if o["doc_type"] != v["doc_type"]:
            found.append(("doc_type", f"{o['doc_type']} → {v['doc_type']}"))
        if (o["follow_up"] is None) != (v["follow_up"] is None):
            found.append(("follow_up", f"{'present' if o['follow_up'] else 'none'} → "
                                       f"{'present' if v['follow_up'] else 'none'}"))
        out += [(o["id"], k, w) for k, w in found] or [(o["id"], "", "")]
    return out


def _extract(text: str, url: str, html: bool = False):
    try:
        return pipeline.extract_text(text, url=url, html=html)
    except pipeline.DocumentError as exc:
        return str(exc)


def run_page(args) -> list[tuple]:
    """(page, variant, record id, kind, what) rows for one page."""
    path, variants, seed = args
    p = Path(path)
    text = plain_lines(decode_text(p.read_bytes()))
    url = str(read_sidecar(p).get("url") or p.as_posix())
    orig = _extract(text, url)
    if isinstance(orig, str):
        return []
    rows = []
    for name in variants:
        vtext = variant(name, text, seed)
        if vtext == text:
            continue
        var = _extract(vtext, url, html=name in HTML_VARIANTS)
        if isinstance(var, str):
            rows += [(p.stem, name, o["id"], "records", f"the variant fails: {var[-80:]}") for o in orig]
            continue
        rows += [(p.stem, name, *row) for row in compare(orig, var)]
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT / "corpus" / "snapshot"))
    ap.add_argument("--skip", help="a file of page names (one a line) to leave out")
    ap.add_argument("--pages", type=int, help="a sample of N pages (seeded)")
    ap.add_argument("--seed", type=int, default=20261203)
    ap.add_argument("--variants", help="comma-separated, of: " + ", ".join(VARIANTS))
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--show", action="store_true", help="print every disagreement")
    a = ap.parse_args(argv)
    skip = set(Path(a.skip).read_text(encoding="utf-8").split()) if a.skip else set()
    paths = sorted(p for p in Path(a.corpus).rglob("*.txt") if p.stem not in skip)
    if a.pages and a.pages < len(paths):
        paths = sorted(random.Random(a.seed).sample(paths, a.pages))
    variants = tuple(a.variants.split(",")) if a.variants else VARIANTS
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        ap.error(f"unknown variant(s): {', '.join(unknown)}")
    jobs = [(str(p), variants, a.seed) for p in paths]
    if a.jobs > 1:
        with ProcessPoolExecutor(a.jobs) as ex:
            results = list(ex.map(run_page, jobs, chunksize=4))
    else:
        results = [run_page(j) for j in jobs]
    summary = {}
    for name in variants:
        rows = [r for res in results for r in res if r[1] == name]
        recs = {(r[0], r[2]) for r in rows}
        bad = {(r[0], r[2]) for r in rows if r[3]}
        kinds = Counter(r[3] for r in rows if r[3])
        summary[name] = {"pages": len({r[0] for r in rows}), "records": len(recs),
                         "agree": round(1 - len(bad) / len(recs), 4) if recs else 1.0,
                         "disagreements": {k: kinds[k] for k in KINDS if kinds[k]}}
    if a.show:
        for res in results:
            for page, name, rid, kind, what in res:
                if kind:
                    print(f"{page}\t{name}\t{rid}\t{kind}\t{what}")
    print(f"{'variant':<14} {'pages':>5} {'records':>7} {'agree':>6}  disagreements")
    for name, s in summary.items():
        kinds = " ".join(f"{k}={n}" for k, n in s["disagreements"].items())
        print(f"{name:<14} {s['pages']:>5} {s['records']:>7} {s['agree']:>6.3f}  {kinds}")
    print(json.dumps({"pages": len(paths), "variants": summary}, ensure_ascii=False, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
