"""Frequencies: "minst en gång i veckan" → 1/week at least; vocabulary in rules/frequency.yaml.

A count is a number before what it counts ("fem trygghetsdialoger", "två gånger"); its unit
follows it ("per år", "i veckan", "varje kvartal") or frames the sentence ("under året",
"varje år"); without one it counts over the whole promise period.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .models import Frequency
from .rules import Rules

_TOKEN = re.compile(r"\d+-tal(?:et)?\b|\d{1,3}\s?[-–]\s?\d{1,3}(?![\d-])|\d{1,3}(?: \d{3})+(?!\d)|\d+"
                    r"|[a-zåäöéüA-ZÅÄÖÉÜ]+(?:-[a-zåäöéüA-ZÅÄÖ]+)*-?|[%()/:,.;]")
_RANGE = re.compile(r"(\d{1,3})\s?[-–]\s?(\d{1,3})")
_YEAR = re.compile(r"(?:19|20)\d\d")
_THOUSANDS = re.compile(r"\d{1,3}(?: \d{3})+")
# dates and phone numbers are no counts: "2017-12-31", "20190601", "1/12", "19/4",
# "Telefon: 010-56 586 28" (polisen-se__alingsas), "0502-60 60 00" (contact lines on many pages)
_DATE = re.compile(r"\b(?:19|20)\d\d-?\d\d-?\d\d\b|\b\d{1,2}/\d{1,2}\b"
                   r"|\b0\d{1,3}\s?[-–]\s?\d{2,3}(?:\s\d{2,3})*\b")
# names and codes with digits are no counts: "covid-19", "SOL-14", "E12", "486A185.779/2018",
# footnote marks "Borås City[1]"
_CODE = re.compile(r"\b[a-zåäö]+-?\d+\b|\b\d+(?!(?:st|ggr)\b)[a-zåäö]\w*|\[\d+\]")
# "trafik- och informationsinsatser", "hastighets-, nykterhets- eller …kontroller": the
# first parts of a shared compound say nothing about the count (unless they are weekdays:
# "alla fredags- och lördagskvällar" is two evenings a week)
_SHARED_COMPOUND = re.compile(r"\b([\wåäöé]+)-(?:,\s*|\s+(?:och|eller|samt)\s+)")


@dataclass(frozen=True)
class _Vocab:
    numbers: dict
    approx_numbers: frozenset
    articles: frozenset
    article_before: frozenset
    not_count_after: frozenset
    at_least: frozenset
    approx: frozenset
    times: frozenset
    occ: tuple
    fillers: dict
    pieces: frozenset
    definite: tuple
    part_words: frozenset
    adjective_endings: tuple
    every_with_ordinal: frozenset
    vague: frozenset
    verb_endings: tuple
    not_occ: frozenset
    not_occ_endings: tuple
    results: tuple
    durations: frozenset
    report: frozenset
    phrase_ends: frozenset
    units: dict
    unit_preps: frozenset
    year_parts: dict
    weekly: tuple
    weekdays: tuple
    weekday_joiners: frozenset
    yearly: frozenset
    month_preps: frozenset
    ordinals: dict
    every: frozenset
    every_other: frozenset
    within_year: tuple
    within_period: tuple
    season_pairs: tuple
    year_end: tuple
    adverbs: dict
    adverb_not_before: dict
    cadence: frozenset
    max_filler: int


def number_words(spec: dict) -> tuple[dict[str, int], set[str]]:
    """All number words from the parts in rules/frequency.yaml: 1–99 from ones, teens and
    tens ("femtiotvå"), then hundreds and thousands ("tvåhundrafemtio", "tretusen"), then
    the approximate "-tal" forms ("hundratal", "trettiotal")."""
    ones, teens, tens = spec["ones"], spec["teens"], spec["tens"]
    small = {**ones, **teens, **tens}
    small.update({t + o: tv + ov for t, tv in tens.items() for o, ov in ones.items()})
    words = dict(small)
    hundred, thousand = spec["hundred"], spec["thousand"]
    hundreds = {hundred: 100}
    hundreds.update({o + hundred: ov * 100 for o, ov in ones.items() if o != "en"})
    for h, hv in list(hundreds.items()):
        hundreds.update({h + s: hv + sv for s, sv in small.items() if s not in ("en",)})
    words.update(hundreds)
    words[thousand] = 1000
    words.update({p + thousand: pv * 1000 for p, pv in small.items() if p != "en"})
    approx = {}
    for w in list(teens) + list(tens) + [hundred, thousand]:
        approx[w + spec["approximate_ending"]] = words[w]
    words.update(approx)
    return words, set(approx)


@lru_cache(maxsize=4)
def _vocab(rules: Rules) -> _Vocab:
    f = rules.frequency
    numbers, approx_numbers = number_words(f["numbers"])
    units = {w: per for per, words in f["units"].items() for w in words}
    return _Vocab(
        numbers=numbers, approx_numbers=frozenset(approx_numbers),
        articles=frozenset(f["article_numbers"]), article_before=frozenset(f["article_counts_before"]),
        not_count_after=frozenset(f["not_count_after"]), at_least=frozenset(f["at_least_words"]),
        approx=frozenset(f["approximate_words"]), times=frozenset(f["times_words"]),
        occ=tuple(f["occurrence_nouns"]), fillers=_by_first_word(f["filler_phrases"]), pieces=frozenset(f["pieces_words"]),
        definite=tuple(f["definite_endings"]), part_words=frozenset(f["part_words"]),
        adjective_endings=tuple(f["adjective_endings"]), every_with_ordinal=frozenset(f["every_with_ordinal"]), vague=frozenset(f["vague_quantities"]), verb_endings=tuple(f["verb_endings"]),
        not_occ=frozenset(f["not_occurrences"]), not_occ_endings=tuple(f["not_occurrence_endings"]),
        results=tuple(f["result_endings"]),
        durations=frozenset(f["durations"]), report=frozenset(f["report_words"]),
        phrase_ends=frozenset(f["phrase_ends"]), units=units, unit_preps=frozenset(f["unit_prepositions"]),
        year_parts=dict(f["year_parts"]), weekly=tuple(f["weekly_endings"]),
        weekdays=tuple(f["weekdays"]), weekday_joiners=frozenset(f["weekday_joiners"]), yearly=frozenset(f["yearly_words"]),
        month_preps=frozenset(f["month_prepositions"]),
        ordinals=dict(f["ordinals"]), every=frozenset(f["every_words"]),
        every_other=frozenset(f["every_other_words"]), within_year=tuple(f" {p} " for p in f["within_year_phrases"]),
        within_period=tuple(f" {p} " for p in f["within_period_phrases"]),
        season_pairs=tuple(f" {p} " for p in f["season_pairs"]),
        year_end=tuple(f" {p} " for p in f["year_end_phrases"]), adverbs=dict(f["adverbs"]),
        adverb_not_before=dict(f["adverb_not_before"]), cadence=frozenset(f["cadence_words"]),
        max_filler=int(f["max_filler"]))


_DIGIT = re.compile(r"\d")


def tokens(text: str, keep: tuple[str, ...] = ()) -> list[str]:
    """The words, numbers and marks of text in lower case; a shared compound's first part
    is left out unless it starts with one of ``keep``."""
    low = text.lower().replace("”", " ").replace("“", " ").replace('"', " ")
    if "-" in low:
        low = _SHARED_COMPOUND.sub(lambda m: m.group(0) if m.group(1).startswith(keep) else "", low)
    if _DIGIT.search(low):  # dates and codes all have digits
        low = _CODE.sub(" ", _DATE.sub(" ", low))
    toks = _TOKEN.findall(low)
    return [t.rstrip("-") or t for t in toks] if "-" in low else toks


def _number(tok: str, v: _Vocab) -> int | None:
    if not tok[0].isdigit():  # every pattern below starts with a digit
        return v.numbers.get(tok)
    if "-tal" in tok and tok.split("-")[0].isdigit():  # "ett 15-tal", "20-talet" (approximate)
        return int(tok.split("-")[0]) or None
    m = _RANGE.fullmatch(tok)
    if m:  # "2-3 gånger": at least the lower bound
        return int(m.group(1)) or None
    if _THOUSANDS.fullmatch(tok):  # "1 700"
        return int(tok.replace(" ", ""))
    if tok.isdigit():
        n = int(tok)
        return None if n == 0 or _YEAR.fullmatch(tok) else n  # a year is no count
    return v.numbers.get(tok)


def _is_occ(word: str, v: _Vocab) -> bool:
    return word.endswith(v.occ)


def _is_not_occ(word: str, v: _Vocab) -> bool:
    return word in v.not_occ or word.endswith(v.not_occ_endings)


def _unit_word(word: str, v: _Vocab) -> tuple[str, int, int] | None:
    """(per, times multiplier, interval) of a unit word: "veckan" → week; "kvartal" → 4 / year."""
    if word in v.units:
        return v.units[word], 1, 1
    if word in v.year_parts:
        return "year", v.year_parts[word]["times"], 1
    return None


def _unit_after(toks: list[str], i: int, v: _Vocab) -> tuple[str, int, int, bool] | None:
    """Find "per år", "i veckan", "i snitt per vecka", "/år", "två gånger årligen", "under
    året", "under 2019" within a few words after i: (per, times multiplier, interval, and
    whether it is a unit proper rather than a time frame like "under året")."""
    window = toks[i:i + 8]
    for j, t in enumerate(window):
        if t == ".":
            break
        if t in v.unit_preps and j + 1 < len(window):
            nxt = window[j + 1]
            if nxt == "snitt" and j + 3 < len(window) and window[j + 2] == "per":
                nxt = window[j + 3]
            unit = _unit_word(nxt, v)
            if unit:
                return (*unit, True)
        if t in v.adverbs and v.adverbs[t]["per"] == "year" and v.adverbs[t]["times"] == 1:
            return "year", 1, 1, True  # "två gånger årligen"
        if f" {' '.join(window[j:j + 4])} ".startswith(v.within_year):
            return "year", 1, 1, False
        if t == "under" and j + 1 < len(window) and _single_year(window, j + 1):
            return "year", 1, 1, False
    return None


def _single_year(toks: list[str], k: int) -> bool:
    """A lone year at k ("under 2019"), not the start of a span ("2024–2025", "2023 och 2024")."""
    if k >= len(toks) or not _YEAR.fullmatch(toks[k]):
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else ""
    return nxt not in ("och", "till", "/", ":") and not _YEAR.fullmatch(nxt)


def _frame(toks: list[str], v: _Vocab) -> tuple[str, int, int] | None:
    """The sentence's own time frame: "under året …", "under 2019 …", "under löftesperioden"."""
    low = f" {' '.join(toks)} "  # the phrases are padded too: whole words only
    if any(p in low for p in v.within_year):
        return "year", 1, 1
    if any(p in low for p in v.within_period):
        return "period", 1, 1
    for k, t in enumerate(toks[:-1]):
        if t == "under" and _single_year(toks, k + 1):
            return "year", 1, 1
    return None


