"""Swedish words for what people read: codes, frequencies and alphabetical order, from
``rules/labels.yaml``. The JSON keeps the codes; the report and the diff show these."""
from __future__ import annotations

from functools import lru_cache

from .rules import RULES_DIR, load_yaml


@lru_cache(maxsize=1)
def labels() -> dict:
    return load_yaml(RULES_DIR / "labels.yaml")


def actor(code: str) -> str:
    return labels()["actors"].get(code, code)


def category(code: str) -> str:
    return labels()["categories"].get(code, code)


def doc_type(code: str) -> str:
    return labels()["doc_types"].get(code, code)


def status(code: str) -> str:
    """A follow-up status (pipeline/track.py) in Swedish: "genomfört", "inte redovisat"."""
    return labels()["statuses"].get(code, code)


def field(name: str) -> str:
    return labels()["fields"].get(name, name)


def frequency(f: dict | None) -> str:
    """"minst 1 gång i veckan", "var fjortonde dag", "4 gånger per år", "5 under perioden"."""
    if not f:
        return ""
    t = labels()["frequency"]
    n, per, k = f["times"], f["per"], f.get("interval", 1)
    if per == "period":
        s = t["period"].format(n=n)
    else:
        count = t["once"] if n == 1 else t["times"].format(n=n)
        if k == 1:
            s = f"{count} {t['per'][per]}"
        else:
            every = t["every_other"][per] if k == 2 else t["every"][per].format(
                ord=t["ordinals"].get(k) or t["ordinal_other"].format(k=k))
            s = every if n == 1 else f"{count} {every}"
    if f.get("approximate"):
        s = f"{t['approximate']} {s}"
    if f.get("at_least"):
        s = f"{t['at_least']} {s}"
    return s


@lru_cache(maxsize=1)
def _collation() -> tuple[dict[str, int], dict[str, str]]:
    c = labels()["collation"]
    return {ch: i for i, ch in enumerate(c["alphabet"])}, c["same_as"]


def sort_key(name: str) -> tuple:
    """Swedish alphabetical order: å, ä, ö after z, é with e, spaces and hyphens first."""
    order, same = _collation()
    low = name.lower()
    key = tuple(order.get(same.get(ch, ch), 100 + ord(ch) if ch.isalnum() else -1) for ch in low)
    return key, name
