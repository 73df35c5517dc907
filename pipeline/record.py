"""Draft + segment → normalized schema-1 record: kommun, period, parties, doc type, id."""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from urllib.parse import urlparse

from .actors import order_codes, read_actors
from .models import Kommun, Period
from .rules import KommunRow, Rules
from .sections import YEAR, Segment, alternation, norm, year_range
from .slug import slugify


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
    low = text.lower()
    for group, names in rules.records["kommun_groups"].items():
        if group in low and first.namn in names:
            found += [by_name[n] for n in names if n in by_name]
    m = re.search(r"kommunerna ((?:[A-ZÅÄÖ][\wåäö]+(?:, | och ))+[A-ZÅÄÖ][\wåäö]+)", text)
    if m:
        names = re.split(r", | och ", m.group(1))
        if first.namn in names:
            found += [by_name[n] for n in names if n in by_name]
    return list(dict.fromkeys(found))


def find_lpo(text: str, rules: Rules) -> str | None:
    m = _lpo_re(rules).search(text)
    return m.group(1) if m else None


@lru_cache(maxsize=4)
def _lpo_re(rules: Rules) -> re.Pattern:
    """The lokalpolisområde regex, compiled once per rule load."""
    cues = "|".join(re.escape(c) for c in sorted(rules.records["lpo_cues"], key=len, reverse=True))
    return re.compile(rf"\b(?i:{cues})\s+((?:[A-ZÅÄÖ][\wåäöé]*(?:[/-][A-ZÅÄÖ][\wåäöé]*)?)(?:\s+(?:[A-ZÅÄÖ][\wåäöé]+|[Ss]yd|[Nn]ord|[Öö]st|[Vv]äst))?)")


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
def _validity(rules: Rules) -> list[tuple[re.Pattern, str]]:
    months = "|".join(rules.records["months"])
    # a date starts with a digit, "den" or a month: that look-ahead lets the regex engine
    # skip the other positions quickly
    starts = "".join(sorted({"d", *(m[:1] for m in rules.records["months"])}))
    first = rf"(?=[\d{re.escape(starts)}])" if all(m[:1].isalpha() for m in rules.records["months"]) else ""
    date = (rf"{first}(?:(?:den )?\d{{1,2}}(?::[ae])? (?:{months}) ({YEAR})|({YEAR})-?\d\d-?\d\d|\d{{1,2}}/\d{{1,2}} ?-?({YEAR})"
            rf"|\d{{1,2}} (?:{months})|(?:{months}) ({YEAR}))")
    num = _number_re(rules)[0]
    pats = []
    for entry in rules.records["validity_patterns"]:
        p, kind = (entry, "span") if isinstance(entry, str) else (entry["pattern"], entry["years"])
        p = p.replace("{D}", date).replace("{Y}", f"({YEAR})").replace("{M}", f"(?:{months})")
        pats.append((re.compile(p.replace("{N}", rf"(\d+|{num})"), re.I), kind))
    return pats


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


def validity_period(text: str, rules: Rules, signed: int | None) -> tuple[int, int] | None:
    low = _year_windows(text.lower())
    for pat, kind in _validity(rules):
        m = pat.search(low)
        if not m:
            continue
        years = _years_in(m)
        if not years:
            continue
        if kind == "one_year_on":
            return years[0], years[0] + 1
        if kind == "rest_of_year":
            return years[-1] - 1, years[-1]
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
            start = signed or _signed_year(low, rules)
            if start is None:
                around = low[max(0, m.start() - 60):m.end()]
                months = sorted((around.find(mo), i) for i, mo in enumerate(rules.records["months"]) if mo in around)
                months = [i for _, i in months]
                start = end - 1 if len(months) >= 2 and months[0] > months[-1] else end
            return min(start, end), end
        return years[0], years[-1]
    return None


def _signed_year(low: str, rules: Rules) -> int | None:
    """The year of "undertecknades den 11 februari 2025" or "Den 3 mars 2022 undertecknade"."""
    words = "|".join(map(re.escape, rules.records["signed_words"]))
    m = re.search(rf"\b(?:{words})[^.]{{0,60}}?({YEAR})|({YEAR})[^.\d]{{0,3}}\b(?:{words})\b", low)
    return int(m.group(1) or m.group(2)) if m else None


def _length(low: str, rules: Rules) -> int | None:
    """How many years the text says the promise runs ("den kommande treårsperioden")."""
    num = _number_re(rules)[0]
    for p in rules.records["period_length_patterns"]:
        m = re.search(p.replace("{N}", rf"(\d+|{num})"), low)
        if m:
            return _to_int(m.group(1), rules)
    return None


def find_period(seg: Segment, title: str, rules: Rules, url: str = "") -> tuple[int, int] | None:
    text = seg.text
    low = norm(text)
    if find_doc_type(title, rules) == "uppfoljning":  # titled for the period it reports on
        t = validity_period(title, rules, None) or year_range(title)
        if t:
            return t
    v = validity_period(text, rules, None)
    if v:
        return v
    # a heading with nothing under it (a link to the next period at the end of a follow-up
    # page, polisen-se__uppfoljning) does not give this text its years
    if seg.heading_years and seg.blocks and seg.blocks[-1][0] is not seg.heading:
        return seg.heading_years
    years = _start_years(seg, low, title, rules)
    if years and years[0] == years[1]:
        n = _length(low, rules)
        if n and 1 < n < 10:
            return years[0], years[0] + n - 1
    return years or _published(text, url, rules)


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
                      rf"({YEAR}(?:\s*(?:-|–|/|och)\s*(?:{YEAR}|\d\d)\b)?)")


