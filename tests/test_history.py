"""history KOMMUN: every period of one kommun, oldest first, with the diffs between them;
filters on diff --previous."""
import json
import shutil

import pytest
from click.testing import CliRunner

from pipeline.batch import run_batch
from pipeline.cli import cli

from conftest import CORPUS


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    src = tmp_path_factory.mktemp("src")
    stems = [p.name.removesuffix(".txt") for p in (CORPUS / "pages").glob("*lysekil*.txt")]
    stems += ["polisen-se__tjorn-kommun", "tjorn-se__medborgarloftet-4-3431e9c81576d71a1d617663"]
    for stem in stems:
        for ext in (".txt", ".meta.json"):
            shutil.copyfile(CORPUS / "pages" / f"{stem}{ext}", src / f"{stem}{ext}")
    out = tmp_path_factory.mktemp("out")
    assert run_batch([str(src)], out).failures == []
    return out


def _run(*args, code=0):
    res = CliRunner().invoke(cli, list(map(str, args)))
    assert res.exit_code == code, res.output
    return res.output


def test_history_oldest_first_with_diffs_between_periods(out):
    h = json.loads(_run("history", "Lysekil", out, "--format", "json"))
    assert h["kommun"] == {"kod": "1484", "namn": "Lysekil"}
    dated = [r for r in h["records"] if r["period"]]
    assert [r["period"]["start"] for r in dated] == sorted(r["period"]["start"] for r in dated)
    assert len(dated) >= 3 and h["records"][-1]["period"] is None  # undated last
    promises = [r["id"] for r in dated if r["doc_type"] == "medborgarlofte"]
    assert [(d["old"], d["new"]) for d in h["diffs"]] == list(zip(promises, promises[1:]))
    text = _run("history", "lysekil", out)  # case and å/ä/ö do not matter
    assert text.startswith(f"Lysekil: {len(h['records'])} records, oldest first\n")
    assert "(lysekil-2019-2020 → lysekil-2020-2021)" in text
    assert _run("history", "1484", out, "--format", "markdown").startswith("# Lysekil")


def test_history_of_an_unknown_or_absent_kommun(out):
    assert "no such kommun" in _run("history", "Narnia", out, code=2)
    assert "no records match the filters (kommun 0180)" in _run("history", "Stockholm", out, code=1)


def test_diff_previous_takes_the_filters(out):
    every = json.loads(_run("diff", out, "--previous", "--format", "json"))
    assert {d["kommun"] for d in every} == {"Lysekil", "Tjörn"}
    only = json.loads(_run("diff", out, "--previous", "--format", "json", "--kommun", "Tjörn"))
    assert only["kommun"] == "Tjörn" and only == next(d for d in every if d["kommun"] == "Tjörn")
    assert "no records match" in _run("diff", out, "--previous", "--region", "Syd", code=1)
