"""Fetch promise pages and their PDFs into a corpus snapshot, politely and resumably.

Polite: robots.txt honoured, a User-Agent of our own with a contact, at most ``rate``
requests per second per host, a small thread pool, retries with exponential backoff on
429/5xx/timeouts (Retry-After honoured), conditional GET so that a rerun transfers no
unchanged body, a size limit per response and a cap on redirects. Resumable: every file is
written atomically and the next run starts where this one stopped.
"""
from __future__ import annotations

import email.utils
import hashlib
import json
import re
import threading
import time
import urllib.error
import urllib.request
import urllib.robotparser
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse, urlunparse

import yaml

from . import __version__
from .output import atomic_write
from .record import slugify
from .rules import RuleError

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
    data = _read_yaml(path)
    if overrides:
        extra = _read_yaml(overrides)
        by_name = {e["kommun"]: e for e in data.get("kommuner", [])}
        for e in extra.get("kommuner", []):
            by_name[e["kommun"]] = {**by_name.get(e["kommun"], {}), **e}
        data = {**data, **{k: v for k, v in extra.items() if k != "kommuner"},
                "kommuner": list(by_name.values())}
    return data


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RuleError(f"{path}: cannot read source list ({exc.strerror})") from None
    except yaml.MarkedYAMLError as exc:
        line = f":{exc.problem_mark.line + 1}" if exc.problem_mark else ""
        raise RuleError(f"{path}{line}: malformed YAML ({exc.problem})") from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}: expected a mapping with 'kommuner'")
    return data


def seeds(sources: dict, only: list[str], base_url: str) -> list[tuple[str, bool]]:
    """(url, known) pairs to fetch first: the index and every entry's url forms. ``known``
    urls were listed by hand; a 404 on them is a failure, on a guessed url form it is not."""
    wanted = {slugify(o) for o in only}
    out = [] if wanted else [(_rebase(POLISEN + sources.get("index", INDEX_PATH), base_url), True)]
    forms = sources.get("url_forms", [])
    for e in sources.get("kommuner", []):
        if wanted and not ({slugify(e["kommun"]), e.get("slug"), str(e.get("kod"))} & wanted):
            continue
        for form in forms:
            out.append((_rebase(POLISEN + form.format(**e), base_url), False))
        out += [(_rebase(u, base_url), True) for u in e.get("pages", [])]
    return list(dict.fromkeys(out))


def _rebase(url: str, base_url: str) -> str:
    """Point every polisen.se address at base_url (a mirror or a test server)."""
    p = urlparse(url)
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


def _existing_meta(corpus: Path, url: str) -> tuple[Path, dict | None]:
    folder, stem = doc_name(url)
    meta_path = corpus / folder / f"{stem}.meta.json"
    try:
        return meta_path, json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return meta_path, None


# --- politeness -----------------------------------------------------------------------------

class HostPacer:
    """At most ``rate`` requests per second to each host, whatever the number of threads."""

    def __init__(self, rate: float):
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.next_slot: dict[str, float] = {}
        self.lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self.lock:
            now = time.monotonic()
            slot = max(now, self.next_slot.get(host, now))
            self.next_slot[host] = slot + self.interval
        if slot > now:
            time.sleep(slot - now)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # redirects are followed by hand, to count them and pace them


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


