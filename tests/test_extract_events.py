"""The events of a raw article (build_scripts/extract/events.py): one per date a sentence gives, in the
countries it is about, and what was done at the occasion reported."""

from __future__ import annotations

import pytest

from build_scripts.extract import extract_text
from build_scripts.model import PartialDate
from build_scripts.read_seeds import read_seed_file
from build_scripts.validate import normalize_for_matching, validate_seed_file

from .extract_helpers import ARTICLE, FOUNDING_SEEDS, events_of


def test_an_article_gives_its_citation_events_and_countries():
    extraction = extract_text(ARTICLE)
    assert extraction.published == PartialDate(2017, 12, 14)
    assert extraction.title == "Uzbekistan creates Public Services Agency"
    assert extraction.publisher == "UzA"
    assert [country.code for country in extraction.countries] == ["AZ", "UZ"]  # not the "Other news" one
    found = [(event.date.iso, [c.code for c in event.countries]) for event in extraction.events]
    assert found == [("2017-12-12", ["UZ"]), ("2018-04-01", ["UZ"]), ("2017-11", ["UZ", "AZ"])]
    assert all(event.origin == "extracted" and event.title for event in extraction.events)


def test_extracted_quotes_pass_the_build_quote_check():
    extraction = extract_text(ARTICLE)
    body = normalize_for_matching(ARTICLE)
    assert all(normalize_for_matching(event.quote) in body for event in extraction.events)


@pytest.mark.parametrize("path", FOUNDING_SEEDS, ids=lambda path: path.stem)
def test_founding_seeds_without_front_matter_extract_their_curated_events(path):
    seed_file, _ = read_seed_file(path)
    curated = validate_seed_file(seed_file)[0].events
    extracted = list(extract_text(seed_file.body).events)
    missing = []
    for event in curated:
        codes = {country.code for country in event.countries}
        match = next(
            (
                found
                for found in extracted
                if found.date == event.date and codes & {country.code for country in found.countries}
            ),
            None,
        )
        if match is None:
            missing.append(f"{event.date} {event.title}")
        else:
            extracted.remove(match)
    assert missing == [], f"curated events not extracted from {path.name}: {missing}"


def test_a_country_heading_sets_the_country_of_its_section():
    text = (
        "One-stop shops around the world\n\nSeveral countries pioneered the idea.\n\n"
        "Chile.\n\nChileAtiende began serving citizens in 2012. It added a call centre in 2014.\n\n"
        "## Peru\n\nThe first MAC centre opened in 2010.\n\n"
        "Ecuador. The first one-stop shop for businesses opened in 2016.\n"
    )
    found = [(event.date.iso, [c.code for c in event.countries]) for event in extract_text(text).events]
    assert found == [("2012", ["CL"]), ("2014", ["CL"]), ("2010", ["PE"]), ("2016", ["EC"])]


def test_an_anniversary_already_dated_in_the_article_adds_no_event():
    text = (
        "Hall marks ten years\n\nTbilisi, 5 May 2022 – The agency celebrated the 10th anniversary "
        "of the hall today.\n\nThe hall opened on 2 May 2012.\n"
    )
    assert [event.date.iso for event in extract_text(text).events] == ["2022-05-05", "2012-05-02"]


def test_a_pronoun_carries_the_country_of_the_previous_sentence():
    text = (
        "Halls in the north\n\nPortugal opened its first hall in 1999. Finland took a different route. "
        "Its regional offices opened in 2009.\n"
    )
    found = [(event.date.iso, [c.code for c in event.countries]) for event in extract_text(text).events]
    assert found == [("1999", ["PT"]), ("2009", ["FI"])]


def test_a_city_names_the_main_country():
    text = "New hall in Medellín\n\nThe mayor opened a hall in Medellín on 4 March 2024.\n"
    assert [c.code for c in extract_text(text).countries] == ["CO"]


