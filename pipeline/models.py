"""Typed models: the intermediate document model and the schema-1 output record.

The record models are the public contract of ``../spec/CONTRACT.md``; the JSON Schema
in ``schema/promise-record.schema.json`` is generated from them (``promises schema``).
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

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
    model_config = ConfigDict(extra="forbid")


class Source(_Strict):
    url: str
    kind: Literal["text", "html", "pdf"]
    sha256: Optional[str] = None
    fetched_at: Optional[str] = None


class Kommun(_Strict):
    kod: str = Field(pattern=r"^\d{4}$")
    namn: str


class Period(_Strict):
    start: int
    end: int


class Situation(_Strict):
    text: Optional[str] = None
    evidence: list[str] = []


class FocusArea(_Strict):
    title: str
    categories: list[Category] = Field(min_length=1)


class Frequency(_Strict):
    times: int = Field(ge=1)
    per: Per
    interval: int = Field(default=1, ge=1)
    at_least: bool = False
    approximate: bool = False


class Measurable(_Strict):
    """Flags researchers use to tell specific promises from vague ones."""

    named_actor: bool
    count_or_frequency: bool
    place: bool
    time_bound: bool


class Activity(_Strict):
    text: str
    focus_area: Optional[str] = None
    actors: list[ActorCode]
    frequency: Optional[Frequency] = None
    cadence_word: Optional[str] = None
    places: list[str] = []
    target_groups: list[str] = []
    span: tuple[int, int]
    measurable: Measurable


class FollowUp(_Strict):
    text: str
    frequency: Optional[Frequency] = None
    channels: list[str] = []


class Record(_Strict):
    schema_version: Literal["1"] = SCHEMA_VERSION
    id: str
    doc_type: DocType
    title: str
    source: Source
    kommuner: list[Kommun] = Field(min_length=1)
    lokalpolisomrade: Optional[str] = None
    polisregion: Optional[str] = None
    period: Optional[Period] = None
    parties: list[ActorCode]
    situation: Optional[Situation] = None
    focus_areas: list[FocusArea] = []
    activities: list[Activity] = []
    follow_up: Optional[FollowUp] = None
    expected_effect: Optional[str] = None
    measurable_share: float = Field(ge=0, le=1)
    warnings: list[str] = []
