"""Ascii slugs of Swedish names, for ids, file names and matching names given on the
command line; a module of its own so that reading commands need no spaCy."""
from __future__ import annotations

import re

_TRANS = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", " ": "-"})


def slugify(name: str) -> str:
    s = name.lower().translate(_TRANS)
    return re.sub(r"[^a-z0-9-]+", "-", s).strip("-")