def _sentence(toks: list[str], i: int) -> tuple[int, int]:
    """The bounds (start, end) of the sentence that holds toks[i]."""
    a = max((k for k in range(i) if toks[k] in (".", ";")), default=-1) + 1
    b = next((k for k in range(i, len(toks)) if toks[k] in (".", ";")), len(toks))
    return a, b


def _every(toks: list[str], v: _Vocab) -> tuple[str, int, int, bool] | None:
    """ "varje vecka", "var tredje fredag", "varannan månad", "varje kvartal", "minst varannat
    år", "varje oktober": (per, times, interval, at_least)."""
    if v.every.isdisjoint(toks):
        return None
    for i, t in enumerate(toks):
        if t not in v.every or i + 1 >= len(toks):
            continue
        interval, k = 1, i + 1
        if t in v.every_other:
            interval = 2
        elif toks[k] in v.ordinals:
            interval, k = v.ordinals[toks[k]], k + 1
        if k >= len(toks):
            continue
        word = toks[k]
        if t in v.every_with_ordinal and interval == 1:
            continue  # "var" alone is mostly the verb "was"
        at_least = i > 0 and toks[i - 1] in v.at_least
        if word in v.units:
            per = v.units[word]  # "varje år i maj och november" → 2 / year
            times = _months_named(toks, k + 1, v) if (per, interval) == ("year", 1) else 1
            return per, times, interval, at_least
        if word in v.year_parts:
            part = v.year_parts[word]
            if interval == 1:
                return "year", part["times"], 1, at_least
            return "month", 1, part["months"] * interval, at_least
        if word in v.yearly:
            return "year", 1, interval, at_least
        if any(word.endswith(e) or word.startswith(e) for e in v.weekly):
            return "week", _weekdays_named(toks, k, v), interval, at_least
    return None


