"""Fast, linear and lean: what the speed work must keep (the same records, the same spaCy
answers) and what it must give (long documents, no lemma table in extraction, no rewrites)."""
import hashlib
import json
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.attrs import SENT_START
from spacy.tokens import Span

from pipeline.batch import run_batch
from pipeline.extract import extract_paths
from pipeline.ingest import discover, read_document
from pipeline.models import Record
from pipeline.nlp import TextSpan, build_nlp, pipe, split_text
from pipeline.output import record_json, write_records

from conftest import CORPUS, ROOT

DIGEST = ROOT / "tests" / "records.digest"


def test_bundled_corpus_records_match_the_committed_digest(tmp_path):
    run_batch([str(CORPUS)], tmp_path, jobs=1)
    got = hashlib.sha256((tmp_path / "records.jsonl").read_bytes()).hexdigest()
    want = next(line.split()[0] for line in DIGEST.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#"))
    assert got == want, (
        "the records of the bundled corpus changed. A speed change must change no record: find "
        "what differs. Only a commit that changes what is extracted (its message says so) updates "
        f"{DIGEST.relative_to(ROOT)}, with the sha256 of records.jsonl from "
        "`python -m pipeline extract corpus/snapshot -o DIR`.")


@pytest.fixture(scope="module")
def corpus_texts(rules):
    return [read_document(f, rules).text for f in discover([CORPUS])]


def test_sentences_by_bisection_are_spacys_own(nlp, corpus_texts):
    """The sentence hook gives what spaCy's ``Span.sents`` gives, for spans anywhere."""
    rng = random.Random(14)
    for doc in pipe(nlp, corpus_texts[::8], 16):
        for _ in range(20):
            a = rng.randint(0, len(doc))
            b = rng.randint(a, len(doc))
            ours = [(s.start, s.end, s.text) for s in TextSpan(doc, a, b).sents]
            hook = doc.user_span_hooks.pop("sents")
            try:
                spacys = [(s.start, s.end, s.text) for s in Span(doc, a, b).sents]
            finally:
                doc.user_span_hooks["sents"] = hook
            assert ours == spacys, (a, b)


def test_text_spans_slice_the_same_text_spacy_joins(nlp, corpus_texts):
    for doc in pipe(nlp, corpus_texts[:40], 16):
        for s in list(TextSpan(doc, 0, len(doc)).sents) + [TextSpan(doc, 0, 0)]:
            assert s.text == Span(doc, s.start, s.end).text


def test_split_text_cuts_before_a_line_that_fits():
    text = "Rubrik\n\nEtt stycke om trygghet.\n  indraget\nSista raden här\n"
    for limit in range(5, len(text) + 1):
        parts = split_text(text, limit)
        assert "".join(parts) == text and all(len(p) <= limit for p in parts)
        if limit >= len("Ett stycke om trygghet.\n  indraget\n"):  # an indented line goes with the one before
            for p, q in zip(parts, parts[1:]):
                assert p.endswith("\n") and not q[0].isspace()
    # a line in lower case may go on with the sentence before it: no cut before it
    assert split_text("Polisen ska\nbesöka skolor.\nKommunen ska\n", 27) == ["Polisen ska\nbesöka skolor.\n", "Kommunen ska\n"]
    assert split_text("Polisen ska\nbesöka skolor.\n", 20)[0] == "Polisen ska\nbesöka "
    assert split_text("a" * 10, 4) == ["aaaa", "aaaa", "aa"]  # no line break, no space
    assert split_text("ab cd ef", 4) == ["ab ", "cd ", "ef"]


def test_a_document_parsed_in_parts_is_the_document_parsed_whole(nlp, corpus_texts):
    texts = [t for t in corpus_texts if len(t) > 2000][:10]
    whole = list(pipe(nlp, texts, 16))
    limit = nlp.max_length
    nlp.max_length = 500
    try:
        cut = list(pipe(nlp, texts, 16))
    finally:
        nlp.max_length = limit
    checked = 0
    for text, w, c in zip(texts, whole, cut):
        if not all(p.endswith("\n") for p in split_text(text, 500)[:-1]):
            continue  # a paragraph longer than the limit is cut at a space: not the same
        checked += 1
        assert c.text == text and [t.idx for t in c] == [t.idx for t in w]
        assert c.to_array(SENT_START).tolist() == w.to_array(SENT_START).tolist()
        assert [(s.start, s.end, s.label_) for s in c.spans["actors"]] == \
               [(s.start, s.end, s.label_) for s in w.spans["actors"]]
    assert checked >= 3


# one paragraph each (a blank line between): lines of one width without one would read as one
# hard-wrapped paragraph (rules/sections.yaml wrap_max_width), longer than the limit itself
LONG_LINE = "Polisen genomför fyra trygghetsvandringar per år i Nödinge.\n\n"


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_text_over_spacys_max_length_gives_its_records_with_right_spans(tmp_path, write, jobs):
    text = "Medborgarlöfte för Ale kommun 2024\n" + LONG_LINE * 20000
    assert len(text) > build_nlp().max_length
    src = write("ale-lang.txt", text, url="https://ale.se/medborgarlofte")
    for f in sorted((CORPUS / "pages").glob("*.txt"))[:20] if jobs > 1 else ():  # two batches: two workers
        for g in (f, f.with_name(f.stem + ".meta.json")):
            shutil.copyfile(g, src.parent / g.name)
    out = tmp_path / "out"
    res = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(src.parent), "-o", str(out), "-j", str(jobs)],
                         capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    records = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    ale = [r for r in records if r["source"]["url"] == "https://ale.se/medborgarlofte"]
    assert len(ale) == 1 and ale[0]["period"] == {"start": 2024, "end": 2024}
    acts = ale[0]["activities"]
    assert len(acts) == 20000
    for a in acts:
        assert text[a["span"][0]:a["span"][1]] == LONG_LINE.strip() == a["text"]
    assert acts[-1]["span"] == [len(text) - len(LONG_LINE), len(text) - 2]


