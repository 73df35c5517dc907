"""PDF layouts vs plain text on the gold: every gold text written as a PDF in each layout
(tests/pdfgen_reportlab.py, tests/pdfgen.py), extracted, and scored beside the same text.

    python bench/pdf_layouts.py [--half A|B] [--layout NAME ...] [--unseen N] [--gold DIR]

Prints, per layout, activity F1, frequency accuracy and record recall and their ratio to
the text figures, and the block agreement (kind and text, in order) on N bundled texts
that have no gold; exit 1 when any figure is below 0.95 of the text's. ``--gold
bench/blind3_gold`` measures the texts no rule or layout was tuned on."""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent / "tests"), str(Path(__file__).resolve().parent.parent)]

import pdfgen_measure as pm  # noqa: E402

from pipeline.nlp import build_nlp  # noqa: E402
from pipeline.rules import load_rules  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=["A", "B"])
    ap.add_argument("--layout", action="append", choices=list(pm.LAYOUTS))
    ap.add_argument("--unseen", type=int, default=40, help="texts without gold for the block agreement")
    ap.add_argument("--gold", type=Path, default=pm.GOLD, help="gold folder whose texts are measured")
    args = ap.parse_args()
    rules, nlp = load_rules(), build_nlp()
    texts, layouts, others = pm.gold_texts(args.half, args.gold), args.layout or list(pm.LAYOUTS), pm.other_texts(args.unseen)
    with tempfile.TemporaryDirectory() as tmp:
        res = pm.measure(texts, layouts, Path(tmp), rules, nlp)
        blocks = {lay: pm.block_agreement(others, lay, Path(tmp) / "unseen", rules) for lay in layouts}
    text = res["text"]
    print(f"{len(texts)} gold texts{' (half ' + args.half + ')' if args.half else ''}; "
          f"block agreement on {len(others)} texts without gold")
    print(f"{'layout':<32} " + " ".join(f"{m:>26}" for m in pm.METRICS) + f" {'blocks':>7}")
    ok = True
    for name, s in res.items():
        cells = []
        for m in pm.METRICS:
            ratio = s[m] / text[m] if text[m] else 1.0
            ok &= ratio >= 0.95
            cells.append(f"{s[m]:>8.3f} ({ratio:>5.1%} of text)" if name != "text" else f"{s[m]:>26.3f}")
        ok &= blocks.get(name, 1.0) >= 0.95
        print(f"{name:<32} " + " ".join(f"{c:>26}" for c in cells) + (f" {blocks[name]:>7.3f}" if name in blocks else ""))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
