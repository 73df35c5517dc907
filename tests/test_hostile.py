"""The crawler against hostile servers on loopback: malformed replies, tarpits, redirects to
where it must not go, robots.txt edge cases, Ctrl-C. Every failure is one url's outcome."""
import json
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from pipeline.crawl import Settings, crawl, normalize_url, redirect_refusal, retry_after_seconds

import pdfgen
from hostile import RawServer, closed_ports, dribble, poll, redirect, reply

ROOT = Path(__file__).resolve().parent.parent
PAGE = "<html><body><h1>Ale – medborgarlöfte 2024</h1><p>Polisen ska patrullera.</p></body></html>"


@pytest.fixture
def server():
    servers = []

    def make(routes=None, host="127.0.0.1"):
        s = RawServer(routes, host)
        servers.append(s)
        return s
    yield make
    for s in servers:
        s.close()


def _settings(tmp_path, base, **kw):
    kw = {"rate": 200, "concurrency": 4, "timeout": 1.0, "retries": 1, "backoff": 0.01, **kw}
    return Settings(corpus=tmp_path / "corpus", base_url=base, **kw)


def _crawl(settings, seeds, bound=30.0):
    """Run a crawl in a thread; a hang (the old robots deadlock) fails the test instead of the suite."""
    box = {}
    t = threading.Thread(target=lambda: box.update(out=crawl(settings, seeds)), daemon=True)
    t.start()
    t.join(bound)
    assert not t.is_alive(), f"crawl still running after {bound} s"
    return {o.url.split("/", 3)[-1] if o.url.startswith("http://127.") else o.url: o for o in box["out"]}


