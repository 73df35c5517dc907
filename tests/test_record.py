"""Record-level reading: kommun, period, document type. Short texts in the genre's wording
(rules/records.yaml names a corpus page for each pattern), not copies of known files."""
import re

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.extract import extract_path
from pipeline.record import _finditer, _start_needles, find_doc_type, find_kommuner, find_lpo, validity_period


@pytest.mark.parametrize("title,text,expected", [
    ("Medborgarlöfte Ale kommun 2023", "", ["Ale"]),           # the name is not "Medborgarlöfte Ale"
    ("Trygghetslöfte Upplands Väsby 2024", "", ["Upplands Väsby"]),
    ("Nytt medborgarlöfte", "Polisen och Lerums kommun lovar att patrullera.", ["Lerum"]),
    ("Nyheter", "Medborgarlöfte Ale kommun och polisen har tecknat ett löfte.", ["Ale"]),
])
def test_kommun_in_a_run_of_capitalized_words(rules, title, text, expected):
    found = find_kommuner("file:///tmp/page.html", title, text, rules)
    assert [k.namn for k in found] == expected


@pytest.mark.parametrize("text", [
    "Ett gemensamt medborgarlöfte i Ludvika och Smedjebacken kommuner.",
    "Löftet är en del av överenskommelsen mellan kommunerna i Ludvika och Smedjebacken.",
])
def test_kommuner_sharing_a_promise(rules, text):
    found = find_kommuner("https://polisen.se/x/ludvika/", "Ludvika – medborgarlöften", text, rules)
    assert [k.namn for k in found] == ["Ludvika", "Smedjebacken"]
    other = find_kommuner("https://polisen.se/x/falun/", "Falun – medborgarlöften", text, rules)
    assert [k.namn for k in other] == ["Falun"]  # a list without the page's own kommun is not its


def test_lone_heading_html_page_names_its_kommun(write, rules, nlp):
    path = write("page.html", "<html><body><h1>Medborgarlöfte Ale kommun 2023</h1></body></html>")
    res = extract_path(path, rules, nlp)
    assert res.error is None, res.error
    rec = res.records[0]
    assert [k.namn for k in rec.kommuner] == ["Ale"] and (rec.period.start, rec.period.end) == (2023, 2023)


@pytest.mark.parametrize("title,expected", [
    ("Uppföljning 2021 medborgarlöfte Storby", "uppfoljning"),
    ("Så har vi uppfyllt vårt löfte 2021-2022", "uppfoljning"),
    ("Utvärdering av medborgarlöftet 2023", "uppfoljning"),
    ("Årsuppföljning av medborgarlöftena i Storby 2021-2022", "uppfoljning"),
    ("Återkoppling på arbetet med medborgarlöftet i Storby 2023", "uppfoljning"),
    ("Överenskommelse mellan kommunen och polisen för ett tryggare Storby", "samverkansoverenskommelse"),
    ("Storby – medborgarlöften", "medborgarlofte"),
    ("Rapportera otrygg plats", "medborgarlofte"),
])
def test_doc_type_from_title(rules, title, expected):
    assert find_doc_type(title, rules) == expected


