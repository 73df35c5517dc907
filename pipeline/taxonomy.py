"""Focus-area categories from rules/taxonomy.yaml."""
from __future__ import annotations

import re
from functools import lru_cache

from .rules import Rules
from .sections import alternation, norm


def _kind(word: str) -> tuple[str, str]:
    """How a word of rules/taxonomy.yaml matches: ("start" of a word, "end" of one, or
    "any"where) and its literal text."""
    w = word.lower()
    if " " in w:  # a phrase matches as written
        return "any", w.strip("*").replace("*", "")
    if w.startswith("*") and w.endswith("*"):
        return "any", w[1:-1]
    if w.startswith("*"):
        return "end", w[1:]
    return "start", w.removesuffix("*")


def _compile(words: list[str]) -> re.Pattern:
    """The same matches as one alternative per word: a start word with "no word character
    before its first character" checked after that character, end words before one
    lookahead, the rest as they are."""
    by_kind: dict[str, list[str]] = {"start": [], "end": [], "any": []}
    for w in words:
        kind, lit = _kind(w)
        by_kind[kind].append(lit)
    parts = []
    if by_kind["start"]:
        parts.append(alternation(by_kind["start"], r"(?<![\wåäöé](?s:.))"))
    if by_kind["end"]:
        parts.append(alternation(by_kind["end"]) + r"(?![\wåäöé])")
    if by_kind["any"]:
        parts.append(alternation(by_kind["any"]))
    return re.compile("|".join(parts))


@lru_cache(maxsize=4)
def _table(rules: Rules):
    """The words of every category as one pattern (most texts name none: one search
    tells), one compiled pattern per category (and per fallback category), and per category
    the pattern of the phrases in which its words mean something else."""
    cats = {c: _compile(ws) for c, ws in rules.taxonomy["categories"].items()}
    fallback = {c: _compile(ws) for c, ws in rules.taxonomy.get("fallback", {}).items()}
    if rules.taxonomy.get("named_other"):  # an area with no code of its own (after the fallback words)
        fallback["ovrigt"] = _compile(rules.taxonomy["named_other"])
    other_sense = {c: re.compile(alternation(ps, r"(?<![\wåäöé](?s:.))") + r"(?![\wåäöé])")
                   for c, ps in rules.taxonomy.get("other_sense", {}).items() if ps}
    return _compile([w for ws in rules.taxonomy["categories"].values() for w in ws]), cats, fallback, other_sense


def categorize(text: str, rules: Rules, allow_other: bool = True, fallback: bool = True) -> list[str]:
    """Every category whose words occur in the text, in taxonomy order; else the fallback
    words; else ``ovrigt`` (or nothing, when ``allow_other`` is False)."""
    found, fallback_found = _categories(norm(text), rules)
    if not found and "ovrigt" in fallback_found:  # "Våldsbrott/ Trygghet": an area named, with no code
        found = fallback_found if fallback else ("ovrigt",)
    elif not found and fallback:
        found = fallback_found
    if not found and allow_other:
        found = ("ovrigt",)
    return list(found)


@lru_cache(maxsize=1024)
def _categories(low: str, rules: Rules) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The categories and the fallback categories of a normalized text (cached for the
    recent texts: one text is often asked about twice, with and without the fallback)."""
    any_category, cats, fallbacks, other_sense = _table(rules)
    found = tuple(c for c, pat in cats.items()
                  if pat.search(other_sense[c].sub(" ", low) if c in other_sense else low)) \
        if any_category.search(low) else ()
    return found, () if found else tuple(c for c, pat in fallbacks.items() if pat.search(low))
