"""Load the rule data in ``rules/`` (YAML vocabularies and patterns, plus the kommun list).

Rules are data: code never hard-codes a Swedish word list. A broken rule file is a
configuration error that names the file and line (exit code 2 from the CLI).
"""
from __future__ import annotations

import csv
import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

def data_dir(name: str) -> Path:
    """``rules`` or ``corpus``: the folder of the source checkout when running from one,
    else the copy installed as package data (``pipeline._<name>``, see pyproject.toml)."""
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / name).is_dir():
        return checkout / name
    return Path(str(resources.files("pipeline") / f"_{name}"))


RULES_DIR = Path(os.environ["PROMISES_RULES"]) if os.environ.get("PROMISES_RULES") else data_dir("rules")
RULE_FILES = ("actors", "activities", "frequency", "records", "sections", "taxonomy", "track")


class RuleError(Exception):
    """A rule file is missing or malformed; the message names the file (and line)."""


@dataclass(frozen=True)
class KommunRow:
    kod: str
    namn: str
    lan: str
    polisregion: str


# libyaml's parser when PyYAML has it (about ten times faster: the rule files are read at every
# start), else the pure-Python one; both build the same plain data
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path, what: str = "rule file", expect: str = "a mapping at the top level") -> dict:
    """A YAML mapping, or a one-line RuleError naming the file, the line and what is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleError(f"{path}: cannot read {what} ({exc.strerror})") from None
    try:
        data = yaml.load(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f":{mark.line + 1}" if mark is not None else ""
        raise RuleError(f"{path}{where}: malformed YAML ({exc.problem})") from None
    except yaml.YAMLError as exc:
        raise RuleError(f"{path}: malformed YAML ({exc})") from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}: expected {expect}")
    return data


@dataclass(frozen=True, eq=False)
class Rules:
    """All rule data; hashed by identity so derived tables can be cached per load."""

    actors: dict
    activities: dict
    frequency: dict
    records: dict
    sections: dict
    taxonomy: dict
    track: dict
    kommuner: tuple[KommunRow, ...]
    fingerprint: str


def _load_kommuner(path: Path) -> tuple[KommunRow, ...]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        return tuple(KommunRow(r["kommunkod"], r["kommun"], r["lan"], r["polisregion"]) for r in rows)
    except (OSError, KeyError) as exc:
        raise RuleError(f"{path}: cannot read kommun list ({exc})") from None


@lru_cache(maxsize=4)
def load_rules(rules_dir: str | None = None) -> Rules:
    base = Path(rules_dir) if rules_dir else RULES_DIR
    data = {name: load_yaml(base / f"{name}.yaml") for name in RULE_FILES}
    kommuner = _load_kommuner(base / "kommuner.csv")
    digest = hashlib.sha256()
    for name in sorted(RULE_FILES):
        digest.update((base / f"{name}.yaml").read_bytes())
    digest.update((base / "kommuner.csv").read_bytes())
    return Rules(kommuner=kommuner, fingerprint=digest.hexdigest(), **data)
