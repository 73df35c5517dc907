"""The spaCy pipeline: blank Swedish, sentence splitting that knows
abbreviations and an actor ruler whose patterns come from ``rules/actors.yaml``. No
lemmatizer: extraction reads forms, and ``diff`` reads lemmas from the lookup table itself
(``pipeline/lemmas.py``), so no process builds spaCy's 660,000-entry table.

No trained model is needed. If a trained Swedish pipeline is installed, pass its name
(``--model``); its tokenizer and parser are then used, and our rule components are added.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import Iterator

import numpy
import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.attrs import IS_PUNCT, IS_SPACE, IS_TITLE, LOWER, ORTH, SENT_START
from spacy.tokens import Doc, Span

from .rules import Rules, load_rules


@Language.factory("actor_ruler", default_config={})
def make_actor_ruler(nlp: Language, name: str):
    return ActorRuler(nlp, load_rules())


class ActorRuler:
    """Marks every actor mention as a span in ``doc.spans['actors']`` labelled with its code
    (and ``:weak`` for actors that count only as subject or partner, ``:presence`` for those that count
    only as partners, rules/actors.yaml ``presence_only``). Single words are
    looked up in a table (with "prefix*" and "*suffix" forms); multi-word forms go through
    a PhraseMatcher. Genitive "-s" forms are mentions too ("kommunens", "skolans")."""

    def __init__(self, nlp: Language, rules: Rules):
        self.exact: dict[str, str] = {}
        self.prefixes: list[tuple[str, str]] = []
        self.suffixes: list[tuple[str, str]] = []
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key, spec in rules.actors["actors"].items():
            code = spec.get("code", key)
            label = code if spec.get("strong") else f"{code}:presence" if spec.get("presence_only") else f"{code}:weak"
            for form in spec["forms"]:
                if form.startswith("*"):
                    self.suffixes.append((form[1:], label))
                    if not form.endswith("s"):  # "Östermalms stadsdelsförvaltnings preventionsenhet"
                        self.suffixes.append((form[1:] + "s", label))
                elif form.endswith("*"):
                    self.prefixes.append((form[:-1], label))
                elif " " in form:
                    self.phrases.add(label, [nlp.make_doc(form)])
                else:
                    self.exact.setdefault(form, label)
                    if not form.endswith("s"):
                        self.exact.setdefault(form + "s", label)
        self.prefix_tuple = tuple(p for p, _ in self.prefixes)
        self.suffix_tuple = tuple(s for s, _ in self.suffixes)
        self.strings = nlp.vocab.strings
        # a lexeme flag: each word type is looked up once, when the vocabulary first has it
        self.flag = nlp.vocab.add_flag(lambda s: self._label(s.lower()) is not None)
        self.by_hash: dict[int, str] = {}  # LOWER hash → label, filled as mentions are seen

    def _label(self, low: str) -> str | None:
        label = self.exact.get(low)
        if label is None and low.startswith(self.prefix_tuple):
            label = next(lab for p, lab in self.prefixes if low.startswith(p))
        if label is None and low.endswith(self.suffix_tuple):
            label = next(lab for s, lab in self.suffixes if low.endswith(s))
        return label

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        by_hash = self.by_hash
        rows = doc.to_array([self.flag, LOWER])
        hits = numpy.flatnonzero(rows[:, 0])
        for i, h in zip(hits.tolist(), rows[hits, 1].tolist()):
            label = by_hash.get(h)
            if label is None:
                label = by_hash[h] = self._label(self.strings[h])
            spans.append(Span(doc, i, i + 1, label=label))
        phrases = self.phrases(doc, as_spans=True)
        if phrases:  # one-word spans alone never overlap and are in order already
            spans = sorted(spacy.util.filter_spans(spans + list(phrases)), key=lambda s: s.start)
        doc.spans["actors"] = spans
        # the same mentions as Span objects, and their starts (actors.actor_spans): a Span read from
        # the group is made anew each time
        doc.user_data["actor_spans"], doc.user_data["actor_starts"] = spans, [s.start for s in spans]
        return doc


@Language.factory("abbrev_sentences", default_config={})
def make_abbrev_sentences(nlp: Language, name: str):
    return AbbrevSentences(nlp, load_rules())


class AbbrevSentences:
    """Sentences start at a new line and after . ! ? before a capital, except after
    abbreviations ("bl.a.", "t.ex.") and single capitals with a period ("Flemingsberg C.").
    A line that starts in lower case right after a line not ended by . ! ? : ; goes on with
    its sentence (a wrapped line: "… kommer att erbjuda fler områden att starta upp" +
    "grannsamverkan. …", polisen-se__arvidsjaur-2; polisen-se__oskarshamn, abcdocz-com__…monsteras…).

    The word tests are bits of each word type, computed once, when a Doc first has it
    (``WordBits``), and the rule runs on whole-document arrays; the starts are set with one
    ``Doc.from_array`` (setting ``Token.is_sent_start`` one by one costs a scan of the whole Doc
    each time: quadratic in document size)."""

    def __init__(self, nlp: Language, rules: Rules):
        abbreviations = frozenset(rules.sections["abbreviations"])
        # one bit per test the rule makes ("capital": a title-case, upper-case or digit word, or an opener)
        self.bits = WordBits(nlp.vocab.strings, (
            lambda s: s.isspace(),
            lambda s: s.isspace() and "\n" in s,
            lambda s: s in ENDERS or (s.endswith(".") and len(s) > 2 and s.lower() not in abbreviations),
            lambda s: s.istitle() or s.isupper() or s.isdigit() or s in OPENERS,
            lambda s: s == ".",
            lambda s: s.lower() + "." in abbreviations,
            lambda s: s.isspace() and s.count("\n") == 1,
            lambda s: s[:1].islower(),
            lambda s: s in ENDERS or s in ":;" or (s.endswith(".") and len(s) > 1)))

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        space, newline, ender, capital, dot, abbrev, one_newline, lower, line_end = self.bits.columns(doc)
        starts = numpy.zeros(n, dtype=numpy.uint64)
        starts[0] = 1
        if n > 1:
            after_abbrev = numpy.zeros(n - 1, dtype=bool)  # "bl.a." tokenized as "bl.a" + "."
            after_abbrev[1:] = dot[1:-1] & abbrev[:-2]
            wrapped = numpy.zeros(n - 1, dtype=bool)  # word, one "\n", a lower-case word
            wrapped[1:] = one_newline[1:-1] & lower[2:] & ~line_end[:-2] & ~space[:-2]
            starts[1:] = (newline[:-1] & ~wrapped) | (~space[1:] & ender[:-1] & capital[1:] & ~after_abbrev)
        doc.from_array([SENT_START], starts)
        return doc


class WordBits(dict):
    """ORTH hash → an int whose bit k tells ``tests[k]`` of the word, computed when a word type is
    first asked for. One ORTH column and one dict lookup per token: ``Doc.to_array`` of one
    lexeme flag per test costs a cell each, 3× as much on the bundled corpus."""

    def __init__(self, strings, tests):
        super().__init__()
        self.strings, self.tests = strings, tests
        self.masks = numpy.array([1 << k for k in range(len(tests))], dtype=numpy.uint64)[:, None]

    def __missing__(self, orth: int) -> int:
        word = self.strings[orth]
        bits = self[orth] = sum(1 << k for k, test in enumerate(self.tests) if test(word))
        return bits

    def columns(self, doc: Doc) -> numpy.ndarray:
        """One boolean row per test, one column per token of ``doc``."""
        bits = numpy.fromiter(map(self.__getitem__, doc.to_array(ORTH).tolist()), dtype=numpy.uint64, count=len(doc))
        return (bits & self.masks).astype(bool)


ENDERS = {".", "!", "?", "…"}
OPENERS = {"–", "-", "•", '"', "”", "("}
# The lexeme attributes the rules read (``lower_``, ``is_space``, ``is_title``, ``is_punct``);
# the blank pipeline computes only these and the components' own flags for a new word type
# (a trained model's tagger and parser read more, so it keeps them all).
# spaCy's other 22 (shape, norm, like_num, is_stop …) were 0.2 s of a cold run on the corpus,
# one Python call each per word type. tests/test_scale.py fails when a rule reads another.
READ_ATTRS = frozenset({LOWER, IS_SPACE, IS_TITLE, IS_PUNCT})


def build_nlp(model: str | None = None) -> Language:
    """One pipeline per process and model: ``build_nlp()`` and ``build_nlp(None)`` are the
    same object."""
    return _build_nlp(model or None)


@lru_cache(maxsize=None)
def _build_nlp(model: str | None) -> Language:
    if model:
        nlp = spacy.load(model, exclude=["ner"])
        if "lemmatizer" in nlp.pipe_names:
            nlp.disable_pipe("lemmatizer")  # extraction reads forms
    else:
        nlp = spacy.blank("sv")
    spacys = set() if model else set(nlp.vocab.lex_attr_getters)
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("abbrev_sentences")
    nlp.add_pipe("actor_ruler")
    nlp.vocab.lex_attr_getters = {a: f for a, f in nlp.vocab.lex_attr_getters.items()
                                  if a in READ_ATTRS or a not in spacys}  # (the flags keep their own ids)
    return nlp


def pipe(nlp: Language, texts: list[str], batch_size: int) -> Iterator[Doc]:
    """``nlp.pipe`` for texts of any length, giving Docs whose spans hand out text cheaply.

    A text over ``nlp.max_length`` (spaCy refuses it, E088) is cut at line starts into
    parts under the limit; each part goes through the pipeline and the parts are joined
    into one Doc of the whole text, with the tokens, sentences and actor spans (and so every
    character offset) it would have had whole. Each Doc keeps its text, and the sentences of
    its spans are ``TextSpan``s found by bisection over the sentence starts."""
    parts_of = [split_text(t, nlp.max_length) for t in texts]
    docs = nlp.pipe((p for parts in parts_of for p in parts), batch_size=batch_size)
    for text, parts in zip(texts, parts_of):
        got = [next(docs) for _ in parts]
        # (the parts' user data is theirs: the joined Doc finds its own mentions, actors.actor_spans)
        doc = got[0] if len(got) == 1 else Doc.from_docs(got, ensure_whitespace=False, exclude=["user_data"])
        doc.user_data["text"] = text
        doc.user_span_hooks["sents"] = _sentences
        yield doc


class TextSpan(Span):
    """A Span whose ``text`` is a slice of its Doc's text (spaCy's own joins one Token
    object per word), cut once. The blocks and sentences the rules read are TextSpans."""

    @property
    def text(self) -> str:
        text = self.__dict__.get("text")
        if text is None:
            source = self.doc.user_data.get("text")
            text = Span.text.__get__(self) if source is None else source[self.start_char:self.end_char]
            self.__dict__["text"] = text
        return text


class BlockSpan(TextSpan):
    """A block's span: its first sentence reads from where the block starts (``_sentences``)."""