def _weekdays_named(toks: list[str], k: int, v: _Vocab) -> int:
    """How many weekdays toks[k] and the words joined to it name: "fredag och lördag",
    "fredags- och lördagskvällar" → 2; anything else → 1."""
    if not toks[k].startswith(v.weekdays):
        return 1
    n = 1
    while k + 2 < len(toks) and toks[k + 1] in v.weekday_joiners and toks[k + 2].startswith(v.weekdays):
        n, k = n + 1, k + 2
    return n


def _seasons(toks: list[str], v: _Vocab) -> tuple[str, int, int, bool] | None:
    """ "vår och höst", "vår respektive höst": once each half of the year, 2 / year; "innan
    årets utgång": once a year."""
    low = f" {' '.join(toks)} "
    if any(p in low for p in v.season_pairs):
        return "year", 2, 1, False
    return ("year", 1, 1, False) if any(p in low for p in v.year_end) else None


@dataclass
class _Count:
    times: int
    noun: str | None
    per: str | None
    interval: int
    at_least: bool
    approximate: bool
    part: bool = False  # "varav fem …": a part of a count before it


def _read_count(toks: list[str], i: int, n: int, v: _Vocab, report: bool, framed: bool) -> _Count | None:
    """The count that the number n at toks[i] makes, or None when it counts no occurrences
    (people, hours, a date, an article). ``report``: the sentence says what was done;
    ``framed``: it has a time frame ("under året")."""
    prev = toks[max(0, i - 2):i]
    if prev and prev[-1] in v.not_count_after:
        return None
    if len(prev) == 2 and prev[1] == "till" and _number(prev[0], v) is not None:
        return None  # the upper bound of "två till tre"
    if i + 1 < len(toks) and toks[i] in v.articles and _number(toks[i + 1], v) is not None:
        return None  # "ett hundratal", "ett 15-tal": the next word is the number
    said_at_least = any(p in v.at_least for p in prev)  # "minst": a range alone is no promise
    # a range ("2-3", "två till tre") counts its lower bound; no at-least word, so not at_least
    # (CONTRACT.md: at_least for "minst", "minimum", "åtminstone")
    at_least, ranged = said_at_least, bool(_RANGE.fullmatch(toks[i]))
    approx = any(p in v.approx for p in prev) or " ".join(prev) in v.approx or "-tal" in toks[i] \
        or toks[i] in v.approx_numbers
    j = i + 1
    if j + 2 < len(toks) and toks[j] == "(" and toks[j + 2] == ")":
        j += 3  # "sex (6)", "2 (två)", "två(2)"
    if j + 1 < len(toks) and toks[j] == "till" and _number(toks[j + 1], v) is not None:
        j, ranged = j + 2, True  # "två till tre skolbesök": the lower bound
    is_article = toks[i] in v.articles and not (at_least or ranged)
    if is_article and j < len(toks) and toks[j] in v.vague:
        return None  # "en rad insatser", "ett antal medborgardialoger"
    # the words after the number, up to the end of its noun phrase
    phrase = []
    for k in range(j, min(len(toks), j + v.max_filler + 1)):
        if k > j and toks[k] in v.weekday_joiners and toks[k - 1].startswith(v.weekdays):
            continue  # "två fredags- och lördagskvällar": the weekdays share the noun
        if toks[k] in v.phrase_ends or not toks[k][0].isalpha():
            break
        phrase.append(k)
    end = phrase[-1] + 1 if phrase else j
    noun, kind, pieces = None, None, False
    for n_k, k in enumerate(phrase):
        w = toks[k]
        if w in v.pieces:
            pieces = True
            continue
        if w.endswith(v.definite):
            return None  # "våra tre kommunerna": a reference, not a count
        if w in v.times:
            kind = "times"
        elif w in v.durations:
            kind = "duration"
        elif _is_occ(w, v):
            kind = "occ"
        elif w.endswith(v.results):
            if not report:
                return None  # "minst åtta misstankar": results, unless reported as done
            kind = "other"
        elif _is_not_occ(w, v):
            if n_k + 1 < len(phrase) and _is_occ(toks[phrase[n_k + 1]], v):
                continue  # "minst 4 narkotika insatser": a compound written apart
            return None
        else:
            continue
        noun, end = w, k + 1
        break
    if kind is None and phrase and not pieces:
        # an unknown word: the noun is the first word that is no plural adjective
        # ("övriga anmälningar", "illegala …")
        words = [toks[k] for k in phrase]
        noun, kind = next((w for w in words if not w.endswith(v.adjective_endings)), words[-1]), "other"
        if noun.endswith(v.verb_endings):
            return None  # "Av dessa har 9 handlat om …": a verb, nothing counted
    unit = _unit_after(toks, end, v)
    if kind == "times":
        counted = True
    elif kind == "occ":
        after_prep = bool(prev) and prev[-1] in v.phrase_ends  # "för en god dialog": no count
        counted = not is_article or noun in v.article_before or unit is not None and unit[3] \
            or (framed or unit is not None) and not after_prep
    elif kind == "duration":  # "fem dagar i veckan", but "under sex månader" is a length
        counted = unit is not None
    elif kind == "other":  # a word not in the lists: a count only when something says so
        # (a range alone is not enough: "Vardagar 8-12, 13-15", opening hours)
        counted = not is_article and (said_at_least or report or unit is not None)
    else:  # nothing named: "minst två per år", "minst 20 stycken"
        counted = not is_article and (unit is not None and (pieces or j < len(toks) and toks[j] in v.unit_preps)
                                      or pieces and (at_least or ranged)) and not _noun_before(toks, i, v)
    if not counted:
        return None
    per, times, interval = unit[:3] if unit else (None, 1, 1)
    if per is None and end < len(toks) and _single_year(toks, end):
        per = "year"  # "vid minst två riskkvällar 2019"
    return _Count(n * times, noun if kind in ("occ", "other") else None, per, interval, at_least, approx)