def test_one_occasion_on_one_day_is_one_event():
    text = (
        "Delegation visits Tashkent\n\nTashkent, 5 May 2022 – "
        "A Kazakh delegation visited the agency in Tashkent on 4 May 2022. "
        "On 4 May 2022 the guests toured two halls.\n\n"
        "Recap:\n- 4 May 2022: delegation visit\n"
    )
    assert [event.date.iso for event in extract_text(text).events] == ["2022-05-04"]


def test_a_leading_phrase_keeps_its_date_from_the_countries_after_it():
    text = (
        "Adviser dies\n\nWellington, 3 May 2018 – The adviser died.\n\n"
        "After retiring in 2001, she advised Tonga and Fiji.\n"
    )
    found = [(event.date.iso, [c.code for c in event.countries]) for event in extract_text(text).events]
    assert ("2001", ["NZ"]) in found


def test_a_clause_without_a_country_takes_its_sentences_topic():
    text = (
        "Halls in West Africa\n\nAccra, 5 May 2023 – Ghana opened a hall.\n\n"
        "In Nigeria, the agency rolled out a portal in 2020, and the council, set up in 2016, set rules.\n"
    )
    assert ("2016", ["NG"]) in events_of(text)


def test_it_was_noted_does_not_go_on_about_the_previous_country():
    text = (
        "Uzbekistan and Latvia meet\n\nTashkent, 5 May 2019 – Uzbekistan received guests.\n\n"
        "The Latvian side was informed. It was noted that the halls opened in all districts in 2018.\n"
    )
    assert ("2018", ["UZ"]) in events_of(text)


def test_guests_visiting_on_the_reported_day_is_an_event_but_halls_being_visited_is_not():
    text = (
        "Guests in Astana\n\n05 March 2024 11:42\n\nOn 4 March, a minister received a Tajik delegation. "
        "The guests visited Public Service Center No. 1 of Astana. "
        "Halls are visited by 20,000 people a day.\n"
    )
    assert [event.date.iso for event in extract_text(text).events] == ["2024-03-04", "2024-03-04"]


def test_what_is_ongoing_or_told_of_another_time_is_not_at_the_occasion():
    text = (
        "Forum in Tbilisi\n\n12 June 2023 10:00\n\nOn 11 June, the agency hosted a forum in Tbilisi. "
        "Its model is being adopted by other ministries. "
        "Previously, the agency signed an agreement with the Estonian e-Governance Academy.\n"
    )
    assert [event.date.iso for event in extract_text(text).events] == ["2023-06-11"]


_VISIT = "Guests in Astana\n\n05 March 2024 11:42\n\nOn 4 March, the agency received a delegation from Peru."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the items of a list after the sentence that introduces it tell what that sentence tells
        (
            f"{_VISIT} The guests were shown the following services:\n"
            "The queue system, presented by its head of unit;\nThe mobile app, presented by a project manager.\n",
            ["2024-03-04"],
        ),
        # a label introduces no list: what was presented after it is an event of the day
        (
            f"{_VISIT}\nParticipants:\nThe deputy minister presented the queue system to the guests.\n",
            ["2024-03-04", "2024-03-04"],
        ),
        # what followed at the occasion goes on with it
        (
            f"{_VISIT} After touring the halls, the guests met with the staff. The minister then met the guests.\n",
            ["2024-03-04"],
        ),
        # what had been done before, and a sentence the page repeats, are no new events
        (
            f"{_VISIT} The minister presented the halls to the guests. It beat 300 others who had presented "
            "entries. The minister presented the halls to the guests.\n",
            ["2024-03-04", "2024-03-04"],
        ),
    ],
)
def test_what_goes_on_with_the_occasion_is_no_new_event(text, expected):
    assert [event.date.iso for event in extract_text(text).events] == expected


def test_a_plan_and_a_done_happening_of_one_year_are_two_events():
    text = (
        "Halls in Osh\n\n5 October 2023\n\nFive more halls in Kyrgyzstan will open by the end of this year. "
        "This year the ministry has opened four halls in Osh.\n"
    )
    assert [event.date.iso for event in extract_text(text).events] == ["2023", "2023"]


