"""The Python API: the README's example runs as written and prints what the README says."""
import contextlib
import io
import os
import re
import subprocess
import sys

import pytest

import pipeline

from conftest import CORPUS, ROOT


def _readme_example() -> tuple[str, str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    code, output = re.findall(r"```(?:python|text)\n(.*?)```", section, re.S)[:2]
    return code, output


def test_readme_example_runs_and_prints_what_it_says(monkeypatch):
    code, expected = _readme_example()
    monkeypatch.chdir(ROOT)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(code, "README.md", "exec"), {})
    assert buf.getvalue() == expected


def test_import_is_cheap():
    out = subprocess.run([sys.executable, "-c", "import sys, pipeline; print(sorted(m for m in sys.modules "
                          "if m.split('.')[0] in ('spacy', 'pydantic', 'pandas')))"],
                         capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.stdout.strip() == "[]"


def test_errors_and_paths(tmp_path):
    with pytest.raises(pipeline.DocumentError, match="no promise content"):
        pipeline.extract_text("Välkommen till vår webbplats. Här finns cookies.")
    (tmp_path / "junk.txt").write_text("bara ord utan innehåll", encoding="utf-8")
    (tmp_path / "a.txt").write_bytes((CORPUS / "pages" / "polisen-se__alingsas.txt").read_bytes())
    errors = []
    records = pipeline.extract_paths([tmp_path], errors=errors)
    assert [r["kommuner"][0]["namn"] for r in records] == ["Alingsås"]
    assert len(errors) == 1 and "junk.txt" in errors[0]
    with pytest.raises(pipeline.DocumentError, match="junk.txt"):
        pipeline.extract_paths([tmp_path])
    (tmp_path / "empty").mkdir()
    with pytest.raises(pipeline.DocumentError, match="no documents found"):
        pipeline.extract_paths([tmp_path / "empty"])


def test_load_records_and_dataframe_levels(tmp_path):
    records = pipeline.extract_file(CORPUS / "pages" / "polisen-se__alingsas.txt")
    from pipeline.output import atomic_write
    import json

    atomic_write(tmp_path / "records.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    assert pipeline.load_records(tmp_path) == records
    df = pipeline.to_dataframe(records)
    assert len(df) == len(records) and df.loc[0, "activities"] == len(records[0]["activities"])
    acts = pipeline.to_dataframe(records, level="activity")
    assert len(acts) == sum(len(r["activities"]) for r in records)
    with pytest.raises(ValueError):
        pipeline.to_dataframe(records, level="kommun")


def test_extract_text_reads_html():
    html = ("<html><body><h1>Ale – medborgarlöften</h1><h2>Medborgarlöfte 2024</h2><ul>"
            "<li>Polisen ska genomföra minst två trafikkontroller per månad i Nödinge.</li></ul></body></html>")
    (rec,) = pipeline.extract_text(html, url="https://polisen.se/x/ale/", html=True)
    assert rec["id"] == "ale-2024" and rec["source"]["kind"] == "html"
    assert rec["activities"][0]["frequency"]["per"] == "month" and rec["activities"][0]["places"] == ["Nödinge"]
