"""PDF backend (pdfplumber): the same blocks as the HTML and text backends.

Generators lay text out differently (fpdf2, reportlab, word processors), so nothing here
depends on one generator's numbers; every threshold is relative to the document itself:
- lines: words whose vertical middles fall inside one another's extent (leading and
  glyphs of another size or font on the same baseline do not split a line);
- running headers and footers: the top and bottom rows of a page that repeat on most
  pages (digits read as one), page numbers ("3", "Sida 3", "Nässjö kommun Sida 3 av 5"),
  and a small-font top or bottom row standing apart from the text;
- columns: a vertical gutter (a strip near the middle of the page, crossed by the fewest
  body words, then the fewest words) with words on both sides; rows that cross it (a title,
  a lead above the columns) cut the page into bands, read top to bottom, each band left
  column first;
- blocks: a line joins the paragraph above unless the gap exceeds the document's usual
  line gap, it is indented as a first line, or the line above ended a sentence with room
  left (to the edge of the lines around it) for this line's first word; bullets are glyphs
  (also drawn apart, or unmapped "(cid:N)" symbol-font glyphs), "–" only when drawn apart,
  "-" not after a full line of a paragraph, or numbers; an item goes on over lines at its
  hanging indent;
- headings: a bold line, or a font clearly larger than the body's median size;
- tables: ruled tables through pdfplumber; an unruled one when a row names its columns
  (Aktivitet / Ansvarig / När, rules/sections.yaml) and the rows below align under them.
An activity table gives one item per row with "Ansvarig:" and "När:" kept (tables.py).
Words hyphenated across line ends are joined.
"""
from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..models import Block
from ..rules import Rules
from . import LIST_GLYPHS, fold_characters
from .tables import table_items

GLYPH = rf"[{re.escape(LIST_GLYPHS)}]|\(cid:\d+\)"  # (an unmapped symbol-font glyph: _row_text)
BULLET = re.compile(rf"^(?:{GLYPH}|-|\d{{1,2}}[.)])\s+")
DASH_BULLET = re.compile(r"^[–—]\s+")  # a dash starts an item only when drawn apart (else a quote)
PAGE_NUMBER = re.compile(r"^(?:sida\s+)?\d{1,3}(?:\s*(?:/|av)\s*\d{1,3})?$", re.I)
PAGE_LABEL = re.compile(r"(?:^|\s)(?:sida|s\.|page)\s*\d{1,3}(?:\s*(?:/|av|of)\s*\d{1,3})?(?:\s|$)", re.I)
GUTTER = 12  # pt: the narrowest gap between two columns (wider than a justified space)
BOLD = re.compile(r"bold|black|heavy|demi|semibold|-bd\b", re.I)


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    page: int
    group: int          # reading-order group on the page (band × column)
    left: float         # left edge of its group's text
    right: float        # right edge of its group's text
    first_word: float   # width of its first word (after a bullet)
    bullet_gap: float   # gap after a leading bullet or number drawn as its own word, else 0
    indent: float       # where the text after a leading bullet or number starts
    word_gap: float     # the line's usual space between words (wide in justified text)


def _error(path, reason):
    from ..ingest import DocumentError

    return DocumentError(path, reason)


def _rows(words: list[dict]) -> list[list[dict]]:
    """Words → rows: a word joins the row when its vertical middle lies within the row's
    extent (a baseline shared by glyphs of several sizes), rows top to bottom, words left
    to right."""
    rows: list[list[dict]] = []
    extent: list[tuple[float, float]] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        mid = (w["top"] + w["bottom"]) / 2
        if rows and extent[-1][0] <= mid <= extent[-1][1]:
            rows[-1].append(w)
        else:
            rows.append([w])
            extent.append((w["top"], w["bottom"]))
    return [sorted(r, key=lambda w: w["x0"]) for r in rows]


def _row_text(ws: list[dict]) -> str:
    """Words joined with a space where they stand apart; an unmapped symbol-font glyph
    ("(cid:127)", a bullet without a ToUnicode entry) reads as "•"."""
    text = ""
    for i, w in enumerate(ws):
        gap = w["x0"] - ws[i - 1]["x1"] if i else 0
        text += (" " if i and gap > w["size"] * 0.15 else "") + re.sub(r"^\(cid:\d+\)$", "•", w["text"])
    return text.strip()


def _is_marker(text: str) -> bool:
    return bool(re.fullmatch(rf"{GLYPH}|[–—-]|\d{{1,2}}[.)]", text))