def test_every_malformed_reply_is_that_urls_failure(tmp_path, server):
    pdf = pdfgen.table("Ale – uppföljning 2022", [("Trafikkontroller", "Polisen", "Varje månad")])
    hostile = {
        "/robots.txt": reply(body="User-agent: *\nAllow: /\n", ctype="text/plain"),
        "/index/medborgarloften/": reply(body='<a href="/files/bilaga ö.pdf">bilaga</a>'
                                              '<a href="http://[::1/medborgarloften/">trasig</a>'),
        "/files/bilaga ö.pdf": reply(body=pdf, ctype="application/pdf"),
        "/medborgarlöfte/ö sida/": reply(body=PAGE),
        "/bad-location/": redirect("http://[::1/x"),
        "/bad-status/": b"HTTP/1.1 abc\r\n\r\n",
        "/many-headers/": reply(body=PAGE, headers=[(f"X-{i}", "y") for i in range(150)]),
        "/long-header/": reply(body=PAGE, headers=[("X-Long", "y" * 70_000)]),
        "/short-body/": reply(body=b"<html>cut", length=10_000),
        "/tarpit/": dribble(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 40\r\n\r\n", b"x" * 40),
    }
    for name, value in {"soon": "soon", "neg": "-5", "nan": "nan", "date": "Wed, 21 Oct 2015 07:28:00 -0000"}.items():
        hostile[f"/retry-{name}/"] = reply("503 Service Unavailable", headers=[("Retry-After", value)])
    srv = server(hostile)
    seeds = [(srv.base + p, True) for p in hostile if p not in ("/robots.txt", "/files/bilaga ö.pdf")]
    seeds.append(("http://no-such-host.invalid/medborgarloften/", True))
    t0 = time.monotonic()
    got = _crawl(_settings(tmp_path, srv.base), seeds)
    took = time.monotonic() - t0
    outcome = {k: (o.outcome, o.error or "") for k, o in got.items()}

    assert outcome["files/bilaga%20%C3%B6.pdf"][0] == "fetched"          # a link with a space and ö
    assert "/files/bilaga%20%C3%B6.pdf" in srv.raw_paths
    assert outcome["medborgarl%C3%B6fte/%C3%B6%20sida/"][0] == "fetched"  # a raw non-ASCII seed url
    assert outcome["bad-location/"][0] == "failed" and "bad redirect Location" in outcome["bad-location/"][1]
    for path in ("bad-status/", "many-headers/", "long-header/"):
        assert outcome[path][0] == "failed" and "malformed reply" in outcome[path][1], (path, outcome[path])
    assert outcome["short-body/"][0] == "failed" and "shorter than its Content-Length" in outcome["short-body/"][1]
    assert outcome["tarpit/"][0] == "failed" and "timed out" in outcome["tarpit/"][1]  # 2 bytes/s, timeout 1 s
    for name in ("soon", "neg", "nan", "date"):
        o = got[f"retry-{name}/"]
        assert o.outcome == "failed" and o.attempts == 2 and "HTTP 503" in o.error, o
    dns = got["http://no-such-host.invalid/medborgarloften/"]
    assert dns.outcome == "failed" and "cannot resolve" in dns.error  # one attempt: robots.txt, then nothing
    assert not list((tmp_path / "corpus").rglob("*.tmp"))
    assert took < 15, took  # the tarpit costs (retries + 1) × timeout, not 20 s


def test_timeout_bounds_the_whole_response(tmp_path, server):
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 200\r\n\r\n"
    srv = server({"/slow/": dribble(head, b"x" * 200, per_second=2)})
    t0 = time.monotonic()
    got = _crawl(_settings(tmp_path, srv.base, timeout=1.0, retries=0), [(srv.base + "/slow/", True)])
    assert got["slow/"].outcome == "failed" and "timed out" in got["slow/"].error
    assert time.monotonic() - t0 < 5  # robots.txt (404) + one bounded attempt


def test_redirects_only_to_http_on_listed_hosts(tmp_path, server):
    other = server({"/": reply(body=PAGE)}, host="127.0.0.2")
    srv = server({
        "/to-other-host/": redirect(other.base + "/"),
        "/to-metadata/": redirect("http://169.254.169.254/latest/meta-data/"),
        "/to-file/": redirect("file:///etc/passwd"),
        "/to-ftp/": redirect("ftp://127.0.0.1/x"),
        "/to-self/": redirect("/target/medborgarloften/"),
        "/target/medborgarloften/": reply(body=PAGE),
        "/loop/": redirect("/loop/"),
    })
    paths = ["/to-other-host/", "/to-metadata/", "/to-file/", "/to-ftp/", "/to-self/", "/loop/"]
    got = _crawl(_settings(tmp_path, srv.base), [(srv.base + p, True) for p in paths])
    for p in ("to-other-host/", "to-metadata/"):
        assert got[p].outcome == "failed" and "not a host of the source list" in got[p].error, got[p]
    assert "file: url refused" in got["to-file/"].error and "ftp: url refused" in got["to-ftp/"].error
    assert other.requests == []  # nothing was asked of the other host, not even robots.txt
    assert got["to-self/"].outcome == "fetched" and got["to-self/"].final_url.endswith("/target/medborgarloften/")
    assert got["loop/"].outcome == "failed" and "more than 5 redirects" in got["loop/"].error
    assert not any(p.name == "passwd" for p in (tmp_path / "corpus").rglob("*"))


def test_redirects_to_a_host_left_out_by_hosts_are_refused(tmp_path, server):
    """The other host is in the source list (a page listed by hand), but ``hosts`` leaves it
    out: its page is not requested, and a redirect to it is refused."""
    from pipeline.crawl import parse_hosts

    other = server({"/medborgarlofte/": reply(body=PAGE)}, host="127.0.0.2")
    srv = server({"/to-other/": redirect(other.base + "/medborgarlofte/")})
    hosts = parse_hosts(srv.base.removeprefix("http://"))
    got = _crawl(_settings(tmp_path, srv.base, hosts=hosts),
                 [(srv.base + "/to-other/", True), (other.base + "/medborgarlofte/", True)])
    assert list(got) == ["to-other/"] and "not a host of the source list" in got["to-other/"].error
    assert other.requests == []


def test_redirect_from_the_public_web_into_private_addresses_is_refused():
    public = "http://93.184.216.34/medborgarloften/"
    hosts = {"93.184.216.34:", "10.0.0.5:", "127.0.0.1:", "169.254.169.254:", "fd00::1:"}
    for target in ("http://10.0.0.5/", "http://127.0.0.1/", "http://169.254.169.254/", "http://[fd00::1]/"):
        assert "loopback, link-local or private" in redirect_refusal(public, target, hosts), target
    assert redirect_refusal(public, "http://93.184.216.34/other/", hosts) is None
    assert redirect_refusal("http://127.0.0.1/a", "http://127.0.0.1/b", hosts) is None  # a loopback start url
    assert "not a host of the source list" in redirect_refusal(public, "http://8.8.8.8/", hosts)
    assert redirect_refusal("http://polisen.se/a", "https://www.polisen.se/a", {"polisen.se:"}) is None


@pytest.mark.parametrize("value,expected", [
    ("0", 0.0), ("3", 3.0), ("soon", None), ("-5", None), ("nan", None), ("inf", None), ("", None),
    ("Wed, 21 Oct 2015 07:28:00 -0000", 0.0), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0), ("99999", 60.0)])
