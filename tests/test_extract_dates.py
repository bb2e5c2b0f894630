"""Date expressions in a sentence (build_scripts/extract/dates.py): their forms and precision, and the
periods, targets, states and statistics that date no event. Cases found on the blind holdouts are
written with sentences of our own."""

from __future__ import annotations

import pytest

from build_scripts.extract.dates import find_dates
from build_scripts.model import PartialDate

from .extract_helpers import dates


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The conference opened on November 20, 2025.", ["2025-11-20"]),
        ("The decree was signed on 20 November 2025.", ["2025-11-20"]),
        ("The agency reported Dec. 22.", ["2017-12-22"]),
        ("Source: The Astana Times, 22.12.2017", ["2017-12-22"]),
        ("Kigali, 2015-07-08", ["2015-07-08"]),
        ("The portal was launched in December 2005.", ["2005-12"]),
        ("A storm in early December in 2013 damaged the roof.", ["2013-12"]),
        # a month in small letters counts between a day and a year; alone, "may" is a verb
        ("The hall opened on 8 july 2010.", ["2010-07-08"]),
        ("The hall opened on july 8, 2010.", ["2010-07-08"]),
        ("The halls may open in 2019.", ["2019"]),
        ("The first centre opened in 2007.", ["2007"]),
        ("This year the centres will add ten services.", ["2018"]),
        ("The ministry was reorganised last December.", ["2017-12"]),
        ("Two more centres will open next month.", ["2018-02"]),
        ("All centres will use the system by the end of this year.", ["2018"]),
        ("A new centre was inaugurated yesterday.", ["2018-01-04"]),
        ("The Cabinet approved the concept on Thursday.", ["2018-01-04"]),
        ("Officials visited Baku in March.", ["2017-03"]),
        ("Officials will visit Baku in March.", ["2018-03"]),
        ("The Government met on 21-22 May 2024.", ["2024-05-21"]),
        ("The study tour ran from 9 to 13 of December 2019.", ["2019-12-09"]),
        ("During the visit, held from 9 to 13 December, the guests met officials.", ["2017-12-09"]),
        # the Turkic languages join a day to its month with a hyphen; an English month is not joined so
        ("Портал 16-декабрда ишке кирди.", ["2017-12-16"]),
        ("Portal 14-yanvar kuni ishga tushdi.", ["2017-01-14"]),
        ("The 1-May office stayed shut.", []),
        ("The first office will open in the autumn of 2019.", ["2019"]),
    ],
)
def test_date_forms_resolve_at_their_true_precision(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "reference", "expected"),
    [
        ("This year, Kazakhstan marks the 20th anniversary of the one-stop shop.", "2025-11-20", ["2005"]),
        (
            "On 21 May 2019 the agency marked the 20th anniversary of the network.",
            "2019-05-22",
            ["2019-05-21", "1999"],
        ),
        ("The network of centres turns two this month.", "2018-10-03", ["2016-10"]),
        ("The e-government portal turns 9 this year.", "2015-04-01", ["2006"]),
        ("The shop opened two decades ago.", "2019-05-22", ["1999"]),
    ],
)
def test_anniversaries_date_the_origin(sentence, reference, expected):
    assert dates(sentence, reference) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The single window centres have been working since 2013.",
        "The results of 2019: 100 services digitised.",
        "It was part of the State Programme for 2005-2007.",
        "The programme was unveiled in the 2013/2014 budget.",
        "All government services are expected to be fully digital by 2031.",
        "Today there are 30 centres across the country.",
        "Up to 2000 people a day visit the centre.",
    ],
)
def test_periods_targets_and_states_are_not_event_dates(sentence):
    assert dates(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On Sept. 4 the agency opened its tenth hall.", ["2017-09-04"]),
        ("The law took effect on Jan. 3, 2016, in all regions.", ["2016-01-03"]),
        ("The hall opened Nov 14th.", ["2017-11-14"]),
        ("The hall opened on the 14th of Nov. after repairs.", ["2017-11-14"]),
        ("The hall opened on 14 Oct. after repairs.", ["2017-10-14"]),
        ("The hall opened on Sep. 30 2015.", ["2015-09-30"]),
        ("The hall opened on Sept. 5th, 2019.", ["2019-09-05"]),
        ("In Dec. 2016 the hall opened.", ["2016-12"]),
    ],
)
def test_abbreviated_months_keep_their_day(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "In the first half of 2016 the halls served 2.4 million visitors.",
        "Last year, the hall handled more than 900,000 requests.",
        "In 2016 the portal registered 35% more users than a year before.",
        "Today 120 halls work across the country.",
        "Today 120 halls, including 12 specialised ones, work across the country.",
    ],
)
def test_statistics_for_a_period_and_present_states_are_not_events(sentence):
    assert dates(sentence) == []


