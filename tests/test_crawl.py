"""The crawler against a real HTTP server on 127.0.0.1 serving a site shaped like polisen.se."""
import hashlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.crawl import Settings, crawl, doc_name, seeds

import pdfgen

NEW = "/om-polisen/medborgarloften-och-lokal-samverkan/medborgarloften"
OLD = "/om-polisen/medborgarloften"
INDEX = "/om-polisen/medborgarloften-och-lokal-samverkan/"

ALE = """<html><body><main><h1>Ale – medborgarlöften</h1>
<h2>Medborgarlöfte 2023-2024</h2><ul><li>Polisen ska genomföra minst två trafikkontroller per månad.</li></ul>
<h2>Medborgarlöfte 2021-2022</h2><ul><li>Kommunen ska genomföra en trygghetsvandring per år.</li></ul>
<p><a href="/files/ale-uppfoljning.pdf">Uppföljning 2022 (pdf)</a></p></main></body></html>"""
ALINGSAS = f"""<html><body><h1>Alingsås – medborgarlöften</h1><p>Medborgarlöfte 2019.</p>
<ul><li>Polisen ska patrullera i centrum varje fredag.</li></ul>
<a href="{OLD}/alingsas/uppfoljning-2019/">Uppföljning 2019</a></body></html>"""
PAGES = {
    INDEX: f"""<html><body><h1>Medborgarlöften</h1><ul>
      <li><a href="{NEW}/vastra-gotaland/ale/">Ale</a></li><li><a href="{OLD}/alingsas/">Alingsås</a></li>
      <li><a href="{OLD}/lerum/">Lerum</a></li><li><a href="{OLD}/saknas/">Saknas</a></li>
      <li><a href="{OLD}/partille/">Partille</a></li><li><a href="{OLD}/harryda/">Härryda</a></li>
      <li><a href="{OLD}/hemlig/">Hemlig</a></li><li><a href="https://elsewhere.example/x">extern</a></li></ul></body></html>""",
    f"{NEW}/vastra-gotaland/ale/": ALE,
    f"{OLD}/alingsas/": ALINGSAS,
    f"{OLD}/alingsas/uppfoljning-2019/": "<html><body><h1>Uppföljning medborgarlöfte 2019 Alingsås</h1></body></html>",
    f"{NEW}/vastra-gotaland/lerum/": "<html><body><h1>Lerum – medborgarlöften 2024</h1></body></html>",
    f"{OLD}/partille/": "<html><body><h1>Partille – medborgarlöften 2024</h1></body></html>",
    f"{OLD}/harryda/": "<html><body><h1>Härryda</h1></body></html>",
    f"{OLD}/hemlig/": "<html><body>hemlig</body></html>",
}
ROBOTS = f"User-agent: *\nDisallow: {OLD}/hemlig/\n"


class Site:
    def __init__(self, pdf: bytes):
        self.pdf = pdf
        self.pages = dict(PAGES)  # a test may add pages
        self.requests: list[dict] = []
        self.failed_once: set[str] = set()
        self.lock = threading.Lock()
        self.release = threading.Event()  # the slow page answers only when the test is over


def make_handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def do_GET(self):
            path = self.path.split("?")[0]
            with site.lock:
                site.requests.append({"path": path, "t": time.monotonic(), "ua": self.headers.get("User-Agent"),
                                      "inm": self.headers.get("If-None-Match"), "ims": self.headers.get("If-Modified-Since")})
            if path == "/robots.txt":
                return self._send(200, ROBOTS.encode(), "text/plain")
            if path == f"{OLD}/lerum/":
                self.send_response(301)
                self.send_header("Location", f"{NEW}/vastra-gotaland/lerum/")
                self.end_headers()
                return
            if path == f"{OLD}/partille/" and path not in site.failed_once:
                site.failed_once.add(path)
                self.send_response(500)
                self.send_header("Retry-After", "0")
                self.end_headers()
                return
            if path == f"{OLD}/harryda/":
                site.release.wait(10)
            if path == "/files/ale-uppfoljning.pdf":
                return self._send(200, site.pdf, "application/pdf")
            body = site.pages.get(path)
            if body is None:
                return self._send(404, b"<h1>Sidan finns inte</h1>", "text/html")
            self._send(200, body.encode("utf-8"), "text/html; charset=utf-8")

        def _send(self, code, body, ctype):
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if code == 200 and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if code == 200:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", "Tue, 01 Oct 2024 10:00:00 GMT")
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass
    return Handler


