"""Records → normalized, typed tables: SQLite, Parquet, or CSV with a Frictionless
``datapackage.json``.

One description of the tables (``TABLES``) drives all three formats and the data
package, so a column means the same everywhere. Lists of codes (actors, places) are
``|``-joined text; everything a researcher filters on has its own column.
"""
from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .compare import FLAGS, measurable_flags, to_csv
from .models import PER_YEAR, ActorCode, Category, DocType, Per


@dataclass(frozen=True)
class Col:
    name: str
    type: str  # string | integer | number | boolean (Frictionless names)
    description: str
    enum: tuple[str, ...] = ()  # the codes a cell may hold
    required: bool = False
    code_list: tuple[str, ...] = ()  # a |-joined list of these codes


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Col, ...]
    primary_key: tuple[str, ...]
    foreign_key: bool = True  # record_id → records.id
    indexes: tuple[tuple[str, ...], ...] = ()


_CODES = " Codes are |-joined: "
_freq = (
    Col("times", "integer", "How many times ... (null: no count given)."),
    Col("per", "string", "... per this unit; 'period' is per promise period.", Per.__args__),
    Col("interval", "integer", "Every n-th unit (varannan vecka: per week, interval 2)."),
    Col("at_least", "boolean", "The count is a lower bound."),
    Col("approximate", "boolean", "The count is approximate."),
    Col("times_per_year", "number", "The frequency as times per year (per week = 52, per month = 12, "
        "per term = 2; per period: divided by the years of the record's period); null when unknown."),
)
TABLES: tuple[Table, ...] = (
    Table("records", "One row per record (a promise, agreement or follow-up of one kommun and period).", (
        Col("id", "string", "Record id (README, Identity).", required=True),
        Col("same_as", "string", "Id of the canonical record of the same kommun, period and doc type; "
            "null for a canonical record."),
        Col("doc_type", "string", "Document type.", DocType.__args__, required=True),
        Col("title", "string", "Title of the document or period section.", required=True),
        Col("kommun_kod", "string", "SCB code of the first (main) kommun.", required=True),
        Col("kommun", "string", "Name of the first (main) kommun.", required=True),
        Col("lokalpolisomrade", "string", "Lokalpolisområde, when named."),
        Col("polisregion", "string", "Police region of the first kommun."),
        Col("period_start", "integer", "First year of validity; null when no year was found."),
        Col("period_end", "integer", "Last year of validity."),
        Col("parties", "string", "Who makes the promise." + _CODES + ", ".join(ActorCode.__args__),
            code_list=ActorCode.__args__),
        Col("situation", "string", "The situation today, as published."),
        Col("situation_evidence", "string", "What the situation is based on (|-joined codes)."),
        Col("expected_effect", "string", "Expected effect, as published."),
        Col("activities", "integer", "Number of activities.", required=True),
        Col("measurable_share", "number", "Share of activities with all four measurability flags.", required=True),
        Col("mean_specificity", "number", "Mean specificity (0–4) of the activities; null without activities."),
        Col("warnings", "string", "What could not be read (|-joined)."),
        Col("source_url", "string", "Where the text was published.", required=True),
        Col("source_kind", "string", "Format read.", ("text", "html", "pdf"), required=True),
        Col("source_sha256", "string", "sha256 of the bytes read."),
        Col("fetched_at", "string", "When it was fetched (ISO 8601), if known."),
    ), ("id",), foreign_key=False, indexes=(("kommun_kod",), ("period_start", "period_end"), ("polisregion",))),
    Table("kommuner", "The kommuner of each record (a promise can cover several), the main one first.", (
        Col("record_id", "string", "The record.", required=True),
        Col("position", "integer", "1 for the main kommun.", required=True),
        Col("kod", "string", "SCB kommunkod.", required=True),
        Col("namn", "string", "Kommun name.", required=True),
    ), ("record_id", "position"), indexes=(("kod",),)),
    Table("focus_areas", "One row per focus area and category (a focus area can have several categories).", (
        Col("record_id", "string", "The record.", required=True),
        Col("position", "integer", "Order of the focus area in the record, from 1.", required=True),
        Col("title", "string", "The focus area as published.", required=True),
        Col("category", "string", "Taxonomy category (rules/taxonomy.yaml).", Category.__args__, required=True),
    ), ("record_id", "position", "category"), indexes=(("category",),)),
    Table("activities", "One row per activity.", (
        Col("record_id", "string", "The record.", required=True),
        Col("position", "integer", "Order of the activity in the record, from 1.", required=True),
        Col("text", "string", "The activity as published.", required=True),
        Col("focus_area", "string", "Title of its focus area, if any."),
        Col("focus_position", "integer", "Position of that focus area in focus_areas, if any."),
        Col("actors", "string", "Who carries it out." + _CODES + ", ".join(ActorCode.__args__),
            code_list=ActorCode.__args__),
        *_freq,
        Col("cadence_word", "string", "A word that says often without a count (regelbundet, löpande)."),
        Col("places", "string", "Named places (|-joined)."),
        Col("target_groups", "string", "Target-group codes (|-joined)."),
        Col("span_start", "integer", "Start offset in the extracted plain text of the source.", required=True),
        Col("span_end", "integer", "End offset.", required=True),
        *(Col(f, "boolean", d, required=True) for f, d in zip(FLAGS, (
            "Names who acts.", "Gives a count or frequency.", "Names a place (or its focus area does).",
            "Bound in time (the record has a period, or a year or within-year phrase)."))),
        Col("specificity", "integer", "How many of the four flags hold (0–4).", required=True),
    ), ("record_id", "position"), indexes=(("per",),)),
    Table("follow_ups", "How each record is followed up (records without a follow-up have no row).", (
        Col("record_id", "string", "The record.", required=True),
        Col("text", "string", "The follow-up as published.", required=True),
        *_freq,
        Col("channels", "string", "Where results are published (|-joined codes)."),
    ), ("record_id",)),
)


