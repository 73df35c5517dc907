"""Who acts: actor mentions (found by the ``actor_ruler`` component) read in context.

A strong actor named as doer counts; one after a place or recipient preposition ("i
kommunen", "till polisen") does not. Weak actors (skola, näringsliv …) and genitives
("kommunens fältsekreterare") count only as partners ("tillsammans med …", "i samverkan
med …", "samverkan mellan …", "representanter för …", "närvaro av …"); weak actors also count as the opening subject.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span

from .rules import Rules

@dataclass(frozen=True)
class ActorReading:
    subject: tuple[str, ...]   # named doers
    partners: tuple[str, ...]  # named co-actors
    opens: bool = False        # the text opens with its doers ("Kommunen ska …")
    present: tuple[str, ...] = ()  # the partners named as those who make a presence ("vuxennärvaro genom nattvandring")

    @property
    def named(self) -> bool:
        return bool(self.subject or self.partners)


def _is_genitive(span: Span, rules: Rules) -> bool:
    """A one-word mention in the genitive: a form plus "s", also of a form that ends a word
    ("Östermalms stadsdelsförvaltnings …": "*förvaltning", as pipeline/nlp.py ActorRuler reads it)."""
    word = span[-1].lower_
    if not word.endswith("s") or len(span) > 1:
        return False
    forms = _forms(rules)
    if word in forms:
        return False
    stem = word[:-1]
    return stem in forms or stem.endswith(_genitive_suffixes(rules))


@lru_cache(maxsize=4)
def _forms(rules: Rules) -> frozenset:
    return frozenset(f for spec in rules.actors["actors"].values() for f in spec["forms"])


@lru_cache(maxsize=4)
def _genitive_suffixes(rules: Rules) -> tuple[str, ...]:
    """The word-ending forms ("*förvaltning") that take a genitive "s" (not those ending in "s")."""
    return tuple(f[1:] for f in _forms(rules) if f.startswith("*") and not f.endswith("s"))


@lru_cache(maxsize=4)
def _sets(rules: Rules) -> dict[str, frozenset]:
    """The word lists of rules/actors.yaml as sets, built once per load (not per mention)."""
    return {k: frozenset(v) for k, v in rules.actors.items() if isinstance(v, list)}


@lru_cache(maxsize=4)
def _partner_verbs(rules: Rules) -> tuple[str, ...]:
    """The verb starts that end a walk back to a partner cue, a tuple for ``str.startswith``."""
    return tuple(rules.actors["partner_list_verbs"])


def _word_before(doc: Doc, i: int, n: int = 1) -> str:
    """The text of the n-th token before token i that is no white space ("" at the start): a line
    break between "SSPF-grupp," and "{skola, …" (a wrapped line) is no word of the text."""
    while i > 0:
        i -= 1
        if not doc[i].is_space:
            n -= 1
            if not n:
                return doc[i].text
    return ""


def _gap(token) -> bool:
    """White space inside a line: the indent of a wrapped line joined to the one above (its line
    break read as a space, backends/text.text_and_blocks) is a token between two words of one
    sentence ("i" / "   Flens kommun", "där polis" / "    och socialtjänst": a PDF's or e-mail's
    hanging indent, bench/perturb.py wrapped), which the walks over words read past. A line break
    is none: it ends a block."""
    return token.is_space and "\n" not in token.text


def _before(doc: Doc, i: int, lo: int = 0) -> int:
    """The index of the nearest token before token i that is no ``_gap`` (``lo - 1`` when none is at
    or after ``lo``)."""
    i -= 1
    while i >= lo and _gap(doc[i]):
        i -= 1
    return i


def _after(doc: Doc, i: int, hi: int) -> int:
    """The index of the nearest token at or after token i that is no ``_gap`` (``hi`` when none is
    before ``hi``)."""
    while i < hi and _gap(doc[i]):
        i += 1
    return i


def _partner(doc: Doc, mention: Span, rules: Rules) -> str:
    """Walk back over a list ("med skola, socialtjänst och föreningsliv") to a partner cue; a presence-only
    mention ("nattvandring") only to a presence ("vuxennärvaro genom …") or "i form av". "presence" when
    the cue is one of those (the list names who makes the presence), "partner" for any other cue, else ""."""
    a = _sets(rules)
    start = mention.start
    weak = ":" in mention.label_
    presence_only = mention.label_.endswith(":presence")  # counts only where it makes a presence
    joiners = a["list_joiners"]
    blocking = a["blocking_prepositions"]
    verbs = _partner_verbs(rules)
    i, words_in_item, items = start - 1, 0, 0
    while i >= 0 and items < 8:
        token = doc[i]
        if token.is_space:  # a line break inside the list (a wrapped line: bench/perturb.py wrapped)
            i -= 1
            continue
        low = token.lower_
        before = doc[k].lower_ if (k := _before(doc, i)) >= 0 else ""
        if low in a["partner_noun_prepositions"] and before in a["partner_nouns"]:
            return "presence" if before in a["presence_partner_nouns"] else "partner"
        if weak and low in a["presence_prepositions"] and before in a["presence_nouns"]:
            return "presence"  # "vuxennärvaro genom nattvandring": those present make the presence
        if low in a["partner_cues"]:
            if presence_only:
                return ""  # "Arbeta med nattvandring": the method worked on
            if mention.text.lower() in a["method_forms"] and before.startswith(tuple(a["method_work_words"])):
                return ""  # "Fortsätta jobba med Grannsamverkan": the method worked on
            # "kontakt med skolan" is one side's contact; "kontakt mellan skolan, socialtjänsten och polisen" all's
            return "partner" if low in a["symmetric_partner_cues"] or before not in a["partner_veto_before_cue"] else ""
        if low in a["through_cues"]:
            # "via polisens och kommunens hemsidor": a channel
            return "partner" if not presence_only and not _is_genitive(mention, rules) else ""
        if low in a["acronym_partner_brackets"] and not presence_only and (
                _acronym(_word_before(doc, i)) or _word_before(doc, i) == "," and _acronym(_word_before(doc, i, 2))):
            return "partner"  # "SSPF (skola, socialtjänst, polis och fritid)": the partners the acronym stands for
        if low in blocking or low.startswith(verbs):
            return ""
        if low in joiners or low in ("(",):
            words_in_item, items = 0, items + 1
        else:
            words_in_item += 1
            if words_in_item > 3 or token.is_sent_start and i != start - 1 and low not in joiners:
                return ""
        i -= 1
    return ""


def _acronym(word: str) -> bool:
    """"SSPF", "SSPF-grupp": a short form in capitals (its part before a hyphen)."""
    head = word.split("-")[0]
    return len(head) >= 2 and head.isalpha() and head.isupper()


def _named_body(doc: Doc, lo: int, hi: int, mentions: list[Span], rules: Rules) -> bool:
    """The text opens with an organisation's name, its short form in brackets and its verb ("Människan
    bakom uniformen (MBU) utvecklar …"): a named doer that no actor form names (rules/actors.yaml
    named_body_verbs)."""
    if lo >= hi or not doc[lo].is_title:
        return False
    for j in range(lo + 1, min(lo + rules.actors["named_body_max_words"] + 1, hi - 3)):
        if doc[j].text == "(":
            verb = doc[j + 3].text
            return _acronym(doc[j + 1].text) and doc[j + 2].text == ")" and verb.isalpha() and verb.islower() \
                and (verb.endswith("r") or verb in _sets(rules)["named_body_verbs"]) \
                and not any(m.start < j + 3 for m in mentions)  # ("Brottsförebyggande rådet (BRÅ)": an actor's name)
        if not doc[j].text.isalpha():
            return False
    return False


def _blocked(doc: Doc, start: int, rules: Rules) -> bool:
    a = _sets(rules)
    blocking, skip = a["blocking_prepositions"], a["skip_before_preposition"]
    i, skipped = _before(doc, start), 0
    if i >= 0 and doc[i].lower_ in a["quality_words"]:
        return True  # "skapa en tryggare kommun": what the place is to become, no doer
    while i >= 0 and skipped < 2 and ((t := doc[i]).lower_ in skip or (t.is_title and t.lower_ not in blocking)):
        i, skipped = _before(doc, i), skipped + 1
    return i >= 0 and (doc[i].lower_ in blocking or doc[i].lower_ in a["recipient_verbs"])  # "delge polisen …"


def read_actors(doc: Doc | Span, rules: Rules) -> ActorReading:
    """Read the actor mentions of one activity (a Doc, or a sentence Span of one)."""
    full = doc.doc if isinstance(doc, Span) else doc
    lo, hi = (doc.start, doc.end) if isinstance(doc, Span) else (0, len(doc))
    spans, starts = _mentions(full)
    mentions = [m for m in spans[bisect_left(starts, lo):bisect_left(starts, hi)] if m.end <= hi]
    subject, partners, promisers, doers, present = [], [], [], [], []
    opens = bool(mentions) and _opening(full, lo, mentions[0].start, mentions, rules)
    if not opens and _named_body(full, lo, hi, mentions, rules):
        subject, opens = ["ovriga"], True  # "Trygga Ungdomsmiljöer (TUM) hanterar …"
    # "Vi ska … tipsa Polisen om …": up to the end of its sentence, "vi" is the doer
    we_end = lo
    if lo < hi and full[lo].lower_ in _sets(rules)["we_subjects"]:
        we_end = next((i for i in range(lo + 1, hi) if full[i].is_sent_start), hi)
    for m in mentions:
        code, _, weak = m.label_.partition(":")
        partner = _partner(full, m, rules)
        if partner:
            partners.append(code)
            if partner == "presence" and not _is_genitive(m, rules):
                present.append(code)  # (a genitive names an owner: "… i form av fotpatrullering, att kommunens
                # ANDTS-arbete ses över": www-orkelljunga-se__fokusomrade-trygghet)
        elif weak == "presence":
            continue  # "Nattvandring Syfte: …": a topic, not those who walk
        elif _is_genitive(m, rules):
            if m.start == lo or m.start > lo == _before(full, m.start, lo) and full[lo].is_title \
                    and not m.text.lower().endswith("ens") \
                    or m.start > mentions[0].start == lo and _opening(full, lo, m.start, mentions, rules):
                # "Kommunens fältassistenter ska …", "Borlänge kommuns Trygghetsvärdar ska …" (a name before
                # the indefinite genitive; not "Involvera kommunens invånare"): the owner acts; so does one
                # in the opening list of owners ("Polisen och socialtjänstens samverkan kring unga … ska öka":
                # polisen-se__gavle, as "polisens och kommunens gemensamma arbete": polisen-se__sotenas-2)
                subject.append(code)
            elif (k := _after(full, m.end, hi)) < hi and full[k].lower_ in rules.actors["promise_nouns"]:
                promisers.append(code)  # "… är polisens medborgarlöften följande"
            continue
        elif weak:
            if _opening(full, lo, m.start, mentions, rules):
                partners.append(code)
            elif _after_modal(full, lo, m.start, rules):
                subject.append(code)
        elif m.start >= we_end and not _blocked(full, m.start, rules):
            subject.append(code)
            doers.append(m)
    subject += _coordinated(full, lo, mentions, doers, partners, rules)
    subject = subject or promisers
    named = _suffix_actors(full, lo, hi, mentions, rules) or _responsible_actors(full, lo, hi, mentions, rules)
    present = tuple(dict.fromkeys(present))
    if named:  # "… (Polis och kommun)", "… Ansvarig: kommunen": the suffix names the doers, weak ones too
        return ActorReading(named, tuple(dict.fromkeys(partners)), True, present)
    return ActorReading(tuple(dict.fromkeys(subject)), tuple(dict.fromkeys(partners)), opens and bool(subject or partners),
                        present)


def _coordinated(doc: Doc, lo: int, mentions: list[Span], doers: list[Span], partners: list[str],
                 rules: Rules) -> list[str]:
    """Weak actors named in one list with a strong doer, where the list stands in the subject
    slot after a verb or "där" ("där polis och socialtjänst har en operativ samverkan":
    polisen-se__upplands-bro; "ska polisen, kommunen bostadsbolagen … arbeta tillsammans":
    nykoping-se__lofte-till-medborgarna-ett-tryggare-brandkarr): they act with it."""
    if not doers:
        return []
    a = _sets(rules)
    joiners = a["list_joiners"]
    lists, current = [], [mentions[0]]
    for prev, m in zip(mentions, mentions[1:]):
        gap = [doc[i] for i in range(prev.end, m.start) if not _gap(doc[i])]
        if any(t.lower_ in joiners for t in gap) and all(
                t.lower_ in joiners or t.is_title and not t.is_sent_start for t in gap):
            current.append(m)
        else:
            lists.append(current)
            current = [m]
    lists.append(current)
    found = []
    doer_set = set(doers)  # (Span hashes as it compares: one lookup per item, not a compare per doer)
    for items in lists:
        if doer_set.isdisjoint(items):
            continue
        i = _before(doc, items[0].start, lo)
        while i >= lo and doc[i].is_title and not doc[i].is_sent_start:
            i = _before(doc, i, lo)  # the name before the first mention ("Örebro kommun")
        if i >= lo and doc[i].lower_ in a["doer_list_openers"]:
            found += [m.label_.partition(":")[0] for m in items if m.label_.endswith(":weak")
                      and m.label_.partition(":")[0] not in partners]
    return found


def _suffix_actors(doc: Doc, lo: int, hi: int, mentions: list[Span], rules: Rules) -> tuple[str, ...]:
    """The codes of a closing parenthesis that only names who does it ("(Polisen)", "(Polis,
    Borås Stad, Borås City)"); a parenthesis with other words explains a term and names no
    doer ("(samverkan Skola, Socialtjänst, Polis, Fritid)")."""
    end = hi
    while end > lo and doc[end - 1].is_punct and doc[end - 1].text != ")":
        end -= 1
    if end <= lo or doc[end - 1].text != ")":
        return ()
    start = end - 1
    while start > lo and doc[start - 1].text not in "()":
        start -= 1
    if start == lo or doc[start - 1].text != "(":
        return ()
    if any(m.end == start - 1 for m in mentions):
        return ()  # "brottsförebyggande rådet (BRÅ)": the short form of the name before it
    inside = [m for m in mentions if m.start >= start and m.end < end]
    covered = {i for m in inside for i in range(m.start, m.end)}
    a = _sets(rules)
    if not inside or not all(i in covered or doc[i].lower_ in a["list_joiners"] or doc[i].lower_ in a["suffix_filler_words"]
                             or doc[i].text[:1].isupper() or _gap(doc[i]) for i in range(start, end - 1)):
        return ()
    codes = [m.label_.partition(":")[0] for m in inside] + _unnamed_items(doc, start, end - 1, covered, rules)
    return tuple(dict.fromkeys(codes))


def _unnamed_items(doc: Doc, start: int, end: int, covered: set[int], rules: Rules) -> list[str]:
    """The codes of the items of a suffix of doers that are names no actor form covers ("(Borås City, Borås
    TME)"): another organisation, or the one whose name the page spells out before the short form ("Fastighetsägare
    Centrala Hisingen (FCH)" … "(Stadsdelsförvaltning, FCH)")."""
    a = _sets(rules)
    found, item = [], []
    for i in [*range(start, end), end]:
        low = doc[i].lower_ if i < end else ","
        if i < end and (_gap(doc[i]) or low in a["suffix_filler_words"]):
            continue
        if low not in a["list_joiners"]:
            item.append(i)
        elif item and not any(k in covered for k in item):
            found.append(_spelled_out(doc).get(doc[item[0]].text, rules.actors["suffix_other_code"])
                         if len(item) == 1 else rules.actors["suffix_other_code"])
            item = []
        else:
            item = []
    return found


