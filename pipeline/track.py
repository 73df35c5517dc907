"""Were the promises kept? Follow-up reports paired with the promises they report on.

Each follow-up record (doc_type "uppfoljning") is paired with the promise records of the same
kommun (and area) and the period it names; each promised activity is aligned with the
reported actions of its follow-ups by ``diff.align`` (a containment measure instead of the
diff's Dice), and the status words of the matched actions (``rules/track.yaml``) decide its
status. The JSON form is a public contract (README, "promises track").
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel

from .compare import period_text, to_csv, to_markdown
from .diff import align, similarity
from .frequency import _number, _vocab, tokens
from .models import PER_YEAR
from .slug import slugify
from .rules import Rules
from .sections import year_range

Status = Literal["done", "partly", "not_done", "not_reported", "no_follow_up"]
REPORTED = ("done", "partly", "not_done")


class Evidence(BaseModel):
    record_id: str
    text: str
    span: Optional[tuple[int, int]]
    source: Literal["activity", "sentence"]
    status: Literal["done", "partly", "not_done"]
    phrase: str
    score: float
    count: Optional[int] = None


class Promised(BaseModel):
    count: Optional[int] = None
    frequency: Optional[dict] = None


class PromiseStatus(BaseModel):
    record_id: str
    kommun: dict
    period: Optional[dict]
    n: int
    text: str
    span: tuple[int, int]
    status: Status
    promised: Promised
    delivered: Optional[int] = None
    follow_up_ids: list[str] = []
    evidence: list[Evidence] = []


class FollowUpLink(BaseModel):
    id: str
    kommun: dict
    period: Optional[dict]
    part: Optional[str] = None
    status: Literal["paired", "no promise record"]
    promise_ids: list[str] = []
    page_text: bool


class Summary(BaseModel):
    promise_records: int = 0
    promise_records_with_follow_up: int = 0
    promises: int = 0
    with_follow_up: int = 0
    done: int = 0
    partly: int = 0
    not_done: int = 0
    not_reported: int = 0
    no_follow_up: int = 0
    shares: dict[str, float] = {}


class KommunSummary(Summary):
    kod: str
    namn: str


class YearCoverage(BaseModel):
    year: int
    promise_records: int
    with_follow_up: int


class TrackResult(BaseModel):
    version: Literal["1"] = "1"
    national: Summary
    kommuner: list[KommunSummary]
    by_year: list[YearCoverage]
    follow_ups: list[FollowUpLink]
    promises: list[PromiseStatus]


# --- words ---------------------------------------------------------------------------------

@lru_cache(maxsize=4)
def _phrases(rules: Rules) -> dict[str, list[re.Pattern]]:
    return {status: [re.compile(rf"(?<![\wåäö])(?:{p})(?![\wåäö])") for p in pats]
            for status, pats in rules.track["status_phrases"].items()}


def outcome(text: str, rules: Rules) -> tuple[str, str] | None:
    """(status, phrase) that a reported action states, or None (see rules/track.yaml)."""
    low = " ".join(text.lower().split())
    found = [(m.start(), m.end(), st) for st, pats in _phrases(rules).items() for p in pats
             for m in p.finditer(low)]
    kept = []
    for a, b, st in found:
        inside = any(x <= a and b <= y and (y - x) > (b - a) and s2 not in (st, "done") for x, y, s2 in found)
        shadowed = st == "done" and any(s2 != "done" and a < y and x < b for x, y, s2 in found)
        if not (inside or shadowed):
            kept.append((a, b, st))
    for st in REPORTED[1], REPORTED[2], REPORTED[0]:  # partly, not_done, done
        hits = sorted((a, b) for a, b, s in kept if s == st)
        if hits:
            return st, low[hits[0][0]:hits[0][1]]
    return None


@lru_cache(maxsize=4)
def _ignore(rules: Rules) -> tuple[frozenset, tuple]:
    """The ignore words (and prefixes), with the kommun names and their genitives."""
    words = rules.track["ignore_words"]
    names = {k.namn.lower() for k in rules.kommuner}
    return (frozenset([w for w in words if not w.endswith("*")] + list(names) + [n + "s" for n in names]),
            tuple(w[:-1] for w in words if w.endswith("*")))


_NAME_BEFORE = re.compile(r"[\wåäöÅÄÖ,(/]\s*$")


def content_words(text: str, rules: Rules) -> list[str]:
    """The words that say what is done: not the ``ignore_words``, numbers, or names (a
    capital inside a sentence: "Borås City", "Kung Karls skola")."""
    exact, prefixes = _ignore(rules)
    numbers = rules.frequency["numbers"]
    out = []
    for m in re.finditer(r"[A-Za-zÅÄÖåäöÉéÜü]+", text):
        w = m.group().lower()
        if m.group()[0].isupper() and _NAME_BEFORE.search(text[max(0, m.start() - 3):m.start()]):
            continue
        if w not in exact and w not in numbers and not w.startswith(prefixes):
            out.append(w)
    return out


@lru_cache(maxsize=4)
def _endings(rules: Rules) -> tuple[str, ...]:
    return tuple(sorted(rules.track["endings"], key=len, reverse=True)) + ("",)


@lru_cache(maxsize=8192)
def _stems(word: str, rules: Rules) -> frozenset[str]:
    """The word less each ending it has (cached: a word is compared with many)."""
    return frozenset(word[:len(word) - len(e)] for e in _endings(rules) if word.endswith(e))


@lru_cache(maxsize=65536)
def match_letters(a: str, b: str, rules: Rules) -> int:
    """How many letters of ``a`` the word ``b`` accounts for: all of them when the two are
    the same word but for endings ("besöka", "besöken") or have the same lemma by the diff's
    lemmatizer; the letters of the part when ``b`` less an ending is a part of the compound
    ``a`` ("mopedinsats": "moped(er)", "insats(er)"); else 0 (rules/track.yaml)."""
    if a == b:
        return len(a)
    t = rules.track
    sa, sb = _stems(a, rules), _stems(b, rules)
    if any(len(x) >= t["min_stem"] for x in sa & sb):
        return len(a)
    parts = [x for x in sb if len(x) >= t["min_part"] and len(x) < len(a)
             and (a.startswith(x) or any(y.endswith(x) for y in sa))]  # a ends with x + an ending
    if parts:
        return max(map(len, parts))
    return len(a) if a[:2] == b[:2] and similarity(a, b) == 1.0 else 0  # one word each: the lemmas


@lru_cache(maxsize=8192)
def _word_set(text: str, rules: Rules) -> frozenset[str]:
    """A text's content words (cached: ``align`` measures each text against many)."""
    return frozenset(content_words(text, rules))