@pytest.mark.parametrize("text,expected", [
    # a report whose title names no type: its lead says what was done to keep the promise
    ("Året har varit speciellt, men trots det har polisen genomfört insatser för att uppfylla "
     "medborgarlöftet i Storby. I medborgarlöftet för 2021 lovade polisen …", "uppfoljning"),
    ("Polisen och kommunen lovar att genomföra insatser för att minska brotten.", "medborgarlofte"),
    # a news item on how the promise went: "Nu är … löftena genomförda", "Nu har … löftet följts upp"
    ("Storby kommun och polisen har gemensamma medborgarlöften under 2021. Nu är de flesta av löftena "
     "genomförda och resten är på gång.", "uppfoljning"),
    ("Polisen och kommunen gick samman om ett medborgarlöfte 2021. Nu har löftet följts upp.", "uppfoljning"),
    ("Alla aktiviteter i medborgarlöftena pågår eller är genomförda. Läs mer i rapporten.", "medborgarlofte"),
])
def test_doc_type_from_the_lead(rules, text, expected):
    assert find_doc_type("Problemområden och polisens del i medborgarlöftet 2021", rules, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Medborgarlöftet innehåller konkreta aktiviteter och gäller under hela 2021.", (2021, 2021)),
    ("Löftet gäller från 2022 till och med 2024.", (2022, 2024)),
    ("Samverkansöverenskommelsen gäller 2020-2023 och ska förhindra brott.", (2020, 2023)),
    ("Detta medborgarlöfte löper under 2018 eller till dess att nytt löfte undertecknats.", (2018, 2018)),
    ("Löftet gäller under tiden 20200601-20221231", (2020, 2022)),
    ("Avtalet gäller från 1/3 2021 till 28/2 2022.", (2021, 2022)),
    ("Båda parter är överens om att löftet gäller i 4 månader fr.o.m 1/11 -2022.", (2022, 2023)),
    ("Löftet gäller i sex månader från 1 mars 2023.", (2023, 2023)),
    ("Nu är parterna klara med målet för samarbetet för resten av året samt 2024.", (2023, 2024)),
    ("Inriktning för medborgarlöftet under maj till och med september 2022 kommer att vara:", (2022, 2022)),
    ("Medborgarlöftet gäller från 1 april 2018 till och med 31 mars 2019.", (2018, 2019)),
    ("Vad gäller inbrott anmäldes fler brott under 2023.", None),    # "vad gäller" is no validity
    ("Vi har lyssnat under oktober-november 2016 på invånarna.", None),
    # a date may open with its weekday; a day/month date before a dated end
    ("Insatsen pågår fram till och med fredagen den 12 juni 2020, då den utvärderas.", (2020, 2020)),
    ("Dialogerna ligger till grund för löftena under perioden 1/9 – 31/12 2021.", (2021, 2021)),
    ("Löftet kommer att sträcka sig över perioden 2020-01-01—2021-12-31.", (2020, 2021)),  # an em dash
    # a section heading for the time the promise runs, its years on its line or the next
    ("Ansvaret delas av polis och kommun.\nGenomförande 2024-2026\nArbetet följs upp varje år.", (2024, 2026)),
    ("Tidsram\n2021 – 2022\nUppföljning sker i brottsförebyggande rådet.", (2021, 2022)),
    ("Genomförande av trygghetsvandringar sker under hösten 2019 i centrum.", None),
])
def test_validity_statements(rules, text, expected):
    assert validity_period(text, rules, None) == expected


def test_stated_end_starts_at_publication_when_no_signing(rules):
    assert validity_period("Det nya medborgarlöftet gäller till och med maj 2022.", rules, 2021) == (2021, 2022)
    # a signing year wins over the publication
    text = "Löftet undertecknades den 2 mars 2020 och gäller till och med maj 2022."
    assert validity_period(text, rules, 2021) == (2020, 2022)


def _period(write, rules, nlp, text, name="p.txt"):
    rec = extract_path(write(name, text, url="https://storby.se/nyheter/lofte/"), rules, nlp).records[0]
    return rec.period and (rec.period.start, rec.period.end)


def test_length_of_period_from_the_signing_year(write, rules, nlp):
    text = ("Nytt medborgarlöfte i Lerums kommun\n\n"
            "Den 3 mars 2022 undertecknade kommunstyrelsens ordförande och lokalpolisområdeschefen "
            "ett medborgarlöfte. Under den kommande treårsperioden lovar parterna att fokusera på "
            "trafiken.\n\n  • Polisen ska genomföra trafikkontroller vid skolorna.\n")
    assert _period(write, rules, nlp, text) == (2022, 2024)


def test_two_year_promise_from_its_signing(write, rules, nlp):
    text = ("Nyheter Lerums kommun\n\nEtt tvåårigt medborgarlöfte undertecknades den 5 maj 2021 av "
            "kommunen och polisen.\n\n  • Polisen ska genomföra trafikkontroller vid skolorna.\n")
    assert _period(write, rules, nlp, text) == (2021, 2022)


def test_year_in_prose_gives_the_period(write, rules, nlp):
    text = ("Lerums kommun och polisen\n\nMedborgarlöfte i Lerums kommun för år 2018-2019.\n\n"
            "  • Polisen ska genomföra trafikkontroller vid skolorna.\n")
    assert _period(write, rules, nlp, text) == (2018, 2019)
    text = ("Nytt löfte för Lerum\n\nPolisen och Lerums kommun fortsätter att utbilda krögare under 2020.\n\n"
            "  • Polisen ska genomföra trafikkontroller vid skolorna.\n")
    assert _period(write, rules, nlp, text, "q.txt") == (2020, 2020)


