"""Draft + segment → normalized schema-1 record: kommun, period, parties, doc type, id."""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from urllib.parse import urlparse

from spacy.tokens import Span

from .actors import _sets, actor_spans, order_codes, read_actors
from .models import Kommun, Period
from .rules import KommunRow, Rules
from .sections import (FOLDS_PLAIN, YEAR, Needing, Segment, _sre, _sre_parse, alternation, first_letters,
                       norm, required_text, year_range)
from .slug import slugify


def _zero_width(op, av) -> bool:
    """\\b, ^, a look-ahead or -behind, or a group of only those."""
    return op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT) or op is _sre.SUBPATTERN and all(_zero_width(*i) for i in av[3])


def _start_needles(pattern: re.Pattern) -> tuple[tuple[str, int], ...]:
    """Where a match can start, read from the parse: every match starts (after \\b or a
    look-ahead) with the literal word of one branch of its first group ("(statistik|
    trygghetsenkät)…", "samverkans…"), and so holds in the lower-cased text that word's
    longest run of FOLDS_PLAIN characters at the run's offset; (run, offset) for each branch,
    () when some branch starts with no such run."""
    items = list(_sre_parse.parse(pattern.pattern, pattern.flags))
    while items and _zero_width(*items[0]):
        items.pop(0)
    if items and items[0][0] is _sre.SUBPATTERN:
        items = list(items[0][1][3])
    branches = [list(b) for b in items[0][1][1]] if items and items[0][0] is _sre.BRANCH else [items]
    needles = []
    for branch in branches:
        word = ""
        for op, av in branch:
            if op is not _sre.LITERAL:
                break
            word += chr(av).lower() if chr(av).lower() in FOLDS_PLAIN else "\0"
        run = max(word.split("\0"), key=len)
        if not run:
            return ()
        needles.append((run, word.index(run)))
    return tuple(dict.fromkeys(needles))


def _finditer(pattern: re.Pattern, needles: tuple[tuple[str, int], ...], text: str, low: str):
    """``pattern.finditer(text)``, the pattern tried only where a match can start (``needles``
    from _start_needles; ``low`` is ``text.lower()``): a case-insensitive search tries every
    position, this only those where a needle is."""
    if not needles or len(low) != len(text):  # (a character that lower-cases to two: offsets differ)
        yield from pattern.finditer(text)
        return
    starts = set()
    for run, offset in needles:
        i = low.find(run)
        while i >= 0:
            if i >= offset:
                starts.add(i - offset)
            i = low.find(run, i + 1)
    end = 0
    for start in sorted(starts):
        if start >= end and (m := pattern.match(text, start)):
            yield m
            end = m.end()


@lru_cache(maxsize=4)
def _lower(text: str) -> str:
    """``text.lower()``, kept for the last texts: a page's text (or a segment's) is asked about
    in lower case by several readers in turn."""
    return text.lower()


@lru_cache(maxsize=4)
def _kommun_tables(rules: Rules):
    by_slug = {slugify(k.namn): k for k in rules.kommuner}
    by_name = {k.namn: k for k in rules.kommuner}
    return by_slug, by_name


def _kommun_from_url(url: str, rules: Rules) -> KommunRow | None:
    by_slug, _ = _kommun_tables(rules)
    parsed = urlparse(url)
    host = parsed.netloc.lower().removeprefix("www.")
    path = [p for p in parsed.path.lower().split("/") if p]
    # a kommun's own site names it in the host; elsewhere (polisen.se, a mirror) the page
    # path does, the page first, then the folders above it
    candidates = [] if "polisen.se" in host else [host.split(".")[0]]
    candidates += list(reversed(path))
    for cand in candidates:
        cand = re.sub(r"-\d+$", "", cand).removesuffix("-kommun").removesuffix("s-kommun")
        if cand in by_slug:
            return by_slug[cand]
        parts = cand.split("-")
        best = None
        for i in range(len(parts)):
            for j in range(len(parts), i, -1):
                k = by_slug.get("-".join(parts[i:j]))
                if k and (best is None or j - i > best[0]):
                    best = (j - i, k)
        if best:
            return best[1]
    return None


def _stem_name(word: str, by_name: dict) -> KommunRow | None:
    if word in by_name:
        return by_name[word]
    if word.endswith("s") and word[:-1] in by_name:
        return by_name[word[:-1]]
    return None