def _noun_before(toks: list[str], i: int, v: _Vocab) -> bool:
    """A non-occurrence noun earlier in the clause that an elided count refers to."""
    for k in range(i - 1, -1, -1):
        if toks[k] in (".", ";"):
            break
        if _is_not_occ(toks[k], v):
            return True
    return False


def _by_first_word(phrases: list[str]) -> dict[str, tuple[list[str], ...]]:
    """Filler phrases as word lists under their first word, in the order of the rules."""
    out: dict[str, list] = {}
    for p in phrases:
        if words := p.split():
            out.setdefault(words[0], []).append(words)
    return {w: tuple(ps) for w, ps in out.items()}


def _drop_fillers(toks: list[str], v: _Vocab) -> list[str]:
    """The tokens without the filler phrases (the first phrase of the rules that matches
    at a word is dropped; only phrases starting with that word can)."""
    if v.fillers.keys().isdisjoint(toks):
        return toks
    out: list[str] = []
    i = 0  # toks[:i] are read
    for k in [k for k, t in enumerate(toks) if t in v.fillers]:
        if k < i:
            continue  # in a phrase dropped already
        for phrase in v.fillers[toks[k]]:
            if toks[k:k + len(phrase)] == phrase:
                out += toks[i:k]
                i = k + len(phrase)
                break
    return out + toks[i:]