def _join(xs) -> str | None:
    return "|".join(xs) or None


def _frequency(f: dict | None, period: dict | None) -> dict:
    if not f:
        return {"times": None, "per": None, "interval": None, "at_least": None, "approximate": None,
                "times_per_year": None}
    if f["per"] == "period":
        per_year = 1 / (period["end"] - period["start"] + 1) if period else None
    else:
        per_year = PER_YEAR[f["per"]]
    rate = round(f["times"] * per_year / f.get("interval", 1), 4) if per_year else None
    return {"times": f["times"], "per": f["per"], "interval": f.get("interval", 1),
            "at_least": f.get("at_least", False), "approximate": f.get("approximate", False),
            "times_per_year": rate}


def rows(records: list[dict]) -> dict[str, list[dict]]:
    """The tables' rows, in a fixed order (by record id, then position)."""
    out: dict[str, list[dict]] = {t.name: [] for t in TABLES}
    for r in sorted(records, key=lambda r: r["id"]):
        p, acts, sit = r.get("period"), r["activities"], r.get("situation") or {}
        flags = [measurable_flags(a) for a in acts]
        spec = [sum(f.values()) for f in flags]
        out["records"].append({
            "id": r["id"], "same_as": r.get("same_as"), "doc_type": r["doc_type"], "title": r["title"],
            "kommun_kod": r["kommuner"][0]["kod"], "kommun": r["kommuner"][0]["namn"],
            "lokalpolisomrade": r.get("lokalpolisomrade"), "polisregion": r.get("polisregion"),
            "period_start": p["start"] if p else None, "period_end": p["end"] if p else None,
            "parties": _join(r["parties"]), "situation": sit.get("text"),
            "situation_evidence": _join(sit.get("evidence") or []), "expected_effect": r.get("expected_effect"),
            "activities": len(acts), "measurable_share": r["measurable_share"],
            "mean_specificity": round(sum(spec) / len(spec), 4) if spec else None,
            "warnings": _join(r.get("warnings") or []), "source_url": r["source"]["url"],
            "source_kind": r["source"]["kind"], "source_sha256": r["source"].get("sha256"),
            "fetched_at": r["source"].get("fetched_at")})
        for n, k in enumerate(r["kommuner"], 1):
            out["kommuner"].append({"record_id": r["id"], "position": n, "kod": k["kod"], "namn": k["namn"]})
        fa_pos = {}
        for n, fa in enumerate(r["focus_areas"], 1):
            fa_pos.setdefault(fa["title"], n)
            for c in dict.fromkeys(fa["categories"]):
                out["focus_areas"].append({"record_id": r["id"], "position": n, "title": fa["title"], "category": c})
        for n, (a, f, s) in enumerate(zip(acts, flags, spec), 1):
            out["activities"].append({
                "record_id": r["id"], "position": n, "text": a["text"], "focus_area": a.get("focus_area"),
                "focus_position": fa_pos.get(a.get("focus_area")), "actors": _join(a["actors"]),
                **_frequency(a.get("frequency"), p), "cadence_word": a.get("cadence_word"),
                "places": _join(a.get("places") or []), "target_groups": _join(a.get("target_groups") or []),
                "span_start": a["span"][0], "span_end": a["span"][1],
                **f, "specificity": s})
        fu = r.get("follow_up")
        if fu:
            out["follow_ups"].append({"record_id": r["id"], "text": fu["text"], **_frequency(fu.get("frequency"), p),
                                      "channels": _join(fu.get("channels") or [])})
    return out


