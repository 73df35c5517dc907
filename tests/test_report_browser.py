"""The report site and the HTML diff in a real headless Chromium: every page loads from
file:// without console errors or network requests, fits a 375 px phone, has the parts a
reader needs (each promise's follow-up status as a colour and a word, also in print), runs
nothing from hostile page text; screenshots at 1280 and 375 px."""
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import labels
from pipeline.cli import cli, write_report

from report_site import add_hostile_record, extract_subset, site_records, site_track

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (see README, Tests)")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
WIDTHS = (1280, 375)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = extract_subset(tmp_path_factory.mktemp("site"))
    add_hostile_record(out)
    write_report(out, site_records(out), site_track(out))
    diff = out / "report" / "diff-tjorn.html"  # inside the site folder so that it is checked with it
    res = CliRunner().invoke(cli, ["diff", str(out / "tjorn-2018.json"), str(out / "tjorn-2019.json"),
                                   "--format", "html", "-o", str(diff)])
    assert res.exit_code == 0
    return out / "report"


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    """Screenshots go to $REPORT_SCREENSHOTS when set (to keep them), else a temporary folder."""
    d = Path(os.environ["REPORT_SCREENSHOTS"]) if os.environ.get("REPORT_SCREENSHOTS") else tmp_path_factory.mktemp("shots")
    d.mkdir(parents=True, exist_ok=True)
    return d


