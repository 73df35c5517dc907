"""Wall time of ``promises diff`` on two record files (not a test: the figure is in the README).

    python bench/diff_speed.py [OLD.json NEW.json] [--repeat 5] [--format text]

Without files, the two Lysekil periods of the bundled corpus are extracted into a temporary
folder first (not timed). Each run is a fresh ``python -m pipeline diff`` process, so the
time includes interpreter start, imports and reading the lemma table. The last line printed
is one JSON object with the figures.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAIR = ("polisen-se__lysekil", "lysekil-se__medborgarlofte")  # 2019–2020 and 2020–2021


def _extract_pair(tmp: Path) -> tuple[Path, Path]:
    from pipeline.batch import run_batch

    src = tmp / "src"
    src.mkdir()
    for stem in PAIR:
        for ext in (".txt", ".meta.json"):
            shutil.copyfile(ROOT / "corpus" / "snapshot" / "pages" / f"{stem}{ext}", src / f"{stem}{ext}")
    res = run_batch([str(src)], tmp / "out")
    if res.failures:
        sys.exit(f"error: could not extract the benchmark pair: {res.failures}")
    old, new = sorted(tmp.glob("out/lysekil-*.json"))
    return old, new


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--format", default="text", choices=["text", "markdown", "json", "html"])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        old, new = args.files if len(args.files) == 2 else _extract_pair(Path(tmp))
        cmd = [sys.executable, "-m", "pipeline", "diff", str(old), str(new), "--format", args.format]
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                           env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
            times.append(time.perf_counter() - t)
    fig = {"old": old.name, "new": new.name, "runs": len(times), "best_s": round(min(times), 3),
           "median_s": round(statistics.median(times), 3)}
    print(f"promises diff {old.name} {new.name}: best {fig['best_s']} s, median {fig['median_s']} s "
          f"over {len(times)} runs")
    print(json.dumps(fig))


if __name__ == "__main__":
    main()
