"""Many documents → one output folder: parallel, resumable, going on past bad inputs.

A manifest (``.manifest`` in the output folder, JSON) remembers, per input, its sha256,
the rules fingerprint and the ids it produced; ``--resume`` reuses those records when
neither the input nor the rules changed.
"""
from __future__ import annotations

import hashlib
import json
import signal
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from .extract import Result, extract_paths
from .identity import assign_ids, pins_of
from .ingest import DEFAULT_MAX_BYTES, discover
from .models import Record
from .output import atomic_write, write_records
from .rules import load_rules

BATCH = 16  # documents per nlp.pipe batch (and per task for a worker process)
MANIFEST = ".manifest"  # JSON; no .json suffix so that *.json globs see only records


@dataclass
class BatchResult:
    documents: int = 0
    records: list[Record] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    reused: int = 0
    duplicates: list[str] = field(default_factory=list)  # older reads of a url, left out


_worker_state: dict = {}


def _init_worker(max_bytes: int, model: str | None) -> None:
    from .nlp import build_nlp

    _worker_state.update(rules=load_rules(), nlp=build_nlp(model), max_bytes=max_bytes)


def _init_pool_worker(max_bytes: int, model: str | None) -> None:
    """Workers leave Ctrl-C to the parent, which stops the pool and keeps what is done."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init_worker(max_bytes, model)


def _work(paths: list[str]) -> list[Result]:
    s = _worker_state
    return extract_paths(paths, s["rules"], s["nlp"], s["max_bytes"])


def _sha(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def run_batch(paths: list[str], out_dir: Path, jobs: int = 1, resume: bool = False,
              max_bytes: int = DEFAULT_MAX_BYTES, model: str | None = None, progress=None,
              pins: dict[str, str] | None = None) -> BatchResult:
    """``pins`` (plain id → canonical url) default to those of the records already in
    ``out_dir``, so that a rerun with more sources renames no canonical record."""
    rules = load_rules()
    files = discover(paths)
    out_dir.mkdir(parents=True, exist_ok=True)
    old = _read_manifest(out_dir)
    result = BatchResult(documents=len(files))
    todo, reused = [], {}
    for f in files:
        entry = old.get(f.as_posix())
        if resume and entry and entry["rules"] == rules.fingerprint and entry["sha256"] == _sha(f):
            recs = [_load(out_dir / f"{i}.json") for i in entry["ids"]]
            if all(r is not None for r in recs):
                reused[f.as_posix()] = recs
                continue
        todo.append(f.as_posix())
    results: list[Result] = []
    interrupted = False
    chunks = [todo[i:i + BATCH] for i in range(0, len(todo), BATCH)]
    try:
        if jobs > 1 and len(chunks) > 1:
            with get_context("fork").Pool(jobs, _init_pool_worker, (max_bytes, model)) as pool:
                for rs in pool.imap(_work, chunks):
                    results += rs
                    for r in rs if progress else ():
                        progress(r)
        else:
            _init_worker(max_bytes, model)
            for chunk in chunks:
                rs = _work(chunk)
                results += rs
                for r in rs if progress else ():
                    progress(r)
    except KeyboardInterrupt:
        interrupted = True  # keep what is done, so that --resume goes on from here
    per_doc: dict[str, list[Record]] = dict(reused)
    for r in results:
        if r.error:
            result.failures.append(r.error)
        else:
            per_doc[r.path] = r.records
    result.reused = len(reused)
    if pins is None:
        pins = pins_of(_previous(out_dir))
    ident = assign_ids(per_doc, pins)
    records = ident.records
    result.records, result.duplicates = records, ident.dropped
    stale = {i for e in old.values() for i in e["ids"]} - {r.id for r in records}
    for i in sorted(stale):
        (out_dir / f"{i}.json").unlink(missing_ok=True)
    write_records(records, out_dir)
    manifest = {p: {"sha256": _sha(Path(p)), "rules": rules.fingerprint, "ids": [r.id for r in recs]}
                for p, recs in sorted(per_doc.items()) if p in ident.kept_paths}
    atomic_write(out_dir / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    if interrupted:
        raise BatchInterrupted(len(per_doc), len(files))
    return result


class BatchInterrupted(KeyboardInterrupt):
    def __init__(self, done: int, total: int):
        super().__init__(f"interrupted after {done} of {total} documents; rerun with --resume to finish")


def _read_manifest(out_dir: Path) -> dict:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, json.JSONDecodeError):
        return {}


def _previous(out_dir: Path) -> list[dict]:
    from .output import load_records

    try:
        return load_records(out_dir / "records.jsonl")
    except (OSError, ValueError):
        return []


def _load(path: Path) -> Record | None:
    try:
        return Record.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
