"""Which records a command works on: ``--kommun``, ``--lpo``, ``--region``, ``--year``,
``--doc-type`` (the same options on compare, diff, export and history).

Names match without regard to case or å/ä/ö (``--kommun goteborg`` is Göteborg);
a kommun is also found by its SCB code. Repeating an option means "any of these";
different options must all hold.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import click

from .models import DocType
from .slug import slugify


@dataclass(frozen=True)
class Where:
    kommun: tuple[str, ...] = ()
    lpo: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    year: tuple[int, ...] = ()
    doc_type: tuple[str, ...] = ()

    def keep(self, r: dict) -> bool:
        if self.kommun:
            wanted = {slugify(k) for k in self.kommun}
            if not any(k["kod"] in self.kommun or slugify(k["namn"]) in wanted for k in r["kommuner"]):
                return False
        if self.lpo and slugify(r.get("lokalpolisomrade") or "") not in {slugify(x) for x in self.lpo}:
            return False
        if self.region and slugify(r.get("polisregion") or "") not in {slugify(x) for x in self.region}:
            return False
        if self.year:
            p = r.get("period")
            if not p or not any(p["start"] <= y <= p["end"] for y in self.year):
                return False
        return not self.doc_type or r["doc_type"] in self.doc_type

    def apply(self, records: list[dict]) -> list[dict]:
        return [r for r in records if self.keep(r)]

    def describe(self) -> str:
        parts = [f"{name.replace('_', '-')} {'|'.join(map(str, vals))}"
                 for name, vals in vars(self).items() if vals]
        return ", ".join(parts) or "none"


OPTIONS = [
    click.option("--kommun", multiple=True, help="Only this kommun (name or SCB code); repeatable."),
    click.option("--lpo", multiple=True, help="Only this lokalpolisområde; repeatable."),
    click.option("--region", multiple=True, help="Only this police region (Stockholm, Väst, Syd, …); repeatable."),
    click.option("--year", type=int, multiple=True, help="Only records whose period includes this year; repeatable."),
    click.option("--doc-type", "doc_type", type=click.Choice(DocType.__args__), multiple=True,
                 help="Only this doc type; repeatable."),
]


def filter_options(f):
    """Adds the five options to a command, which receives them as one ``where: Where``."""
    @functools.wraps(f)
    def wrapper(*args, kommun, lpo, region, year, doc_type, **kw):
        return f(*args, where=Where(kommun, lpo, region, year, doc_type), **kw)
    for option in reversed(OPTIONS):
        wrapper = option(wrapper)
    return wrapper
