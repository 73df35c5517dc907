"""Write real PDFs with a second generator (reportlab) from a document's blocks, in layouts
the PDF backend was not written against: word-wrapped paragraphs with `leading`, justified
text, bullets drawn as separate glyphs with a hanging indent, headings by weight alone or
only 2 pt larger, lists in a table without ruling lines, one or two frames per page, and a
running header and a footer with the kommun's name and "Sida N"."""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (BaseDocTemplate, Frame, FrameBreak, ListFlowable, ListItem,
                                NextPageTemplate, PageTemplate, Paragraph, Spacer, Table,
                                TableStyle)

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def _fonts(family: str) -> tuple[str, str]:
    """(regular, bold): DejaVu embedded as TrueType, or the standard Type 1 Times/Helvetica."""
    if family == "dejavu" and (DEJAVU / "DejaVuSans.ttf").exists():
        if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU / "DejaVuSans.ttf")))
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(DEJAVU / "DejaVuSans-Bold.ttf")))
        return "DejaVuSans", "DejaVuSans-Bold"
    if family == "times":
        return "Times-Roman", "Times-Bold"
    return "Helvetica", "Helvetica-Bold"


@dataclass(frozen=True)
class Layout:
    name: str
    columns: int = 1
    justify: bool = False
    bullet: str = "•"          # "•" or "–"; drawn by reportlab as a separate glyph
    list_style: str = "list"   # "list" (ListFlowable), "bullettext" (Paragraph bulletText), "table"
    heading_delta: float = 2   # heading size over body size; 0 = weight alone
    family: str = "helvetica"
    size: float = 10
    leading: float = 13.5
    space_after: float = 5
    first_indent: float = 0    # a first-line indent (then no space between paragraphs)
    running: bool = True


LAYOUTS = [
    Layout("one-column"),
    Layout("one-column-justified-dash", justify=True, bullet="–", list_style="bullettext",
           heading_delta=0, family="times", size=11, leading=14.5),
    Layout("one-column-table-list", list_style="table", family="dejavu", size=9.5, leading=12.5),
    Layout("one-column-indented-paragraphs", list_style="bullettext", space_after=0, first_indent=14,
           family="times", size=10.5, leading=13),
    Layout("two-columns", columns=2, justify=True, family="dejavu", size=9, leading=12),
    Layout("two-columns-dash-weight", columns=2, bullet="–", list_style="bullettext", heading_delta=0,
           leading=12.5, space_after=4),
]


def _styles(lay: Layout) -> dict[str, ParagraphStyle]:
    reg, bold = _fonts(lay.family)
    body = ParagraphStyle("body", fontName=reg, fontSize=lay.size, leading=lay.leading,
                          alignment=TA_JUSTIFY if lay.justify else TA_LEFT, spaceAfter=lay.space_after,
                          firstLineIndent=lay.first_indent)
    hsize = lay.size + lay.heading_delta
    return {
        "body": body,
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=lay.size + 6,
                                leading=lay.size + 9, alignment=TA_LEFT, spaceAfter=8, firstLineIndent=0),
        "heading": ParagraphStyle("heading", parent=body, fontName=bold, fontSize=hsize,
                                  leading=hsize * 1.3, alignment=TA_LEFT, spaceBefore=6, spaceAfter=3,
                                  firstLineIndent=0),
        "item": ParagraphStyle("item", parent=body, leftIndent=16, bulletIndent=4, spaceAfter=2, firstLineIndent=0,
                               bulletFontName=reg, bulletFontSize=lay.size),
    }


def _para(text: str, style: ParagraphStyle, **kw) -> Paragraph:
    return Paragraph(escape(text), style, **kw)