def test_an_explicit_founding_date_wins_over_an_anniversary_today():
    text = (
        "Registry turns ten\n\nSkopje, 14 May 2024\n\n"
        "The registry of North Macedonia marks its 10th anniversary today. "
        "It was founded by a government decision of 12 May 2014.\n"
    )
    assert [event.date.iso for event in extract_text(text).events] == ["2014-05-12"]


def test_a_dated_clause_without_country_takes_its_paragraphs_topic_before_the_main_country():
    text = (
        "Halls across the Andes\n\n3 March 2023\n\n"
        "Bolivia opened its first hall in 2011 and Bolivia now runs 40.\n\n"
        "In Ecuador, the first hall opened in 2012. Mobile units followed in 2016.\n\n"
        "Bolivia signed a memorandum with Chile in 2019. In 2020 half of the services went online.\n"
    )
    events = [(event.date.iso, [c.code for c in event.countries]) for event in extract_text(text).events]
    assert ("2016", ["EC"]) in events and ("2020", ["BO"]) in events


def test_what_happened_over_time_or_inside_a_quote_is_not_at_the_occasion():
    text = (
        "Hall marks a milestone\n\nOslo, 9 June 2022 – "
        "The minister opened the new hall in Oslo on 9 June 2022. "
        "Delegations from Chile have visited the hall to learn from it. "
        "“We signed nothing, we just listened,” the mayor said.\n"
    )
    assert [event.date.iso for event in extract_text(text).events] == ["2022-06-09"]


def test_an_anniversary_day_gives_way_to_what_happened_at_it():
    text = (
        "Registry portal turns five\n\nLima, 4 April 2023 – The registry portal, launched on 4 April 2018, "
        "completes five years today. On this occasion, the minister presented a new mobile app in Lima.\n"
    )
    events = extract_text(text).events
    assert [event.date.iso for event in events] == ["2018-04-04", "2023-04-04"]
    assert "presented" in events[1].quote


def test_talks_after_a_dated_visit_belong_to_that_visit():
    text = (
        "Hall opens in Osh\n\nOsh, 20 May 2021 – "
        "The mayor opened a public service hall in Osh on 20 May 2021.\n\n"
        "A delegation from Armenia visited Bishkek on 12 May. The sides discussed joint training of staff.\n"
    )
    assert [event.date.iso for event in extract_text(text).events] == ["2021-05-20", "2021-05-12"]


def test_what_was_done_during_the_meeting_is_an_event_of_its_day():
    text = (
        "Minister reviews the halls\n\nRiga, 6 June 2022 – "
        "The minister today chaired a review of the halls in Riga.\n\n"
        "During the meeting, the minister ordered 40 more services to be moved online.\n\n"
        "During the visit the guests were acquainted with the queue system.\n"
    )
    assert [event.date.iso for event in extract_text(text).events] == ["2022-06-06", "2022-06-06"]


def test_the_same_year_steps_from_the_sentence_before_in_its_paragraph():
    text = (
        "Halls abroad\n\nChile opened its first ChileAtiende office in 2012. In the same year Peru set up "
        "its MAC network. The following year Norway merged its offices.\n"
    )
    events = extract_text(text, PartialDate.parse("2020-01-01")).events
    assert [(e.date.iso, [c.code for c in e.countries]) for e in events] == [
        ("2012", ["CL"]),
        ("2012", ["PE"]),
        ("2013", ["NO"]),
    ]


def test_a_statement_or_a_second_mention_at_the_occasion_is_no_new_event():
    text = (
        "Halls open in Quito\n\nQuito, 8 March 2024 – The city opened three citizen halls on Thursday.\n\n"
        "At the opening on 7 March, the mayor said the halls would cut queues by half.\n\n"
        "The opening ceremony on Thursday was attended by the ambassadors of Peru and Chile.\n"
    )
    events = extract_text(text).events
    found = [(event.date.iso, [country.code for country in event.countries]) for event in events]
    assert found == [("2024-03-07", ["EC"])]