def test_retry_after_is_parsed_or_ignored(value, expected):
    assert retry_after_seconds(value) == expected


@pytest.mark.parametrize("url,expected", [
    ("http://h/files/bilaga ö.pdf", "http://h/files/bilaga%20%C3%B6.pdf"),
    ("http://h/a%20b?q=å", "http://h/a%20b?q=%C3%A5"),
    ("HTTP://Ö.example:8080/x#frag", "http://xn--nda.example:8080/x"),
    ("http://h", "http://h/")])
def test_urls_are_percent_encoded(url, expected):
    assert normalize_url(url) == expected


@pytest.mark.parametrize("url", ["http://[::1/x", "javascript:alert(1)", "file:///etc/passwd", "http://",
                                 "http://h:99999/", "http://h/" + "x" * 3000])
def test_bad_urls_are_refused(url):
    with pytest.raises(ValueError):
        normalize_url(url)


def test_robots_txt_that_redirects_does_not_deadlock(tmp_path, server):
    srv = server({"/robots.txt": redirect("/real-robots.txt"),
                  "/real-robots.txt": reply(body="User-agent: *\nDisallow: /hemlig/\n", ctype="text/plain"),
                  "/open/medborgarloften/": reply(body=PAGE), "/hemlig/medborgarloften/": reply(body=PAGE)})
    got = _crawl(_settings(tmp_path, srv.base, concurrency=2),
                 [(srv.base + "/open/medborgarloften/", True), (srv.base + "/hemlig/medborgarloften/", True)], bound=20)
    assert got["open/medborgarloften/"].outcome == "fetched"
    assert got["hemlig/medborgarloften/"].outcome == "skipped" and "/hemlig/medborgarloften/" not in srv.requests


def test_robots_rfc9309_wildcards_and_error_codes(tmp_path, server):
    rules = "User-agent: *\nDisallow: /*secret\nDisallow: /*.pdf$\n"
    pages = {p: reply(body=PAGE) for p in ("/a/secret-plan/", "/files/x.pdf", "/files/x.pdf.html", "/ok/")}
    wild = server({"/robots.txt": reply(body=rules, ctype="text/plain"), **pages})
    down = server({"/robots.txt": reply("503 Service Unavailable"), "/ok/": reply(body=PAGE)}, host="127.0.0.2")
    gone = server({"/robots.txt": reply("404 Not Found"), "/ok/": reply(body=PAGE)}, host="127.0.0.3")
    seeds = [(wild.base + p, True) for p in pages] + [(down.base + "/ok/", True), (gone.base + "/ok/", True)]
    got = {o.url: o for o in crawl(_settings(tmp_path, wild.base), seeds)}
    assert got[wild.base + "/a/secret-plan/"].outcome == "skipped"
    assert got[wild.base + "/files/x.pdf"].outcome == "skipped"
    assert got[wild.base + "/files/x.pdf.html"].outcome == "fetched" and got[wild.base + "/ok/"].outcome == "fetched"
    assert got[down.base + "/ok/"].outcome == "skipped" and "disallow-all" in got[down.base + "/ok/"].error
    assert "/ok/" not in down.requests
    assert got[gone.base + "/ok/"].outcome == "fetched"  # 4xx robots.txt: allow all