def _spelled_out(doc: Doc) -> dict[str, str]:
    """The short forms the page defines after a name that opens with an actor ("Fastighetsägare Centrala
    Hisingen (FCH)" → FCH: fastighetsagare), kept in the Doc."""
    data = doc.user_data
    if "spelled_out" not in data:
        found = {}
        for m in actor_spans(doc):
            j = m.end
            while j < len(doc) and j - m.end < 3 and doc[j].is_title:
                j += 1
            if j + 2 < len(doc) and doc[j].text == "(" and _acronym(doc[j + 1].text) and doc[j + 2].text == ")":
                found.setdefault(doc[j + 1].text, m.label_.partition(":")[0])
        data["spelled_out"] = found
    return data["spelled_out"]


def _responsible_actors(doc: Doc, lo: int, hi: int, mentions: list[Span], rules: Rules) -> tuple[str, ...]:
    """The codes after a closing "Ansvarig:" ("… Ansvarig: kommunen/polisen"), when only actors,
    joiners and punctuation follow it."""
    a = _sets(rules)
    cues = word_positions(doc, a["responsible_cues"])
    k = bisect_left(cues, hi) - 1
    if k < 0 or cues[k] < lo:
        return ()
    cue = cues[k]
    after = [m for m in mentions if m.start > cue]
    covered = {i for m in after for i in range(m.start, m.end)}
    if not after or not all(i in covered or doc[i].is_punct or doc[i].lower_ in a["list_joiners"] or _gap(doc[i])
                            for i in range(cue + 1, hi)):
        return ()
    return tuple(dict.fromkeys(m.label_.partition(":")[0] for m in after))