@pytest.fixture
def site(rules):
    pdf = pdfgen.table("Ale – uppföljning av medborgarlöfte 2022",
                       [("Trafikkontroller vid skolorna", "Polisen", "Två gånger per månad")])
    s = Site(pdf)
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(s))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield s
    s.release.set()
    server.shutdown()
    server.server_close()


SOURCES = {"index": INDEX, "url_forms": [f"{NEW}/{{lan_slug}}/{{slug}}/", f"{OLD}/{{slug}}/"],
           "kommuner": [{"kommun": "Ale", "kod": "1440", "slug": "ale", "lan_slug": "vastra-gotaland"}]}


def _settings(tmp_path, site, **kw):
    return Settings(corpus=tmp_path / "corpus", base_url=site.base, rate=kw.pop("rate", 50), concurrency=2,
                    timeout=kw.pop("timeout", 0.5), retries=kw.pop("retries", 1), backoff=0.01, **kw)


def test_crawl_fetches_promise_pages_and_pdf_and_records_failures(tmp_path, site):
    s = _settings(tmp_path, site)
    outcomes = {o.url.removeprefix(site.base): o for o in crawl(s, seeds(SOURCES, [], site.base))}
    got = {u: o.outcome for u, o in outcomes.items()}
    assert got[INDEX] == "fetched"
    assert got[f"{NEW}/vastra-gotaland/ale/"] == "fetched"            # new url form, two periods
    assert got[f"{OLD}/alingsas/"] == "fetched"                        # old url form
    assert got[f"{OLD}/alingsas/uppfoljning-2019/"] == "fetched"       # sub-page followed
    assert got["/files/ale-uppfoljning.pdf"] == "fetched"              # linked PDF
    assert got[f"{OLD}/lerum/"] == "fetched"                           # through a redirect
    assert outcomes[f"{OLD}/lerum/"].final_url == site.base + f"{NEW}/vastra-gotaland/lerum/"
    assert got[f"{OLD}/partille/"] == "fetched" and outcomes[f"{OLD}/partille/"].attempts == 2  # 500, then ok
    assert got[f"{OLD}/saknas/"] == "failed" and outcomes[f"{OLD}/saknas/"].status == 404     # linked, so a failure
    assert got[f"{OLD}/harryda/"] == "failed" and "timed out" in outcomes[f"{OLD}/harryda/"].error
    assert got[f"{OLD}/hemlig/"] == "skipped"                          # robots.txt
    assert got[f"{OLD}/ale/"] == "skipped"                             # the index links Ale's newer form
    assert outcomes[f"{OLD}/ale/"].error == "linked from the index"
    assert not any(r["path"] == f"{OLD}/hemlig/" for r in site.requests)
    assert "https://elsewhere.example/x" not in outcomes and all("elsewhere" not in u for u in outcomes)
    assert all(r["ua"].startswith("medborgarloften-crawler/") for r in site.requests)

    folder, stem = doc_name(site.base + f"{NEW}/vastra-gotaland/ale/")
    meta = json.loads((s.corpus / folder / f"{stem}.meta.json").read_text(encoding="utf-8"))
    body = (s.corpus / folder / f"{stem}.html").read_bytes()
    assert meta["url"] == meta["final_url"] == site.base + f"{NEW}/vastra-gotaland/ale/"
    assert meta["status"] == 200 and meta["content_type"] == "text/html" and meta["etag"].startswith('"')
    assert meta["last_modified"] and meta["fetched_at"].endswith("Z")
    assert meta["sha256"] == hashlib.sha256(body).hexdigest()
    pdf_folder, pdf_stem = doc_name(site.base + "/files/ale-uppfoljning.pdf")
    assert (s.corpus / pdf_folder / f"{pdf_stem}.pdf").read_bytes()[:5] == b"%PDF-"
    assert not list(s.corpus.rglob("*.tmp"))


def test_second_crawl_is_conditional_and_transfers_no_body(tmp_path, site):
    s = _settings(tmp_path, site)
    crawl(s, seeds(SOURCES, [], site.base))
    before = {p: p.read_bytes() for p in s.corpus.rglob("*") if p.is_file()}
    site.requests.clear()
    second = {o.url.removeprefix(site.base): o.outcome for o in crawl(s, seeds(SOURCES, [], site.base))}
    stored = [r for r in site.requests if r["path"] in PAGES and r["path"] not in (f"{OLD}/harryda/", f"{OLD}/hemlig/")
              or r["path"].endswith(".pdf")]
    assert stored and all(r["inm"] and r["ims"] for r in stored)   # every stored page asked conditionally
    assert second[f"{NEW}/vastra-gotaland/ale/"] == "not_modified"
    assert second["/files/ale-uppfoljning.pdf"] == "not_modified"  # links still followed from the stored page
    after = {p: p.read_bytes() for p in s.corpus.rglob("*") if p.is_file()}
    assert after == before


