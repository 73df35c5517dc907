"""Focus-area categories from rules/taxonomy.yaml."""
from __future__ import annotations

import re
from functools import lru_cache

from .rules import Rules

_WORD = re.compile(r"[a-zåäöéü]+(?:-[a-zåäö]*)*")


@lru_cache(maxsize=4)
def _table(rules: Rules):
    """One compiled pattern per category (and per fallback category)."""
    def compile_words(words):
        alts = []
        for w in words:
            w = re.escape(w.lower().strip("*") if " " in w else w.lower())
            if " " in w or "\\ " in w:
                alts.append(w.replace("\\*", ""))
            elif w.startswith("\\*") and w.endswith("\\*"):
                alts.append(w[2:-2])
            elif w.startswith("\\*"):
                alts.append(w[2:] + r"(?![\wåäöé])")
            else:
                alts.append(r"(?<![\wåäöé])" + w.rstrip("*").removesuffix("\\"))
        return re.compile("|".join(alts))

    cats = {c: compile_words(ws) for c, ws in rules.taxonomy["categories"].items()}
    fallback = {c: compile_words(ws) for c, ws in rules.taxonomy.get("fallback", {}).items()}
    return cats, fallback


def categorize(text: str, rules: Rules, allow_other: bool = True, fallback: bool = True) -> list[str]:
    """Every category whose words occur in the text, in taxonomy order; else the fallback
    words; else ``ovrigt`` (or nothing, when ``allow_other`` is False)."""
    low = " ".join(text.lower().split())
    cats, fallbacks = _table(rules)
    found = [c for c, pat in cats.items() if pat.search(low)]
    if not found and fallback:
        found = [c for c, pat in fallbacks.items() if pat.search(low)]
    if not found and allow_other:
        found = ["ovrigt"]
    return found