def _name_in(run: str, by_name: dict) -> KommunRow | None:
    """A run of capitalized words ("Upplands Väsby", "Medborgarlöfte Ale", "Trygghetslöfte
    Upplands Väsby"): the longest part of it that names a kommun, the last one first."""
    words = run.split(" ")
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size, -1, -1):
            k = _stem_name(" ".join(words[start:start + size]), by_name)
            if k:
                return k
    return None


def _names_in(text: str, rules: Rules) -> list[KommunRow]:
    """Kommun names used as such: "Xs kommun", "X kommun", "X stad", "i X" in a title."""
    _, by_name = _kommun_tables(rules)
    out = []
    words = "|".join(map(re.escape, rules.records["kommun_words"]))
    for m in re.finditer(rf"([A-ZÅÄÖ][\wåäöé-]+(?: [A-ZÅÄÖ][\wåäöé-]+){{0,2}})s? (?:{words})\b", text):
        k = _name_in(m.group(1), by_name)
        if k:
            out.append(k)
    return out


def find_kommuner(url: str, title: str, text: str, rules: Rules) -> list[KommunRow]:
    _, by_name = _kommun_tables(rules)
    first = _kommun_from_url(url, rules)
    if first is None:
        for m in re.finditer(r"[A-ZÅÄÖ][\wåäöé-]+(?: [A-ZÅÄÖ][\wåäöé-]+)*", title):
            first = _name_in(m.group(0), by_name)
            if first:
                break
    if first is None:
        named = _names_in(text, rules)
        if named:
            first = max(set(named), key=lambda k: (named.count(k), -named.index(k)))
    if first is None:
        return []
    found = [first]
    low = _lower(text)
    for group, names in rules.records["kommun_groups"].items():
        if group in low and first.namn in names:
            found += [by_name[n] for n in names if n in by_name]
    for pat in _kommun_list_res(rules):
        for m in pat.finditer(text):
            names = [_stem_name(n, by_name) for n in re.split(r", | och | samt ", m.group("list"))]
            if first in names:
                found += [k for k in names if k]
    return list(dict.fromkeys(found))


@lru_cache(maxsize=4)
def _kommun_list_res(rules: Rules) -> list[Needing]:
    """rules/records.yaml kommun_list_patterns, {LIST} a list of capitalized names; each searched
    only in a text that holds its literal words (" kommuner": few pages do)."""
    name = r"[A-ZÅÄÖ][\wåäö]+"
    names = rf"(?P<list>(?:{name}(?:, | och | samt ))+{name})"
    return [Needing(re.compile(p.replace("{LIST}", names))) for p in rules.records["kommun_list_patterns"]]


def find_lpo(text: str, rules: Rules) -> str | None:
    """The name after a lokalpolisområde cue; a genitive ("Klippans samlade …") without its "s",
    unless the name is a kommun's as it stands ("Borås och …")."""
    m = next(_finditer(*_lpo_re(rules), text, _lower(text)), None)
    if not m:
        return None
    name = m.group(1)
    genitive = name.endswith("s") and _LOWER_WORD_NEXT.match(text, m.end())
    return name[:-1] if genitive and name not in _kommun_tables(rules)[1] else name


_LOWER_WORD_NEXT = re.compile(r"[ \t]+[a-zåäö]")


@lru_cache(maxsize=4)
def _lpo_re(rules: Rules) -> tuple[re.Pattern, tuple]:
    """The lokalpolisområde regex, compiled once per rule load (the cues' first letters a
    look-ahead, see sections.first_letters), and where it can match (_start_needles)."""
    cues = "|".join(re.escape(c) for c in sorted(rules.records["lpo_cues"], key=len, reverse=True))
    pat = re.compile(rf"\b(?i:{first_letters(rules.records['lpo_cues'])})(?i:{cues})[ \t]+((?:[A-ZÅÄÖ][\wåäöé]*(?:[/-][A-ZÅÄÖ][\wåäöé]*)*)(?:[ \t]+(?:[A-ZÅÄÖ][\wåäöé]+|[Ss]yd|[Nn]ord|[Öö]st|[Vv]äst))?)")
    return pat, _start_needles(pat)


# --- period ----------------------------------------------------------------------------

@lru_cache(maxsize=4)
def _number_re(rules: Rules) -> tuple[str, dict]:
    from .frequency import number_words
    words, _ = number_words(rules.frequency["numbers"])
    small = {w: n for w, n in words.items() if n <= 24}
    return alternation(sorted(small)), small


def _to_int(word: str, rules: Rules) -> int | None:
    return int(word) if word.isdigit() else _number_re(rules)[1].get(word)