def overlap(a: str, b: str, rules: Rules) -> float:
    """The share of the letters of the shorter text's content words that the other's words
    account for (a compound by its two best parts; 0 when fewer than ``min_shared_letters``)."""
    wa, wb = _word_set(a, rules), _word_set(b, rules)
    if not wa or not wb:
        return 0.0
    if sum(map(len, wa)) > sum(map(len, wb)):
        wa, wb = wb, wa
    shared = sum(min(len(w), sum(sorted((match_letters(w, u, rules) for u in wb), reverse=True)[:2]))
                 for w in wa)
    if shared < rules.track["min_shared_letters"]:
        return 0.0
    return round(shared / sum(map(len, wa)), 4)


# --- counts --------------------------------------------------------------------------------

_THOUSANDS = re.compile(r"\d{1,3}(?: \d{3})+")


def _count(tok: str, rules: Rules) -> int | None:
    if _THOUSANDS.fullmatch(tok):  # "4 000" (the frequency reader leaves out years, < 1900)
        return int(tok.replace(" ", ""))
    v = _vocab(rules)
    return None if tok in v.articles else _number(tok, v)


def count_phrases(text: str, rules: Rules) -> list[tuple[int, list[str], int | None]]:
    """(number, the content words of the three tokens after it, and the promised number
    when it reads "X [noun] av de Y"), in text order."""
    toks = tokens(text)
    of_words = sorted((w.split() for w in rules.track["of_words"]), key=len, reverse=True)
    out, used = [], set()
    for i, t in enumerate(toks):
        n = _count(t, rules)
        if n is None or i in used:
            continue
        of = None
        for gap in (1, 2):
            for w in of_words:
                k = i + gap + len(w)
                if toks[i + gap:k] == w and k < len(toks):
                    of = _count(toks[k], rules)
                    if of is not None:
                        used.add(k)
                        break
            if of is not None:
                break
        out.append((n, content_words(" ".join(toks[i + 1:i + 4]), rules), of))
    return out


def _matches(words: list[str], target: list[str], rules: Rules) -> bool:
    return any(match_letters(w, u, rules) for w in words for u in target)


def promised_count(activity: dict, years: int, rules: Rules) -> tuple[int | None, list[str]]:
    """The promised total over ``years`` and the words it counts ("trygghetsvandringar")."""
    f = activity.get("frequency")
    phrases = count_phrases(activity["text"], rules)
    if f:
        words = next((w for n, w, _ in phrases if n == f["times"] and w), [])
        factor = 1 if f["per"] == "period" else PER_YEAR[f["per"]] * years / f["interval"]
        return round(f["times"] * factor), words
    first = next(((n, w) for n, w, _ in phrases if w), None)
    return (first[0], first[1]) if first else (None, [])