def test_an_event_keeps_its_date_beside_a_statistic_of_another_clause():
    assert dates("The hall opened in 2016 and has served 2 million people since.") == ["2016"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A decade ago, in November, the first hall opened in Osh.", ["2008-11"]),
        ("Two years ago in May the agency opened its portal.", ["2016-05"]),
        ("The hall opened in mid-2015.", ["2015"]),
        ("The hall opened in early 2019.", ["2019"]),
        ("The registry moved online in the spring of 2018.", ["2018"]),
        ("The registry moved online in the fall of 2016.", ["2016"]),
        ("The portal was relaunched in Q3 2020.", ["2020"]),
        ("The agency was reorganised in the second quarter of 2019.", ["2019"]),
        ("Born in Suva in 1941, he joined the ministry in 1963.", ["1941", "1963"]),
        ("Wednesday, 15 October 2025", ["2025-10-15"]),
        ("From 1 April the agency will offer online booking.", ["2018-04-01"]),
    ],
)
def test_more_date_forms(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "In FY2021 the halls handled 2 million requests.",
        "Figures for January-December 2022 show 3 million visits.",
        "Between 2015 and 2019 the share of online requests doubled.",
        "All figures refer to 2018.",
        "Trust in public services is high (Eurostat, 2018).",
        "© 2025 Ministry of Justice. All rights reserved.",
        "Copyright 2024 The Agency",
        "Write to forum2025@justice.example.org for details.",
        "The full text is at https://gov.example/2024/03/halls.html today.",
        "Download the annex report_2019.pdf from the site.",
        "Call the hotline on +998 71 202 2019 for details.",
        "The hall is open Monday to Friday, 9:00-18:00, Saturday 10-14.",
        "Applications are accepted until 30 June.",
        "From 16 April documents may be obtained at any hall.",
        "The voucher is valid until 31 March.",
        "The deadline for applications is 15 May.",
        "Since 1 January 2018 the halls are functioning in all regions.",
        "Today more than a hundred halls serve citizens.",
        "Five years ago a farmer needed three trips to the capital.",
        "“Today I was out in the villages,” she said.",
        "Updated: 2024-03-06 10:00",
        "The hall follows Directive (EU) 2019/882 on accessibility.",
        "The Digital Armenia 2030 agenda sets the course for the halls.",
        "As of 1 March, the portal had 2 million accounts.",
    ],
)
def test_periods_windows_stamps_and_states_are_not_events(sentence):
    assert dates(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The pilot hall, opened in the old town in mid-2015, handled 310,000 requests last year.", ["2015"]),
        ("Waiting times fell to 11 minutes in 2016.", []),
        ('"Today I was out in an hour," a visitor said.', []),
    ],
)
def test_statistics_keep_an_appositive_happening(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Peru approved its National Policy for Modernization to 2030 in 2018.", ["2018"]),
        ("The system was launched in 2018 and today connects more than 160 bodies.", ["2018"]),
        ("The agency opened today its new centre in the capital.", ["2018-01-05"]),
        ("- 48 percent of visitors surveyed in 2022 were women.", []),
    ],
)
def test_title_horizons_present_states_and_survey_figures(sentence, expected):
    assert dates(sentence) == expected


