"""Frequencies: "minst en gång i veckan" → 1/week at least; vocabulary in rules/frequency.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .models import Frequency
from .rules import Rules

_TOKEN = re.compile(r"\d+-tal\b|\d{1,3}\s?[-–]\s?\d{1,3}(?![\d-])|\d{1,3}(?: \d{3})+(?!\d)|\d+|[a-zåäöéüA-ZÅÄÖÉÜ]+(?:-[a-zåäöéüA-ZÅÄÖ]+)*-?|[%()/:]")


@dataclass(frozen=True)
class _Vocab:
    numbers: dict
    multi_numbers: dict
    articles: frozenset
    article_before: frozenset
    at_least: frozenset
    approx: frozenset
    times: frozenset
    occ: tuple
    not_occ: frozenset
    units: dict
    weekly: tuple
    ordinals: dict
    every: frozenset
    adverbs: dict
    cadence: frozenset
    max_filler: int
    unit_preps: frozenset
    within_year: tuple
    multiples: dict


@lru_cache(maxsize=4)
def _vocab(rules: Rules) -> _Vocab:
    f = rules.frequency
    nums = {k: v for k, v in f["numbers"].items() if " " not in k}
    multi = {k: v for k, v in f["numbers"].items() if " " in k}
    units = {w: per for per, words in f["units"].items() for w in words}
    return _Vocab(nums, multi, frozenset(f["article_numbers"]), frozenset(f["article_counts_before"]),
                  frozenset(f["at_least_words"]), frozenset(f["approximate_words"]),
                  frozenset(f["times_words"]), tuple(f["occurrence_nouns"]), frozenset(f["not_occurrences"]),
                  units, tuple(f["weekly_endings"]), dict(f["ordinals"]), frozenset(f["every_words"]),
                  dict(f["adverbs"]), frozenset(f["cadence_words"]), int(f["max_filler"]),
                  frozenset(f["unit_prepositions"]), tuple(f["within_year_phrases"]), dict(f["unit_multiples"]))


_RANGE = re.compile(r"(\d{1,3})\s?[-–]\s?(\d{1,3})")


def tokens(text: str) -> list[str]:
    return [t.rstrip("-") or t for t in _TOKEN.findall(text.lower().replace("”", " ").replace("“", " ").replace('"', " "))]


def _number(tok: str, v: _Vocab) -> int | None:
    if tok.endswith("-tal") and tok[:-4].isdigit():  # "ett 15-tal" (approximate)
        return int(tok[:-4])
    m = _RANGE.fullmatch(tok)
    if m:  # "2-3 gånger": at least the lower bound
        return int(m.group(1))
    tok = tok.rstrip("~")
    if tok.isdigit() or re.fullmatch(r"\d{1,3}(?: \d{3})+", tok):
        n = int(tok.replace(" ", ""))
        return n if 0 < n < 1900 else None
    return v.numbers.get(tok)


def _unit_after(toks: list[str], i: int, v: _Vocab) -> tuple[str, int] | None:
    """Find "per år", "i veckan", "i snitt per vecka", "under året", "under 2019" within a
    few words after i."""
    window = toks[i:i + 7]
    for j, t in enumerate(window):
        if t in v.unit_preps and j + 1 < len(window):
            nxt = window[j + 1]
            if nxt == "snitt" and j + 3 < len(window) and window[j + 2] == "per":
                nxt = window[j + 3]
            if nxt in v.units:
                return v.units[nxt], 1
            if nxt in v.multiples:
                return v.multiples[nxt]["per"], v.multiples[nxt]["interval"]
        if t in v.adverbs and v.adverbs[t]["per"] == "year" and v.adverbs[t]["times"] == 1:
            return "year", 1  # "två gånger årligen"
        rest = " ".join(window[j:j + 4])
        if any(rest.startswith(p) for p in v.within_year):
            return "year", 1
        if t == "under" and j + 1 < len(window) and re.fullmatch(r"(19|20)\d\d", window[j + 1]):
            return "year", 1
    return None


def _every(toks: list[str], v: _Vocab) -> tuple[str, int] | None:
    for i, t in enumerate(toks):
        if t not in v.every or i + 1 >= len(toks):
            continue
        interval, k = 1, i + 1
        if t == "varannan":
            interval = 2
        elif toks[k] in v.ordinals:
            interval, k = v.ordinals[toks[k]], k + 1
        if k >= len(toks):
            continue
        word = toks[k]
        if t == "var" and interval == 1:
            continue  # "var" alone is mostly the verb "was"
        if word in v.units:
            return v.units[word], interval
        if word in v.multiples:
            return v.multiples[word]["per"], v.multiples[word]["interval"] * interval
        if any(word.endswith(e) or word.startswith(e) for e in v.weekly):
            return "week", interval
    return None


def parse_frequency(text: str, rules: Rules) -> tuple[Frequency | None, str | None]:
    """Return the normalized frequency (or None) and a cadence word ("regelbundet")."""
    v = _vocab(rules)
    toks = tokens(text)
    low = " ".join(toks)
    approx_numbers = set()
    for phrase, n in v.multi_numbers.items():
        if phrase in low:  # "ett hundratal" → an approximate 100
            low = low.replace(phrase, f"{n}~")
            approx_numbers.add(f"{n}~")
    toks = low.split()
    cadence = next((t for t in toks if t in v.cadence), None)
    every = _every(toks, v)
    for i, tok in enumerate(toks):
        n = _number(tok, v)
        if n is None:
            continue
        prev = toks[max(0, i - 2):i]
        at_least = any(p in v.at_least for p in prev) or bool(_RANGE.fullmatch(tok))
        approx = any(p in v.approx for p in prev) or " ".join(prev) in v.approx or tok.endswith("-tal") \
            or tok in approx_numbers
        j = i + 1
        # "sex (6)", "2 (två)", "två(2)"
        if j + 2 < len(toks) and toks[j] == "(" and toks[j + 2] == ")":
            j += 3
        if j < len(toks) and toks[j] in v.not_occ:
            continue
        is_article = tok in v.articles and not at_least
        counted = None
        if j < len(toks) and toks[j] in v.times:
            counted = j
        elif j < len(toks) and toks[j] == "per":
            counted = i
        else:
            for k in range(j, min(len(toks), j + v.max_filler + 1)):
                if toks[k] in v.not_occ or toks[k] in ("per", "i", "under", "om"):
                    break
                if toks[k].endswith(v.occ):
                    counted = k
                    break
        if counted is None:
            continue
        per, interval = _unit_after(toks, counted + 1, v) or (None, 1)
        if is_article and per is None and toks[j] not in v.article_before:
            continue
        if per is None and every is not None:
            per, interval = every
        return Frequency(times=n, per=per or "period", interval=interval, at_least=at_least,
                         approximate=approx), cadence
    if every is not None:
        return Frequency(times=1, per=every[0], interval=every[1]), cadence
    for t in toks:
        if t in v.adverbs:
            a = v.adverbs[t]
            return Frequency(times=a["times"], per=a["per"]), cadence
    return None, cadence