def _start_years(seg: Segment, low: str, title: str, rules: Rules) -> tuple[int, int] | None:
    """The period's years from a cue ("Medborgarlöfte för 2019"), a sentence that says what
    will be done in a year, the title, the signing date, or a lone date line."""
    m = _cue_re(rules).search(low)
    if m:
        return year_range(m.group(1))
    m = re.search(rf"({YEAR}) års medborgarlöfte", low)
    if m:
        return year_range(m.group(1))
    future = "|".join(rules.records["future_words"])
    for sent in re.split(r"(?<=[.!?])\s+", low):
        if re.search(rf"\b(?:{future})\b", sent):
            m = re.search(rf"\bunder (?:\w+ )?({YEAR}(?:\s*(?:-|–|och)\s*{YEAR})?)", sent) or \
                re.search(rf"^({YEAR} och {YEAR})", sent)
            if m:
                return year_range(m.group(1))
    t = year_range(title)
    if t:
        return t
    s = _signed_year(low, rules)
    if s:
        return s, s
    m = re.search(rf"^\s*\d{{1,2}} (?:{'|'.join(rules.records['months'])}) ({YEAR})\s*$", seg.text, re.M)
    if m:
        y = int(m.group(1))
        return y, y
    return None


def _published(text: str, url: str, rules: Rules) -> tuple[int, int] | None:
    """A news page that names no year: the year it was published (its date line, else the
    date in its url), the next year when published late in the year."""
    rec = rules.records
    found = None
    for p in rec["publication_date_patterns"]:
        m = re.search(p, text)
        if m:
            found = m.groups()
            break
    if found is None:
        m = re.search(rec["url_date_pattern"], url)
        found = m and m.groups()
    if not found:
        return None
    year = next(int(g) for g in found if re.fullmatch(YEAR, g))
    mo = next(g for g in found if not re.fullmatch(YEAR, g))
    month = int(mo) if mo.isdigit() else rec["dateline_months"].index(mo.lower()[:3]) + 1
    if month >= rec["next_year_from_month"]:
        year += 1
    return year, year


# --- type, parties, id ------------------------------------------------------------------

def find_doc_type(title: str, rules: Rules) -> str:
    """From the title: a follow-up report, an agreement, or (else) a promise."""
    low = norm(title)
    for doc_type, starts in rules.records["doc_type_title_starts"].items():
        if low.startswith(tuple(starts)):
            return doc_type
    for doc_type, phrases in rules.records["doc_types"].items():
        if any(p in low for p in phrases):
            return doc_type
    return "medborgarlofte"


def find_parties(promise_sentences, full_text: str, rules: Rules) -> list[str]:
    """Who promises: the doers of the sentences that promise or sign ("Polisen och Bräcke
    kommun lovar …"), with their partners; a partner alone ("… tillsammans med Polisen")
    does not say who signed. Signatory lines ("X, kommunalråd och Y,
    lokalpolisområdeschef") add theirs. Else the owner of the promise ("Det här är polisens
    medborgarlöfte"), else polisen and kommunen (polisen alone on a page that never names a
    kommun)."""
    party_codes = set(rules.actors["party_codes"])
    found: set[str] = set()
    for sent in promise_sentences:
        r = read_actors(sent, rules)
        if r.subject:
            found |= {c for c in r.subject + r.partners if c in party_codes}
    found |= _signatories(full_text, rules)
    if not found:
        found = _promise_owners(full_text, rules)
    if not found:
        found = set(rules.actors["default_parties"])
        if "kommun" not in full_text.lower():
            found = {"polisen"}
    return order_codes(found, rules)


@lru_cache(maxsize=4)
def _title_res(rules: Rules) -> tuple[re.Pattern, tuple[tuple[str, re.Pattern], ...]]:
    """Any signer's title (one search: most lines name none), and each party's titles."""
    def title_re(titles):
        return re.compile(r"\b(?:" + "|".join(map(re.escape, titles)) + r")\b", re.I)
    by_code = rules.records["signatory_titles"]
    return (title_re([t for titles in by_code.values() for t in titles]),
            tuple((code, title_re(titles)) for code, titles in by_code.items()))


def _signatories(text: str, rules: Rules) -> set[str]:
    """Codes of the short lines that name two or more parties' signers by title."""
    found: set[str] = set()
    any_title, by_code = _title_res(rules)
    for line in text.splitlines():
        if any_title.search(line) and len(line.split()) <= rules.records["signatory_line_max_words"]:
            codes = {code for code, title in by_code if title.search(line)}
            if len(codes) > 1:
                found |= codes
    return found


def _promise_owners(text: str, rules: Rules) -> set[str]:
    """Party codes of the genitives that own the promise ("är polisens medborgarlöften")."""
    party_codes, by_form = _owner_table(rules)
    owners = (by_form.get(m.group(1).lower()) for m in re.finditer(rules.records["promise_owner_pattern"], text, re.I))
    return {c for c in owners if c in party_codes}


@lru_cache(maxsize=4)
def _owner_table(rules: Rules) -> tuple[frozenset, dict]:
    """Party codes, and actor form → code, built once per rule load."""
    by_form = {f: spec.get("code", key) for key, spec in rules.actors["actors"].items() for f in spec["forms"]}
    return frozenset(rules.actors["party_codes"]), by_form


def make_id(kommuner: list[Kommun], period: Period | None, doc_type: str) -> str:
    base = slugify(kommuner[0].namn) if kommuner else "okand"
    if period:
        base += f"-{period.start}" if period.start == period.end else f"-{period.start}-{period.end}"
    if doc_type != "medborgarlofte":
        base += f"-{doc_type}"
    return base


def url_suffix(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:6]
