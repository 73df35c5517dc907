"""The compiled word lists match exactly what their plain definitions say.

Speed work compiles the rule vocabularies (tries, look-aheads, sets); these tests hold each
compiled form to the plain definition it replaces — one regex alternative per word, a loop
over the phrases — on random words and texts drawn from a small alphabet, where prefixes,
overlaps and word boundaries collide often.
"""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from pipeline.activities import _words_spaced
from pipeline.sections import (FOLDS_PLAIN, Needing, alternation, can_end, final_chars, phrase_match,
                               required_text, required_texts)
from pipeline.taxonomy import _compile

ALPHABET = "abå -*:,"
words = st.text(alphabet="abå-", min_size=0, max_size=4)
texts = st.text(alphabet="abå -:,!?", max_size=30)


@settings(max_examples=400, deadline=None)
@given(st.lists(words, min_size=1, max_size=6), texts, st.booleans())
def test_alternation_tries_literals_like_a_list_longest_first(literals, text, anchored):
    """Same match, same span, same group as the literals sorted longest first; also
    inside a longer pattern that makes the engine backtrack into shorter literals."""
    flat = "|".join(sorted(map(re.escape, literals), key=len, reverse=True))
    tail = r"(b*)a" if anchored else ""
    want = re.search(rf"(?:{flat}){tail}", text)
    got = re.search(rf"(?:{alternation(literals)}){tail}", text)
    assert (want and (want.span(), want.groups())) == (got and (got.span(), got.groups()))



def test_required_text_is_in_every_match():
    """The substring test before a rule's search (rules/sections.yaml focus_named_in,
    promise_focus …) never skips a text the search would match."""
    pat = re.compile(r"\bfokusområden?\b[^.:]{0,60} är (?!att\b)(?P<areas>[^.:]+)")
    assert required_text(pat) == "fokusområde"
    assert required_text(re.compile(r"(?:för att|i syfte att) (?P<aim>.+?) lovar")) == " lovar"
    # case-insensitive: lower-cased, to look for in the lower-cased text; no "s" or "i"
    assert required_text(re.compile("Fokus på", re.I)) == "foku"
    assert required_text(re.compile(r"samverkans(avtal|överenskommelse)\w*", re.I)) == "amverkan"
    assert required_text(re.compile(r"(?im)^\s*publicera[dt]")) == "publ"


def test_folds_plain_every_code_point():
    """Every character a case-insensitive regex matches to a FOLDS_PLAIN character lower-cases
    to it (so the lower-cased text of a match holds the lower-cased literal)."""
    plain = re.compile("[" + re.escape("".join(sorted(FOLDS_PLAIN))) + "]", re.I)
    for cp in range(0x110000):
        ch = chr(cp)
        if plain.fullmatch(ch):
            assert [c for c in FOLDS_PLAIN if re.fullmatch(re.escape(c), ch, re.I)] == [ch.lower()], hex(cp)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Ab", "a?", "(?:b|å)", "(a B)", "[ab]", "(?:ÅA)", " ", "b*", "\\b", "sI", "k"]),
                min_size=1, max_size=6), st.text(alphabet="abåABÅsSſiIıİkK -", max_size=30))
def test_required_text_holds_for_any_case_insensitive_pattern(parts, text):
    pat = re.compile("".join(parts), re.I)
    m = pat.search(text)
    assert m is None or required_text(pat) in m.group().lower()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["ab", "a?", "(?:b|å)", "(a b)", "[ab]", "(?:åa)", " ", "b*", "\\b"]),
                min_size=1, max_size=6), texts)
def test_required_text_holds_for_any_pattern(parts, text):
    pat = re.compile("".join(parts))
    m = pat.search(text)
    assert m is None or required_text(pat) in m.group()

PARTS = ["ab", "a?", "(?:b|å)", "(a b)", "[ab]", "(?:åa)", " ", "b*", "\\b", "|", "(?:a|b|)", "(?:ba|åb)", "$"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PARTS), min_size=1, max_size=7), texts, st.booleans())
def test_a_needing_search_finds_what_the_search_finds(parts, text, fold):
    """The texts of which every match holds one (required_texts) never skip a text the search
    would match: Needing's search and finditer give the pattern's own answers."""
    try:
        pat = re.compile("".join(parts), re.I if fold else 0)
    except re.error:
        return
    m, got = pat.search(text), Needing(pat).search(text)
    assert (m and m.span()) == (got and got.span())
    assert [x.span() for x in pat.finditer(text)] == [x.span() for x in Needing(pat).finditer(text)]
    if m is not None and m.group():
        low = m.group().lower() if fold else m.group()
        needed = required_texts(pat)
        assert not needed or any(n in low for n in needed)


def test_required_texts_of_a_group_of_alternatives():
    general = re.compile(r"(?:arbeta|jobba) för (?:att )?öka|\bgöra (?:\S+ ){1,3}?till en trygg")
    assert required_texts(general) == (" för ", "till en trygg")
    named = re.compile(r"\b(?:prioriteringar(?:na)?|fokusområden(?:a)?)\b(?: \S+){0,8}? (?:är|blir) ")
    assert required_texts(named) == ("prioriteringar", "fokusområden")
    assert required_texts(re.compile(r"a|b*")) == ()  # an alternative that holds nothing


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PARTS + ["\\.{2,3}", "…", ";", "(?:\\.|;)+", "[;.]"]), min_size=1, max_size=6),
       st.text(alphabet="abå .;…\n", max_size=20))
