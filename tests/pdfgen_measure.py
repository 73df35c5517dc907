"""Measure the PDF backend against the gold: each gold text is written as a PDF in a layout
(from the text backend's blocks), extracted, and scored beside the same text extracted as
plain text. Used by tests/test_pdf.py (a sample) and bench/pdf_layouts.py (all gold texts)."""
from __future__ import annotations

import difflib
import json
import random
import re
from pathlib import Path

import pdfgen
import pdfgen_reportlab as rl

from pipeline.evaluate import evaluate, gold_half
from pipeline.extract import extract_path
from pipeline.ingest import read_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "snapshot"
GOLD = ROOT / "tests" / "gold"
METRICS = ("activity_f1", "frequency_accuracy", "record_recall")


def _fpdf(fn, **kw):
    return lambda blocks, kommun: fn(blocks, **kw)


def _rl(lay):
    return lambda blocks, kommun: rl.render(blocks, lay, kommun)


# name → (blocks, kommun) → PDF bytes; reportlab layouts first, then fpdf2's
LAYOUTS = {lay.name: _rl(lay) for lay in rl.LAYOUTS}
LAYOUTS.update({"fpdf-one-column": _fpdf(pdfgen.one_column, running=True),
                "fpdf-two-columns": _fpdf(pdfgen.two_columns)})


def gold_texts(half: str | None = None, gold: Path = GOLD) -> list[tuple[Path, list[dict]]]:
    """(text path, gold records) for every gold file of ``gold`` (of one half), by the source url."""
    by_url = {}
    for meta in sorted(CORPUS.rglob("*.meta.json")):
        url = json.loads(meta.read_text(encoding="utf-8")).get("url")
        by_url[url] = meta.with_name(meta.name[: -len(".meta.json")] + ".txt")
    out = []
    for g in sorted(gold.glob("*.gold.json")):
        recs = json.loads(g.read_text(encoding="utf-8"))
        if half and gold_half(recs[0]) != half:
            continue
        out.append((by_url[recs[0]["source"]["url"]], recs))
    return out


def other_texts(n: int) -> list[Path]:
    """``n`` bundled texts that have no gold (a fixed draw), to read block by block."""
    gold = {p for p, _ in gold_texts()}
    texts = sorted(p for p in CORPUS.rglob("*.txt") if p not in gold)
    random.Random(7).shuffle(texts)
    return texts[:n]


def kommun_of(text_path: Path, gold: list[dict]) -> str:
    """The kommun's name for the running footer (as a printed document would carry it)."""
    if gold and gold[0].get("kommuner"):
        return gold[0]["kommuner"][0]["namn"]
    return re.sub(r"[-_\d]+", " ", text_path.stem.split("__")[-1]).strip().title()


def write_pdf(text_path: Path, layout: str, kommun: str, out_dir: Path, rules) -> Path:
    """The text's blocks as a PDF in ``layout``, with the text's sidecar (same url) beside it."""
    blocks = read_document(text_path, rules).blocks
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf = out_dir / (text_path.stem + ".pdf")
    pdf.write_bytes(LAYOUTS[layout](blocks, kommun))
    meta = text_path.with_name(text_path.stem + ".meta.json")
    (out_dir / meta.name).write_bytes(meta.read_bytes())
    return pdf


def _records(path: Path, rules, nlp) -> list[dict]:
    res = extract_path(path, rules, nlp)
    return [r.model_dump(mode="json") for r in res.records]


def measure(texts, layouts, tmp: Path, rules, nlp) -> dict[str, dict[str, float]]:
    """{"text": scores, layout: scores, ...} over all ``texts`` (one evaluate call each, so
    the figures are pooled over the documents like the gold evaluation's)."""
    gold = [r for _, recs in texts for r in recs]
    out = {"text": evaluate(gold, [r for p, _ in texts for r in _records(p, rules, nlp)]).scores}
    for lay in layouts:
        pred = []
        for p, recs in texts:
            pdf = write_pdf(p, lay, kommun_of(p, recs), tmp / lay, rules)
            pred += _records(pdf, rules, nlp)
        out[lay] = evaluate(gold, pred).scores
    return out


def block_agreement(texts: list[Path], layout: str, tmp: Path, rules) -> float:
    """The share of the text backend's blocks (kind and text) that the PDF gives back in
    order: paragraphs neither run together nor split, items, headings, reading order."""
    same = total = 0
    for p in texts:
        want = [(b.kind, b.text) for b in read_document(p, rules).blocks]
        pdf = write_pdf(p, layout, kommun_of(p, []), tmp / layout, rules)
        got = [(b.kind, b.text) for b in read_document(pdf, rules).blocks]
        sm = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
        same += sum(m.size for m in sm.get_matching_blocks())
        total += max(len(want), len(got))
    return same / total if total else 1.0
