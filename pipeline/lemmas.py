"""Swedish lemmas straight from spacy-lookups-data's lookup table, without loading spaCy.

The package ships ``data/sv_lemma_lookup.json.gz``: a JSON object written with sorted keys,
one ``"form": "lemma",`` entry per line. Parsing all 660,000 entries with ``json`` takes
most of a second; decompressing takes a tenth of that, and a form is then found by binary
search over the sorted lines of the decompressed bytes (first over a coarse index of every
1,024th byte, then between two of its lines). The table is read once per process,
on first use. A form not in the table is its own lemma (so is every form when the package is missing).
"""
from __future__ import annotations

import gzip
import json
import re
from bisect import bisect_right
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

WORD = re.compile(r"\w+(?:[-:]\w+)*")
_SEP = b'": "'


def _table_path() -> Path | None:
    spec = find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "sv_lemma_lookup.json.gz"
    return path if path.is_file() else None


_STEP = 1024  # bytes between the keys of the coarse index


@lru_cache(maxsize=1)
def _table() -> tuple[bytes, list[bytes], list[int]]:
    """The decompressed table, and a coarse index of it: the key and start of the first line
    after every ``_STEP`` bytes (sorted, as the table is)."""
    path = _table_path()
    data = gzip.decompress(path.read_bytes()) if path else b""
    keys, starts = [], []
    for offset in range(0, len(data), _STEP):
        start = data.find(b"\n", offset) + 1
        end = data.find(b"\n", start)
        k0 = data.find(b'"', start, end) + 1
        k1 = data.find(_SEP, k0, end)
        if start and k0 and k1 > 0 and (not starts or start > starts[-1]):  # an entry line
            keys.append(data[k0:k1])
            starts.append(start)
    return data, keys, starts


def _lookup(form: str) -> str | None:
    """Bisection over the byte offsets of the sorted table, between the two lines of the
    coarse index around the form: the line around the middle is read and its key compared,
    so that nothing but the decompressed bytes is ever built."""
    (data, keys, starts), target = _table(), form.encode("utf-8")
    i = bisect_right(keys, target)  # keys[i - 1] <= target < keys[i]
    lo, hi = (starts[i - 1] if i else 0), (starts[i] if i < len(starts) else len(data))
    while lo < hi:
        mid = (lo + hi) // 2
        start = data.rfind(b"\n", 0, mid) + 1
        end = data.find(b"\n", mid)
        end = len(data) if end < 0 else end
        line = data[start:end]
        k0 = line.find(b'"') + 1
        k1 = line.find(_SEP, k0)
        if k0 == 0 or k1 < 0:  # the "{" or "}" line
            if line.strip() == b"{":
                lo = end + 1
            else:
                hi = start
            continue
        key = line[k0:k1]
        if key == target:
            return json.loads(b"{" + line.strip().rstrip(b",") + b"}")[form]
        if key < target:
            lo = end + 1
        else:
            hi = start
    return None


@lru_cache(maxsize=50000)
def lemma(form: str) -> str:
    """The lemma of one word form: the form as written, else its lower case (so that a
    sentence-initial "Polisen" is "polis" too), else the form itself."""
    return _lookup(form) or _lookup(form.lower()) or form


@lru_cache(maxsize=8192)
def lemmas(text: str) -> tuple[str, ...]:
    """Lower-cased lemmas of the words of ``text`` (punctuation left out; cached: a diff
    compares each activity with every activity of the other record)."""
    return tuple(lemma(w).lower() for w in WORD.findall(text))