@lru_cache(maxsize=4)
def _date_re(rules: Rules) -> str:
    """A date ("1 januari 2023", "torsdagen den 18 maj 2017", "2021-05-01", "1/12 -2020",
    "mars 2023"; "1/7" or "1 november" before a dated end), its year a group."""
    rec = rules.records
    months = "|".join(rec["months"])
    weekday = "(?:(?:" + "|".join(rec["weekdays"]) + ")(?:en)? )?"
    # a date starts with a digit, "den", a weekday or a month: that look-ahead lets the regex
    # engine skip the other positions quickly
    words = rec["months"] + rec["weekdays"]
    starts = "".join(sorted({"d", *(w[:1] for w in words)}))
    first = rf"(?=[\d{re.escape(starts)}])" if all(w[:1].isalpha() for w in words) else ""
    return (rf"{first}(?:{weekday}(?:den )?\d{{1,2}}(?::[ae])? (?:{months}) ({YEAR})|({YEAR})-?\d\d-?\d\d|\d{{1,2}}/\d{{1,2}} ?-?({YEAR})"
            rf"|\d{{1,2}}/\d{{1,2}}\b|\d{{1,2}} (?:{months})|(?:{months}) ({YEAR}))")


def _compile(pattern: str, rules: Rules) -> re.Pattern:
    """A period pattern of rules/records.yaml: {D} a date, {Y} a year, {M} a month, {N} a number."""
    months = "|".join(rules.records["months"])
    p = _first_letters(pattern).replace("{D}", _date_re(rules)).replace("{Y}", f"({YEAR})").replace("{M}", f"(?:{months})")
    return re.compile(p.replace("{N}", rf"(\d+|{_number_re(rules)[0]})"), re.I)


@lru_cache(maxsize=4)
def _validity(rules: Rules) -> list[tuple[re.Pattern, re.Pattern | None, str, str]]:
    """Each validity pattern, with what follows a leading {D} as its precondition: a date
    matches at nearly every position, so searching for the rest first ("till och med …")
    skips most texts; the pattern can only match where its rest does. Before either, the
    text every match holds (sections.required_text) must be there."""
    pats = []
    for entry in rules.records["validity_patterns"]:
        p, kind = (entry, "span") if isinstance(entry, str) else (entry["pattern"], entry["years"])
        rest = p.removeprefix("{D}")
        pat = _compile(p, rules)
        pats.append((pat, _compile(rest, rules) if rest != p else None, kind, required_text(pat)))
    return pats


@lru_cache(maxsize=8)
def _compiled(rules: Rules, key: str) -> tuple[tuple[re.Pattern, str], ...]:
    """The patterns of ``key``, each with the lower-cased text its every match holds."""
    return tuple((pat, required_text(pat)) for pat in (_compile(p, rules) for p in rules.records[key]))


@lru_cache(maxsize=4)
def _not_period_res(rules: Rules) -> tuple[tuple[tuple[re.Pattern, str, tuple], ...], ...]:
    """(patterns for every page, patterns for pages that are no agreement), each with the
    lower-cased text its every match holds (sections.required_text) and where a match can
    start (_start_needles); {Y} is the group "y", a year or a range."""
    y = rf"(?P<y>{YEAR}(?:\s*(?:-|–|—|/|och)\s*(?:{YEAR}|\d\d)\b)?)"
    def build(key):
        pats = [re.compile(_first_letters(p).replace("{Y}", y), re.I) for p in rules.records[key]]
        return tuple((pat, required_text(pat), _start_needles(pat)) for pat in pats)
    return build("not_period_patterns"), build("agreement_year_patterns")


def _first_letters(pattern: str) -> str:
    """A pattern that starts with a group of words ("(trygghetsmätning|statistik)…") with a
    look-ahead of their first letters (see sections.first_letters)."""
    m = re.match(r"\(((?:\w+\|)+\w+)\)", pattern)
    return first_letters(m.group(1).split("|")) + pattern if m else pattern


def _years_in(match: re.Match) -> list[int]:
    return [int(g) for g in match.groups() if g and re.fullmatch(YEAR, g)]


_YEAR_RE = re.compile(YEAR)


def _year_windows(low: str) -> str:
    """Only the text around years can state a validity: searching there is much faster
    than running every pattern over the whole page."""
    spans: list[list[int]] = []
    for m in _YEAR_RE.finditer(low):
        a, b = max(0, m.start() - 100), m.end() + 60
        if spans and a <= spans[-1][1]:
            spans[-1][1] = b
        else:
            spans.append([a, b])
    return "\n\n".join(low[a:b] for a, b in spans)