def _sentences(span: Span) -> Iterator[TextSpan]:
    """``Span.sents`` as spaCy computes it (the sentence holding the span's start, then on
    until one ends at or after its end), but a block's first read from where the block starts
    (``BlockSpan``): a list item's sentence holds the glyph before the item's text, and a "-" or
    "–" there would read as a quote dash (bench/perturb.py bullet- and bullet–:
    polisen-se__osteraker, www-stromsund-se__9901). A Doc's sentence bounds are found once; each
    span finds its first sentence by bisection, and a sentence is made (once, as a TextSpan) only
    when a span asks for it."""
    doc = span.doc
    bounds = doc.user_data.get("sent_bounds")
    if bounds is None:
        starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
        if not starts or starts[0]:
            starts.insert(0, 0)  # tokens before the first start are a sentence, as in spaCy
        bounds = doc.user_data["sent_bounds"] = starts + [len(doc)]
        doc.user_data["sents"] = [None] * len(starts)
    sents = doc.user_data["sents"]
    for k in range(bisect_right(bounds, span.start, 0, len(sents)) - 1, len(sents)):
        a, b = bounds[k], bounds[k + 1]
        if a >= b:
            continue
        if a < span.start and isinstance(span, BlockSpan):  # (inside a sentence only after its glyph)
            clipped = doc.user_data.setdefault("clipped_sents", {})
            sent = clipped.get((span.start, b))
            if sent is None:
                sent = clipped[span.start, b] = TextSpan(doc, span.start, b)
        else:
            sent = sents[k]
            if sent is None:
                sent = sents[k] = TextSpan(doc, a, b)
        yield sent
        if b >= span.end:
            return


def split_text(text: str, limit: int) -> list[str]:
    """Parts of at most ``limit`` characters, each cut before a line that starts with a
    non-space character other than a lower-case letter (a block and sentence boundary, which
    spaCy tokenizes and AbbrevSentences splits alike whole or cut; a line in lower case may go
    on with the sentence before it), the last such line that fits; failing that after a space
    before a non-space, failing that at ``limit``."""
    parts, start = [], 0
    while len(text) - start > limit:
        cut = _cut(text, start, start + limit, "\n") or _cut(text, start, start + limit, " ") or start + limit
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return parts


def _cut(text: str, start: int, end: int, sep: str) -> int | None:
    i = text.rfind(sep, start, end)
    while i >= start and (text[i + 1].isspace() or sep == "\n" and text[i + 1].islower()):
        i = text.rfind(sep, start, i)
    return i + 1 if i >= start else None
