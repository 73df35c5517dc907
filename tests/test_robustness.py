"""Bad input never gives a traceback; output is atomic, resumable and byte-identical."""
import json
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from pipeline.cli import cli
from pipeline.extract import extract_path
from pipeline.models import Record

from conftest import CORPUS

PROMISE = "Ale – medborgarlöften\n\nMedborgarlöfte 2024\n\n  • Polisen ska patrullera varje fredag.\n"


@pytest.mark.parametrize("name,content,reason", [
    ("cookie.html", "<html><body><div class='consent'>Vi använder kakor</div><p>Godkänn alla cookies.</p></body></html>",
     "no promise content"),
    ("404.html", "<html><body><h1>Sidan kunde inte hittas</h1><p>Felkod 404</p></body></html>", "no promise content"),
    ("english.html", "<h1>Citizen promises</h1><p>The police will patrol the centre every week.</p>", "no promise content"),
    ("nokommun.txt", "Medborgarlöften\n\nPolisen lovar att patrullera.\n", "no kommun found"),
])
def test_pages_without_promise_give_one_line_errors(write, rules, nlp, name, content, reason):
    res = extract_path(write(name, content), rules, nlp)
    assert res.records == [] and reason in res.error and name in res.error and "\n" not in res.error


def test_deeply_nested_html(write, rules, nlp):
    html = "<div>" * 20000 + "<p>Medborgarlöfte i Ale kommun 2023.</p><ul><li>Polisen ska patrullera.</li></ul>" + "</div>" * 20000
    res = extract_path(write("deep.html", html), rules, nlp)
    assert res.error is None and [a.text for a in res.records[0].activities] == ["Polisen ska patrullera."]


def test_fifty_megabyte_file_hits_the_configurable_limit(write, tmp_path):
    big = write("big.txt", "")
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["extract", str(big), "-o", str(out)])
    assert res.exit_code == 1 and "over the size limit" in res.output
    res = CliRunner().invoke(cli, ["extract", str(big), "-o", str(out), "--max-bytes", str(60 * 1024 * 1024)])
    assert "over the size limit" not in res.output and res.exit_code == 1  # now read: it is NUL bytes


def test_reruns_are_byte_identical(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    src = str(CORPUS / "seeds")
    for out in (a, b):
        assert CliRunner().invoke(cli, ["extract", src, "-o", str(out)]).exit_code == 0
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    for n in names:
        assert (a / n).read_bytes() == (b / n).read_bytes(), n
    # and with two worker processes
    c = tmp_path / "c"
    assert CliRunner().invoke(cli, ["extract", src, "-o", str(c), "-j", "2"]).exit_code == 0
    assert (a / "records.jsonl").read_bytes() == (c / "records.jsonl").read_bytes()


def test_resume_reuses_unchanged_inputs(tmp_path, write):
    src = write("polisen-se__ale.txt", PROMISE, url="https://polisen.se/x/ale/")
    out = tmp_path / "out"
    first = CliRunner().invoke(cli, ["extract", str(src.parent), "-o", str(out)])
    assert "0 reused" in first.output
    before = (out / "ale-2024.json").read_bytes()
    again = CliRunner().invoke(cli, ["extract", str(src.parent), "-o", str(out), "--resume"])
    assert "1 reused" in again.output and (out / "ale-2024.json").read_bytes() == before
    src.write_text(PROMISE.replace("2024", "2025"), encoding="utf-8")
    changed = CliRunner().invoke(cli, ["extract", str(src.parent), "-o", str(out), "--resume"])
    assert "0 reused" in changed.output
    assert (out / "ale-2025.json").exists() and not (out / "ale-2024.json").exists()


def test_interrupted_run_leaves_only_complete_files_and_resume_finishes(tmp_path):
    import shutil

    src = tmp_path / "corpus"
    for copy in range(8):  # large enough that the run is still going when interrupted
        shutil.copytree(CORPUS / "pages", src / f"c{copy}")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline", "extract", str(src), "-o", str(out)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(5)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and b"Traceback" not in err and b"--resume" in err
    for f in out.glob("*") if out.exists() else []:
        assert not f.name.endswith(".tmp"), f
        if f.suffix == ".json":
            json.loads(f.read_text(encoding="utf-8"))
    done = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.split("failed, ")[1].split(" reused")[0]) > 0  # it went on from where it stopped
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) > 1500


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_random_text_never_raises(tmp_path_factory, rules, nlp, text):
    p = tmp_path_factory.mktemp("h") / "polisen-se__ale.txt"
    p.write_bytes(("Ale – medborgarlöfte\n\n" + text).encode("utf-8", "replace"))
    res = extract_path(p, rules, nlp)
    assert (res.error is None) != (res.records == [])
    for r in res.records:
        Record.model_validate_json(r.model_dump_json())


_html_piece = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<h2>", "</h2>", "<div>", "</div>",
                     "<table><tr><td>", "</td></tr></table>", "<br>", "<!--", "-->", "<script>", "</script>",
                     "Polisen ska patrullera minst två gånger per vecka.", "Medborgarlöfte 2023-2024",
                     "Kommunen lovar att:", "&amp;", "<", ">"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_html_piece, max_size=40))
def test_random_html_never_raises(tmp_path_factory, rules, nlp, pieces):
    p = tmp_path_factory.mktemp("h") / "ale.html"
    p.write_bytes(("<h1>Ale kommun – medborgarlöfte</h1>" + "".join(pieces)).encode("utf-8", "replace"))
    res = extract_path(p, rules, nlp)
    assert (res.error is None) != (res.records == [])
    for r in res.records:
        Record.model_validate_json(r.model_dump_json())