def _month_of(text: str, rules: Rules) -> int | None:
    m = re.search(r"\b\d{1,2}/(\d{1,2})\b", text)
    if m:
        return int(m.group(1))
    found = [(text.find(mo), i + 1) for i, mo in enumerate(rules.records["months"]) if mo in text]
    return min(found)[1] if found else None


def validity_period(text: str, rules: Rules, published: int | None) -> tuple[int, int] | None:
    """The period a validity statement gives; ``published`` (the page's publication year)
    starts a period whose end alone is stated, when no signing year is given."""
    low = _year_windows(_lower(text))
    for pat, rest, kind, needed in _validity(rules):
        m = needed in low and (rest is None or rest.search(low)) and pat.search(low)
        if not m:
            continue
        years = _years_in(m)
        if not years:
            continue
        if kind == "one_year_on":
            return years[0], years[0] + 1
        if kind == "rest_of_year":
            return years[-1] - 1, years[-1]
        if kind == "years_from":
            n = re.search(rf"(\d+|{_number_re(rules)[0]}) år", m.group(0))
            n = n and _to_int(n.group(1), rules)
            return years[0], years[0] + max(1, n or 1) - 1
        if kind == "months_from":
            n = re.search(rf"(\d+|{_number_re(rules)[0]}) månader", m.group(0))
            n, month = n and _to_int(n.group(1), rules), _month_of(m.group(0), rules)
            if n and month:
                return years[0], years[0] + (month - 1 + n - 1) // 12
            return years[0], years[0]
        if kind == "from_signing" and len(years) == 1:
            # "pågår … till 31 mars 2017": from the signing year, or the year before when the
            # start month ("1 november") comes after the end month
            end = years[0]
            start = _signed_year(low, rules) or published
            if start is None:
                around = low[max(0, m.start() - 60):m.end()]
                months = sorted((around.find(mo), i) for i, mo in enumerate(rules.records["months"]) if mo in around)
                months = [i for _, i in months]
                start = end - 1 if len(months) >= 2 and months[0] > months[-1] else end
            return min(start, end), end
        return years[0], years[-1]
    return None


@lru_cache(maxsize=4)
def _signed_re(rules: Rules) -> re.Pattern:
    """The signing-date regex, compiled once per rule load."""
    words = "|".join(map(re.escape, rules.records["signed_words"]))
    return re.compile(rf"\b(?:{words})[^.]{{0,60}}?({YEAR})|({YEAR})[^.\d]{{0,3}}\b(?:{words})\b")


def _signed_year(low: str, rules: Rules) -> int | None:
    """The year of "undertecknades den 11 februari 2025" or "Den 3 mars 2022 undertecknade"."""
    m = any(w in low for w in rules.records["signed_words"]) and _signed_re(rules).search(low)
    return int(m.group(1) or m.group(2)) if m else None


@lru_cache(maxsize=4)
def _length_res(rules: Rules) -> tuple[tuple[re.Pattern, re.Pattern | None], ...]:
    """The period length patterns, {N} a number, compiled once per rule load; one that starts
    with {N} has what follows it as its precondition (a number matches nearly everywhere)."""
    num = rf"(\d+|{_number_re(rules)[0]})"
    return tuple((re.compile(p.replace("{N}", num)),
                  re.compile(p.removeprefix("{N}").replace("{N}", num)) if p.startswith("{N}") else None)
                 for p in rules.records["period_length_patterns"])


def _length(low: str, rules: Rules) -> int | None:
    """How many years the text says the promise runs ("den kommande treårsperioden")."""
    for pat, rest in _length_res(rules):
        m = (rest is None or rest.search(low)) and pat.search(low)
        if m:
            return _to_int(m.group(1), rules)
    return None


def find_period(seg: Segment, title: str, rules: Rules, url: str = "") -> tuple[int, int] | None:
    doc_type = find_doc_type(title, rules)
    if doc_type == "uppfoljning":  # titled for the period it reports on
        t = validity_period(title, rules, None) or year_range(title)
        if t:
            return t
    everywhere, agreement = _not_period_res(rules)
    text, heading_years = _blank(seg.text, seg, everywhere, seg.heading_years)
    published = _published(text, url, rules)
    pub_year = published and published[0]
    years, read = None, None
    if doc_type != "samverkansoverenskommelse":
        # the agreement's years are this promise's only when the text gives no other
        read = _blank(text, seg, agreement, heading_years)
        years = _period_of(seg, *read, title, rules, pub_year)
    if not years and read != (text, heading_years):  # (the same reading again gives the same answer)
        years = _period_of(seg, text, heading_years, title, rules, pub_year)
    if years:
        return _extended(years, _lower(text), rules)
    return published if _names_this_year(text, rules) else None


