"""Records → files. Writes are atomic (temp file + rename) and byte-for-byte repeatable:
fixed key order, fixed float rounding, no timestamps of our own."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # reading records (diff, compare, report) need not import pydantic
    from .models import Record


def record_json(record: Record) -> str:
    """pydantic's own encoder (in Rust): byte for byte what ``json.dumps(…, indent=1,
    ensure_ascii=False)`` gives, without its pure-Python indenting encoder."""
    return record.model_dump_json(indent=1) + "\n"


def atomic_write(path: Path, text: str | bytes) -> None:
    """Write through a temporary file and a rename, unless the file already holds exactly
    ``text`` (UTF-8, or bytes as they are): a rerun over unchanged inputs rewrites nothing."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o644)  # mkstemp makes 0600; outputs are for sharing
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_records(records: list[Record], out_dir: Path) -> None:
    """One ``<id>.json`` per record and ``records.jsonl`` with all of them, sorted by id
    (files whose bytes would not change are left alone). The JSON Lines keep ``json``'s
    ", " and ": " separators (pydantic's compact form has none)."""
    records = sorted(records, key=lambda r: r.id)
    for r in records:
        atomic_write(out_dir / f"{r.id}.json", record_json(r))
    lines = "".join(json.dumps(r.model_dump(mode="json"), ensure_ascii=False) + "\n" for r in records)
    atomic_write(out_dir / "records.jsonl", lines)


def load_records(path: str | Path) -> list[dict]:
    """Records from a folder (records.jsonl, else *.json), a .jsonl file or a .json file
    (one record or a list)."""
    path = Path(path)
    if path.is_dir():
        jl = path / "records.jsonl"
        if jl.exists():
            return load_records(jl)
        out = []
        for f in sorted(path.glob("*.json")):
            out += load_records(f)
        return out
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    data = json.loads(text)
    return data if isinstance(data, list) else [data]
