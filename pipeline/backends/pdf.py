"""PDF backend (pdfplumber): the same blocks as the HTML and text backends.

Reading order per page: running headers/footers and page numbers out, two columns read
left then right, tables row by row (an activity table with Aktivitet / Ansvarig / När
columns gives one item per row with "Ansvarig:" and "När:" kept), lines joined into
paragraphs and list items (bullet glyphs, numbers, hanging indents), headings from a
larger or bold font, words hyphenated across line ends joined.
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
from .tables import table_items

BULLET = re.compile(r"^(?:[•▪●◦‣\-–\*·]|\d{1,2}[.)])\s+")
PAGE_NUMBER = re.compile(r"^(?:sida\s+)?\d{1,3}(?:\s*(?:/|av)\s*\d{1,3})?$", re.I)


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


def _error(path, reason):
    from ..ingest import DocumentError

    return DocumentError(path, reason)


def _lines_of(words: list[dict], page_no: int) -> list[Line]:
    """Words → lines, by their vertical position."""
    words = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    lines: list[list[dict]] = []
    for w in words:
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= max(2.0, w["size"] * 0.3):
            lines[-1].append(w)
        else:
            lines.append([w])
    out = []
    for ws in lines:
        ws.sort(key=lambda w: w["x0"])
        text = ""
        for i, w in enumerate(ws):
            gap = w["x0"] - ws[i - 1]["x1"] if i else 0
            text += (" " if i and gap > w["size"] * 0.15 else "") + w["text"]
        sizes = [w["size"] for w in ws]
        bold = sum("bold" in (w.get("fontname") or "").lower() for w in ws) > len(ws) / 2
        out.append(Line(text.strip(), ws[0]["x0"], ws[-1]["x1"], min(w["top"] for w in ws),
                        max(w["bottom"] for w in ws), statistics.median(sizes), bold, page_no))
    return out


def _columns(words: list[dict], width: float) -> list[list[dict]]:
    """Split a page at a vertical gutter near the middle when both sides carry text."""
    if len(words) < 12:
        return [words]
    for x in sorted(range(int(width * 0.35), int(width * 0.65), 3), key=lambda v: abs(v - width / 2)):
        crossing = [w for w in words if w["x0"] < x < w["x1"]]
        if len(crossing) > len(words) * 0.02:
            continue
        left = [w for w in words if w["x1"] <= x]
        right = [w for w in words if w["x0"] >= x]
        if len(left) > len(words) * 0.15 and len(right) > len(words) * 0.15 and _side_by_side(left, right):
            # full-width lines (a title above both columns) stay first
            spanning = [w for w in words if w in crossing]
            return [spanning, left, right] if spanning else [left, right]
    return [words]


def _side_by_side(left: list[dict], right: list[dict]) -> bool:
    """Columns, not a left-aligned block above a right-aligned one: the two sides share
    most of their vertical extent."""
    lt, lb = min(w["top"] for w in left), max(w["bottom"] for w in left)
    rt, rb = min(w["top"] for w in right), max(w["bottom"] for w in right)
    overlap = min(lb, rb) - max(lt, rt)
    return overlap > 0.3 * min(lb - lt, rb - rt)


def _join(prev: str, nxt: str, keep_hyphen_before: list[str]) -> str:
    """Join two lines of one paragraph; "trygghets-" + "skapande" → "trygghetsskapande",
    but "polis-" + "och kommun" keeps its hyphen."""
    if re.search(r"[a-zåäö]-$", prev) and nxt[:1].islower():
        first = nxt.split(" ", 1)[0]
        if first not in keep_hyphen_before:
            return prev[:-1] + nxt
    return f"{prev} {nxt}"


def _running_lines(pages: list[list[Line]]) -> set[str]:
    """Lines repeated at the top or bottom of most pages (headers, footers)."""
    if len(pages) < 2:
        return set()
    seen = Counter()
    for lines in pages:
        edge = {re.sub(r"\d+", "#", l.text) for l in lines[:2] + lines[-2:]}
        seen.update(edge)
    return {t for t, n in seen.items() if n >= max(2, len(pages) * 0.5)}


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
                pages_words.append((words, page.width, page.height))
                tables_rows.append([(t.bbox[1], table_items(t.extract(), rules)) for t in tables])
                images += len(page.images)
    except Exception as exc:  # pdfminer raises many types for broken files
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc  # pdfplumber wraps them
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise _error(path, "PDF is encrypted; cannot read it") from None
        reason = " ".join(str(inner).split())[:80] or "unreadable"
        raise _error(path, f"broken PDF ({inner.__class__.__name__}: {reason})") from None
    if not any(w for w, _, _ in pages_words) and not any(rows for t in tables_rows for _, rows in t):
        if images:
            raise _error(path, "no text layer (scanned PDF?); OCR is not supported")
        raise _error(path, "PDF has no text")

    page_lines: list[list[Line]] = []
    for no, (words, width, _height) in enumerate(pages_words):
        lines = []
        for col in _columns(words, width):
            lines += _lines_of(col, no)
        page_lines.append(lines)
    running = _running_lines(page_lines)
    all_lines = [l for ls in page_lines for l in ls
                 if not PAGE_NUMBER.match(l.text) and re.sub(r"\d+", "#", l.text) not in running]
    body = statistics.median([l.size for l in all_lines]) if all_lines else 10.0

    pieces: list[tuple[str, str]] = []  # (kind, text)
    cur_kind, cur_text, cur_indent, last = None, "", 0.0, None

    def flush():
        nonlocal cur_kind, cur_text
        if cur_kind and cur_text.strip():
            pieces.append((cur_kind, cur_text.strip()))
        cur_kind, cur_text = None, ""

    keep = rules.sections["keep_hyphen_before"]
    table_queue = {no: sorted(rows) for no, rows in enumerate(tables_rows)}
    for line in all_lines:
        while table_queue.get(line.page) and table_queue[line.page][0][0] < line.top:
            flush()
            for row in table_queue[line.page].pop(0)[1]:
                pieces.append(("item", row))
        gap = line.top - last.bottom if last and last.page == line.page else 99.0
        heading = (line.size > body * 1.15 or (line.bold and len(line.text) < 90)) and not BULLET.match(line.text)
        m = BULLET.match(line.text)
        if heading:
            if cur_kind == "heading" and gap < line.size * 0.8:
                cur_text += " " + line.text
            else:
                flush()
                cur_kind, cur_text = "heading", line.text
        elif m:
            flush()
            cur_kind, cur_text = "item", line.text[m.end():]
            cur_indent = line.x0 + (m.end() / max(1, len(line.text))) * (line.x1 - line.x0) * 0.8
        elif cur_kind == "item" and gap < line.size * 0.9 and line.x0 >= cur_indent - 2:
            cur_text = _join(cur_text, line.text, keep)  # hanging indent: the item goes on
        elif cur_kind == "paragraph" and gap < line.size * 0.9:
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
        text = re.sub(r"\s+", " ", text)
        blocks.append(Block(kind=kind, text=text, start=pos, end=pos + len(text)))
        out.append(text)
        pos += len(text) + 2
    return "\n\n".join(out), blocks