def _names_this_year(text: str, rules: Rules) -> bool:
    """A page whose only date is its publication has a period only when its text speaks of a
    time of that year ("årets medborgarlöfte", "för perioden mars-maj", "den 26 februari");
    else its date says when it was written, not which years the promise runs."""
    low = _lower(text)
    return any(needed in low and pat.search(low) for pat, needed in _compiled(rules, "publication_year_cues"))


def _period_of(seg: Segment, text: str, heading_years: tuple[int, int] | None, title: str,
               rules: Rules, published: int | None) -> tuple[int, int] | None:
    """The period from the text: a validity statement, the segment's heading, a cue or a
    start year (with how long the promise runs)."""
    v = validity_period(text, rules, published)
    if v:
        return v
    # a heading with nothing under it (a link to the next period at the end of a follow-up
    # page, polisen-se__uppfoljning) does not give this text its years
    low = norm(text)
    if heading_years and seg.blocks and seg.blocks[-1][0] is not seg.heading:
        return _widened(heading_years, low, rules)
    years = _start_years(text, low, title, rules)
    if years and years[0] == years[1]:
        n = _length(low, rules)
        if n and 1 < n < 10:
            return years[0], years[0] + n - 1
    return years


def _widened(years: tuple[int, int], low: str, rules: Rules) -> tuple[int, int]:
    """A heading's single year is the first of a range that a cue under it names ("Medborgarlöfte
    Biskopsgården 2021" over "Medborgarlöftet 2021-2022 fokuserar på …")."""
    if years[0] == years[1]:
        for m in _cue_re(rules).finditer(low):
            found = year_range(m.group(1))
            if found and found[0] == years[0] < found[1]:
                return found
    return years


def _blank(text: str, seg: Segment, pats: tuple[tuple[re.Pattern, str, tuple], ...],
           heading_years: tuple[int, int] | None) -> tuple[str, tuple[int, int] | None]:
    """The text with the years the patterns find turned to zeros (they name no period of
    this record), and the segment heading's years, None when they are among them (the
    heading's own line is blanked then too)."""
    blanked = set()
    low = _lower(text)
    for pat, needed, needles in pats:
        if needed not in low:
            continue
        for m in _finditer(pat, needles, text, low):
            a, b = m.span("y")
            blanked.add(year_range(text[a:b]))
            text = text[:a] + re.sub(r"\d", "0", text[a:b]) + text[b:]
            low = _lower(text)
    if heading_years and heading_years in blanked:
        line = seg.heading.text
        text, heading_years = text.replace(line, re.sub(r"\d", "0", line), 1), None
    return text, heading_years


def _extended(years: tuple[int, int], low: str, rules: Rules) -> tuple[int, int]:
    """A promise prolonged to a later end ("förlänga medborgarlöftet för 2022 till och med
    31 december 2023") runs on to it; one with an earlier dated start ("Med början den 17
    november 2016") starts there."""
    start, end = years
    for pat, needed in _compiled(rules, "extension_patterns"):
        m = needed in low and pat.search(low)
        found = m and _years_in(m)
        if found and end < found[-1] <= end + 3:
            end = found[-1]
            break
    for pat, needed in _compiled(rules, "start_patterns"):
        m = needed in low and pat.search(low)
        found = m and _years_in(m)
        if found and start - 3 <= found[0] < start:
            start = found[0]
            break
    return start, end


@lru_cache(maxsize=4)
def _cue_re(rules: Rules) -> re.Pattern:
    """A period cue, then its year: the cues longest first (as a trie; its word boundary
    checked after the first character, when that is a word character, so that the regex
    engine skips the positions where no cue starts)."""
    cues = rules.records["period_cues"]
    if all(re.match(r"\w", c) for c in cues):
        cue_re = alternation(cues, r"(?<!\w(?s:.))")
    else:
        cue_re = r"\b(?:" + "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True)) + ")"
    return re.compile(rf"{cue_re}\b(?:\s+[\wåäö]+){{0,4}}?\s+(?:för\s+)?(?:år\s+)?"
                      rf"({YEAR}(?:\s*(?:-|–|—|/|och)\s*(?:{YEAR}|\d\d)\b)?)")