def test_rate_limit_per_host(tmp_path, site):
    s = _settings(tmp_path, site, rate=8)
    crawl(s, seeds(SOURCES, [], site.base))
    times = sorted(r["t"] for r in site.requests)
    gaps = sorted(b - a for a, b in zip(times, times[1:]))
    # the pacer hands out slots 1/8 s apart; on a loaded machine a thread may send its slot late,
    # so one gap can shrink while the next grows: the rate holds over the run and for most gaps
    assert times[-1] - times[0] >= 0.9 * len(gaps) / 8 and gaps[len(gaps) // 2] >= 0.9 / 8, gaps


def test_cli_crawl_then_extract_as_one_flow(tmp_path, site):
    corpus = tmp_path / "corpus"
    res = CliRunner().invoke(cli, ["crawl", "--base-url", site.base, "--corpus", str(corpus), "--only", "Ale",
                                   "--only", "Alingsås", "--rate", "50", "--timeout", "0.5", "--retries", "0"])
    assert res.exit_code == 0, res.output
    report = json.loads((corpus / "crawl-report.json").read_text(encoding="utf-8"))
    assert report["failures"] == [] and report["counts"]["fetched"] >= 4
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["extract", str(corpus), "-o", str(out)])
    ids = sorted(p.stem for p in out.glob("*.json"))
    assert {"ale-2023-2024", "ale-2021-2022", "alingsas-2019"} <= set(ids), (ids, res.output)
    ale = json.loads((out / "ale-2023-2024.json").read_text(encoding="utf-8"))
    assert ale["source"]["url"].endswith(f"{NEW}/vastra-gotaland/ale/") and ale["source"]["kind"] == "html"
    assert ale["source"]["fetched_at"].endswith("Z")


def test_cli_crawl_exits_1_on_failures_and_run_crawl(tmp_path, site):
    corpus = tmp_path / "c"
    extra = tmp_path / "mine.yaml"
    extra.write_text(f'kommuner:\n  - kommun: Ale\n    kod: "1440"\n    slug: ale\n    lan_slug: vastra-gotaland\n'
                     f'    pages: ["https://polisen.se{OLD}/saknas/"]\n', encoding="utf-8")
    res = CliRunner().invoke(cli, ["crawl", "--base-url", site.base, "--corpus", str(corpus), "--only", "ale",
                                   "--sources", str(extra), "--rate", "50", "--retries", "0"])
    assert res.exit_code == 1 and f"{OLD}/saknas/" in res.output
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["run", "--crawl", "--corpus", str(tmp_path / "c2"), "--base-url", site.base,
                                   "--only", "ale", "--rate", "50", "-o", str(out), "--gold", str(tmp_path / "none")])
    assert res.exit_code == 0, res.output
    assert (out / "ale-2023-2024.json").exists() and (out / "report" / "index.html").exists()


def test_sources_cover_every_kommun():
    import yaml

    from pipeline.slug import slugify

    root = Path(__file__).resolve().parent.parent
    data = yaml.safe_load((root / "corpus" / "sources.yaml").read_text(encoding="utf-8"))
    names = [e["kommun"] for e in data["kommuner"]]
    assert len(names) == len(set(names)) == 290
    for e in data["kommuner"]:
        assert e["slug"] == slugify(e["kommun"]) and "å" not in e["slug"] and " " not in e["slug"]
    ale = next(e for e in data["kommuner"] if e["kommun"] == "Ale")
    urls = [s.url for s in seeds(data, ["Ale"], "https://polisen.se")]
    assert "https://polisen.se/om-polisen/medborgarloften-och-lokal-samverkan/medborgarloften/vastra-gotaland/ale/" in urls
    assert "https://polisen.se/om-polisen/medborgarloften/ale/" in urls and ale["lan_slug"] == "vastra-gotaland"


