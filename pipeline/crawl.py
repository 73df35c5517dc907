"""Fetch promise pages and their PDFs into a corpus snapshot, politely, safely and resumably.

Polite: robots.txt honoured (RFC 9309, with protego), a User-Agent of our own with a contact,
at most ``rate`` requests per second per host, a small thread pool, retries with exponential
backoff on 429/5xx/timeouts (Retry-After honoured), conditional GET so that a rerun transfers
no unchanged body. Safe against hostile servers: ``timeout`` bounds a whole response, a size
limit per response, a cap on redirects and on pages, redirects only to http(s) on hosts of the
source list and never from the public web into loopback, link-local or private addresses;
every failure of one url is that url's outcome, never the crawl's. Resumable: every file is
written atomically and the next run starts where this one stopped; Ctrl-C stops within
seconds and keeps the report of what was done.
"""
from __future__ import annotations

import email.utils
import functools
import hashlib
import heapq
import http.client
import ipaddress
import json
import math
import re
import socket
import ssl
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import Message
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, urljoin, urlparse, urlsplit, urlunparse, urlunsplit

from protego import Protego

from . import __version__
from .ingest import MAX_URL  # one bound on url length, for sidecars and the crawl
from .output import atomic_write
from .signals import first_completed
from .slug import slugify
from .rules import RuleError, load_yaml

POLISEN = "https://polisen.se"
INDEX_PATH = "/om-polisen/medborgarloften-och-lokal-samverkan/"
PROMISE_PATH = re.compile(r"/medborgarloften/|/medborgarlofte", re.I)


@dataclass
class Settings:
    corpus: Path
    base_url: str = POLISEN
    rate: float = 1.0
    concurrency: int = 2
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    max_depth: int = 2
    max_pages: int = 5000  # the national crawl needs about 1,300 (see the README)
    hosts: tuple[str, ...] = ()  # --hosts / --only-polisen: only these hosts (empty: every host)
    contact: str = "https://github.com/medborgarloften/promises"

    @property
    def user_agent(self) -> str:
        return f"medborgarloften-crawler/{__version__} (+{self.contact})"


@dataclass
class Outcome:
    url: str
    outcome: str  # fetched | not_modified | absent | skipped | failed
    status: int | None = None
    path: str | None = None
    error: str | None = None
    attempts: int = 0
    final_url: str | None = None


# --- the source list ------------------------------------------------------------------------

def load_sources(path: Path, overrides: Path | None = None) -> dict:
    """The source list, with a user's file merged over it (entries by kommun name replace
    or extend the defaults; other top-level keys replace)."""
    data = load_yaml(path, "source list", "a mapping with 'kommuner'")
    if overrides:
        extra = load_yaml(overrides, "source list", "a mapping with 'kommuner'")
        by_name = {e["kommun"]: e for e in data.get("kommuner", [])}
        for e in extra.get("kommuner", []):
            by_name[e["kommun"]] = {**by_name.get(e["kommun"], {}), **e}
        data = {**data, **{k: v for k, v in extra.items() if k != "kommuner"},
                "kommuner": list(by_name.values())}
    return data


class Seed(NamedTuple):
    """A url to start from. ``known`` urls (the index, pages listed by hand) must exist, so a
    404 there is a failure; a guessed url form's 404 is not. ``kommun`` groups a kommun's
    guessed url forms, newest first; ``index`` marks the index, fetched before any guess."""
    url: str
    known: bool
    kommun: str | None = None
    index: bool = False


def seeds(sources: dict, only: list[str], base_url: str) -> list[Seed]:
    """The index (unless ``only`` names kommuner), every entry's url forms and its pages."""
    wanted = {slugify(o) for o in only}
    out = [] if wanted else [Seed(_rebase(POLISEN + sources.get("index", INDEX_PATH), base_url), True, index=True)]
    forms = sources.get("url_forms", [])
    for e in sources.get("kommuner", []):
        if wanted and not ({slugify(e["kommun"]), e.get("slug"), str(e.get("kod"))} & wanted):
            continue
        for form in forms:
            out.append(Seed(_rebase(POLISEN + form.format(**e), base_url), False, e["kommun"]))
        out += [Seed(_rebase(u, base_url), True) for u in e.get("pages", [])]
    return list(dict.fromkeys(out))