def _open(browser, path: Path, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    log = {"errors": [], "requests": [], "dialogs": []}
    page.on("console", lambda m: log["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    page.on("request", lambda r: log["requests"].append(r.url) if not r.url.startswith("file:") else None)
    page.on("dialog", lambda d: (log["dialogs"].append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    return page, log


def test_every_page_loads_clean_and_fits_a_phone(browser, site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 12
    for path in pages:
        for width in WIDTHS:
            page, log = _open(browser, path, width)
            name = path.relative_to(site)
            assert log == {"errors": [], "requests": [], "dialogs": []}, f"{name} at {width} px"
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= width, f"{name} is {wide} px wide at {width} px"
            page.close()


def test_index_has_charts_and_both_kommun_indexes(browser, site, shots):
    for width in WIDTHS:
        page, _ = _open(browser, site / "index.html", width)
        page.screenshot(path=str(shots / f"index-{width}.png"))
        page.close()
    page, _ = _open(browser, site / "index.html", 1280)
    charts = page.locator("figure svg[role=img]")
    assert charts.count() >= 3 + 1  # national three, one per police region present
    for i in range(charts.count()):
        svg = charts.nth(i)
        assert svg.locator("title").text_content().strip() and svg.locator("desc").text_content().strip()
        assert svg.locator("text", has_text="År").count() >= 1
    assert page.locator("figure details table").count() == charts.count()
    az = page.locator("#a-o ~ ul.kommuner a").all_inner_texts()
    assert az.index("Åmål") > az.index("Umeå") and az.index("Ängelholm") < az.index("Örebro")
    page.locator("#region-vast ~ ul.kommuner a", has_text="Lysekil").first.click()
    assert page.url.endswith("/kommun/lysekil.html")
    assert page.locator("h1").inner_text() == "Lysekil"
    page.locator(".crumbs a", has_text="Polisregion Väst").click()
    assert page.url.endswith("index.html#region-vast")


def test_kommun_page(browser, site, shots):
    for width in WIDTHS:
        page, _ = _open(browser, site / "kommun" / "tjorn.html", width)
        page.screenshot(path=str(shots / f"kommun-{width}.png"))
        page.close()
    page, _ = _open(browser, site / "kommun" / "lysekil.html", 375)
    heads = page.locator("section.doc > h2").all_inner_texts()
    assert heads[:5] == ["2016–2017 · medborgarlöfte", "2017–2018 · medborgarlöfte", "2019–2020 · medborgarlöfte",
                         "2020–2021 · medborgarlöfte", "utan år · medborgarlöfte"]
    section = page.locator("section#lysekil-2020-2021")
    assert section.locator(".diff h4", has_text="2019–2020 → 2020–2021").count() == 1
    assert section.locator(".diff ins", has_text="4 gånger per år").count() == 1
    page.locator("a[href='#lysekil-2019-2020']").click()
    assert page.evaluate("location.hash") == "#lysekil-2019-2020"


def _style(locator, prop: str) -> str:
    return locator.evaluate(f"el => getComputedStyle(el).{prop}")


def test_follow_up_status_colour_and_word(browser, site, shots):
    """Strängnäs 2019 (done, not reported) and Grästorp 2021 (done, partly): each status is a
    coloured chip with its Swedish word, the colours differ by status, and in print (no
    background) the word and the coloured edge remain; the index's coverage chart is described."""
    page, log = _open(browser, site / "kommun" / "strangnas.html", 375)
    page.screenshot(path=str(shots / "status-375.png"))
    page.close()
    seen = {}
    for name, rid in (("strangnas", "strangnas-2019"), ("grastorp", "grastorp-2021")):
        page, log = _open(browser, site / "kommun" / f"{name}.html", 375)
        chips = page.locator(f"section#{rid} ol.status > li > .st")
        assert chips.count() >= 7 and log["errors"] == []
        for i in range(chips.count()):
            chip = chips.nth(i)
            code = chip.get_attribute("class").split("st-")[1]
            assert chip.is_visible() and chip.inner_text() == labels.status(code)
            assert chip.bounding_box()["x"] + chip.bounding_box()["width"] <= 375
            seen.setdefault(code, set()).add((_style(chip, "backgroundColor"), _style(chip, "borderLeftColor")))
        page.emulate_media(media="print")
        chip = chips.first
        assert chip.is_visible() and chip.inner_text() == labels.status(chip.get_attribute("class").split("st-")[1])
        assert float(_style(chip, "borderLeftWidth").removesuffix("px")) >= 4
        page.close()
    assert {"done", "partly", "not_reported"} <= set(seen)
    assert all(len(v) == 1 for v in seen.values())  # one colour per status ...
    assert len({c for v in seen.values() for c in v}) == len(seen)  # ... and a different one for each
    page, _ = _open(browser, site / "index.html", 375)
    fig = page.locator("#uppfoljning ~ figure", has_text="Andel löftesdokument med uppföljning").first
    svg = fig.locator("svg[role=img]")
    assert "uppföljning" in svg.locator("title").text_content() and "%" in svg.locator("desc").text_content()
    assert svg.locator("text", has_text="År").count() == 1 and svg.locator("text", has_text="Andel (%)").count() == 1
    assert page.locator("#uppfoljning ~ ul.sts .st").all_inner_texts()[:4] == [
        labels.status(c) for c in ("done", "partly", "not_done", "not_reported")]
    page.close()


def test_hostile_record_runs_nothing_and_links_nowhere(browser, site):
    page, log = _open(browser, site / "kommun" / "umea.html", 1280)
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(a => a.protocol)")
    assert hrefs and set(hrefs) <= {"http:", "https:", "file:"}
    assert page.get_by_text("javascript:alert(document.domain)").count() == 1
    assert page.get_by_text("<script>alert(1)</script>", exact=False).count() == 1  # shown, not run
    assert page.locator("section.doc script, section.doc img").count() == 0
    assert log["dialogs"] == [] and log["errors"] == []


def test_diff_page(browser, site, shots):
    for width in WIDTHS:
        page, _ = _open(browser, site / "diff-tjorn.html", width)
        page.screenshot(path=str(shots / f"diff-{width}.png"), full_page=True)
        page.close()
    page, _ = _open(browser, site / "diff-tjorn.html", 375)
    counts = page.locator("section.diff ul.counts").first.all_inner_texts()[0].split("\n")
    # 2018 names its focus, 2019 none; 2018's ingress count is an activity beside its list item
    assert counts == ["1 tillagd", "2 borttagna", "2 ändrade", "0 oförändrade"]
    top_of_counts = page.locator("section.diff ul.counts").first.bounding_box()["y"]
    assert top_of_counts < page.locator("li.act").first.bounding_box()["y"]
    assert page.locator("ins", has_text="tillsammans med föräldrarna").count() == 1
    assert page.locator("li.act.added").count() == 1 and page.locator("li.act.removed").count() == 2
    for p in sorted(shots.glob("*.png")):
        assert p.read_bytes()[:4] == b"\x89PNG" and p.stat().st_size > 10_000