def test_max_pages_caps_the_crawl(tmp_path, server):
    links = "".join(f'<a href="/medborgarloften/p{i}/">{i}</a>' for i in range(3000))
    routes = {"/medborgarloften/": reply(body=links)}
    routes.update({f"/medborgarloften/p{i}/": reply(body=PAGE) for i in range(3000)})
    srv = server(routes)
    outcomes = crawl(_settings(tmp_path, srv.base, max_pages=10), [(srv.base + "/medborgarloften/", True)])
    assert sum(o.outcome == "fetched" for o in outcomes) == 10
    assert len([r for r in srv.requests if r.startswith("/medborgarloften/")]) == 10
    assert all("--max-pages 10" in o.error for o in outcomes if o.outcome == "skipped")
    # the queue is trimmed on the way, but no url is lost: each is fetched or reported skipped
    assert {o.url for o in outcomes} == {srv.base + "/medborgarloften/"} | {
        f"{srv.base}/medborgarloften/p{i}/" for i in range(3000)}


def test_ctrl_c_stops_within_seconds_and_writes_the_report(tmp_path, server):
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n"
    index = "".join(f'<a href="/medborgarloften/slow{i}/">{i}</a>' for i in range(40))
    routes = {"/om-polisen/medborgarloften-och-lokal-samverkan/": reply(body=index)}
    routes.update({f"/medborgarloften/slow{i}/": dribble(head, b"x" * 100, per_second=2) for i in range(40)})
    srv = server(routes)
    sources = tmp_path / "none.yaml"
    sources.write_text("url_forms: []\n", encoding="utf-8")
    corpus = tmp_path / "corpus"
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "crawl", "--base-url", srv.base, "--corpus", str(corpus),
                             "--sources", str(sources), "--only-polisen", "--rate", "100", "--timeout", "60",
                             "--retries", "3"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        poll(lambda: any(r.startswith("/medborgarloften/slow") for r in srv.requests), 60, "the first slow page")
        proc.send_signal(signal.SIGINT)
        t0 = time.monotonic()
        _, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert time.monotonic() - t0 < 8
    assert proc.returncode == 130 and b"Traceback" not in err and b"crawl interrupted" in err, err
    report = json.loads((corpus / "crawl-report.json").read_text(encoding="utf-8"))
    assert report["interrupted"] is True and report["counts"]["fetched"] == 1  # the index
    assert not list(corpus.rglob("*.tmp"))


# Child-process code: the calling thread (not the main one) gives itself SIGINT once the main
# thread is waiting in first_completed (polled on its stack, at most 20 s), as the system may.
_SIGNAL_THIS_THREAD_WHEN_MAIN_WAITS = """
import signal, sys, threading, time
def signal_this_thread_when_main_waits():
    main, end = threading.main_thread().ident, time.monotonic() + 20
    while time.monotonic() < end:
        frame = sys._current_frames().get(main)
        while frame is not None and frame.f_code.co_name != "first_completed":
            frame = frame.f_back
        if frame is not None:
            break
        time.sleep(0.01)
    signal.pthread_kill(threading.get_ident(), signal.SIGINT)
"""
# A crawl whose helper thread, told by the test once a slow page is in flight, gives itself Ctrl-C.
_CRAWL_SIGNALLED_IN_A_THREAD = _SIGNAL_THIS_THREAD_WHEN_MAIN_WAITS + """
from pathlib import Path
from pipeline.crawl import CrawlInterrupted, Settings, crawl
base, corpus = sys.argv[1], Path(sys.argv[2])
def helper():
    sys.stdin.readline()
    signal_this_thread_when_main_waits()
threading.Thread(target=helper, daemon=True).start()
settings = Settings(corpus=corpus, base_url=base, rate=100, concurrency=2, timeout=60, retries=3)
try:
    crawl(settings, [(f"{base}/medborgarloften/slow{i}/", True) for i in range(4)])
except CrawlInterrupted as exc:
    print("interrupted", len(exc.outcomes), flush=True)
"""