def actor_starts(doc: Doc) -> list[int]:
    """Token starts of the document's actor mentions (sorted), cached in the Doc: a sentence
    finds its mentions by bisection, not by a walk over all of them (quadratic)."""
    return _mentions(doc)[1]


def actor_spans(doc: Doc) -> list[Span]:
    """The document's actor mentions (``doc.spans["actors"]``, in order) as the Span objects the
    actor ruler made: reading ``doc.spans["actors"]`` makes a new Span for each mention each time."""
    return _mentions(doc)[0]


def _mentions(doc: Doc) -> tuple[list[Span], list[int]]:
    """The actor mentions and their starts, kept in the Doc (the actor ruler leaves its own list
    there; a Doc that has not that list gets its mentions from its span group, once)."""
    data = doc.user_data
    spans = data.get("actor_spans")
    if spans is None or len(spans) != len(doc.spans["actors"]):
        spans = data["actor_spans"] = list(doc.spans["actors"])
        data["actor_starts"] = [s.start for s in spans]
    return spans, data["actor_starts"]


def word_positions(doc: Doc, words: frozenset) -> list[int]:
    """Token indices of the document's words in ``words`` (sorted), found once per Doc and
    word list with one array pass: a text finds its own by bisection, not by a walk back over
    its tokens."""
    cache = doc.user_data.setdefault("word_positions", {})
    found = cache.get(words)
    if found is None:
        lows = doc.to_array(LOWER)
        hit = numpy.zeros(len(lows), dtype=bool)
        for w in words:  # (a few words: one comparison each beats numpy.isin's sort)
            hit |= lows == doc.vocab.strings[w]
        found = cache[words] = numpy.flatnonzero(hit).tolist()
    return found