def _rebase(url: str, base_url: str) -> str:
    """Point every polisen.se address at base_url (a mirror or a test server)."""
    try:
        p = urlparse(url)
    except (TypeError, ValueError, AttributeError):
        return url  # not a url: crawl() reports it as that url's failure
    if p.netloc.removeprefix("www.") == "polisen.se" and base_url.rstrip("/") != POLISEN:
        b = urlparse(base_url)
        return urlunparse((b.scheme, b.netloc, p.path, p.params, p.query, ""))
    return url


# --- storage --------------------------------------------------------------------------------

def doc_name(url: str) -> tuple[str, str]:
    """(folder, stem) for a url: the host as a folder, the path as a readable stem plus a
    short hash so that different urls never share a file."""
    p = urlparse(url)
    host = slugify(p.netloc.replace(".", "-").replace(":", "-")) or "local"
    path = slugify(p.path.strip("/").replace("/", "-").replace(".", "-"))[-90:].strip("-") or "index"
    return host, f"{path}-{hashlib.sha256(url.encode()).hexdigest()[:8]}"


_PATH_SAFE = "/%:@!$&'()*+,;=-._~"


def normalize_url(url: str) -> str:
    """The url as it goes on the wire: http(s) only, an IDNA host, path and query
    percent-encoded (``bilaga ö.pdf`` → ``bilaga%20%C3%B6.pdf``), no fragment. ValueError
    with the reason for anything else (``http://[::1/x``, ``file:``, 10 kB of junk)."""
    if not isinstance(url, str) or len(url) > MAX_URL:
        raise ValueError(f"not a url of at most {MAX_URL} characters")
    p = urlsplit(url.strip())
    if p.scheme.lower() not in ("http", "https"):
        raise ValueError(f"not an http(s) url: {url[:80]!r}")
    host, port = p.hostname, p.port  # .port raises ValueError for a bad port
    if not host:
        raise ValueError(f"no host in {url[:80]!r}")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise ValueError(f"bad host name in {url[:80]!r}") from None
    netloc = (f"[{host}]" if ":" in host else host) + (f":{port}" if port else "")
    return urlunsplit((p.scheme.lower(), netloc, quote(p.path or "/", safe=_PATH_SAFE),
                       quote(p.query, safe=_PATH_SAFE + "?"), ""))


def _host_key(url: str) -> str:
    p = urlsplit(url)
    return f"{(p.hostname or '').removeprefix('www.')}:{p.port or ''}"


def parse_hosts(value: str) -> tuple[str, ...]:
    """``--hosts polisen.se,ale.se,127.0.0.1:8000`` as host keys: ``www.`` dropped, IDNA, a
    port only when given. ValueError naming a bad entry."""
    out = []
    for entry in filter(None, (e.strip() for e in value.split(","))):
        try:
            p = urlsplit(normalize_url(f"http://{entry}/"))
            if p.path != "/" or p.query or "@" in entry:
                raise ValueError
        except ValueError:
            raise ValueError(f"not a host name: {entry!r}") from None
        out.append(f"{p.hostname.removeprefix('www.')}:{p.port or ''}")
    if not out:
        raise ValueError("no host given")
    return tuple(out)


def in_hosts(url: str, hosts: tuple[str, ...]) -> bool:
    """Is the url on one of ``hosts`` (every host when empty)? A host given without a port
    matches every port."""
    if not hosts:
        return True
    key = _host_key(url)
    return key in hosts or f"{key.rsplit(':', 1)[0]}:" in hosts