def test_ctrl_c_given_to_another_thread_stops_the_crawl_too(tmp_path, server):
    """The system may give SIGINT to any thread; the main thread, waiting on its workers, sees it
    within a slice (pipeline/signals.py), not when a tarpit's page ends a minute later."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n"
    srv = server({f"/medborgarloften/slow{i}/": dribble(head, b"x" * 100, per_second=2) for i in range(4)})
    proc = subprocess.Popen([sys.executable, "-c", _CRAWL_SIGNALLED_IN_A_THREAD, srv.base, str(tmp_path / "corpus")],
                            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        poll(lambda: any(r.startswith("/medborgarloften/slow") for r in srv.requests), 60, "the first slow page")
        proc.stdin.write(b"go\n")
        proc.stdin.flush()
        t0 = time.monotonic()
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert time.monotonic() - t0 < 8, "Ctrl-C waited for the slow pages"
    assert out.startswith(b"interrupted") and b"Traceback" not in err, err


def test_first_completed_sees_ctrl_c_given_to_a_worker():
    """The batch's and the crawl's wait: Ctrl-C reaches the main thread while no future is done,
    whichever thread the signal was given to."""
    code = _SIGNAL_THIS_THREAD_WHEN_MAIN_WAITS + (
            "from concurrent.futures import ThreadPoolExecutor\n"
            "from pipeline.signals import first_completed\n"
            "gate = threading.Event()\n"
            "def work():\n"
            "    signal_this_thread_when_main_waits()\n"
            "    gate.wait(60)\n"
            "pool = ThreadPoolExecutor(1)\n"
            "try:\n"
            "    first_completed([pool.submit(work)])\n"
            "except KeyboardInterrupt:\n"
            "    print('interrupted', flush=True)\n"
            "gate.set()\n")
    t0 = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=30)
    assert done.stdout == b"interrupted\n", done.stderr
    assert time.monotonic() - t0 < 15


def test_unreachable_kommun_sites_cost_one_attempt_each(tmp_path, server):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)  # accepts into the backlog, never answers
    dead = [f"http://127.0.0.1:{port}/medborgarlofte/" for port in closed_ports(10)]
    dead += [f"http://127.0.0.1:{listener.getsockname()[1]}/medborgarlofte/{i}/" for i in range(10)]
    srv = server({"/robots.txt": reply("404 Not Found")})
    t0 = time.monotonic()
    outcomes = crawl(_settings(tmp_path, srv.base, timeout=0.5, retries=2), [(u, True) for u in dead])
    listener.close()
    assert [o.outcome for o in outcomes] == ["failed"] * 20
    assert all("host unreachable" in o.error for o in outcomes)
    assert time.monotonic() - t0 < 15


def test_bad_urls_in_the_source_list_are_their_own_failures(tmp_path, server):
    srv = server({})
    mine = tmp_path / "mine.yaml"
    mine.write_text('url_forms: []\nkommuner:\n  - kommun: Ale\n    kod: "1440"\n    slug: ale\n'
                    '    pages: ["http://[::1/x", "javascript:alert(1)", 42]\n', encoding="utf-8")
    from click.testing import CliRunner

    from pipeline.cli import cli

    corpus = tmp_path / "corpus"
    res = CliRunner().invoke(cli, ["crawl", "--base-url", srv.base, "--corpus", str(corpus), "--sources", str(mine),
                                   "--only", "ale", "--rate", "100", "--retries", "0"])
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit), (res.output, res.exception)
    report = json.loads((corpus / "crawl-report.json").read_text(encoding="utf-8"))
    bad = {f["url"]: f["error"] for f in report["failures"]}
    assert set(bad) == {"http://[::1/x", "javascript:alert(1)", "42"} and all(e.startswith("bad url") for e in bad.values())
