"""One test (at least) per command, through click's runner and as a real subprocess."""
import json
import subprocess
import sys

from click.testing import CliRunner

from pipeline.cli import cli

from conftest import CORPUS, GOLD, ROOT

PROMISE = "Ale – medborgarlöften\n\nMedborgarlöfte 2024\n\n  • Polisen ska genomföra minst två trafikkontroller per månad.\n"


def test_schema_command_matches_committed_file():
    out = CliRunner().invoke(cli, ["schema"])
    assert out.exit_code == 0
    committed = (ROOT / "schema" / "promise-record.schema.json").read_text(encoding="utf-8")
    assert out.output == committed
    assert json.loads(out.output)["properties"]["schema_version"]["const"] == "1"


def test_extract_writes_records_and_summary(tmp_path, write):
    src = write("polisen-se__ale.txt", PROMISE, url="https://polisen.se/x/ale/")
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["extract", str(src.parent), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "1 documents → 1 records" in res.output
    rec = json.loads((out / "ale-2024.json").read_text(encoding="utf-8"))
    assert rec["activities"][0]["frequency"] == {"times": 2, "per": "month", "interval": 1,
                                                 "at_least": True, "approximate": False}
    assert (out / "records.jsonl").read_text(encoding="utf-8").count("\n") == 1


def test_extract_goes_on_past_bad_files_and_exits_1(tmp_path, write):
    write("good.txt", PROMISE, url="https://polisen.se/x/ale/")
    write("empty.txt", "")
    write("junk.html", bytes(range(256)) * 10)
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["extract", str(tmp_path / "in"), "-o", str(out)])
    assert res.exit_code == 1
    errors = [l for l in res.output.splitlines() if l.startswith("error:")]
    assert len(errors) == 2 and any("empty.txt: file is empty" in e for e in errors)
    assert any("junk.html" in e and "binary" in e for e in errors)
    assert (out / "ale-2024.json").exists()


def test_evaluate_json_and_misses(tmp_path):
    res = CliRunner().invoke(cli, ["evaluate", "--gold", str(GOLD), str(GOLD), "--json"])
    assert res.exit_code == 0
    assert json.loads(res.output)["activity_f1"] == 1.0
    res = CliRunner().invoke(cli, ["evaluate", "--gold", str(GOLD), str(GOLD), "--show-misses"])
    assert "activity F1" in res.output


def test_evaluate_pools_gold_folders(tmp_path):
    """Repeated --gold pools the sets into one score; a page with gold in two of them is an error."""
    files = sorted(GOLD.glob("*.gold.json"))
    half, other = tmp_path / "half", tmp_path / "other"
    for folder, chosen in ((half, files[::2]), (other, sorted((ROOT / "bench" / "blind_gold").glob("*.gold.json"))[:3])):
        folder.mkdir()
        for f in chosen:
            (folder / f.name).write_bytes(f.read_bytes())
    n_half = sum(len(json.loads(f.read_text(encoding="utf-8"))) for f in half.iterdir())
    n_other = sum(len(json.loads(f.read_text(encoding="utf-8"))) for f in other.iterdir())
    res = CliRunner().invoke(cli, ["evaluate", "--gold", str(half), "--gold", str(other), str(GOLD), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["record_recall"] == round(n_half / (n_half + n_other), 3)
    res = CliRunner().invoke(cli, ["evaluate", "--gold", str(half), "--gold", str(GOLD), str(GOLD)])
    assert res.exit_code == 2 and f"{GOLD}: " in res.output and f"has gold in {half} too" in res.output


def test_run_on_a_small_corpus(tmp_path):
    small = tmp_path / "corpus"
    small.mkdir()
    for name in ("polisen-se__alingsas", "polisen-se__bracke"):
        for ext in (".txt", ".meta.json"):
            (small / f"{name}{ext}").write_bytes((CORPUS / "pages" / f"{name}{ext}").read_bytes())
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["run", "--corpus", str(small), "-o", str(out), "--gold", str(tmp_path / "nogold")])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in out.glob("*.json")) == ["alingsas-2019.json", "bracke.json", "track.json"]


def test_module_entry_point_and_usage_error():
    ok = subprocess.run([sys.executable, "-m", "pipeline", "--version"], capture_output=True, text=True)
    assert ok.returncode == 0 and "promises" in ok.stdout
    bad = subprocess.run([sys.executable, "-m", "pipeline", "extract"], capture_output=True, text=True)
    assert bad.returncode == 2


def test_broken_rule_file_is_exit_2_naming_file_and_line(tmp_path):
    import shutil

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    (rules / "frequency.yaml").write_text("numbers:\n  en: 1\n  två: [2\n", encoding="utf-8")
    env = {**__import__("os").environ, "PROMISES_RULES": str(rules)}
    res = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(CORPUS / "pages" / "polisen-se__alingsas.txt"), "-o", str(tmp_path / "o")],
                         capture_output=True, text=True, env=env)
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and "frequency.yaml:" in res.stderr and "Traceback" not in res.stderr


def test_empty_input_is_an_error(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text("not a document", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.json").write_text("{}", encoding="utf-8")
    for cmd in (["extract", str(empty), "-o", str(out)], ["run", "--corpus", str(empty), "-o", str(out)]):
        res = CliRunner().invoke(cli, cmd)
        assert res.exit_code == 1 and res.output.strip().splitlines() == [
            f"error: no documents found in {empty} (.txt, .html, .htm, .pdf)"]
    assert [p.name for p in out.iterdir()] == ["keep.json"]  # the output folder is left alone
    res = CliRunner().invoke(cli, ["evaluate", "--gold", str(empty), str(GOLD)])
    assert res.exit_code == 2 and "no gold records" in res.output
    res = CliRunner().invoke(cli, ["evaluate", "--gold", str(GOLD), str(empty)])
    assert res.exit_code == 1 and "no records to evaluate" in res.output
    res = CliRunner().invoke(cli, ["diff", str(empty), "--previous"])
    assert res.exit_code == 1 and "no records found" in res.output