def test_news_page_without_a_year_is_dated_by_publication(write, rules, nlp):
    body = ("Polisen och Lerums kommun presenterar nu årets medborgarlöfte.\n\n"
            "  • Polisen ska genomföra trafikkontroller vid skolorna.\n")
    def period(name, text, url):
        rec = extract_path(write(name, text, url=url), rules, nlp).records[0]
        return rec.period and (rec.period.start, rec.period.end)
    # the date in the url; a page of December presents next year's promise
    assert period("a.txt", "Nytt löfte i Lerum\n\n" + body, "https://lerum.se/nyheter/2021-05-19-nytt-lofte/") == (2021, 2021)
    assert period("b.txt", "Nytt löfte i Lerum\n\n" + body, "https://lerum.se/2016/12/16/nytt-lofte/") == (2017, 2017)
    # a date line of the page wins over the url; an update date is none
    text = "Nytt löfte i Lerum\n\nPressmeddelande   •   Mar 06, 2020 08:52 CET\n\n" + body
    assert period("c.txt", text, "https://lerum.se/2019/12/16/x/") == (2020, 2020)
    text = "Nytt löfte i Lerum\n\n" + body + "\nSidan uppdaterad: 2019-03-21\n"
    assert period("d.txt", text, "https://lerum.se/trygghet/lofte/") is None
    # a news archive's year folder: the year, its month unknown
    assert period("e.txt", "Nytt löfte i Lerum\n\n" + body, "https://lerum.se/Nyhetsarkiv/2017/Nytt-lofte/") == (2017, 2017)


def test_news_page_dated_only_when_its_text_speaks_of_that_year(write, rules, nlp):
    def period(name, text, url):
        rec = extract_path(write(name, text, url=url), rules, nlp).records[0]
        return rec.period and (rec.period.start, rec.period.end)
    url = "https://lerum.se/nyheter/2021-05-19-nytt-lofte/"
    signed = ("Nytt löfte i Lerum\n\nI dag har kommunen och polisen undertecknat ett medborgarlöfte.\n\n"
              "  • Polisen ska genomföra trafikkontroller vid skolorna.\n")
    assert period("a.txt", signed, url) is None
    # a survey of the year is no promise of the year
    assert period("b.txt", signed + "\nÅrets drogvaneundersökning visar att fler unga känner sig otrygga.\n", url) is None
    # a span of months, or a date without its year, is of the publication year
    months = signed.replace("ett medborgarlöfte.", "ett medborgarlöfte för perioden mars-maj.")
    assert period("c.txt", months, url) == (2021, 2021)
    dated = signed + "\nFredagen den 21 maj möter polisen medborgarna på torget.\n"
    assert period("d.txt", dated, url) == (2021, 2021)


def test_news_page_end_date_starts_at_its_publication(write, rules, nlp):
    text = ("Nytt löfte i Lerum\n\nPolisen och Lerums kommun har tagit fram ett nytt medborgarlöfte.\n\n"
            "  • Polisen ska genomföra trafikkontroller vid skolorna.\n\n"
            "Det nya medborgarlöftet gäller till och med maj 2022.\n\n"
            "Publicerad den 3 maj 2021, senast ändrad den 5 maj 2021\n")
    assert _period(write, rules, nlp, text) == (2021, 2022)
    # the year and month in the url's folders
    rec = extract_path(write("v.txt", text.split("Publicerad")[0], url="https://lerum.se/2021/05/nytt-lofte/"),
                       rules, nlp).records[0]
    assert (rec.period.start, rec.period.end) == (2021, 2022)


def test_prolonged_promise_runs_to_its_new_end(write, rules, nlp):
    text = ("Lerum – medborgarlöften\n\nFörlängning av medborgarlöfte för 2021\n\n"
            "Polisen och Lerums kommun har beslutat att förlänga medborgarlöftet till och med "
            "31 december 2022.\n\n  • Polisen ska genomföra trafikkontroller vid skolorna.\n")
    assert _period(write, rules, nlp, text) == (2021, 2022)
    text = ("Lerum – medborgarlöften\n\nPolisen och kommunen har valt att förlänga 2020 års "
            "medborgarlöften till att gälla även under 2021.\n\n  • Polisen ska besöka skolorna.\n")
    assert _period(write, rules, nlp, text, "q.txt") == (2020, 2021)


