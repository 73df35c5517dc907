"""Blocks → sections and period segments.

Each block gets the section it stands in (lead, situation, focus, activities, follow_up,
effect, other). A heading that names a promise and a year ("Medborgarlöften 2018-2019")
starts a new segment when its years differ from the segment before: each segment
becomes one record.
"""
from __future__ import annotations

import re
try:  # Python 3.11 and later
    import re._constants as _sre
    import re._parser as _sre_parse
except ImportError:  # Python 3.10 (requires-python >= 3.10)
    import sre_constants as _sre
    import sre_parse as _sre_parse
from dataclasses import dataclass, field
from functools import lru_cache

from .models import Block
from .rules import Rules

YEAR = r"(?:19|20)\d\d"
YEAR_RANGE = re.compile(rf"\b({YEAR})(?:\s*(?:-|–|—|/|och|till)\s*({YEAR}|\d\d)\b)?")


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """Lower case, whitespace folded (cached: the same sentence is asked about often)."""
    return " ".join(text.lower().split())


def alternation(literals: list[str], after_first: str = "") -> str:
    """One regex alternation of the literals, as a trie, ``after_first`` (a zero-width check)
    right after each first character. Every branch then starts with a literal character,
    so the regex engine skips the positions where none can start (a lookbehind before
    a flat list of alternatives is tried alternative by alternative at every position)."""
    root: dict = {}
    for lit in literals:
        node = root
        for ch in lit:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict, after: str = "") -> str:
        branches = [re.escape(ch) + after + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return build(root, after_first)


def either(patterns: list[str], flags: int = 0, **fill: str) -> re.Pattern:
    """The regular expressions of a rule list as one pattern; ``{name}`` in them stands for ``fill[name]``."""
    for name, alts in fill.items():
        patterns = [p.replace("{" + name + "}", alts) for p in patterns]
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def first_letters(words: list[str]) -> str:
    """A look-ahead of the words' first letters, to put before their alternation: under re.I
    the regex engine tries an alternation (or a lookbehind) at every position, a letter
    class it checks much faster. The matches stay the same."""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


# The characters a case-insensitive pattern matches only as themselves or their other case,
# so that a match lower-cased holds them lower-cased: not "i" or "s" (re.I matches "ı" and
# "ſ" to them too). tests/test_rule_matching.py checks every code point.
FOLDS_PLAIN = frozenset("abcdefghjklmnopqrtuvwxyzåäöéü0123456789 -–.,:;/()")


def required_text(pattern: re.Pattern) -> str:
    """The longest run of literal characters in every match of ``pattern``, read from its
    parse: "fokusområde" in "\\bfokusområden?\\b … är (?P<areas>…)". For a case-insensitive
    pattern it is lower-cased, of FOLDS_PLAIN characters only: look for it in the lower-cased
    text. A substring test rules out most texts before the search."""
    return _longest_run(_sre_parse.parse(pattern.pattern, pattern.flags), bool(pattern.flags & re.I))


def required_texts(pattern: re.Pattern) -> tuple[str, ...]:
    """Texts of which every match of ``pattern`` holds one (as ``required_text``): the longest
    run of the whole pattern, or, where a group of alternatives at its top level has a longer run
    in each, those ("(?:arbeta|jobba|verka) för …|…|\\bgöra (?:\\S+ ){1,3}?till en …" → " för ",
    …, "till en "; "\\b(?:prioriteringar(?:na)?|problemområden(?:a)?)\\b … är" → "prioriteringar",
    "problemområden"); () when there is none."""
    fold = bool(pattern.flags & re.I)
    tree = _sre_parse.parse(pattern.pattern, pattern.flags)
    best = (_longest_run(tree, fold),)
    for op, av in tree.data:  # every match holds a match of each top-level group of alternatives
        if op is _sre.BRANCH:
            runs = tuple(dict.fromkeys(_longest_run(b, fold) for b in av[1]))
            if min(map(len, runs)) > min(map(len, best)):
                best = runs
    return best if all(best) else ()


def _longest_run(items, fold: bool) -> str:
    best = run = ""

    def walk(items) -> None:
        nonlocal best, run
        for op, av in items:
            if op is _sre.LITERAL and (not fold or chr(av).lower() in FOLDS_PLAIN):
                run += chr(av).lower() if fold else chr(av)
                best = max(best, run, key=len)
            elif op is _sre.SUBPATTERN and not av[1] and not av[2]:  # a group without flags: its items
                walk(av[3])
            else:
                run = ""

    walk(items)
    return best


def final_chars(pattern: re.Pattern) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can end with, when each of its alternatives ends with
    "$" and its parse tells ("(?:…)\\s*(?:\\.{2,3}|…|;)$" → ".", "…", ";"); else None. A text whose
    last character (before a closing line break) is none of them has no match."""
    if pattern.flags & (re.I | re.M):
        return None
    return _final(_sre_parse.parse(pattern.pattern, pattern.flags).data)


def _final(items) -> frozenset[str] | None:
    if len(items) == 1 and items[0][0] is _sre.BRANCH:
        found = [_final(b.data) for b in items[0][1][1]]
        return None if None in found else frozenset().union(*found)
    if not items or items[-1] != (_sre.AT, _sre.AT_END):
        return None
    return _last_char(items[:-1])


def _last_char(items) -> frozenset[str] | None:
    """The characters the last one a sequence of parse items consumes can be (None: not told)."""
    if not items:
        return None
    op, av = items[-1]
    if op is _sre.LITERAL:
        return frozenset(chr(av))
    if op is _sre.IN and all(o is _sre.LITERAL for o, _ in av):
        return frozenset(chr(a) for _, a in av)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
        return _last_char(av[2].data)
    if op is _sre.SUBPATTERN and not av[1] and not av[2]:
        return _last_char(av[3].data)
    if op is _sre.BRANCH:
        found = [_last_char(b.data) for b in av[1]]
        return None if None in found else frozenset().union(*found)
    return None


def can_end(text: str, chars: frozenset[str] | None) -> bool:
    """A match of a pattern whose ``final_chars`` are ``chars`` may end the text ("$" also
    matches before a closing line break)."""
    return chars is None or text[-1:] in chars or text.endswith("\n") and text[-2:-1] in chars


class Needing:
    """``pattern.search``, ``finditer`` and ``sub``, tried only on a text that holds one of
    ``required_texts(pattern)`` (the same answer: a text without any has no match). The test is
    made once, as one closure per method, when the pattern is loaded: these run for every
    sentence, tens of thousands of calls on the bundled corpus."""

    __slots__ = ("pattern", "needed", "search", "finditer", "sub")

    def __init__(self, pattern: re.Pattern):
        self.pattern, self.needed = pattern, required_texts(pattern)
        if not self.needed:
            self.search, self.finditer, self.sub = pattern.search, pattern.finditer, pattern.sub
            return
        may_match = _holds_one(self.needed, bool(pattern.flags & re.I))
        search, finditer, sub = pattern.search, pattern.finditer, pattern.sub
        self.search = lambda text: search(text) if may_match(text) else None
        self.finditer = lambda text: finditer(text) if may_match(text) else iter(())
        self.sub = lambda repl, text: sub(repl, text) if may_match(text) else text


def _holds_one(needed: tuple[str, ...], fold: bool):
    """text → whether it holds one of ``needed`` (lower-cased first when ``fold``)."""
    if len(needed) == 1:
        one = needed[0]
        return (lambda text: one in text.lower()) if fold else (lambda text: one in text)
    if fold:
        return lambda text: any(map(text.lower().__contains__, needed))
    return lambda text: any(map(text.__contains__, needed))


@lru_cache(maxsize=256)
def _phrase_table(phrases: tuple[str, ...]) -> tuple[frozenset, tuple, tuple]:
    """A phrase list as (whole texts, starts, "~" parts) for C-level tests."""
    whole, starts, parts = set(), [], []
    for p in phrases:
        if p.startswith("~ "):
            parts.append(p[2:])
        else:
            whole.add(p)
            starts += [p + " ", p + ":", p + ","] + ([p] if p.endswith(" ") else [])
    return frozenset(whole), tuple(starts), tuple(parts)


def phrase_match(text: str, phrases: list[str]) -> bool:
    """Phrase list semantics of rules/sections.yaml: the whole text, its start (before a
    space, ":" or ","; or any start for a phrase ending in a space), or "~ x" anywhere."""
    return _in_table(_phrase_text(text), _phrase_table(tuple(phrases)))


def _phrase_text(text: str) -> str:
    return norm(text).strip(" :!?.…")  # (a heading trailed by an ellipsis: "Vi lyssnar...")


def _in_table(low: str, table: tuple[frozenset, tuple, tuple]) -> bool:
    whole, starts, parts = table
    return low in whole or low.startswith(starts) or any(p in low for p in parts)


@lru_cache(maxsize=4)
def _heading_tables(rules: Rules) -> tuple[tuple[str, tuple], ...]:
    return tuple((kind, _phrase_table(tuple(phrases))) for kind, phrases in rules.sections["headings"].items())


@lru_cache(maxsize=4096)
def heading_kind(text: str, rules: Rules) -> str | None:
    """The first kind of rules/sections.yaml ``headings`` whose phrases match the heading (the
    text folded once for all kinds); for a heading none matches, the first whose phrase it
    holds misspelt (``heading_typo_min_letters``)."""
    low = _phrase_text(text)
    for kind, table in _heading_tables(rules):
        if _in_table(low, table) or kind == "situation" and is_survey_heading(text, rules):
            return kind
    words = [w.strip(":,") for w in low.split()]
    index = _typo_index(rules)
    if not any(misspelt(w, p, rules) for w in words for p in index.get((w[:1], w[-2:]), ())):
        return None  # no word of it is a long phrase word misspelt: most lines, told at a dict lookup a word
    for kind, phrases in _typo_tables(rules):
        if any(_holds_misspelt(words, phrase, anywhere, rules) for phrase, anywhere in phrases):
            return kind
    return None


@lru_cache(maxsize=4)
def _typo_tables(rules: Rules) -> tuple[tuple[str, tuple[tuple[tuple[str, ...], bool], ...]], ...]:
    """Per kind, in order, its phrases (the survey headings with situation) that have a word long
    enough to be told misspelt: (words, matched anywhere)."""
    long = rules.sections["heading_typo_min_letters"]
    out = []
    for kind, phrases in rules.sections["headings"].items():
        phrases = phrases + (rules.sections["survey_headings"] if kind == "situation" else [])
        split = [(tuple(p[2:].split()), True) if p.startswith("~ ") else (tuple(p.split()), False) for p in phrases]
        out.append((kind, tuple((ws, anywhere) for ws, anywhere in split if any(len(w) >= long for w in ws))))
    return tuple(out)


@lru_cache(maxsize=4)
def _typo_index(rules: Rules) -> dict[tuple[str, str], tuple[str, ...]]:
    """The long words of ``_typo_tables`` by what a misspelling keeps of them (first letter, last two)."""
    index: dict[tuple[str, str], set[str]] = {}
    long = rules.sections["heading_typo_min_letters"]
    for _, phrases in _typo_tables(rules):
        for ws, _ in phrases:
            for w in ws:
                if len(w) >= long:
                    index.setdefault((w[:1], w[-2:]), set()).add(w)
    return {k: tuple(sorted(v)) for k, v in index.items()}


def _holds_misspelt(words: list[str], phrase: tuple[str, ...], anywhere: bool, rules: Rules) -> bool:
    """The heading's words start with the phrase's (hold them anywhere, for a "~" phrase), one or more
    of its long words misspelt, the others as they are."""
    n = len(phrase)
    for at in range(len(words) - n + 1 if anywhere else min(1, len(words) - n + 1)):
        pairs = list(zip(words[at:at + n], phrase))
        if any(w != p for w, p in pairs) and all(w == p or misspelt(w, p, rules) for w, p in pairs):
            return True
    return False


def misspelt(word: str, target: str, rules: Rules) -> bool:
    """``word`` is the long word ``target`` with one letter dropped, added or changed inside it (edit
    distance 1, the first letter and the last two kept): "medborgalöften" for "medborgarlöften",
    "uppfölining" for "uppföljning". A change at the end is another form of the word ("medborgarlöftena",
    "kontaktperson"), one at the start often another word ("anledning", "inledning")."""
    if len(target) < rules.sections["heading_typo_min_letters"] or word == target \
            or word[:1] != target[:1] or word[-2:] != target[-2:] or abs(len(word) - len(target)) > 1:
        return False
    i = 0
    while i < min(len(word), len(target)) and word[i] == target[i]:
        i += 1
    return word[i + (len(word) >= len(target)):] == target[i + (len(target) >= len(word)):]


def is_survey_heading(text: str, rules: Rules) -> bool:
    """A survey's results as a heading ("Resultat trygghetsenkät våren 2021"): a situation heading
    that leaves the lead's situation sentences to be read too."""
    return phrase_match(text, rules.sections["survey_headings"])


def has_situation_section(seg: "Segment", rules: Rules) -> bool:
    """The segment has a situation section other than the text under survey headings."""
    heads = [b.text for b, section in seg.blocks if section == "situation:heading"]
    return any(section == "situation" for _, section in seg.blocks) \
        and (not heads or not all(is_survey_heading(h, rules) for h in heads))


_ISO_DATE = re.compile(rf"\b({YEAR})-\d\d-\d\d\b")


def year_range(text: str) -> tuple[int, int] | None:
    """The first year or year range in the text ("2023-2024", "2020/21", "2021-05-01 - 2022-05-01").
    A year starts with "19" or "20": a text with neither (most headings) has none."""
    if "19" not in text and "20" not in text:
        return None
    m = YEAR_RANGE.search(_ISO_DATE.sub(r"\1", text))
    if not m:
        return None
    start = int(m.group(1))
    end = m.group(2)
    if end is None:
        return start, start
    end_i = int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
    return (start, end_i) if start <= end_i <= start + 10 else (start, start)


_LETTERS = re.compile(r"[a-zåäö]+")


@lru_cache(maxsize=4)
def _period_heading_words(rules: Rules) -> frozenset[str]:
    return frozenset(rules.records["period_heading_words"])


def is_period_heading(block: Block, rules: Rules) -> tuple[int, int] | None:
    if block.kind != "heading":
        return None
    if _period_heading_words(rules).isdisjoint(_LETTERS.findall(norm(block.text))):
        return None
    if heading_kind(block.text, rules) in ("other", "follow_up"):
        return None
    return year_range(block.text)


def is_report_heading(block: Block, rules: Rules) -> bool:
    """A heading that opens a report on how an earlier promise went and names its period
    ("Uppföljning juni-augusti", "Uppföljning av medborgarlöften för perioden december-februari"),
    or says so by itself ("Så har det gått"): rules/records.yaml report_section_starts."""
    if block.kind != "heading":
        return False
    rec, low = rules.records, norm(block.text)
    if low.startswith(tuple(rec["report_section_headings"])):
        return True
    if not low.startswith(tuple(rec["report_section_starts"])):
        return False
    words = set(_LETTERS.findall(low))
    return year_range(block.text) is not None or not words.isdisjoint(rec["months"]) \
        or not words.isdisjoint(rec["report_section_period_words"])


@dataclass
class Segment:
    blocks: list[tuple[Block, str]] = field(default_factory=list)  # (block, section)
    heading: Block | None = None
    heading_years: tuple[int, int] | None = None
    doc_type: str | None = None  # "uppfoljning" for a report section of a promise page

    @property
    def text(self) -> str:
        return "\n".join(b.text for b, _ in self.blocks)


def segment(blocks: list[Block], rules: Rules, reported=None) -> list[Segment]:
    """The page's blocks, each with its section, cut into one segment per period. With
    ``reported`` (a text → bool that tells a reported past action), a report heading with such an
    action below it (before the next period heading) starts a segment of its own, of
    doc_type uppfoljning."""
    segments = [Segment()]
    section = "lead"
    title_seen = False
    other_starts = rules.sections["other_paragraph_starts"]
    aside_from = None  # the section an aside heading ("Mål") broke off, back under the next plain heading
    for i, block in enumerate(blocks):
        is_title = block.kind == "heading" and not title_seen
        title_seen = title_seen or block.kind == "heading"
        if reported is not None and not is_title and is_report_heading(block, rules) \
                and _reports_below(blocks, i, rules, reported):
            segments.append(Segment(heading=block, heading_years=year_range(block.text), doc_type="uppfoljning"))
            segments[-1].blocks.append((block, "period_heading"))
            section = "activities"
            continue
        years = is_period_heading(block, rules)
        if years is not None:
            cur = segments[-1]
            if cur.heading is None and (is_title or not _has_items(cur)):
                cur.heading, cur.heading_years = block, years
            elif cur.heading_years != years or cur.doc_type is not None:
                segments.append(Segment(heading=block, heading_years=years))
            segments[-1].blocks.append((block, "title" if is_title else "period_heading"))
            if not is_title:
                section = "other" if heading_kind(block.text, rules) == "other" else "activities"
                aside_from = None
            continue
        if is_title:
            segments[-1].blocks.append((block, "title"))
            continue
        if block.kind == "heading":
            kind = heading_kind(block.text, rules)
            if kind is None and aside_from is not None:
                section, aside_from = aside_from, None  # the aside is over (rules/sections.yaml aside_headings)
            elif kind is not None:
                aside = kind == "other" and phrase_match(block.text, rules.sections["aside_headings"])
                aside_from = (aside_from or section) if aside else None
                section = kind
            segments[-1].blocks.append((block, section if kind is None else f"{kind}:heading"))
            continue
        if phrase_match(block.text, other_starts):
            section, aside_from = "other", None
        segments[-1].blocks.append((block, section))
    return segments


def _reports_below(blocks: list[Block], i: int, rules: Rules, reported) -> bool:
    """A reported past action in the blocks after block ``i``, before the next period or
    report heading, or a heading of the promise's own sections ("Inledning", "Problembild": a
    report's title linked above the promise, polisen-se__horby)."""
    for block in blocks[i + 1:]:
        if is_period_heading(block, rules) is not None or is_report_heading(block, rules) \
                or block.kind == "heading" and heading_kind(block.text, rules) in ("other", "situation"):
            return False
        if reported(block.text):
            return True
    return False


def _has_items(seg: Segment) -> bool:
    return any(b.kind == "item" for b, _ in seg.blocks)
