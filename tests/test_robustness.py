"""Bad input never gives a traceback; output is atomic, resumable and byte-identical."""
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from pipeline.cli import cli
from pipeline.extract import extract_path
from pipeline.models import Record
from pipeline.output import load_records

from conftest import CORPUS
from hostile import poll

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


def _stderr_lines(proc) -> list[str]:
    """Read a process's stderr in a thread; the list grows as lines come."""
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(iter(proc.stderr.readline, b"")), daemon=True).start()
    return lines


def test_interrupted_run_leaves_only_complete_files_and_resume_finishes(tmp_path):
    import shutil

    src = tmp_path / "corpus"
    for copy in range(8):  # large enough that the run is still going when interrupted
        shutil.copytree(CORPUS / "pages", src / f"c{copy}")
        for meta in (src / f"c{copy}").glob("*.meta.json"):  # distinct urls: one url is one record
            data = json.loads(meta.read_text(encoding="utf-8"))
            meta.write_text(json.dumps({**data, "url": f"{data['url']}?copy={copy}"}), encoding="utf-8")
    (src / "c0" / "000-empty.txt").write_text("", encoding="utf-8")  # its error line says the first batch is done
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline", "extract", str(src), "-o", str(out)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    err = _stderr_lines(proc)
    poll(lambda: any(b"000-empty.txt" in line for line in err) or proc.poll() is not None, 300, "the first batch")
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=120)
    err = b"".join(err)
    assert proc.returncode == 130 and b"Traceback" not in err and b"--resume" in err
    for f in out.glob("*") if out.exists() else []:
        assert not f.name.endswith(".tmp"), f
        if f.suffix == ".json":
            json.loads(f.read_text(encoding="utf-8"))
    done = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 1 and "000-empty.txt: file is empty" in done.stderr, done.stderr
    assert int(done.stdout.split("failed, ")[1].split(" reused")[0]) > 0  # it went on from where it stopped
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) > 1500


