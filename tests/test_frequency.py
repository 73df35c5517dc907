"""The frequency examples of CONTRACT.md, plus number words and non-counts."""
import pytest

from pipeline.frequency import parse_frequency

CASES = [
    ("Polisen ska patrullera minst en gång i veckan i centrum", (1, "week", 1, True)),
    ("två gånger per år", (2, "year", 1, False)),
    ("Träffarna sker två gånger årligen", (2, "year", 1, False)),
    ("Var tredje fredagskväll träffas representanter", (1, "week", 3, False)),
    ("Varje fredagskväll träffas representanter", (1, "week", 1, False)),
    ("två träffar per termin på skolor", (2, "term", 1, False)),
    ("Kommunen ska genomföra 10 tillsynsbesök på krogar", (10, "period", 1, False)),
    ("genomföra fem trygghetsdialoger", (5, "period", 1, False)),
    ("vid minst fem tillfällen genomföra insatser", (5, "period", 1, True)),
    ("veckovisa avstämningar", (1, "week", 1, False)),
    ("varje vecka", (1, "week", 1, False)),
    ("en årlig trygghetsvandring", (1, "year", 1, False)),
    ("en gång om året", (1, "year", 1, False)),
    ("fyra krogtillsyner under året", (4, "year", 1, False)),
    ("två gånger under 2019", (2, "year", 1, False)),
    ("en trygghetsvandring per år", (1, "year", 1, False)),
    ("vid ett tillfälle per vecka", (1, "week", 1, False)),
    ("minst tre (3) medborgarkontakter i snitt per vecka", (3, "week", 1, True)),
    ("minst två(2) ”riskkvällar” under året", (2, "year", 1, True)),
    ("varannan vecka", (1, "week", 2, False)),
    ("tolv trafikkontroller", (12, "period", 1, False)),
    ("femton besök", (15, "period", 1, False)),
    ("Uppföljning sker halvårsvis", (2, "year", 1, False)),
    ("följs upp tertialvis", (3, "year", 1, False)),
    ("1 ggr i veckan", (1, "week", 1, False)),
    ("Minst 1 kontakt/vecka.", (1, "week", 1, True)),
    ("2-3 ggr/vecka", (2, "week", 1, True)),              # a range: at least the lower bound
    ("minst en gång per kvartal", (4, "year", 1, True)),      # quarters are 4 / year
    ("en gång per halvår", (2, "year", 1, False)),
    ("var fjortonde dag", (1, "day", 14, False)),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_contract_examples(rules, text, expected):
    f, _ = parse_frequency(text, rules)
    assert f is not None, text
    assert (f.times, f.per, f.interval, f.at_least) == expected


@pytest.mark.parametrize("text", [
    "genomföra en kartläggning",                  # article, no count
    "Polisen lägger 1 500 timmar på arbetet",     # hours are no occurrences
    "personer i åldern 21 år och yngre",
    "36 % färre inbrott",
    "Medborgarlöfte 2023-2024",
])
def test_no_count(rules, text):
    assert parse_frequency(text, rules)[0] is None


def test_cadence_word_kept_without_count(rules):
    f, word = parse_frequency("Polisen ska regelbundet genomföra trafikkontroller", rules)
    assert f is None and word == "regelbundet"


def test_approximate(rules):
    f, _ = parse_frequency("ett hundratal besök", rules)
    assert (f.times, f.approximate, f.at_least) == (100, True, False)
    f, _ = parse_frequency("i snitt tre per vecka", rules)
    assert (f.times, f.per, f.approximate) == (3, "week", True)
