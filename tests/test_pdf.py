"""PDFs written by a real PDF library from dev texts: extraction must give the same
activities, actors and frequencies as the text version of the same document."""
import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate

from pipeline.evaluate import pair_activities
from pipeline.extract import extract_path
from pipeline.ingest import read_document
from pipeline.models import Block

import pdfgen
import pdfgen_measure as pm
import pdfgen_reportlab as rl
from conftest import CORPUS

DEV = ["seeds/003_de10323e27091918", "pages/polisen-se__flen", "pages/polisen-se__jokkmokk",
       "pages/polisen-se__pajala-kommun", "pages/polisen-se__sotenas-2"]


def _records(path, rules, nlp):
    res = extract_path(path, rules, nlp)
    assert res.error is None, res.error
    return res.records


def _compare(text_path, pdf_path, rules, nlp):
    t_acts = [a for r in _records(text_path, rules, nlp) for a in r.activities]
    p_acts = [a for r in _records(pdf_path, rules, nlp) for a in r.activities]
    gold = [{"text": a.text} for a in t_acts]
    pairs = pair_activities(gold, [{"text": a.text} for a in p_acts])
    p = len(pairs) / len(p_acts) if p_acts else 1.0
    r = len(pairs) / len(t_acts) if t_acts else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    assert f1 >= 0.95, (f1, [a.text for a in t_acts], [a.text for a in p_acts])
    for gi, pi, _ in pairs:
        assert t_acts[gi].actors == p_acts[pi].actors, t_acts[gi].text
        assert t_acts[gi].frequency == p_acts[pi].frequency, t_acts[gi].text
    return t_acts, p_acts


def _setup(tmp_path, name, rules, layout, **kw):
    src = CORPUS / f"{name}.txt"
    meta = src.with_name(src.stem + ".meta.json")
    text_path = tmp_path / "t" / src.name
    text_path.parent.mkdir()
    text_path.write_bytes(src.read_bytes())
    (text_path.parent / meta.name).write_bytes(meta.read_bytes())
    blocks = read_document(text_path, rules).blocks
    pdf_path = tmp_path / "p" / (src.stem + ".pdf")
    pdf_path.parent.mkdir()
    pdf_path.write_bytes(layout(blocks, **kw))
    (pdf_path.parent / meta.name).write_bytes(meta.read_bytes())
    return text_path, pdf_path


@pytest.mark.parametrize("name", DEV)
def test_one_column(tmp_path, rules, nlp, name):
    _compare(*_setup(tmp_path, name, rules, pdfgen.one_column), rules, nlp)


@pytest.mark.parametrize("name", DEV[:3])
def test_two_columns(tmp_path, rules, nlp, name):
    _compare(*_setup(tmp_path, name, rules, pdfgen.two_columns), rules, nlp)


@pytest.mark.parametrize("name", DEV[:3])
def test_running_headers_footers_and_page_numbers(tmp_path, rules, nlp, name):
    text_path, pdf_path = _setup(tmp_path, name, rules, pdfgen.one_column, running=True)
    doc = read_document(pdf_path, rules)
    assert "Sida " not in doc.text and "Polismyndigheten – Lokalpolisområde" not in doc.text
    _compare(text_path, pdf_path, rules, nlp)


@pytest.mark.parametrize("name", DEV[:3])
def test_hyphenated_line_breaks(tmp_path, rules, nlp, name):
    text_path, pdf_path = _setup(tmp_path, name, rules, pdfgen.one_column, hyphenate=True)
    _compare(text_path, pdf_path, rules, nlp)


def test_hyphen_kept_before_och(tmp_path, rules):
    from pipeline.backends.pdf import _join

    keep = rules.sections["keep_hyphen_before"]
    assert _join("ett trygghets-", "skapande arbete", keep) == "ett trygghetsskapande arbete"
    assert _join("i samverkan mellan polis-", "och kommun", keep) == "i samverkan mellan polis- och kommun"


def test_soft_hyphen_at_a_line_end_joins_its_word(tmp_path, rules):
    """A word broken at a soft hyphen ("brotts\u00ad" | "förebyggande", as a word processor sets a
    hyphenation hint at the line's end) reads as one word, in a real PDF written by reportlab."""
    from reportlab.pdfgen import canvas

    regular, _ = rl._fonts("dejavu")
    path = tmp_path / "soft.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(regular, 11)
    for y, line in [(800, "Polisen ska genomföra brotts\u00ad"), (786, "förebyggande insatser i centrum.")]:
        c.drawString(72, y, line)
    c.save()
    texts = [b.text for b in read_document(path, rules).blocks]
    assert texts == ["Polisen ska genomföra brottsförebyggande insatser i centrum."]


