"""Compare output records with hand-made gold records.

Records are paired per source url: first those with the same period, then the rest in
document order. Activities are paired greedily by the Dice overlap of their lower-cased
word tokens (a match needs at least 0.5).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field


_TOK = re.compile(r"\w+")
MIN_DICE = 0.5


def dice(a: str, b: str) -> float:
    ta, tb = _TOK.findall(a.lower()), _TOK.findall(b.lower())
    if not ta or not tb:
        return 0.0
    from collections import Counter

    ca, cb = Counter(ta), Counter(tb)
    inter = sum((ca & cb).values())
    return 2 * inter / (len(ta) + len(tb))


def gold_half(record: dict) -> str:
    """"A" or "B": the gold is split by kommun (the parity of sha256 of the first SCB code), so
    that one half can be held back while rules are written against the other."""
    code = record["kommuner"][0]["kod"] if record.get("kommuner") else ""
    return "A" if int(hashlib.sha256(code.encode()).hexdigest(), 16) % 2 == 0 else "B"


def _situation_text(r: dict) -> str:
    s = r.get("situation")
    return (s or {}).get("text") or ""


def pair_activities(gold: list[dict], pred: list[dict]) -> list[tuple[int, int, float]]:
    cands = [(dice(g["text"], p["text"]), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)]
    cands = [c for c in cands if c[0] >= MIN_DICE]
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g, used_p, pairs = set(), set(), []
    for d, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi, d))
    return sorted(pairs)


def _period(r: dict):
    p = r.get("period")
    return (p["start"], p["end"]) if p else None


def pair_records(gold: list[dict], pred: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    by_url: dict[str, list[dict]] = {}
    for p in pred:
        by_url.setdefault(p["source"]["url"], []).append(p)
    pairs, missed, extra = [], [], []
    gold_by_url: dict[str, list[dict]] = {}
    for g in gold:
        gold_by_url.setdefault(g["source"]["url"], []).append(g)
    for url, golds in gold_by_url.items():
        preds = list(by_url.get(url, []))
        rest = []
        for g in golds:
            same = next((p for p in preds if _period(p) == _period(g)), None)
            if same is not None:
                preds.remove(same)
                pairs.append((g, same))
            else:
                rest.append(g)
        for g in rest:
            if preds:
                pairs.append((g, preds.pop(0)))
            else:
                missed.append(g)
        extra += preds
    return pairs, missed, extra


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _freq_key(f, record: dict):
    """A frequency as compared; in a record of one year N / year is N / period (CONTRACT.md:
    "they mean the same thing"), so both spell it as / period."""
    if not f:
        return None
    per, interval = f["per"], f.get("interval", 1)
    period = _period(record)
    if per == "year" and interval == 1 and period and period[0] == period[1]:
        per = "period"
    return (f["times"], per, interval, bool(f.get("at_least", False)))


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set, pred: set) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)


@dataclass
class Report:
    scores: dict
    misses: list[str] = field(default_factory=list)


def evaluate(gold: list[dict], pred: list[dict]) -> Report:
    pairs, missed, extra = pair_records(gold, pred)
    gold_urls = {g["source"]["url"] for g in gold}
    n = len(pairs)
    kommun_ok = period_ok = type_ok = 0
    parties, cats, acts, actors = Counts(), Counts(), Counts(), Counts()
    freq_ok = freq_n = fu_presence_ok = fu_freq_ok = fu_freq_n = 0
    situation_sum = 0.0
    misses: list[str] = []
    for g, p in pairs:
        rid = g["id"]
        kommun_ok += {k["kod"] for k in g["kommuner"]} == {k["kod"] for k in p["kommuner"]}
        period_ok += _period(g) == _period(p)
        type_ok += g["doc_type"] == p["doc_type"]
        parties.add(set(g["parties"]), set(p["parties"]))
        cats.add({c for fa in g["focus_areas"] for c in fa["categories"]},
                 {c for fa in p["focus_areas"] for c in fa["categories"]})
        ap = pair_activities(g["activities"], p["activities"])
        acts.tp += len(ap)
        acts.fn += len(g["activities"]) - len(ap)
        acts.fp += len(p["activities"]) - len(ap)
        matched_g = {gi for gi, _, _ in ap}
        matched_p = {pi for _, pi, _ in ap}
        for gi, pi, _ in ap:
            ga, pa = g["activities"][gi], p["activities"][pi]
            actors.add(set(ga["actors"]), set(pa["actors"]))
            freq_n += 1
            gk, pk = _freq_key(ga["frequency"], g), _freq_key(pa["frequency"], p)
            freq_ok += gk == pk
            if set(ga["actors"]) != set(pa["actors"]):
                misses.append(f"{rid}: actors {sorted(pa['actors'])} != gold {sorted(ga['actors'])}: {ga['text'][:70]}")
            if gk != pk:
                misses.append(f"{rid}: frequency {pk} != gold {gk}: {ga['text'][:70]}")
        for gi, ga in enumerate(g["activities"]):
            if gi not in matched_g:
                misses.append(f"{rid}: missed activity: {ga['text'][:90]}")
        for pi, pa in enumerate(p["activities"]):
            if pi not in matched_p:
                misses.append(f"{rid}: extra activity: {pa['text'][:90]}")
        gs, ps = _situation_text(g), _situation_text(p)
        situation_sum += 1.0 if not gs and not ps else dice(gs, ps)
        gf, pf = g.get("follow_up"), p.get("follow_up")
        fu_presence_ok += (gf is None) == (pf is None)
        if (gf is None) != (pf is None):
            misses.append(f"{rid}: follow-up {'none' if pf is None else 'present'} != gold "
                          f"{'none' if gf is None else 'present'}: {((gf or pf)['text'] or '')[:90]}")
        if gf and pf:
            fu_freq_n += 1
            fu_freq_ok += _freq_key(gf.get("frequency"), g) == _freq_key(pf.get("frequency"), p)
        if _period(g) != _period(p):
            misses.append(f"{rid}: period {_period(p)} != gold {_period(g)}")
        if {k["kod"] for k in g["kommuner"]} != {k["kod"] for k in p["kommuner"]}:
            misses.append(f"{rid}: kommuner {[k['namn'] for k in p['kommuner']]} != gold {[k['namn'] for k in g['kommuner']]}")
        gc = {c for fa in g["focus_areas"] for c in fa["categories"]}
        pc = {c for fa in p["focus_areas"] for c in fa["categories"]}
        if gc != pc:
            misses.append(f"{rid}: focus categories {sorted(pc)} != gold {sorted(gc)}")
    for g in missed:
        acts.fn += len(g["activities"])
        misses.append(f"{g['id']}: record missed")
    for p in extra:
        if p["source"]["url"] in gold_urls:
            acts.fp += len(p["activities"])
            misses.append(f"{p['id']}: extra record")
    ratio = (lambda a, b: a / b if b else 1.0)
    ap_, ar_, af_ = _f1(acts.tp, acts.fp, acts.fn)
    scores = {
        "records_gold": len(gold), "records_matched": n,
        "record_recall": ratio(n, len(gold)),
        "kommun_accuracy": ratio(kommun_ok, n), "period_accuracy": ratio(period_ok, n),
        "doc_type_accuracy": ratio(type_ok, n),
        "parties_f1": _f1(parties.tp, parties.fp, parties.fn)[2],
        "focus_category_f1": _f1(cats.tp, cats.fp, cats.fn)[2],
        "activity_precision": ap_, "activity_recall": ar_, "activity_f1": af_,
        "actor_f1": _f1(actors.tp, actors.fp, actors.fn)[2],
        "frequency_accuracy": ratio(freq_ok, freq_n),
        "follow_up_presence_accuracy": ratio(fu_presence_ok, n),
        "follow_up_frequency_accuracy": ratio(fu_freq_ok, fu_freq_n),
        "situation_dice": ratio(situation_sum, n),
    }
    return Report(scores={k: round(v, 4) if isinstance(v, float) else v for k, v in scores.items()}, misses=misses)


LABELS = {
    "record_recall": "record recall", "kommun_accuracy": "kommun accuracy",
    "period_accuracy": "period accuracy", "doc_type_accuracy": "doc type accuracy",
    "parties_f1": "parties F1", "focus_category_f1": "focus-category F1",
    "activity_precision": "activity precision", "activity_recall": "activity recall",
    "activity_f1": "activity F1", "actor_f1": "actor F1", "frequency_accuracy": "frequency accuracy",
    "follow_up_presence_accuracy": "follow-up presence", "follow_up_frequency_accuracy": "follow-up frequency",
    "situation_dice": "situation Dice",
}


def format_table(report: Report) -> str:
    s = report.scores
    lines = [f"records: {s['records_matched']} of {s['records_gold']} gold records paired", "",
             f"{'metric':<24} {'score':>6}", f"{'-' * 24} {'-' * 6}"]
    lines += [f"{label:<24} {s[key]:>6.3f}" for key, label in LABELS.items()]
    return "\n".join(lines)