# --- SQLite --------------------------------------------------------------------------------

_SQL_TYPE = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}


def ddl() -> list[str]:
    """CREATE statements: typed columns with CHECKs on booleans and codes, keys, indexes."""
    out = []
    for t in TABLES:
        cols = []
        for c in t.columns:
            check = ""
            if c.type == "boolean":
                check = f" CHECK ({c.name} IN (0, 1))"
            elif c.enum:
                check = f" CHECK ({c.name} IN ({', '.join(repr(v) for v in c.enum)}))"
            cols.append(f"  {c.name} {_SQL_TYPE[c.type]}{' NOT NULL' if c.required else ''}{check}")
        cols.append(f"  PRIMARY KEY ({', '.join(t.primary_key)})")
        if t.foreign_key:
            cols.append("  FOREIGN KEY (record_id) REFERENCES records (id)")
        out.append(f"CREATE TABLE {t.name} (\n" + ",\n".join(cols) + "\n) STRICT;")
        for idx in t.indexes:
            out.append(f"CREATE INDEX {t.name}_{'_'.join(idx)} ON {t.name} ({', '.join(idx)});")
    return out


def _temp_beside(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    return Path(tmp)


def write_sqlite(records: list[dict], path: Path) -> None:
    tmp = _temp_beside(path)
    try:
        tmp.unlink()
        con = sqlite3.connect(tmp)
        with con:
            con.execute("PRAGMA foreign_keys = ON")
            for stmt in ddl():
                con.execute(stmt)
            for t, rs in zip(TABLES, rows(records).values()):
                names = [c.name for c in t.columns]
                con.executemany(f"INSERT INTO {t.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                                [tuple(r[n] for n in names) for r in rs])
        con.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


# --- Parquet -------------------------------------------------------------------------------

def write_parquet(records: list[dict], folder: Path) -> list[Path]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ImportError('--format parquet needs pyarrow: pip install "medborgarloften[parquet]"') from None
    types = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for t, rs in zip(TABLES, rows(records).values()):
        schema = pa.schema([pa.field(c.name, types[c.type], nullable=not c.required,
                                     metadata={"description": c.description}) for c in t.columns],
                           metadata={"description": t.description, "primary_key": ",".join(t.primary_key)})
        table = pa.Table.from_pylist(rs, schema=schema)
        path = folder / f"{t.name}.parquet"
        tmp = _temp_beside(path)
        try:
            pq.write_table(table, tmp)
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        written.append(path)
    return written


# --- CSV + Frictionless data package -------------------------------------------------------

def datapackage() -> dict:
    """A Frictionless Data Package (Tabular Data Package) describing every column."""
    resources = []
    for t in TABLES:
        fields = []
        for c in t.columns:
            f = {"name": c.name, "type": c.type, "description": c.description}
            if c.type == "boolean":
                f.update(trueValues=["1"], falseValues=["0"])
            cons = {}
            if c.required:
                cons["required"] = True
            if c.enum:
                cons["enum"] = list(c.enum)
            if c.code_list:
                one = "(?:" + "|".join(c.code_list) + ")"
                cons["pattern"] = f"{one}(?:\\|{one})*"
            if cons:
                f["constraints"] = cons
            fields.append(f)
        schema = {"fields": fields, "primaryKey": list(t.primary_key), "missingValues": [""]}
        if t.foreign_key:
            schema["foreignKeys"] = [{"fields": "record_id", "reference": {"resource": "records", "fields": "id"}}]
        resources.append({"name": t.name, "path": f"{t.name}.csv", "profile": "tabular-data-resource",
                          "description": t.description, "format": "csv", "mediatype": "text/csv",
                          "encoding": "utf-8", "schema": schema})
    return {"profile": "tabular-data-package", "name": "medborgarloften",
            "title": "Medborgarlöften: Swedish citizen promises of police and kommuner, normalized",
            "description": "Exported by `promises export --format csv`. Text cells that start with = + - @, "
                           "tab or CR carry a leading single quote (CSV injection guard, see README).",
            "resources": resources}


def write_csv(records: list[dict], folder: Path) -> list[Path]:
    from .output import atomic_write

    written = []
    for t, rs in zip(TABLES, rows(records).values()):
        atomic_write(folder / f"{t.name}.csv", to_csv(rs, columns=[c.name for c in t.columns]))
        written.append(folder / f"{t.name}.csv")
    atomic_write(folder / "datapackage.json", json.dumps(datapackage(), ensure_ascii=False, indent=1) + "\n")
    return written + [folder / "datapackage.json"]