def test_one_pipeline_per_process():
    assert build_nlp() is build_nlp(None)


def test_the_rules_read_only_the_lexeme_attributes_the_blank_pipeline_computes(nlp):
    """The blank pipeline computes only ``nlp.READ_ATTRS`` for a new word type: the code and
    the rule files read no other (a rule reading ``like_num`` would silently get False)."""
    from spacy import attrs
    from pipeline.nlp import READ_ATTRS

    getters = set(nlp.vocab.lex_attr_getters)
    assert READ_ATTRS <= getters
    flags = sorted(name for name, i in attrs.IDS.items() if i not in getters and name.startswith(("IS_", "LIKE_")))
    strings = ["LANG", "NORM", "PREFIX", "SHAPE", "SUFFIX"]
    assert not {attrs.IDS[n] for n in strings} & getters
    token_read = re.compile(rf"\.(?:{'|'.join(n.lower() for n in flags)}|{'|'.join(n.lower() + '_' for n in strings)})\b"
                            rf"|\b(?:{'|'.join(flags + strings)})\b")  # a Token's attribute, an attribute id
    sources = sorted((ROOT / "pipeline").rglob("*.py")) + sorted((ROOT / "rules").glob("*.yaml"))
    found = [(f.name, m.group()) for f in sources for m in token_read.finditer(f.read_text(encoding="utf-8"))]
    assert found == []
    word = nlp.make_doc("Nyordet, (x)")  # a word type made after the pipeline was built
    assert [(t.lower_, t.is_title, t.is_punct, t.is_space) for t in word] == [
        ("nyordet", True, False, False), (",", False, True, False), ("(", False, True, False),
        ("x", False, False, False), (")", False, True, False)]


def _ale_page(tmp_path: Path) -> Path:
    src = tmp_path / "polisen-se__ale.txt"
    src.write_text("Ale – medborgarlöften\n\nMedborgarlöfte 2024\n\n  • Polisen ska patrullera varje fredag.\n",
                   encoding="utf-8")
    return src