_YEARS_OWN_RE = re.compile(rf"({YEAR}(?:\s*(?:-|–|—|och)\s*{YEAR})?)[- ]års medborgarlöfte")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+")
_UNDER_YEARS_RE = re.compile(rf"\bunder (?:\w+ )?({YEAR}(?:\s*(?:-|–|—|och)\s*{YEAR})?)")
_TWO_YEARS_RE = re.compile(rf"^({YEAR} och {YEAR})")
_YEAR_PAIR_RE = re.compile(rf"{YEAR} och {YEAR}")


@lru_cache(maxsize=4)
def _start_res(rules: Rules) -> tuple[re.Pattern, re.Pattern]:
    """The future-word and lone-date-line regexes of _start_years, compiled once per rule load."""
    future = "|".join(rules.records["future_words"])
    months = "|".join(rules.records["months"])
    return (re.compile(rf"\b(?:{future})\b"),
            re.compile(rf"^\s*\d{{1,2}} (?:{months}) ({YEAR})\s*$", re.M))


def _start_years(text: str, low: str, title: str, rules: Rules) -> tuple[int, int] | None:
    """The period's years from a cue ("Medborgarlöfte för 2019", "2020 års medborgarlöfte"),
    a sentence that says what will be done in a year, the title, the signing date, or a
    lone date line."""
    m = _cue_re(rules).search(low)
    if m:
        return year_range(m.group(1))
    # "2020 års medborgarlöfte", "2017-års medborgarlöfte", "2020 och 2021 års medborgarlöften"
    m = _YEARS_OWN_RE.search(low)
    if m:
        return year_range(m.group(1))
    future_re, date_line_re = _start_res(rules)
    # a sentence can only have a year the text has: most have none, and need no splitting
    has_years = _UNDER_YEARS_RE.search(low) or _YEAR_PAIR_RE.search(low)
    for sent in _SENTENCE_END_RE.split(low) if has_years else ():
        if future_re.search(sent):
            m = _UNDER_YEARS_RE.search(sent) or _TWO_YEARS_RE.search(sent)
            if m:
                return year_range(m.group(1))
    t = year_range(title)
    if t:
        return t
    s = _signed_year(low, rules)
    if s:
        return s, s
    m = date_line_re.search(text)
    if m:
        y = int(m.group(1))
        return y, y
    return None


@lru_cache(maxsize=4)
def _published_res(rules: Rules) -> tuple[tuple[re.Pattern, str, str], ...]:
    """The date-line patterns (on the text), then the url date patterns (on the url), each
    with the text its every match holds (sections.required_text)."""
    pats = [(re.compile(p), "text") for p in rules.records["publication_date_patterns"]] \
        + [(re.compile(p), "url") for p in rules.records["url_date_patterns"]]
    return tuple((pat, required_text(pat), where) for pat, where in pats)


def _dated(text: str, url: str, rules: Rules):
    """The page's date: the first date-line pattern that matches its text, else the first url date
    pattern that matches its url (a match, or None)."""
    texts, low = {"text": text, "url": url}, {"text": _lower(text), "url": url.lower()}
    return next((m for pat, needed, where in _published_res(rules)
                 if needed in (low if pat.flags & re.I else texts)[where] and (m := pat.search(texts[where]))), None)


def _published(text: str, url: str, rules: Rules) -> tuple[int, int] | None:
    """A news page that names no year: the year it was published (its date line, else the
    date in its url), the next year when published late in the year."""
    m = _dated(text, url, rules)
    if m is None:
        return None
    found = m.groups()
    year = next(int(g) for g in found if re.fullmatch(YEAR, g))
    mo = next(g for g in found if not re.fullmatch(YEAR, g))
    month = _month_number(mo, rules) if mo else 0  # a year folder: its month unknown
    if month is None:
        return None
    if month >= rules.records["next_year_from_month"]:
        year += 1
    return year, year


def report_period(heading: str, text: str, url: str, rules: Rules) -> tuple[int, int] | None:
    """A report section that names no year reports on the months before the page's date (its date
    line or url date, never the next year): that year, or the year before too when its months
    run over the new year ("Uppföljning … för perioden december-februari" on a page of
    2022-03-09 → 2021–2022: fagersta-se__medborgarlofte)."""
    m = _dated(text, url, rules)
    if m is None:
        return None
    year = next(int(g) for g in m.groups() if re.fullmatch(YEAR, g))
    months = rules.records["months"]
    named = [months.index(w) + 1 for w in re.findall(r"[a-zåäö]+", heading.lower()) if w in months]
    return (year - 1, year) if len(named) >= 2 and named[0] > named[-1] else (year, year)


