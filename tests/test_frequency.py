"""The frequency examples of CONTRACT.md, plus the genre's patterns (rules/frequency.yaml
names a page for each), number words and non-counts. The sentences are made up in the
genre's wording, not copied from a known file."""
import pytest

from pipeline.frequency import parse_frequency

CASES = [
    ("Polisen ska patrullera minst en gång i veckan i centrum", (1, "week", 1, True)),
    ("två gånger per år", (2, "year", 1, False)),
    ("Träffarna sker två gånger årligen", (2, "year", 1, False)),
    ("Var tredje fredagskväll träffas representanter", (1, "week", 3, False)),
    ("Varje fredagskväll träffas representanter", (1, "week", 1, False)),
    ("två träffar per termin på skolor", (2, "term", 1, False)),
    ("två besök per läsår på varje skola", (2, "year", 1, False)),
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
    ("2-3 ggr/vecka", (2, "week", 1, False)),             # a range: the lower bound, no "minst"
    ("minst en gång per kvartal", (4, "year", 1, True)),      # quarters are 4 / year
    ("en gång per halvår", (2, "year", 1, False)),
    ("var fjortonde dag", (1, "day", 14, False)),
]


PATTERNS = [
    # number words past twenty, built from their parts
    ("Polisen lovar att genomföra minst femtiotvå hastighetskontroller.", (52, "period", 1, True)),
    ("Polisen ska genomföra trettio (30) trafikkontroller i kommunen.", (30, "period", 1, False)),
    ("Vi genomför tjugoen riktade insatser.", (21, "period", 1, False)),
    # things that happen: meetings of every kind
    ("Kommunen och polisen håller fyra avstämningar om lägesbilden.", (4, "period", 1, False)),
    ("Polisen deltar i två sammankomster med föreningslivet.", (2, "period", 1, False)),
    ("Polisen genomför tvåhundrafemtio kontroller.", (250, "period", 1, False)),
    ("Polisen har genomfört ett trettiotal kontroller.", (30, "period", 1, False)),
    # a length of time with a unit after it is a rate
    ("Städning av torget sker fem dagar i veckan.", (5, "week", 1, False)),
    ("Poliskontoret är öppet två dagar per vecka.", (2, "week", 1, False)),
    ("Minst två veckor per år ska polisen kontrollera cyklister på gågatan.", (2, "year", 1, True)),
    ("Polisiär närvaro fyra kvällar i veckan under sommaren.", (4, "week", 1, False)),
    # per year: after the count, or as the sentence's time frame
    ("Polisen ska patrullera tre gånger på året.", (3, "year", 1, False)),
    ("Kommunen håller trygghetsvandringar fyra gånger om året.", (4, "year", 1, False)),
    ("Polisen genomför 12 insatser under 2024.", (12, "year", 1, False)),
    ("Under 2024 genomför polisen 12 trafikinsatser.", (12, "year", 1, False)),
    ("Vi ska under året genomföra en kartläggning av otrygga platser.", (1, "year", 1, False)),
    ("Polis och kommun ska finnas på plats vid minst två riskkvällar 2025.", (2, "year", 1, True)),
    ("Kommunen genomför en trygghetsvandring under löftesperioden.", (1, "period", 1, False)),
    ("Vi genomför 12 insatser under 2024–2025.", (12, "period", 1, False)),
    # quarters, tertials and half-years are parts of a year
    ("Polisen genomför sex insatser per kvartal.", (24, "year", 1, False)),
    ("Resultatet redovisas varje kvartal.", (4, "year", 1, False)),
    ("Uppföljning sker varje tertial.", (3, "year", 1, False)),
    ("Polisen genomför insatser minst två gånger per halvår.", (4, "year", 1, True)),
    # every …
    ("Kommunen ska genomföra medborgardialoger minst varannat år.", (1, "year", 2, True)),
    ("Kommunen och polisen tar vartannat år fram nya medborgarlöften.", (1, "year", 2, False)),
    ("Arbetet följs upp i slutet av respektive år.", (1, "year", 1, False)),
    ("Fritidsgården samordnar varje oktober en trygghetsvandring.", (1, "year", 1, False)),
    # months named together after a once-a-year word: that many occasions a year
    ("Löftet ska följas upp årligen i mars och oktober av parterna.", (2, "year", 1, False)),
    ("Kommunen redovisar arbetet varje år i april, augusti och december.", (3, "year", 1, False)),
    ("Rådet träffas årligen i september.", (1, "year", 1, False)),
    ("Polisen ökar närvaron under alla lördagskvällar vid torget.", (1, "week", 1, False)),
    ("Nattvandrarna går alla helger i centrum.", (1, "week", 1, False)),
    # weekdays named together: that many occasions a week ("eller": one of them)
    ("Polisen förstärker närvaron alla fredags- och lördagskvällar vid torget.", (2, "week", 1, False)),
    ("Nattvandrarna går varje fredag och lördag i centrum.", (2, "week", 1, False)),
    ("Fältarna finns på plats varje fredag eller lördag.", (1, "week", 1, False)),
    # … and a count before weekdays that share a noun counts that noun, as before
    ("Polisen genomför två fredags- och lördagskvällar med förstärkt närvaro.", (2, "period", 1, False)),
    # at least: any noun but people, things, results
    ("Polisen genomför minst ett hundsök i skolmiljö.", (1, "period", 1, True)),
    ("Kommunen ska planera in minst en temadag för eleverna.", (1, "period", 1, True)),
    ("Minst fyra i förväg planerade narkotikainsatser på torget.", (4, "period", 1, True)),
    ("Minst två så kallade ”Ungdomsveckor” per år ska genomföras.", (2, "year", 1, True)),
    ("Utföra minst 4 narkotika insatser mot ungdomar.", (4, "period", 1, True)),
    ("Minst tre serveringsställen per år ska få tillsyn.", (3, "year", 1, True)),
    ("Polisen gör så många kontroller som möjligt, men minst 20 stycken.", (20, "period", 1, True)),
    ("Polisen genomför två till tre skolbesök per termin.", (2, "term", 1, False)),
    ("Kommunen håller minst två till tre föräldraträffar per termin.", (2, "term", 1, True)),
    # follow-up pages: counts of what was done are occurrences
    ("Polisen har upprättat 1 700 orosanmälningar.", (1700, "period", 1, False)),
    ("Under perioden har 2 406 hotspots blivit patrullerade.", (2406, "period", 1, False)),
    ("Genomfört 12 föräldrafrukostar under året.", (12, "year", 1, False)),
    ("Polisen har genomfört 30 trafikinsatser.", (30, "period", 1, False)),
    # results reported as done on a follow-up page are what was done
    ("Utöver detta har polisen skrivit 40 anmälningar om trafikbrott.", (40, "period", 1, False)),
    ("Under året har 90 ordningsförelägganden utfärdats.", (90, "year", 1, False)),
    # spring and autumn named together: once each half of the year
    ("Kommunen bjuder in till trygghetsvandringar vår och höst.", (2, "year", 1, False)),
    ("Polisen genomför fyra riktade kontroller vår respektive höst.", (8, "year", 1, False)),
    ("Polisen genomför vid minst två tillfällen under året, höst och vår, insatser.",
     (2, "year", 1, True)),
    # every form of the adverb adjectives
    ("Daglig patrullering i centrum utifrån lägesbilden.", (1, "day", 1, False)),
    ("Polisen och kommunen har en månatlig avstämning.", (1, "month", 1, False)),
    # an interval in one word: every third month
    ("Inriktningen prövas med tremånadersintervaller.", (1, "month", 3, False)),
    # clock hours are no count, the weekday is
    ("Det mobila poliskontoret står på torget 9-13 varje onsdag.", (1, "week", 1, False)),
    # the end of the year is once a year; a count in the sentence wins
    ("Löftet följs upp av kommunen och polisen före årets slut.", (1, "year", 1, False)),
    ("Polisen genomför minst två gånger under året en uppföljning, i slutet av året en utvärdering.",
     (2, "year", 1, True)),
    # two counts of the same thing add up
    ("Polisen genomför två trygghetsvandringar i centrum samt två trygghetsvandringar i hamnen.",
     (4, "period", 1, False)),
]


