"""The spaCy pipeline: blank Swedish, lookup lemmatizer, sentence splitting that knows
abbreviations, and an actor ruler whose patterns come from ``rules/actors.yaml``.

No trained model is needed. If a trained Swedish pipeline is installed, pass its name
(``--model``); its tokenizer and parser are then used, and our rule components are added.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.attrs import IS_DIGIT, IS_SPACE, IS_TITLE, IS_UPPER, LOWER, ORTH
from spacy.tokens import Doc, Span

from .rules import Rules, load_rules


@Language.factory("actor_ruler", default_config={})
def make_actor_ruler(nlp: Language, name: str):
    return ActorRuler(nlp, load_rules())


class ActorRuler:
    """Marks every actor mention as a span in ``doc.spans['actors']`` labelled with its code
    (and ``:weak`` for actors that count only as subject or partner). Single words are
    looked up in a table (with "prefix*" and "*suffix" forms); multi-word forms go through
    a PhraseMatcher. Genitive "-s" forms are mentions too ("kommunens", "skolans")."""

    def __init__(self, nlp: Language, rules: Rules):
        self.exact: dict[str, str] = {}
        self.prefixes: list[tuple[str, str]] = []
        self.suffixes: list[tuple[str, str]] = []
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key, spec in rules.actors["actors"].items():
            code = spec.get("code", key)
            label = code if spec.get("strong") else f"{code}:weak"
            for form in spec["forms"]:
                if form.startswith("*"):
                    self.suffixes.append((form[1:], label))
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
        self.by_hash: dict[int, str | None] = {}  # LOWER hash → label, filled as words are seen

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
        for i, h in enumerate(doc.to_array("LOWER").tolist()):
            label = by_hash.get(h, 0)
            if label == 0:
                label = by_hash[h] = self._label(self.strings[h])
            if label is not None:
                spans.append(Span(doc, i, i + 1, label=label))
        spans += list(self.phrases(doc, as_spans=True))
        doc.spans["actors"] = sorted(spacy.util.filter_spans(spans), key=lambda s: s.start)
        return doc


@Language.component("abbrev_sentences")
def abbrev_sentences(doc: Doc) -> Doc:
    """Sentences start at a new line and after . ! ? before a capital, except after
    abbreviations ("bl.a.", "t.ex.") and single capitals with a period ("Flemingsberg C.").
    Only starts are set (read from token arrays: this runs on every token)."""
    if not len(doc):
        return doc
    strings = doc.vocab.strings
    abbreviations = _abbreviations()
    rows = doc.to_array([ORTH, LOWER, IS_SPACE, IS_TITLE, IS_UPPER, IS_DIGIT]).tolist()
    doc[0].is_sent_start = True
    prev_text, prev_lower, prev_newline = None, None, False
    for i, (orth, lower, space, title, upper, digit) in enumerate(rows):
        if i:
            start = False
            if prev_newline:
                start = True
            elif not space:
                t = prev_text
                ender = t in ENDERS or (t.endswith(".") and len(t) > 2 and prev_lower not in abbreviations)
                if ender and (title or upper or digit or strings[orth] in OPENERS):
                    start = not (t == "." and i >= 2 and strings[rows[i - 2][1]] + "." in abbreviations)
            if start:
                doc[i].is_sent_start = True
        prev_text = strings[orth]
        prev_lower = strings[lower]
        prev_newline = bool(space) and "\n" in prev_text  # spaCy keeps line breaks as space tokens
    return doc


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset:
    return frozenset(load_rules().sections["abbreviations"])


ENDERS = {".", "!", "?", "…"}
OPENERS = {"–", "-", "•", '"', "”", "("}


@lru_cache(maxsize=2)
def build_nlp(model: str | None = None) -> Language:
    if model:
        nlp = spacy.load(model, exclude=["ner"])
    else:
        nlp = spacy.blank("sv")
        try:
            nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
            nlp.initialize()
        except (ValueError, OSError, ImportError):
            nlp.remove_pipe("lemmatizer")  # spacy-lookups-data missing: lemmas = forms
    if "lemmatizer" in nlp.pipe_names:
        # lemmas serve the activity alignment of `promises diff`; extraction reads forms
        nlp.disable_pipe("lemmatizer")
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("abbrev_sentences")
    nlp.add_pipe("actor_ruler")
    return nlp