def _adverb(toks: list[str], v: _Vocab) -> Frequency | None:
    if v.adverbs.keys().isdisjoint(toks):
        return None
    for k, t in enumerate(toks):
        if t not in v.adverbs:
            continue
        if k + 1 < len(toks) and toks[k + 1].endswith(tuple(v.adverb_not_before.get(t, ()))):
            continue  # "utöver det dagliga arbetet"
        a = v.adverbs[t]
        times = a["times"]
        if (a["per"], times) == ("year", 1):
            times = _months_named(toks, k + 1, v)  # "årligen i maj och november" → 2
        return Frequency(times=times, per=a["per"], interval=a.get("interval", 1))
    return None


def _months_named(toks: list[str], k: int, v: _Vocab) -> int:
    """How many months are named together at k (after one preposition): "i maj och
    november" → 2; none, or one alone, → 1."""
    if k < len(toks) and toks[k] in v.month_preps:
        k += 1
    if k >= len(toks) or toks[k] not in v.yearly:
        return 1
    n = 1
    while k + 2 < len(toks) and toks[k + 1] in v.weekday_joiners and toks[k + 2] in v.yearly:
        n, k = n + 1, k + 2
    return n


def parse_frequency(text: str, rules: Rules) -> tuple[Frequency | None, str | None]:
    """Return the normalized frequency (or None) and a cadence word ("regelbundet"); each
    caller gets its own Frequency."""
    freq, cadence = _parse_frequency(text, rules)
    return (freq.model_copy() if freq is not None else None), cadence