def test_activity_table_rows_become_activities(tmp_path, rules, nlp):
    rows = [("Trafikkontroller vid skolorna", "Polisen", "Minst två gånger per månad"),
            ("Trygghetsvandring i centrum", "Kommunen och polisen", "En gång per år"),
            ("Föräldramöten om droger", "Kommunen", "Löpande")]
    p = tmp_path / "ale.pdf"
    p.write_bytes(pdfgen.table("Ale – medborgarlöfte 2024", rows))
    (tmp_path / "ale.meta.json").write_text('{"url": "https://polisen.se/x/ale/"}', encoding="utf-8")
    rec = _records(p, rules, nlp)[0]
    got = [(a.text.split(" (")[0], a.actors, a.frequency and (a.frequency.times, a.frequency.per, a.frequency.at_least))
           for a in rec.activities]
    assert got == [("Trafikkontroller vid skolorna.", ["polisen"], (2, "month", True)),
                   ("Trygghetsvandring i centrum.", ["polisen", "kommunen"], (1, "year", False)),
                   ("Föräldramöten om droger.", ["kommunen"], None)]
    assert rec.source.kind == "pdf" and (rec.period.start, rec.period.end) == (2024, 2024)
    doc = read_document(p, rules)
    for a in rec.activities:  # spans point into the extracted text
        assert doc.text[a.span[0]:a.span[1]].startswith(a.text[:15])


def test_scanned_pdf(tmp_path, rules, nlp):
    p = tmp_path / "scan.pdf"
    p.write_bytes(pdfgen.image_only())
    res = extract_path(p, rules, nlp)
    assert res.error == f"{p}: no text layer (scanned PDF?); OCR is not supported"


