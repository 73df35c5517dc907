"""export: the same normalized, typed tables as SQLite, Parquet and CSV + datapackage.json;
the README's SQL query answers its question on real records."""
import csv
import io
import json
import re
import shutil
import sqlite3

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from pipeline.batch import run_batch
from pipeline.cli import cli
from pipeline.export import TABLES

from conftest import CORPUS, ROOT

SOURCES = ["seeds/003_de10323e27091918",  # Huddinge 2023–2024: foot patrols at least weekly
           "pages/polisen-se__haparanda-2",  # weekly foot patrols, but 2020–2022
           "pages/polisen-se__orkelljunga",  # 2023, foot patrols four times in the period
           "pages/polisen-se__tanum-2",  # 2021, ten times
           "pages/polisen-se__goteborg-centrum", "pages/polisen-se__goteborg-lundby"]  # same id twice


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    src = tmp_path_factory.mktemp("src")
    for stem in SOURCES:
        for ext in (".txt", ".meta.json"):
            shutil.copyfile(CORPUS / f"{stem}{ext}", src / f"{stem.replace('/', '__')}{ext}")
    out = tmp_path_factory.mktemp("out")
    assert run_batch([str(src)], out).failures == []
    return out


def _export(*args):
    res = CliRunner().invoke(cli, ["export", *map(str, args)])
    assert res.exit_code == 0, res.output
    return res


def _readme_sql() -> tuple[str, str]:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("### Export", 1)[1]
    sql, output = re.findall(r"```(?:sql|text)\n(.*?)```", section, re.S)[:2]
    return sql, output


def test_sqlite_readme_query(out, tmp_path):
    db = tmp_path / "promises.sqlite"
    _export(out, "--format", "sqlite", "-o", db)
    sql, readme_output = _readme_sql()
    con = sqlite3.connect(db)
    rows = con.execute(sql).fetchall()
    assert rows == [("Huddinge", "huddinge-2023-2024", 1, "week", 1)]
    assert "Huddinge  huddinge-2023-2024  1      week" in readme_output  # the README's figure, full corpus
    # typed, keyed and indexed
    assert con.execute("SELECT typeof(period_start), typeof(measurable_share) FROM records LIMIT 1").fetchone() \
        == ("integer", "real")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    indexes = {r[1] for r in con.execute("SELECT * FROM sqlite_master WHERE type = 'index'")}
    assert {"records_kommun_kod", "records_period_start_period_end", "focus_areas_category", "kommuner_kod"} <= indexes
    fks = con.execute("PRAGMA foreign_key_list(activities)").fetchall()
    assert [(f[2], f[3], f[4]) for f in fks] == [("records", "record_id", "id")]
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("INSERT INTO records (id) VALUES ('huddinge-2023-2024')")
    n_acts = sum(len(r["activities"]) for r in map(json.loads, (out / "records.jsonl").read_text().splitlines())
                 if not r["same_as"])
    assert con.execute("SELECT count(*) FROM activities").fetchone() == (n_acts,)
    assert con.execute("SELECT count(*) FROM records WHERE same_as IS NOT NULL").fetchone() == (0,)
    _export(out, "--format", "sqlite", "-o", tmp_path / "again.sqlite")
    assert (tmp_path / "again.sqlite").read_bytes() == db.read_bytes()  # reruns byte-identical


def test_parquet_has_the_same_tables_typed(out, tmp_path):
    _export(out, "--format", "parquet", "-o", tmp_path / "pq", "--all-sources")
    for t in TABLES:
        table = pq.read_table(tmp_path / "pq" / f"{t.name}.parquet")
        assert table.column_names == [c.name for c in t.columns]
        types = {c.name: str(table.schema.field(c.name).type) for c in t.columns}
        assert all(types[c.name] == {"string": "string", "integer": "int64", "number": "double",
                                     "boolean": "bool"}[c.type] for c in t.columns)
    recs = pq.read_table(tmp_path / "pq" / "records.parquet").to_pylist()
    assert any(r["same_as"] for r in recs)  # --all-sources keeps the non-canonical Göteborg record


def test_csv_and_datapackage_describe_every_column(out, tmp_path):
    _export(out, "--format", "csv", "-o", tmp_path / "csv", "--kommun", "Huddinge")
    pkg = json.loads((tmp_path / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    assert pkg["profile"] == "tabular-data-package"
    for res in pkg["resources"]:
        text = (tmp_path / "csv" / res["path"]).read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(text)))
        fields = res["schema"]["fields"]
        header = next(csv.reader(io.StringIO(text)))
        assert header == [f["name"] for f in fields] and all(f["description"] for f in fields)
        for f in fields:
            for r in rows:
                v = r[f["name"]]
                if v == "":
                    assert not f.get("constraints", {}).get("required"), (res["name"], f["name"])
                elif f["type"] == "integer":
                    int(v)
                elif f["type"] == "number":
                    float(v)
                elif f["type"] == "boolean":
                    assert v in f["trueValues"] + f["falseValues"]
                if v and "enum" in f.get("constraints", {}):
                    assert v in f["constraints"]["enum"]
        keys = [tuple(r[k] for k in res["schema"]["primaryKey"]) for r in rows]
        assert len(keys) == len(set(keys))
    recs = list(csv.DictReader(io.StringIO((tmp_path / "csv" / "records.csv").read_text(encoding="utf-8"))))
    assert [r["kommun"] for r in recs] == ["Huddinge"]
    cats = next(f for r in pkg["resources"] if r["name"] == "focus_areas" for f in r["schema"]["fields"]
                if f["name"] == "category")
    assert "trafik" in cats["constraints"]["enum"]


def test_export_of_nothing_is_an_error(tmp_path):
    res = CliRunner().invoke(cli, ["export", str(tmp_path), "-o", str(tmp_path / "x.sqlite")])
    assert res.exit_code == 1 and "no records found" in res.output and not (tmp_path / "x.sqlite").exists()