def _list(items: list[str], lay: Layout, st: dict) -> list:
    if lay.list_style == "bullettext":
        return [_para(t, st["item"], bulletText=lay.bullet) for t in items]
    if lay.list_style == "table":  # borderless two-column table: number | text
        reg, _ = _fonts(lay.family)
        cell = ParagraphStyle("cell", parent=st["body"], spaceAfter=0, firstLineIndent=0)
        rows = [[f"{i}.", _para(t, cell)] for i, t in enumerate(items, 1)]
        t = Table(rows, colWidths=[10 * mm, None], hAlign="LEFT")
        t.setStyle(TableStyle([("FONT", (0, 0), (0, -1), reg, lay.size), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
        return [t, Spacer(1, lay.space_after)]
    return [ListFlowable([ListItem(_para(t, ParagraphStyle("li", parent=st["body"], spaceAfter=2,
                                                            firstLineIndent=0)))
                          for t in items], bulletType="bullet", start=lay.bullet, leftIndent=16,
                         bulletFontName=st["body"].fontName, bulletFontSize=lay.size),
            Spacer(1, lay.space_after - 2)]


def story(blocks, lay: Layout) -> list:
    """Blocks → flowables; the first heading is the title, runs of items one list."""
    st = _styles(lay)
    out, run, title_done = [], [], False
    for b in list(blocks) + [None]:
        if b is not None and b.kind == "item":
            run.append(b.text)
            continue
        if run:
            out += _list(run, lay, st)
            run = []
        if b is None:
            break
        if b.kind == "heading":
            out.append(_para(b.text, st["heading" if title_done else "title"]))
            title_done = True
        else:
            out.append(_para(b.text, st["body"]))
    return out


def render(blocks, lay: Layout, kommun: str) -> bytes:
    """One layout → PDF bytes. Two columns: the first flowable (the title) spans the page,
    the rest flows through two frames side by side on every page."""
    buf = io.BytesIO()
    w, h = A4
    margin, gutter = 20 * mm, 8 * mm
    reg, _ = _fonts(lay.family)

    def running(canvas, doc):
        if not lay.running:
            return
        canvas.saveState()
        canvas.setFont(reg, 8)
        canvas.drawString(margin, h - 12 * mm, f"Polisen och {kommun} kommun – Medborgarlöfte")
        canvas.drawString(margin, 10 * mm, f"{kommun} kommun")
        canvas.drawRightString(w - margin, 10 * mm, f"Sida {doc.page}")
        canvas.restoreState()

    doc = BaseDocTemplate(buf, pagesize=A4, leftMargin=margin, rightMargin=margin,
                          topMargin=22 * mm, bottomMargin=20 * mm, title=kommun, invariant=1)
    fw, fh = doc.width, doc.height
    flow = story(blocks, lay)
    if lay.columns == 1:
        doc.addPageTemplates([PageTemplate("one", [Frame(margin, doc.bottomMargin, fw, fh, id="f")],
                                           onPage=running)])
    else:
        cw = (fw - gutter) / 2
        title_h = 22 * mm

        def cols(top):
            return [Frame(margin, doc.bottomMargin, cw, top, id="l"),
                    Frame(margin + cw + gutter, doc.bottomMargin, cw, top, id="r")]

        first = [Frame(margin, doc.bottomMargin + fh - title_h, fw, title_h, id="t")] + cols(fh - title_h)
        doc.addPageTemplates([PageTemplate("first", first, onPage=running),
                              PageTemplate("later", cols(fh), onPage=running)])
        flow = flow[:1] + [NextPageTemplate("later"), FrameBreak()] + flow[1:]
    doc.build(flow)
    return buf.getvalue()


def activity_table(title: str, rows: list[tuple[str, str, str]]) -> bytes:
    """An Aktivitet / Ansvarig / När table with no ruling lines (columns only by alignment)."""
    buf = io.BytesIO()
    lay = Layout("table")
    st = _styles(lay)
    cell = ParagraphStyle("cell", parent=st["body"], spaceAfter=0, alignment=TA_LEFT)
    head = ParagraphStyle("head", parent=cell, fontName=_fonts(lay.family)[1])
    data = [[_para(c, head) for c in ("Aktivitet", "Ansvarig", "När")]]
    data += [[_para(c, cell) for c in r] for r in rows]
    t = Table(data, colWidths=[80 * mm, 45 * mm, 45 * mm], hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    doc = BaseDocTemplate(buf, pagesize=A4, invariant=1)
    doc.addPageTemplates([PageTemplate("one", [Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height)])])
    doc.build([_para(title, st["title"]), t])
    return buf.getvalue()
