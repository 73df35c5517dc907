"""A small report site for the tests: real pages of the bundled corpus (three kommuner with
several periods, kommuner whose names start with Å, Ä, Ö, A and U, and three promises with
their follow-up reports: Strängnäs 2019, Grästorp 2021, Svedala 2017 by its first quarter),
extracted by the real pipeline, plus one record copied with a hostile source url and page text."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from pipeline.batch import run_batch

from conftest import CORPUS

STEMS = ("*lysekil*", "*tjorn*", "*grastorp*", "polisen-se__orebro*", "polisen-se__angelholm",
         "www-amal-se__medborgarlofte", "polisen-se__alvesta*", "polisen-se__umea", "polisen-se__ostersund",
         "polisen-se__strangnas-2", "www-strangnas-se__2020-01-28-uppfoljning-av-medborgarloftet-2019",
         "polisen-se__uppfoljning-medborgarlofte-2021", "polisen-se__svedala",
         "svedala-se__kvartalsrapport-lokala-medborgarloften-i-svedala-kommun")
HOSTILE_URL = "javascript:alert(document.domain)"
HOSTILE_TEXT = "Polisen <script>alert(1)</script> håller **möten** | [länk](javascript:x) varje vecka."


def extract_subset(tmp: Path) -> Path:
    src, out = tmp / "src", tmp / "out"
    src.mkdir()
    for pattern in STEMS:
        for f in (CORPUS / "pages").glob(pattern + ".*"):
            shutil.copyfile(f, src / f.name)
    res = run_batch([str(src)], out)
    assert res.failures == [] and len(res.records) >= 15
    return out


def site_records(out: Path) -> list[dict]:
    """The records the report shows: the canonical ones."""
    from pipeline.identity import canonical
    from pipeline.output import load_records

    return canonical(load_records(out))


def site_track(out: Path):
    """The follow-up tracker's result for the site's records (follow-up pages from the corpus)."""
    from pipeline.rules import load_rules
    from pipeline.track import track_records

    return track_records(site_records(out), load_rules(), CORPUS)


def add_hostile_record(out: Path) -> dict:
    """A copy of a real Umeå record whose url is javascript: and whose text carries HTML."""
    path = sorted(out.glob("umea-*.json"))[0]
    r = json.loads(path.read_text(encoding="utf-8"))
    r["id"] = "umea-hostile"
    r["period"] = None
    r["source"]["url"] = HOSTILE_URL
    r["title"] = "<img src=x onerror=alert(2)>"
    if r["activities"]:
        r["activities"][0]["text"] = HOSTILE_TEXT
    (out / "umea-hostile.json").write_text(json.dumps(r, ensure_ascii=False), encoding="utf-8")
    with (out / "records.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return r
