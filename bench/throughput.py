"""Throughput benchmark (not a test): what extraction costs against bare spaCy tokenization,
how it grows with document size, what a cold start and a worker cost, and a national-scale
run (the bundled corpus repeated to 3,000 documents).

    python bench/throughput.py [--docs 3000] [--jobs 2] [--repeat 3]

Every figure is the best of ``--repeat`` runs (the least disturbed by other load on a shared
machine). Throughput is CPU time of this process; start-up, ``run`` and the national run are
wall time of a fresh process, with its CPU time beside it (what the wall time would be on an
idle machine). Memory is the peak resident set of a fresh process (``getrusage`` of its
children).
The last line printed is one JSON object with the figures.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extract import extract_paths  # noqa: E402
from pipeline.ingest import discover, read_document  # noqa: E402
from pipeline.nlp import build_nlp  # noqa: E402
from pipeline.rules import load_rules  # noqa: E402

COPIES = (1, 4, 16, 64)
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
# runs argv[1:] as a child and prints its wall time, exit code, peak RSS (kB) and CPU
# seconds; the wrapper's own start-up is not counted
MEASURE = ("import resource, subprocess, sys, time\n"
           "t = time.perf_counter()\n"
           "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
           "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
           "print(time.perf_counter() - t, code, u.ru_maxrss, u.ru_utime + u.ru_stime)\n")
# a -j N batch in this process; prints its wall time, records, the peak RSS (kB) of the
# largest worker and of this parent, and the CPU seconds of all of them
BATCH = ("import resource, sys, time\n"
         "from pathlib import Path\n"
         "from pipeline.batch import run_batch\n"
         "t = time.perf_counter()\n"
         "res = run_batch([sys.argv[1]], Path(sys.argv[2]), jobs=int(sys.argv[3]))\n"
         "c, p = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)\n"
         "print(time.perf_counter() - t, len(res.records), c.ru_maxrss, p.ru_maxrss,"
         " c.ru_utime + c.ru_stime + p.ru_utime + p.ru_stime)\n")


def clear_text_caches() -> None:
    """Empties the caches of recent texts (``lru_cache`` of 1,024 entries or more in
    ``pipeline``), so that a repeated run does not reuse the answers of the run before it."""
    for mod in [m for name, m in sys.modules.items() if name.startswith("pipeline")]:
        for f in vars(mod).values():
            if hasattr(f, "cache_info") and (f.cache_info().maxsize or 0) >= 1024:
                f.cache_clear()


def best_of(n, fn, before=lambda: None):
    """CPU seconds of the fastest of n runs: the least disturbed by other load."""
    times = []
    for _ in range(n):
        before()
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def cold(cmd: list[str], n: int) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB) and CPU seconds of a fresh ``cmd``, each the best of n
    runs (CPU time says what wall time would be on an idle machine)."""
    runs = []
    for _ in range(n):
        out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], env=ENV, cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
        if out[1] not in ("0", "1"):
            raise SystemExit(f"{' '.join(cmd)} failed with exit code {out[1]}")
        runs.append((float(out[0]), int(out[2]) / 1024, float(out[3])))
    return tuple(min(r[i] for r in runs) for i in range(3))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT / "corpus" / "snapshot"))
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3, help="Runs of each measurement; the best counts.")
    args = ap.parse_args()
    py = sys.executable

    files = discover([args.corpus])
    largest = max(files, key=lambda f: f.stat().st_size)
    with tempfile.TemporaryDirectory() as tmp:
        cold_s, cold_mb, cold_cpu = cold([py, "-m", "pipeline", "extract", str(largest), "-o", f"{tmp}/one"], args.repeat)
        run_s, _, run_cpu = cold([py, "-m", "pipeline", "run", "--corpus", args.corpus, "-o", f"{tmp}/run"], args.repeat)

    rules, nlp = load_rules(), build_nlp()
    docs = [read_document(f, rules) for f in files]

    def words_of(texts):
        return sum(sum(1 for tok in nlp.make_doc(x) if not tok.is_space) for x in texts)

    def ratio(paths, texts):
        """Words per second of bare tokenization and of the whole path of ``promises
        extract`` (read, nlp.pipe in batches, rules, records) on the same texts."""
        words = words_of(texts)
        tok_s = best_of(args.repeat, lambda: [nlp.make_doc(x) for x in texts])
        pipe_s = best_of(args.repeat, lambda: extract_paths(paths, rules, nlp), clear_text_caches)
        return words, words / tok_s, words / pipe_s, pipe_s

    words, tok_wps, pipe_wps, _ = ratio([str(f) for f in files], [d.text for d in docs])
    print(f"documents: {len(files)}, words: {words:,}")
    print(f"bare tokenization (nlp.make_doc): {tok_wps:,.0f} words/s")
    print(f"full pipeline (extract):          {pipe_wps:,.0f} words/s")
    print(f"ratio pipeline / tokenization:    {pipe_wps / tok_wps:.3f}")

    scaling = {}
    with tempfile.TemporaryDirectory() as tmp:
        text = largest.read_text(encoding="utf-8")
        for n in COPIES:  # one document of n copies of the largest bundled one
            f = Path(tmp) / f"x{n}{largest.suffix}"
            f.write_text("\n".join([text] * n), encoding="utf-8")
            w, tw, pw, s = ratio([str(f)], [read_document(f, rules).text])
            scaling[n] = (1e6 * s / w, pw / tw)
    scaling_ratio = scaling[COPIES[-1]][0] / scaling[COPIES[0]][0]
    ratio_big = scaling[COPIES[-1]][1]
    print(f"largest document ({largest.name}) × {', '.join(map(str, COPIES))}: "
          + ", ".join(f"{ms:.1f}" for ms, _ in scaling.values())
          + f" ms per 1,000 words; {COPIES[-1]}× / 1× = {scaling_ratio:.2f}; "
          f"ratio to tokenization at {COPIES[-1]}× {ratio_big:.3f}")
    print(f"cold `promises extract` of one file: {cold_s:.2f} s ({cold_cpu:.2f} s CPU), {cold_mb:.0f} MB; "
          f"`promises run` on the bundled corpus: {run_s:.2f} s ({run_cpu:.2f} s CPU)")

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus"
        src.mkdir()
        for i in range(args.docs):
            f = files[i % len(files)]
            name = f"{i:05d}_{f.stem}"
            shutil.copyfile(f, src / f"{name}{f.suffix}")
            meta = f.with_name(f.stem + ".meta.json")
            if meta.exists():
                m = json.loads(meta.read_text(encoding="utf-8"))
                m["url"] = f"{m.get('url', f.name)}#copy{i}"
                (src / f"{name}.meta.json").write_text(json.dumps(m), encoding="utf-8")
        out = subprocess.run([py, "-c", BATCH, str(src), str(Path(tmp) / "out"), str(args.jobs)], env=ENV,
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    nat_s, n_records, worker_mb, parent_mb, nat_cpu = (float(out[0]), int(out[1]), int(out[2]) / 1024,
                                                       int(out[3]) / 1024, float(out[4]))
    print(f"national scale: {args.docs} documents → {n_records} records in {nat_s:.1f} s ({nat_cpu:.1f} s CPU) "
          f"with {args.jobs} processes; peak memory of a worker {worker_mb:.0f} MB, of the parent {parent_mb:.0f} MB")
    print(json.dumps({
        "tokenizer_words_per_s": round(tok_wps), "pipeline_words_per_s": round(pipe_wps),
        "ratio": round(pipe_wps / tok_wps, 3), "ratio_64x": round(ratio_big, 3),
        "scaling": [round(ms, 1) for ms, _ in scaling.values()], "scaling_ratio": round(scaling_ratio, 2),
        "cold_extract_s": round(cold_s, 2), "cold_extract_cpu_s": round(cold_cpu, 2),
        "cold_extract_rss_mb": round(cold_mb), "run_s": round(run_s, 2), "run_cpu_s": round(run_cpu, 2),
        "national_docs": args.docs, "national_seconds": round(nat_s, 1), "national_cpu_s": round(nat_cpu, 1), "worker_rss_mb": round(worker_mb),
        "peak_rss_mb": round(max(worker_mb, parent_mb))}))


if __name__ == "__main__":
    main()
