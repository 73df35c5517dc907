"""Snapshot → Document: read a corpus file and its sidecar, pick the backend by format.

Every problem with one input is a ``DocumentError`` whose message is one line naming the
file; the batch reports it and goes on.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import re
import stat
from pathlib import Path
from urllib.parse import urlsplit

from .backends.text import text_and_blocks
from .models import Document
from .rules import Rules

SUPPORTED = (".txt", ".html", ".htm", ".pdf")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)
MAX_ELEMENTS = 100_000  # a real page has a few thousand; a million tiny <p> cost minutes and GBs
_ELEMENT = re.compile(r"<[a-zA-Z]")
MAX_URL = 2048
_SEED_URL = re.compile(r"seed:[\w.-]{1,200}")
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")  # \s is str.isspace's set
_UNICODE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                 (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class DocumentError(Exception):
    """One input could not be turned into records; ``str()`` is the one-line reason."""

    def __init__(self, path: str | Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def discover(paths: list[str | Path]) -> list[Path]:
    """Files to process: given files as they are, folders searched recursively; sorted
    so that a batch always runs in the same order."""
    found: set[Path] = set()
    for p in map(Path, paths):
        if p.is_dir():
            found.update(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED)
        else:
            found.add(p)
    return sorted(found)


def read_sidecar(path: Path) -> dict:
    meta = path.with_name(path.stem + ".meta.json")
    try:  # (one system call fewer than asking whether it exists first)
        data = json.loads(meta.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DocumentError(meta, f"sidecar is not valid JSON ({exc.__class__.__name__}: {exc})") from None
    if not isinstance(data, dict):
        raise DocumentError(meta, "sidecar must be a JSON object")
    if "url" in data and data["url"] is not None:
        why = url_problem(data["url"])
        if why:
            raise DocumentError(meta, f"sidecar url {why}")
    return data


def url_problem(url) -> str | None:
    """Why a sidecar url cannot be a record's source url, or None: only an http(s) url with
    a host, or the bundled snapshot's ``seed:<name>``, of at most 2,048 characters."""
    if not isinstance(url, str):
        return f"must be a string, not {type(url).__name__}"
    if len(url) > MAX_URL:
        return f"is {len(url):,} characters long (at most {MAX_URL:,})"
    if _SEED_URL.fullmatch(url):
        return None
    if _SPACE_OR_CONTROL.search(url):
        return "contains spaces or control characters"
    try:
        p = urlsplit(url)
        ok = p.scheme.lower() in ("http", "https") and bool(p.hostname)
    except ValueError:
        ok = False
    return None if ok else f"must be an http(s) url or seed:<name>, not {url[:60]!r}"


def decode_text(raw: bytes, declared: str | None = None) -> str:
    """A UTF-16/32 byte order mark decides; else UTF-8 (with or without BOM) first, since a
    lying charset is common; then the declared charset; then cp1252, which Swedish legacy
    pages use."""
    for bom, enc in _UNICODE_BOMS:
        if raw.startswith(bom):
            return raw.decode(enc, errors="replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    for enc in ("utf-8", declared, "cp1252", "latin-1"):
        if not enc:
            continue
        try:
            return raw.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("utf-8", errors="replace")


_CONTROL = bytes([*range(9), *range(14, 32)])  # control bytes but tab, line breaks, form feed


def _looks_binary(raw: bytes) -> bool:
    head = raw[:4096]
    if b"\x00" in head:
        return True
    ctrl = len(head) - len(head.translate(None, _CONTROL))
    return bool(head) and ctrl / len(head) > 0.05


def read_document(path: str | Path, rules: Rules, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentError(path, f"unsupported file type '{suffix or '(none)'}' (use .txt, .html or .pdf)")
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise DocumentError(path, "not a regular file (a FIFO, device or socket); give files or folders")
        size = st.st_size
        if size > max_bytes:
            raise DocumentError(path, f"file is {size:,} bytes, over the size limit of {max_bytes:,} (--max-bytes)")
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(path, f"cannot read file ({exc.strerror})") from None
    if not raw.strip():
        raise DocumentError(path, "file is empty")
    meta = read_sidecar(path)
    url = str(meta.get("url") or path.as_posix())
    sha = hashlib.sha256(raw).hexdigest()
    fetched_at = meta.get("fetched_at")
    if suffix == ".pdf":
        from .backends.pdf import pdf_to_text

        text, blocks = pdf_to_text(raw, rules, path)
        kind = "pdf"
    else:
        if _looks_binary(raw) and not raw.startswith(tuple(bom for bom, _ in _UNICODE_BOMS)):
            raise DocumentError(path, "file is binary, not text or HTML")
        if suffix == ".txt":
            text, blocks = text_and_blocks(decode_text(raw), rules)
            kind = "text"
        else:
            from bs4.exceptions import ParserRejectedMarkup  # BeautifulSoup only when there is HTML

            from .backends.html import html_to_text

            m = _META_CHARSET.search(raw[:4096])
            markup = decode_text(raw, m.group(1).decode("ascii", "ignore") if m else None)
            elements = sum(1 for _ in _ELEMENT.finditer(markup))
            if elements > MAX_ELEMENTS:
                raise DocumentError(path, f"HTML has {elements:,} elements, over the limit of {MAX_ELEMENTS:,}")
            try:
                text, blocks = html_to_text(markup, rules)
            except RecursionError:
                raise DocumentError(path, "HTML is nested too deeply to read") from None
            except ParserRejectedMarkup:
                raise DocumentError(path, "HTML is too broken to parse (the parser rejected it)") from None
            kind = "html"
    if not blocks:
        raise DocumentError(path, "no text content found")
    return Document(path=path.as_posix(), url=url, kind=kind, sha256=sha,
                    fetched_at=str(fetched_at) if fetched_at else None, text=text, blocks=blocks)