def test_dated_start_before_a_stated_end(write, rules, nlp):
    text = ("Lerum – medborgarlöften\n\nDet här ska vi göra\n\nMed början måndagen den 2 november 2020 "
            "kommer polisen att finnas vid torget varje fredag. Insatsen pågår fram till och med "
            "den 30 april 2021, då den utvärderas.\n\n  • Polisen ska genomföra trafikkontroller vid skolorna.\n")
    assert _period(write, rules, nlp, text) == (2020, 2021)


def test_promise_being_prepared_is_not_the_period(write, rules, nlp):
    text = ("Lerum – medborgarlöfte\n\nMedborgarlöfte 2024\n\nArbetet med att ta fram ett "
            "medborgarlöfte för 2024 pågår. Här nedan kan du läsa vårt tidigare löfte.\n\n"
            "Vårt löfte till dig\n\nUnder 2022 kommer polisen och Lerums kommun att fokusera på "
            "trafiken.\n\n  • Polisen ska genomföra trafikkontroller vid skolorna.\n")
    assert _period(write, rules, nlp, text) == (2022, 2022)


def test_years_of_the_promise_named_by_their_genitive(write, rules, nlp):
    text = ("Lerum – medborgarlöften\n\nFöljande aktiviteter har tagits fram som grund för 2021 och 2022 "
            "års medborgarlöften.\n\n  • Polisen ska genomföra trafikkontroller vid skolorna.\n")
    assert _period(write, rules, nlp, text) == (2021, 2022)
    text = "Lerum – medborgarlöften\n\n2019-års medborgarlöfte\n\n  • Polisen ska besöka skolorna.\n"
    assert _period(write, rules, nlp, text, "q.txt") == (2019, 2019)


def test_promise_adopted_in_a_year(write, rules, nlp):
    text = ("Medborgarlöften i Lerum\n\nPolis och kommun lovar att tillsammans arbeta för tryggheten i "
            "centrum.\n\n  • Trygghetsvandringar på prioriterade platser.\n\nI mars 2019 beslutade "
            "polisen och kommunfullmäktige om hur medborgarlöftena ska se ut.\n")
    assert _period(write, rules, nlp, text) == (2019, 2019)


def test_survey_years_are_no_period(write, rules, nlp):
    text = ("Medborgarlöften i Lerum\n\nLägesbilden bygger på resultat från trygghetsmätningen åren "
            "2016 och 2017.\n\nPolisen och kommunen lovar att under 2018:\n\n"
            "  • genomföra trafikkontroller vid skolorna.\n")
    assert _period(write, rules, nlp, text) == (2018, 2018)
    # the year a survey was held, named before it: no period (the text gives no other year)
    text = ("Medborgarlöften i Lerum\n\nVid den under 2019 genomförda digitala trygghetsenkäten framkom "
            "att många oroar sig för trafiken.\n\nPolisen och kommunen lovar att:\n\n"
            "  • genomföra trafikkontroller vid skolorna.\n")
    assert _period(write, rules, nlp, text, "s.txt") is None


def test_agreement_years_are_the_promise_period_only_as_a_last_resort(write, rules, nlp):
    text = ("Medborgarlöften i Lerum\n\nPolisen har slutit ett nytt samverkansavtal med Lerums kommun "
            "för perioden 2019-2022.\n\nUnder 2020 kommer polisen och kommunen att fokusera på "
            "trafiken.\n\n  • Polisen ska genomföra trafikkontroller vid skolorna.\n")
    assert _period(write, rules, nlp, text) == (2020, 2020)
    text = ("Medborgarlöfte i Lerum\n\nKommunen och polisen har tecknat en samverkansöverenskommelse "
            "för perioden 2019 – 2020. I linje med den har vi tagit fram följande löften:\n\n"
            "  • Polisen ska genomföra trafikkontroller vid skolorna.\n")
    assert _period(write, rules, nlp, text, "q.txt") == (2019, 2020)
    # the promise named with the agreement: its validity
    text = ("Medborgarlöften i Lerum\n\nSamverkansavtalet och medborgarlöftet gäller 2021-2023.\n\n"
            "Under 2021 kommer polisen att fokusera på trafiken.\n\n  • Polisen ska besöka skolorna.\n")
    assert _period(write, rules, nlp, text, "r.txt") == (2021, 2023)


