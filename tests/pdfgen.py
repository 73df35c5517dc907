"""Write real PDFs (fpdf2) from a document's blocks, in the layouts the PDF backend handles."""
from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


class _PDF(FPDF):
    running = False

    def header(self):
        if self.running:
            self.set_font(self.family_name, "", 8)
            self.cell(0, 6, "Polismyndigheten – Lokalpolisområde – Medborgarlöfte", new_x="LMARGIN", new_y="NEXT")

    def footer(self):
        if self.running:
            self.set_y(-12)
            self.set_font(self.family_name, "", 8)
            self.cell(0, 6, f"Sida {self.page_no()}", align="C")


def new_pdf(running: bool = False) -> _PDF:
    pdf = _PDF()
    pdf.running = running
    if (DEJAVU / "DejaVuSans.ttf").exists():
        pdf.add_font("Body", "", str(DEJAVU / "DejaVuSans.ttf"))
        pdf.add_font("Body", "B", str(DEJAVU / "DejaVuSans-Bold.ttf"))
        pdf.family_name = "Body"
    else:  # core font: latin-1 only
        pdf.family_name = "Helvetica"
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    return pdf


def _safe(pdf: _PDF, text: str) -> str:
    if pdf.family_name == "Helvetica":
        text = text.replace("•", "-").replace("–", "-").replace("”", '"').replace("“", '"')
        return text.encode("latin-1", "replace").decode("latin-1")
    return text


def _hyphenated_lines(text: str, width: int = 48) -> list[str]:
    """Wrap by hand, breaking long words with a hyphen ("trygghets-" / "skapande")."""
    lines, cur = [], ""
    for word in text.split():
        if len(cur) + 1 + len(word) <= width:
            cur = f"{cur} {word}".strip()
            continue
        room = width - len(cur) - 2
        if len(word) >= 10 and room >= 4 and word.isalpha():
            lines.append(f"{cur} {word[:room]}-".strip())
            cur = word[room:]
        else:
            lines.append(cur)
            cur = word
    if cur:
        lines.append(cur)
    return lines


def render_blocks(pdf: _PDF, blocks, width: float | None = None, hyphenate: bool = False) -> None:
    x0 = pdf.l_margin
    w = width or (pdf.w - pdf.l_margin - pdf.r_margin)
    for b in blocks:
        text = _safe(pdf, b.text)
        pdf.set_x(x0)
        if b.kind == "heading":
            pdf.set_font(pdf.family_name, "B", 13)
            pdf.multi_cell(w, 7, text, new_x="LEFT", new_y="NEXT")
        elif b.kind == "item":
            pdf.set_font(pdf.family_name, "", 10)
            y = pdf.get_y()
            pdf.cell(5, 5, _safe(pdf, "•"))
            pdf.set_xy(x0 + 5, y)
            if hyphenate:
                for line in _hyphenated_lines(text, int(w / 2.3)):
                    pdf.set_x(x0 + 5)
                    pdf.cell(w - 5, 5, line, new_x="LEFT", new_y="NEXT")
            else:
                pdf.multi_cell(w - 5, 5, text, new_x="LEFT", new_y="NEXT")
        else:
            pdf.set_font(pdf.family_name, "", 10)
            if hyphenate:
                for line in _hyphenated_lines(text, int(w / 2.1)):
                    pdf.set_x(x0)
                    pdf.cell(w, 5, line, new_x="LEFT", new_y="NEXT")
            else:
                pdf.multi_cell(w, 5, text, new_x="LEFT", new_y="NEXT")
        pdf.ln(3)


def one_column(blocks, hyphenate: bool = False, running: bool = False) -> bytes:
    pdf = new_pdf(running)
    if running:  # spread over pages so that headers and footers repeat
        third = max(1, len(blocks) // 3)
        for i in range(0, len(blocks), third):
            if i:
                pdf.add_page()
            render_blocks(pdf, blocks[i:i + third], hyphenate=hyphenate)
    else:
        render_blocks(pdf, blocks, hyphenate=hyphenate)
    return bytes(pdf.output())


def two_columns(blocks) -> bytes:
    """Title across the page, then the rest in two columns per page."""
    pdf = new_pdf()
    render_blocks(pdf, blocks[:1])
    rest = blocks[1:]
    col_w = (pdf.w - pdf.l_margin - pdf.r_margin - 10) / 2
    chunk = max(1, (len(rest) + 3) // 4)
    parts = [rest[i:i + chunk] for i in range(0, len(rest), chunk)]
    top = pdf.get_y()
    for i, part in enumerate(parts):
        if i and i % 2 == 0:
            pdf.add_page()
            top = pdf.t_margin
        left = pdf.l_margin if i % 2 == 0 else pdf.l_margin + col_w + 10
        pdf.set_y(top)
        old = pdf.l_margin
        pdf.set_left_margin(left)
        pdf.set_x(left)
        render_blocks(pdf, part, width=col_w)
        pdf.set_left_margin(old)
    return bytes(pdf.output())


def table(title: str, rows: list[tuple[str, str, str]]) -> bytes:
    pdf = new_pdf()
    pdf.set_font(pdf.family_name, "B", 14)
    pdf.multi_cell(0, 8, _safe(pdf, title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(pdf.family_name, "", 10)
    with pdf.table(col_widths=(90, 45, 45)) as t:
        head = t.row()
        for c in ("Aktivitet", "Ansvarig", "När"):
            head.cell(c)
        for r in rows:
            row = t.row()
            for c in r:
                row.cell(_safe(pdf, c))
    return bytes(pdf.output())


def image_only() -> bytes:
    from PIL import Image

    img = Image.new("RGB", (400, 300), "white")
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    pdf = new_pdf()
    pdf.image(io.BytesIO(buf.getvalue()), x=10, y=10, w=180)
    return bytes(pdf.output())


def encrypted(blocks) -> bytes:
    pdf = new_pdf()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    render_blocks(pdf, blocks[:3])
    return bytes(pdf.output())
