"""diff, compare and the HTML report, on real period pairs from the bundled corpus.

The expectations below were checked by hand against the source pages."""
import csv
import io
import json
import shutil

import pytest
from click.testing import CliRunner

from pipeline.batch import run_batch
from pipeline.cli import cli
from pipeline.diff import diff_records, word_diff

from conftest import CORPUS

PAIRS = {  # kommun: (older page, newer page)
    "lysekil": ("pages/polisen-se__lysekil", "pages/lysekil-se__medborgarlofte"),
    "tjorn": ("pages/polisen-se__tjorn-kommun", "pages/tjorn-se__medborgarloftet-4-3431e9c81576d71a1d617663"),
    "grastorp": ("pages/polisen-se__grastorp", "pages/polisen-se__grastorp-2"),
}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    src = tmp_path_factory.mktemp("src")
    for old, new in PAIRS.values():
        for stem in (old, new):
            for ext in (".txt", ".meta.json"):
                f = CORPUS / f"{stem}{ext}"
                shutil.copyfile(f, src / f.name)
    out = tmp_path_factory.mktemp("out")
    assert run_batch([str(src)], out).failures == []
    return out


def _rec(out, rid):
    return json.loads((out / f"{rid}.json").read_text(encoding="utf-8"))


def _texts(items, key=None):
    return [(i[key] if key else i)["text"] for i in items]


def test_lysekil_frequency_and_wording_changes(out):
    d = diff_records(_rec(out, "lysekil-2019-2020"), _rec(out, "lysekil-2020-2021"))
    a = d["activities"]
    assert len(a["unchanged"]) == 4 and len(a["removed"]) == 0
    assert [t[:4] for t in _texts(a["added"])] == ["SSPF"]
    freq = next(c for c in a["changed"] if "lägesbild som görs känd" in c["new"]["text"])
    assert {"field": "frequency", "old": {"times": 1, "per": "month", "interval": 2, "at_least": False,
                                          "approximate": False},
            "new": {"times": 4, "per": "year", "interval": 1, "at_least": False, "approximate": False}} in freq["changes"]
    assert ["-", "varannan månad"] in freq["text_diff"] and ["+", "fyra gånger per år"] in freq["text_diff"]
    assert len(a["changed"]) == 3


def test_tjorn_added_removed_and_reworded(out):
    d = diff_records(_rec(out, "tjorn-2018"), _rec(out, "tjorn-2019"))
    a = d["activities"]
    assert _texts(a["added"]) == ["genomföra minst sex (6) särskilt riktade insatser mot droger i trafiken."]
    # (2018's ingress count, "Vid minst sex (6) tillfällen …", is an activity beside its list item)
    assert _texts(a["removed"]) == ["Vid minst sex (6) tillfällen kommer vi att ha planerade insatser mot "
                                    "drogrelaterade brott i våra tre kommuner.",
                                    "vi ska synas mer i områden där ungdomar vistas"]
    # the 2018 page names its focus ("… med fokus på ungdomar i riskzon"), the 2019 page none: the
    # activity kept word for word changed only its focus area
    changed = {c["new"]["text"]: c for c in a["changed"]}
    kept = changed.pop("genomföra minst sex (6) särskilt riktade insatser mot droger och ungdomar i riskzon.")
    assert [c["field"] for c in kept["changes"]] == ["focus_area"] and a["unchanged"] == []
    (ch,) = changed.values()
    assert ["+", "tillsammans med föräldrarna"] in ch["text_diff"] and ["-", "stärka"] in ch["text_diff"]
    assert [c["field"] for c in ch["changes"]] == ["text", "focus_area"]


