"""PDF layouts vs plain text on the gold: every gold text written as a PDF in each layout
(tests/pdfgen_reportlab.py, tests/pdfgen.py), extracted, and scored beside the same text.

    python bench/pdf_layouts.py [--half A|B] [--layout NAME ...]

Prints, per layout, activity F1, frequency accuracy and record recall and their ratio to
the text figures; exit 1 when any is below 0.95 of the text figure."""
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
    args = ap.parse_args()
    rules, nlp = load_rules(), build_nlp()
    texts = pm.gold_texts(args.half)
    with tempfile.TemporaryDirectory() as tmp:
        res = pm.measure(texts, args.layout or list(pm.LAYOUTS), Path(tmp), rules, nlp)
    text = res["text"]
    print(f"{len(texts)} gold texts{' (half ' + args.half + ')' if args.half else ''}")
    print(f"{'layout':<28} " + " ".join(f"{m:>26}" for m in pm.METRICS))
    ok = True
    for name, s in res.items():
        cells = []
        for m in pm.METRICS:
            ratio = s[m] / text[m] if text[m] else 1.0
            ok &= ratio >= 0.95
            cells.append(f"{s[m]:>8.3f} ({ratio:>5.1%} of text)" if name != "text" else f"{s[m]:>26.3f}")
        print(f"{name:<28} " + " ".join(f"{c:>26}" for c in cells))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
