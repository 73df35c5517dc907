"""The HTML report and the HTML diff in a real headless Chromium: they load without
console errors, have the parts a reader needs, fit a phone, and a screenshot is taken."""
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli, write_report

from conftest import CORPUS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (see README, Tests)")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    res = CliRunner().invoke(cli, ["extract", str(CORPUS / "pages"), "-o", str(out), "-j", "2"])
    assert res.exit_code == 0
    write_report(out)
    return out


def _open(browser, path: Path, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors, requests = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
    page.goto(path.as_uri())
    return page, errors, requests


def test_report_loads_clean_and_has_its_parts(browser, out, tmp_path):
    page, errors, requests = _open(browser, out / "report.html", 1200)
    assert errors == [] and requests == []  # self-contained: nothing fetched
    assert page.locator("h2#national").count() == 1 and page.locator("table.heat").count() == 1
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    n_records = sum(not json.loads(line)["same_as"] for line in lines)  # the report shows canonical records
    assert page.locator("h2#national + div table tr").count() == n_records + 1
    assert page.locator("h2#k-lysekil").count() == 1
    assert page.locator("h2#k-lysekil ~ h3", has_text="2019–2020 → 2020–2021").count() >= 1
    page.locator("a[href='#k-lysekil']").first.click()
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000 and shot.read_bytes()[:4] == b"\x89PNG"


def test_report_fits_a_phone(browser, out, tmp_path):
    page, errors, _ = _open(browser, out / "report.html", 375)
    assert errors == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 380
    page.screenshot(path=str(tmp_path / "phone.png"))


def test_diff_html_in_browser(browser, out, tmp_path):
    f = tmp_path / "diff.html"
    res = CliRunner().invoke(cli, ["diff", str(out / "tjorn-2018.json"), str(out / "tjorn-2019.json"),
                                   "--format", "html", "-o", str(f)])
    assert res.exit_code == 0
    page, errors, requests = _open(browser, f, 900)
    assert errors == [] and requests == []
    assert page.locator("ins", has_text="tillsammans med föräldrarna").count() == 1
    assert page.locator("tr.added").count() == 1 and page.locator("tr.removed").count() == 1
    page.screenshot(path=str(tmp_path / "diff.png"))
