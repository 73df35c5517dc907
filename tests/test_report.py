"""The report site and the human forms of the diff, without a browser: Swedish words,
Swedish order, coverage of all 290 kommuner, each promise's follow-up status, links that
resolve, no live javascript: links, Markdown that lets no HTML through, reruns
byte-identical, and lemmas without spaCy."""
import gzip
import json
import random
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

from pipeline import labels
from pipeline.cli import cli, write_report
from pipeline.lemmas import _table_path, lemma
from pipeline.slug import slugify as slug
from pipeline.render import escape_markdown, http_url
from pipeline.rules import load_rules

from conftest import ROOT
from conftest import CORPUS
from report_site import HOSTILE_TEXT, HOSTILE_URL, add_hostile_record, extract_subset, site_records, site_track


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = extract_subset(tmp_path_factory.mktemp("site"))
    add_hostile_record(out)
    write_report(out, site_records(out), site_track(out))
    return out


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if key in a:
                self.links.append(a[key])


def _parse(path: Path) -> _Links:
    p = _Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_frequencies_in_swedish():
    f = labels.frequency
    assert f({"times": 1, "per": "week", "at_least": True}) == "minst 1 gång i veckan"
    assert f({"times": 1, "per": "day", "interval": 14}) == "var fjortonde dag"
    assert f({"times": 4, "per": "year"}) == "4 gånger per år"
    assert f({"times": 5, "per": "period"}) == "5 under perioden"
    assert f({"times": 1, "per": "month", "interval": 2}) == "varannan månad"
    assert f({"times": 2, "per": "month", "interval": 6, "approximate": True}) == "cirka 2 gånger var sjätte månad"


def test_codes_have_swedish_names():
    from pipeline.models import ActorCode, Category, DocType

    for code in ActorCode.__args__:
        assert labels.actor(code) != code
    for code in Category.__args__:
        assert labels.category(code) != code
    assert [labels.doc_type(c) for c in DocType.__args__] == ["medborgarlöfte", "samverkansöverenskommelse",
                                                             "uppföljning"]
    from pipeline.track import FollowUpLink, Status

    words = [labels.status(c) for c in Status.__args__ + FollowUpLink.model_fields["status"].annotation.__args__]
    assert all(w != c for w, c in zip(words, Status.__args__)) and len(set(words)) == len(words) == 7


def test_swedish_alphabetical_order():
    names = ["Örebro", "Åre", "Ängelholm", "Öckerö", "Älvdalen", "Åstorp", "Eda", "Upplands Väsby", "Umeå", "Ystad"]
    assert sorted(names, key=labels.sort_key) == ["Eda", "Umeå", "Upplands Väsby", "Ystad", "Åre", "Åstorp",
                                                  "Älvdalen", "Ängelholm", "Öckerö", "Örebro"]


