"""Focus-area categories from rules/taxonomy.yaml."""
from __future__ import annotations

import re
from functools import lru_cache

from .rules import Rules

_WORD = re.compile(r"[a-zåäöéü]+(?:-[a-zåäö]*)*")


@lru_cache(maxsize=4)
def _table(rules: Rules):
    def compile_words(words):
        out = []
        for w in words:
            w = w.lower()
            if " " in w:
                out.append(("phrase", w.strip("*")))
            elif w.startswith("*") and w.endswith("*"):
                out.append(("inside", w.strip("*")))
            elif w.startswith("*"):
                out.append(("end", w[1:]))
            else:
                out.append(("start", w.rstrip("*")))
        return out

    cats = {c: compile_words(ws) for c, ws in rules.taxonomy["categories"].items()}
    fallback = {c: compile_words(ws) for c, ws in rules.taxonomy.get("fallback", {}).items()}
    return cats, fallback


def _hits(words: list[str], low: str, patterns) -> bool:
    for kind, w in patterns:
        if kind == "phrase" and w in low:
            return True
        if kind == "start" and any(x.startswith(w) for x in words):
            return True
        if kind == "end" and any(x.endswith(w) for x in words):
            return True
        if kind == "inside" and any(w in x for x in words):
            return True
    return False


def categorize(text: str, rules: Rules, allow_other: bool = True, fallback: bool = True) -> list[str]:
    """Every category whose words occur in the text, in taxonomy order; else the fallback
    words; else ``ovrigt`` (or nothing, when ``allow_other`` is False)."""
    low = " ".join(text.lower().split())
    words = _WORD.findall(low)
    cats, fallbacks = _table(rules)
    found = [c for c, pats in cats.items() if _hits(words, low, pats)]
    if not found and fallback:
        found = [c for c, pats in fallbacks.items() if _hits(words, low, pats)]
    if not found and allow_other:
        found = ["ovrigt"]
    return found
