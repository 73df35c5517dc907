"""The evaluation table of the README: all gold, each half of the kommun split, the gold
files added after commit 5ddcdbd (written after those rules), and two blind sets of bundled
pages no rule had been written from, annotated to the contract before their output was read:
``bench/blind_gold/`` ("blind1", 30 pages) and ``bench/blind2_gold/`` ("blind2", 16 pages),
each a test set for one session and dev data since, and ``bench/blind3_gold/`` ("blind3", 23
pages), today's test set and never a source of rules: the fairest view of unseen pages; and
``bench/blind4_gold/`` ("blind4", 24 pages of kommuner no other gold covers, annotated from the
text alone in the fourth session: pages earlier audits had read, so dev data from the start), and
``bench/blind5_gold/`` ("blind5", 24 more such pages, annotated the same way an hour later) and
``bench/blind6_gold/`` ("blind6", 24 more, some of kommuner other gold covers, annotated after the rules
from blind4 and blind5 had landed), and ``bench/blind7_gold/`` ("blind7", 24 more, after the blind6 rules),
and ``bench/blind8_gold/`` ("blind8", 24 more, annotated at the start of the session of 2026-12-04
and held out through it: a second test set, scored at the session's start and end, never read),
and ``bench/blind9_gold/`` ("blind9", 24 more, annotated in that session while whole-corpus audits read every
bundled page: a first look, held out from then on), and ``bench/blind10_gold/`` and ``bench/blind11_gold/`` (the
latter 8 polisen.se pages annotated blind in the session of 2026-12-06 and held out through it), and
``bench/blind12_gold/`` ("blind12", the 78 bundled pages no other gold covered, annotated blind at the start of
the third session of 2026-12-06: pages earlier audits had read, so a first look, dev data since).

    python bench/gold_table.py OUTPUT_DIR
"""
import subprocess
import sys
from pathlib import Path

from pipeline.evaluate import LABELS, evaluate, gold_half
from pipeline.output import load_records

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
# column name → folder under bench/
BLIND = {"blind1": "blind_gold", **{f"blind{n}": f"blind{n}_gold" for n in range(2, 13)}}
OLD_RULES = "5ddcdbd"


def _new_gold() -> list[dict]:
    old = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", f"{OLD_RULES}:tests/gold"],
                         capture_output=True, text=True, check=True).stdout.split()
    return [r for f in sorted(GOLD.glob("*.gold.json")) if f.name not in old for r in load_records(f)]


def main(output: str) -> None:
    gold, pred = load_records(GOLD), load_records(output)
    cols = {"all": gold, "half A": [g for g in gold if gold_half(g) == "A"],
            "half B": [g for g in gold if gold_half(g) == "B"], "new": _new_gold(),
            **{c: load_records(ROOT / "bench" / d) for c, d in BLIND.items()}}
    scores = {c: evaluate(g, pred).scores for c, g in cols.items()}
    print(f"{'metric':<22}  " + "   ".join(f"{c:>6}" for c in cols))
    print(f"{'(gold records)':<22}  " + "   ".join(f"{len(g):>6}" for g in cols.values()))
    for key, label in LABELS.items():
        print(f"{label:<22}  " + "   ".join(f"{scores[c][key]:>6.3f}" for c in cols))


if __name__ == "__main__":
    main(sys.argv[1])