def has_actor(doc: Doc, lo: int, hi: int) -> bool:
    """An actor mention starts within tokens ``lo:hi``."""
    starts = actor_starts(doc)
    return bisect_left(starts, lo) < bisect_left(starts, hi)


def _after_modal(doc: Doc, lo: int, start: int, rules: Rules) -> bool:
    """The mention is the subject right after the modal of an inverted clause ("På de platser … ska den
    polisiära övervakningen öka": polisen-se__osthammar; rules/actors.yaml subject_after_modal)."""
    a = _sets(rules)
    i = _before(doc, start, lo)
    while i > lo and doc[i].lower_ in a["opening_modifiers"]:
        i = _before(doc, i, lo)
    return i > lo and doc[i].lower_ in a["subject_after_modal"]


def _opening(doc: Doc, lo: int, start: int, mentions: list[Span], rules: Rules) -> bool:
    """The mention is in the list that opens the text ("Socialtjänst, skola och polis ska")."""
    if start <= lo:
        return True  # the text opens with it
    joiners = _opening_joiners(rules)
    covered = {i for s in mentions for i in range(s.start, s.end)}
    verbs = _infinitives(rules)
    named = {i for i in range(lo, start) if (t := doc[i]).is_title and t.lower_ not in verbs}
    # a capitalised word is part of a name that leads to a mention ("Båstads kommun"); one that
    # is not ("Besöka Forshagaakademien samt grundskolorna"), or is a verb that opens the text
    # ("Besöka skolor, fritidsgårdar och andra ungdomsmiljöer": polisen-se__ostersund), opens no list of doers
    leads = set()
    for i in range(start - 1, lo - 1, -1):
        if i in named and ((k := _after(doc, i + 1, start)) in covered or k in leads):
            leads.add(i)
    return all(i in covered or i in leads or doc[i].lower_ in joiners or _gap(doc[i]) for i in range(lo, start))


