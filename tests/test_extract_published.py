"""The publication date of a raw article (build_scripts/extract/published.py): stamps, datelines,
time stamps and trailers."""

from __future__ import annotations

import pytest

from build_scripts.extract import extract_text
from build_scripts.model import PartialDate

from .extract_helpers import ARTICLE, SPEECH_HEADING


def test_the_published_option_wins_over_the_text():
    assert extract_text(ARTICLE, PartialDate(2018, 2)).published == PartialDate(2018, 2)


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("2023/04/17 09:12 KST", "2023-04-17"),
        ("2023-04-17 09:12", "2023-04-17"),
        ("17.04.2023 09:12", "2023-04-17"),
        ("Published: 17 April 2023", "2023-04-17"),
        ("Updated Apr. 17, 2023, 9:12 am", "2023-04-17"),
    ],
)
def test_wire_timestamps_give_the_publication_date(stamp, expected):
    text = f"Centres open in Osh\n\nThe ministry opened a centre in Osh last week.\n\n{stamp}\n"
    assert extract_text(text).published == PartialDate.parse(expected)


def test_a_source_trailer_after_other_news_still_dates_the_article():
    text = (
        "Centres open in Osh\n\nThe ministry opened a centre in Osh last month.\n\n"
        "Other news\nMar. 3 — Bishkek hosts a forum\n\nSource: Kabar, 17.04.2023\n"
    )
    extraction = extract_text(text)
    assert extraction.published == PartialDate(2023, 4, 17)
    assert [event.date.iso for event in extraction.events] == ["2023-03"]


def test_a_dateline_without_year_takes_the_timestamp_trailer():
    text = (
        "Hall opens in Gyumri\n\nGYUMRI, March 4 – The ministry opened a hall in Gyumri on Monday.\n\n"
        "2024-03-04T09:15:00+04:00\n"
    )
    assert extract_text(text).published == PartialDate(2024, 3, 4)


@pytest.mark.parametrize(
    "stamp", ["Posted 2024-03-04 09:15", "Published: 4 March 2024\nUpdated: 6 March 2024"]
)
def test_posted_or_published_wins_over_updated(stamp):
    text = f"Hall opens in Osh\n\nUpdated: 6 March 2024\n\nThe ministry opened a hall in Osh.\n\n{stamp}\n"
    assert extract_text(text).published == PartialDate(2024, 3, 4)


def test_an_announcement_date_is_not_its_programme_date():
    text = (
        "Forum on one-stop shops\n\nAnnounced: 12 March 2025\n\n"
        "The forum takes place in Baku on 8-9 October 2025.\n\n"
        "Wednesday, 8 October 2025\n- 10:00 Opening\n"
    )
    assert extract_text(text).published == PartialDate(2025, 3, 12)


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("Hall opens\n\nThe ministry opened a hall in Osh.\n\nLast updated: March 3, 2022\n", "2022-03-03"),
        (
            (
                "Hall\n\nThe hall opened in 2011.\n\nSee also\n- Halls\n"
                "This page was last edited on 2 May 2021, at 10:15.\n"
            ),
            "2021-05-02",
        ),
        (
            (
                "Hall opens\nSource: Kabar| 2021-06-02 10:14:31|Editor: ak\n\n"
                "The ministry opened a hall in Osh.\n"
            ),
            "2021-06-02",
        ),
        (
            (
                "We use cookies. Accept our cookie policy.\n\nNews | Society\n\nHall opens in Osh\n\n"
                "Tue 1 Jun 2021 07.00 BST\nShare  Facebook  Twitter\n\nThe ministry opened a hall in Osh.\n"
            ),
            "2021-06-01",
        ),
        (
            f"{SPEECH_HEADING}\nOsh, 1 June 2021\n\nThe ministry opened a hall in Osh.\n\nTags: Forum 2021\n",
            "2021-06-01",
        ),
        (
            (
                "NEWS > SOCIETY\n\nHall opens in Osh\n\nKABAR  BISHKEK\nJun 1, 2021 - 11:41 am GMT+6\n\n"
                "The ministry opened a hall in Osh.\n"
            ),
            "2021-06-01",
        ),
        ("Case study: halls in Osh\nDate: June 2021\n\nThe hall in Osh opened in 2019.\n", "2021-06"),
        ("Osh halls\n\nUpdated: March, 05/2021 - 09:30\n\nThe hall in Osh opened in 2019.\n", "2021-03-05"),
        ("Hall opens in Osh\n\nOsh, March 5/2021 (KG News) The mayor opened a hall in Osh.\n", "2021-03-05"),
    ],
)
def test_publication_dates_in_stamps_and_top_lines(page, expected):
    assert extract_text(page).published == PartialDate.parse(expected)


@pytest.mark.parametrize(
    "stamp",
    [
        "sex, 28/05/2004 - 17h38 | Do Portal do Governo",
        "Business Materials 28 May 2004 19:04 (UTC +04:00)",
        "Written by on Friday, 28 May 2004",
        "• May 28,2004",
    ],
)
def test_a_line_that_is_a_date_and_little_else_dates_the_page_even_below_the_lead(stamp):
    """A weekday, a time, a section's or site's name beside a full date make a time stamp, even below a
    subtitle that reads like a sentence or as a bullet; a sentence or a fact box's field does not."""
    text = f"Hall opens in Osh\nThe ministry opened a hall in Osh.\n{stamp}\n\nThe hall has ten windows.\n"
    assert extract_text(text).published == PartialDate(2004, 5, 28)


@pytest.mark.parametrize("line", ["The hall opened on 28 May 2004.", "- Released: May 28, 2004"])
def test_a_sentence_or_a_field_with_a_date_is_no_time_stamp(line):
    text = f"Hall opens in Osh\nThe ministry opened a hall in Osh.\n{line}\n\nThe hall has ten windows.\n"
    assert extract_text(text).published is None


