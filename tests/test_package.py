"""A real package: the wheel, installed into a fresh venv, runs from any folder with its
rules, kommun list and snapshot as package data (not the checkout)."""
import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import CORPUS, ROOT

PROMISE = "Ale – medborgarlöften\n\nMedborgarlöfte 2024\n\n  • Polisen ska genomföra minst två trafikkontroller per månad.\n"


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pkg")
    src = tmp / "src"  # build from a copy, so the checkout gets no build/ folder
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", "outputs", "build", "*.egg-info",
                                                             "__pycache__", ".pytest_cache", ".hypothesis"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    str(src), "-w", str(tmp / "dist")], check=True, capture_output=True)
    (wheel,) = (tmp / "dist").glob("medborgarloften-*.whl")
    env = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(env)], check=True)
    subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps",
                    "--no-build-isolation", str(wheel)], check=True, capture_output=True,
                   env=_clean_env())  # a PYTHONPATH to the checkout would make pip skip the install
    return env


def _clean_env() -> dict:
    """The environment without what would point the installed package back at the checkout."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PROMISES_RULES")}


def _run(venv, args, cwd):
    return subprocess.run([str(venv / "bin" / "promises"), *args], cwd=cwd, env=_clean_env(),
                          capture_output=True, text=True, timeout=300)


def test_installed_wheel_extracts_from_another_folder(venv, tmp_path):
    (tmp_path / "ale.txt").write_text(PROMISE, encoding="utf-8")
    work = tmp_path / "elsewhere"
    work.mkdir()
    res = _run(venv, ["extract", str(tmp_path / "ale.txt")], work)
    assert res.returncode == 0, res.stderr
    rec = json.loads((work / "outputs" / "ale-2024.json").read_text(encoding="utf-8"))
    assert rec["kommuner"] == [{"kod": "1440", "namn": "Ale"}]
    probe = subprocess.run([str(venv / "bin" / "python"), "-c",
                            "import pipeline, pipeline.rules as r, pipeline.cli as c;"
                            "print(pipeline.__file__); print(r.RULES_DIR); print(c.DEFAULT_CORPUS)"],
                           cwd=work, capture_output=True, text=True, check=True,
                           env=_clean_env())
    paths = probe.stdout.split()
    assert all(str(venv) in p for p in paths), paths  # code, rules and snapshot from the install
    assert len(list(__import__("pathlib").Path(paths[2]).rglob("*.txt"))) == len(list(CORPUS.rglob("*.txt")))


def test_installed_run_writes_to_the_current_folder(venv, tmp_path):
    small = tmp_path / "corpus"
    small.mkdir()
    for ext in (".txt", ".meta.json"):
        shutil.copy(CORPUS / "pages" / f"polisen-se__alingsas{ext}", small)
    res = _run(venv, ["run", "--corpus", str(small)], tmp_path)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "outputs" / "records.jsonl").exists() and (tmp_path / "outputs" / "report" / "index.html").exists()