@lru_cache(maxsize=4)
def _infinitives(rules: Rules) -> frozenset:
    """The infinitives that open promise bullets (rules/activities.yaml ``action_infinitives``)."""
    return frozenset(rules.activities["action_infinitives"])


@lru_cache(maxsize=4)
def _opening_joiners(rules: Rules) -> frozenset:
    return frozenset(rules.actors["list_joiners"]) | {"gemensamt", "att"} | frozenset(rules.actors["opening_modifiers"])


def resolve_actors(reading: ActorReading, heading_actors: tuple[str, ...], parties: tuple[str, ...],
                   rules: Rules) -> list[str]:
    """The text's own doers when it opens with them; else those of its heading ("Polisen
    lovar att:"), else the record's parties when no doer is named; partners always count."""
    chosen = set(reading.subject) | set(reading.partners)
    if not reading.opens:
        if heading_actors:
            chosen |= set(heading_actors)
        elif not reading.subject and reading.present and set(reading.partners) == set(reading.present):
            # a presence that names those who make it names the doers ("Hög vuxennärvaro genom nattvandring och polisiär
            # synlighet": polisen-se__kalmar, blind4 gold civilsamhalle and polisen; "Hög närvaro av vuxna … i form av
            # nattvandringar och fältarbete": polisen-se__vaxjo-2, blind7 gold civilsamhalle and kommunen)
            pass
        elif not set(reading.subject) - set(reading.partners) and len(set(reading.partners) & set(parties)) < 2:
            # (a doer named only where it is also the partner is none: "Samverkan kommer att … ske med Gagnefs
            # kommun genom att … planera för gemensamma aktiviteter …, där trygghetsvandringar initierade av
            # kommunen utgör grunden": someone works with the kommun, the parties). A partner list that names two of
            # the parties names who does it, so the other parties are not added: "… kommer trygghetsvandringar
            # genomföras med polis, kommun, Stockholms lokaltrafik (SL) och näringsliv" (polisen-se__nynashamn,
            # www-nynashamn-se__medborgarloften, blind7 gold without the brandförsvar that signs the promise).
            chosen |= set(parties)
    return order_codes(chosen, rules)


def order_codes(codes, rules: Rules) -> list[str]:
    order = rules.actors["order"]
    return sorted(set(codes), key=order.index)
