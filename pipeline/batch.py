"""Many documents → one output folder: parallel, resumable, going on past bad inputs.

A manifest (``.manifest`` in the output folder, JSON) remembers, per input, the sha256 of
the file and of its sidecar, the rules fingerprint and the ids it produced; ``--resume``
reuses those records when neither the input nor the rules changed. One run at a time writes
into a folder (``.lock``); a worker process that dies (out of memory, a crash in a library)
costs only the document it was reading.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import signal
import stat
import threading
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout

from . import tune_collector
from .extract import Result, extract_paths
from .identity import assign_ids, pins_of
from .ingest import DEFAULT_MAX_BYTES, discover
from .models import Record
from .output import atomic_write, write_records
from .rules import load_rules

BATCH = 16  # documents per nlp.pipe batch (and per task for a worker process)
MANIFEST = ".manifest"  # JSON; no .json suffix so that *.json globs see only records
LOCK = ".lock"


class OutputBusy(Exception):
    """Another run is writing into the output folder."""


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
    """Workers leave Ctrl-C to the parent, which stops the pool and keeps what is done. Their
    pipeline is the parent's, inherited by the fork (``build_nlp`` is cached): built once, its
    pages shared, not built again by each worker (0.1 s of CPU each)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    tune_collector()
    _init_worker(max_bytes, model)


def _work(paths: list[str]) -> list[tuple[Result, dict]]:
    """The Results of ``paths``, each with its input's fingerprint for the manifest (read here,
    in parallel in the workers, not one file after another in the parent after the batch)."""
    s = _worker_state
    return [(r, _fingerprint(Path(r.path))) for r in extract_paths(paths, s["rules"], s["nlp"], s["max_bytes"])]


def _sha(path: Path) -> str | None:
    """sha256 of a regular file (never opens a FIFO, which would block), None if unreadable."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _fingerprint(path: Path) -> dict:
    """What the manifest compares: the input and its sidecar (an edited url is a change)."""
    return {"sha256": _sha(path), "sidecar": _sha(path.with_name(path.stem + ".meta.json"))}


def run_batch(paths: list[str], out_dir: Path, jobs: int = 1, resume: bool = False,
              max_bytes: int = DEFAULT_MAX_BYTES, model: str | None = None, progress=None,
              notice=None, pins: dict[str, str] | None = None) -> BatchResult:
    """``progress(result)`` after each document; ``notice(line)`` for a one-line warning.
    ``pins`` (plain id → canonical url) default to those of the records already in
    ``out_dir``, so that a rerun with more sources renames no canonical record."""
    out_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(out_dir / LOCK)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise OutputBusy(f"{out_dir}: another extract is writing into this folder ({LOCK} is held); "
                         "wait for it to finish or use another -o") from None
    try:
        return _run_locked(paths, out_dir, jobs, resume, max_bytes, model, progress, notice or (lambda _: None),
                           pins)
    finally:
        lock.release()


def _run_locked(paths, out_dir: Path, jobs, resume, max_bytes, model, progress, notice, pins) -> BatchResult:
    for tmp in out_dir.glob(".*.tmp"):  # left by a run killed mid-write; we hold the lock
        tmp.unlink(missing_ok=True)
    rules = load_rules()
    files = discover(paths)
    old = _read_manifest(out_dir)
    result = BatchResult(documents=len(files))
    todo, reused = [], {}
    fingerprints: dict[str, dict] = {}  # read once: the resume check and the manifest share them
    for f in files:
        key = f.as_posix()
        entry = old.get(key)
        if resume and entry and entry["rules"] == rules.fingerprint:
            fingerprints[key] = _fingerprint(f)
            if {k: entry.get(k) for k in ("sha256", "sidecar")} == fingerprints[key]:
                recs = [_load(out_dir / f"{i}.json") for i in entry["ids"]]
                if all(r is not None for r in recs):
                    reused[key] = recs
                    continue
        todo.append(key)
    results: list[Result] = []

    def take(rs: list[tuple[Result, dict | None]]) -> None:
        for r, fingerprint in rs:
            results.append(r)
            if fingerprint is not None:
                fingerprints.setdefault(r.path, fingerprint)
            if progress:
                progress(r)

    interrupted = False
    chunks = [todo[i:i + BATCH] for i in range(0, len(todo), BATCH)]
    try:
        _init_worker(max_bytes, model)  # once, here: forked workers inherit the pipeline (copy-on-write)
        if jobs > 1 and len(chunks) > 1:
            _in_workers(chunks, jobs, max_bytes, model, take, notice)
        else:
            for chunk in chunks:
                take(_work(chunk))
    except KeyboardInterrupt:
        interrupted = True  # keep what is done, so that --resume goes on from here
    with _sigint_deferred() as late:  # Ctrl-C now waits for the writes: each file and the manifest agree
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
        manifest = {p: {**(fingerprints.get(p) or _fingerprint(Path(p))), "rules": rules.fingerprint, "ids": [r.id for r in recs]}
                    for p, recs in sorted(per_doc.items()) if p in ident.kept_paths}
        atomic_write(out_dir / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    if interrupted or late:
        raise BatchInterrupted(len(per_doc), len(files))
    return result


def _in_workers(chunks: list[list[str]], jobs: int, max_bytes: int, model: str | None, take, notice) -> None:
    """Chunks in worker processes, ``jobs`` at a time. When a worker dies, the documents in
    flight are read again one at a time, so that only the one that kills its worker is lost.
    (The process pool is imported here: a one-process run never needs it, 10 ms of a cold start.)"""
    from concurrent.futures.process import BrokenProcessPool

    from .signals import first_completed

    queue, suspects = list(chunks), []
    while queue:
        with _pool(jobs, max_bytes, model) as pool:
            inflight = {}
            try:
                while queue or inflight:
                    while queue and len(inflight) < jobs:
                        fut = pool.submit(_work, queue[0])  # raises if the pool broke: the chunk stays queued
                        inflight[fut] = queue.pop(0)
                    done = first_completed(inflight)
                    for fut in done:
                        take(fut.result())
                        del inflight[fut]
            except BrokenProcessPool:
                lost = [p for chunk in inflight.values() for p in chunk]
                notice(f"a worker process died; reading its {len(lost)} documents again, one at a time")
                suspects += lost
    pool = None
    try:
        for path in suspects:
            pool = pool or _pool(1, max_bytes, model)
            try:
                take(first_completed([pool.submit(_work, [path])]).pop().result())
            except BrokenProcessPool:
                pool.shutdown()
                pool = None
                take([(Result(path=path, error=f"{path}: failed: the worker process reading it died (out of memory?)"),
                       None)])
    finally:
        if pool:
            pool.shutdown()


def _pool(jobs: int, max_bytes: int, model: str | None):
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    return ProcessPoolExecutor(jobs, mp_context=get_context("fork"), initializer=_init_pool_worker,
                               initargs=(max_bytes, model))


@contextlib.contextmanager
def _sigint_deferred():
    """Hold Ctrl-C until the block is done; yields a list that is non-empty if one came."""
    caught: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield caught
        return
    previous = signal.signal(signal.SIGINT, lambda *_: caught.append(1))
    try:
        yield caught
    finally:
        signal.signal(signal.SIGINT, previous)


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
