"""Segment → focus areas, activities, situation, follow-up and expected effect.

Walks the blocks of one segment in order, keeping the section, the focus-area heading in
force, the actors a heading names ("Polisen lovar att:") and what a lead-in line ending
with ":" introduces (focus areas, places, channels, or activities).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from .actors import actor_spans, has_actor, read_actors, resolve_actors, order_codes
from .backends.text import ends_leadin
from .frequency import parse_frequency
from .models import Activity, Block, FocusArea, FollowUp, Frequency, Measurable
from .rules import Rules
from .sections import (Needing, Segment, alternation, either, first_letters, heading_kind, norm, phrase_match, required_text,
                       year_range)
from .taxonomy import categorize

_WORD = re.compile(r"[a-zåäöéü]+(?:-[a-zåäö]+)*")


@dataclass
class Draft:
    """What one segment says, before record-level normalization."""

    focus_areas: list[FocusArea] = field(default_factory=list)
    activities: list[dict] = field(default_factory=list)
    situation: list[str] = field(default_factory=list)
    follow_up: list[str] = field(default_factory=list)
    follow_up_headings: list[str] = field(default_factory=list)  # those of follow_up read from a heading
    effect: list[str] = field(default_factory=list)
    promise_sentences: list[Span | Doc] = field(default_factory=list)
    promise_leadins: list[Span] = field(default_factory=list)  # a list's lead-ins that promise ("… lovar X, Y och Z:")


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    """The words of a text (cached: a sentence is asked about by several rules)."""
    return tuple(_WORD.findall(text.lower()))


_NEVER = re.compile(r"(?!)")
# A word start, checked right after a word's first character: the same as ``(?<![\wåäö])``
# before it (and as ``\b`` before a word that starts with a letter, as all these vocabularies'
# words do), but a trie of words then starts each branch with a literal character, which the
# regex engine looks for before trying anything else.
_AFTER_WORD_START = r"(?<![\wåäö](?s:.))"


def _any_in(literals: list[str] | tuple[str, ...]):
    """``any(p in text for p in literals)`` as the search of one trie-shaped alternation."""
    return (re.compile(alternation(literals)) if literals else _NEVER).search


@dataclass(frozen=True)
class _Tables:
    """The word lists of rules/*.yaml that the per-sentence rules test, compiled once per
    load: substring lists as one search each, prefix lists as tuples, word lists as sets."""

    follow_up_cue: object
    follow_up_gap: Needing
    not_follow_up_phrase: object
    period_starts: tuple[str, ...]
    report_means_starts: tuple[str, ...]
    not_activity_phrase: object
    not_item_phrase: object
    quote_speech: object
    quote_start: re.Pattern
    note_start: re.Pattern
    not_activity_starts: tuple[str, ...]
    activity_starts_despite: tuple[str, ...]
    past: frozenset
    negations: frozenset
    negation_clause_starts: frozenset
    commit: frozenset
    restated: frozenset
    restated_modal: frozenset
    report_ongoing: frozenset
    focus_word: object
    focus_cue: object
    focus_cue_gap: Needing
    focus_then_promise: Needing
    focus_plan: Needing
    focus_cue_before: object
    focus_cues_before: tuple[str, ...]  # the sentence cues, then the title cues (in the order tried)
    place_leadin: object
    follow_up_leadin: object
    situation_leadin: object
    effect_leadin: object
    effect_sentence_cue: object
    situation_sentence_cue: object
    situation_quote: object
    not_situation_phrase: object
    purpose_starts: tuple[str, ...]
    footer_cue: object
    generic_title_words: frozenset
    summary_not_words: frozenset
    cut_sentence_words: frozenset
    long_run_goal: object
    follow_up_joined: Needing
    general_focus: Needing
    focus_object_before: Needing
    back_ref: Needing
    back_ref_situation: Needing
    back_ref_problems: Needing
    back_ref_findings: frozenset[str]
    promise_sentence: object
    activity_leadin: object
    more_focus_promise: Needing
    task_included_starts: tuple[str, ...]
    added_promise_starts: tuple[str, ...]
    effect_section_promise: Needing
    promise_named: re.Pattern
    added_work_continues: re.Pattern
    lead_action_promise: re.Pattern
    note_starred_term: re.Pattern


@lru_cache(maxsize=4)
def _tables(rules: Rules) -> _Tables:
    a, sec = rules.activities, rules.sections
    cues_before = tuple(sec["focus_sentence_cues_before"] + sec["focus_title_cues_before"])
    return _Tables(
        follow_up_cue=_any_in(sec["follow_up_sentence_cues"]), follow_up_gap=Needing(either(sec["follow_up_sentence_patterns"])),
        not_follow_up_phrase=_any_in(sec["not_follow_up_phrases"]),
        period_starts=tuple(a["period_or_follow_up_starts"]), report_means_starts=tuple(a["report_means_starts"]),
        not_activity_phrase=_any_in(a["not_activity_phrases"]),
        not_item_phrase=_any_in(a["quote_speech_cues"] + a["not_activity_item_phrases"]),
        quote_speech=_any_in(a["quote_speech_cues"]), quote_start=re.compile(a["quote_paragraph_start"]),
        note_start=re.compile(a["note_paragraph_start"]),
        not_activity_starts=tuple(a["not_activity_starts"]),
        activity_starts_despite=tuple(a["activity_starts_despite"]),
        past=frozenset(a["past_markers"]), negations=frozenset(a["negations"]),
        negation_clause_starts=frozenset(a["negation_clause_starts"]),
        commit=frozenset(a["commitment_words"]), restated=frozenset(a["restated_promise_words"]),
        restated_modal=frozenset(a["restated_modal_words"]),
        report_ongoing=frozenset(a["report_ongoing_words"]),
        focus_word=_any_in(sec["focus_sentence_words"]), focus_cue=_any_in(sec["focus_sentence_cues"]),
        focus_cue_gap=Needing(either(sec["focus_sentence_cue_gap"])),
        focus_then_promise=Needing(re.compile(sec["focus_then_promise"])),
        focus_plan=Needing(either(sec["focus_plan_sentences"])),
        focus_cue_before=_any_in(cues_before), focus_cues_before=cues_before,
        place_leadin=_any_in(sec["place_leadins"]), follow_up_leadin=_any_in(sec["follow_up_leadins"]),
        situation_leadin=_any_in(sec["situation_leadins"]), effect_leadin=_any_in(sec["effect_leadins"]),
        effect_sentence_cue=_any_in(sec["effect_sentence_cues"]),
        situation_sentence_cue=_any_in(sec["situation_sentence_cues"]),
        situation_quote=_any_in(sec["situation_quote_phrases"]),
        not_situation_phrase=_any_in(sec["not_situation_phrases"]),
        purpose_starts=tuple(sec["purpose_sentence_starts"]),
        footer_cue=_any_in(a["footer_line_cues"]),
        generic_title_words=frozenset(rules.taxonomy["generic_title_words"]),
        summary_not_words=frozenset(sec["summary_line_not_words"]),
        cut_sentence_words=frozenset(sec["cut_sentence_words"]),
        long_run_goal=_any_in(a["long_run_goal_leadins"]),
        follow_up_joined=Needing(either(sec["follow_up_joined_to_action"], action=_plain_verbs(a["action_verbs"]))),
        general_focus=Needing(either(sec["focus_general_aims"])), back_ref=Needing(either(sec["focus_back_refs"])),
        back_ref_situation=Needing(either(sec["focus_back_refs_situation"])),
        back_ref_problems=Needing(either(sec["focus_back_refs_problembild"])),
        back_ref_findings=frozenset(sec["focus_back_ref_findings"]),
        focus_object_before=Needing(re.compile(sec["focus_object_before"])),
        promise_sentence=_word_re(tuple(a["promise_sentence_words"] + rules.actors["signing_cues"])).search,
        activity_leadin=_word_re(tuple(a["activity_leadin_words"])).search,
        more_focus_promise=Needing(re.compile(a["more_focus_promise"])),
        task_included_starts=tuple(a["task_included_starts"]),
        added_promise_starts=tuple(a["added_promise_starts"]),
        effect_section_promise=Needing(re.compile(a["effect_section_promise"])),
        added_work_continues=re.compile(a["added_work_continues"]),
        promise_named=re.compile(a["promise_named"].replace(
            "{verbs}", "|".join(map(re.escape, a["action_infinitives"] + a["prose_infinitive_starts"])))),
        lead_action_promise=re.compile(a["lead_action_promise"].replace(
            "{verbs}", "|".join(map(re.escape, a["action_infinitives"]))).replace(
            "{working}", a["goal_on_working"].removeprefix("^(?:att )?"))),
        note_starred_term=re.compile(a["note_starred_term"]))


def _plain_verbs(verbs: list[str]) -> str:
    """The action verbs that are one word, as an alternation (``follow_up_joined_to_action``'s {action})."""
    return "|".join(re.escape(v.strip()) for v in verbs if v.strip().isalpha())


@lru_cache(maxsize=4)
def _action_re(rules: Rules) -> re.Pattern:
    """Action verbs as one pattern: a word starting with a stem, or a phrase."""
    return re.compile(alternation(rules.activities["action_verbs"], _AFTER_WORD_START))


@lru_cache(maxsize=4)
def _not_verb_re(rules: Rules) -> re.Pattern:
    """Words that start like an action verb but name a person or a thing (rules/activities.yaml)."""
    return re.compile(alternation(rules.activities["action_verb_not_words"], _AFTER_WORD_START) + r"[\wåäö]*")


def _acts(low: str, rules: Rules) -> bool:
    """The lower-cased text has an action verb, not counting the words that only look like one."""
    return _action_re(rules).search(_not_verb_re(rules).sub(" ", low)) is not None


def commits(text: str, rules: Rules) -> bool:
    """``text`` has a commitment word ("ska", "lovar", …: rules/activities.yaml)."""
    words = _own_words(_words(text), rules)
    if _tables(rules).commit.isdisjoint(words):  # most sentences: no word to test further
        return False
    return any(_commits_at(words, i, rules) for i in range(len(words)))


def _commits_at(words: tuple[str, ...], i: int, rules: Rules) -> bool:
    """``words[i]`` is a commitment word; one that commits only with "att" after it ("Polisen avser
    att …", not "Arbetet … avser samverkan kring …": rules/activities.yaml ``commitment_needs_att``)
    has it within the next two words."""
    w = words[i]
    if w not in _tables(rules).commit:
        return False
    return w not in rules.activities["commitment_needs_att"] or "att" in words[i + 1:i + 3]


def _own_words(words: tuple[str, ...], rules: Rules) -> tuple[str, ...]:
    """The words before a view of what should be done ("… tycker att kommunen ska …":
    rules/activities.yaml opinion_verbs): what comes after is no one's commitment."""
    verbs = rules.activities["opinion_verbs"]
    cut = next((i for i, w in enumerate(words[:-1]) if w in verbs and words[i + 1] == "att"), len(words))
    return words[:cut]


@lru_cache(maxsize=4096)
def is_follow_up_sentence(text: str, rules: Rules) -> bool:
    """(Cached: a sentence is asked about as a heading, an item, in the lead-text passes.)"""
    low, t = norm(text), _tables(rules)
    # (not following up joined to an action, "… ska genomföras och följas upp": rules/sections.yaml
    # follow_up_joined_to_action)
    cue = t.follow_up_cue(low) is not None or t.follow_up_gap.search(low) is not None
    return cue and t.not_follow_up_phrase(low) is None and t.follow_up_joined.search(low) is None


def is_period_statement(text: str, rules: Rules) -> bool:
    return norm(text).startswith(_tables(rules).period_starts)


def _generic(text: str, rules: Rules) -> bool:
    return _tables(rules).not_activity_phrase(" " + norm(text) + " ") is not None or _never_item(text, rules)


def _never_item(text: str, rules: Rules) -> bool:
    """A quote, a description of the genre or how the promise was made: no activity even as a bullet."""
    low = norm(text)
    return _tables(rules).not_item_phrase(" " + low + " ") is not None \
        or _goal_re(rules.activities["promise_making"]).search(low) is not None


def _marker(block: Block, doc_text: str) -> str:
    """The bullet an item was written with ("-", "•", …; "" for a paragraph or an item read
    from html)."""
    if block.kind != "item":
        return ""
    head = doc_text[doc_text.rfind("\n", 0, block.start) + 1:block.start].strip()  # its own line's
    return head if len(head) == 1 and head in "•-*·▪●◦‣" else ""


def _at_margin(block: Block, doc_text: str) -> bool:
    """The item's bullet stands first on its line, with no indent before it."""
    return not doc_text[doc_text.rfind("\n", 0, block.start) + 1:block.start][:1].isspace()


def _quotes(seg: Segment, rules: Rules, doc_text: str) -> frozenset[int]:
    """The blocks that are quotes or notes all through (ids): a paragraph that opens with a quote
    dash and names its speaker ("– … , säger X. …"), and a dash paragraph right after a quote, which
    goes on quoting though its speaker is named later or the page is cut before it; the same set
    with a hyphen, which reads as a bullet: a "- " item at the margin (not indented, as a list's
    may be) that stands after running text (a paragraph that ends a sentence and opens no list) or
    names its speaker, and one right after a quote (rules/activities.yaml quote_item_marker); and a
    footnote that explains a starred term (note_paragraph_start). Their sentences commit no one (rules/activities.yaml quote_speech_cues).
    Found once per segment (read_segment, aim_areas and the lead-text passes all ask), kept on it
    with the blocks it was found for; a frozenset, read only."""
    key = (tuple(id(b) for b, _ in seg.blocks), rules)
    kept = seg.__dict__.get("_quote_blocks")
    if kept is not None and kept[0] == key and kept[1] is doc_text:
        return kept[2]
    out = frozenset(_find_quotes(seg, rules, doc_text))
    seg.__dict__["_quote_blocks"] = (key, doc_text, out)  # (the segment holds the blocks: their ids stay theirs)
    return out


def _find_quotes(seg: Segment, rules: Rules, doc_text: str) -> set[int]:
    t = _tables(rules)
    hyphen = rules.activities["quote_item_marker"]
    out: set[int] = set()
    before = False  # the block before was a quote
    prev: Block | None = None

    def speech(block: Block) -> bool:  # (asked only of a dash paragraph or a hyphen item)
        return t.quote_speech(" " + norm(block.text) + " ") is not None

    blocks = [b for b, _ in seg.blocks]
    # (a quote stands at the margin, as every bundled page's does; an indented "- " is a list's glyph,
    # as the bundled pages' indented " • " is: polisen-se__are-3, polisen-se__varberg set with "-")
    hyphens = [b.kind == "item" and _marker(b, doc_text) == hyphen and _at_margin(b, doc_text) for b in blocks]
    # a footnote item is a lone "*" item: one in a run of them is a list item like its neighbours,
    # though the one before it ends in a starred word ("• … sociala insatsgrupper*" set with "*":
    # bench/perturb.py bullet*, www-fagersta-se__medborgarloftedecember2019…)
    stars = [_marker(b, doc_text) == rules.activities["note_item_marker"] for b in blocks]
    # a list of hyphen items after running text is a list of promises, unless an item of it names
    # its speaker (lone_or_said: the run of hyphen items from here is one item, or one says "säger")
    lone_or_said, run_said, run_len = [False] * len(blocks), False, 0
    for i in reversed(range(len(blocks))):
        if not hyphens[i]:
            run_said, run_len = False, 0
            continue
        run_said, run_len = run_said or speech(blocks[i]), run_len + 1
        lone_or_said[i] = run_len == 1 or run_said
    for i, block in enumerate(blocks):
        if block.kind == "paragraph":
            dash = t.quote_start.match(block.text.lstrip()) is not None
            before = dash and (before or speech(block))
            if t.note_start.match(block.text.lstrip()):
                out.add(id(block))
        elif stars[i] and not (i and stars[i - 1]) and not (i + 1 < len(blocks) and stars[i + 1]) \
                and prev is not None and t.note_starred_term.search(prev.text):
            out.add(id(block))  # "Kontakta ANDT*-samordnaren:" / "* alkohol, narkotika, dopn" (mala-se__id-17823)
        elif hyphens[i]:
            after_text = prev is not None and prev.kind == "paragraph" and prev.text.rstrip()[-1:] in ".!?" \
                and not opens_list(prev.text, rules) and not prev.text.rstrip().endswith(" följande.") \
                and lone_or_said[i]
            before = before or speech(block) or after_text
        else:
            before = False
        if before:
            out.add(id(block))
        prev = block
    return out


def _no_activity(*_args, **_kwargs) -> None:
    """The ``add_activity`` of a quote: its sentences still feed the rest of the draft."""


def is_past_report(words: tuple[str, ...], rules: Rules) -> bool:
    """A reported, past action: a past marker, or "har" with a supine (rules/activities.yaml)."""
    return not _tables(rules).past.isdisjoint(words) \
        or _goal_re(rules.activities["past_supine"]).search(" ".join(words)) is not None


def is_reported(text: str, rules: Rules) -> bool:
    """A text that reports a past action ("Drogtestning av avloppsvatten har genomförts enligt plan")."""
    return is_past_report(_words(norm(text)), rules)


def reported_only(draft: "Draft", seg: Segment, rules: Rules) -> None:
    """A promise page's report section (rules/records.yaml report_section_starts): its activities
    are what it reports done, in the past tense, or the items of a lead-in that says they were done
    ("Exempel på arbete som har genomförts i enlighet med inriktningen är:" • "Satsning på …"); the
    promises it repeats ("Inriktning" • "Polisen informerar kontinuerligt …") are none."""
    blocks = [b for b, _ in seg.blocks]

    def kept(act: dict) -> bool:
        if is_reported(act["text"], rules):
            return True
        start = act["span"][0] if act.get("span") else -1
        at = next((k for k, b in enumerate(blocks) if b.start <= start < b.end + 1), None)
        return at is not None and blocks[at].kind == "item" and _reported_lead(blocks, at, rules)

    draft.activities = [a for a in draft.activities if kept(a)]
    # nor are the topics of the promises it repeats its focus areas
    repeated = {" ".join(b.text.split()) for k, b in enumerate(blocks) if b.kind == "item"
                and not is_reported(b.text, rules) and not _reported_lead(blocks, k, rules)}
    gone = {fa.title for fa in draft.focus_areas if any(t.startswith(fa.title) for t in repeated)}
    draft.focus_areas = [fa for fa in draft.focus_areas if fa.title not in gone]
    for a in draft.activities:
        if a["focus_area"] in gone:
            a["focus_area"] = None


def _reported_lead(blocks: list[Block], k: int, rules: Rules) -> bool:
    """Item ``k``'s lead-in (the block before its list) says that its items were done."""
    lead = next((b for b in reversed(blocks[:k]) if b.kind != "item"), None)
    return lead is not None and lead.text.rstrip().endswith(":") and is_reported(lead.text, rules)


def is_commitment(sent: Span | Doc, rules: Rules, strict: bool, report: bool = False) -> bool:
    """A sentence that commits someone to act (CONTRACT.md: purpose, background and values
    are not activities). ``strict`` asks for a commitment word and a doer or action (for
    running text outside an activity section); ``report`` accepts reported past actions
    (follow-up reports) that name an action verb or a doer."""
    facts = _commitment_facts(sent.text.strip(), rules, report)
    if facts is None:
        return False
    commit, action, vi, past_only = facts
    if past_only and not action:
        # a report's past sentence with no action verb states a fact or result ("Övriga misstänkta har
        # varit äldre.": polisen-se__uppfoljning-medborgarlofte-2022; "Pandemin har lagt sig som ett lock
        # över vår verksamhet …": polisen-se__uppfoljning-av-medborgarloften-2020---lidkoping), as the
        # lead's strict reading has it; it reports an action only when a doer is named ("Polisen har under
        # året haft god kontakt med kommunen …")
        strict = True
    if commit and (not strict or action):
        return True
    if not strict and _opens_with_infinitive(sent.text, rules):
        return True  # "Arbeta med trygghetsskapande åtgärder i …" under an activity heading
    if not (commit if strict else action):
        return False
    if vi:  # the doer is "vi"; else one the actor rules find in the tokens
        return True
    doc = sent.doc if isinstance(sent, Span) else sent
    lo, hi = (sent.start, sent.end) if isinstance(sent, Span) else (0, len(sent))
    return has_actor(doc, lo, hi)


def _opens_with_infinitive(text: str, rules: Rules) -> bool:
    """Running text that opens with a bare infinitive of what the parties do ("Arbeta för mer synlig
    polis …": rules/activities.yaml ``prose_infinitive_starts``, ``action_infinitives``)."""
    words = _words(norm(text))
    a = rules.activities
    return bool(words) and (words[0] in a["prose_infinitive_starts"] or words[0] in a["action_infinitives"])


@lru_cache(maxsize=4096)
def _commitment_facts(text: str, rules: Rules, report: bool) -> tuple[bool, bool, bool, bool] | None:
    """What ``is_commitment`` reads from a sentence's text alone (cached): None when the
    text rules it out, else (a commitment word, an action verb, "vi", the commitment only a
    report's past tense)."""
    low = norm(text)
    words = _words(low)
    t = _tables(rules)
    if len(words) >= 3 and (t.promise_named.search(low) or t.added_work_continues.match(low)):
        return True, True, "vi" in words, False  # "Medborgarlöftet för 2019 är att genomföra …", "Utöver detta fortsätter …"
    if len(words) < 3 or text[:1] in "–-\"”" \
            or low.startswith(t.not_activity_starts) and not low.startswith(t.activity_starts_despite):
        return None
    focus_only = is_focus_sentence(text, rules) and not t.focus_then_promise.search(low) \
        and not t.more_focus_promise.search(low)  # "Vi ska öka vårt fokus på …"
    if _generic(text, rules) or _negated(words, rules) or focus_only \
            or is_general_aim(low, rules) or names_priorities(low, rules):
        return None
    if is_follow_up_sentence(text, rules) or is_period_statement(text, rules):
        return None
    past = is_past_report(words, rules)
    if past and not report or report and _restates_promise(words, past, rules):
        return None
    main = _main_commitment(words, rules) or low.startswith(t.task_included_starts)  # "I processen ingår dessutom att …"
    commit = main or (report and past)
    return commit, _acts(low, rules), "vi" in words, bool(commit and not main)


def _negated(words: tuple[str, ...], rules: Rules) -> bool:
    """A negation, unless the sentence commits before the first word that opens a clause of what for or
    of whom and the negation stands in that clause ("Polisen och kommunen ska … i syfte att antalet
    bostadsinbrott inte ska öka": rules/activities.yaml negation_clause_starts)."""
    t = _tables(rules)
    negations = t.negations
    if negations.isdisjoint(words):
        return False
    cut = next((i for i, w in enumerate(words) if w in t.negation_clause_starts), len(words))
    return not negations.isdisjoint(words[:cut]) or not _main_commitment(words[:cut], rules)


def _main_commitment(words: tuple[str, ...], rules: Rules) -> bool:
    """A commitment word that is not the verb of a relative clause ("… besökare som kommer till
    kommunen": rules/activities.yaml relative_before_commitment)."""
    rel = rules.activities["relative_before_commitment"]
    own = _own_words(words, rules)
    return any(_commits_at(own, i, rules) and (i == 0 or own[i - 1] not in rel) for i in range(len(own)))


def _promises(sent: Span, rules: Rules) -> bool:
    """A lead-in in which someone promises or acts: a commitment word, or a named actor with
    an action verb ("Under 2022 prioriterar polisen och kommunen följande:")."""
    low = norm(sent.text)
    if commits(low, rules) or _goal_re(rules.activities["promise_content_leadin"]).search(low):
        return True  # (also "Medborgarlöftet består av följande:": what the promise consists of)
    words = _words(low)
    if len(_own_words(words, rules)) < len(words):
        return False  # what residents think should be done ("Det medborgarna tycker att kommunen ska prioritera är:")
    named = has_actor(sent.doc, sent.start, sent.end)
    return named and _acts(low, rules)


@lru_cache(maxsize=4096)
def is_focus_sentence(text: str, rules: Rules) -> bool:
    low = norm(text)
    t = _tables(rules)
    for phrase in rules.activities["not_focus_phrases"]:
        low = low.replace(phrase, " ")
    cue = t.focus_cue(low) is not None or t.focus_cue_gap.search(low) is not None
    return (cue and t.focus_word(low) is not None) or t.focus_cue_before(low) is not None


# Joins between areas named in a list; not after a hyphenated first part
# ("narkotika- och alkoholrelaterad brottslighet", "cykel- och gångtrafikanter").
_AREA_JOIN = re.compile(r"(?<!-),\s*|(?<!-)\s+och\s+|(?<!-)\s+samt\s+")
_AREA_SPLIT = re.compile(r"[()]|" + _AREA_JOIN.pattern)  # the joins, and the parentheses they stay out of


def _split_areas(text: str) -> list[str]:
    """Areas named in a list, split at "," "och" "samt" outside parentheses ("narkotikan
    (försäljning och bruk) och trafiksituationen i Ekeby" → two)."""
    parts, depth, last = [], 0, 0
    for m in _AREA_SPLIT.finditer(text):
        if m.group() in "()":
            depth += 1 if m.group() == "(" else -1
        elif depth <= 0:
            parts.append(text[last:m.start()])
            last = m.end()
    return parts + [text[last:]]


_EXAMPLES = re.compile(r"\s(?:som|såsom|exempelvis|t\.ex\.)\s")


def _list_areas(text: str, rules: Rules) -> list[FocusArea]:
    """The areas of a list the page names as its focus, each titled with its own words. Once one
    part names a category the list is one of areas, and a part that names none is ``ovrigt``
    (CONTRACT.md: "Dessa är trafik, frånvaro av polis och …", "fokusområdena trafiksäkerhet, …,
    våld och …": polisen-se__alvdalen, polisen-se__vansbro, polisen-se__stromsund); a list
    whose parts name none is no list of areas. A lone word joined by "och" to the next part
    shares its head when neither names a category ("trygga och säkra evenemang": polisen-se__are);
    a part that gives examples keeps the next one of them ("mörka platser som gångtunnlar och
    motionsslingor": www-kungsbacka-se__medborgarlofte-2016)."""
    parts = [p.strip(' .:;,"”') for p in _split_areas(text)]
    cats = [categorize(p, rules, allow_other=False, fallback=not generic_title(p, rules)) for p in parts]
    if not any(cats):
        return []
    out: list[FocusArea] = []
    i = 0
    while i < len(parts):
        p, c = parts[i], cats[i]
        nxt = parts[i + 1] if i + 1 < len(parts) and not cats[i + 1] else None
        if nxt and f"{p} och {nxt}" in text and (
                not c and len(p.split()) == 1 and len(nxt.split()) > 1 or _EXAMPLES.search(p)):
            p = f"{p} och {nxt}"
            i += 1
            if not c:  # the pair as a whole: "trygga och säkra evenemang" is no generic title, its "trygga" counts
                c = categorize(p, rules, allow_other=False, fallback=not generic_title(p, rules))
        if p and not c and out and _joins_previous(out[-1].title, p, text, rules):
            out[-1].title = f"{out[-1].title} och {p}"  # "centrum och dess närområde": one area
        elif p:
            out.append(FocusArea(title=p, categories=c or ["ovrigt"]))
        i += 1
    return out


def _named_areas(text: str, rules: Rules) -> list[FocusArea]:
    """"Utifrån lägesbilden har fokusområdena trafiksäkerhet och narkotika prioriterats" → two
    areas (rules/sections.yaml ``focus_named_in``)."""
    folded = " ".join(text.split())
    low = folded.lower()
    for pat, needed in _purpose_res(rules, "focus_named_in"):
        m = needed in low and pat.search(low)
        if m:
            areas = folded[m.start("areas"):m.end("areas")]
            return _list_areas(areas, rules)
    return []


def _clause_end(clause: str, end: int, rules: Rules) -> int:
    """Where a focus clause ends: at the first of rules/sections.yaml ``focus_clause_stops`` before ``end``."""
    low = clause.lower()
    return min([j for stop in rules.sections["focus_clause_stops"] if (j := low.find(stop)) >= 0] + [end])


def _ends_in_object(part: str, rules: Rules) -> bool:
    """The part ends in a preposition and one word ("användningen av droger")."""
    words = part.lower().split()
    return len(words) >= 3 and words[-2] in rules.sections["focus_object_prepositions"]


def _joins_previous(before: str, part: str, text: str, rules: Rules) -> bool:
    """A list part that opens with a possessive pointing back (rules/sections.yaml
    ``focus_part_joins_previous``) and stands in the text as "before och part" belongs to the part
    before it: "centrum och dess närområde" is one area (in _list_areas and _focus_from_sentence both)."""
    return part.split()[0].lower() in rules.sections["focus_part_joins_previous"] and f"{before} och {part}" in text


def _joined(clause: str, first: str, second: str) -> bool:
    """"first och second" stands in the clause as a pair, not as the end of a comma list
    ("trygg och säker utemiljö", not "trygghet, säkerhet och narkotika")."""
    at = clause.find(f"{first} och {second}")
    return at >= 0 and not clause[:at].rstrip().endswith(",")


def _focus_from_sentence(text: str, rules: Rules) -> list[FocusArea]:
    """"Fokus ska ligga på ungdomar, drogförebyggande arbete och trafiksäkerhet" → three areas."""
    named = _named_areas(text, rules)
    if named or not is_focus_sentence(text, rules):
        return named  # (a list the sentence names as its areas wins over a focus cue before it)
    low = text.lower()
    sec = rules.sections
    cue = next((c for c in _tables(rules).focus_cues_before if c in low), None)
    if cue is not None:
        before = low.find(cue)
        head = text[:before]
        cut, skip = head.lower().rfind(" är det "), len(" är det ")
        if cut < 0:
            cut, skip = head.lower().rfind(" är "), len(" är ")
        clause = head[cut + skip:] if cut >= 0 else head
        clause = re.sub(r"\s+som\s*$", "", clause)  # "Därför är det unga som står i fokus" → "unga"
        title_cue = cue in sec["focus_title_cues_before"]  # (generic words named so are the area)
        cats = categorize(clause, rules, allow_other=False, fallback=title_cue or not generic_title(clause, rules))
        return [FocusArea(title=clause.strip(" ,."), categories=cats)] if cats else []
    gaps = [m.end() for m in _tables(rules).focus_cue_gap.finditer(low)]
    cue_at = max([low.rfind(c) + len(c) for c in sec["focus_sentence_cues"] if c in low] + gaps, default=-1)
    if cue_at < 0:
        return []
    clause = text[cue_at:]
    then = _tables(rules).focus_then_promise.search(clause.lower())
    clause = clause[:_clause_end(clause, then.start() if then else len(clause), rules)].strip(" .:;")
    if _tables(rules).general_focus.search(norm(clause)):
        return []  # "… fokusera på att tillsammans arbeta för en tryggare miljö i kommunen": every promise's aim
    parts = [p.strip(" .:;") for p in _split_areas(clause)]
    out = []
    for i, p in enumerate(parts):
        cats = categorize(p, rules, allow_other=False, fallback=not generic_title(p, rules))
        if p and cats and out and out[-1].title == parts[i - 1] and out[-1].categories == cats \
                and _joined(clause, parts[i - 1], p) and (
                    len(parts[i - 1].split()) == 1 or len(p.split()) <= 4 and _ends_in_object(parts[i - 1], rules)):
            # two names of one group are one area: "fokusera på barn och unga", "… på ungdomar och
            # unga vuxna i riskzon"; so are two objects of one preposition ("… minska användningen av droger
            # och alkohol i området": rules/sections.yaml focus_object_prepositions)
            out[-1].title = f"{parts[i - 1]} och {p}"
        elif p and cats:
            out.append(FocusArea(title=p, categories=cats))
        elif p and out and out[-1].title == parts[i - 1] and _joins_previous(parts[i - 1], p, clause, rules):
            out[-1].title = f"{parts[i - 1]} och {p}"  # "centrum och dess närområde"
        elif len(p.split()) == 1 and i + 1 < len(parts) and _joined(clause, p, parts[i + 1]):
            # a lone word shares the next part's head ("fokus på trygg och säker utemiljö"), not one
            # of a list ("Fokus på trygghet, säkerhet och narkotika": three)
            parts[i + 1] = f"{p} och {parts[i + 1]}"
        elif out and out[-1].title == parts[i - 1] and 0 < len(p.split()) <= 3 and all(w[:1].isupper() for w in p.split()) \
                and parts[i - 1].split()[-1][:1].isupper() and f"{parts[i - 1]} och {p}" in clause:
            # the second of two places ends the area before it: "… öka tryggheten i de centrala delarna
            # av Bro och Kungsängen", "… främst i kommundelarna Tureberg och Edsberg"
            out[-1].title = f"{parts[i - 1]} och {p}"
        elif i == len(parts) - 1 >= 2 and len(p.split()) >= 2 and p[:1].islower() and not generic_title(p, rules) \
                and p.split()[0].lower() not in rules.sections["focus_other_not_first"] \
                and all(categorize(q, rules, allow_other=False) for q in parts[:-1]):
            # a part of a list of areas that names no category is "ovrigt", as in _list_areas ("… fokusera på
            # ungdomar i riskzon, påverkade förare i trafiken och samverkan med näringslivet": polisen-se__toreboda-2)
            out.append(FocusArea(title=p, categories=["ovrigt"]))
    return out


@lru_cache(maxsize=8)
def _purpose_res(rules: Rules, key: str) -> tuple[tuple[re.Pattern, str], ...]:
    """Each pattern with the text every match of it holds (a substring test rules out most
    sentences before the search)."""
    return tuple((pat, required_text(pat)) for pat in map(re.compile, rules.sections[key]))


def purpose_focus(text: str, rules: Rules, key: str = "purpose_leadins") -> FocusArea | None:
    """A lead-in that groups promises by aim ("För att minska trafikproblemen lovar vi:"), or
    a sentence that says what the promise is about (``key="promise_focus"``) → a focus area,
    when the aim names a local priority (a category word)."""
    found = _purpose(text, rules, key)
    return FocusArea(title=found[0], categories=list(found[1])) if found else None


@lru_cache(maxsize=4096)
def _purpose(text: str, rules: Rules, key: str) -> tuple[str, tuple[str, ...]] | None:
    """The title and categories of ``purpose_focus`` (cached; each caller gets its own area)."""
    low = norm(text).rstrip(" :;")
    for pat, needed in _purpose_res(rules, key):
        m = needed in low and pat.search(low)
        if not m:
            continue
        folded = " ".join(text.split())
        cats = _aim_categories(m.group("aim"), folded[m.start("aim"):m.end("aim")], rules)
        if not cats:
            return None
        start, end = m.span("title") if "title" in pat.groupindex else m.span("aim")
        return folded[start:end].strip(" ,:;"), tuple(cats)
    return None


def means_focus(before: Span | None, leadin: str, rules: Rules) -> FocusArea | None:
    """"Detta gör vi genom att:": a lead-in that only says how; the aim is in the sentence before
    it ("Polisen och kommunen lovar att arbeta för ökad trafiksäkerhet."), in its paragraph or
    the line above."""
    if before is None or not phrase_match(leadin, rules.sections["means_leadins"]):
        return None
    return purpose_focus(before.text, rules, "aim_before_means")


def generic_title(text: str, rules: Rules) -> bool:
    """"Trygghet", "Ökad trygghet för alla": a title of only generic words names no area of
    its own (CONTRACT.md: its category comes from the text under it, else ``ovrigt``)."""
    words = _words(text)
    return bool(words) and _tables(rules).generic_title_words.issuperset(words)


def _first_named(doc, rules: Rules) -> list[str]:
    """The categories of a paragraph's first sentence that names one: under a generic title it names
    the area, the sentences after it its means ("Ökad trygghet" / "En annan åtgärd som vi följer upp för
    ökad trygghetskänsla är synlighet. Vi har … gjort spontana besök på skolor och fritidsgård …":
    polisen-se__uppfoljning-medborgarlofte-2020)."""
    first = _first_naming(doc, rules)
    return categorize(first.text, rules, allow_other=False, fallback=False) if first is not None else []


def _first_naming(doc, rules: Rules):
    """A paragraph's first sentence that names a category (None when none does)."""
    return next((sent for sent in list(doc.sents) or [doc]
                 if categorize(sent.text, rules, allow_other=False, fallback=False)), None)


def _focus_item(text: str, rules: Rules) -> FocusArea:
    title = re.split(r"\s+[–-]\s+|:\s", text, maxsplit=1)[0].strip(" .")
    cats = categorize(text, rules, allow_other=True, fallback=not generic_title(text, rules))
    return FocusArea(title=title or text, categories=cats)


_PAREN = re.compile(r"\s*\([^)]*\)")


def add_focus(draft: Draft, fa: FocusArea) -> FocusArea:
    """The area, or the one of the same title already named ("ANDTS (alkohol, narkotika …)" and
    "ANDTS" are one: the page names the area in its lägesbild and again over its promises)."""
    key = _PAREN.sub("", fa.title).lower()
    for old in draft.focus_areas:
        if _PAREN.sub("", old.title).lower() == key:
            if old.title == fa.title.lower() and old.title != fa.title:
                old.title = fa.title  # a heading names the area a sentence listed before: its own spelling
            return old
    draft.focus_areas.append(fa)
    return fa


@lru_cache(maxsize=4)
def _focus_leadin_re(rules: Rules) -> re.Pattern:
    return re.compile(alternation(rules.sections["focus_leadins"], _AFTER_WORD_START))


@lru_cache(maxsize=4096)
def _leadin_kind(text: str, rules: Rules) -> str:
    """What a line ending with ":" introduces: place, follow_up, situation, effect, activity,
    focus or none."""
    low = norm(text)
    t = _tables(rules)
    listed = _leadin_lists_re(rules).search(low) is not None  # (most lead-ins hold none: one search for six)
    if listed:
        for kind, holds in (("place", t.place_leadin), ("follow_up", t.follow_up_leadin),
                            ("situation", t.situation_leadin), ("effect", t.effect_leadin)):
            if holds(low):
                return kind
    if low.endswith(tuple(rules.sections["area_leadin_ends"])):
        return "focus"
    if low.endswith(("genom att:", "genom:")) or " lovar" in f" {low}":
        return "activity"
    if listed and _focus_leadin_re(rules).search(low):
        return "focus"
    if listed and t.long_run_goal(low):
        return "goal"  # "På sikt ska vi tillsammans bland annat:": what is to be reached, no promise
    if not t.activity_leadin(low):
        # "… de mål kommunen och polisen har tagit fram för 2022:": its items are goals
        return "goal" if _goal_leadin_re(rules).search(low) else "none"
    return "activity"


@lru_cache(maxsize=4)
def _leadin_lists_re(rules: Rules) -> re.Pattern:
    """Any phrase of the six lead-in lists ``_leadin_kind`` searches (place, follow-up, situation,
    effect, long-run goal and focus lead-ins), as one pattern: a lead-in that holds none of them
    needs none of their searches."""
    sec = rules.sections
    literals = sec["place_leadins"] + sec["follow_up_leadins"] + sec["situation_leadins"] \
        + sec["effect_leadins"] + rules.activities["long_run_goal_leadins"]
    parts = ([alternation(literals)] if literals else []) \
        + ([alternation(sec["focus_leadins"], _AFTER_WORD_START)] if sec["focus_leadins"] else [])
    return re.compile("|".join(f"(?:{p})" for p in parts)) if parts else _NEVER


@lru_cache(maxsize=4)
def _goal_leadin_re(rules: Rules) -> re.Pattern:
    return _word_re(tuple(rules.activities["goal_leadin_words"]))


@lru_cache(maxsize=None)
def _word_re(words: tuple[str, ...]) -> re.Pattern:
    """Any of these words or phrases, as whole words."""
    return re.compile(alternation(list(words), _AFTER_WORD_START) + r"(?![\wåäö])")


def _place_like(text: str) -> bool:
    """"Centrala Stenungsund", "Svanesund/Färjevägen": a place in a list, not a focus area."""
    words = text.replace("/", " ").split()
    return 0 < len(words) <= 3 and words[-1][:1].isupper()


def _name_like(text: str) -> bool:
    """"Niklas Årcén", "Hans-Bertil Sinclair": a signature, not a focus area."""
    words = text.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)


@lru_cache(maxsize=4)
def _actor_cue_re(rules: Rules) -> re.Pattern:
    return re.compile(alternation(rules.activities["actor_heading_cues"], _AFTER_WORD_START))


def _actor_heading(doc: Doc | Span, rules: Rules) -> tuple[str, ...]:
    """Actors a heading or lead-in names as the ones who act ("Åtgärder Polisen"); a short
    heading that is an organisation's name heads what it did or does ("Socialförvaltningen
    Hisingen", "Bostadsbolaget": polisen-se__sa-har-vi-uppfyllt-vart-lofte-2021-2022,
    goteborg-se__…)."""
    low = norm(doc.text)
    if not _actor_cue_re(rules).search(low):
        if len(low.split()) > 4 or low.endswith((".", ":")):
            return ()
        span = doc if isinstance(doc, Span) else doc[:]
        if not (has_actor(span.doc, span.start, span.start + 1) or _genitive_named(span)) \
                or categorize(doc.text, rules, allow_other=False) \
                or phrase_match(doc.text, rules.sections["signatory_headings"]):
            return ()  # (a heading that opens with an actor but names a topic: "Grannsamverkan")
    reading = read_actors(doc, rules)
    return tuple(order_codes(reading.subject + reading.partners, rules))


def _genitive_named(span: Span) -> bool:
    """"Göteborgs fotbollförbund": an organisation named with its place's genitive first; only
    a weak actor (not a party: "Lidköpings kommun" over a page is its furniture)."""
    if len(span) < 2 or not (span[0].is_title and span[0].lower_.endswith("s")):
        return False
    return any(m.start == span.start + 1 and m.label_.endswith(":weak") for m in actor_spans(span.doc))


def _span_of(block: Block, piece: str, doc_text: str) -> tuple[int, int]:
    """Offsets of ``piece`` (whitespace folded) in the document text, searched within its
    block; the block's own span when it cannot be found."""
    words = piece.split()
    if not words:
        return block.start, block.end
    exact = " ".join(words)
    end = block.end + 1
    i = doc_text.find(exact, block.start, end)
    if i >= 0:
        return i, i + len(exact)
    return _words_spaced(doc_text, words, block.start, end) or (block.start, block.end)


def _words_spaced(text: str, words: list[str], start: int, end: int) -> tuple[int, int] | None:
    """The first place in ``text[start:end]`` where the words stand one after another with
    whitespace between them (a wrapped line: a line break where the piece has a space): what
    ``re.search(r"\\s+".join(map(re.escape, words)), …)`` finds, without compiling a pattern per
    piece. A word has no whitespace, so the whitespace after it is all of the run there."""
    first, rest, end = words[0], words[1:], min(end, len(text))
    i = text.find(first, start, end)
    while i >= 0:
        j = i + len(first)
        for w in rest:
            k = j
            while k < end and text[k].isspace():
                k += 1
            if k == j or not text.startswith(w, k, end):
                break
            j = k + len(w)
        else:
            return i, j
        i = text.find(first, i + 1, end)
    return None


def read_segment(seg: Segment, docs: dict[int, Doc], doc_text: str, rules: Rules, report: bool = False) -> Draft:
    """docs maps id(block) → the spaCy Doc of that block's text; ``report`` is True for a
    follow-up report, whose reported actions are activities."""
    draft = Draft()
    current_fa: FocusArea | None = None
    heading_actors: tuple[str, ...] = ()
    leadin: str | None = None
    override: str | None = None  # an actor heading or lead-in opens an activity list
    real_activities = False       # the section was opened by an activity heading
    last_activity: dict | None = None
    leadin_items = False          # the lead-in in force has had its list
    areas_below = False           # the focus lead-in's areas are headings, each over its text
    restated = False              # a report's list that repeats the original promises
    generic: FocusArea | None = None  # a focus heading with a generic title, waiting for its text
    generic_under: list[str] = []     # the categories of the text under it so far

    def add_activity(text_piece: str, nlp_doc, block: Block, section: str, fa: FocusArea | None = None):
        nonlocal last_activity
        freq, cadence = parse_frequency(text_piece, rules)
        reading = read_actors(nlp_doc, rules)
        fa = fa or current_fa
        act = {"text": " ".join(text_piece.split()), "focus_area": fa.title if fa else None,
               "reading": reading, "heading_actors": heading_actors, "frequency": freq, "cadence": cadence,
               "places": [], "span": _span_of(block, text_piece, doc_text), "section": section}
        draft.activities.append(act)
        last_activity = act

    topics = _topic_items(seg, rules)
    quotes = _quotes(seg, rules, doc_text)
    trailing = _trailing_headings(seg, rules)
    siblings = _sibling_area_headings(seg, rules)
    # A heading with nothing under it, last in its segment, heads no focus area unless it names a
    # category: on a page cut mid-word it is a fragment ("Vi har jobbat tipsbaserat mot na":
    # polisen-se__uppfoljning-2020-medborgarlofte-mariestad; "Polism": polisen-se__eskilstuna;
    # "År 2022 anmäldes 15": www-stromsund-se__9901; polisen-se__sodertalje).
    last_block = seg.blocks[-1][0] if seg.blocks else None
    links = False  # below a lead-in that says links follow ("Relaterade länkar:"): link texts, no area
    for i, (block, section) in enumerate(seg.blocks):
        doc = docs[id(block)]
        if links and len(block.text.split()) <= 6 and not block.text.rstrip().endswith((".", ":", "!", "?")):
            continue
        links = block.text.rstrip().endswith(":") and phrase_match(block.text, rules.sections["link_leadins"])
        if links:
            continue
        if section in ("title", "period_heading"):
            if _tables(rules).promise_sentence(norm(block.text)):
                draft.promise_sentences.append(doc)  # "Sollefteå kommun tecknar medborgarlöfte med Polisen"
            for fa in filter(None, _focus_from_sentence(block.text, rules)
                             or [purpose_focus(block.text, rules, "promise_focus")]):
                add_focus(draft, fa)  # "Droger, trafiksäkerhet och skadegörelse är fokus i nytt medborgarlöfte"
            heading_actors, leadin, current_fa, override = _actor_heading(doc, rules), None, None, None
            generic, areas_below = None, False
            real_activities = section == "period_heading" and heading_kind(block.text, rules) != "other"
            continue
        if (block is last_block or seg.doc_type == "uppfoljning") and block.kind == "heading" and report \
                and (cut := _cut_report(doc, rules, block is last_block)):
            # "Vi har jobbat tipsbaserat mot na": a report cut mid-sentence; in a promise page's report
            # section, a line that reports an action ("Drogtestning av avloppsvatten har genomförts
            # enligt plan", without its full stop: fagersta-se__medborgarlofte)
            if cut == "verb":  # "Under året har polisen fortsa": the verb cut at the page's end
                add_activity(block.text.strip(), doc, block, section.split(":")[0])
                continue
            for sent in doc.sents:
                _read_sentence(draft, sent, block, section.split(":")[0], add_activity, rules, report)
            continue
        if section.endswith(":heading"):
            kind = section.split(":")[0]
            if _follow_up_heading(block.text, kind, seg, rules):
                _follow_up_heading_text(draft, block.text)
            heading_actors, leadin, current_fa, override = _actor_heading(doc, rules), None, None, None
            generic, areas_below = None, False
            real_activities = kind == "activities"
            continue
        section = override or section
        if block is last_block and block.kind == "heading" and not report \
                and (section == "activities" or section == "lead" and draft.activities) and _cut_promise(doc, rules):
            add_activity(block.text, doc, block, section)  # "Polis och kommun kommer i det gemensamma forumet BRÅ (brottsförebygg"
            continue
        if generic is not None and block.kind != "heading":
            under = _first_named(doc, rules) if block.kind == "paragraph" \
                else categorize(block.text, rules, allow_other=False, fallback=False)
            if under:  # "Trygghetsfrämjande insatser" + a text on fraud against the elderly; under a
                # generic title each of its bullets counts ("Öka trygghet och minska brottslighet" + promises on
                # grannsamverkan, våld i nära relationer and drugs among the young: www-umea-se__…, polisen-se__umea)
                generic_under = generic_under + [c for c in under if c not in generic_under]
                generic.categories = list(generic_under)
            if (under or not block.text.rstrip().endswith(":")) and not (generic_title(generic.title, rules)
                                                                        and block.kind == "item"):
                generic = None  # a title of its own ("Strukturella utmaningar") or running text takes the first
                # text under it only ("Trygghet för medborgarna" + a lägesbild: polisen-se__ostersund-2); a
                # lead-in ("Polisen och kommunen lovar att:") is not yet that text
        if block.kind == "heading":
            restated = False
            if _tables(rules).back_ref_problems.search(norm(block.text)):
                # the heading over the promises that says they answer the lägesbild above ("Det här lovar polisen
                # utifrån framtagen problembild": polisen-se__malmo-rosengard)
                for fa in _lagesbild_problems(seg, i, docs, rules) or ():
                    add_focus(draft, fa)
            if is_follow_up_sentence(block.text, rules):
                # "Resultatet kommer att följas upp och redovisas 2 gånger/ år"; under "Uppföljning" too, though
                # it opens with a doer ("Polisen ansvarar för att medborgarlöftena följs upp under året. Polisen
                # och kommu", a page's cut last line: polisen-se__hylte)
                _follow_up_heading_text(draft, block.text)
                continue
            if leadin == "focus" and block is not last_block and _area_heading(block.text, rules):
                # "De problemområden som identifierats är följande:" / "Trafikproblematik" / its text / …
                current_fa, heading_actors, areas_below = add_focus(draft, _focus_item(block.text, rules)), (), True
                continue
            if section in ("lead", "activities", "focus") \
                    and (aim := means_focus(_last_sentence(seg, i - 1, docs), block.text, rules)) is not None:
                # the means as a heading of its own: "• Vi ska arbeta för att skapa förutsättningar för en drogfri
                # miljö för barn och ungdomar." / "Det ska vi göra genom bland annat följande aktiviteter" / its
                # list (polisen-se__mullsjo, both its promises): the aim is the area, no activity
                above = seg.blocks[i - 1][0]
                draft.activities = [a for a in draft.activities if not above.start <= a["span"][0] < above.end]
                areas = [add_focus(draft, fa) for fa in aim_parts(aim, rules)]
                current_fa, heading_actors, leadin, areas_below = (areas[0] if len(areas) == 1 else None), (), None, False
                continue
            acts = _actor_heading(doc, rules)
            leadin, areas_below = None, False
            promise_heading = _goal_re(rules.activities["promise_heading"]).search(norm(block.text)) is not None
            if acts or promise_heading:
                # ("Aktörerna lovar": a promise heading that names no actor; its list is promises, no topics)
                heading_actors, current_fa, override = acts, None, "activities"
                leadin = "activity" if promise_heading else None
            elif section in ("lead", "activities", "focus") and "," in block.text \
                    and (named_areas := _focus_from_sentence(block.text, rules)):
                # "Fokus på otrygga miljöer, trafikbrott och droganvändning" (www-osby-se__medborgarlofte)
                areas = [add_focus(draft, fa) for fa in named_areas]
                current_fa, heading_actors = (areas[0] if len(areas) == 1 else None), ()
            elif section in ("lead", "activities", "focus") and "," in block.text \
                    and len(block.text.split()) <= 10 and not commits(block.text, rules) \
                    and id(block) not in trailing and block is not last_block \
                    and len(categorize(block.text, rules, allow_other=False, fallback=False)) >= 2:
                # a heading that lists areas with no focus cue, each naming a category: "Samverkan mot otrygga
                # miljöer, trafikbrott och droganvändning" (www-osby-se__2021-05-19-…; its promise's page says
                # "Fokus på otrygga miljöer, …": www-osby-se__medborgarlofte), as the lead-in "Samverkan mot
                # droger och ungdomskriminalitet:" (polisen-se__lysekil): one area, its categories all it names
                current_fa, heading_actors = add_focus(draft, _focus_item(block.text, rules)), ()
            elif section in ("lead", "activities", "focus") and not block.text.endswith(("!", "?")) \
                    and ("," not in block.text and len(block.text.split()) <= 10 or id(block) in siblings):
                primary = categorize(block.text, rules, allow_other=False, fallback=False)
                named = (section == "focus" or real_activities and override is None) and not _name_like(block.text) \
                    or id(block) in siblings and not generic_title(block.text, rules)
                if id(block) in trailing or block is last_block and (
                        not primary or not _tables(rules).cut_sentence_words.isdisjoint(_words(block.text))):
                    pass  # a kommun's footer slogan ("För barnens skull"), a cut page's last words
                elif primary or named and not phrase_match(block.text, rules.sections["not_focus_headings"]
                                                           + rules.sections["signatory_headings"]):
                    heading_actors = ()
                    current_fa = add_focus(draft, _focus_item(block.text, rules))
                    generic, generic_under = (None if primary else current_fa), []
                elif generic_title(block.text, rules) and categorize(block.text, rules, allow_other=False) \
                        and i + 1 < len(seg.blocks) \
                        and seg.blocks[i + 1][0].kind != "heading" \
                        and _text_under_names_area(seg, i, rules) \
                        and not phrase_match(block.text, rules.sections["not_focus_headings"]
                                             + rules.sections["signatory_headings"]):
                    # a generic heading of trygghet ("Trygghet", "Ökad trygghet") over a text that names an
                    # area is a focus area where other headings are not (CONTRACT.md: its categories come
                    # from the text under it): "Öka tryggheten och minska brottsligheten" + promises on
                    # Grannsamverkan, places where the young meet and belysning (polisen-se__umea), "Ökad
                    # trygghet" + a report on patrols and visits to schools (polisen-se__uppfoljning-
                    # medborgarlofte-2020). Not "Målet", "Brottsförebyggande arbete" over a text: no trygghet word.
                    # A heading that restates an area named before ("… fyra huvudsakliga fokusområden: • Ökad
                    # trygghet i både offentlig miljö och boendemiljö • …" and later "Trygghet" over its promises:
                    # polisen-se__hogsby) heads that area's promises; it is no new area
                    heading_actors = ()
                    trygg = {w for w in _words(block.text) if categorize(w, rules, allow_other=False)}
                    named_before = next((fa for fa in draft.focus_areas if trygg & set(_words(fa.title))), None)
                    current_fa = named_before or add_focus(draft, _focus_item(block.text, rules))
                    generic, generic_under = (None if named_before else current_fa), []
            elif section == "follow_up":
                _follow_up_heading_text(draft, block.text)
            continue
        if block.kind == "item":
            leadin_items = True
            if areas_below and topics.get(id(block)) != "heading":
                leadin, areas_below = None, False  # a list after the areas' texts is no area
            areas_below = areas_below or leadin == "focus" and topics.get(id(block)) == "heading"
            if report and (restated or not _tables(rules).restated.isdisjoint(_words(block.text))
                           or _restates_promise(_words(norm(block.text)), None, rules)):
                continue
            if id(block) in topics and leadin in (None, "none", "focus_items") \
                    and section in ("lead", "activities", "focus"):
                if phrase_match(block.text, rules.sections["not_focus_headings"] + rules.sections["signatory_headings"]):
                    current_fa = None if topics[id(block)] == "heading" else current_fa
                    continue  # "• Bakgrund" over a text (www-halmstad-se__medborgarloften-16489)
                fa = add_focus(draft, _focus_item(block.text, rules))
                if topics[id(block)] == "heading":  # "• Trafik" with its text below it
                    current_fa, heading_actors = fa, ()
                    if generic_title(fa.title, rules):  # "• Trygghet" + a text on Grannsamverkan: the
                        generic, generic_under = fa, []  # text under it gives its categories (polisen-se__angelholm)
                continue
            _read_item(draft, block, doc, section, leadin, _no_activity if id(block) in quotes else add_activity,
                       last_activity, rules)
            continue
        # paragraph
        restated = report and not _tables(rules).restated.isdisjoint(_words(block.text))
        add = _no_activity if id(block) in quotes else add_activity
        sents = list(doc.sents) or [doc]
        for j, s in enumerate(sents):
            if _back_ref(s.text, rules):  # "… är insatserna riktade mot dessa problemområden."
                before = sents[:j] if j else _block_sentences(seg, i - 1, docs, section)
            elif _tables(rules).back_ref_problems.search(norm(s.text)):  # "… mot bakgrund av ovan beskrivna problembild …"
                for fa in _lagesbild_problems(seg, i, docs, rules) or ():
                    add_focus(draft, fa)
                continue
            elif _tables(rules).back_ref_situation.search(norm(s.text)):  # "Med anledning av den presenterade lägesbilden …"
                before = [b for b in _section_sentences_before(seg, i, docs, section) + sents[:j]
                          if not _tables(rules).back_ref_findings.isdisjoint(_words(norm(b.text)))]
            else:
                continue
            for fa in _problems_before(before, rules):
                add_focus(draft, fa)
        if opens_list(block.text, rules) or block.text.rstrip().endswith(" följande."):
            # "… är polisens medborgarlöften följande."
            *body, last = sents
            for s in body:
                _read_sentence(draft, s, block, section, add, rules, report)
            if _tables(rules).promise_sentence(norm(last.text)):
                draft.promise_leadins.append(last)
            acts = _actor_heading(last, rules)
            if acts:
                heading_actors = acts
            elif _word_re(tuple(rules.activities["promise_leadin_words"])).search(norm(last.text)):
                heading_actors = ()  # "Tillsammans lovar vi att:" after "Kommunen lovar att:": the parties again
            leadin = _leadin_kind(last.text, rules)
            leadin_items, areas_below = False, False
            if (section == "follow_up" or leadin == "follow_up") \
                    and not phrase_match(norm(last.text), rules.sections["promise_means_leadins"]):
                # the lead-in of the channels is follow-up text too: "Du kan följa vårt arbete via våra sociala
                # mediekonton:" (polisen-se__stockholm-sodermalm), "Invånarna i Härryda kommun kan följa arbetet
                # genom:" (polisen-se__harryda; both dev gold)
                draft.follow_up.append(" ".join(last.text.split()))
            if section == "situation" and (leadin == "focus" or not _promises(last, rules)):
                # "Den sammanvägda bilden av problemområdena är:" and its list are situation;
                # so is "… ombads rangordna följande polisiära åtgärder:", which lists no promises
                draft.situation.append(" ".join(last.text.split()))
                leadin = "situation" if leadin == "activity" else leadin
            elif leadin == "situation" and section not in ("follow_up", "effect") and not _promises(last, rules) \
                    and not _tables(rules).not_situation_phrase(norm(last.text)) and "löfte" not in norm(last.text):
                # a lead-in whose list is situation (rules/sections.yaml situation_leadins) is situation
                # with it, in any section: "I samband med medborgardialog …, ombads medborgarna att rangordna
                # vilken av följande polisiära åtgärder de satte främst:" under "Tillkomst" (polisen-se__bjuv),
                # as "Vid medborgardialoger … har medborgarna framför allt uttalat en önskan av:" in a situation
                # section (polisen-se__osteraker, -2); not one that introduces the promises ("Utifrån … medborgarnas
                # önskemål om en synligare polis ger polisen och kommunen följande medborgarlöften:": polisen-se__are-2)
                draft.situation.append(" ".join(last.text.split()))
            # a lead-in that promises under an effect heading opens the promises (below) and groups them by
            # its aim as in the activities: "Det här ska vi åstadkomma tillsammans" / "För att bättre kunna
            # samordna … det drogförebyggande arbetet … kommer polisen i samverkan med kommunen … att:" (polisen-se__avesta)
            promising_effect = section == "effect" and leadin == "activity" and opens_list(block.text, rules) \
                and _promises(last, rules)
            aim = (purpose_focus(block.text, rules) or purpose_focus(last.text, rules, "promise_focus")) \
                if section in ("lead", "activities", "focus") or promising_effect else None
            before = body[-1] if body else _last_sentence(seg, i - 1, docs)
            aims = None
            if aim is None and section in ("lead", "activities", "focus") \
                    and (aim := means_focus(before, last.text, rules)) is not None:
                # the sentence with the aim is the first half of the lead-in, no activity
                aim_text = " ".join(before.text.split())
                draft.activities = [a for a in draft.activities if a["text"] != aim_text]
                aims = aim_parts(aim, rules)
            if aim is None and leadin == "none" and section in ("lead", "activities") \
                    and (_topic_leadin(last.text, seg.blocks[i + 1][0] if i + 1 < len(seg.blocks) else None, rules)
                         or _names_area(last.text, draft)):
                aim = _focus_item(" ".join(last.text.split()).rstrip(" :"), rules)
            if aim is None and leadin != "focus" and section in ("lead", "activities", "focus"):
                for fa in _named_areas(last.text, rules):  # "… lovar vi att prioritera … inom områdena X, Y och Z genom att;"
                    add_focus(draft, fa)
            if aims is not None and len(aims) > 1:
                for fa in aims:  # two aims before one means lead-in: its list falls under neither
                    add_focus(draft, fa)
                current_fa = None
            elif aim is not None:
                current_fa = add_focus(draft, aim)
            if leadin == "place":
                add_activity(last.text.strip(), last, block, section)
            elif leadin == "focus":
                for fa in _focus_from_sentence(last.text, rules):
                    add_focus(draft, fa)
            elif leadin == "activity" and opens_list(block.text, rules) and section != "follow_up" \
                    and (section not in ("effect", "other") or _promises(last, rules)):
                override = "activities"  # also "Det här ska vi göra:" under an effect or "other" heading
            elif leadin == "activity" and opens_list(block.text, rules) and section == "follow_up" \
                    and phrase_match(norm(last.text), rules.sections["promise_means_leadins"]):
                override = "activities"  # "Uppfyller medborgarlöftet genom att bland annat:" after "Följ arbetet"
            continue
        if leadin == "focus" and not leadin_items and not areas_below and len(block.text) < 160:
            current_fa = add_focus(draft, _focus_item(block.text, rules))
            if section == "situation":  # "… inrikta sig på ett problemområde, arbetet mot:" / "narkotika- och
                draft.situation.append(" ".join(block.text.split()))  # alkoholrelaterad …" (polisen-se__grums)
            leadin = None
            continue
        leadin = leadin if areas_below else None
        for fa in _summary_areas(seg, i, rules):
            add_focus(draft, fa)
        for prev, s in zip([None] + sents, sents):
            also = _focus_also(prev, s, rules) if prev is not None else None
            if also is not None:  # "… fokusera på X. Vi kommer även att arbeta med Y.": Y, no activity
                add_focus(draft, also)
                continue
            for fa in _focus_after(prev, s, rules) if prev is not None else ():
                if norm(s.text).startswith(tuple(rules.sections["promise_summary_next"])):
                    _drop_parts_of(draft, fa)
                add_focus(draft, fa)
            _read_sentence(draft, s, block, section, add, rules, report, under_area=current_fa is not None)
        if not areas_below and sents and _leadin_kind(sents[-1].text, rules) == "focus" \
                and not (commits(sents[-1].text, rules) and is_commitment(sents[-1], rules, strict=False)):
            # "… fokusera på fem områden." followed by a list; "… har följande områden identifierats som
            # viktiga …" (polisen-se__timra), "… lett fram till sex prioriterade områden."
            # (polisen-se__stockholm-kungsholmen): with no commitment word, a named doer and an action verb
            # are no promise
            leadin = "focus_items"
    return draft


def aim_areas(draft: Draft, seg: Segment, docs: dict[int, Doc], doc_text: str, rules: Rules) -> None:
    """A record that names no focus area after the rules above, though its running text says
    what the promises aim at (rules/sections.yaml ``aim_when_no_area``): each aim that names a
    category is a focus area, titled with its own words (a bullet's purpose clause is that one
    promise's, no area: its items are not read). With one area, every activity falls under it
    (extract.py); with several, each the one sentence of its paragraph, an activity falls under the one
    above it, else it stays under none. A rule marked ``always`` is read beside the other areas too
    (where the promise's focus lies is an area whatever else the page names)."""
    always = bool(draft.focus_areas)
    quotes = _quotes(seg, rules, doc_text)
    heads: list[tuple[int, FocusArea]] = []  # a paragraph that is one aim's sentence: where its area starts
    for block, section in seg.blocks:
        if block.kind == "item" or id(block) in quotes:
            continue
        sents = list(docs[id(block)].sents) or [docs[id(block)]]
        for sent in sents:
            found = [_add_focus_at(draft, fa, block.start, doc_text) if always else add_focus(draft, fa)
                     for fa in _aim_areas(_unwrap(sent.text.strip()), section.split(":")[0], rules, always)]
            if len(sents) == 1 and len(found) == 1:
                heads.append((block.end, found[0]))
    if not always and len(draft.focus_areas) > 1 and len(heads) == len(draft.focus_areas):
        # several aims, each a paragraph of its own over what is done for it ("Polisen och kommunen lovar att
        # arbeta för tryggare trafikmiljö …" / the actions reported under it: polisen-se__uppfoljning, Berg):
        # an activity falls under the one it stands below (CONTRACT.md), none above the first
        for act in draft.activities:
            above = [fa for end, fa in heads if end <= act["span"][0]]
            act["focus_area"] = above[-1].title if above else act["focus_area"]


def _add_focus_at(draft: Draft, fa: FocusArea, start: int, doc_text: str) -> FocusArea:
    """``add_focus``, in document order among the areas found before: before the first whose title
    stands in the text after ``start``."""
    n = len(draft.focus_areas)
    area = add_focus(draft, fa)
    if len(draft.focus_areas) > n:
        later = next((k for k, old in enumerate(draft.focus_areas[:n]) if doc_text.find(old.title) >= start), n)
        draft.focus_areas.insert(later, draft.focus_areas.pop())
    return area


@lru_cache(maxsize=4)
def _aim_res(rules: Rules) -> tuple[tuple[Needing, frozenset, bool], ...]:
    return tuple((Needing(re.compile(rule["re"])), frozenset(rule["in"]), bool(rule.get("always")))
                 for rule in rules.sections["aim_when_no_area"])


def _aim_areas(text: str, section: str, rules: Rules, only_always: bool = False) -> list[FocusArea]:
    """The focus areas of one sentence by ``aim_when_no_area``: group "aim", split into its clauses
    (``aim_clause_splits``), titles them and gives their categories; a part that names none is no
    area (no fallback: a general aim names none), unless it ties trygghet to a place
    (``aim_place_fallback``)."""
    if only_always and is_focus_sentence(text, rules):
        return []  # "Fokus ligger på att öka …": a focus sentence, whose areas read_segment has taken
    rules_here = [pat for pat, sections, always in _aim_res(rules) if section in sections and (always or not only_always)]
    if not rules_here:
        return []  # (most sections have no aim rule: the sentence is not folded)
    low = norm(text).rstrip(" :;")
    for pat in rules_here:
        m = pat.search(low)
        if not m:
            continue
        folded = " ".join(text.split())
        areas = []
        for start, end in _aim_clauses(low, m.start("aim"), m.end("aim"), rules):
            cats = _aim_categories(low[start:end], folded[start:end], rules, place_words=True)
            if cats:
                areas.append(FocusArea(title=folded[start:end].strip(" ,:;"), categories=cats))
        if areas:
            return areas
    return []


def _aim_categories(low: str, written: str, rules: Rules, place_words: bool = False) -> list[str]:
    """The categories of an aim (``low``, as ``written``): its category words; failing those, the
    trygghet fallback (``offentlig_miljo``) when it ties trygghet to a named place, or with
    ``place_words`` to a kind of place (``aim_place_fallback``). A general aim names none."""
    return categorize(low, rules, allow_other=False, fallback=False) \
        or (categorize(low, rules, allow_other=False)
            if (place_words and _place_fallback_re(rules).search(low)) or _named_place(written, rules) else [])


@lru_cache(maxsize=4)
def _place_fallback_re(rules: Rules) -> re.Pattern:
    return re.compile(rules.sections["aim_place_fallback"])


def _named_place(aim: str, rules: Rules) -> bool:
    """An aim that ties trygghet to a place named after "i", no kommun (rules/sections.yaml
    ``aim_place_name``): "öka känslan av trygghet i Brandkärr" is a place's, "öka tryggheten i
    Köping" the kommun's, a general aim."""
    m = _place_name_re(rules).search(aim)
    names = _kommun_names(rules)
    return m is not None and not {m["place"], m["place"].removesuffix("s")} & names


@lru_cache(maxsize=4)
def _place_name_re(rules: Rules) -> re.Pattern:
    return re.compile(rules.sections["aim_place_name"])


@lru_cache(maxsize=4)
def _kommun_names(rules: Rules) -> frozenset[str]:
    """The kommuner's names and their first words ("Upplands Väsby" → "Upplands" too)."""
    return frozenset(n for k in rules.kommuner for n in (k.namn, k.namn.split()[0])) \
        | frozenset(rules.sections["aim_place_not_names"])


def _aim_clauses(low: str, start: int, end: int, rules: Rules) -> list[tuple[int, int]]:
    """The spans of the clauses of the aim ``low[start:end]``, split at ``aim_clause_splits``
    (the "att" that opens a clause stays out of its title)."""
    cuts = sorted([(m.start(), m.end()) for sep in rules.sections["aim_clause_splits"]
                   for m in re.finditer(re.escape(sep), low[start:end])]
                  + [(m.start(), m.end()) for m in _aim_verb_re(rules).finditer(low[start:end])])
    spans, at = [], start
    for a, b in cuts:
        if start + a >= at:
            spans.append((at, start + a))
            at = start + b
    spans.append((at, end))
    return [(a, b) for a, b in spans if b > a]


@lru_cache(maxsize=4)
def _aim_verb_re(rules: Rules) -> re.Pattern:
    """" samt " before a verb that opens an aim's second clause (``aim_clause_verbs``; the verb stays in its title)."""
    return re.compile(r" samt (?=(?:%s)\b)" % "|".join(map(re.escape, rules.sections["aim_clause_verbs"])))


def aim_parts(fa: FocusArea, rules: Rules) -> list[FocusArea]:
    """The aim an aim sentence names before its means, split into its clauses ("skapa … för barn och ungdomar
    samt arbeta med … trafikmiljön …" → two); each part that names a category is an area, the whole when
    there is one part or no part names one."""
    spans = _aim_clauses(fa.title.lower(), 0, len(fa.title), rules)
    parts = [FocusArea(title=fa.title[a:b].strip(" ,:;"), categories=cats) for a, b in spans
             if (cats := categorize(fa.title[a:b], rules, allow_other=False, fallback=False))]
    return parts if len(spans) > 1 and parts else [fa]


def _back_ref(text: str, rules: Rules) -> bool:
    """A sentence that says the promises take on the problems named just before it
    (rules/sections.yaml ``focus_back_refs``)."""
    return _tables(rules).back_ref.search(norm(text)) is not None


def _block_sentences(seg: Segment, i: int, docs: dict[int, Doc], section: str) -> list[Span]:
    """The sentences of the paragraph ``i`` when it stands in the same section (none else)."""
    if i < 0 or seg.blocks[i][0].kind != "paragraph" or seg.blocks[i][1] != section:
        return []
    return list(docs[id(seg.blocks[i][0])].sents)


def _section_sentences_before(seg: Segment, i: int, docs: dict[int, Doc], section: str) -> list[Span]:
    """The sentences of the paragraphs before block ``i``, back to the first block that is no
    paragraph of the same section: the lägesbild a back reference to it points to (of which
    only the findings are its problems: rules/sections.yaml ``focus_back_ref_findings``)."""
    out: list[Span] = []
    k = i - 1
    while k >= 0 and (sents := _block_sentences(seg, k, docs, section)):
        out[:0] = sents
        k -= 1
    return out


def _lagesbild_problems(seg: Segment, i: int, docs: dict[int, Doc], rules: Rules) -> list[FocusArea] | None:
    """The problems of the problembild a back reference to it points to (rules/sections.yaml
    ``focus_back_refs_problembild``), when it stands under its own situation heading before block ``i``
    (every block between in the situation section; None else): each item a problem, and a list of them read as a list of areas (one naming none is
    ``ovrigt`` once another names a category, as in _list_areas: "• Nedskräpning • … • Låg andel boende
    som anmäler brott …": polisen-se__malmo-rosengard); each paragraph one problem, its first sentence
    that names a category ("Stölder och inbrott sker i bostäder …" / "Våldsbrott i offentlig miljö sker
    …" / …: polisen-se__tanum). A sentence after the first is the problem's detail ("Ofta är alkohol
    inblandat.")."""
    k = i - 1
    while k >= 0 and seg.blocks[k][1] == "situation":
        k -= 1
    if k < 0 or seg.blocks[k][1] != "situation:heading" or k == i - 1:
        return None
    items, out = [], []
    for block, _ in seg.blocks[k + 1:i]:
        if block.kind == "item":
            items.append(block.text.strip(" ."))
        elif block.kind == "paragraph":
            first = _first_naming(docs[id(block)], rules)
            if first is not None:
                title = " ".join(first.text.split()).rstrip(" .")
                out.append(FocusArea(title=title, categories=categorize(title, rules, allow_other=False, fallback=False)))
    cats = [categorize(t, rules, allow_other=False, fallback=False) for t in items]
    if any(cats):
        out += [FocusArea(title=t, categories=c or ["ovrigt"]) for t, c in zip(items, cats)]
    return out


def _problems_before(sents: list[Span], rules: Rules) -> list[FocusArea]:
    """The problems the sentences before a back reference name: each sentence that names a
    category is an area, titled with its own words ("Enligt invånarna är de största lokala problemen
    trafik- och narkotikarelaterade" → trafik, narkotika)."""
    out = []
    for sent in sents:
        if _back_ref(sent.text, rules):
            continue
        title = " ".join(sent.text.split()).rstrip(" .")
        cats = categorize(title, rules, allow_other=False, fallback=False)
        if cats:
            out.append(FocusArea(title=title, categories=cats))
    return out


def _last_sentence(seg: Segment, i: int, docs: dict[int, Doc]) -> Span | None:
    """The last sentence of the segment's block ``i`` (None before the first block)."""
    if i < 0:
        return None
    sents = list(docs[id(seg.blocks[i][0])].sents)
    return sents[-1] if sents else None


def _restates_promise(words: tuple[str, ...], past: bool | None, rules: Rules) -> bool:
    """A sentence or item of a report that says what a party "ska" do and reports nothing done
    (``past``: is_past_report, found if None): the original promise repeated
    (rules/activities.yaml restated_modal_words)."""
    if _tables(rules).restated_modal.isdisjoint(words):
        return False
    return not (is_past_report(words, rules) if past is None else past)


def _cut_report(doc: Doc, rules: Rules, at_end: bool = False) -> bool | str:
    """The last line of a follow-up report cut short reads as a heading (short, no closing
    period) but reports what someone did: a sentence, not a heading over nothing. At the page's cut
    end the supine itself may be cut (rules/activities.yaml cut_supine)."""
    words = _words(doc.text)
    if at_end and not doc.text.rstrip().endswith((".", ":", "!", "?")) and not is_past_report(words, rules) \
            and _goal_re(rules.activities["cut_supine"]).search(" ".join(words)) is not None:
        return "verb" if read_actors(doc, rules).subject else False  # the verb cut: a named doer "har" done it
    return is_past_report(words, rules) and is_commitment(doc, rules, strict=True, report=True)


def _cut_promise(doc: Doc, rules: Rules) -> bool:
    """The last line of a page cut mid-sentence reads as a heading (short, no full stop), but a doer
    commits in it (rules/sections.yaml ``cut_sentence_words``): the promise cut off, an activity as
    the dev gold keeps one ("Polis och kommun kommer i det gemensamma forumet BRÅ (brottsförebygg":
    polisen-se__lerum; "Polisen i lokalpolisområde Ängelholm lovar att fotpatrull kommer att genom-föras
    vid" under "Medborgarlöfte": polisen-se__bastad-2). In the lead only once the page has activities: else
    its running text is read later (lead_activities), and an activity now would keep it from that. Not a
    heading that names who promises ("Polisen och kommunen lovar"), a lead-in or a general aim."""
    text = doc.text.strip()
    low = norm(text)
    words = _words(low)
    return len(words) >= 5 and not text.endswith(":") \
        and not _tables(rules).cut_sentence_words.isdisjoint(words) \
        and _goal_re(rules.activities["promise_heading"]).search(low) is None \
        and not is_general_aim(low, rules) and is_commitment(doc, rules, strict=True)


def _topic_leadin(text: str, nxt: Block | None, rules: Rules) -> bool:
    """"Samverkan mot droger och ungdomskriminalitet:" over a list of promises: a lead-in that only
    names a topic (a category word, no verb of the lead-in lists) is the focus area of its list."""
    return nxt is not None and nxt.kind == "item" and commits(nxt.text, rules) \
        and len(text.split()) <= rules.sections["topic_leadin_max_words"] \
        and bool(categorize(text, rules, allow_other=False, fallback=False))


def _names_area(text: str, draft: Draft) -> bool:
    """A lead-in that repeats, word for word, an area the page named before is that area's list,
    however long ("… två särskilt prioriterade samarbetsområden identifierats: • Öka tryggheten i
    Lysekils kommun genom polisiär närvaro …" and later "Öka tryggheten i Lysekils kommun genom
    polisiär närvaro …: • Polisen kommer att …": www-lysekil-se__2017-12-18-…, -medborgarlofte-3)."""
    title = " ".join(text.split()).rstrip(" :").lower()
    return any(fa.title.lower() == title for fa in draft.focus_areas)


def _text_under_names_area(seg: Segment, i: int, rules: Rules) -> bool:
    """The text right under heading ``i`` names a category: its first paragraph, or any bullet of the
    list that opens it, up to the next heading ("Trygghet" / "• En gemensam arbetsgrupp för brottsprevention …"
    / "• … öka antalet aktiva hushåll/områden i Grannsamverkan …": polisen-se__almhult)."""
    for block, *_ in seg.blocks[i + 1:]:
        if block.kind == "heading":
            return False
        if categorize(block.text, rules, allow_other=False, fallback=False):
            return True
        if block.kind != "item":
            return False
    return False


def _area_heading(text: str, rules: Rules) -> bool:
    """A heading that names one of the areas a focus lead-in announced (a short topic that
    promises nothing), not a section or a signatory."""
    return len(text.split()) <= 10 and not text.endswith(("!", "?")) and not commits(text, rules) \
        and not phrase_match(text, rules.sections["not_focus_headings"] + rules.sections["signatory_headings"])


def _follow_up_heading(text: str, kind: str, seg: Segment, rules: Rules) -> bool:
    """A heading that is this record's follow-up by itself: a follow-up heading naming a linked
    report ("Uppföljning 2018 tertial 1-2", "Uppföljning T3_Boxholm": polisen-se__motala,
    polisen-se__boxholm-2), unless its years lie outside the segment's period (the report of an
    earlier period); or another heading that says how the promise is followed up
    ("Medborgarlöftet ska årligen följas upp": polisen-se__norrkoping). A follow-up heading that
    names the promise ("Uppföljning av medborgarlöften för Ydre kommun") names a report too."""
    if kind != "follow_up":
        return is_follow_up_sentence(text, rules)
    low, years, own = norm(text), year_range(text), seg.heading_years
    if own is None and years is not None:
        # no period heading: the first year the segment names before the heading ("Gäller från 8 maj
        # 2019 t.o.m. 30 april 2020" over "Uppföljning av medborgarlöftena i Hörby maj-augusti 2019":
        # polisen-se__horby; "Under 2020 ska polisen …" over "Uppföljning av medborgarlöfte 2019")
        at = seg.text.find(text)
        own = year_range(seg.text[:at]) if at > 0 else None
    if not _channel_res(rules)["rapport"].search(low):
        # (a year needs the segment's own to be compared with: "Uppföljning av medborgarlöfte 2019"
        # on the 2020 page is the report of the year before: polisen-se__karlsborg)
        return low.startswith(tuple(rules.sections["report_heading_starts"])) \
            and (years is None or own is not None and years[0] <= own[1] and years[1] >= own[0])
    return years is None or own is None or (years[0] <= own[1] and years[1] >= own[0])


def _trailing_headings(seg: Segment, rules: Rules) -> set[int]:
    """Headings with nothing after them but other headings and the page footer (address,
    e-mail, org. number): a kommun's slogan, no focus area (surahammar-drift-senselogic-se
    "SURAHAMMARS KOMMUN / För barnens skull / … Organisationsnummer …")."""
    cue = _tables(rules).footer_cue
    out: set[int] = set()
    footer = False
    for block, _ in reversed(seg.blocks):
        if cue(norm(block.text)):
            footer = True
        elif block.kind == "heading":
            if footer:
                out.add(id(block))
        else:
            break
    return out


def _focus_after(prev: Span, sent: Span, rules: Rules) -> list[FocusArea]:
    """Focus areas a sentence names by what stands before it: "… tre problembilder valts ut …
    Dessa är trafik, frånvaro av polis och …" (the list), "… fokus på att fånga upp unga …. Det
    är vårt löfte till dig som bor i …" (the sentence before)."""
    sec = rules.sections
    low, before = norm(sent.text), norm(prev.text)
    start = next((p for p in sec["focus_list_starts"] if low.startswith(p)), None)
    if start is not None and any(w in before for w in sec["focus_list_previous"]):
        return _list_areas(" ".join(sent.text.split())[len(start):], rules)
    about = next((p for p in sec["promise_about_next"] if low.startswith(p)), None)
    if about is not None and any(w in before for w in sec["promise_about_previous"]):
        clause = " ".join(sent.text.split())[len(about):]
        clause = clause[:_clause_end(clause, len(clause), rules)].strip().rstrip(".")
        parts = [p.strip(' .:;,"”') for p in _split_areas(clause[4:] if clause.lower().startswith("att ") else clause)]
        cats = [categorize(p, rules, allow_other=False, fallback=False) for p in parts]
        # every part names its category (no fallback): "… om vilka fokusområden som kommun och polis … kommit överens
        # om …, och som ska ge effekten av ökad trygghet" (polisen-se__sunne) is what any promise is about
        return [FocusArea(title=p, categories=c) for p, c in zip(parts, cats)] if parts and all(cats) else []
    if low.startswith(tuple(sec["promise_summary_next"])):
        cats = categorize(prev.text, rules, allow_other=False, fallback=False)
        named = {c for fa in _sentence_areas(prev.text, rules) for c in fa.categories}
        if not cats or named.issuperset(cats):
            return []  # (the sentence's own focus areas already say it all: "… kommer särskilt att
            # fokusera på ökad trygghet i offentliga miljöer. Det är vårt löfte …": polisen-se__goteborg-ostra-goteborg)
        return [FocusArea(title=" ".join(prev.text.split()).rstrip("."), categories=cats)]
    return []


def _drop_parts_of(draft: Draft, whole: FocusArea) -> None:
    """The sentence before "Det är vårt löfte …", made a focus area whole, replaces the areas its
    own focus cue named ("Insatser mot trafikbrott och droger med ett särskilt fokus på att fånga upp
    unga …" and "att fånga upp unga …": polisen-se__tjorn, polisen-se__stenungsund-kommun,
    tjorn-se__2020-09-15-…); activities under them fall under it."""
    low = whole.title.lower()
    parts = {fa.title for fa in draft.focus_areas if fa.title.lower() in low}
    if not parts:
        return
    draft.focus_areas = [fa for fa in draft.focus_areas if fa.title not in parts]
    for act in draft.activities:
        if act["focus_area"] in parts:
            act["focus_area"] = whole.title


def _sentence_areas(text: str, rules: Rules) -> list[FocusArea]:
    """The focus areas a sentence names itself: a focus sentence's areas, else what the promise
    is about (``promise_focus``)."""
    areas = [fa for fa in _focus_from_sentence(text, rules) or [purpose_focus(text, rules, "promise_focus")] if fa]
    m = _tables(rules).focus_object_before.search(norm(text))
    if m and areas:  # "arbeta mot X och med fokus på Y": X is an area too (rules/sections.yaml focus_object_before)
        title = " ".join(text.split())[m.start("aim"):m.end("aim")]
        cats = categorize(title, rules, allow_other=False, fallback=False)
        if cats and all(fa.title != title for fa in areas):
            areas.insert(0, FocusArea(title=title, categories=cats))
    return areas


def _summary_areas(seg: Segment, i: int, rules: Rules) -> list[FocusArea]:
    """The areas of a summary line right under the page title ("Synligare polis, arbete mot
    brottsdrabbade och ökad trygghet i det offentliga rummet."): one sentence of noun phrases
    (rules/sections.yaml ``summary_line_*``), its parts that name a category. A line with a colon
    names its areas after it ("Tre fokusområden kom fram bland svaren: …"), read as a sentence."""
    if i != 1 or seg.blocks[0][1] != "title" or seg.blocks[1][1] != "lead":
        return []  # (the cheap tests first: they rule out all but one paragraph of a page)
    text = " ".join(seg.blocks[1][0].text.split())
    words = _words(text)
    if not text.endswith(".") or "." in text[:-1] or ":" in text or len(words) > rules.sections["summary_line_max_words"] \
            or not _tables(rules).summary_not_words.isdisjoint(words) or is_focus_sentence(text, rules):
        return []
    return [FocusArea(title=p, categories=cats) for p in map(str.strip, _split_areas(text[:-1]))
            if (cats := categorize(p, rules, allow_other=False, fallback=False))]


def _focus_also(prev: Span, sent: Span, rules: Rules) -> FocusArea | None:
    """A sentence that adds an area to the focus sentence before it ("Under 2022 kommer polisen … att
    fortsätta fokusera på bekämpning av narkotika bland unga. Vi kommer även att arbeta med
    trygghetsskapande åtgärder i trafiken.") → that area, when it names a category."""
    low = norm(sent.text)
    cue = next((c for c in rules.sections["focus_also_cues"] if c in low), None)
    if cue is None or not is_focus_sentence(prev.text, rules):
        return None
    area = " ".join(sent.text.split())[low.find(cue) + len(cue):].strip(" .")
    cats = categorize(area, rules, allow_other=False, fallback=False)
    return FocusArea(title=area, categories=cats) if area and cats else None


def _topic_items(seg: Segment, rules: Rules) -> dict[int, str]:
    """Bullets that name topics, not activities: a bullet of a few words with running text
    under it is a heading ("• Trafik" + a paragraph), unless it ends a run of bullets (the list
    is over, its text under none of them: kungsor-se__2023-12-19-…, www-orust-se__…); a list of only short bullets
    (``topic_list_max_words``, a full stop allowed, no reported action), most naming a focus
    category, is a list of focus areas ("• Otrygga platser • Skadegörelse", "• Trafik. •
    Kriminella nätverk."); so is a list right above a heading over actions ("Aktiviteter"), every
    item naming a category and none committing or opening with an action: the promises, whose
    actions follow; a list of project names, most naming none ("• Huskurage •
    Trygghetstrappan …": falkoping-se__2023-04-19-…), stays a list of activities."""
    blocks = [b for b, _ in seg.blocks]

    def short(b: Block, limit: int, enders: str = ".:;!?") -> bool:
        return 0 < len(b.text.split()) <= limit and b.text.rstrip()[-1:] not in enders \
            and not commits(b.text, rules)

    out: dict[int, str] = {}
    run: list[Block] = []
    for i, b in enumerate(blocks + [None]):
        if b is not None and b.kind == "item":
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if short(b, 5) and nxt is not None and nxt.kind == "paragraph" and not run:
                out[id(b)] = "heading"
            run.append(b)
            continue
        if len(run) >= 2 and all(short(x, rules.activities["topic_list_max_words"], ":;!?")
                                 and not is_past_report(_words(x.text), rules) for x in run) \
                and 2 * sum(bool(categorize(x.text, rules, allow_other=False, fallback=False)) for x in run) > len(run):
            out.update({id(x): "list" for x in run if id(x) not in out})
        elif run and b is not None and b.kind == "heading" and _opens_actions(b.text, rules) \
                and all(not commits(x.text, rules) and not is_past_report(_words(x.text), rules)
                        and not opens_with_action(x.text, rules) and categorize(x.text, rules, allow_other=False, fallback=False) for x in run):
            out.update({id(x): "list" for x in run if id(x) not in out})
        run = []
    _sibling_headings(blocks, out, rules)
    return out


def _sibling_headings(blocks: list[Block], out: dict[int, str], rules: Rules) -> None:
    """Bullets that alternate with paragraphs, one of them a short heading ("1. Öka insatserna mot
    narkotikamissbruket" / its text / "1. Öka insatserna mot brott som riktar sig mot det lokala
    näringslivet." / its text: www-amal-se__medborgarlofte, www-amal-se__medborgarloefte): the longer ones
    are headings too, up to rules/activities.yaml ``sibling_heading_max_words`` words, none committing."""
    limit = rules.activities["sibling_heading_max_words"]
    chain: list[Block] = []
    for i, b in enumerate(blocks + [None]):
        nxt = blocks[i + 1] if b is not None and i + 1 < len(blocks) else None
        if b is not None and b.kind == "item" and nxt is not None and nxt.kind == "paragraph":
            chain.append(b)
            continue
        if b is not None and b.kind == "paragraph" and chain:
            continue  # the text under the last heading of the chain
        if len(chain) >= 2 and any(out.get(id(x)) == "heading" for x in chain):
            for x in chain:
                if id(x) not in out and 0 < len(x.text.split()) <= limit and not commits(x.text, rules) \
                        and x.text.rstrip()[-1:] not in ":;!?":
                    out[id(x)] = "heading"
        chain = []


def _sibling_area_headings(seg: Segment, rules: Rules) -> set[int]:
    """Headings of no kind, each over its own text, one after another in one section, most of
    them naming a category: the page's areas, each under its heading; so are the others of the run,
    though one names no category ("Synlighet" / "Samverkan" / "Alkoholrelaterad brottslighet":
    www-sundbyberg-se__2017-02-13-…, polisen-se__almhult), has a comma ("Ungdomar, inkludering och
    positiva fritidsaktiviteter": www-lysekil-se__medborgarlofte) or more words than a lone area
    heading ("Mer stöd till barn och unga som riskerar att hamna i gängkriminalitet", up to
    rules/sections.yaml ``heading_max_words``: goteborg-se__trygg-i-vastra-hisingen-…). A heading of
    another shape (a question, a section word of ``not_focus_headings``, one naming the promise:
    ``area_run_not_words``) ends the run, and so does a lead-in ("… har … bland annat genomfört
    följande:" after a photo's caption: kungsor-se__2022-05-23-…): the headings after it are its list."""
    limit = rules.sections["heading_max_words"]
    skip = rules.sections["not_focus_headings"] + rules.sections["signatory_headings"]
    not_words = frozenset(rules.sections["area_run_not_words"])
    out: set[int] = set()
    run: list[tuple[Block, str]] = []

    def close() -> None:
        named = sum(bool(categorize(b.text, rules, allow_other=False)) for b, _ in run)
        if named >= 2 and 2 * named >= len(run):
            out.update(id(b) for b, _ in run)

    blocks = seg.blocks
    for i, (b, section) in enumerate(blocks):
        if b.kind == "paragraph" and b.text.rstrip().endswith(":"):
            close()
            run = []
        if b.kind != "heading":
            continue
        nxt = blocks[i + 1][0] if i + 1 < len(blocks) else None
        fits = section in ("lead", "activities", "focus") and nxt is not None and nxt.kind != "heading" \
            and len(b.text.split()) <= limit and not b.text.rstrip().endswith(("!", "?", ":")) \
            and not commits(b.text, rules) and not _name_like(b.text) and not phrase_match(b.text, skip) \
            and not_words.isdisjoint(_words(b.text))
        if fits and run and run[-1][1] == section:
            run.append((b, section))
            continue
        close()
        run = [(b, section)] if fits else []
    close()
    return out


def _opens_actions(heading: str, rules: Rules) -> bool:
    """A heading over the actions of the promises listed right above it (rules/activities.yaml
    ``actions_heading_starts``)."""
    words = _words(heading)
    return bool(words) and words[0] in rules.activities["actions_heading_starts"] \
        and len(words) <= rules.sections["heading_max_words"]


def _read_item(draft, block, doc, section, leadin, add_activity, last_activity, rules):
    text = block.text
    if leadin == "place" and last_activity is not None:
        last_activity["places"].append(text.strip(" ."))
        last_activity["text"] += " " + text
        return
    if leadin == "follow_up" or section == "follow_up":
        draft.follow_up.append(text)
        return
    if leadin == "situation":
        draft.situation.append(text)
        return
    if _never_item(text, rules):
        return  # a quote, how the promise is made: no promise and no area, whatever the lead-in
    if leadin == "goal":
        # a list the page calls its goals (rules/activities.yaml goal_leadin_words): no activity, though an
        # item says "ska"; a goal is a focus area as under a focus lead-in, a general aim none
        low = norm(text)
        general = is_general_aim(low, rules) or is_goal_item(text, rules) \
            and not categorize(text, rules, allow_other=False, fallback=False)
        if not general and (categorize(text, rules, allow_other=False) or not _place_like(text)):
            add_focus(draft, _focus_item(text, rules))
        return
    if (leadin in ("focus", "focus_items") or section == "focus") and is_period_statement(text, rules):
        # "Medborgarlöftet gäller från 1 januari 2018 …", "Uppföljning ska genomföras …" after a
        # focus lead-in (polisen-se__forshaga-3): period and follow-up, no focus area
        if is_follow_up_sentence(text, rules):
            draft.follow_up.append(text)
        return
    if leadin == "focus" and section != "situation" and is_noun_promise(text, rules):
        add_activity(text, doc, block, "activities")
        return
    if (leadin in ("focus", "focus_items") or section == "focus") and section != "situation" \
            and opens_with_action(text, rules):
        # "Identifiera, lagföra och socialt följa upp yngre missbrukare …" under "Fokusområden … blir:": an
        # area the page names, put as what the parties do, is a promise too
        add_activity(text, doc, block, "activities", add_focus(draft, _focus_item(text, rules)))
        return
    if (leadin in ("focus", "focus_items") or section == "focus") and section != "situation" \
            and (commits(text, rules) or _opens_with_doer(doc, text, rules)):
        # "Synlighet - Vi ska prioritera närvaro i …" under "Prioriterade områden är:", "Polisen
        # fortsätter att informera via …" under "Inriktning för medborgarlöfte …": a promise, and
        # its head (if any) the focus area it falls under
        head = _item_head(text, rules)
        fa = add_focus(draft, FocusArea(title=head, categories=_topic_categories(head, text, rules))) if head else None
        promised = _promises_in_prose(doc, rules)
        if promised == [] and not _item_opens_promising(doc, rules):
            # "• Insatser mot narkotika med syfte att … Särskilt ska beaktas brott som …" under "Fyra
            # fokusområden": the item opens with its area and no sentence after it commits a doer to an
            # action (polisen-se__norsjo, norsjo-se__default-id-44957): an area, no promise
            if fa is None:
                add_focus(draft, _focus_item(text, rules))
            return
        if promised:
            for sent in promised:
                add_activity(_unwrap(sent.text.strip()), sent, block, "activities", fa)
            return
        add_activity(text, doc, block, "activities", fa)
        return
    if leadin in ("focus", "focus_items") or section == "focus":
        if section == "situation":
            draft.situation.append(text)
        if categorize(text, rules, allow_other=False) or not _place_like(text):
            add_focus(draft, _focus_item(text, rules))
        return
    if leadin == "effect" or section == "effect" and not opens_with_action(text, rules) and (
            _tables(rules).effect_leadin(norm(text)) or not is_commitment(doc, rules, strict=True)):
        # (a promise under an effect heading is an activity, unless it says what is to be reached; so is a
        # bullet that opens with what the parties do: "Agera mot den kartlagda oron gällande ANDT.")
        draft.effect.append(text)
        return
    if section == "other":
        return
    if is_period_statement(text, rules) or norm(text).startswith(_tables(rules).not_activity_starts) \
            or text.rstrip().endswith(":"):
        return  # "– Det känns jättebra …": a quote set as a list item; "… åtar sig att:", a lead-in
    if is_general_aim(norm(text), rules):
        return
    if is_goal_item(text, rules):
        if categorize(text, rules, allow_other=False, fallback=False):
            add_focus(draft, _focus_item(text, rules))
        return
    if is_follow_up_sentence(text, rules) and not is_commitment(doc, rules, strict=False):
        sents = list(doc.sents)
        follow = [s for s in sents if is_follow_up_sentence(s.text, rules)]
        if len(follow) == len(sents) or not any(is_commitment(s, rules, strict=False) for s in sents):
            draft.follow_up.append(text)
            return
        # a promise item that ends by saying how it is followed up ("Polisen och kommunen kommer att
        # genomföra … Uppföljning kommer att ske genom …"): the promise stays, its follow-up is read too
        draft.follow_up.extend(" ".join(s.text.split()) for s in follow)
    if section == "situation" and not is_commitment(doc, rules, strict=True):
        draft.situation.append(text)
        return
    add_activity(text, doc, block, section, _dash_topic(draft, text, rules))


def _promises_in_prose(doc, rules: Rules) -> list | None:
    """An area's bullet under a focus lead-in that is a text of its own ("fokusera på fem områden." /
    "• Droger" + "Droger är vanligt förkommande … Polisen och kommunen ska aktivt verka för att …":
    polisen-se__robertsfors; "1. Rikta åtgärder mot brottsaktiva. Polisen och kommunen ska gemensamt
    rikta åtgärder mot brottsaktiva. Som brottsaktiv definieras …": www-amal-se__tre-fokusomraden-…, as
    its own 2021 page sets the same as a heading and its text): where the bullet opens with background
    or its topic (no commitment), only its committing sentences are promises, each one (as in running
    text). One that opens with its promise and goes on with what it is ("Polisen kommer att
    genomföra insatser mot … Insatsen riktas mot …": www-grums-se__polisensmedborgarlofte-3782) is one.
    (The first sentence is read from where the item's text starts, nlp.BlockSpan: a "-" bullet
    before it would read as a quote dash; bench/perturb.py bullet-: grums, polisen-se__sundbyberg-2.)
    None when the bullet is read as one (a single sentence, or one that opens with its promise)."""
    sents = [s for s in doc.sents if s.text.strip()]
    if len(sents) < 2 or is_commitment(sents[0], rules, strict=True):
        return None
    return [s for s in sents[1:] if is_commitment(s, rules, strict=True)]


def _first_sentence(doc):
    """A bullet's first sentence (a block's span reads it from where the item's text starts: nlp.BlockSpan)."""
    return next(s for s in doc.sents if s.text.strip())


def _item_opens_promising(doc, rules: Rules) -> bool:
    """A bullet whose first sentence commits or opens with its doers ("Polisen fortsätter att …")."""
    first = _first_sentence(doc)
    return commits(first.text, rules) or _opens_with_doer(first, first.text, rules)


_DASH_TOPIC = re.compile(r"^([A-ZÅÄÖ][^.:–-]{2,45}?)\s+[-–]\s+(?=[A-ZÅÄÖ])")


def _dash_topic(draft: Draft, text: str, rules: Rules) -> FocusArea | None:
    """"Synlighet - Polisen och kommunen lovar att …": a promise that names its focus area
    first (polisen-se__sundbyberg, polisen-se__sundbyberg-2, polisen-se__mellerud-2). The
    topic's own words give its categories, else those of the promise after it."""
    m = _DASH_TOPIC.match(text)
    if not m or len(m.group(1).split()) > 5 or commits(m.group(1), rules) \
            or not commits(text[m.end():], rules):
        return None
    topic = m.group(1)
    return add_focus(draft, FocusArea(title=topic, categories=_topic_categories(topic, text[m.end():], rules)))


def _topic_categories(topic: str, rest: str, rules: Rules) -> list[str]:
    """The categories of a topic that heads a promise: its own words, else those of the promise
    after it; a generic topic ("Trygghet - Vi ska …") takes no trygghet fallback (CONTRACT.md)."""
    return categorize(topic, rules, allow_other=False, fallback=False) \
        or categorize(rest, rules, allow_other=False, fallback=False) \
        or categorize(topic, rules, fallback=not generic_title(topic, rules))


def _opens_with_doer(doc, text: str, rules: Rules) -> bool:
    """"Polisen fortsätter att informera …": an item that opens with its doers and an action
    verb promises even without a commitment word (fagersta-se__medborgarlofte)."""
    return _acts(norm(text), rules) and read_actors(doc, rules).opens


def opens_list(text: str, rules: Rules) -> bool:
    """A lead-in that opens a list: it ends with ":", or as ``ends_leadin`` says."""
    text = text.rstrip()
    return text.endswith(":") or ends_leadin(text, rules)


def is_noun_promise(text: str, rules: Rules) -> bool:
    """"Polisiär närvaro med synlig och aktiv polis i Knivsta kommun.": a promise written as a
    noun phrase; not a goal that names such a noun ("Öka synligheten och närvaron av vuxna …":
    rules/activities.yaml ``noun_promise_not_first``)."""
    a = rules.activities
    words = _words(text)
    return len(words) >= a["noun_promise_min_words"] and words[0] not in a["noun_promise_not_first"] \
        and any(n in w for w in words[:4] for n in a["noun_promise_words"])


def opens_with_action(text: str, rules: Rules) -> bool:
    """A bullet that opens with the infinitive of a concrete action ("Identifiera …", "Besöka …",
    "Kommunicera …": rules/activities.yaml ``action_infinitives``), also after a word of manner
    ("Återkommande kommunicera …": ``action_manner_words``), with a goal and the means to it ("Öka
    invånarnas trygghetskänsla genom aktiv närvaro …": ``goal_with_means``) or with a goal verb on the
    parties' own way of working ("Förbättra dialogen med fastighetsägare …": ``goal_on_working``)."""
    words = _words(text)
    if not words:
        return False
    a = rules.activities
    verb = words[1] if words[0] in a["action_manner_words"] and len(words) > 1 else words[0]
    low = norm(text)
    return verb in a["action_infinitives"] or _goal_re(a["goal_with_means"]).search(low) is not None \
        or _goal_re(a["goal_on_working"]).search(low) is not None


def is_general_aim(low: str, rules: Rules) -> bool:
    """"… lovar att arbeta för att öka tryggheten och minska brottsligheten i kommunen": the aim
    of every medborgarlöfte, promised as such; also as unnamed efforts for it ("… genomföra olika
    insatser för att öka tryggheten i kommunen") or as the place felt safe ("att Karlsborg ska
    uppfattas som en trygg plats"): rules/activities.yaml general_aim, general_aim_effort,
    general_aim_state."""
    a = rules.activities
    return any(_goal_re(a[key]).search(low) is not None
               for key in ("general_aim", "general_aim_effort", "general_aim_state"))


def names_priorities(low: str, rules: Rules) -> bool:
    """"De särskilda prioriteringarna under året kommer att vara …": the focus stated, no activity."""
    return _goal_re(rules.activities["priorities_named"]).search(low) is not None


def is_goal_item(text: str, rules: Rules) -> bool:
    """"öka tryggheten", "förebygga brott": a goal in a list, not something anyone does."""
    low = norm(text)
    a = rules.activities
    return len(low.split()) <= a["goal_item_max_words"] and not commits(low, rules) \
        and _goal_re(a["goal_item"]).search(low) is not None


@lru_cache(maxsize=None)  # one per pattern of the rule files: a bounded set
def _goal_re(pattern: str) -> Needing:
    """The pattern (a rule of rules/activities.yaml), searched only in texts that hold the text
    its every match holds (sections.required_texts: "general_aim" needs " för " or "till en ")."""
    return Needing(re.compile(pattern))


_HEAD_END = re.compile(r"\s+[–-]\s+|:\s|\.\s+(?=[A-ZÅÄÖ])")


def _item_head(text: str, rules: Rules) -> str | None:
    """The topic an item opens with: "Synlighet - Vi ska …", "Trafik: …", or a short first
    sentence before the promise ("Rikta åtgärder mot brottsaktiva. Polisen och kommunen ska …");
    a head that itself promises is none."""
    parts = _HEAD_END.split(text, maxsplit=1)
    if len(parts) < 2 or len(parts[0].split()) > 14 \
            or commits(parts[0], rules):
        return None
    return parts[0].strip(" .")


_WRAP = re.compile(r"[ \t]*\n[ \t]*")


def _unwrap(text: str) -> str:
    """The text with each line break (and the spaces and tabs around it) one space. Most texts
    have none: the search for one is tried at every position (it opens with "[ \\t]*")."""
    return _WRAP.sub(" ", text) if "\n" in text else text


def _read_sentence(draft, sent, block, section, add_activity, rules, report, under_area=False):
    text = _unwrap(sent.text.strip())  # (a sentence may go on over a wrapped line)
    if not text:
        return
    low = norm(text)
    t = _tables(rules)
    if t.promise_sentence(low):
        draft.promise_sentences.append(sent)
    # (``under_area``: in the text under an area's heading a focus sentence names that area's own focus, no
    # area of the record: "• Droger" / "… Ett extra fokus ska ligga på tidig upptäckt hos unga personer."
    # (polisen-se__robertsfors), "Förebyggande insatser bland unga" / "Arbetet med särskild fokus på att hindra
    # unga från att hamna i kriminella miljöer och missbruk …" (kommun-varnamo-se__2024-04-22-…))
    if section in ("lead", "activities", "situation", "focus", "effect") and not under_area:
        # (under "Det här ska vi åstadkomma tillsammans" too: "… ett fortsatt behov av att fokusera på barn
        # och unga samt alkohol- och drogförebyggande arbete": polisen-se__varberg)
        for fa in _sentence_areas(text, rules):
            add_focus(draft, fa)
    if is_follow_up_sentence(text, rules):
        draft.follow_up.append(text)
        return
    if section == "follow_up":
        draft.follow_up.append(text)
    elif section == "effect" and t.effect_section_promise.search(low) \
            and is_commitment(sent, rules, strict=True, report=report):
        add_activity(text, sent, block, "activities")  # "Genom att polis är på plats …, ska kommunen och polisen …"
    elif section == "effect":
        draft.effect.append(text)
    elif section == "focus" and is_commitment(sent, rules, strict=True, report=report):
        add_activity(text, sent, block, section)  # "Synlighet" / "Vi ska prioritera närvaro i Rissne …"
    elif section in ("situation", "focus") and not is_period_statement(text, rules) \
            and not is_purpose_sentence(low, rules) and not t.not_situation_phrase(low) \
            and not (section == "focus" and (is_focus_sentence(text, rules) or t.focus_plan.search(low))):
        # (under a focus heading, a sentence that names the focus is none: "Trygghetsvandringar, Fokus ska ligga
        # på dels trygghetsskapande …": polisen-se__hylte; "Det brottsförebyggande arbetet i kommunen fokuserar
        # extra på skadegörelse- och tillgreppsbrott.": www-orkelljunga-se__fokusomrade-trygghet), nor one that
        # says what the focus will be (rules/sections.yaml focus_plan_sentences)
        draft.situation.append(text)
    elif section == "activities" and is_commitment(sent, rules, strict=False, report=report):
        add_activity(text, sent, block, section)
    elif report and low.startswith(t.report_means_starts) and draft.activities \
            and block.start <= draft.activities[-1]["span"][0] < block.end:
        add_activity(text, sent, block, section)  # "… haft god kontakt med kommunen … Detta bl.a. genom …"
    elif report and section == "lead" and (is_commitment(sent, rules, strict=True, report=True)
                                           and is_past_report(_words(low), rules) or reports_ongoing(sent, rules)):
        add_activity(text, sent, block, section)
    elif t.effect_sentence_cue(low):
        draft.effect.append(text)


def reports_ongoing(sent: Span, rules: Rules) -> bool:
    """On a report, a named party, the sentence's first words, that "also" does something now ("Polisen
    samarbetar också med krögare …": rules/activities.yaml report_ongoing_words): an action, no promise
    ("ska", "kommer att")."""
    words = _words(norm(sent.text))
    if _tables(rules).report_ongoing.isdisjoint(words):
        return False
    facts = _commitment_facts(sent.text.strip(), rules, True)
    return facts is not None and not facts[0] and facts[1] and has_actor(sent.doc, sent.start, sent.start + 1)


def is_purpose_sentence(low: str, rules: Rules) -> bool:
    """A sentence whose main clause is the aim ("Målet är att …", "Syftet med medborgarlöftet är
    …", "Arbetet syftar till …"): no situation, though it names a lägesbild or a dialogue."""
    t = _tables(rules)
    return low.startswith(t.purpose_starts) or " syftar till " in low


def lead_situation(draft: Draft, seg: Segment, docs: dict[int, Doc], rules: Rules) -> None:
    """A page with no situation section (text under a focus heading may have given some situation
    already: polisen-se__trollhattan, polisen-se__hylte, polisen-se__falkoping): the lead sentences
    that say what the promise builds on ("Utifrån medborgardialoger och statistik …") are its
    situation, and the list such a sentence opens ("Lägesbild – identifierade områden:" /
    "• Trafiksituationen" …), as in a situation section. A quote set as a list item ("- Polisen och kommunen har tillsammans lyssnat på
    medborgarnas synpunkter …, säger …") is read as the paragraph it is. A sentence that goes on from a
    situation sentence by a pronoun ("Dessa är trafik, …") is read as having a cue."""
    t, basis = _tables(rules), tuple(rules.sections["situation_basis_starts"])
    continuation = tuple(rules.sections["situation_continuation_starts"])
    taken = {a["text"] for a in draft.activities} | set(draft.situation)
    list_of_situation = False  # the paragraph before ended with a situation sentence that opens a list
    for block, section in seg.blocks:
        if block.kind == "item" and list_of_situation:
            if block.text not in taken and not is_commitment(docs[id(block)], rules, strict=True):
                draft.situation.append(" ".join(block.text.split()))
            continue
        list_of_situation = False
        quote = block.kind == "item" and t.situation_quote(" " + norm(block.text) + " ") is not None
        if block.kind != "paragraph" and not quote or section not in ("lead", "activities", "other"):
            continue  # ("other": under "Bakgrund", "Om medborgarlöftet" …; a quote set as a "- " item reads as prose)
        after = False  # the sentence before in this paragraph is situation
        dash = quote or t.quote_start.match(block.text.lstrip()) is not None
        for sent in docs[id(block)].sents:
            list_of_situation = False
            low, text = norm(sent.text), " ".join(sent.text.split())
            own_cue = t.situation_sentence_cue(low) is not None
            cue = own_cue or after and (low.startswith(continuation) or not dash and _goes_on(sent, text, low, rules))
            after = text in draft.situation
            if text in taken or is_period_statement(text, rules) or not cue:
                continue
            if t.not_situation_phrase(low) or is_purpose_sentence(low, rules) or _promise_aim(low, rules) \
                    or commits(low, rules) and is_focus_sentence(text, rules) \
                    or text.endswith(":") and not low.startswith(basis) and _leadin_kind(text, rules) == "activity":
                continue  # (… "kommer … att fokusera på …": what the promise will focus on; the lead-in of the
                # promises, an aim before it: "För att minska problemet med otrygghet … lovar vi under 2019 följande
                # aktiviteter:", polisen-se__goteborg-centrum, as the purpose lead-ins of rules/sections.yaml)
            # (under "other", no activity text, a sentence promises only with a commitment word: not
            # "Lägesbilden är framtaget genom medborgardialoger, …" under "Bakgrund", polisen-se__tidaholm)
            promises = commits(low, rules) if section == "other" else is_commitment(sent, rules, strict=section == "lead")
            if low.startswith(basis) and own_cue or not promises:  # (a continuation by its pronoun only
                # is situation when it promises nothing: "Utifrån detta har vi sedan tagit fram löftena …")
                draft.situation.append(text)
                # (the list of a lead-in that calls its items goals is none: "… legat till grund för de mål
                # kommunen och polisen har tagit fram för 2022:")
                list_of_situation, after = text.endswith(":") and _leadin_kind(text, rules) != "goal", True


def _promise_aim(low: str, rules: Rules) -> bool:
    """The promise as subject, saying what it focuses on or aims at ("Medborgarlöftet har särskilt fokus
    på …", "– I detta medborgarlöfte riktar vi in oss mot …"): its aim, not the situation it rests on
    (rules/sections.yaml situation_promise_subject_starts)."""
    sec = rules.sections
    return low.lstrip("–-− ").startswith(tuple(sec["situation_promise_subject_starts"])) \
        and any(w in low for w in sec["situation_promise_aim_words"])


def _goes_on(sent: Span, text: str, low: str, rules: Rules) -> bool:
    """A sentence right after a situation sentence in its paragraph that goes on about it ("… har
    tre problembilder valts ut. Aggressiv körning, felaktigt trafikbeteende och \"busliv\" … beskrivs
    … som ett generellt problem.", "Skadegörelsen har ökat i kommunen. Bland annat har det varit
    problem med yttre skadegörelse på kommunens skolor."): no promise, lead-in, focus, follow-up or
    genre statement, and none of rules/sections.yaml ``situation_goes_on_not``: what the promise is or
    is for, why something matters, what the work led to, who works with whom."""
    t, sec = _tables(rules), rules.sections
    result = any(w in low for w in sec["situation_goes_on_result"])  # what it led to: the promises
    if commits(low, rules) or text.endswith(":") or low.startswith(tuple(sec["situation_goes_on_not_starts"])) \
            or not result and any(w in low for w in sec["situation_goes_on_not"]):
        return False
    return not (is_focus_sentence(text, rules) or t.promise_sentence(low) or is_follow_up_sentence(text, rules)
                or _generic(text, rules) or _opens_with_doer(sent, text, rules))


def _lead_promises(seg: Segment, docs: dict[int, Doc], sections: tuple[str, ...], rules: Rules, doc_text: str,
                   summary: bool = False):
    """The committing sentences of running text in ``sections`` (not the lead-in of a list: the
    last sentence of a paragraph that opens one; the sentences before it are running text), with
    their blocks; not a quote's. With ``summary``, also a sentence that sums up promises by naming
    some ("X och Y – det är några av de löften som …": rules/activities.yaml promise_summary)."""
    quotes = _quotes(seg, rules, doc_text)
    summing = rules.activities["promise_summary_sections"] if summary else ()
    for block, section in seg.blocks:
        if block.kind != "paragraph" or section not in sections and section not in summing or id(block) in quotes:
            continue
        sents = list(docs[id(block)].sents)
        if opens_list(block.text, rules):
            sents = sents[:-1]
        for prev, sent in zip([None] + sents, sents):
            if (section in sections and is_commitment(sent, rules, strict=True)
                    or section in summing and sums_up_promises(sent.text, rules)) \
                    and (prev is None or _focus_also(prev, sent, rules) is None):
                yield block, sent


def sums_up_promises(text: str, rules: Rules) -> bool:
    """"Information om trafiksäkerhet … och trygghetsvandringar – det är några av de löften som …": a
    sentence that names some of the promises (rules/activities.yaml promise_summary); not a quote's
    words or a genre statement."""
    low = norm(_unwrap(text.strip()))
    return _goal_re(rules.activities["promise_summary"]).search(low) is not None \
        and not _generic(text, rules) and not low.startswith(_tables(rules).not_activity_starts)


def _lead_activity(block: Block, sent: Span, freq: Frequency | None, cadence: str | None, doc_text: str,
                   rules: Rules) -> dict:
    return {"text": " ".join(sent.text.split()), "focus_area": None, "reading": read_actors(sent, rules),
            "heading_actors": (), "frequency": freq, "cadence": cadence, "places": [],
            "span": _span_of(block, sent.text.strip(), doc_text), "section": "lead"}


def lead_activities(draft: Draft, seg: Segment, docs: dict[int, Doc], doc_text: str, rules: Rules) -> None:
    """A page with no activity list: its committing sentences in running text are the
    activities (news articles, short kommun pages)."""
    for block, sent in _lead_promises(seg, docs, ("lead", "activities"), rules, doc_text, summary=True):
        draft.activities.append(_lead_activity(block, sent, *parse_frequency(sent.text, rules), doc_text, rules))
    last, section = seg.blocks[-1] if seg.blocks else (None, None)
    if draft.activities and last is not None and last.kind == "heading" and section == "lead" \
            and _cut_promise(docs[id(last)], rules):
        # the page cut in its last promise, after promises in running text ("Vi ska under året, polis och kommun
        # tillsammans, möta me": polisen-se__haninge), as read_segment keeps one after a list
        doc = docs[id(last)]
        draft.activities.append(_lead_activity(last, doc[:], *parse_frequency(last.text, rules), doc_text, rules))


def counted_lead_activities(draft: Draft, seg: Segment, docs: dict[int, Doc], doc_text: str, rules: Rules) -> None:
    """A page with an activity list may promise in its running text too, with a count ("En gång i
    veckan kommer polisens mobila kontor att finnas på plats …"): a count with a doer and a
    commitment is an activity (rules/activities.yaml ``counted_promise_sections``), so is one that adds
    to the promises ("Utöver ovan fokusområden kommer …": ``added_promise_starts``) or calls itself one
    ("Medborgarlöftet för 2019 är att genomföra …": ``promise_named``) or commits to a concrete action ("… lovar
    att genomföra gemensam trygghetsvandring …": ``lead_action_promise``), even when a list item has
    its count: a promise told twice is two activities in the gold ("Vid minst sex (6) tillfällen kommer
    vi att ha planerade insatser …" over "genomföra minst sex (6) särskilt riktade insatser …":
    polisen-se__tjorn-kommun, blind12; polisen-se__bjuv's two "två gånger per vecka", tests/gold). A
    sentence on what the promise builds on is situation, whatever count it names."""
    added, t = False, _tables(rules)
    area_of = _areas_above(seg, draft)
    for block, sent in _lead_promises(seg, docs, tuple(rules.activities["counted_promise_sections"]), rules, doc_text):
        freq, cadence = parse_frequency(sent.text, rules)
        low = norm(sent.text)  # (norm folds the white space: no strip needed)
        added_to = low.startswith(t.added_promise_starts) or t.promise_named.search(low) is not None
        area = area_of.get(id(block))
        concrete = added_to or area is not None or t.lead_action_promise.search(low) is not None
        if freq is None and not concrete or not added_to and t.situation_sentence_cue(low) is not None:
            continue  # ("… en gemensam lägesbild som utgår från den årliga trygghetsundersökningen")
        act = _lead_activity(block, sent, freq, cadence, doc_text, rules)
        act["focus_area"] = area
        if all(a["span"] != act["span"] for a in draft.activities):
            draft.activities.append(act)
            added = True
    if added:  # in document order
        draft.activities.sort(key=lambda a: a["span"][0])


def _areas_above(seg: Segment, draft: Draft) -> dict[int, str]:
    """The paragraphs right under a heading that is one of the record's focus areas, with that area's
    title: running text there is the area's own text, as the bullets below it are its promises."""
    titles = {fa.title for fa in draft.focus_areas}
    return {id(b): prev.text.strip() for (prev, _), (b, _) in zip(seg.blocks, seg.blocks[1:])
            if prev.kind == "heading" and prev.text.strip() in titles and b.kind == "paragraph"}


@lru_cache(maxsize=4)
def _place_re(rules: Rules) -> re.Pattern:
    a = rules.activities
    word = r"[A-ZÅÄÖ][\wåäöéü-]+"
    suffix = "|".join(map(re.escape, a["place_suffix_words"]))
    name = rf"{word}(?:\s+{word})*(?:\s+(?:{suffix})(?![\wåäö]))?"
    preps = "|".join(map(re.escape, a["place_prepositions"]))
    return re.compile(rf"(?<![\wåäö])(?:{preps})\s+({name}(?:(?:,\s*|\s+och\s+){name})*)")


def find_places(text: str, rules: Rules) -> list[str]:
    """Named places: "i Flemingsberg C, Skogås C och Vårby C" → the four names; a name of
    several words is one place ("i Östra Göteborg", "i Skånes Fagerhult"), so is a genitive with
    its place word ("inom Lindesbergs tätort"). Not an organisation ("i Borås Stad", "i Flens
    kommun"), an acronym ("kring SMADIT", "i LPO"), a paper ("i Vansbrobladet") or a name the
    page cut in its brackets."""
    a = rules.activities
    not_after, not_names = set(a["place_not_followed_by"]), set(a["place_not_names"])
    out = []
    for m in _place_re(rules).finditer(text):
        rest = text[m.end():].split(None, 1)
        if rest and rest[0].strip(".,;:") in not_after:
            continue
        for name in re.split(r",\s*|\s+och\s+", m.group(1)):
            words = name.split()
            # a later word that is no place ("i Vingåker Polisen ska …": a sentence the page ran on)
            cut = next((i for i, w in enumerate(words[1:], 1) if w in not_names), len(words))
            words = words[:cut]
            if not words or words[-1].lower() in not_after or words[0] in not_names:
                continue
            name = " ".join(words)
            acronym = words[0].isupper() or re.match(r"^[A-ZÅÄÖ]+-[a-zåäö]", words[0])  # "EST-arbetet"
            if len(name) > 2 and not acronym and not name.lower().endswith(tuple(a["place_not_name_ends"])):
                out.append(name)
    return list(dict.fromkeys(out))


def _target_alt(words: list[str]) -> re.Pattern:
    """The words, their first letters a look-ahead (see sections.first_letters)."""
    return re.compile(first_letters(words) + r"(?<![\wåäö])(?:" + "|".join(map(re.escape, words)) + ")", re.I)


@lru_cache(maxsize=4)
def _target_res(rules: Rules) -> tuple[re.Pattern, dict[str, re.Pattern]]:
    """The words of every group as one pattern (most texts name no group: one search tells),
    then each group's own."""
    groups = rules.activities["target_groups"]
    return _target_alt([w for ws in groups.values() for w in ws]), {g: _target_alt(ws) for g, ws in groups.items()}


def find_target_groups(text: str, rules: Rules) -> list[str]:
    return list(_target_groups(text, rules))


@lru_cache(maxsize=4096)
def _target_groups(text: str, rules: Rules) -> tuple[str, ...]:
    any_group, by_group = _target_res(rules)
    if not any_group.search(text):
        return ()
    return tuple(g for g, pat in by_group.items() if pat.search(text))


_A_YEAR = re.compile(r"\b(19|20)\d\d\b")


def finish_activity(act: dict, parties: tuple[str, ...], single_fa: str | None, period_known: bool,
                    rules: Rules) -> Activity:
    actors = resolve_actors(act["reading"], act["heading_actors"], parties, rules)
    places = list(dict.fromkeys(act["places"] + find_places(act["text"], rules)))
    freq: Frequency | None = act["frequency"]
    focus_area = act["focus_area"] or single_fa
    # What the focus-area heading names (a place, a year) holds for the activities under it.
    # Time-bound: the record's period says when (so "under året" is bound by it), or the
    # activity or its heading names a year; "under året" without a period names no time.
    time_bound = period_known or bool(_A_YEAR.search(f"{act['text']} {focus_area or ''}"))
    place = bool(places) or bool(focus_area and find_places(focus_area, rules))
    return Activity(
        text=act["text"], focus_area=focus_area, actors=actors, frequency=freq,
        cadence_word=act["cadence"], places=places, target_groups=find_target_groups(act["text"], rules),
        span=act["span"],
        measurable=Measurable(named_actor=act["reading"].named or bool(act["heading_actors"]),
                              count_or_frequency=freq is not None, place=place,
                              time_bound=time_bound))


def _follow_up_heading_text(draft: Draft, text: str) -> None:
    """A follow-up text read from a heading, kept apart too: a heading that names the promise's
    report is a linked report (``follow_up_of``)."""
    draft.follow_up.append(text)
    draft.follow_up_headings.append(text)


def follow_up_of(draft: Draft, rules: Rules) -> FollowUp | None:
    if not draft.follow_up:
        return None
    texts = _before_signature([t.strip() for t in draft.follow_up if t.strip()], rules)
    if not texts:
        return None
    text = " ".join(dict.fromkeys(texts))
    freq, _ = parse_frequency(text, rules)
    low = text.lower()
    not_phrases = rules.sections.get("channel_not_phrases") or {}
    channels = [code for code, pat in _channel_res(rules).items()
                if pat.search(_without(low, not_phrases.get(code, ())))]
    # a heading that names the promise's report is a linked report (rules/sections.yaml report_heading_starts)
    names_report = tuple(rules.sections["report_heading_starts"])
    if "rapport" not in channels and any(norm(h).startswith(names_report) for h in draft.follow_up_headings):
        channels = [c for c in _channel_res(rules) if c in channels or c == "rapport"]
    if not channels and not any(w in low for w in rules.sections["follow_up_words"]):
        return None  # an "Uppföljning" heading over background text (polisen-se__svedala)
    return FollowUp(text=text, frequency=freq, channels=channels)


def _before_signature(texts: list[str], rules: Rules) -> list[str]:
    """The follow-up texts before the signature block (rules/sections.yaml signature_titles): the
    first short line with a signatory's title, and the short lines before it with no follow-up
    word (names, "Åseda 2016-12-06"), end the follow-up."""
    titles, most = rules.sections["signature_titles"], rules.sections["signature_max_words"]
    words = rules.sections["follow_up_words"]
    def short(t: str) -> bool:
        return len(t.split()) <= most and not t.endswith((".", ":"))
    k = next((k for k, t in enumerate(texts) if short(t) and any(w in t.lower() for w in titles)), None)
    if k is None:
        return texts
    while k > 0 and short(texts[k - 1]) and len(texts[k - 1].split()) <= 4 \
            and not any(w in texts[k - 1].lower() for w in words) and not any(c in texts[k - 1] for c in ":.@"):
        k -= 1
    return texts[:k]


def _without(low: str, phrases) -> str:
    """The text with the phrases that name no channel blanked (rules/sections.yaml channel_not_phrases)."""
    for p in phrases:
        low = low.replace(p, " ")
    return low


@lru_cache(maxsize=4)
def _channel_res(rules: Rules) -> dict[str, re.Pattern]:
    """Channel words match at the start of a word ("råd" is no part of "område"); entries
    that start with "~" or a non-letter (".se", "www.") match anywhere. Each channel is
    one or two tries (sections.alternation; only whether one matches is asked)."""
    def pattern(words: list[str]) -> re.Pattern:
        at_start = [w for w in words if w[:1].isalpha()]
        anywhere = [w.removeprefix("~") for w in words if not w[:1].isalpha()]
        return re.compile("|".join(([alternation(at_start, _AFTER_WORD_START)] if at_start else [])
                                   + ([alternation(anywhere)] if anywhere else [])))
    return {code: pattern(words) for code, words in rules.sections["channels"].items()}