@pytest.mark.parametrize("text,expected", CASES + PATTERNS)
def test_contract_examples(rules, text, expected):
    f, _ = parse_frequency(text, rules)
    assert f is not None, text
    assert (f.times, f.per, f.interval, f.at_least) == expected


@pytest.mark.parametrize("text", [
    "genomföra en kartläggning",                  # article, no count
    "Polisen lägger 1 500 timmar på arbetet",     # hours are no occurrences
    "Polisen ska lägga 400 timmar per år i centrum",
    "personer i åldern 21 år och yngre",
    "36 % färre inbrott",
    "Kommunens kontaktcenter: vardagar 8-12, 13-16",          # opening hours, not a range of counts
    "Har du frågor kan du höra av dig till kommunpolisen, telefon 010-22 333 44 e-post polisen@polisen.se",
    "Medborgarlöfte 2023-2024",
    "Polisen ska upptäcka minst 40 narkotikabrott",          # results
    "Målet är att skriva minst 30 anmälningar till socialtjänsten.",
    "Polisen ska göra minst 15 ingripanden mot langning.",
    "Polisen ska rapportera minst 100 cyklister och gångtrafikanter.",  # road users
    "Kommunen bjuder in minst 40 företag och föreningar till dialog.",
    "Som brottsaktiv räknas den som förekommer med minst sex misstankar i två ärenden.",
    "Vi ska starta fem nya grannsamverkansområden",           # areas started are results
    "Grannsamverkansområden ska startas upp, minst två per år.",
    "Över 500 elever har träffat polisen under en halvdag.",  # people
    "Polisen har beslagtagit 50 vapen.",                      # things
    "Kommunen ska byta belysning i gångtunnlar (två tunnlar per år).",  # places
    "Rapporterat 16 förare som kört påverkade.",
    "14 fall av rattfylleri har rapporterats. Av dessa har 9 handlat om droger.",
    "Elever i årskurs 8 träffar polis och räddningstjänst.",  # a school year
    "Uppföljning görs före 2025-12-31 av BRÅ.",               # a date
    "Kommunen ska under året verka för att skapa ett lokalt BRÅ.",  # an article
    "För att skapa förutsättningar för en god dialog ska vi under året möta invånarna.",
    "Polisen genomför en insats under sex månader.",          # a duration
    "Polisen arbetar utöver det dagliga arbetet mot narkotika.",
    "Kommunen hjälper personer till en daglig sysselsättning.",
    "Polisen besöker alla skolor i kommunen.",
    "Ett bra samarbete för våra tre kommunerna har tagits fram.",
    "Polisen har under 2021 genomfört en rad insatser mot narkotika.",  # a vague quantity
    "Totalt har över 600 enkäter besvarats av invånarna.",
    "Utifrån dialogerna har tre problembilder valts ut.",
    "Beslutet {486A185.779/2018} förlänger löftet.",                    # a case number
    "Informationen sprids med hänsyn till covid-19 digitalt.",
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


def test_a_part_is_not_added(rules):
    f, _ = parse_frequency("Polisen genomför 10 trafikkontroller per år, varav 5 trafikkontroller i Hjo.", rules)
    assert (f.times, f.per) == (10, "year")
