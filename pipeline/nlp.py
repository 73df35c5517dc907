"""The spaCy pipeline: blank Swedish, lookup lemmatizer, sentence splitting that knows
abbreviations, and an actor ruler whose patterns come from ``rules/actors.yaml``.

No trained model is needed. If a trained Swedish pipeline is installed, pass its name
(``--model``); its tokenizer and parser are then used, and our rule components are added.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from .rules import Rules, load_rules

# Abbreviations after which a period does not end a sentence (besides spaCy's own).
ABBREVIATIONS = {"bl.a.", "t.ex.", "m.m.", "m.fl.", "bl a", "t.o.m.", "t.o.m", "s.k.", "ca.",
                 "fr.o.m.", "o.s.v.", "osv.", "resp.", "dvs.", "d.v.s.", "nr.", "st."}


def _form_pattern(form: str) -> list[dict]:
    if form.startswith("*"):
        return [{"LOWER": {"REGEX": f"^.*{_re(form[1:])}$"}}]
    if form.endswith("*"):
        return [{"LOWER": {"REGEX": f"^{_re(form[:-1])}.*$"}}]
    return [{"LOWER": w} for w in form.split()]


def _re(s: str) -> str:
    import re

    return re.escape(s)


@Language.factory("actor_ruler", default_config={})
def make_actor_ruler(nlp: Language, name: str):
    return ActorRuler(nlp, load_rules())


class ActorRuler:
    """Marks every actor mention as a span in ``doc.spans['actors']`` labelled with its code
    (and ``:weak`` for actors that count only as subject or partner)."""

    def __init__(self, nlp: Language, rules: Rules):
        self.matcher = Matcher(nlp.vocab)
        for key, spec in rules.actors["actors"].items():
            code = spec.get("code", key)
            label = code if spec.get("strong") else f"{code}:weak"
            forms = list(spec["forms"])
            # genitive "-s" forms are mentions too ("kommunens", "skolans")
            forms += [f + "s" for f in forms if not f.startswith("*") and not f.endswith("*")
                      and " " not in f and not f.endswith("s")]
            self.matcher.add(label, [_form_pattern(f) for f in forms])

    def __call__(self, doc: Doc) -> Doc:
        matches = self.matcher(doc, as_spans=True)
        doc.spans["actors"] = spacy.util.filter_spans(matches)
        return doc


@Language.component("abbrev_sentences")
def abbrev_sentences(doc: Doc) -> Doc:
    """Sentence starts after punctuation, except after abbreviations ("bl.a.", "t.ex.")
    and single capitals with a period ("Flemingsberg C.")."""
    for i, tok in enumerate(doc):
        if i == 0:
            tok.is_sent_start = True
            continue
        prev = doc[i - 1]
        low = prev.lower_
        ends = prev.text in (".", "!", "?", "…") or (prev.text.endswith(".") and len(prev.text) > 1)
        if prev.text == "." and i >= 2 and (doc[i - 2].lower_ + ".") in ABBREVIATIONS:
            ends = False
        if low in ABBREVIATIONS or (len(prev.text) == 2 and prev.text[0].isupper() and prev.text[1] == "."):
            ends = False
        tok.is_sent_start = bool(ends and (tok.is_title or tok.is_upper or tok.is_digit or tok.text in "–-•\"”("))
    return doc


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
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("abbrev_sentences")
    nlp.add_pipe("actor_ruler")
    return nlp