def test_lead_inside_the_heading_period_is_its_introduction(write, rules, nlp):
    text = ("Lerum – medborgarlöften\n\nAvtalet mellan polis och Lerums kommun löper på fyra år "
            "med början 1/1 2019.\n\n  • Polisen ska genomföra trafikkontroller vid skolorna.\n\n"
            "Medborgarlöfte 2019-2022\n\n  • Kommunen ska genomföra trygghetsvandringar.\n"
            "  • Polisen ska besöka skolorna.\n")
    recs = extract_path(write("n.txt", text, url="https://polisen.se/x/lerum/"), rules, nlp).records
    assert [(r.period.start, r.period.end, len(r.activities)) for r in recs] == [(2019, 2022, 3)]


def test_follow_up_page_keeps_the_period_it_reports_on(write, rules, nlp):
    text = ("Uppföljning medborgarlöfte 2021-2022 i Lerums kommun\n\n"
            "Medborgarlöftet för 2021 - 2022 har summerats av kommunen och polisen.\n\n"
            "Polisen har genomfört 40 trafikkontroller i centrum.\n\n"
            "Medborgarlöfte Lerums kommun 2023-2024\n")
    rec = extract_path(write("u.txt", text, url="https://polisen.se/x/lerum/uppfoljning/"), rules, nlp).records[0]
    assert rec.doc_type == "uppfoljning" and (rec.period.start, rec.period.end) == (2021, 2022)


def test_follow_up_title_period_wins_over_the_text(write, rules, nlp):
    text = ("Utvärdering av medborgarlöfte Lerum 2022-06-01 t.o.m 2023-12-31\n\n"
            "Polisen har genomfört 40 trafikkontroller.\n\n"
            "Det nya medborgarlöftet gäller 2024-2025.\n")
    rec = extract_path(write("e.txt", text, url="https://polisen.se/x/lerum/utvardering/"), rules, nlp).records[0]
    assert rec.doc_type == "uppfoljning" and (rec.period.start, rec.period.end) == (2022, 2023)


@pytest.mark.parametrize("lead,expected", [
    # the page says whose promise it is, and no sentence promises or signs: the owner alone
    ("Det här är polisens medborgarlöfte för stadsdelen Norrmalm, Lerums kommun.", ["polisen"]),
    ("Under åren 2021-2025 är polisens medborgarlöften i Lerums kommun följande.", ["polisen"]),
    # a sentence that promises wins over the owner; no owner: polisen and kommunen
    ("Det här är polisens medborgarlöfte. Polisen och Lerums kommun lovar att arbeta för trygghet.",
     ["polisen", "kommunen"]),
    ("Det här är årets medborgarlöfte i Lerums kommun.", ["polisen", "kommunen"]),
    # a sentence that renews, launches or drew up the promise names who gives it, two parties
    # that drew it up together too; a partner alone does not
    ("Det här är polisens medborgarlöfte. Polisen och stadsdelsförvaltningen förnyar medborgarlöftet.",
     ["polisen", "kommunen"]),
    ("Det här är polisens medborgarlöfte. Det har tagits fram i samverkan mellan polisen och Lerums kommun.",
     ["polisen", "kommunen"]),
    ("Det här är polisens medborgarlöfte. Det har tagits fram i samverkan mellan polisen och boende.", ["polisen"]),
    ("Varje år lovar polisen att satsa på trygghet. Stadsdelsförvaltningen stöttar polisens medborgarlöfte.",
     ["polisen", "kommunen"]),
])
def test_parties_from_the_owner_of_the_promise(write, rules, nlp, lead, expected):
    text = f"Lerum – medborgarlöften 2021\n\n{lead}\n\n  • Minst fem trygghetsvandringar per år ska genomföras.\n"
    rec = extract_path(write("o.txt", text, url="https://polisen.se/x/lerum/"), rules, nlp).records[0]
    assert rec.parties == expected


