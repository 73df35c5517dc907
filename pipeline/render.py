"""Diffs and tables as text, Markdown and self-contained HTML, from the Jinja2 templates in
``templates/`` (HTML autoescaped; Markdown escaped with ``escape_markdown``). Everything a
person reads is Swedish (``labels.py``); ``--format json`` keeps the codes."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import labels

_MD_SPECIAL = re.compile(r"([\\`*_\[\]~|#])")


def escape_markdown(value) -> str:
    """Text safe inside a Markdown line: HTML is escaped (no raw ``<script>`` passes), and
    Markdown punctuation is backslash-escaped so that page text cannot open emphasis,
    links or table cells. Line breaks become spaces."""
    s = " ".join(str(value).split())
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", s)


def http_url(url) -> str | None:
    """The url when it is http(s), else None: only those become links (never javascript:)."""
    if isinstance(url, str) and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def period(p: dict | None) -> str:
    if not p:
        return "utan år"
    return str(p["start"]) if p["start"] == p["end"] else f"{p['start']}–{p['end']}"


def value(field: str, v) -> str:
    """A diffed field's value in Swedish ("–" for nothing)."""
    if field == "frequency":
        return labels.frequency(v) or "–"
    if field == "actors":
        return ", ".join(labels.actor(a) for a in v or []) or "–"
    if isinstance(v, list):
        return ", ".join(map(str, v)) or "–"
    return "–" if v in (None, "") else str(v)


@lru_cache(maxsize=1)
def env() -> Environment:
    from .compare import specificity  # here: compare uses escape_markdown from this module

    e = Environment(loader=PackageLoader("pipeline", "templates"), undefined=StrictUndefined,
                    autoescape=select_autoescape(["html"], default_for_string=True, default=False),
                    trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    e.filters.update(md=escape_markdown, http_url=http_url, period=period, value=value,
                     freq=labels.frequency, actor=labels.actor, category=labels.category,
                     doc_type=labels.doc_type, field=labels.field, specificity=specificity,
                     status=labels.status)
    e.globals.update(measurable_labels=labels.labels()["measurable"])
    return e


def render(template: str, **context) -> str:
    return env().get_template(template).render(**context)


def render_diffs(diffs: list[dict], fmt: str) -> str:
    if fmt == "json":
        data = diffs[0] if len(diffs) == 1 else diffs
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    template = {"html": "diff.html", "markdown": "diff.md", "text": "diff.txt"}[fmt]
    return render(template, diffs=diffs, title="Medborgarlöften: förändringar")


def page(title: str, body: str) -> str:
    """A self-contained page around ready-made HTML (``table_html``)."""
    return render("page.html", title=title, body=Markup(body))


def table_html(rows: list[dict]) -> str:
    return render("table.html", rows=rows)