def _unreachable_sources(tmp_path, n=30):
    """The real url forms and the first ``n`` kommuner of corpus/sources.yaml, each with a
    page on a kommun site that refuses connections."""
    import yaml

    from hostile import closed_ports

    root = Path(__file__).resolve().parent.parent
    data = yaml.safe_load((root / "corpus" / "sources.yaml").read_text(encoding="utf-8"))
    kommuner = [{**e, "pages": [f"http://127.0.0.1:{port}/medborgarlofte/"]}
                for e, port in zip(data["kommuner"][:n], closed_ports(n))]
    return {**data, "kommuner": kommuner}


def test_index_first_then_stop_when_every_kommun_site_is_unreachable(tmp_path, site):
    src = _unreachable_sources(tmp_path)
    s = _settings(tmp_path, site, rate=200, retries=1)
    t0 = time.monotonic()
    got = {o.url.removeprefix(site.base): o for o in crawl(s, seeds(src, [], site.base))}
    assert time.monotonic() - t0 < 60
    linked = [f"{NEW}/vastra-gotaland/ale/", f"{OLD}/alingsas/", f"{OLD}/lerum/", f"{OLD}/partille/"]
    for path in linked + ["/files/ale-uppfoljning.pdf", f"{OLD}/alingsas/uppfoljning-2019/"]:
        assert got[path].outcome == "fetched", (path, got[path])
    assert got[f"{OLD}/partille/"].attempts == 2  # behind a transient 500
    dead = [o for o in got.values() if "/medborgarlofte/" in o.url and "127.0.0.1:" in o.url]
    assert len(dead) == 30 and all(o.outcome == "failed" and "host unreachable" in o.error for o in dead)
    # the index and the pages it links were asked for before any guessed url form
    order = [r["path"] for r in site.requests if r["path"] != "/robots.txt"]
    guessed = {s.url.removeprefix(site.base) for s in seeds(src, [], site.base) if not s.known}
    first_guess = next(i for i, p in enumerate(order) if p in guessed and p not in [INDEX] + linked)
    assert all(order.index(p) < first_guess for p in [INDEX] + linked)


def test_only_polisen_keeps_to_the_index_host(tmp_path, site):
    extra = tmp_path / "mine.yaml"
    extra.write_text('kommuner:\n  - kommun: Ale\n    kod: "1440"\n    slug: ale\n    lan_slug: vastra-gotaland\n'
                     '    pages: ["http://127.0.0.2:9/medborgarlofte/"]\n', encoding="utf-8")
    corpus = tmp_path / "corpus"
    res = CliRunner().invoke(cli, ["crawl", "--base-url", site.base, "--corpus", str(corpus), "--only", "ale",
                                   "--sources", str(extra), "--rate", "100", "--retries", "0", "--only-polisen"])
    report = json.loads((corpus / "crawl-report.json").read_text(encoding="utf-8"))
    urls = [p["url"] for p in report["pages"]]
    assert urls and all(u.startswith(site.base) for u in urls), urls
    assert res.exit_code == 0, res.output


FORMS3 = {"index": INDEX, "url_forms": [f"{NEW}/{{lan_slug}}/{{slug}}/", f"{NEW}/{{slug}}/", f"{OLD}/{{slug}}/"],
          "kommuner": [{"kommun": k, "kod": c, "slug": slug, "lan_slug": "vastra-gotaland"}
                       for k, c, slug in [("Ale", "1440", "ale"), ("Alingsås", "1489", "alingsas"),
                                          ("Kungälv", "1482", "kungalv"), ("Stenungsund", "1415", "stenungsund")]]}