def _line(ws: list[dict], page: int, group: int, left: float, right: float) -> Line:
    text = _row_text(ws)
    sizes = [w["size"] for w in ws]
    bold = sum(len(w["text"]) for w in ws if BOLD.search(w.get("fontname") or "")) > len(text.replace(" ", "")) / 2
    gap, first = 0.0, ws[0]
    if len(ws) > 1 and _is_marker(ws[0]["text"]):
        gap, first = ws[1]["x0"] - ws[0]["x1"], ws[1]
    spaces = [b["x0"] - a["x1"] for a, b in zip(ws[1:], ws[2:])]
    return Line(text, ws[0]["x0"], ws[-1]["x1"], min(w["top"] for w in ws), max(w["bottom"] for w in ws),
                statistics.median(sizes), bold, page, group, left, right, first["x1"] - first["x0"], gap, first["x0"],
                statistics.median(spaces) if spaces else 0.0)


def _running(pages: list[list[list[dict]]], body: float) -> list[set[int]]:
    """Per page, the indices of the rows (up to two from the top, two from the bottom) that
    are running headers/footers or page numbers."""
    def key(row):
        return re.sub(r"\d+", "#", _row_text(row)).lower()

    def apart(rows, i, j):  # the gap between row i and its neighbour j (None: no neighbour)
        if not 0 <= j < len(rows):
            return True
        upper, lower = (rows[i], rows[j]) if i < j else (rows[j], rows[i])
        return min(w["top"] for w in lower) - max(w["bottom"] for w in upper) > body * 1.5

    edge = Counter()
    for rows in pages:
        edge.update({key(r) for r in rows[:2] + rows[-2:]})
    repeated = {k for k, n in edge.items() if len(pages) >= 2 and n >= max(2, len(pages) * 0.5)}
    out = []
    for rows in pages:
        drop: set[int] = set()
        for edge_rows, step in ((range(min(2, len(rows))), 1), (range(len(rows) - 1, max(-1, len(rows) - 3), -1), -1)):
            for i in edge_rows:
                text = _row_text(rows[i])
                small = max(w["size"] for w in rows[i]) < body * 0.9 and apart(rows, i, i + step)
                if i in drop or not (key(rows[i]) in repeated or PAGE_NUMBER.match(text)
                                     or PAGE_LABEL.search(text) or small):
                    break
                drop.add(i)
        out.append(drop)
    return out