def _month_number(word: str, rules: Rules) -> int | None:
    """"04", "april" or "Apr" → 4; None for a word that names no month."""
    low = word.lower()
    if low.isdigit():
        return int(low)
    if low in rules.records["months"]:
        return rules.records["months"].index(low) + 1
    short = rules.records["dateline_months"]
    return short.index(low[:3]) + 1 if low[:3] in short else None


# --- type, parties, id ------------------------------------------------------------------

def find_doc_type(title: str, rules: Rules, text: str = "") -> str:
    """From the title: a follow-up report, an agreement; else from the text's lead (a report
    whose title names no type); else a promise."""
    low = norm(title)
    for doc_type, starts in rules.records["doc_type_title_starts"].items():
        if low.startswith(tuple(starts)):
            return doc_type
    for doc_type, phrases in rules.records["doc_types"].items():
        if any(p in low for p in phrases):
            return doc_type
    lead = norm(text[:rules.records["doc_type_lead_chars"]])
    for doc_type, patterns in rules.records["doc_type_lead_patterns"].items():
        if any(re.search(p, lead) for p in patterns):
            return doc_type
    return "medborgarlofte"


def find_parties(promise_sentences, full_text: str, rules: Rules, leadins=()) -> list[str]:
    """Who promises: the doers of the sentences that promise or sign ("Polisen och Bräcke
    kommun lovar …"), with their partners; a partner alone ("… tillsammans med Polisen")
    does not say who signed, two parties that work together do ("… har tagits fram i samverkan
    mellan polisen och Borås Stad"). Signatory lines ("X, kommunalråd och Y,
    lokalpolisområdeschef") add theirs, and so do the owners of a joint promise. Else the owner of
    the promise ("Det här är polisens medborgarlöfte"), else polisen and kommunen (polisen alone on a page that never names a
    kommun). A list's lead-in adds the signers it lists after its verb, when it lists two or more
    ("… lovar polisen, Nyköpings kommun, HSB …:"): one alone ("… lovar polisen att:") heads its own
    part of the promise, not the whole."""
    party_codes = set(rules.actors["party_codes"])
    found: set[str] = set()
    for sent in promise_sentences:
        r = read_actors(sent, rules)
        partners = {c for c in r.partners if c in party_codes}
        if r.subject or len(partners) > 1:  # (two parties as partners: "tagits fram i samverkan mellan polisen och Borås Stad")
            found |= {c for c in r.subject if c in party_codes} | partners
        found |= _signers(sent, rules) | _inverted_signers(sent, rules)
    for sent in leadins:
        if len(codes := _inverted_signers(sent, rules)) > 1:
            found |= codes
    found |= _signatories(full_text, rules) | _joint_owners(full_text, rules)
    if not found:
        found = _promise_owners(full_text, rules)
    if not found:
        found = set(rules.actors["default_parties"])
        if not re.search(rules.actors["kommun_named"], _lower(full_text)):
            found = {"polisen"}
    return order_codes(found, rules)


def _signers(sent, rules: Rules) -> set[str]:
    """Codes of every actor named before the words that state the agreement (rules/actors.yaml
    signing_cues): the signers, a housing company or a business group too ("Örebro kommun,
    ÖrebroBostäder … och lokalpolisområde Örebro har kommit överens om ett medborgarlöfte")."""
    m = _signing_re(rules).search(sent.text)
    if m is None:
        return set()
    full = sent.doc if isinstance(sent, Span) else sent
    lo, hi = (sent.start_char, sent.start_char + m.start()) if isinstance(sent, Span) else (0, m.start())
    return {s.label_.partition(":")[0] for s in actor_spans(full) if lo <= s.start_char and s.end_char <= hi}


def _inverted_signers(sent, rules: Rules) -> set[str]:
    """Codes of the list of doers right after a verb of promising or signing, in an inverted clause
    (rules/actors.yaml inverted_signing_verbs): the signers, whatever their code ("… lovar polisen,
    Nyköpings kommun, HSB, Nyköpingshem och Victoria Park:"); the list ends at a word that is no
    joiner and no part of a name."""
    full = sent.doc if isinstance(sent, Span) else sent
    lo, hi = (sent.start, sent.end) if isinstance(sent, Span) else (0, len(sent))
    verbs, joiners = _sets(rules)["inverted_signing_verbs"], _sets(rules)["list_joiners"]
    mentions = [s for s in actor_spans(full) if lo <= s.start and s.end <= hi]
    for i in range(lo, hi - 1):
        if full[i].lower_ not in verbs:
            continue
        found, at = set(), i + 1
        for m in (m for m in mentions if m.start > i):
            gap = [t for t in full[at:m.start] if not t.is_space]
            names = all(t.is_title or t.lower_ in joiners for t in gap)
            # the first right after the verb or a name ("lovar Örebro kommun"), the others after a joiner
            if not names or (found and not any(t.lower_ in joiners for t in gap)) \
                    or (not found and any(t.lower_ in joiners for t in gap)):
                break
            found.add(m.label_.partition(":")[0])
            at = m.end
        if found:
            return found
    return set()