@dataclass
class Crawler:
    settings: Settings

    def __post_init__(self):
        self.pacer = HostPacer(self.settings.rate)
        self.robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self.robots_lock = threading.Lock()
        self.opener = urllib.request.build_opener(_NoRedirect)

    def _request(self, url: str, headers: dict | None = None):
        """One paced GET; returns (status, headers, body, final url). Redirects followed."""
        for _ in range(self.settings.max_redirects + 1):
            host = urlparse(url).netloc
            self.pacer.wait(host)
            req = urllib.request.Request(url, headers={"User-Agent": self.settings.user_agent, **(headers or {})})
            try:
                with self.opener.open(req, timeout=self.settings.timeout) as resp:
                    body = resp.read(self.settings.max_bytes + 1)
                    if len(body) > self.settings.max_bytes:
                        raise _Fatal(f"response over the size limit of {self.settings.max_bytes:,} bytes")
                    return resp.status, resp.headers, body, url
            except urllib.error.HTTPError as exc:
                if exc.code in (301, 302, 303, 307, 308) and exc.headers.get("Location"):
                    url = urljoin(url, exc.headers["Location"])
                    if not self.allowed(url):
                        raise _Fatal("redirected to a url that robots.txt disallows")
                    continue
                return exc.code, exc.headers, b"", url
        raise _Fatal(f"more than {self.settings.max_redirects} redirects")

    def allowed(self, url: str) -> bool:
        p = urlparse(url)
        root = f"{p.scheme}://{p.netloc}"
        with self.robots_lock:
            if root not in self.robots:
                parser = urllib.robotparser.RobotFileParser()
                try:
                    status, _, body, _ = self._request(root + "/robots.txt")
                    parser.parse(body.decode("utf-8", "replace").splitlines() if status == 200 else [])
                except (OSError, _Fatal):
                    parser.parse([])
                self.robots[root] = parser
        return self.robots[root].can_fetch(self.settings.user_agent, url)

    def fetch(self, url: str, known: bool) -> tuple[Outcome, list[str]]:
        """Fetch one url into the snapshot; returns its outcome and the links to follow."""
        s = self.settings
        if not self.allowed(url):
            return Outcome(url, "skipped", error="disallowed by robots.txt"), []
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
            except (urllib.error.URLError, TimeoutError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                error, status = f"{reason.__class__.__name__}: {reason}".strip(": "), None
                if "timed out" in str(reason):
                    error = "timed out"
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
            _atomic_bytes(path, body)
            atomic_write(meta_path, json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
            links = self._links(body, final) if ext == ".html" else []
            return Outcome(url, "fetched", status, meta["path"], attempts=attempt, final_url=final), links
        return Outcome(url, "failed", error=f"{error} (after {attempt} attempts)", attempts=attempt), []

    def _backoff(self, attempt: int, retry_after: str | None) -> None:
        if attempt > self.settings.retries:
            return
        delay = self.settings.backoff * 2 ** (attempt - 1)
        if retry_after:
            try:
                delay = float(retry_after)
            except ValueError:
                when = email.utils.parsedate_to_datetime(retry_after)
                delay = max(0.0, (when - datetime.now(timezone.utc)).total_seconds())
        time.sleep(min(delay, 60.0))

    def _links_of_stored(self, meta: dict) -> list[str]:
        path = self.settings.corpus / meta.get("path", "")
        if path.suffix == ".html" and path.exists():
            return self._links(path.read_bytes(), meta.get("final_url") or meta["url"])
        return []

    def _links(self, body: bytes, base: str) -> list[str]:
        """Links worth following: attached PDFs and promise pages (older periods, follow-ups)."""
        parser = _Links()
        try:
            parser.feed(body.decode("utf-8", "replace"))
        except Exception:  # malformed markup: keep what was parsed
            pass
        out = []
        for href in parser.links:
            url = urljoin(base, href).split("#")[0]
            p = urlparse(url)
            if p.scheme not in ("http", "https"):
                continue
            if p.path.lower().endswith(".pdf") or PROMISE_PATH.search(p.path):
                out.append(url)
        return list(dict.fromkeys(out))


class _Fatal(Exception):
    """A failure that retrying cannot fix."""


def _atomic_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def crawl(settings: Settings, start: list[tuple[str, bool]], progress=None) -> list[Outcome]:
    """Breadth-first from the seeds, following links up to ``max_depth``."""
    crawler = Crawler(settings)
    seen = {u for u, _ in start}
    frontier = [(u, known, 0) for u, known in start]
    outcomes: list[Outcome] = []
    base_host = urlparse(settings.base_url).netloc
    with ThreadPoolExecutor(max_workers=max(1, settings.concurrency)) as pool:
        while frontier:
            futures = {pool.submit(crawler.fetch, u, known): (u, depth) for u, known, depth in frontier}
            frontier = []
            for fut in as_completed(futures):
                url, depth = futures[fut]
                outcome, links = fut.result()
                outcomes.append(outcome)
                if progress:
                    progress(outcome)
                if depth >= settings.max_depth:
                    continue
                for link in links:
                    link = _rebase(link, settings.base_url)
                    same_site = urlparse(link).netloc in (base_host, urlparse(url).netloc)
                    if link not in seen and same_site:
                        seen.add(link)
                        frontier.append((link, True, depth + 1))
    return sorted(outcomes, key=lambda o: o.url)


def write_report(path: Path, outcomes: list[Outcome], settings: Settings, started: str) -> dict:
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o.outcome] = counts.get(o.outcome, 0) + 1
    report = {"started": started, "finished": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
              "base_url": settings.base_url, "user_agent": settings.user_agent, "counts": counts,
              "failures": [o.__dict__ for o in outcomes if o.outcome == "failed"],
              "pages": [o.__dict__ for o in outcomes]}
    atomic_write(path, json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    return report