def test_a_fiscal_year_is_a_period():
    assert dates("The fiscal year 2022 budget for the halls has not passed.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The agency marks its 12th anniversary today.", ["2012-05-14"]),
        ("Today the registry celebrates its 5th anniversary.", ["2019-05-14"]),
        ("The agency marks its 12th anniversary this year.", ["2012"]),
        ("The agency, founded in 2012, marks its 12th anniversary today.", ["2012", "2024-05-14"]),
        ("The ministry aims to digitise all services by mid-2027.", []),
        ("All halls should be online by early 2028.", []),
        ("The goal for 2030 is 100 halls.", []),
        ("By the end of this year, ten halls will open.", ["2024"]),
    ],
)
def test_anniversaries_today_and_targets(sentence, expected):
    assert dates(sentence, "2024-05-14") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("This spring she finally registered her business online.", []),
        ("Last summer we waited three hours at the old office.", []),
        ("This spring the ministry opened two halls.", ["2018"]),
    ],
)
def test_a_season_in_a_personal_story_is_no_event(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ten halls will open by the end of 2018.", ["2018"]),
        ("All halls will be digital by the end of 2020.", []),
    ],
)
def test_by_the_end_of_the_publication_year_is_a_plan_for_that_year(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The registry marks 11 years today.", ["2007-01-05"]),
        ("Today marks 10 years since the establishment of the agency.", ["2008-01-05"]),
        ("The agency celebrates its 10-year anniversary this year.", ["2008"]),
        ("The 5 years since 2013 saw growth.", []),
        ("Exactly 20 years ago, on 13 July 1998, the first centre opened.", ["1998-07-13"]),
    ],
)
def test_years_counted_since_a_founding(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The registry was set up under the Partnership Act, 1932, as amended.",
        "The hall works under Order No. 2017 of the minister.",
        "The jury praised this year's finalists from Peru.",
        "Officials reviewed the results of the first six months of 2021.",
        "Figures for October–December 2019 show a rise.",
        "Eight years ago, opening a café meant weeks of forms and a pile of stamped letters.",
    ],
)
def test_law_titles_numbers_and_reporting_periods_date_no_event(sentence):
    assert dates(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2022, 1.3 million people used the app.",
        "In 2020, even in lockdown, 2.4 million people applied in person.",
        "In 2020 the share of online requests was 52%.",
        "In 2021 the average wait stood at 9 minutes.",
        "In 2017 there were 85 halls across the country.",
        "The city climbed four places in the 2019 Smart City Index.",
    ],
)
def test_counts_measures_and_publication_years_date_no_event(sentence):
    assert dates(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In 2021 the country placed 31st in the e-government survey.", ["2021"]),
        ("The municipality ranked only 12th in 2019.", ["2019"]),
        ("The country was in 33rd place in 2016 and 39th place in 2018.", ["2016", "2018"]),
        ("In 2014 it took 3rd place among 193 countries.", ["2014"]),
    ],
)
def test_a_standing_in_a_ranking_is_an_event_of_its_year(sentence, expected):
    """Editors keep a country's place in a ranking as an event of the year it is given for."""
    assert dates(sentence) == expected


