"""Dates told relative to the publication date or to a date named before (build_scripts/extract/relative.py):
weekdays, "last December", "this year", "three days ago", a day without its year."""

from __future__ import annotations

import pytest

from .extract_helpers import dates


def test_relative_dates_need_a_reference():
    assert dates("The centre opened last month.", reference=None) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 2018-01-05 is a Friday
        ("On Wednesday, the two agencies signed a protocol, which will cut queues.", ["2018-01-03"]),
        ("The two agencies will sign a protocol on Wednesday.", ["2018-01-10"]),
        ("The ministry is to open the hall on Monday.", ["2018-01-08"]),
        ("The hall opened on Friday.", ["2018-01-05"]),
        ("On Monday the minister opened the hall and said more will follow.", ["2018-01-01"]),
        ("The centre will add ten services, the minister said Thursday.", []),
        ("The centre opened in 2016, the ministry said on Monday.", ["2016"]),
        ("The agency has finished the first stage, the ministry said on Monday.", ["2018-01-01"]),
    ],
)
def test_weekdays_look_back_unless_their_clause_speaks_of_the_future(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The hall opened on 3 March this year.", ["2018-03-03"]),
        ("The hall opened in March last year.", ["2017-03"]),
        ("The hall will open in September this year.", ["2018-09"]),
        ("On 3 March 2008 the first hall opened, its 10th anniversary falls this year.", ["2008-03-03"]),
    ],
)
def test_a_relative_year_joins_its_day_or_month_as_one_date(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("New halls are expected in August.", ["2018-08"]),
        ("The second phase is due in September.", ["2018-09"]),
        ("The hall is scheduled to open on March 15.", ["2018-03-15"]),
        ("The portal will be launched in May of this year.", ["2018-05"]),
        ("The portal goes live in May of the present year.", ["2018-05"]),
        ("The agency is set to open a hall in June.", ["2018-06"]),
    ],
)
def test_expectation_markers_resolve_forward(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The day before, the minister received the delegation.", ["2018-01-04"]),
        ("As was reported the previous day, the changes were agreed.", ["2018-01-04"]),
        (
            "The decree was signed on 3 May 2012, and the hall opened on 9 June of the same year.",
            ["2012-05-03", "2012-06-09"],
        ),
        ("The portal opened in 2012 and won an award the following year.", ["2012", "2013"]),
        ("A hall opened on 3 May 2012 and a minister saw it the day after.", ["2012-05-03", "2012-05-04"]),
        ("That year the hall was renovated.", []),
        ("The centres handled 12% more requests than a year earlier.", []),
        ("Usage rose to 90 percent, up from 40 percent two years ago.", []),
        ("Services exceeded 150 million, 12% more than in the same period of last year.", []),
        ("The portal added more than 30 services this year.", ["2018"]),
    ],
)
def test_steps_from_a_named_date_and_comparisons(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The hall was opened on 20 December.", ["2017-12-20"]),
        ("The decree was signed on 5 June.", ["2017-06-05"]),
        ("On February 2 the new centre opened in Taraz.", ["2017-02-02"]),  # past tense: not the coming one
        ("The hall will open on February 2.", ["2018-02-02"]),
        ("Ahead of the March 3 referendum, the halls extend their hours.", ["2018-03-03"]),
    ],
)
def test_a_day_without_year_is_the_closest_before_publication_unless_the_text_speaks_of_the_future(
    sentence, expected
):
    assert dates(sentence, "2018-01-05") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Three days ago the minister opened a hall in Khujand.", ["2018-01-02"]),
        ("Two weeks ago, the agency launched the app.", ["2017-12"]),
        ("Five months ago the portal went live.", ["2017-08"]),
    ],
)
def test_days_weeks_and_months_ago(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Posted on: 03 FEB 2021 by the press office", ["2021-02-03"]),
        ("The pilot ran in April–May 2016 in two districts.", ["2016-04"]),
        ("The new counters will open in the second quarter.", ["2018"]),
        ("In the fourth quarter of 2016 the agency opened a hall.", ["2016"]),
        ("The portal goes live next month, on February 20.", ["2018-02-20"]),
        ("Earlier this year, on 3 January, the mayor cut the ribbon.", ["2018-01-03"]),
        ("Last month a bus began its rounds, and on January 2 a kiosk opened.", ["2017-12", "2018-01-02"]),
    ],
)
def test_quarters_month_ranges_and_restated_relative_dates(sentence, expected):
    assert dates(sentence) == expected


def test_weekday_after_a_reporting_verb_dates_the_briefing_not_the_plan():
    sentence = "The ministry intends to add 30 services next year, its spokesman told reporters on Wednesday."
    assert dates(sentence) == ["2019", "2018-01-03"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 2018-01-05 is a Friday: the day words of the pages' languages resolve as their English meaning
        ("Сегодня в районе состоялось открытие центра.", ["2018-01-05"]),
        ("Вчора відкрився новий ЦНАП.", ["2018-01-04"]),
        ("Foi inaugurada ontem a primeira loja.", ["2018-01-04"]),
        ("Ayer se abrió la nueva oficina.", ["2018-01-04"]),
        ("Dünən mərkəz açılıb.", ["2018-01-04"]),
        ("В среду министр открыл центр.", ["2018-01-03"]),
        ("El lunes se firmó el acuerdo.", ["2018-01-01"]),
        ("O centro vai abrir na segunda-feira.", ["2018-01-08"]),
        # a number in brackets names the day of the month, even when the reference knows only its month
        ("Nesta segunda-feira (26), o programa comemora 23 anos.", ["2017-12-26"]),
        ("Aconteceu ontem (21) uma comemoração.", ["2017-12-21"]),
        # "nowadays" and a weekday of opening hours or beside its date date nothing of their own
        ("Hoy en día, con ayuda de la tecnología, todo es más rápido.", []),
        ("Os centros abrem de segunda a sexta-feira.", []),
        ("El viernes 14 de febrero se firmaron dos acuerdos.", ["2017-02-14"]),
    ],
)
def test_day_words_of_other_languages_resolve_like_their_english_meaning(sentence, expected):
    assert dates(sentence) == expected


def test_a_bracketed_day_dates_a_weekday_when_the_reference_knows_only_its_month():
    assert dates("Nesta terça-feira (20), o Poupatempo comemora 23 anos.", reference="2020-10") == [
        "2020-10-20"
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("В этом году откроются ещё пять центров.", ["2018"]),
        ("Ainda este ano vai ser inaugurada uma nova loja.", ["2018"]),
        ("No ano passado, o ministério lançou a estratégia.", ["2017"]),
        ("Em julho deste ano, cinco novas unidades foram anunciadas.", ["2018-07"]),
        ("El dictamen 210 de enero de este año lo confirmó.", ["2018-01"]),
        ("O governo quer abrir mais 18 lojas até junho do próximo ano.", ["2019-06"]),
        ("Цього місяця запрацював новий центр.", ["2018-01"]),
    ],
)
def test_this_year_and_this_month_in_other_languages(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("O plano de expansão, anunciado em agosto, foi aprovado.", ["2017-08"]),
        ("В августе открылся новый центр.", ["2017-08"]),
        ("La oficina abrió en octubre.", ["2017-10"]),
        # a month alone after "since" or "until" in those languages is a period; with its year it is a date
        ("Desde marzo el programa está parado.", []),
        ("A loja abriu em agosto de 2009.", ["2009-08"]),
    ],
)
def test_a_month_after_a_preposition_of_another_language_is_its_latest_one(sentence, expected):
    assert dates(sentence) == expected