def _fresh(code: str, *args) -> str:
    """What ``code`` prints, run in a fresh Python process from the checkout (nothing imported yet)."""
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True, cwd=ROOT,
                          check=True).stdout


def test_extraction_builds_no_lemma_table(tmp_path):
    """In a fresh process: extracting never builds spaCy's lookup table (diff reads lemmas
    from the table file itself, pipeline/lemmas.py)."""
    src = _ale_page(tmp_path)
    code = ("import sys\n"
            "from pipeline.extract import extract_path\n"
            "from pipeline.nlp import build_nlp\n"
            "assert extract_path(sys.argv[1]).records\n"
            "print('lemmatizer' in build_nlp().pipe_names, 'spacy_lookups_data' in sys.modules)\n")
    out = _fresh(code, src).splitlines()
    assert out == ["False False"]


def test_a_text_extraction_imports_no_spacy_command_line_nor_html_or_pdf_reader(tmp_path):
    """In a fresh process: extracting a .txt never imports spaCy's command line (typer,
    weasel, requests), BeautifulSoup or pdfplumber (together about half a second of a cold
    start); ``spacy.info`` and ``spacy.cli`` still work when asked for."""
    src = _ale_page(tmp_path)
    code = ("import sys\n"
            "from pipeline.extract import extract_path\n"
            "assert extract_path(sys.argv[1]).records\n"
            "print(sorted(m for m in ('spacy.cli', 'typer', 'requests', 'bs4', 'pdfplumber') if m in sys.modules))\n"
            "import spacy, spacy.cli\n"
            "from spacy.cli.info import info_model\n"
            "print(spacy.info()['spacy_version'] == spacy.about.__version__, callable(spacy.cli.download), callable(info_model))\n")
    out = _fresh(code, src).splitlines()
    assert out == ["[]", "True True True"]
    code = ("import pipeline\n"  # spaCy's command line asked for before spaCy itself
            "from spacy.cli.info import info_model\n"
            "import spacy.cli\n"
            "print(callable(info_model), callable(spacy.cli.download))\n")
    assert _fresh(code).splitlines() == ["True True"]


def test_the_spacy_cli_stand_in_hands_over_any_other_name_to_the_real_module():
    """Should a later spaCy take more than ``info`` from spacy.cli.info while it starts, the
    stand-in gives it the real thing instead of breaking ``import spacy``."""
    code = ("import sys, types\n"
            "from pipeline import _SpacyWithoutItsCli\n"
            "finder = _SpacyWithoutItsCli()\n"
            "finder.stand_in = types.ModuleType(finder.NAME)\n"
            "finder.stand_in.__getattr__ = finder._fallback\n"
            "sys.modules[finder.NAME] = finder.stand_in\n"
            "no_path = not hasattr(finder.stand_in, '__path__')\n"
            "print(no_path, callable(finder.stand_in.info_model), sys.modules[finder.NAME] is not finder.stand_in)\n")
    assert _fresh(code).split() == ["True", "True", "True"]

def test_records_are_written_as_json_would_and_only_when_they_change(tmp_path, rules, nlp):
    paths = [str(p) for p in sorted((CORPUS / "seeds").glob("*.txt"))]
    records = [r for res in extract_paths(paths, rules, nlp) for r in res.records]
    odd = records[0].model_copy(update={"title": "a\x00\x1f\u2028\x7f\"\\\t\n😀 é"})
    for r in records + [odd]:
        assert record_json(r) == json.dumps(r.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"
    write_records(records, tmp_path)
    inodes = {p.name: p.stat().st_ino for p in tmp_path.iterdir()}  # a write is a rename: a new inode
    first = records[0].model_copy(update={"title": records[0].title + " (ny)"})
    write_records([first] + records[1:], tmp_path)
    changed = {p.name for p in tmp_path.iterdir() if p.stat().st_ino != inodes[p.name]}
    assert changed == {f"{first.id}.json", "records.jsonl"}
    assert Record.model_validate_json((tmp_path / f"{first.id}.json").read_text(encoding="utf-8")) == first