def delivered_count(text: str, counted: list[str], rules: Rules) -> tuple[int | None, int | None]:
    """(delivered, promised as the report states it) for the counted words, or Nones."""
    if not counted:
        return None, None
    phrases = count_phrases(text, rules)
    for n, words, of in phrases:
        if _matches(words, counted, rules) or (of is not None and not words):
            return n, of
    if _matches(content_words(text, rules), counted, rules):  # "Trygghetsvandringar: genomfört 3"
        return next(((n, of) for n, words, of in phrases if not words), (None, None))
    return None, None


# --- pairing -------------------------------------------------------------------------------

def _years(p: dict | None) -> tuple[int, int] | None:
    return (p["start"], p["end"]) if p else None


def reported_period(fu: dict) -> tuple[int, int] | None:
    """The period a follow-up reports on: the years its title names (unless its period
    holds them: "2022-06-01 t.o.m 2023-12-31" names 2022 only), else its period."""
    named, own = year_range(fu.get("title") or ""), _years(fu.get("period"))
    if named and own and own[0] <= named[0] and named[1] <= own[1]:
        return own
    return named or own


def part_of(fu: dict, rules: Rules) -> str | None:
    low = (fu.get("title") or "").lower()
    return next((part for part, words in rules.track["part_words"].items()
                 if any(re.search(rf"(?<![\wåäö]){re.escape(w)}", low) for w in words)), None)


def area(record: dict, rules: Rules) -> str | None:
    """The promise page's area slug from its address ("goteborg-askim-frolunda-hogsbo")."""
    slug = slugify(record["kommuner"][0]["namn"])
    segs = [s for s in re.sub(r"^[a-z]+://[^/]+", "", record["source"]["url"]).split("/") if s]
    for i, s in enumerate(segs):
        if s in rules.track["area_path_markers"]:
            return next((x for x in segs[i + 1:] if x.startswith(slug)), None)
    return None


def same_area(follow_up: dict, promise: dict, rules: Rules) -> bool:
    """Not of two lokalpolisområden, nor of two areas by address; a follow-up of a part of
    the kommun ("goteborg-askim-frolunda-hogsbo") only with a promise of that part."""
    la, lb = (" ".join((r.get("lokalpolisomrade") or "").lower().split()) for r in (follow_up, promise))
    if la and lb and not (la.startswith(lb) or lb.startswith(la)):
        return False
    fa, pa = area(follow_up, rules), area(promise, rules)
    if fa and pa:
        return fa == pa
    return not (fa and fa != slugify(follow_up["kommuner"][0]["namn"]))


def pair(follow_up: dict, promises: list[dict], years: tuple[int, int] | None, rules: Rules) -> list[dict]:
    """The promise records a follow-up reports on: same kommun and area; the period it
    names (``years``, ``reported_period``), else every one whose period overlaps it."""
    if years is None:
        return []
    kod = follow_up["kommuner"][0]["kod"]
    cands = [p for p in promises if p["kommuner"][0]["kod"] == kod and p.get("period")
             and same_area(follow_up, p, rules)]
    exact = [p for p in cands if _years(p["period"]) == years]
    if exact:
        return exact
    return [p for p in cands if p["period"]["start"] <= years[1] and years[0] <= p["period"]["end"]]


# --- the reported actions of a follow-up ---------------------------------------------------

def find_pages(corpus: Path | None, urls: set[str]) -> dict[str, Path]:
    """Corpus files by url, from their ``.meta.json`` sidecars."""
    out: dict[str, Path] = {}
    if corpus is None or not corpus.is_dir():
        return out
    for meta in sorted(corpus.rglob("*.meta.json")):
        try:
            url = json.loads(meta.read_text(encoding="utf-8")).get("url")
        except (OSError, ValueError, AttributeError):
            continue
        if url in urls and url not in out:
            stem = meta.name[: -len(".meta.json")]
            files = [f for f in meta.parent.glob(stem + ".*") if not f.name.endswith(".meta.json")]
            if files:
                out[url] = files[0]
    return out


