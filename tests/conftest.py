"""Shared fixtures: the rule set, the spaCy pipeline (built once), and paths."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "snapshot"
GOLD = ROOT / "tests" / "gold"


@pytest.fixture(scope="session")
def rules():
    from pipeline.rules import load_rules

    return load_rules()


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp import build_nlp

    return build_nlp()


@pytest.fixture
def write(tmp_path):
    """Write a corpus file (and its sidecar when url is given); returns its path."""
    import json

    def _write(name: str, content: str | bytes, url: str | None = None) -> Path:
        p = tmp_path / "in" / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
        if url:
            p.with_name(p.stem + ".meta.json").write_text(json.dumps({"url": url}), encoding="utf-8")
        return p

    return _write
