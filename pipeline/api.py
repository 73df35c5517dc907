"""The Python API (``import pipeline``): extract from strings, files and folders, load
outputs, and get pandas tables. Records are the same dicts as the JSON files."""
from __future__ import annotations

import hashlib
from pathlib import Path

from .ingest import DocumentError


def _identified(per_doc: dict) -> list[dict]:
    from .identity import assign_ids

    return [r.model_dump(mode="json") for r in assign_ids(per_doc).records]


def extract_text(text: str, url: str | None = None, html: bool = False) -> list[dict]:
    """Records from one text (plain text, or HTML with ``html=True``); ``url`` is its
    source url. Raises ``DocumentError`` (one line) when it holds no promise."""
    from .backends.html import html_to_text
    from .backends.text import text_and_blocks
    from .extract import extract_document
    from .models import Document
    from .nlp import build_nlp
    from .rules import load_rules

    rules = load_rules()
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    url = url or "text:" + sha[:16]
    if html:
        plain, blocks = html_to_text(text, rules)
    else:
        plain, blocks = text_and_blocks(text, rules)
    if not blocks:
        raise DocumentError(url, "no text content found")
    doc = Document(path=url, url=url, kind="html" if html else "text",
                   sha256=sha, text=plain, blocks=blocks)
    return _identified({url: extract_document(doc, rules, build_nlp())})


def extract_paths(paths: list[str | Path], errors: list[str] | None = None) -> list[dict]:
    """Records from files and folders (searched recursively), with the ids the CLI gives.
    A bad document raises ``DocumentError``; pass a list as ``errors`` to collect the
    one-line reasons instead and go on."""
    from .extract import extract_paths as run
    from .ingest import discover
    from .nlp import build_nlp
    from .rules import load_rules

    files = [f.as_posix() for f in discover(list(paths))]
    if not files:
        raise DocumentError(", ".join(map(str, paths)), "no documents found (.txt, .html, .htm, .pdf)")
    per_doc = {}
    for res in run(files, load_rules(), build_nlp()):
        if res.error and errors is None:
            raise DocumentError(res.path, res.error.removeprefix(f"{res.path}: "))
        if res.error:
            errors.append(res.error)
        else:
            per_doc[res.path] = res.records
    return _identified(per_doc)


def extract_file(path: str | Path) -> list[dict]:
    """Records from one .txt, .html or .pdf file (its ``.meta.json`` sidecar is read)."""
    return extract_paths([path])


def load_records(path: str | Path) -> list[dict]:
    """Records of an output folder, a records.jsonl or a record .json file."""
    from .output import load_records as load

    return load(path)


def to_dataframe(records: list[dict], level: str = "record"):
    """A pandas DataFrame: one row per record (``level="record"``) or per activity
    (``"activity"``), with the columns of ``promises compare``. Needs pandas
    (``pip install "medborgarloften[pandas]"``)."""
    try:
        import pandas as pd
    except ImportError:
        raise ImportError('to_dataframe needs pandas: pip install "medborgarloften[pandas]"') from None
    from .compare import activity_rows, record_rows

    if level not in ("record", "activity"):
        raise ValueError(f"level must be 'record' or 'activity', not {level!r}")
    rows = record_rows(records) if level == "record" else activity_rows(records)
    return pd.DataFrame(rows)