def test_escape_markdown_and_http_url():
    assert escape_markdown("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert escape_markdown("**a** | [b](c) ~~d~~ `e`") == r"\*\*a\*\* \| \[b\](c) \~\~d\~\~ \`e\`"
    assert http_url("https://polisen.se/x") == "https://polisen.se/x"
    for bad in (HOSTILE_URL, " JavaScript:alert(1)", "file:///etc/passwd", "data:text/html,x", "seed:ale", None):
        assert http_url(bad) is None


def test_site_pages_and_coverage(site):
    rep = site / "report"
    assert not (site / "report.html").exists()
    kommun_pages = sorted(p.stem for p in (rep / "kommun").glob("*.html"))
    records = [json.loads(line) for line in (site / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert set(kommun_pages) >= {"lysekil", "tjorn", "grastorp", "orebro", "angelholm", "amal", "umea", "ostersund"}
    cov = (rep / "tackning.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr id="k-([a-z0-9-]+)">', cov)
    assert len(rows) == len(load_rules().kommuner) == 290
    names = [re.sub("<[^>]+>", "", m) for m in re.findall(r'<th class="k" scope="row">(.*?)</th>', cov)][:290]
    assert names == sorted(names, key=labels.sort_key) and names.index("Åmål") > names.index("Ystad")
    assert names.index("Ängelholm") < names.index("Örebro")
    # Lysekil 2019–2020 is a promise in both years; Ale has no document in the subset
    lysekil = re.search(r'<tr id="k-lysekil">(.*?)</tr>', cov, re.S).group(1)
    assert re.search(r'title="Lysekil 2019"><a href="kommun/lysekil.html#lysekil-\d{4}(-\d{4})?">L</a>', lysekil)
    ale = re.search(r'<tr id="k-ale">(.*?)</tr>', cov, re.S).group(1)
    assert "<a " not in ale and ale.count("inget") >= 5
    # the kommun page: every period oldest first, in Swedish
    page = (rep / "kommun" / "lysekil.html").read_text(encoding="utf-8")
    ids = re.findall(r'<section class="doc" id="([^"]+)">', page)
    ours = sorted((r for r in records if r["kommuner"][0]["namn"] == "Lysekil" and not r.get("same_as")),
                  key=lambda r: (r.get("period") is None, (r.get("period") or {}).get("start", 0)))
    # (the two December news pages that name no year have no period: last)
    assert len(ids) == len(ours) and ids[:5] == ["lysekil-2016-2017", "lysekil-2017-2018", "lysekil-2019-2020",
                                                 "lysekil-2020-2021", "lysekil"]
    assert "Förändring från föregående period" in page and "medborgarlöfte" in page
    assert "4 gånger per år" in page and "varannan månad" in page
    for code in ("raddningstjansten", "offentlig_miljo", "medborgarlofte", "1/month"):
        assert code not in re.sub(r'(id|href)="[^"]*"|https?://[^<"]+', "", page)


def _assert_links_resolve(rep: Path, at_least: int) -> None:
    pages = sorted(rep.rglob("*.html"))
    parsed = {p.resolve(): _parse(p) for p in pages}
    checked = 0
    for page, links in parsed.items():
        for link in links.links:
            u = urlsplit(link)
            if u.scheme in ("http", "https"):
                continue
            assert not u.scheme, f"{page}: link {link!r}"
            target = (page.parent / unquote(u.path)).resolve() if u.path else page
            assert target.is_file(), f"{page.relative_to(rep)}: {link} → missing file"
            if u.fragment and target.suffix == ".html":
                assert u.fragment in parsed[target].ids, f"{page.relative_to(rep)}: {link} → no such anchor"
            checked += 1
    assert checked > at_least


def test_every_link_resolves(site):
    rep = (site / "report").resolve()
    assert len(list(rep.rglob("*.html"))) >= 12
    _assert_links_resolve(rep, 150)


def test_report_command_filters_the_site(site, tmp_path):
    """`promises report` with a filter: kommun pages only for the kept records, every link
    still resolving; no match is one line and exit 1."""
    out = tmp_path / "vast"
    res = CliRunner().invoke(cli, ["report", str(site), "-o", str(out), "--corpus", str(CORPUS), "--region", "Väst"])
    assert res.exit_code == 0, res.output
    records = [json.loads(line) for line in (site / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    vast = {slug(k["namn"]) for r in records if r["polisregion"] == "Väst" and not r["same_as"] for k in r["kommuner"]}
    assert {p.stem for p in (out / "kommun").glob("*.html")} == vast and {"lysekil", "tjorn"} <= vast
    _assert_links_resolve(out.resolve(), 10)
    none = CliRunner().invoke(cli, ["report", str(site), "-o", str(tmp_path / "x"), "--kommun", "Kiruna"])
    assert none.exit_code == 1 and "no records match" in none.output


def test_no_javascript_links_and_html_escaped(site):
    page = (site / "report" / "kommun" / "umea.html").read_text(encoding="utf-8")
    assert HOSTILE_URL in page  # shown as text ...
    links = _parse(site / "report" / "kommun" / "umea.html").links
    assert not [x for x in links if not x.startswith(("http://", "https://", "../", "#"))]  # ... never a link
    assert "<script>" not in page and "&lt;script&gt;" in page and "<img src=x" not in page


def test_markdown_diff_lets_no_html_through(site):
    hostile = site / "umea-hostile.json"
    other = sorted(site.glob("umea-2*.json"))[0]
    md = CliRunner().invoke(cli, ["diff", str(other), str(hostile), "--format", "markdown"]).output
    assert "script" in md and "<script>" not in md and "&lt;script&gt;" in md
    assert "**möten**" not in md and r"\*\*möten\*\*" in md
    html = CliRunner().invoke(cli, ["diff", str(other), str(hostile), "--format", "html"]).output
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert HOSTILE_TEXT.split("<")[0] in md


def test_markdown_diff_marks_words_and_counts_first(site):
    md = CliRunner().invoke(cli, ["diff", str(site / "lysekil-2019-2020.json"), str(site / "lysekil-2020-2021.json"),
                                  "--format", "markdown"]).output
    lines = md.splitlines()
    assert lines[0] == "## Lysekil: 2019–2020 → 2020–2021"
    assert lines[2] == "**Aktiviteter:** 1 tillagd · 0 borttagna · 3 ändrade · 4 oförändrade"
    assert "~~varannan månad~~ **fyra gånger per år**" in md and "[-" not in md and "{+" not in md
    assert "  - frekvens: ~~varannan månad~~ → **4 gånger per år**" in lines
    text = CliRunner().invoke(cli, ["diff", str(site / "lysekil-2019-2020.json"),
                                    str(site / "lysekil-2020-2021.json")]).output
    assert text.splitlines()[1] == "Aktiviteter: 1 tillagd, 0 borttagna, 3 ändrade, 4 oförändrade"
    assert "frekvens: varannan månad → 4 gånger per år" in text


def _text(html: str) -> str:
    from html import unescape

    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _statuses(page: str, record_id: str) -> list[tuple[str, str]]:
    """(class, word) of each status in a promise record's "Status per löfte" list."""
    m = re.search(rf'<h3 id="{record_id}-status">.*?<ol class="status">(.*?)</ol>', page, re.S)
    assert m, f"no status section for {record_id}"
    return re.findall(r'<li value="\d+"><span class="st st-([a-z_]+)">([^<]+)</span>', m.group(1))


def test_follow_up_status_on_the_kommun_pages(site):
    """Every promise of a record with a follow-up shows its status as a class (colour) and its
    Swedish word, in order, with the evidence and the counts; records without one say so in a line."""
    track = site_track(site)
    rep = site / "report" / "kommun"
    with_fu = sorted({p.record_id for p in track.promises if p.follow_up_ids})
    assert {"strangnas-2019", "grastorp-2021", "svedala-2017"} <= set(with_fu)
    for rid in with_fu:
        rows = [p for p in track.promises if p.record_id == rid]
        page = (rep / f"{slug(rows[0].kommun['namn'])}.html").read_text(encoding="utf-8")
        assert _statuses(page, rid) == [(p.status, labels.status(p.status)) for p in rows]
        text = _text(page)
        for p in rows:
            for e in p.evidence:
                assert f"”{' '.join(e.text.split())}”" in text
            if p.promised.count is not None and p.delivered is not None:
                assert f"levererat {p.delivered} av {p.promised.count} utlovade" in text
    strangnas = (rep / "strangnas.html").read_text(encoding="utf-8")
    assert {"done", "not_reported"} <= {c for c, _ in _statuses(strangnas, "strangnas-2019")}
    assert "levererat 4 av 4 utlovade" in _text(strangnas)  # "minst fyra stycken trygghetsvandringar"
    assert ("partly", "delvis genomfört") in _statuses((rep / "grastorp.html").read_text(encoding="utf-8"),
                                                      "grastorp-2021")
    svedala = (rep / "svedala.html").read_text(encoding="utf-8")
    assert "Enligt uppföljningen 2017 (kvartal)" in _text(svedala)  # a report of the first quarter
    assert "levererat 1500 av 4000 utlovade" in _text(svedala)  # "1 500 timmar av de 4 000 utlovade"
    # the follow-up links to the statuses it decided; the kommun's own figures at the top
    assert re.search(r'<b>Följer upp:</b>\s*<a href="#strangnas-2019-status">medborgarlöfte 2019</a>', strangnas)
    s = next(k for k in track.kommuner if k.namn == "Strängnäs")
    assert f"{s.with_follow_up} av {s.promises} löften har en uppföljning" in _text(strangnas)
    # a kommun without any follow-up: one line per promise record, no status list
    lysekil = (rep / "lysekil.html").read_text(encoding="utf-8")
    promises = len(re.findall(r"<h2>[^<]*· medborgarlöfte</h2>", lysekil))
    assert promises >= 4 and lysekil.count("ingen uppföljning finns för perioden") == promises
    assert 'class="status"' not in lysekil and "st-" not in lysekil


def test_index_follow_up_figures_and_chart(site):
    track = site_track(site)
    n = track.national
    page = (site / "report" / "index.html").read_text(encoding="utf-8")
    section = re.search(r'<h2 id="uppfoljning">(.*?)<h2 ', page, re.S).group(1)
    text = _text(section)
    assert f"{n.promise_records_with_follow_up} av {n.promise_records} medborgarlöften har en uppföljning" in text
    assert f"{n.with_follow_up} av {n.promises} löften har en uppföljning" in text
    for code in ("done", "partly", "not_done", "not_reported"):
        assert f"{labels.status(code)} {getattr(n, code)} ({round(100 * n.shares[code])} %)" in text
    assert "Strängnäs" in text and "Grästorp" in text and "Lysekil" not in text
    svg = re.search(r"<svg .*?</svg>", section, re.S).group(0)
    assert "<title" in svg and "Andel löftesdokument med uppföljning, per år" in svg
    rows = re.findall(r'<tr><th scope="row">(\d{4})</th><td class="num">(\d+)</td><td class="num">(\d+)</td>', section)
    assert rows == [(str(y.year), str(y.with_follow_up), str(y.promise_records)) for y in track.by_year]
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg).group(1)
    for y in track.by_year:
        if y.with_follow_up:
            assert f"{y.year} {round(100 * y.with_follow_up / y.promise_records)} %" in desc


def test_run_hands_one_track_result_to_track_json_and_the_report(tmp_path):
    """`promises run` on a promise and its follow-up: track.json and the kommun page agree."""
    small = tmp_path / "corpus"
    small.mkdir()
    for name in ("polisen-se__strangnas-2", "www-strangnas-se__2020-01-28-uppfoljning-av-medborgarloftet-2019"):
        for ext in (".txt", ".meta.json"):
            (small / f"{name}{ext}").write_bytes((CORPUS / "pages" / f"{name}{ext}").read_bytes())
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["run", "--corpus", str(small), "-o", str(out), "--gold", str(tmp_path / "no")])
    assert res.exit_code == 0, res.output
    track = json.loads((out / "track.json").read_text(encoding="utf-8"))
    rows = [p for p in track["promises"] if p["record_id"] == "strangnas-2019"]
    assert rows and all(p["follow_up_ids"] == ["strangnas-2019-uppfoljning"] for p in rows)
    page = (out / "report" / "kommun" / "strangnas.html").read_text(encoding="utf-8")
    assert _statuses(page, "strangnas-2019") == [(p["status"], labels.status(p["status"])) for p in rows]
    assert f"{track['national']['with_follow_up']} av {track['national']['promises']} löften" in _text(
        (out / "report" / "index.html").read_text(encoding="utf-8"))


def test_rerun_is_byte_identical(site):
    rep = site / "report"
    before = {p: p.read_bytes() for p in rep.rglob("*") if p.is_file()}
    write_report(site, site_records(site), site_track(site))
    after = {p: p.read_bytes() for p in rep.rglob("*") if p.is_file()}
    assert before == after


def test_lemmas_match_the_table_without_spacy():
    table = json.loads(gzip.decompress(_table_path().read_bytes()))
    keys = sorted(table)
    forms = random.Random(13).sample(keys, 3000) + ["A-bombens", "övärldens", keys[0], keys[-1]]
    assert [lemma(f) for f in forms] == [table[f] for f in forms]
    others = [f + "x" for f in forms[:500]] + [f[:-1] for f in forms[:500]] + ["", "0", "\uffff"]
    assert [lemma(f) for f in others] == [table.get(f) or table.get(f.lower()) or f for f in others]
    assert lemma("Polisen") == "polis" and lemma("vandringarna") == "vandring" and lemma("xyzzy") == "xyzzy"
    code = "import sys, pipeline.cli, pipeline.diff, pipeline.render; print('spacy' in sys.modules)"
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert res.stdout.strip() == "False", res.stderr


def test_diff_of_a_file_that_is_not_a_record_is_one_line(site, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "x"}', encoding="utf-8")
    res = CliRunner().invoke(cli, ["diff", str(bad), str(site / "tjorn-2019.json")])
    assert res.exit_code == 2 and "bad.json" in res.output and "not schema-1 records" in res.output
    assert "Traceback" not in res.output


def test_diff_of_two_records_loads_no_spacy(site):
    """`promises diff` (and the canonical-record and filter steps it goes through) never
    imports spaCy: a diff is a reading command and must start fast."""
    code = ("import sys\nfrom pipeline.cli import cli\n"
            "try:\n    cli.main(sys.argv[1:], standalone_mode=False)\n"
            "finally:\n    print('spacy' in sys.modules, file=sys.stderr)\n")
    for args in (["diff", str(site / "lysekil-2019-2020.json"), str(site / "lysekil-2020-2021.json")],
                 ["diff", str(site), "--previous", "--kommun", "Lysekil"]):
        res = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True,
                             env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
        assert res.returncode == 0 and "Lysekil" in res.stdout, res.stderr
        assert res.stderr.strip().splitlines()[-1] == "False"
