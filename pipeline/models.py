"""Typed models: the intermediate document model and the schema-1 output record.

The record models are the public contract of ``../spec/CONTRACT.md``; the JSON Schema
in ``schema/promise-record.schema.json`` is generated from them (``promises schema``).
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1"

ActorCode = Literal[
    "polisen", "kommunen", "raddningstjansten", "region", "lansstyrelsen", "skola",
    "naringsliv", "fastighetsagare", "civilsamhalle", "ovriga",
]
Category = Literal[
    "trafik", "unga", "gang", "utsatta_omraden", "offentlig_miljo", "narkotika",
    "nara_relation", "brottsoffer", "mangdbrott", "kriminell_ekonomi", "ovrigt",
]
DocType = Literal["medborgarlofte", "samverkansoverenskommelse", "uppfoljning"]
Per = Literal["day", "week", "month", "term", "year", "period"]
PER_YEAR = {"day": 365, "week": 52, "month": 12, "term": 2, "year": 1}  # each unit but "period", per year


# --- intermediate document model (what every backend produces) -------------------------

BlockKind = Literal["heading", "paragraph", "item"]


class Block(BaseModel):
    """One structural unit of extracted plain text; offsets point into ``Document.text``."""

    kind: BlockKind
    text: str
    start: int
    end: int


class Document(BaseModel):
    """Plain text with structure, independent of the source format (txt, html, pdf)."""

    path: str
    url: str
    kind: Literal["text", "html", "pdf"]
    sha256: str
    fetched_at: Optional[str] = None
    text: str
    blocks: list[Block]


# --- schema 1 record ---------------------------------------------------------------------

class _Strict(BaseModel):
    # Every field is always written (null or [] when empty), so in the published schema
    # every field is required, also those with a default.
    model_config = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True)


def _f(description: str, default=..., **kw):
    return Field(default, description=description, **kw)


class Source(_Strict):
    """Where the record was read from."""

    url: str = _f("The page or PDF the text was published at (or seed:<name> for a bundled text without a known url).")
    kind: Literal["text", "html", "pdf"] = _f("The format the text was read from.")
    sha256: Optional[str] = _f("sha256 of the bytes read.", None)
    fetched_at: Optional[str] = _f("When the crawler fetched it (ISO 8601, UTC); null when not known.", None)


class Kommun(_Strict):
    kod: str = _f("SCB kommunkod, four digits.", pattern=r"^\d{4}$")
    namn: str = _f("Kommun name as SCB writes it.")


class Period(_Strict):
    start: int = _f("First year the promise is valid.")
    end: int = _f("Last year the promise is valid (equal to start for one year).")


class Situation(_Strict):
    text: Optional[str] = _f("The description of the situation today (lägesbild), as published.", None)
    evidence: list[str] = _f("What the situation is based on: codes from rules/sections.yaml `evidence`.", [])


class FocusArea(_Strict):
    title: str = _f("The focus area as the text names it.")
    categories: list[Category] = _f("Taxonomy categories (rules/taxonomy.yaml), at least one.", min_length=1)


class Frequency(_Strict):
    times: int = _f("How many times ...", ge=1)
    per: Per = _f("... per this unit (period: per promise period).")
    interval: int = _f("Every n-th unit (varannan vecka: per week, interval 2).", 1, ge=1)
    at_least: bool = _f("A lower bound (minst, minimum, åtminstone).", False)
    approximate: bool = _f("An approximate count (cirka, ungefär).", False)


class Measurable(_Strict):
    """Flags researchers use to tell specific promises from vague ones."""

    named_actor: bool = _f("The text or its heading names who acts.")
    count_or_frequency: bool = _f("A count or frequency is given.")
    place: bool = _f("A named place is given, in the text or in its focus-area heading.")
    time_bound: bool = _f("The record has a period, or the activity names a year or a within-year phrase.")


class Activity(_Strict):
    text: str = _f("The activity as published.")
    focus_area: Optional[str] = _f("Title of the focus area it is listed under, if any.", None)
    actors: list[ActorCode] = _f("Who carries it out (actor codes, rules/actors.yaml).")
    frequency: Optional[Frequency] = _f("How often, when the text says so with a number.", None)
    cadence_word: Optional[str] = _f("A word that says often but gives no count (regelbundet, löpande).", None)
    places: list[str] = _f("Named places.", [])
    target_groups: list[str] = _f("Target-group codes (rules/activities.yaml `target_groups`).", [])
    span: tuple[int, int] = _f("Character offsets of the activity in the extracted plain text of the source.")
    measurable: Measurable = _f("The four measurability flags.")
    specificity: int = _f("How many of the four measurability flags hold: 0 (vague) to 4 (specific), "
                          "an ordinal scale as in pledge-specificity research.", 0, ge=0, le=4)

    @model_validator(mode="after")
    def _count_flags(self):
        """Derived from the flags here, so it can never disagree with them (read from the
        model's field values directly: ``model_dump`` costs a serializer pass)."""
        self.specificity = sum(vars(self.measurable).values())
        return self


class FollowUp(_Strict):
    text: str = _f("How the promise is followed up, as published.")
    frequency: Optional[Frequency] = _f("How often it is followed up.", None)
    channels: list[str] = _f("Where results are published: codes from rules/sections.yaml `channels`.", [])


class Record(_Strict):
    schema_version: Literal["1"] = _f("Version of this schema.", SCHEMA_VERSION)
    id: str = _f("Stable id: <kommun slug>-<start>[-<end>][-<doc type>] for the canonical record, "
                 "with -<6 hex of sha256(url)> for another source of the same (README, Identity).")
    same_as: Optional[str] = _f("For a record that is not canonical: the id of the canonical record "
                                "of the same kommun, period and doc type; null for a canonical record.", None)
    doc_type: DocType = _f("A promise, a cooperation agreement, or a follow-up report.")
    title: str = _f("Title of the document (or of its period section).")
    source: Source = _f("The document the record was read from.")
    kommuner: list[Kommun] = _f("The kommuner the promise is for, the main one first.", min_length=1)
    lokalpolisomrade: Optional[str] = _f("Lokalpolisområde, when the text names it.", None)
    polisregion: Optional[str] = _f("Police region of the first kommun.", None)
    period: Optional[Period] = _f("Years the promise is valid; null when no year is found.", None)
    parties: list[ActorCode] = _f("Who makes the promise (actor codes).")
    situation: Optional[Situation] = _f("The situation the promise starts from.", None)
    focus_areas: list[FocusArea] = _f("Focus areas with their categories.", [])
    activities: list[Activity] = _f("The concrete activities promised.", [])
    follow_up: Optional[FollowUp] = _f("How the promise is followed up.", None)
    expected_effect: Optional[str] = _f("The effect the parties expect, as published.", None)
    measurable_share: float = _f("Share of activities with all four measurability flags (0 when none).", ge=0, le=1)
    warnings: list[str] = _f("What could not be read (for example: no year found: period is null).", [])