@pytest.mark.parametrize(
    ("header", "lead"),
    [
        (
            "BAKU, Azerbaijan, July 29\n\n",
            "President Ilham Aliyev has attended the opening of the Balakan centre.",
        ),
        (" date 2020-07-29 ", "The Government of Azerbaijan opened a new service centre in Balakan."),
        ("Politics 29 July 2020 15:30\n\n", "A new service centre was inaugurated in Balakan, Azerbaijan."),
        # a lead in another language, whose tenses are not read, is taken to tell the day's news
        (
            "Politics 29 July 2020 15:30\n\n",
            "Balakən rayonunda yeni xidmət mərkəzi prezidentin iştirakı ilə istifadəyə verildi.",
        ),
    ],
)
def test_an_undated_lead_tells_the_news_of_the_day_its_dateline_gives(header, lead):
    """The first sentence of a news article, telling in the past what happened, happened on the day
    its dateline or stamp gives, though it names no date itself."""
    text = f"Balakan centre opens\n\n{header}{lead} It has 20 windows.\n"
    events = extract_text(text, PartialDate(2020, 7, 29)).events
    assert [(event.date.iso, event.quote) for event in events] == [("2020-07-29", lead)]


@pytest.mark.parametrize(
    "lead",
    [
        "Who has not spent a morning going from one office to another?",  # a blog's question
        "The ministry will open a new centre in Balakan.",  # a plan
        "Ten years ago, a certificate meant a week of queues.",  # another time
        "Balakan, Azerbaijan (Trend).",  # a dateline's words, too few for a sentence in any language
    ],
)
def test_a_lead_that_asks_looks_ahead_or_tells_another_time_is_not_the_days_news(lead):
    text = f"Balakan centre\n\nBAKU, Azerbaijan, July 29\n\n{lead} It has 20 windows.\n"
    assert "2020-07-29" not in [
        event.date.iso for event in extract_text(text, PartialDate(2020, 7, 29)).events
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Five more centres will open in Baku this year.",
        "The Shusha centre is expected to open in 2024.",
        "In 2023 the ministry plans to open halls in five cities.",
    ],
)
def test_what_a_sentence_tells_as_ahead_is_planned_unless_dated_before_publication(sentence):
    events = extract_text(f"Centres\n\n{sentence}\n", PartialDate(2023, 12, 19)).events
    assert [event.status for event in events] == ["planned"]


def test_a_past_date_in_a_sentence_about_plans_stays_done():
    text = "Centres\n\nThe first centre, opened in 2019, will be joined by five more.\n"
    assert [event.status for event in extract_text(text, PartialDate(2023, 12, 19)).events] != ["planned"]


def test_a_title_drops_a_date_with_the_words_that_lead_into_it_in_any_language():
    text = (
        "Loja\n\nFoi inaugurada ontem, 17 de Dezembro, em Odivelas, a primeira loja do cidadão.\n\n"
        "O secretário anunciou nesta segunda-feira (10) que o Governo abriu mais lojas.\n"
    )
    titles = [event.title for event in extract_text(text, PartialDate(2007, 12, 18)).events]
    assert titles == [
        "Foi inaugurada, em Odivelas, a primeira loja do cidadão",
        "O secretário anunciou que o Governo abriu mais lojas",
    ]


def test_a_lists_items_speak_of_the_future_their_lead_in_speaks_of():
    text = (
        "Single window for investors\n\n"
        "Mexico's agency opened the single window for investors in March. At the same conference the "
        "official said that the next delivery dates for the operation of the window will be:\n\n"
        "- 15 June: All procedures to start a company online\n"
        "- 30 November: One window for every procedure and authority\n\n"
        "He added that the milestones reached so far by the window and its partners were:\n\n"
        "- 10 February: The first procedures went online\n\n"
        "The agency publishes its progress every month.\n"
    )
    events = extract_text(text, PartialDate(2025, 4, 21)).events
    assert [(event.date.iso, event.status, event.title) for event in events] == [
        ("2025-03", "happened", "Mexico's agency opened the single window for investors"),
        ("2025-06-15", "planned", "All procedures to start a company online"),
        ("2025-11-30", "planned", "One window for every procedure and authority"),
        ("2025-02-10", "happened", "The first procedures went online"),
    ]