def reported_actions(fu: dict, page_text: str | None, nlp, rules: Rules) -> list[dict]:
    """The follow-up record's activities, then the sentences of its page outside them
    (negative reports are never activities), each kept only when it states an outcome."""
    acts = [{"text": a["text"], "span": tuple(a["span"]), "source": "activity",
             "frequency": a.get("frequency")} for a in fu["activities"]]
    if page_text is not None:
        taken = [a["span"] for a in acts]
        for s in nlp(page_text).sents:
            text = s.text.strip()
            a, b = s.start_char, s.end_char
            if text and not any(x < b and a < y for x, y in taken):
                acts.append({"text": text, "span": (a, a + len(s.text.rstrip())), "source": "sentence",
                             "frequency": None})
    out = []
    for a in acts:
        o = outcome(a["text"], rules)
        if o:
            out.append({**a, "status": o[0], "phrase": o[1], "focus_area": None})
    return out


# --- the whole job -------------------------------------------------------------------------

def _status_of(evidence: list[Evidence]) -> str:
    sts = {e.status for e in evidence}
    if not sts:
        return "not_reported"
    if len(sts) == 1:
        return sts.pop()
    return "partly"


def _summary(rows: list[PromiseStatus], records: list[dict], linked: set[str]) -> dict:
    s = {"promise_records": len(records), "promise_records_with_follow_up": sum(r["id"] in linked for r in records),
         "promises": len(rows)}
    for st in ("done", "partly", "not_done", "not_reported", "no_follow_up"):
        s[st] = sum(r.status == st for r in rows)
    s["with_follow_up"] = len(rows) - s["no_follow_up"]
    s["shares"] = {st: round(s[st] / s["with_follow_up"], 3) if s["with_follow_up"] else 0.0
                   for st in ("done", "partly", "not_done", "not_reported")}
    return s


def track_records(records: list[dict], rules: Rules, corpus: Path | None = None, nlp=None) -> TrackResult:
    """Every promise of ``records`` with its status. The follow-ups' page texts are read
    from ``corpus`` (found by url; spans are checked by the page's sha256); without them
    only the follow-up records' activities are read."""
    from .ingest import DocumentError, read_document
    from .nlp import build_nlp

    promises = sorted((r for r in records if r["doc_type"] == "medborgarlofte"), key=lambda r: r["id"])
    follow_ups = sorted((r for r in records if r["doc_type"] == "uppfoljning"), key=lambda r: r["id"])
    pages = find_pages(corpus, {f["source"]["url"] for f in follow_ups})
    nlp = nlp or (build_nlp() if pages else None)  # only page sentences need spaCy
    links: list[FollowUpLink] = []
    reports: dict[str, list[tuple[dict, tuple[int, int], list[dict]]]] = {}
    for fu in follow_ups:
        text = None
        if fu["source"]["url"] in pages:
            try:
                doc = read_document(pages[fu["source"]["url"]], rules)
                text = doc.text if doc.sha256 == fu["source"].get("sha256") else None
            except DocumentError:
                text = None
        years = reported_period(fu)
        paired = pair(fu, promises, years, rules)
        acts = reported_actions(fu, text, nlp, rules)
        for p in paired:
            reports.setdefault(p["id"], []).append((fu, years, acts))
        links.append(FollowUpLink(
            id=fu["id"], kommun=fu["kommuner"][0], part=part_of(fu, rules),
            period={"start": years[0], "end": years[1]} if years else None,
            status="paired" if paired else "no promise record", promise_ids=[p["id"] for p in paired],
            page_text=text is not None))
    rows: list[PromiseStatus] = []
    measure = lambda a, b: overlap(a, b, rules)  # noqa: E731
    for p in promises:
        fus = reports.get(p["id"], [])
        evidence: dict[int, list[Evidence]] = {}
        cover = 1  # the years of the promise's period that its follow-ups report on
        for fu, fy, acts in fus:
            cover = max(cover, min(fy[1], p["period"]["end"]) - max(fy[0], p["period"]["start"]) + 1)
            pairs = align(p, {"activities": acts, "focus_areas": []}, measure=measure,
                          min_similarity=rules.track["min_score"], many=True)
            for i, j, score in pairs:
                a = acts[j]
                evidence.setdefault(i, []).append(Evidence(
                    record_id=fu["id"], text=a["text"], span=a["span"], source=a["source"],
                    status=a["status"], phrase=a["phrase"], score=round(min(score, 1.0), 4)))
        for i, act in enumerate(p["activities"]):
            ev = evidence.get(i, [])
            count, counted = promised_count(act, cover, rules)
            delivered = None
            for e in ev:  # counts of planned or cancelled things are not delivered
                e.count, of = delivered_count(e.text, counted, rules) if e.status == "done" else (None, None)
                if e.count is not None:
                    delivered = (delivered or 0) + e.count
                if count is None and of is not None:
                    count = of
            status = "no_follow_up" if not fus else _status_of(ev)
            if status == "done" and count is not None and delivered is not None and delivered < count:
                status = "partly"
            rows.append(PromiseStatus(
                record_id=p["id"], kommun=p["kommuner"][0], period=p.get("period"), n=i + 1,
                text=act["text"], span=tuple(act["span"]), status=status,
                promised=Promised(count=count, frequency=act.get("frequency")), delivered=delivered,
                follow_up_ids=sorted({fu["id"] for fu, _, _ in fus}), evidence=ev))
    linked = {pid for link in links for pid in link.promise_ids}
    kommuner = []
    by_kod: dict[str, list[dict]] = {}
    for p in promises:
        by_kod.setdefault(p["kommuner"][0]["kod"], []).append(p)
    for kod in sorted(by_kod):
        ids = {p["id"] for p in by_kod[kod]}
        kommuner.append(KommunSummary(kod=kod, namn=by_kod[kod][0]["kommuner"][0]["namn"],
                                      **_summary([r for r in rows if r.record_id in ids], by_kod[kod], linked)))
    by_year: dict[int, list[int]] = {}
    for p in promises:
        if p.get("period"):
            for y in range(p["period"]["start"], p["period"]["end"] + 1):
                c = by_year.setdefault(y, [0, 0])
                c[0] += 1
                c[1] += p["id"] in linked
    return TrackResult(
        national=Summary(**_summary(rows, promises, linked)), kommuner=kommuner,
        by_year=[YearCoverage(year=y, promise_records=c[0], with_follow_up=c[1]) for y, c in sorted(by_year.items())],
        follow_ups=links, promises=rows)