@functools.lru_cache(maxsize=4096)
def _is_internal(host: str) -> bool:
    """Does the name resolve to a loopback, link-local, private or otherwise non-public address?"""
    try:
        addresses = {ai[4][0] for ai in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return False  # does not resolve: the request itself fails
    return any(not ipaddress.ip_address(a.split("%")[0]).is_global for a in addresses)


def redirect_refusal(start: str, target: str, allowed_hosts: set[str]) -> str | None:
    """Why a redirect from ``start`` to ``target`` is not followed, or None. Only http(s),
    only to hosts of the source list, and never from a public address into loopback,
    link-local or private ones (a test server on 127.0.0.1 may redirect within itself)."""
    scheme = urlsplit(target).scheme.lower()
    if scheme not in ("http", "https"):
        return f"redirect to a {scheme or 'schemeless'}: url refused"
    if _host_key(target) not in allowed_hosts:
        return f"redirect to {urlsplit(target).netloc} refused (not a host of the source list)"
    host, start_host = urlsplit(target).hostname or "", urlsplit(start).hostname or ""
    if _is_internal(host) and not _is_internal(start_host):
        return f"redirect to {host} refused (a loopback, link-local or private address)"
    return None


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds (delta or HTTP date), or None when absent or nonsense
    (``soon``, ``-5``, ``nan``); at most a minute. A ``-0000`` date is taken as UTC."""
    if not value:
        return None
    try:
        delay = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        delay = max(0.0, (when - datetime.now(timezone.utc)).total_seconds())
    if not math.isfinite(delay) or delay < 0:
        return None
    return min(delay, 60.0)


def _existing_meta(corpus: Path, url: str) -> tuple[Path, dict | None]:
    folder, stem = doc_name(url)
    meta_path = corpus / folder / f"{stem}.meta.json"
    try:
        return meta_path, json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return meta_path, None


# --- politeness -----------------------------------------------------------------------------

class Stopped(Exception):
    """Ctrl-C: the crawl is stopping; the url in hand is left for the next run."""


class HostPacer:
    """At most ``rate`` requests per second to each host, whatever the number of threads."""

    def __init__(self, rate: float, stop: threading.Event):
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.next_slot: dict[str, float] = {}
        self.lock = threading.Lock()
        self.stop = stop

    def wait(self, host: str) -> None:
        with self.lock:
            now = time.monotonic()
            slot = max(now, self.next_slot.get(host, now))
            self.next_slot[host] = slot + self.interval
        if slot > now and self.stop.wait(slot - now) or self.stop.is_set():
            raise Stopped


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


REDIRECTS = (301, 302, 303, 307, 308)
CONNECT_TIMEOUT = 5.0  # a host that does not answer costs this much, and Ctrl-C waits no longer


class _Fatal(Exception):
    """A failure that retrying cannot fix."""


class _Transient(Exception):
    """A failure worth another attempt (timeout, reset, a short body)."""


@dataclass
class _Robots:
    parser: Protego | None = None  # None: everything allowed
    refusal: str | None = None     # disallow-all, with the reason
    unreachable: str | None = None  # the host cannot be reached at all

    def verdict(self, url: str, user_agent: str) -> str | None:
        if self.unreachable:
            return self.unreachable
        if self.refusal:
            return self.refusal
        if self.parser and not self.parser.can_fetch(url, user_agent):
            return "disallowed by robots.txt"
        return None


@dataclass
class Crawler:
    settings: Settings
    allowed_hosts: set[str] = field(default_factory=set)

    def __post_init__(self):
        self.stop = threading.Event()
        self.pacer = HostPacer(self.settings.rate, self.stop)
        self.robots: dict[str, _Robots] = {}
        self.robots_lock = threading.Lock()  # guards the two dicts only, never held over a request
        self.host_locks: dict[str, threading.Lock] = {}
        self.active: set[http.client.HTTPConnection] = set()
        self.active_lock = threading.Lock()
        self.tls = ssl.create_default_context()

    def abort(self) -> None:
        """Stop: wake every sleeper and cut every connection in flight."""
        self.stop.set()
        with self.active_lock:
            for conn in list(self.active):
                _cut(conn)

    def _get(self, url: str, headers: dict) -> tuple[int, Message, bytes]:
        """One GET, no redirects; ``timeout`` bounds the whole exchange (a watchdog cuts
        the connection), a body shorter than its Content-Length is a failure."""
        s = self.settings
        p = urlsplit(url)
        if p.scheme == "https":
            conn = http.client.HTTPSConnection(p.hostname, p.port, timeout=s.timeout, context=self.tls)
        else:
            conn = http.client.HTTPConnection(p.hostname, p.port, timeout=s.timeout)
        deadline = time.monotonic() + s.timeout
        watchdog = threading.Timer(s.timeout, _cut, (conn,))
        with self.active_lock:
            self.active.add(conn)
        watchdog.start()
        try:
            conn.timeout = min(s.timeout, CONNECT_TIMEOUT)
            conn.connect()
            conn.sock.settimeout(s.timeout)
            self._check_cut(deadline)
            conn.request("GET", p.path + (f"?{p.query}" if p.query else ""),
                         headers={"User-Agent": s.user_agent, **headers})
            resp = conn.getresponse()
            body = bytearray()
            while chunk := resp.read(min(65536, s.max_bytes + 1 - len(body))):
                body += chunk
                if len(body) > s.max_bytes:
                    raise _Fatal(f"response over the size limit of {s.max_bytes:,} bytes")
            self._check_cut(deadline)
            declared = resp.getheader("Content-Length", "")
            if declared.isdigit() and len(body) < int(declared):
                raise _Transient(f"body shorter than its Content-Length ({len(body):,} of {int(declared):,} bytes)")
            return resp.status, resp.headers, bytes(body)
        except (OSError, http.client.HTTPException) as exc:
            self._check_cut(deadline)
            if isinstance(exc, socket.gaierror):
                raise _Fatal(f"cannot resolve host {p.hostname} ({exc.strerror or exc})") from None
            if isinstance(exc, ssl.SSLCertVerificationError):
                raise _Fatal(f"TLS certificate not valid ({exc.verify_message})") from None
            if isinstance(exc, http.client.IncompleteRead):
                raise _Transient(f"body cut short ({len(exc.partial):,} bytes read)") from None
            if isinstance(exc, (http.client.HTTPException, ValueError)):  # malformed reply
                text = str(exc)[:120] or exc.__class__.__name__
                raise _Fatal(f"malformed reply: {exc.__class__.__name__}: {text}") from None
            if isinstance(exc, TimeoutError):
                raise _Transient("timed out") from None
            raise _Transient(f"{exc.__class__.__name__}: {exc}") from None
        finally:
            watchdog.cancel()
            with self.active_lock:
                self.active.discard(conn)
            conn.close()

    def _check_cut(self, deadline: float) -> None:
        if self.stop.is_set():
            raise Stopped
        if time.monotonic() >= deadline:
            raise _Transient(f"timed out (whole response over {self.settings.timeout:g} s)")

    def _request(self, url: str, headers: dict | None = None, robots: bool = True):
        """One paced GET; returns (status, headers, body, final url). Redirects followed
        under ``redirect_refusal`` (and robots.txt, unless this is the robots.txt fetch)."""
        for _ in range(self.settings.max_redirects + 1):
            self.pacer.wait(urlsplit(url).netloc)
            status, resp_headers, body = self._get(url, headers or {})
            location = resp_headers.get("Location")
            if status not in REDIRECTS or not location:
                return status, resp_headers, body, url
            try:
                target = normalize_url(urljoin(url, location.strip()))
            except ValueError as exc:
                scheme = re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*):", location)
                if scheme and scheme.group(1).lower() not in ("http", "https"):
                    raise _Fatal(f"redirect to a {scheme.group(1).lower()}: url refused") from None
                raise _Fatal(f"bad redirect Location {location[:80]!r} ({exc})") from None
            refusal = redirect_refusal(url, target, self.allowed_hosts)
            if refusal:
                raise _Fatal(refusal)
            if robots and (verdict := self._robots_for(target).verdict(target, self.settings.user_agent)):
                raise _Fatal(f"redirected to {target}: {verdict}")
            url = target
        raise _Fatal(f"more than {self.settings.max_redirects} redirects")

    def _robots_for(self, url: str) -> _Robots:
        """The host's robots.txt, fetched once (one lock per host, so no thread waits on
        another host and a redirecting robots.txt cannot deadlock)."""
        p = urlsplit(url)
        root = f"{p.scheme}://{p.netloc}"
        with self.robots_lock:
            if root in self.robots:
                return self.robots[root]
            lock = self.host_locks.setdefault(root, threading.Lock())
        with lock:
            with self.robots_lock:
                if root in self.robots:
                    return self.robots[root]
            entry = self._fetch_robots(root)
            with self.robots_lock:
                self.robots[root] = entry
            return entry

    def _fetch_robots(self, root: str) -> _Robots:
        """RFC 9309: 2xx → its rules; 4xx → allow all; 5xx (or 429) → disallow all for
        this run; unreachable → every url of the host fails with the reason."""
        attempt = 0
        while True:
            attempt += 1
            try:
                status, _, body, _ = self._request(root + "/robots.txt", robots=False)
                break
            except _Transient as exc:
                if attempt > self.settings.retries:
                    return _Robots(unreachable=f"host unreachable (robots.txt: {exc})")
                self._backoff(attempt, None)
            except _Fatal as exc:
                return _Robots(unreachable=f"host unreachable (robots.txt: {exc})")
        if 200 <= status < 300:
            return _Robots(parser=Protego.parse(body.decode("utf-8", "replace")))
        if status == 429 or status >= 500:
            return _Robots(refusal=f"robots.txt answered HTTP {status}: disallow-all until a later run (RFC 9309)")
        return _Robots()

    def fetch(self, url: str, known: bool) -> tuple[Outcome, list[str]]:
        """Fetch one url into the snapshot; returns its outcome and the links to follow.
        Whatever goes wrong is this url's outcome (only Ctrl-C propagates, as ``Stopped``)."""
        try:
            return self._fetch(url, known)
        except Stopped:
            raise
        except Exception as exc:  # noqa: BLE001 - a hostile server must not end the crawl
            return Outcome(url, "failed", error=f"{exc.__class__.__name__}: {str(exc)[:200]}"), []

    def _fetch(self, url: str, known: bool) -> tuple[Outcome, list[str]]:
        s = self.settings
        robots = self._robots_for(url)
        verdict = robots.verdict(url, s.user_agent)
        if verdict:
            return Outcome(url, "failed" if robots.unreachable else "skipped", error=verdict), []
        meta_path, old = _existing_meta(s.corpus, url)
        headers = {}
        if old and (old.get("etag") or old.get("last_modified")):
            if old.get("etag"):
                headers["If-None-Match"] = old["etag"]
            if old.get("last_modified"):
                headers["If-Modified-Since"] = old["last_modified"]
        attempt, error = 0, None
        while attempt <= s.retries:
            attempt += 1
            try:
                status, resp_headers, body, final = self._request(url, headers)
            except _Fatal as exc:
                return Outcome(url, "failed", error=str(exc), attempts=attempt), []
            except _Transient as exc:
                error = str(exc)
                self._backoff(attempt, None)
                continue
            if status == 304 and old:
                links = self._links_of_stored(old)
                return Outcome(url, "not_modified", status, old.get("path"), attempts=attempt,
                               final_url=old.get("final_url")), links
            if status == 429 or status >= 500:
                error = f"HTTP {status}"
                self._backoff(attempt, resp_headers.get("Retry-After"))
                continue
            if status in (404, 410):
                return Outcome(url, "failed" if known else "absent", status, error=f"HTTP {status}",
                               attempts=attempt), []
            if status != 200:
                return Outcome(url, "failed", status, error=f"HTTP {status}", attempts=attempt), []
            ctype = (resp_headers.get("Content-Type") or "").split(";")[0].strip().lower()
            ext = ".pdf" if ctype == "application/pdf" or body[:5] == b"%PDF-" else ".html"
            folder, stem = doc_name(url)
            path = s.corpus / folder / f"{stem}{ext}"
            meta = {"url": url, "final_url": final, "fetched_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "status": status, "content_type": ctype, "etag": resp_headers.get("ETag"),
                    "last_modified": resp_headers.get("Last-Modified"), "sha256": hashlib.sha256(body).hexdigest(),
                    "bytes": len(body), "path": path.relative_to(s.corpus).as_posix()}
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, body)
            atomic_write(meta_path, json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
            links = self._links(body, final) if ext == ".html" else []
            return Outcome(url, "fetched", status, meta["path"], attempts=attempt, final_url=final), links
        return Outcome(url, "failed", error=f"{error} (after {attempt} attempts)", attempts=attempt), []

    def _backoff(self, attempt: int, retry_after: str | None) -> None:
        if attempt > self.settings.retries:
            return
        delay = retry_after_seconds(retry_after)
        if delay is None:
            delay = min(self.settings.backoff * 2 ** (attempt - 1), 60.0)
        if self.stop.wait(delay):
            raise Stopped

    def _links_of_stored(self, meta: dict) -> list[str]:
        path = self.settings.corpus / meta.get("path", "")
        if path.suffix == ".html" and path.exists():
            return self._links(path.read_bytes(), meta.get("final_url") or meta["url"])
        return []

    def _links(self, body: bytes, base: str) -> list[str]:
        """Links worth following: attached PDFs and promise pages (older periods, follow-ups),
        as written in the page (``crawl`` normalizes them)."""
        parser = _Links()
        try:
            parser.feed(body.decode("utf-8", "replace"))
        except Exception:  # malformed markup: keep what was parsed
            pass
        out = []
        for href in parser.links:
            try:
                url = urljoin(base, href.strip()).split("#")[0]
                p = urlparse(url)
            except ValueError:  # e.g. http://[::1/x: not a link we could follow
                continue
            if p.scheme not in ("http", "https"):
                continue
            if p.path.lower().endswith(".pdf") or PROMISE_PATH.search(p.path):
                out.append(url)
        return list(dict.fromkeys(out))


def _cut(conn: http.client.HTTPConnection) -> None:
    """Shut the connection's socket from another thread: a blocked read returns at once."""
    sock = conn.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


class CrawlInterrupted(KeyboardInterrupt):
    """Ctrl-C during a crawl; ``outcomes`` are the urls that were done."""

    def __init__(self, outcomes: list[Outcome]):
        super().__init__("crawl interrupted; files written so far are complete, rerun to go on")
        self.outcomes = outcomes


def _tier(url: str, known: bool, base_host: str) -> int:
    """Work order: the index and what it links first, then pages listed by hand, then guesses."""
    if not known:
        return 2
    return 0 if urlsplit(url).netloc == base_host else 1


LINKED = "linked from the index"
ANSWERED = "an earlier url form answered"


def crawl(settings: Settings, start: list[Seed], progress=None) -> list[Outcome]:
    """From the seeds, following links up to ``max_depth``, best first: the index and the
    pages it links, then pages listed by hand, then guessed url forms; at most
    ``max_pages`` urls, on ``settings.hosts`` only. A kommun's guessed url forms wait for the
    index: when it links one of them, the others are not requested; otherwise they are tried
    newest first, up to the first that answers. Ctrl-C raises ``CrawlInterrupted`` with what
    was done."""
    start = [Seed(*s) for s in start]
    base_host = urlsplit(normalize_url(settings.base_url)).netloc
    outcomes: list[Outcome] = []
    queue: list[tuple[int, int, int, str, bool]] = []  # (tier, depth, order, url, known)
    rank: dict[str, tuple[int, int]] = {}  # best (tier, depth) a url was queued with
    started: set[str] = set()  # requested or reported: never queued again

    def allowed_url(url: str) -> str | None:
        """The url normalized, or None when it is not to be requested (a bad url, reported
        as such, or not on ``--hosts``)."""
        try:
            url = normalize_url(url)
        except ValueError as exc:
            outcomes.append(Outcome(str(url)[:MAX_URL], "failed", error=f"bad url: {exc}"))
            return None
        return url if in_hosts(url, settings.hosts) else None

    def add(url: str, known: bool, depth: int, tier: int | None = None) -> str | None:
        """Queue a url (a seed's tier is its own, a link's that of its page), or move it up
        when it turns up again earlier in the order; the url as queued, or None when it is
        not to be requested (``allowed_url``)."""
        url = allowed_url(url)
        if url is None:
            return None
        if tier is None:
            tier = _tier(url, known, base_host)
        if url not in started and rank.get(url, (9, 0)) > (tier, depth):
            rank[url] = (tier, depth)
            heapq.heappush(queue, (tier, depth, len(rank), url, known))
        return url

    # a kommun's guessed url forms, newest first, held back until the index is done
    waiting: dict[str, list[str]] = {}
    form_of: dict[str, str] = {}  # a form's url without its final slash → its kommun
    trying: dict[str, str] = {}   # the form requested for a kommun → the kommun
    answered: dict[str, bool] = {}  # url done → did it answer (fetched or not modified)?
    index: set[str] = set()
    for seed in start:
        if seed.kommun is None:
            if (queued := add(seed.url, seed.known, 0)) and seed.index:
                index.add(queued)
            continue
        url = allowed_url(seed.url)
        if url is not None and url.rstrip("/") not in form_of:
            waiting.setdefault(seed.kommun, []).append(url)
            form_of[url.rstrip("/")] = seed.kommun
    linked: dict[str, set[str]] = {}  # kommun → its forms the index links

    def skip_rest(kommun: str, reason: str) -> None:
        for url in waiting.pop(kommun, []):
            if url not in started and url.rstrip("/") not in linked.get(kommun, ()):
                started.add(url)
                outcomes.append(Outcome(url, "skipped", error=reason))

    def release(kommun: str) -> None:
        """Queue the kommun's next guessed url form (one already done as a link counts)."""
        forms = waiting.get(kommun, [])
        while forms:
            url = forms.pop(0)
            if url in answered:
                if answered[url]:
                    return skip_rest(kommun, ANSWERED)
                continue
            if add(url, False, 0):
                trying[url] = kommun
                return
        waiting.pop(kommun, None)

    def index_done() -> None:
        for kommun in list(waiting):
            if kommun in linked:
                skip_rest(kommun, LINKED)
            else:
                release(kommun)

    if not index:
        index_done()
    allowed = [normalize_url(settings.base_url), *rank, *(u for forms in waiting.values() for u in forms)]
    crawler = Crawler(settings, {_host_key(u) for u in allowed if in_hosts(u, settings.hosts)})
    inflight: dict = {}
    trimmed: set[str] = set()  # urls dropped from an overlong queue: reported, not lost
    pool = ThreadPoolExecutor(max_workers=max(1, settings.concurrency))
    try:
        while queue or inflight:
            while queue and len(inflight) < settings.concurrency and len(outcomes) + len(inflight) < settings.max_pages:
                tier, depth, _, url, known = heapq.heappop(queue)
                if url in started or rank[url] != (tier, depth):
                    continue  # queued again, earlier in the order
                started.add(url)
                inflight[pool.submit(crawler.fetch, url, known)] = (url, depth, tier)
            if not inflight:
                break
            done = first_completed(inflight)
            for fut in done:
                url, depth, tier = inflight.pop(fut)
                outcome, links = fut.result()
                outcomes.append(outcome)
                answered[url] = outcome.outcome in ("fetched", "not_modified")
                if progress:
                    progress(outcome)
                for link in links if depth < settings.max_depth else []:
                    link = _rebase(link, settings.base_url)
                    if urlparse(link).netloc in (base_host, urlparse(url).netloc):
                        queued = add(link, True, depth + 1, tier)
                        if url in index and queued and queued.rstrip("/") in form_of:
                            linked.setdefault(form_of[queued.rstrip("/")], set()).add(queued.rstrip("/"))
                if url in index:
                    index.discard(url)
                    if not index:
                        index_done()
                if kommun := trying.pop(url, None):
                    if answered[url]:
                        skip_rest(kommun, ANSWERED)
                    else:
                        release(kommun)
            if len(queue) > 2 * settings.max_pages:  # a page of 3,000 links must not queue millions
                kept = heapq.nsmallest(settings.max_pages, queue)
                trimmed.update({q[3] for q in queue} - {q[3] for q in kept})
                queue = kept
                heapq.heapify(queue)
        left = ({q[3] for q in queue} | {u for forms in waiting.values() for u in forms} | trimmed) - started
        outcomes += [Outcome(u, "skipped", error=f"not visited: --max-pages {settings.max_pages} reached")
                     for u in sorted(left)]
    except (KeyboardInterrupt, Stopped):
        crawler.abort()
        pool.shutdown(wait=True, cancel_futures=True)
        for fut in inflight:
            if fut.done() and not fut.cancelled() and fut.exception() is None:
                outcomes.append(fut.result()[0])
        raise CrawlInterrupted(sorted(outcomes, key=lambda o: o.url)) from None
    pool.shutdown(wait=True)
    return sorted(outcomes, key=lambda o: o.url)


def write_report(path: Path, outcomes: list[Outcome], settings: Settings, started: str,
                 interrupted: bool = False) -> dict:
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o.outcome] = counts.get(o.outcome, 0) + 1
    report = {"started": started, "finished": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
              "base_url": settings.base_url, "user_agent": settings.user_agent, "interrupted": interrupted,
              "max_pages": settings.max_pages, "counts": counts,
              "failures": [o.__dict__ for o in outcomes if o.outcome == "failed"],
              "pages": [o.__dict__ for o in outcomes]}
    atomic_write(path, json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    return report