def test_grastorp_new_focus_areas_and_activities(out):
    d = diff_records(_rec(out, "grastorp-2021"), _rec(out, "grastorp-2022-2023"))
    assert d["focus_areas"]["added"] == ["Trafiksituationen", "Narkotika och droger",
                                         "Risk att utsättas för stölder och inbrott",
                                         "Önskan om en mer synlig och tillgänglig polis"]
    a = d["activities"]
    assert "Polisen lovar att besöka alla klasser i årskurs 7 för att bl.a. skapa relationer och prata om lag och rätt." in _texts(a["added"])
    assert any(t.startswith("Polisen ska samverka med socialtjänst och skola") for t in _texts(a["removed"]))
    # 2021 names two aims in the lead ("… genomföra insatser för att skapa en trygg trafikmiljö samt förebygga och
    # förhindra bostadsinbrott …"), 2022 four areas; in both years the activities stand under actor headings, under
    # no area: an activity kept word for word is unchanged, one reworded changed its text only
    assert d["focus_areas"]["removed"] == ["skapa en trygg trafikmiljö", "förebygga och förhindra bostadsinbrott och stölder"]
    assert "Kommunen ska känna till innebörden av grannsamverkan och vid behov vara delaktig." in _texts(a["unchanged"])
    assert len(a["changed"]) == 2 and len(a["unchanged"]) == 4
    assert all([c["field"] for c in ch["changes"]] == ["text"] for ch in a["changed"])


def test_json_contract_keys(out):
    res = CliRunner().invoke(cli, ["diff", str(out / "tjorn-2018.json"), str(out / "tjorn-2019.json"), "--format", "json"])
    assert res.exit_code == 0
    d = json.loads(res.output)
    assert set(d) >= {"old", "new", "focus_areas", "activities", "follow_up"}
    assert set(d["focus_areas"]) == {"added", "removed", "kept"}
    assert set(d["activities"]) == {"added", "removed", "changed", "unchanged"}
    assert set(d["activities"]["changed"][0]) >= {"old", "new", "changes"}
    assert (d["old"], d["new"]) == ("tjorn-2018", "tjorn-2019")


def test_folder_mode_pairs_latest_with_previous(out):
    res = CliRunner().invoke(cli, ["diff", str(out), "--previous", "--format", "json"])
    assert res.exit_code == 0
    pairs = {(d["old"], d["new"]) for d in json.loads(res.output)}
    assert pairs == {("lysekil-2019-2020", "lysekil-2020-2021"), ("tjorn-2018", "tjorn-2019"),
                     ("grastorp-2021", "grastorp-2022-2023")}
    md = CliRunner().invoke(cli, ["diff", str(out), "--previous", "--format", "markdown"]).output
    assert md.count("\n## ") == 2 and md.startswith("## ")


def test_word_diff():
    assert word_diff("a b c", "a x c") == [["=", "a"], ["-", "b"], ["+", "x"], ["=", "c"]]


def test_compare_csv_opens_in_excel_with_swedish_intact(out, tmp_path):
    f = tmp_path / "cmp.csv"
    assert CliRunner().invoke(cli, ["compare", str(out), "-o", str(f)]).exit_code == 0
    raw = f.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 6
    tjorn = next(r for r in rows if r["id"] == "tjorn-2019")
    assert tjorn["kommun"].startswith("Tjörn") and tjorn["activities"] == "3" and tjorn["with_frequency"] == "2"
    assert {"trafik", "narkotika", "measurable_share", "with_place", "with_named_actor"} <= set(rows[0])
    acts = CliRunner().invoke(cli, ["compare", str(out), "--activities", "--format", "json"])
    arows = json.loads(acts.output)
    assert sum(r["record_id"] == "tjorn-2019" for r in arows) == 3
    assert {"kommun_kod", "period", "focus_category", "actors", "times", "per", "interval", "at_least"} <= set(arows[0])
    assert CliRunner().invoke(cli, ["compare", str(out), "--format", "markdown"]).output.startswith("| id |")


def test_records_carry_measurability(out):
    r = _rec(out, "tjorn-2019")
    a = r["activities"][0]
    assert a["measurable"] == {"named_actor": True, "count_or_frequency": True, "place": False, "time_bound": True}
    assert 0 <= r["measurable_share"] <= 1