@pytest.mark.parametrize(
    "day_line", ["Friday March 29 2024", "Четверг, 28 марта 2024", "Thursday, 19.09.2024"]
)
@pytest.mark.parametrize("stamp", ["20 June 2019 19:20 (UTC+04:00)", "Source: Trend, 20.06.2019"])
def test_a_sites_date_of_the_day_loses_to_the_articles_stamp(day_line, stamp):
    """A weekday and a date alone at the top of the page is the day it was viewed; any other stamp of the
    same precision dates the article."""
    text = f"{day_line}\nHall opens in Osh\n{stamp}\n\nThe ministry opened a hall in Osh.\n"
    assert extract_text(text).published == PartialDate(2019, 6, 20)


def test_a_sites_date_of_the_day_alone_still_dates_the_page():
    text = "Thursday, December 17, 2015\nHall opens in Osh\n\nThe ministry opened a hall in Osh.\n"
    assert extract_text(text).published == PartialDate(2015, 12, 17)


@pytest.mark.parametrize(
    ("lead", "day"),
    [
        (
            "The agency hosts guests often. Today, 25 October 2021, a delegation from Uzbekistan visited it.",
            "2021-10-25",
        ),
        (
            "Сьогодні, 24 грудня 2021 року, заступниця голови області провела нараду щодо центрів Дія.",
            "2021-12-24",
        ),
        ("Hoy, 3 de mayo de 2019, el ministro inauguró el centro de atención ciudadana.", "2019-05-03"),
        ("Today (25 October 2021) a delegation from Uzbekistan visited the agency.", "2021-10-25"),
        ("Today, on 25 October 2021, a delegation from Uzbekistan visited the agency.", "2021-10-25"),
    ],
)
def test_the_day_a_lead_names_right_after_its_today_is_the_publication_date(lead, day):
    assert extract_text(f"Centres open\n\n{lead}\n").published == PartialDate.parse(day)


def test_a_today_before_another_date_or_under_a_stamp_does_not_date_the_article():
    past = "Centres open\n\nToday the centre that opened on 3 May 2019 serves 2,000 people a day.\n"
    assert extract_text(past).published is None
    stamped = "Centres open\n\nPublished: 17 April 2023\n\nToday, 18 April 2023, the centre opened.\n"
    assert extract_text(stamped).published == PartialDate(2023, 4, 17)
    # a day within the stamp's month makes it precise; a day of another year tells of another day
    monthly = "Centres open\n\nPublished: April 2023\n\nToday, 18 April 2023, the centre opened.\n"
    assert extract_text(monthly).published == PartialDate(2023, 4, 18)
    other = "Centres open\n\nPublished: March 2020\n\nToday, 12 March 2019, the centre opened.\n"
    assert extract_text(other).published == PartialDate(2020, 3)


@pytest.mark.parametrize(
    "lead",
    [
        "“Today, 9 May 2015, we open the first centre,” the minister said that year.",  # the speaker's day
        "Today, October 2021, the agency serves 2,000 people a day.",  # no day named
    ],
)
def test_a_quoted_today_or_one_without_a_day_does_not_date_the_article(lead):
    assert extract_text(f"Centres open\n\n{lead}\n").published is None


@pytest.mark.parametrize(
    "lead",
    [
        "The minister spoke at the centre. “Until today, 1 June 2020 was our busiest day,” she said.",
        "Today, 13 July 2012 is remembered as the birth of the agency.",
        "The ministry set today 31 December 2021 as the last day for paper forms.",
    ],
)
def test_a_date_the_clause_goes_on_with_after_today_is_another_day(lead):
    assert extract_text(f"Centres open\n\n{lead}\n").published is None


def test_a_legal_acts_heading_dates_the_page_of_the_act():
    law = (
        "On State Services\n\nThe Law of the Republic of Kazakhstan dated 15 April, 2013 No. 88-V.\n\n"
        "This Law regulates services.\n"
    )
    assert extract_text(law).published == PartialDate(2013, 4, 15)
    order = (
        "Rules\n\nOrder of the Chairman of the Agency dated December 8, 2016 No. 78. "
        "Registered on January 26, 2017 No. 14740.\n"
    )
    assert extract_text(order).published == PartialDate(2016, 12, 8)
    # an act the text cites, or a date without the act's number, is not the page's heading
    cited = "Rules\n\nIn accordance with the Law dated April 15, 2013 No. 88-V, the rules apply.\n"
    unnumbered = "Centres\n\nThe Law dated 15 April 2013 set up the public service centres.\n"
    assert extract_text(cited).published is None and extract_text(unnumbered).published is None
    # a heading dated by its month alone gives no day
    monthly = "On State Services\n\nThe Law of the Republic of Kazakhstan dated April 2013 No. 88-V.\n"
    assert extract_text(monthly).published is None


@pytest.mark.parametrize(
    "lead",
    [
        "The Resolution of the Cabinet of Ministers dated 30 June 2020 No. 397 approved the rules of the centres.",
        "Astana hosted a meeting on Tuesday. The Decree of the President dated 5 March 2019 No. 5 set up the centres.",
        "Centres opened in every district on Monday. They act under the Decree of the President dated 5 March 2019 "
        "No. 5. Decree of the President dated 5 March 2019 No. 5.",
        'The Order dated 1 June 2021 No. 12 "On public services" entered into force today, the ministry reports.',
    ],
)
def test_a_news_lead_that_opens_with_an_act_does_not_date_the_article_by_it(lead):
    """The act is the subject of the lead's sentence, not the heading of its page: the news is of another day."""
    assert extract_text(f"Centres open\n\n{lead}\n").published is None