def _cover(words: list[dict], xs: list[int]) -> list[int]:
    """For each x of ``xs`` (consecutive), how many words cross it; a word covers the space
    after it too, so that a full-width row has no holes."""
    diff = [0] * (len(xs) + 1)  # a difference array: linear in words and width
    for w in words:
        pad = w["size"] * 0.4
        lo, hi = max(0, int(w["x0"] - pad) + 1 - xs[0]), min(len(xs), int(-(-(w["x1"] + pad) // 1)) - xs[0])
        if lo < hi:
            diff[lo] += 1
            diff[hi] -= 1
    cover, c = [], 0
    for d in diff[:-1]:
        c += d
        cover.append(c)
    return cover


def _runs(ints) -> list[list[int]]:
    """Increasing integers → runs of consecutive ones ([1, 2, 5] → [[1, 2], [5]])."""
    runs: list[list[int]] = []
    for i in ints:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _gutter(words: list[dict], width: float) -> float | None:
    """The middle of the strip, at least a gutter wide, nearest the page's middle, with words
    on both sides, crossed by the fewest body-size words and, among those, by the fewest
    words of any size: empty, or crossed by a title or a lead above the columns
    (_reading_order reads such rows whole), not the wider strip a column of headings only
    leaves between the body words."""
    if len(words) < 12:
        return None
    lo, hi = min(w["x1"] for w in words), max(w["x0"] for w in words)  # words on both sides
    xs = [x for x in range(int(width * 0.3), int(width * 0.7)) if lo < x < hi]
    if not xs:
        return None
    size = statistics.median(w["size"] for w in words)
    every = _cover(words, xs)
    text = _cover([w for w in words if abs(w["size"] - size) < 0.5], xs)
    fewest = min(text)
    for level in sorted({e for t, e in zip(text, every) if t == fewest}):
        runs = _runs(x for x, t, e in zip(xs, text, every) if t == fewest and e <= level)
        wide = [r for r in runs if len(r) >= GUTTER]
        if wide:
            run = min(wide, key=lambda r: abs(r[len(r) // 2] - width / 2))
            return run[len(run) // 2]
    return None


def _reading_order(words: list[dict], width: float) -> list[list[dict]]:
    """Groups of words in reading order: runs of full-width rows (a title, a lead above the
    columns) cut the page into bands; each band gives its left column, then its right."""
    x = _gutter(words, width)
    if x is None:
        return [words]
    size = statistics.median(w["size"] for w in words)
    half = max(3.0, size * 0.4)
    rows = _rows(words)
    is_full = [any(w["x0"] < x + half and w["x1"] > x - half for w in r) for r in rows]
    split = [r for r, f in zip(rows, is_full) if not f]
    left = [r for r in split if r[0]["x0"] < x]
    right = [r for r in split if r[-1]["x1"] > x]
    if not left or not right or len(split) < 3:
        return [words]
    lt, lb = left[0][0]["top"], left[-1][0]["bottom"]
    rt, rb = right[0][0]["top"], right[-1][0]["bottom"]
    lo, hi = max(lt, rt), min(lb, rb)
    if hi - lo < 0.3 * min(lb - lt, rb - rt):
        return [words]  # a block on the left above one on the right, not columns
    if sum(1 for r, f in zip(rows, is_full) if f and lo < r[0]["top"] < hi) > len(split) // 20:
        return [words]  # lines cross the "gutter" between the columns: one column
    runs = _runs(i for i, f in enumerate(is_full) if not f)  # rows that do not cross the gutter
    for run in runs:  # a row or two, or a gap no wider than a justified space, is no gutter
        ws = [w for i in run for w in rows[i]]
        lw = max((w["x1"] for w in ws if w["x1"] <= x), default=x)
        rw = min((w["x0"] for w in ws if w["x1"] > x), default=x)
        if len(run) < 3 or rw - lw < max(GUTTER, size * 1.2):
            for i in run:
                is_full[i] = True
    bands: list[tuple[bool, list[list[dict]]]] = []
    for r, f in zip(rows, is_full):
        if bands and bands[-1][0] == f:
            bands[-1][1].append(r)
        else:
            bands.append((f, [r]))
    groups = []
    for f, band in bands:
        ws = [w for r in band for w in r]
        sides = [ws] if f else [[w for w in ws if w["x1"] <= x], [w for w in ws if w["x1"] > x]]
        groups += [s for s in sides if s]
    return groups


def _aligned_table(rows: list[list[dict]], rules: Rules, gap_limit: float) -> tuple[int, int, list[list[str]]] | None:
    """An unruled table: a row of two or more short cells, set apart by wide gaps, that each
    name a column (the activity first), and the rows below it whose words start under those
    columns. → (first row, end row, cells)."""
    names = rules.sections["table_columns"]
    for hi, head in enumerate(rows):
        cells: list[list[dict]] = []
        for w in head:
            if cells and w["x0"] - cells[-1][-1]["x1"] < w["size"] * 1.5:
                cells[-1].append(w)
            else:
                cells.append([w])
        roles = []
        for c in cells:
            low = _row_text(c).lower()
            roles.append(next((n for n, ws in names.items() if any(low.startswith(x) for x in ws)), None))
        # a header: short cells that each name a column, the activity first
        if len(cells) < 2 or roles[0] != "activity" or None in roles or any(len(c) > 3 for c in cells):
            continue
        starts = [c[0]["x0"] for c in cells]
        body, end, last = [], hi + 1, head
        for r in rows[hi + 1:]:
            if r[0]["top"] - max(w["bottom"] for w in last) > gap_limit or r[0]["x0"] < starts[0] - 3:
                break
            body.append(r)
            last, end = r, end + 1
        if not body:
            continue
        gaps = [b[0]["top"] - max(w["bottom"] for w in a) for a, b in zip([head] + body, body)]
        tol = max(1.5, statistics.median(w["size"] for w in head) * 0.25)
        uniform = max(gaps) - min(gaps) < tol
        table = [[_row_text(c) for c in cells]]
        for r, g in zip(body, gaps):
            parts = [[] for _ in starts]
            for w in r:
                col = max(i for i, s in enumerate(starts) if w["x0"] >= s - 3 or i == 0)
                parts[col].append(w)
            texts = [_row_text(p) for p in parts]
            if len(table) == 1 or uniform or g > min(gaps) + tol:
                table.append(texts)
            else:
                table[-1] = [f"{a} {b}".strip() for a, b in zip(table[-1], texts)]
        return hi, end, table
    return None


def _join(prev: str, nxt: str, keep_hyphen_before: list[str]) -> str:
    """Join two lines of one paragraph; "trygghets-" + "skapande" → "trygghetsskapande",
    but "polis-" + "och kommun" keeps its hyphen; a soft hyphen at the line's end ("brotts\u00ad" +
    "förebyggande") is the break of one word."""
    if prev.endswith("\u00ad"):
        return prev[:-1] + nxt
    if re.search(r"[a-zåäö]-$", prev) and nxt[:1].islower():
        first = nxt.split(" ", 1)[0]
        if first not in keep_hyphen_before:
            return prev[:-1] + nxt
    return f"{prev} {nxt}"


def _right_edges(lines: list[Line], body: float, reach: int = 3) -> list[Line]:
    """Each line's right edge: the farthest a body-size line of its group reaches among the
    lines around it (``reach`` above and below), so that a lead across the page above a
    single column does not leave the column's lines room they never had."""
    for i, line in enumerate(lines):
        near = lines[max(0, i - reach): i + reach + 1]
        line.right = max([n.x1 for n in near if abs(n.size - body) < 0.5] or [n.x1 for n in near])
    return lines


def _has_room(last: Line, line: Line, width: float) -> bool:
    """The line above had room left, to its right edge, for ``width`` more (after a space):
    ``line``'s first word, or its dash and first word."""
    return last.x1 + line.size * 0.3 + width < last.right - 1


def _line_gap(lines: list[Line], body: float) -> float:
    """The usual gap between two lines of one paragraph: the smallest top-to-top distance
    that recurs between body lines of one group, less the line height."""
    steps = Counter()
    for a, b in zip(lines, lines[1:]):
        if a.page == b.page and a.group == b.group and abs(a.size - body) < 0.5 and abs(b.size - body) < 0.5:
            d = round((b.top - a.top) * 2) / 2
            if body * 0.9 < d < body * 3:
                steps[d] += 1
    recurring = [d for d, n in steps.items() if n >= 2]
    pitch = min(recurring) if recurring else body * 1.2
    heights = [l.bottom - l.top for l in lines if abs(l.size - body) < 0.5] or [body]
    return pitch - statistics.median(heights)


def pdf_to_text(raw: bytes, rules: Rules, path: Path) -> tuple[str, list[Block]]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(raw))
        pages_words, tables_rows, images = [], [], 0
        with pdf:
            for page in pdf.pages:
                tables = page.find_tables()
                boxes = [t.bbox for t in tables]
                words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
                words = [w for w in words if not any(b[0] - 1 <= w["x0"] and w["x1"] <= b[2] + 1 and
                                                     b[1] - 1 <= w["top"] and w["bottom"] <= b[3] + 1 for b in boxes)]
                pages_words.append((words, page.width))
                tables_rows.append([(t.bbox[1], table_items(t.extract(), rules)) for t in tables])
                images += len(page.images)
    except Exception as exc:  # pdfminer raises many types for broken files
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc  # pdfplumber wraps them
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise _error(path, "PDF is encrypted; cannot read it") from None
        reason = " ".join(str(inner).split())[:80] or "unreadable"
        raise _error(path, f"broken PDF ({inner.__class__.__name__}: {reason})") from None
    if not any(w for w, _ in pages_words) and not any(rows for t in tables_rows for _, rows in t):
        if images:
            raise _error(path, "no text layer (scanned PDF?); OCR is not supported")
        raise _error(path, "PDF has no text")

    sizes = [w["size"] for ws, _ in pages_words for w in ws for _ in w["text"]]
    body = statistics.median(sizes) if sizes else 10.0
    page_rows = [_rows(ws) for ws, _ in pages_words]
    running = _running(page_rows, body)
    page_lines: list[Line] = []
    for no, ((_, width), rows, drop) in enumerate(zip(pages_words, page_rows, running)):
        rows = [r for i, r in enumerate(rows) if i not in drop]
        found = _aligned_table(rows, rules, body * 3)
        if found:
            start, end, cells = found
            tables_rows[no].append((rows[start][0]["top"], table_items(cells, rules)))
            rows = rows[:start] + rows[end:]
        words = [w for r in rows for w in r]
        for g, group in enumerate(_reading_order(words, width) if words else []):
            left = min(w["x0"] for w in group)
            page_lines += _right_edges([_line(r, no, g, left, 0.0) for r in _rows(group)], body)
    all_lines = [l for l in page_lines if not PAGE_NUMBER.match(l.text)]
    normal_gap = _line_gap(all_lines, body)
    flow_bottom = max((l.bottom for l in all_lines), default=0.0)
    tol = max(1.5, body * 0.25)

    pieces: list[tuple[str, str]] = []  # (kind, text)
    cur_kind, cur_text, cur_indent, last = None, "", 0.0, None

    def flush():
        nonlocal cur_kind, cur_text
        if cur_kind and cur_text.strip():
            pieces.append((cur_kind, cur_text.strip()))
        cur_kind, cur_text = None, ""

    keep, max_heading = rules.sections["keep_hyphen_before"], rules.sections["heading_max_chars"]
    table_queue = {no: sorted(rows, key=lambda r: r[0]) for no, rows in enumerate(tables_rows)}
    for line in all_lines:
        while table_queue.get(line.page) and table_queue[line.page][0][0] < line.top:
            flush()
            for row in table_queue[line.page].pop(0)[1]:
                pieces.append(("item", row))
        # the line above ended a sentence although this line's first word had room there
        stop = last is not None and re.search(r"[.!?:]$", last.text) is not None
        ended = stop and _has_room(last, line, line.first_word)
        below = last is not None and last.page == line.page and (last.group == line.group or line.top >= last.bottom - 1)
        if below:  # same flow, or the band below it
            # same flow: near enough, and not indented as a first line
            goes_on = line.top - last.bottom <= normal_gap * line.size / body + tol and not ended
            # a first line is indented: past the line above, or past the flow's edge after a sentence
            first_line = line.x0 > last.x0 + line.size * 0.8 or (
                line.x0 > line.left + line.size * 0.8 and re.search(r"[.!?:]$", last.text) is not None)
            para_on = goes_on and not first_line
            item_on = goes_on and abs(line.x0 - cur_indent) <= 1.5  # at the hanging indent
        else:  # next column or page: goes on unless the line above ended its block, or
            # its column stopped short of where the text usually ends (a break before a block)
            short = last is not None and last.bottom < flow_bottom - 3 * body
            goes_on = para_on = item_on = last is not None and not ended and not short
            # after a sentence's end, a line at its column's left edge, where the item's own
            # lines hung right of theirs, starts a block of its own
            item_on = item_on and not (stop and line.x0 <= line.left + 1 and cur_indent > last.left + 1.5)
        heading = line.size >= body * 1.1 and line.size - body >= 1 or line.bold and len(line.text) <= max_heading
        # a dash drawn apart: indented as a list, set off wider than the line's spaces, or
        # with its text at the hanging indent of the item above
        dash = line.bullet_gap > line.size * 0.5 and (line.x0 > line.left + 1 or line.bullet_gap > line.word_gap * 1.5
                                                      or cur_kind == "item" and abs(line.indent - cur_indent) <= 1.5)
        m = BULLET.match(line.text) or (DASH_BULLET.match(line.text) if dash else None)
        if m and line.text[0] == "-" and not dash and cur_kind == "paragraph" and para_on and not stop \
                and not _has_room(last, line, line.indent - line.x0 + line.first_word):
            m = None  # "alla" | "- både …" on a full line above: a sentence's dash wrapped, no item
        if m:
            flush()
            cur_kind, cur_text, cur_indent = "item", line.text[m.end():], line.indent
        elif heading:
            if cur_kind == "heading" and goes_on and below:
                cur_text += " " + line.text
            else:
                flush()
                cur_kind, cur_text = "heading", line.text
        elif cur_kind == "item" and item_on:
            cur_text = _join(cur_text, line.text, keep)  # hanging indent: the item goes on
            cur_indent = line.x0  # (in the next column, at that column's indent)
        elif cur_kind == "paragraph" and para_on:
            cur_text = _join(cur_text, line.text, keep)
        else:
            flush()
            cur_kind, cur_text = "paragraph", line.text
        last = line
    flush()
    for rows in table_queue.values():
        for _, rs in rows:
            pieces += [("item", r) for r in rs]

    out, blocks, pos = [], [], 0
    for kind, text in pieces:
        text = re.sub(r"\s+", " ", fold_characters(text))
        blocks.append(Block(kind=kind, text=text, start=pos, end=pos + len(text)))
        out.append(text)
        pos += len(text) + 2
    return "\n\n".join(out), blocks

