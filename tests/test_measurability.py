"""Measurability flags and specificity (0–4) on hand-written texts in the genre's shape;
the flags were checked by hand against twenty real activities (README, Measurability)."""
import pytest

import pipeline
from pipeline.models import Activity

PAGE = """Sigtuna – medborgarlöften

{period_line}

{heading}

Polisen och kommunen lovar att:

  • Polisen ska genomföra riktade insatser mot narkotikahandeln.
  • Kommunen ska under året rusta upp belysningen.
  • Minst fyra trafikkontroller per månad vid Märsta station.
"""


def _acts(period_line="Medborgarlöfte 2019", heading="Trygghet i Valsta centrum"):
    (rec,) = pipeline.extract_text(PAGE.format(period_line=period_line, heading=heading),
                                   url="https://polisen.se/x/sigtuna/")
    return rec, rec["activities"]


def test_a_place_in_the_focus_area_heading_counts_for_the_activities_under_it():
    _, acts = _acts()
    assert [a["places"] for a in acts] == [[], [], ["Märsta station"]]
    assert all(a["measurable"]["place"] for a in acts)
    _, acts = _acts(heading="Trygghet och narkotika")
    assert [a["measurable"]["place"] for a in acts] == [False, False, True]


def test_time_bound_needs_a_period_or_a_year():
    rec, acts = _acts()
    assert rec["period"] == {"start": 2019, "end": 2019} and all(a["measurable"]["time_bound"] for a in acts)
    rec, acts = _acts(period_line="Medborgarlöfte")  # "under året" with no year known binds nothing
    assert rec["period"] is None and not any(a["measurable"]["time_bound"] for a in acts)
    _, acts = _acts(period_line="Medborgarlöfte", heading="Trygghet i Valsta centrum under 2019")
    assert all(a["measurable"]["time_bound"] for a in acts)  # a year in the heading holds for all


def test_specificity_counts_the_flags():
    _, acts = _acts(period_line="Medborgarlöfte")
    assert [a["specificity"] for a in acts] == [sum(a["measurable"].values()) for a in acts]
    assert acts[2]["specificity"] == 3 and acts[2]["measurable"]["count_or_frequency"]
    a = dict(acts[0], specificity=0)  # a stored value that disagrees is recomputed from the flags
    assert Activity.model_validate(a).specificity == sum(acts[0]["measurable"].values())
    with pytest.raises(ValueError):
        Activity.model_validate(dict(acts[0], specificity=7))
