"""Document → records: the whole flow for one input, and the batch over many."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .activities import (aim_areas, counted_lead_activities, finish_activity, follow_up_of, is_reported,
                         lead_activities, lead_situation, read_segment, reported_only)
from .ingest import DEFAULT_MAX_BYTES, DocumentError, read_document
from .models import Document, Kommun, Period, Record, Situation, Source
from .nlp import BlockSpan, build_nlp, pipe
from .record import (find_doc_type, find_kommuner, find_lpo, find_parties, find_period,
                     make_id, report_period)
from .rules import Rules, load_rules
from .sections import Segment, has_situation_section, segment, year_range



@dataclass
class Result:
    path: str
    records: list[Record] = field(default_factory=list)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


def _title(doc: Document) -> str:
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    for h in headings[:4]:
        if re.search(r"löfte|överenskommelse|trygg", h, re.I):
            return h
    return headings[0] if headings else doc.blocks[0].text[:120]


def _merge(a: Segment, b: Segment, keep_heading_of: Segment) -> Segment:
    return Segment(blocks=a.blocks + b.blocks, heading=keep_heading_of.heading,
                   heading_years=keep_heading_of.heading_years, doc_type=keep_heading_of.doc_type)


def merge_segments(segments: list[Segment], lead_promises: bool) -> list[Segment]:
    """The text before the first period heading is its own record only when it has its
    own promises (activities, or a focus: "2019 års medborgarlöfte har fokus på en tryggare
    och säkrare utemiljö i Lundby." over the aims every promise has, before "Medborgarlöfte i
    Lundby 2020": goteborg-se__trygg-i-lundby-medborgarloftet) and its own year, outside the
    heading's (a page whose newest period has no heading). A later
    heading with the same years as the record before it, or with nothing under it, does
    not start a record. A report section (doc_type uppfoljning) is never merged with a promise; a
    bare heading after it joins it, as it would a promise."""
    out = [segments[0]]
    years0 = segments[0].heading_years or year_range(segments[0].text)
    for seg in segments[1:]:
        prev = out[-1]
        prev_years = prev.heading_years or (years0 if prev is segments[0] else None)
        # a lead whose year lies inside the next heading's years ("löper på fyra år med början
        # 1/1 2019" before "Medborgarlöfte 2019-2023") is that period's introduction
        inside = bool(years0 and seg.heading_years and seg.heading_years[0] <= years0[0] <= years0[1] <= seg.heading_years[1])
        lone_lead = prev is segments[0] and prev.heading is None and (inside or not (lead_promises and years0))
        if seg.doc_type != prev.doc_type and len(seg.blocks) > 1:
            out.append(seg)
        elif lone_lead:
            out[-1] = _merge(prev, seg, seg)
        elif seg.heading_years == prev_years or len(seg.blocks) <= 1:
            out[-1] = _merge(prev, seg, prev)
        else:
            out.append(seg)
    return out


def block_spans(doc: Document, sdoc) -> dict[int, object]:
    """One spaCy Doc per document; each block is a Span of it (id(block) → BlockSpan)."""
    out = {}
    for b in doc.blocks:
        span = sdoc.char_span(b.start, b.end, alignment_mode="expand")
        out[id(b)] = BlockSpan(sdoc, span.start, span.end) if span is not None else BlockSpan(sdoc, 0, 0)
    return out


def extract_document(doc: Document, rules: Rules, nlp, sdoc=None) -> list[Record]:
    """``sdoc`` is the spaCy Doc of ``doc.text`` when the caller already has it (from
    ``nlp.pipe`` over a batch)."""
    low = doc.text.lower()
    if not any(w in low for w in rules.records["promise_content_words"]):
        raise DocumentError(doc.path, "no promise content found (not a medborgarlöfte page?)")
    block_docs = block_spans(doc, sdoc if sdoc is not None else next(pipe(nlp, [doc.text], 1)))
    title = _title(doc)
    kommun_rows = find_kommuner(doc.url, title, doc.text, rules)
    if not kommun_rows:
        raise DocumentError(doc.path, "no kommun found in url, title or text; cannot make a record")
    kommuner = [Kommun(kod=k.kod, namn=k.namn) for k in kommun_rows]
    lpo = find_lpo(doc.text, rules)
    doc_type = find_doc_type(title, rules, doc.text)
    report = doc_type == "uppfoljning"
    # a promise page's report section on an earlier promise is a record of its own
    segments = segment(doc.blocks, rules, None if report else partial(is_reported, rules=rules))
    first, lead = segments[0], None
    if len(segments) > 1:  # only the lead's promises decide the merge: read it alone first
        lead = read_segment(first, block_docs, doc.text, rules, report)  # (a report section is never first)
        segments = merge_segments(segments, bool(lead.activities or lead.focus_areas))
    # a lead the merge kept as it is was read already
    drafts = [lead if s is first and lead is not None
              else read_segment(s, block_docs, doc.text, rules, report or s.doc_type == "uppfoljning")
              for s in segments]
    for s, d in zip(segments, drafts):
        if s.doc_type == "uppfoljning":  # what it reports, not the promises it repeats
            reported_only(d, s, rules)
    all_promises = [s for d in drafts for s in d.promise_sentences]
    records = []
    for i, (seg, draft) in enumerate(zip(segments, drafts)):
        if seg.doc_type != "uppfoljning":  # a report section has no promise or situation in running text
            if report:
                pass  # a report's promises in running text are those it repeats ("De aktiviteter som
                # polisen och kommunen lovade att genomföra …", polisen-se__lerum-2)
            elif not draft.activities:
                lead_activities(draft, seg, block_docs, doc.text, rules)
            else:
                counted_lead_activities(draft, seg, block_docs, doc.text, rules)
            aim_areas(draft, seg, block_docs, doc.text, rules)
            if not draft.situation or not has_situation_section(seg, rules):
                lead_situation(draft, seg, block_docs, rules)
        seg_title = title if i == 0 or seg.heading is None else seg.heading.text
        seg_type = seg.doc_type or doc_type
        years = find_period(seg, seg_title, rules, doc.url)
        if years is None and seg.doc_type == "uppfoljning":  # a report naming no year: the page's date
            years = report_period(seg_title, doc.text, doc.url, rules)
        period = Period(start=years[0], end=years[1]) if years else None
        parties = tuple(find_parties(draft.promise_sentences or all_promises, doc.text, rules, draft.promise_leadins))
        single_fa = draft.focus_areas[0].title if len(draft.focus_areas) == 1 else None
        activities = [finish_activity(a, parties, single_fa, period is not None, rules) for a in draft.activities]
        measurable = [a for a in activities if all(vars(a.measurable).values())]
        warnings = [] if period else ["no year found: period is null"]
        situation_text = " ".join(in_text_order(dict.fromkeys(draft.situation), seg)) or None
        low_sit = (situation_text or "").lower()
        evidence = [code for code, words in rules.sections["evidence"].items() if any(w in low_sit for w in words)]
        records.append(Record(
            id=make_id(kommuner, period, seg_type), doc_type=seg_type, title=seg_title,
            source=Source(url=doc.url, kind=doc.kind, sha256=doc.sha256, fetched_at=doc.fetched_at),
            kommuner=kommuner, lokalpolisomrade=lpo, polisregion=kommun_rows[0].polisregion,
            period=period, parties=list(parties),
            situation=Situation(text=situation_text, evidence=evidence) if situation_text else None,
            focus_areas=draft.focus_areas, activities=activities, follow_up=follow_up_of(draft, rules),
            expected_effect=" ".join(dict.fromkeys(draft.effect)) or None,
            measurable_share=round(len(measurable) / len(activities), 4) if activities else 0.0,
            warnings=warnings))
    return records  # ids are made unique across segments and sources by identity.assign_ids


def extract_path(path: str | Path, rules: Rules | None = None, nlp=None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Result:
    """One input → a Result; never raises for a bad document."""
    return extract_paths([str(path)], rules or load_rules(), nlp or build_nlp(), max_bytes)[0]


def extract_paths(paths: list[str], rules: Rules, nlp, max_bytes: int = DEFAULT_MAX_BYTES,
                  batch_size: int = 32) -> list[Result]:
    """Many inputs → Results, in order: documents are read, then run through ``nlp.pipe``
    in batches; a bad document gives its one-line error and the rest go on, whatever the
    failure (spaCy's E088, a MemoryError, a bug of ours)."""
    results: list[Result] = []
    for i in range(0, len(paths), batch_size):
        chunk, docs = paths[i:i + batch_size], []
        for p in chunk:
            try:
                docs.append(read_document(p, rules, max_bytes=max_bytes))
            except Exception as exc:  # noqa: BLE001 - one document's failure is its own
                docs.append(_as_error(p, exc))
        good = [d for d in docs if isinstance(d, Document)]
        parsed = _parse(nlp, good, batch_size)
        for p, d in zip(chunk, docs):
            if isinstance(d, Document) and isinstance(parsed[id(d)], DocumentError):
                d = parsed[id(d)]
            if isinstance(d, DocumentError):
                results.append(Result(path=str(p), error=str(d)))
                continue
            try:
                results.append(Result(path=str(p), records=extract_document(d, rules, nlp, parsed[id(d)])))
            except Exception as exc:  # noqa: BLE001
                results.append(Result(path=str(p), error=str(_as_error(p, exc))))
    return results


def _parse(nlp, docs: list[Document], batch_size: int) -> dict:
    """id(doc) → its spaCy Doc, or the DocumentError of the one document spaCy failed on;
    when the batch fails, each document is parsed alone so that the others are not lost."""
    try:
        return dict(zip(map(id, docs), pipe(nlp, [d.text for d in docs], batch_size)))
    except Exception:  # noqa: BLE001 - find which document it was
        out = {}
        for d in docs:
            try:
                out[id(d)] = next(pipe(nlp, [d.text], 1))
            except Exception as exc:  # noqa: BLE001
                out[id(d)] = _as_error(d.path, exc)
        return out


def _as_error(path, exc: BaseException) -> DocumentError:
    """Any failure of one document as its one-line error."""
    if isinstance(exc, DocumentError):
        return exc
    first = (str(exc).strip().splitlines() or [""])[0][:200]
    return DocumentError(path, f"failed: {exc.__class__.__name__}{': ' + first if first else ''}")


def in_text_order(texts, seg: Segment) -> list[str]:
    """Situation sentences in the order the page gives them (those of the lead are read after the
    sections: "Underlaget till medborgarlöftena …" before "Resultat trygghetsenkät våren 2021");
    a text not found as such keeps its place after the one before it. A text is looked for after the
    one before it first, then from the start: a short one, as the word a cut page ends with ("… där har
    vi lyft det som känns aktuellt. Polis": polisen-se__arvidsjaur-2), is not placed where the word
    first occurs. Fewer than two keep theirs (the segment's text is not searched)."""
    if len(texts) < 2:
        return list(texts)
    flat, order, last = " ".join(seg.text.split()), [], -1
    for text in texts:
        at = flat.find(text, last + 1) if last >= 0 else -1
        at = at if at >= 0 else flat.find(text)
        last = at if at >= 0 else last
        order.append((last, len(order), text))
    return [text for *_, text in sorted(order)]