def test_a_text_that_cannot_end_a_match_has_none(parts, text):
    """final_chars: a text whose last character (before a closing line break) none of a match's
    can be has no match (rules/activities.yaml leadin_end)."""
    try:
        pat = re.compile("".join(parts))
    except re.error:
        return
    ends = final_chars(pat)
    if pat.search(text) is not None:
        assert can_end(text, ends)
    if ends is not None:
        assert ends.issuperset(m.group()[-1] for m in pat.finditer(text) if m.group())


def test_final_chars_of_the_leadin_end_rule():
    assert final_chars(re.compile(r"(?:\batt|\blovar|\bkommer)\s*(?:\.{2,3}|…|;)$")) == {".", "…", ";"}
    assert final_chars(re.compile(r"att\s*$")) is None  # (its last character can be a space)
    assert final_chars(re.compile(r"att;$", re.M)) is None


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab å\n\t\u00a0\u2028", max_size=30), st.text(alphabet="ab å\n-", max_size=12),
       st.integers(0, 31), st.integers(0, 32))
def test_a_wrapped_piece_is_found_where_the_regex_finds_it(text, piece, start, end):
    """_span_of's word walk finds what ``\\s+`` between the escaped words finds, in the same bounds."""
    words = piece.split()
    if not words:
        return
    m = re.compile(r"\s+".join(map(re.escape, words))).search(text, start, end)
    assert (m and m.span()) == _words_spaced(text, words, start, end)


def _reference_pattern(rule_words: list[str]) -> re.Pattern:
    """rules/taxonomy.yaml's semantics, one alternative per word: a word matches the start
    of a word, "*word" the end of one, "*word*" anywhere; a phrase with spaces anywhere."""
    alts = []
    for w in rule_words:
        w = w.lower()
        if " " in w:
            alts.append(re.escape(w.strip("*").replace("*", "")))
        elif w.startswith("*") and w.endswith("*"):
            alts.append(re.escape(w[1:-1]))
        elif w.startswith("*"):
            alts.append(re.escape(w[1:]) + r"(?!\w)")
        else:
            alts.append(r"(?<!\w)" + re.escape(w.removesuffix("*")))
    return re.compile("|".join(alts))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=5), min_size=1, max_size=6), texts)
def test_taxonomy_words_match_as_documented(rule_words, text):
    assert bool(_compile(rule_words).search(text)) == bool(_reference_pattern(rule_words).search(text))


def test_taxonomy_word_kinds_on_examples():
    pat = _compile(["trafik", "*drog*", "*inbrott", "våld i nära"])
    assert pat.search("trafiksäkerhet") and pat.search("ökad trafik")
    assert not pat.search("motortrafik")  # a start word does not match inside a word
    assert pat.search("narkotikadroger")  # *drog*: anywhere
    assert pat.search("bostadsinbrott") and not pat.search("inbrotten")  # *inbrott: the end
    assert pat.search("mäns våld i nära relationer")


def _reference_phrase_match(low: str, phrases: list[str]) -> bool:
    for p in phrases:
        if p.startswith("~ "):
            if p[2:] in low:
                return True
        elif low == p or low.startswith((p + " ", p + ":", p + ",")) or p.endswith(" ") and low.startswith(p):
            return True
    return False


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet="ab :,~", max_size=5), max_size=6), texts)
def test_phrase_match_as_documented(phrases, text):
    low = " ".join(text.lower().split()).strip(" :!?")
    assert phrase_match(text, phrases) == _reference_phrase_match(low, phrases)


_CHANNEL_WORDS = ["råd", "brå", "lokala brå", "~träffar", ".se", "www.", "x:", "möte", "möten"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CHANNEL_WORDS + ["område", "s", " ", "å", ".", "~"]), max_size=6))
def test_channel_tries_match_as_the_word_list(parts):
    """rules/sections.yaml ``channels``: a word at the start of a word, a "~" or non-letter
    entry anywhere; the tries of activities._channel_res find a match exactly when the flat
    list does."""
    from pipeline.activities import _channel_res

    class R:  # the one rule list _channel_res reads
        sections = {"channels": {"c": _CHANNEL_WORDS}}
    flat = re.compile("|".join(re.escape(w.removeprefix("~")) if not w[:1].isalpha()
                               else r"(?<![\wåäö])" + re.escape(w) for w in _CHANNEL_WORDS))
    text = "".join(parts)
    assert bool(_channel_res(R()).get("c").search(text)) == bool(flat.search(text))


def test_one_search_of_the_leadin_lists_finds_what_any_of_them_finds():
    """``_leadin_kind`` skips the six lead-in searches on a text its one pattern of all six
    misses: that pattern matches exactly where one of them does (each phrase, texts around it)."""
    from pipeline.activities import _focus_leadin_re, _leadin_lists_re, _tables
    from pipeline.rules import load_rules

    rules = load_rules()
    t, sec = _tables(rules), rules.sections
    lists = ["place_leadins", "follow_up_leadins", "situation_leadins", "effect_leadins", "focus_leadins"]
    tests = [t.place_leadin, t.follow_up_leadin, t.situation_leadin, t.effect_leadin, _focus_leadin_re(rules).search,
             t.long_run_goal]
    phrases = [p for name in lists for p in sec[name]] + rules.activities["long_run_goal_leadins"]
    samples = [f"{pre}{p}{post}" for p in phrases for pre in ("", "x", "vi ") for post in ("", ":", "s")]
    samples += [p[1:] for p in phrases] + [p[:-1] for p in phrases] + ["insatser:", "vi lovar att:", ""]
    for text in samples:
        assert (_leadin_lists_re(rules).search(text) is not None) == any(f(text) is not None for f in tests), text
