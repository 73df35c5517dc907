"""Identity: one record per (url, period, doc type); a canonical record per plain id that
adding a source never renames (pipeline/identity.py, README "Identity")."""
import json

from click.testing import CliRunner

from pipeline.cli import cli

from conftest import ROOT

PROMISE = "Ale – medborgarlöften\n\nMedborgarlöfte 2024\n\n  • Polisen ska genomföra minst två trafikkontroller per månad.\n"
POLICE = "https://polisen.se/om-polisen/medborgarloften/vastra-gotaland/ale/"
KOMMUN = "https://www.ale.se/trygghet/medborgarlofte"


def _doc(folder, name, url, fetched_at=None, text=PROMISE):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    meta = {"url": url, **({"fetched_at": fetched_at} if fetched_at else {})}
    (folder / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")


def _extract(*args):
    res = CliRunner().invoke(cli, ["extract", *map(str, args)])
    assert res.exit_code == 0, res.output
    return res


def _records(out):
    return {r["id"]: r for r in map(json.loads, (out / "records.jsonl").read_text(encoding="utf-8").splitlines())}


def test_same_url_read_twice_is_one_record_newest_read_wins(tmp_path):
    _doc(tmp_path / "in" / "snapshot", "ale", POLICE)
    _doc(tmp_path / "in" / "crawl", "ale", POLICE, fetched_at="2026-01-02T03:04:05Z",
         text=PROMISE.replace("två", "tre"))
    res = _extract(tmp_path / "in", "-o", tmp_path / "out")
    recs = _records(tmp_path / "out")
    assert list(recs) == ["ale-2024"]
    assert recs["ale-2024"]["source"]["fetched_at"] == "2026-01-02T03:04:05Z"
    assert recs["ale-2024"]["activities"][0]["frequency"]["times"] == 3
    notes = [line for line in res.output.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and "snapshot/ale.txt" in notes[0] and "older read" in notes[0]
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == ["ale-2024.json"]


def test_polisen_is_canonical_and_the_other_source_points_to_it(tmp_path):
    _doc(tmp_path / "in", "kommun", KOMMUN)
    _doc(tmp_path / "in", "police", POLICE)
    _extract(tmp_path / "in", "-o", tmp_path / "out")
    recs = _records(tmp_path / "out")
    assert recs["ale-2024"]["source"]["url"] == POLICE and recs["ale-2024"]["same_as"] is None
    (other,) = [r for i, r in recs.items() if i != "ale-2024"]
    assert other["id"].startswith("ale-2024-") and len(other["id"]) == len("ale-2024-") + 6
    assert other["same_as"] == "ale-2024" and other["source"]["url"] == KOMMUN


def test_adding_a_source_never_renames_the_canonical_record(tmp_path):
    _doc(tmp_path / "in", "kommun", KOMMUN)
    out = tmp_path / "out"
    _extract(tmp_path / "in", "-o", out)
    assert _records(out)["ale-2024"]["source"]["url"] == KOMMUN
    _doc(tmp_path / "in", "police", POLICE)  # a source the rule would rank first
    _extract(tmp_path / "in", "-o", out)
    recs = _records(out)
    assert recs["ale-2024"]["source"]["url"] == KOMMUN and recs["ale-2024"]["same_as"] is None
    (police,) = [r for r in recs.values() if r["source"]["url"] == POLICE]
    assert police["same_as"] == "ale-2024"
    # a fresh folder applies the rule; --ids-from carries the earlier choice over
    _extract(tmp_path / "in", "-o", tmp_path / "fresh")
    assert _records(tmp_path / "fresh")["ale-2024"]["source"]["url"] == POLICE
    _extract(tmp_path / "in", "-o", tmp_path / "carried", "--ids-from", out)
    assert _records(tmp_path / "carried") == recs


def test_schema_requires_and_describes_every_field():
    schema = json.loads((ROOT / "schema" / "promise-record.schema.json").read_text(encoding="utf-8"))
    for name, d in [("Record", schema), *schema["$defs"].items()]:
        props = d["properties"]
        assert sorted(d["required"]) == sorted(props), name
        assert all(p.get("description") for p in props.values()), name
    assert "same_as" in schema["properties"]


def test_resume_keeps_ids_and_files_consistent(tmp_path):
    _doc(tmp_path / "in", "kommun", KOMMUN)
    out = tmp_path / "out"
    _extract(tmp_path / "in", "-o", out)
    _doc(tmp_path / "in", "police", POLICE)
    _doc(tmp_path / "in", "again", KOMMUN, fetched_at="2026-03-01T00:00:00Z")  # a newer read of the same url
    _extract(tmp_path / "in", "-o", out, "--resume")
    recs = _records(out)
    assert recs["ale-2024"]["source"] == {**recs["ale-2024"]["source"], "url": KOMMUN,
                                          "fetched_at": "2026-03-01T00:00:00Z"}
    assert sorted(p.stem for p in out.glob("*.json")) == sorted(recs)
    res = _extract(tmp_path / "in", "-o", out, "--resume")
    assert _records(out) == recs and "0 failed" in res.output