@lru_cache(maxsize=4)
def _signing_re(rules: Rules) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, rules.actors["signing_cues"])) + r")\b", re.I)


@lru_cache(maxsize=4)
def _title_res(rules: Rules) -> tuple[re.Pattern, tuple, tuple[tuple[str, re.Pattern], ...]]:
    """Any signer's title (one search: most lines name none) with where it can start
    (_start_needles), and each party's titles."""
    def title_re(titles):  # their first letters a look-ahead (see sections.first_letters)
        return re.compile(rf"\b{first_letters(titles)}(?:" + "|".join(map(re.escape, titles)) + r")\b", re.I)
    by_code = rules.records["signatory_titles"]
    any_title = title_re([t for titles in by_code.values() for t in titles])
    return any_title, _start_needles(any_title), tuple((code, title_re(titles)) for code, titles in by_code.items())


# what str.splitlines ends a line at: a line kept with its end, stripped of these, is the line
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def _signatories(text: str, rules: Rules) -> set[str]:
    """Codes of the short lines that name two or more parties' signers by title."""
    found: set[str] = set()
    any_title, needles, by_code = _title_res(rules)
    starts = [m.start() for m in _finditer(any_title, needles, text, _lower(text))]  # most pages name none
    if not starts:
        return found
    # the lines that name a title: those a title found in the text starts in (no title spans a
    # line break), each found by its end offset
    lines = text.splitlines(keepends=True)
    ends = list(accumulate(map(len, lines)))
    for k in sorted({bisect_right(ends, at) for at in starts}):
        line = lines[k].rstrip(_LINE_BREAKS)
        if len(line.split()) <= rules.records["signatory_line_max_words"]:
            codes = {code for code, title in by_code if title.search(line)}
            if len(codes) > 1:
                found |= codes
    return found


def _promise_owners(text: str, rules: Rules) -> set[str]:
    """Party codes of the genitives that own the promise ("är polisens medborgarlöften")."""
    t = _owner_table(rules)
    owners = (t.by_form.get(m.group(1).lower()) for m in _finditer(t.owner_re, t.needles, text, _lower(text)))
    return {c for c in owners if c in t.party_codes}


def _joint_owners(text: str, rules: Rules) -> set[str]:
    """Party codes of the two owners of a joint promise ("Polisen och Vara kommuns gemensamma medborgarlöfte")."""
    t = _owner_table(rules)
    if t.joint_needed not in _lower(text):
        return set()
    found = (t.by_form.get(w.lower()) for m in t.joint_re.finditer(text) for w in m.groups())
    return {c for c in found if c in t.party_codes}


@dataclass(frozen=True)
class _OwnerTable:
    party_codes: frozenset
    by_form: dict  # actor form → code
    owner_re: re.Pattern
    needles: tuple  # where owner_re can match (_start_needles)
    joint_re: re.Pattern
    joint_needed: str  # the text every match of joint_re holds (sections.required_text)


@lru_cache(maxsize=4)
def _owner_table(rules: Rules) -> _OwnerTable:
    """The owner patterns and what they read, built once per rule load."""
    by_form = {f: spec.get("code", key) for key, spec in rules.actors["actors"].items() for f in spec["forms"]}
    owner_re = re.compile(rules.records["promise_owner_pattern"], re.I)
    joint_re = re.compile(rules.records["joint_owner_pattern"], re.I)
    return _OwnerTable(frozenset(rules.actors["party_codes"]), by_form, owner_re, _start_needles(owner_re),
                       joint_re, required_text(joint_re))


def make_id(kommuner: list[Kommun], period: Period | None, doc_type: str) -> str:
    base = slugify(kommuner[0].namn) if kommuner else "okand"
    if period:
        base += f"-{period.start}" if period.start == period.end else f"-{period.start}-{period.end}"
    if doc_type != "medborgarlofte":
        base += f"-{doc_type}"
    return base


def url_suffix(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:6]