@lru_cache(maxsize=1024)
def _parse_frequency(text: str, rules: Rules) -> tuple[Frequency | None, str | None]:
    """Cached for the recent texts: a document reads the same sentence more than once (as a
    heading, an item, a follow-up), and long documents repeat whole passages."""
    v = _vocab(rules)
    toks = _drop_fillers(tokens(text, v.weekdays), v)
    cadence = None if v.cadence.isdisjoint(toks) else next(t for t in toks if t in v.cadence)
    every = _seasons(toks, v) or _every(toks, v)
    report = not v.report.isdisjoint(toks)
    counts: list[_Count] = []
    for i, tok in enumerate(toks):
        n = _number(tok, v) if tok[0].isdigit() or tok in v.numbers else None
        if n is None:
            continue
        start, end = _sentence(toks, i)
        frame = _frame(toks[start:end], v)
        c = _read_count(toks, i, n, v, report, frame is not None)
        if c is None:
            continue
        c.part = any(t in v.part_words for t in toks[start:i])
        if c.per is None:
            if every is not None:
                c.per, c.times, c.interval = every[0], c.times * every[1], every[2]
            elif frame is not None:
                c.per = frame[0]
        counts.append(c)
    if counts:
        first = counts[0]
        # two counts of the same thing add up: "minst tre kontroller av serveringsställen och
        # minst tre kontroller av tobaksförsäljningsställen" → 6
        times = first.times + sum(c.times for c in counts[1:] if first.noun and c.noun == first.noun
                                  and (c.per, c.interval) == (first.per, first.interval) and not c.part)
        return Frequency(times=times, per=first.per or "period", interval=first.interval,
                         at_least=first.at_least, approximate=first.approximate), cadence
    if every is not None:
        per, times, interval, at_least = every
        return Frequency(times=times, per=per, interval=interval, at_least=at_least), cadence
    return _adverb(toks, v), cadence