def test_guessed_forms_of_kommuner_the_index_links_are_never_requested(tmp_path, site):
    """Ale and Alingsås are linked from the index (under the newest and the oldest form):
    none of their other url forms is asked for. Kungälv is not linked: its forms are tried
    newest first and the third is not asked for once the second answers; Stenungsund has no
    page, so all three are tried, in order, each one 'absent'."""
    site.pages[f"{NEW}/kungalv/"] = "<html><body><h1>Kungälv – medborgarlöften 2024</h1></body></html>"
    s = _settings(tmp_path, site)
    got = {o.url.removeprefix(site.base): o for o in crawl(s, seeds(FORMS3, [], site.base))}
    asked = [r["path"] for r in site.requests]
    linked = {f"{NEW}/vastra-gotaland/ale/", f"{OLD}/alingsas/"}
    for slug in ("ale", "alingsas"):
        for form in (f"{NEW}/vastra-gotaland/{slug}/", f"{NEW}/{slug}/", f"{OLD}/{slug}/"):
            if form in linked:
                assert got[form].outcome == "fetched" and asked.count(form) == 1
            else:
                assert form not in asked, form
                assert (got[form].outcome, got[form].error) == ("skipped", "linked from the index")
    kungalv = [f"{NEW}/vastra-gotaland/kungalv/", f"{NEW}/kungalv/", f"{OLD}/kungalv/"]
    assert [p for p in asked if p in kungalv] == kungalv[:2]
    assert got[kungalv[0]].outcome == "absent" and got[kungalv[1]].outcome == "fetched"
    assert (got[kungalv[2]].outcome, got[kungalv[2]].error) == ("skipped", "an earlier url form answered")
    stenungsund = [f"{NEW}/vastra-gotaland/stenungsund/", f"{NEW}/stenungsund/", f"{OLD}/stenungsund/"]
    assert [p for p in asked if p in stenungsund] == stenungsund
    assert all(got[p].outcome == "absent" for p in stenungsund)
    # no guessed form is asked for before the index has answered
    guesses = {u.removeprefix(site.base) for u, known, *_ in seeds(FORMS3, [], site.base) if not known}
    assert asked.index(INDEX) < min(i for i, p in enumerate(asked) if p in guesses - linked)
    assert len(got) == len({o.url for o in got.values()})  # one outcome per url


def test_only_named_kommuner_try_their_forms_without_the_index(tmp_path, site):
    """--only leaves the index out, so nothing is linked: Ale's forms are tried newest first,
    and its newest answers."""
    s = _settings(tmp_path, site)
    got = {o.url.removeprefix(site.base): o for o in crawl(s, seeds(FORMS3, ["Ale"], site.base))}
    asked = [r["path"] for r in site.requests if "/ale/" in r["path"]]
    assert asked == [f"{NEW}/vastra-gotaland/ale/"] and INDEX not in got
    assert got[f"{NEW}/ale/"].error == got[f"{OLD}/ale/"].error == "an earlier url form answered"


def test_hosts_keeps_to_the_named_hosts(tmp_path, site):
    """Two hosts: the polisen.se-shaped site and a kommun site. ``--hosts`` names one, and the
    other gets no request at all, either way round."""
    from hostile import RawServer, reply

    kommun = RawServer({"/medborgarlofte/": reply(body="<h1>Medborgarlöfte Ale 2024</h1>")})
    try:
        extra = tmp_path / "mine.yaml"
        extra.write_text('kommuner:\n  - kommun: Ale\n    kod: "1440"\n    slug: ale\n    lan_slug: vastra-gotaland\n'
                         f'    pages: ["{kommun.base}/medborgarlofte/"]\n', encoding="utf-8")
        args = ["crawl", "--base-url", site.base, "--only", "ale", "--sources", str(extra), "--rate", "100",
                "--retries", "0"]
        kommun_host, site_host = kommun.base.removeprefix("http://"), site.base.removeprefix("http://")
        res = CliRunner().invoke(cli, args + ["--corpus", str(tmp_path / "a"), "--hosts", kommun_host])
        assert res.exit_code == 0, res.output
        report = json.loads((tmp_path / "a" / "crawl-report.json").read_text(encoding="utf-8"))
        assert [p["url"] for p in report["pages"]] == [f"{kommun.base}/medborgarlofte/"]
        assert site.requests == [] and kommun.requests == ["/robots.txt", "/medborgarlofte/"]

        kommun.requests.clear()
        res = CliRunner().invoke(cli, args + ["--corpus", str(tmp_path / "b"), "--hosts", f"nowhere.example,{site_host}"])
        assert res.exit_code == 0, res.output
        report = json.loads((tmp_path / "b" / "crawl-report.json").read_text(encoding="utf-8"))
        assert report["pages"] and all(p["url"].startswith(site.base) for p in report["pages"])
        assert kommun.requests == [] and site.requests
    finally:
        kommun.close()


@pytest.mark.parametrize("args", [["--hosts", "a.example/path"], ["--hosts", ","], ["--hosts", "x:99999"],
                                  ["--hosts", "polisen.se", "--only-polisen"]])
def test_bad_hosts_is_one_line(tmp_path, args):
    res = CliRunner().invoke(cli, ["crawl", "--corpus", str(tmp_path / "c"), "--only", "ale"] + args)
    assert res.exit_code == 2 and "Traceback" not in res.output and "--hosts" in res.output, res.output
    assert not (tmp_path / "c").exists()