@pytest.mark.parametrize("signers,expected", [
    # a line of the signers of two parties adds the kommun to a police promise
    ("Anna Berg, lokalpolisområdeschef och Per Ek, kommunstyrelsens ordförande", ["polisen", "kommunen"]),
    # one title alone, or a title inside a long sentence, is no signatory line
    ("Per Ek är kommunalråd i Lerum.", ["polisen"]),
    ("Vid ett möte i Lerum i våras, där många boende, föreningar, företagare och tjänstepersoner deltog i "
     "samtalen, berättade lokalpolisområdeschef Anna Berg och kommunalrådet Per Ek om hur arbetet ska bedrivas.",
     ["polisen"]),
])
def test_signatory_line_names_the_parties(write, rules, nlp, signers, expected):
    text = (f"Polisens medborgarlöfte till Lerums kommun 2021\n\n{signers}\n\n"
            "Polisen lovar att arbeta för trygghet.\n\n  • Minst fem trygghetsvandringar per år ska genomföras.\n")
    rec = extract_path(write("s.txt", text, url="https://lerum.se/x/lofte/"), rules, nlp).records[0]
    assert rec.parties == expected


@pytest.mark.parametrize("text", [
    "Enligt Trygghetsmätningen 2021 och BROTTSSTATISTIK från 2019–2020 är läget oförändrat.",
    "Statistiken för 2018 visar få anmälningar; trygghetsenkäten år 2017 likaså.",
])
def test_first_letter_lookahead_finds_what_the_pattern_finds(text):
    """The look-ahead is for speed only: under re.I it finds the same matches."""
    import re
    from pipeline.record import _first_letters
    p = r"(trygghetsmätning|trygghetsenkät|brottsstatistik|statistik)\w*( [^\s.]+){0,3}? (från |för )?(år )?(\d{4})"
    assert _first_letters(p).startswith("(?=[bst])")
    spans = [m.span() for m in re.finditer(p, text, re.I)]
    assert spans and spans == [m.span() for m in re.finditer(_first_letters(p), text, re.I)]


def test_date_led_validity_still_found_after_its_precondition(rules):
    """A validity pattern that starts with a date is searched where what follows the date is."""
    assert validity_period("Löftena gäller 1 januari 2023 till och med 31 december 2024.", rules, None) == (2023, 2024)
    assert validity_period("Arbetet pågår januari 2021 – december 2022 i centrum.", rules, None) == (2021, 2022)


@pytest.mark.parametrize("text,expected", [
    ("Polisen i lokalpolisområde Storby\nPolismyndigheten", "Storby"),      # the name stays on its line
    ("Lokalpolisområde Klippans samlade problemindex är högt.", "Klippan"),  # a genitive
    ("Följ lokalpolisområde Norrmalms konton på sociala medier.", "Norrmalm"),
    ("I lokalpolisområde Borås och kommunen lovar vi …", "Borås"),          # a kommun's own name
    ("Lokalpolisområde Haninge/Nynäshamn lovar att patrullera.", "Haninge/Nynäshamn"),
    ("Lokalpolisområde Järfälla/Upplands-Bro. Öppna dialoger", "Järfälla/Upplands-Bro"),
])
def test_lokalpolisomrade_name(rules, text, expected):
    assert find_lpo(text, rules) == expected


def test_year_range_with_an_em_dash():
    from pipeline.sections import year_range
    assert year_range("Medborgarlöfte 2019 — 2020") == (2019, 2020)


def test_a_heading_year_is_widened_by_the_range_under_it(write, rules, nlp):
    path = write("page.html", "<html><body><h1>Trygg i Ale</h1><p>Polisen och Ale kommun samverkar.</p>"
                 "<h2>Medborgarlöfte Ale 2021</h2><p>Medborgarlöftet 2021-2022 fokuserar på att förebygga "
                 "nyrekrytering bland unga.</p><ul><li>Polisen ska patrullera i centrum varje vecka.</li></ul>"
                 "</body></html>")
    res = extract_path(path, rules, nlp)
    assert res.error is None, res.error
    assert [(r.period.start, r.period.end) for r in res.records] == [(2021, 2022)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["(?:ab|Bå)", "(sa|ka)", "saK", "\\b", "(?=[abs])", "(?i:ab)", "a", "b?", " ", "[ab]+", "(b)"]),
                min_size=1, max_size=5), st.text(alphabet="abåABÅsSſiIıİkKK -", max_size=30), st.booleans())
def test_finditer_from_needles_is_finditer(parts, text, fold):
    """Trying a pattern only where its needles are finds what finditer finds, also where
    re.I matches "ſ" to "s" or a character lower-cases to two ("İ")."""
    pat = re.compile("".join(parts), re.I if fold else 0)
    found = [(m.span(), m.groups()) for m in _finditer(pat, _start_needles(pat), text, text.lower())]
    assert found == [(m.span(), m.groups()) for m in pat.finditer(text)]