def test_an_aside_happening_beside_a_count_keeps_its_date():
    assert dates("The hall, which was opened in 2012, serves 3,000 people a day.") == ["2012"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("At the launch on 2 January, the mayor said the hall would double its staff.", ["2018-01-02"]),
        ("The hall will open on 2 March, the mayor said.", ["2018-03-02"]),
        ('Under the Law "On Notaries" of 2016, fees are fixed.', []),
    ],
)
def test_a_future_only_in_reported_speech_and_a_quoted_law_title(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Cyrillic months take their case endings; the year may carry its word ("г.", "року")
        ("Распоряжение от 25 октября 2005 г. N 1789-р", ["2005-10-25"]),
        ("Сьогодні, 24 грудня 2021 року, відкрито центр.", ["2021-12-24"]),
        ("Центр открыт 28 Мая 2014.", ["2014-05-28"]),
        # Spanish and Portuguese write "de" between day, month and year, or a month first
        ("A loja abriu em 25 de fevereiro de 2013.", ["2013-02-25"]),
        ("Bogotá D.C., Marzo 15 de 2010.", ["2010-03-15"]),
        ("El centro abrió en junio de 2008.", ["2008-06"]),
        # Georgian and Azerbaijani may write the year first, with its word and the day's suffix
        ("2012 წლის 12 ივნისს გაიხსნა.", ["2012-06-12"]),
        ("Qanun 2005-ci il dekabrın 19-da qəbul edilib.", ["2005-12-19"]),
        ("Mərkəz 14 yanvar 2026-cı il açılıb.", ["2026-01-14"]),
        # numbers with dashes, and a comma without its space
        ("The portal went live on 07-08-2020.", ["2020-08-07"]),
        ("The centre opened on May 18,2016.", ["2016-05-18"]),
        # a month name is a month only beside a day or a year: "junior" and "may" are not
        ("The junior team won in 2019.", ["2019"]),
    ],
)
def test_dates_written_in_the_pages_other_languages_keep_their_month_and_day(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The centre was certified to OHSAS 18001: 2007 in 2019.", ["2019"]),  # a standard's edition
        ("Certified under ISO 9001:2015 in 2019.", ["2019"]),
        ("Services moved to Türksat (Şahin, 2016).", []),  # a cited source, in any alphabet
        ("The portal went online in 2008 (Kaya, 2011:45-47).", ["2008"]),  # a cited source with its pages
        ("Conforme a la Ley 1712 de 2014, el sistema abrió en 2015.", ["2015"]),  # an act's number and year
        ("The portal opened its doors (Odabaş 2009).", []),  # with or without its comma
        ("It won the award (in 2015).", ["2015"]),  # a bracketed date is no citation
    ],
)
def test_standards_editions_and_cited_sources_date_no_event(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a past tense without -ed tells a happening as well as one with it
        ("The deputy minister made the announcement today on behalf of the cabinet.", ["2018-01-05"]),
        ("The governor held a briefing today in the new hall.", ["2018-01-05"]),
        # and a passive of one looks ahead as "will be opened" does
        ("The minister spoke of the forum, which will be held in Osh on 24-26 June.", ["2018-06-24"]),
        # "what it is today" is the present state, not a day's happening
        ("In 2016 the ministry laid the groundwork for the portal to become what it is today.", ["2016"]),
        # the figure a change started from dates no happening of its own; people "from 12 countries" are
        # no figure compared against
        ("The city climbed to 12th place last year, from No. 40 in 2012.", ["2017"]),
        ("The council sold the hall this year for twice the price, a rise from $200,000 in 2009.", ["2018"]),
        ("Officials from 12 countries met in Baku on May 21.", ["2017-05-21"]),
        # a day without its year after "by" is a deadline: the next such day, not the last one
        ("The ministry was instructed to connect all halls by March 1.", ["2018-03-01"]),
        ("He told the agency to finish the registry by 1 December.", ["2018-12-01"]),
        ("The hall opened on March 1.", ["2017-03-01"]),
        # a day and month after a name inside the sentence name a place, as streets and markets often do;
        # after a weekday, or opening the sentence, they are still a date
        ("A new office opened yesterday in the Mercado 15 de Maio, in the centre.", ["2018-01-04"]),
        ("The hall on Avenida 9 de Julio opened in March.", ["2017-03"]),
        ("The hall opened on Thursday 4 January.", ["2018-01-04"]),
        ("Em 4 de janeiro, a loja abriu.", ["2018-01-04"]),
        # a Spanish or Portuguese verb in the future places a day without its year ahead, as "will" does
        ("Desde este lunes 8 de enero reabrirán cuatro oficinas.", ["2018-01-08"]),
        ("A nova loja abrirá no dia 8 de janeiro.", ["2018-01-08"]),
        ("La oficina abrió el 8 de enero.", ["2017-01-08"]),
        # a day without its year, after a day named with its year in the same sentence, is the such day
        # nearest to that one, not to the publication
        (
            "The law took effect on 1 July 2015, after a transition that began on 2 April.",
            ["2015-07-01", "2015-04-02"],
        ),
        (
            "The city was freed on 8 November 2014, after fighting from 27 September.",
            ["2014-11-08", "2014-09-27"],
        ),
        # the day or year that closes a span dates no happening
        (
            "The city was freed on 8 November 2014, in fighting from 27 September through 9 November.",
            ["2014-11-08", "2014-09-27"],
        ),
        ("Versions in force (03/05/2012 - 17/06/2013) were replaced.", ["2012-05-03"]),
        ("The plan for 2016 - 2018 was adopted in 2015.", ["2015"]),
        # a date in a link's path dates the page linked to, not a happening told here
        ("Link to the news: https://news.example.kg/2021-03-26/new-centre-opens", []),
    ],
)
def test_date_rules_found_on_real_pages(sentence, expected):
    assert dates(sentence) == expected


def test_a_day_without_its_year_after_a_full_date_in_the_sentence_before_keeps_to_the_publication():
    found = find_dates(
        "From 1 October, the app will register newborns.", PartialDate(2021, 8, 2), PartialDate(2020, 2, 6)
    )
    assert [mention.date.iso for mention in found] == ["2021-10-01"]