def test_corrupt_and_encrypted_pdfs(tmp_path, rules, nlp):
    text_path = CORPUS / "pages" / "polisen-se__flen.txt"
    blocks = read_document(text_path, rules).blocks
    good = pdfgen.one_column(blocks)
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(good[: len(good) // 3])
    res = extract_path(bad, rules, nlp)
    assert res.error.startswith(f"{bad}: ") and "\n" not in res.error and res.records == []
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4\n" + b"garbage" * 100)
    assert "broken PDF" in extract_path(junk, rules, nlp).error
    enc = tmp_path / "enc.pdf"
    enc.write_bytes(pdfgen.encrypted(blocks))
    assert extract_path(enc, rules, nlp).error == f"{enc}: PDF is encrypted; cannot read it"


# --- a second generator (reportlab) in layouts the backend was not written against -------

SAMPLE = pm.gold_texts()[::6]  # 12 gold texts of both halves, spread over the alphabet


@pytest.fixture(scope="module")
def text_scores(rules, nlp, tmp_path_factory):
    return pm.measure(SAMPLE, [], tmp_path_factory.mktemp("text"), rules, nlp)["text"]


@pytest.mark.parametrize("layout", list(pm.LAYOUTS))
def test_layout_scores_within_5_percent_of_text(layout, text_scores, rules, nlp, tmp_path):
    """Activity F1, frequency accuracy and record recall against the gold: the PDF of a
    text within 5 % of the text itself, for every layout."""
    pdf = pm.measure(SAMPLE, [layout], tmp_path, rules, nlp)[layout]
    for m in pm.METRICS:
        assert pdf[m] >= 0.95 * text_scores[m], (layout, m, pdf[m], text_scores[m])


@pytest.mark.parametrize("layout", list(pm.LAYOUTS))
def test_layout_gives_the_text_blocks(layout, rules, tmp_path):
    """Block by block (kind and text) the PDF reads as the text it was written from:
    paragraphs not run together nor split, bullets, headings by weight or 2 pt, columns;
    on gold texts of half A (the half the backend was tuned on) and on texts with no gold."""
    texts = [p for p, _ in pm.gold_texts("A")[::6]] + pm.other_texts(8)
    assert pm.block_agreement(texts, layout, tmp_path, rules) >= 0.95


def _blocks(*pairs):
    return [Block(kind=k, text=t, start=0, end=len(t)) for k, t in pairs]


QUOTE = ("– Det har hänt mycket bland våra ungdomar under hösten och vi ser att de samlas på platser "
         "där de orsakar otrygghet, så nu gör polisen och kommunen en gemensam kraftsamling, säger "
         "kommunpolisen.")


@pytest.mark.parametrize("layout", [lay for lay in rl.LAYOUTS if lay.bullet == "–"], ids=lambda l: l.name)
def test_dash_quote_stays_a_paragraph_and_dash_items_are_items(layout, rules, tmp_path):
    blocks = _blocks(("heading", "Ulricehamn – medborgarlöfte 2020"), ("paragraph", QUOTE),
                     ("paragraph", "Polisen lovar:"),
                     ("item", "Polisen ska genomföra minst fyra trafikkontroller per månad vid skolorna i "
                              "centrala Ulricehamn under hela läsåret."),
                     ("item", "Fotpatrullering i centrum varje fredag."))
    p = tmp_path / "u.pdf"
    p.write_bytes(rl.render(blocks, layout, "Ulricehamn"))
    got = [(b.kind, b.text) for b in read_document(p, rules).blocks]
    assert got == [(b.kind, b.text) for b in blocks]


def test_running_header_and_footer_on_a_single_page(rules, tmp_path):
    """One page: nothing repeats, yet the small header and the "Kommun · Sida 1" footer go."""
    blocks = _blocks(("heading", "Bjuv – medborgarlöfte 2016"),
                     ("paragraph", "Polisen och Bjuvs kommun lovar att genomföra trygghetsvandringar."))
    p = tmp_path / "b.pdf"
    p.write_bytes(rl.render(blocks, rl.LAYOUTS[0], "Bjuv"))
    got = [(b.kind, b.text) for b in read_document(p, rules).blocks]
    assert got == [(b.kind, b.text) for b in blocks]


def test_unruled_activity_table_rows_become_activities(tmp_path, rules, nlp):
    """Columns only by alignment (no ruling lines): the row naming Aktivitet / Ansvarig /
    När gives the columns; a wrapped cell stays in its row."""
    rows = [("Trafikkontroller vid skolorna under hela läsåret med fokus på hastighet och bältesanvändning",
             "Polisen", "Minst två gånger per månad"),
            ("Trygghetsvandring i centrum", "Kommunen och polisen", "En gång per år"),
            ("Föräldramöten om droger", "Kommunen", "Löpande")]
    p = tmp_path / "ale.pdf"
    p.write_bytes(rl.activity_table("Ale – medborgarlöfte 2024", rows))
    (tmp_path / "ale.meta.json").write_text('{"url": "https://polisen.se/x/ale/"}', encoding="utf-8")
    rec = _records(p, rules, nlp)[0]
    got = [(a.text.split(" (")[0], a.actors, a.frequency and (a.frequency.times, a.frequency.per))
           for a in rec.activities]
    assert got == [(rows[0][0] + ".", ["polisen"], (2, "month")),
                   ("Trygghetsvandring i centrum.", ["polisen", "kommunen"], (1, "year")),
                   ("Föräldramöten om droger.", ["kommunen"], None)]


def _two_column_pdf(path, title, lead, left, right):
    """reportlab, the "two-columns" layout's styles: a title (and a lead) across the page,
    then the ``left`` blocks in the left column and, after a frame break, the ``right``
    blocks in the right one (a document whose last lines flow into the right column)."""
    lay = next(lay for lay in rl.LAYOUTS if lay.name == "two-columns")
    st = rl._styles(lay)

    def flow(blocks):
        out, run = [], []
        for kind, text in list(blocks) + [(None, None)]:
            if kind == "item":
                run.append(text)
                continue
            if run:
                out += rl._list(run, lay, st)
                run = []
            if kind:
                out.append(rl._para(text, st["heading" if kind == "heading" else "body"]))
        return out

    buf = io.BytesIO()
    margin, gutter, top_h = 20 * mm, 8 * mm, 45 * mm
    doc = BaseDocTemplate(buf, pagesize=A4, leftMargin=margin, rightMargin=margin,
                          topMargin=22 * mm, bottomMargin=20 * mm, invariant=1)
    cw, y0, ch = (doc.width - gutter) / 2, doc.bottomMargin, doc.height - top_h
    doc.addPageTemplates([PageTemplate("p", [Frame(margin, y0 + ch, doc.width, top_h, id="t"),
                                             Frame(margin, y0, cw, ch, id="l"),
                                             Frame(margin + cw + gutter, y0, cw, ch, id="r")])])
    story = [rl._para(title, st["title"])] + [rl._para(t, st["body"]) for t in lead] + [FrameBreak()]
    doc.build(story + flow(left) + ([FrameBreak()] + flow(right) if right else []))
    path.write_bytes(buf.getvalue())
    return path


def _read(path, rules):
    return [(b.kind, b.text) for b in read_document(path, rules).blocks]


def test_right_column_of_headings_only(rules, tmp_path):
    """The last lines (signature lines, bold) flow into the right column and the title ends
    a few points short of it: the gutter is the strip no word crosses but the title, not
    the wider one between the body words, so the headings are not read into the left
    column's rows."""
    left = [("heading", "Samverkan"),
            ("paragraph", "Polisen och kommunen kommer att samverka kring konkreta aktiviteter för att öka "
                          "tryggheten och minska brottsligheten i hela kommunen under de kommande två åren."),
            ("paragraph", "Medborgarlöftet bygger på den gemensamma lägesbilden och på vad invånarna har berättat "
                          "i trygghetsmätningen och vid medborgardialogerna under hösten."),
            ("heading", "Uppföljning"),
            ("paragraph", "Arbetet följs upp varje kvartal i det brottsförebyggande rådet och redovisas för "
                          "kommunstyrelsen en gång per år.")]
    right = [("heading", "Lokalpolisområdeschef"), ("heading", "Kommunstyrelsens ordförande")]
    p = _two_column_pdf(tmp_path / "e.pdf", "Medborgarlöfte i Exempelby", [], left, right)
    assert _read(p, rules) == [("heading", "Medborgarlöfte i Exempelby")] + left + right


def test_lead_across_the_page_above_one_column(rules, tmp_path):
    """A lead runs across the page, the text below fills the left column only: a sentence
    that ends at the column's edge ("… kommit överens.") leaves no room there, whatever
    the lead's width, so the paragraph goes on."""
    lead = "Polisen och Exempelby kommun har i dag undertecknat ett nytt medborgarlöfte som gäller under hela året."
    left = [("paragraph", "Löftet bygger på den gemensamma lägesbilden och på vad invånarna har berättat i "
                          "trygghetsmätningen under hösten."),
            ("paragraph", "Nu har polisen och kommunen kommit överens. I fjol handlade löftet om trafiken vid "
                          "skolorna. Dessa frågor är fortfarande viktiga och finns kvar i årets löfte, även om "
                          "innehållet har utvecklats."),
            ("paragraph", "Kommunen och polisen följer upp arbetet varje kvartal.")]
    p = _two_column_pdf(tmp_path / "l.pdf", "Nytt medborgarlöfte", [lead], left, [])
    assert _read(p, rules) == [("heading", "Nytt medborgarlöfte"), ("paragraph", lead)] + left


def test_hyphen_dash_wrapped_onto_a_line_stays_in_the_paragraph(rules, tmp_path):
    """"alla" | "- både …": a sentence's dash (a hyphen) that the wrap put first on a line,
    after a full line, is no list item; the items below still are."""
    blocks = [("heading", "Samverkan"),
              ("paragraph", "Trygghet skapas tillsammans. Därför måste alla - både kommunens förvaltningar och "
                            "polisen men även föreningar och näringsliv - arbeta sida vid sida."),
              ("paragraph", "Polisen lovar att:"),
              ("item", "Genomföra trygghetsvandringar i centrum två gånger per år."),
              ("item", "Besöka skolorna varje termin.")]
    p = _two_column_pdf(tmp_path / "h.pdf", "Medborgarlöfte", [], blocks, [])
    assert _read(p, rules) == [("heading", "Medborgarlöfte")] + blocks


def test_item_ends_with_its_column_before_a_paragraph_at_the_next_columns_edge(rules, tmp_path):
    """The left column ends with an item's sentence; the right column starts with a
    paragraph at its left edge, not at the item's hanging indent: a block of its own."""
    left = [("paragraph", "Under de kommande två åren lovar polisen att:"),
            ("item", "Synas mer i centrum under helgerna."),
            ("item", "Arbeta i största möjliga mån utifrån den aktuella lägesbilden i våra tre kommuner.")]
    right = [("paragraph", "Under samma period lovar kommunen att:"), ("item", "Rusta upp belysningen i parkerna.")]
    p = _two_column_pdf(tmp_path / "i.pdf", "Medborgarlöfte", [], left, right)
    assert _read(p, rules) == [("heading", "Medborgarlöfte")] + left + right