def test_ctrl_c_while_writing_finishes_the_writes_and_the_manifest(tmp_path):
    import shutil

    src = tmp_path / "corpus"
    shutil.copytree(CORPUS / "pages", src / "pages")
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".ale-2024.json.x1y2z3.tmp"  # left behind by a run killed mid-write
    stale.write_text("{", encoding="utf-8")
    cmd = [sys.executable, "-m", "pipeline", "extract", str(src), "-o", str(out)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def writing() -> bool:
        return proc.poll() is not None or any(e.name.endswith(".json") for e in os.scandir(out))
    poll(writing, 300, "the first record file", interval=0.001)
    assert not (out / "records.jsonl").exists(), "the writes ended before Ctrl-C could come"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130 and b"Traceback" not in err and b"--resume" in err, err
    assert err.strip().startswith(b"error: interrupted after") and len(err.strip().splitlines()) == 1
    assert not [f for f in out.iterdir() if f.name.endswith(".tmp")]
    manifest = json.loads((out / ".manifest").read_text(encoding="utf-8"))
    ids = {i for e in manifest.values() for i in e["ids"]}
    assert len(manifest) == 403 and ids == {f.stem for f in out.glob("*.json")}
    assert len((out / "records.jsonl").read_text(encoding="utf-8").splitlines()) == len(ids)
    again = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and "403 reused" in again.stdout, again.stdout + again.stderr


def test_stale_temp_files_are_removed_by_the_next_run(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".records.jsonl.abc123.tmp").write_text("half", encoding="utf-8")
    assert CliRunner().invoke(cli, ["extract", str(CORPUS / "seeds"), "-o", str(out)]).exit_code == 0
    assert not list(out.glob(".*.tmp")) and (out / "records.jsonl").exists()


def test_a_second_run_into_a_locked_folder_exits_2(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import sys; from filelock import FileLock; "
                               f"lock = FileLock({str(out / '.lock')!r}); lock.acquire(); print('held', flush=True); "
                               "sys.stdin.read()"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline() == b"held\n"
        res = CliRunner().invoke(cli, ["extract", str(CORPUS / "seeds"), "-o", str(out)])
        assert res.exit_code == 2 and "another extract is writing into this folder" in res.output, res.output
        assert len(res.output.strip().splitlines()) == 1 and not list(out.glob("*.json"))
        res = CliRunner().invoke(cli, ["run", "--corpus", str(CORPUS / "seeds"), "-o", str(out),
                                       "--gold", str(tmp_path / "none")])
        assert res.exit_code == 2 and not (out / "report.html").exists(), res.output
    finally:
        holder.communicate(b"", timeout=10)
    assert CliRunner().invoke(cli, ["extract", str(CORPUS / "seeds"), "-o", str(out)]).exit_code == 0


LONG = "Ale kommun – medborgarlöfte 2023\n\n" + "Polisen genomför fyra trygghetsvandringar per år i Nödinge.\n" * 20000


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_failing_document_never_costs_the_others(tmp_path, jobs):
    import shutil

    src = tmp_path / "in"
    src.mkdir()
    pages = sorted(p for p in (CORPUS / "pages").glob("*.txt"))[:20]  # over one batch, so -j 2 uses workers
    for p in pages:
        shutil.copy(p, src)
        shutil.copy(p.with_name(p.stem + ".meta.json"), src)
    alone = tmp_path / "alone"
    assert CliRunner().invoke(cli, ["extract", str(src), "-o", str(alone)]).exit_code == 0
    (src / "ale-long.txt").write_text(LONG, encoding="utf-8")  # 1.2 MB: over spaCy's max_length unless split
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["extract", str(src), "-o", str(out), "-j", jobs])
    assert "Traceback" not in res.output
    assert {p.name for p in alone.glob("*.json")} <= {p.name for p in out.glob("*.json")}
    for p in alone.glob("*.json"):
        assert (out / p.name).read_bytes() == p.read_bytes()
    errors = [line for line in res.output.splitlines() if line.startswith("error:")]
    long_records = [r for r in load_records(out) if r["source"]["url"].endswith("ale-long.txt")]
    if errors:  # the long document failed: one line naming it, exit 1
        assert len(errors) == 1 and "ale-long.txt" in errors[0] and res.exit_code == 1 and not long_records
    else:  # or it was read (once long documents are split)
        assert res.exit_code == 0 and long_records


def _workers(pid: int) -> list[int]:
    """Child processes forked from ``pid`` (same command line), not helpers it started."""
    proc = Path("/proc")
    try:
        me = (proc / str(pid) / "cmdline").read_bytes()
        kids = [int(c) for c in (proc / str(pid) / "task" / str(pid) / "children").read_text().split()]
        return [k for k in kids if (proc / str(k) / "cmdline").read_bytes() == me]
    except OSError:
        return []


def test_a_worker_killed_mid_batch_costs_nothing(tmp_path):
    """SIGKILL, as the out-of-memory killer sends it: the documents it held are read again."""
    import shutil

    src = tmp_path / "in"
    src.mkdir()
    for p in sorted((CORPUS / "pages").glob("*.txt"))[:48]:  # three batches
        shutil.copy(p, src)
        shutil.copy(p.with_name(p.stem + ".meta.json"), src)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "extract", str(src), "-o", str(out), "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    poll(lambda: len(_workers(proc.pid)) >= 2 or proc.poll() is not None, 120, "the worker processes")
    assert proc.poll() is None, "the run ended before a worker could be killed"
    os.kill(_workers(proc.pid)[0], signal.SIGKILL)
    stdout, err = proc.communicate(timeout=300)
    assert proc.returncode == 0 and b"Traceback" not in err, err
    assert b"warning: a worker process died; reading its" in err
    manifest = json.loads((out / ".manifest").read_text(encoding="utf-8"))
    assert len(manifest) == 48 and all(e["ids"] for e in manifest.values())  # every document has its records
    assert b"48 documents" in stdout and b"(0 failed" in stdout


def test_a_million_tiny_paragraphs_is_a_quick_one_line_error(write, rules, nlp):
    import time as clock

    page = write("ale.html", "<h1>Medborgarlöfte Ale kommun 2023</h1>" + "<p>x</p>" * 1_000_000)
    t0 = clock.monotonic()
    res = extract_path(page, rules, nlp)
    assert clock.monotonic() - t0 < 20
    assert "ale.html" in res.error and "over the limit of 100,000" in res.error and "\n" not in res.error


def test_resume_sees_an_edited_sidecar(tmp_path, write):
    src = write("polisen-se__ale.txt", PROMISE, url="https://polisen.se/x/ale/")
    out = tmp_path / "out"
    assert CliRunner().invoke(cli, ["extract", str(src.parent), "-o", str(out)]).exit_code == 0
    src.with_name(src.stem + ".meta.json").write_text(json.dumps({"url": "https://polisen.se/y/ale/"}), encoding="utf-8")
    again = CliRunner().invoke(cli, ["extract", str(src.parent), "-o", str(out), "--resume"])
    assert "0 reused" in again.output
    assert json.loads((out / "ale-2024.json").read_text(encoding="utf-8"))["source"]["url"] == "https://polisen.se/y/ale/"


@pytest.mark.parametrize("url,why", [
    ("javascript:alert(1)", "must be an http(s) url"), ("file:///etc/passwd", "must be an http(s) url"),
    ("x" * 10_000_000, "characters long"), ({"href": "https://polisen.se/"}, "must be a string, not dict"),
    (["https://polisen.se/"], "must be a string"), ("https://", "must be an http(s) url"),
    ("https://polisen.se/a b", "spaces or control"), ("=HYPERLINK(\"http://x\")", "must be an http(s) url")])
def test_bad_sidecar_urls_are_one_line_errors(write, rules, nlp, url, why):
    res = extract_path(write("ale.txt", PROMISE, url=url), rules, nlp)
    assert res.records == [] and "ale.meta.json: sidecar url" in res.error and why in res.error
    assert "\n" not in res.error and len(res.error) < 400


@pytest.mark.parametrize("url", ["https://polisen.se/om-polisen/medborgarloften/ale/", "http://127.0.0.1:8000/x?y=1",
                                 "seed:003_de10323e27091918"])
def test_good_sidecar_urls_pass(write, rules, nlp, url):
    res = extract_path(write("ale.txt", PROMISE, url=url), rules, nlp)
    assert res.error is None and res.records[0].source.url == url


@pytest.mark.parametrize("name,encoding", [("ale.txt", "utf-16"), ("ale16be.txt", "utf-16-be"), ("ale.html", "utf-16")])
def test_utf16_with_a_bom_is_read(write, rules, nlp, name, encoding):
    text = PROMISE if name.endswith(".txt") else "<h1>Ale – medborgarlöften</h1><h2>Medborgarlöfte 2024</h2><ul><li>Polisen ska patrullera varje fredag.</li></ul>"
    raw = text.encode(encoding)
    raw = raw if encoding == "utf-16" else b"\xfe\xff" + raw
    res = extract_path(write(name, raw), rules, nlp)
    assert res.error is None, res.error
    assert [a.text for a in res.records[0].activities] == ["Polisen ska patrullera varje fredag."]


def test_a_fifo_on_the_command_line_is_an_error_not_a_hang(tmp_path, write):
    good = write("polisen-se__ale.txt", PROMISE, url="https://polisen.se/x/ale/")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    box = {}
    t = threading.Thread(target=lambda: box.update(res=CliRunner().invoke(
        cli, ["extract", str(fifo), str(good), "-o", str(tmp_path / "out")])), daemon=True)
    t.start()
    t.join(120)
    if t.is_alive():  # unblock the reader so that the test run can end
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("extract hung on a FIFO")
    res = box["res"]
    assert res.exit_code == 1 and "pipe.txt: not a regular file" in res.output, res.output
    assert (tmp_path / "out" / "ale-2024.json").exists()


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


def test_markup_the_parser_rejects_is_one_line_error(write, rules, nlp):
    p = write("ale.html", "<h1>Ale kommun – medborgarlöfte 2023</h1><![0")
    res = extract_path(p, rules, nlp)
    assert res.records == [] and "ale.html" in res.error and "\n" not in res.error