def follow_up_shares(result: TrackResult) -> dict[str, float]:
    """Per promise record with a follow-up: the share of its promises the follow-up reports
    on (done, partly or not done)."""
    by: dict[str, list[str]] = {}
    for r in result.promises:
        if r.follow_up_ids:
            by.setdefault(r.record_id, []).append(r.status)
    return {rid: round(sum(s in REPORTED for s in sts) / len(sts), 4) for rid, sts in by.items()}


# --- output --------------------------------------------------------------------------------

def promise_rows(result: TrackResult) -> list[dict]:
    """One row per promised activity (CSV, Markdown)."""
    return [{
        "record_id": r.record_id, "n": r.n, "kommun_kod": r.kommun["kod"], "kommun": r.kommun["namn"],
        "period": period_text(r.period), "status": r.status,
        "promised": "" if r.promised.count is None else r.promised.count,
        "delivered": "" if r.delivered is None else r.delivered,
        "follow_ups": "|".join(r.follow_up_ids), "text": r.text,
        "evidence": " | ".join(e.text for e in r.evidence),
        "evidence_spans": "|".join(f"{e.record_id}:{e.span[0]}-{e.span[1]}" for e in r.evidence if e.span),
    } for r in result.promises]


def summary_line(s: Summary) -> str:
    sh = s.shares
    return (f"{s.promise_records} promise records, {s.promise_records_with_follow_up} with a follow-up; "
            f"{s.promises} promises, {s.with_follow_up} with a follow-up: done {sh['done']:.0%}, "
            f"partly {sh['partly']:.0%}, not done {sh['not_done']:.0%}, not reported {sh['not_reported']:.0%}")


def to_json(result: TrackResult) -> str:
    return json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


def to_html(result: TrackResult) -> str:
    from .labels import labels
    from .render import render

    by_kod: dict[str, list[PromiseStatus]] = {}
    for r in result.promises:
        if r.follow_up_ids:
            by_kod.setdefault(r.kommun["kod"], []).append(r)
    fus: dict[str, list[FollowUpLink]] = {}
    for f in result.follow_ups:
        fus.setdefault(f.kommun["kod"], []).append(f)
    names = {k.kod: k.namn for k in result.kommuner} | {f.kommun["kod"]: f.kommun["namn"] for f in result.follow_ups}
    summaries = {k.kod: k for k in result.kommuner}
    kods = sorted(set(by_kod) | set(fus), key=lambda k: names[k])
    return render(
        "track.html", result=result, kods=kods, names=names, summaries=summaries, promises=by_kod, follow_ups=fus,
        period=period_text, labels=labels()["statuses"])


def render(result: TrackResult, fmt: str) -> str:

    if fmt == "json":
        return to_json(result)
    if fmt == "html":
        return to_html(result)
    rows = promise_rows(result)
    return to_csv(rows) if fmt == "csv" else f"{summary_line(result.national)}\n\n{to_markdown(rows)}"
