"""The layout of a raw article (build_scripts/extract/layout.py): header, body and trailer; captions,
comments, "Other news" and "About" blocks give no events."""

from __future__ import annotations

import pytest

from build_scripts.extract import extract_text
from build_scripts.extract.layout import parse_layout
from build_scripts.model import PartialDate

from .extract_helpers import SPEECH_HEADING, events_of


def test_an_article_is_cut_into_header_dateline_body_and_trailer():
    text = (
        "Halls open in Osh\nBy A. Writer\n\n"
        "OSH, 4 May 2023 (Kabar) – The ministry opened two halls.\n\n"
        "- The halls serve the south. They open at nine.\n\n"
        "Source: Kabar\n\nOther news\n- Bishkek hosts a forum\n"
    )
    layout = parse_layout(text)
    assert (layout.title, layout.header) == ("Halls open in Osh", ["By A. Writer"])
    assert layout.trailer == ["Source: Kabar"]  # "Other news" and what follows are no part of the article
    assert (layout.dateline, layout.dateline_agency) == ("OSH, 4 May 2023 (Kabar) – ", "Kabar")
    assert [(s.text, s.paragraph) for s in layout.body] == [
        ("The ministry opened two halls.", 0),
        ("The halls serve the south.", 1),
        ("They open at nine.", 1),
    ]
    assert all(text[s.start : s.start + len(s.text)] == s.text for s in layout.body), "quotes stay verbatim"


@pytest.mark.parametrize(
    ("first_paragraph", "dateline"),
    [
        # a dateline in another script, whose month is written in small letters
        (
            "Алма-Ата, Казахстан, 17 января, 2022, 10:15 — ИА Регнум. Центры открылись.",
            "Алма-Ата, Казахстан, 17 января, 2022, 10:15 — ",
        ),
        ("Chișinău, 5 octombrie, 2015. Centrul marchează 5 ani.", "Chișinău, 5 octombrie, 2015. "),
    ],
)
def test_a_dateline_in_any_script_opens_the_first_paragraph(first_paragraph, dateline):
    layout = parse_layout(f"Centres reopen\n\n{first_paragraph}\n")
    assert layout.dateline == dateline


def test_the_datelines_day_is_the_news_day_of_an_undated_lead():
    text = "Centre marks five years\n\nChișinău, 5 octombrie, 2015. Centrul de Guvernare Electronică marchează 5 ani de activitate cu o conferință.\n"
    assert [event.date.iso for event in extract_text(text, PartialDate(2015, 10, 6)).events] == ["2015-10-05"]


def test_a_dated_dateline_below_subtitles_opens_the_first_paragraph_that_reads_as_text():
    text = (
        "Digital government advances\n\n"
        # a subtitle too long for a header line, with no full stop
        "Countries and regions worldwide have accelerated their commitment to digital government despite "
        "the compounding crises of recent years\n\n"
        "17 September 2024 – The survey finds that countries moved services online. It ranks 193 of them.\n"
    )
    layout = parse_layout(text)
    assert layout.dateline == "17 September 2024 – "
    assert [sentence.text for sentence in layout.body[1:]] == [
        "The survey finds that countries moved services online.",
        "It ranks 193 of them.",
    ]
    assert extract_text(text).published == PartialDate(2024, 9, 17)
    # once the text has begun, a date opening a later paragraph is the text's, not a dateline
    later = (
        "Digital government advances\n\nThe survey is out.\n\n17 September 2024 – The survey was launched.\n"
    )
    assert parse_layout(later).dateline == "" and extract_text(later).published is None
    # below subtitles, a dateline must give a day, and a list ends the search for one
    subtitle = text.split("17 September 2024")[0]
    assert parse_layout(subtitle + "September 2024 – The survey finds that countries moved.\n").dateline == ""
    listed = (
        subtitle + "- Three countries lead\n\n17 September 2024 – The survey finds that countries moved.\n"
    )
    assert parse_layout(listed).dateline == ""


def test_captions_comments_and_first_published_lines_are_not_events():
    text = (
        "Notes from a new hall\n\nPosted 05/11/2017 by A. Writer\n\n"
        "The ministry opened the hall in Rustavi in 2016.\n\n"
        "[Photo: the hall in Rustavi, taken 02/11/2017]\n\n"
        "The hall (Photo: Ministry of Justice, 2017) has twelve counters.\n\n"
        "The minister was presented with the award in Medellin, Colombia in June 2015/FILE\n\n"
        "Visitors queue at the hall on its first day in March 2017 / COURTESY\n\n"
        "This article was first published on 04.11.2017.\n\n"
        "2 comments\n- Nino, 05/11/2017: Great hall!\n- Giorgi, 06/11/2017: Agreed.\n"
    )
    extraction = extract_text(text)
    assert [event.date.iso for event in extraction.events] == ["2016"]


def test_a_dated_line_near_the_top_is_no_event():
    page = f"{SPEECH_HEADING}\nOsh, 1 June 2021\n\nThe ministry opened a hall in Osh in 2019.\n"
    assert [event.date.iso for event in extract_text(page).events] == ["2019"]


@pytest.mark.parametrize(
    "block",
    [
        "Comments (2)\nAnna - May 6, 2023 at 10:12 am\nGreat post!\n",
        "Reading now:\n4 May 2023 The minister discussed the economy\n",
        "Most viewed\n - Markets: the best of May 2023\n",
        "[Photo] Residents queue at the hall, May 2, 2023. (Agency/Photographer)\n",
    ],
)
def test_comments_reading_now_and_photo_blocks_are_no_events(block):
    text = f"Hall opens in Osh\n\nOsh, 5 May 2023 – The ministry opened a hall in Osh in 2019.\n\n{block}"
    assert events_of(text) == [("2019", ["KG"])]


def test_an_about_the_company_block_names_countries_but_dates_no_events():
    text = (
        "Kiosks for halls\n\nKUALA LUMPUR, Malaysia, Sept. 7, 2023 – The firm today announced a deal.\n\n"
        "About Kiosentrix\nFounded in 2009, Kiosentrix has offices in Malaysia and Indonesia.\n"
    )
    extraction = extract_text(text)
    assert [c.code for c in extraction.countries] == ["ID", "MY"]
    assert [event.date.iso for event in extraction.events] == ["2023-09-07"]


def test_foreign_captions_and_a_source_line_above_a_disclaimer_are_no_events():
    text = (
        "Rio opens a citizen hall\n\nThe mayor of Rio de Janeiro opened a citizen hall on 3 May 2021.\n\n"
        "Legenda: Sala do cidadão, inaugurada em 2019\n\n"
        "Quelle/Source: Municipal Gazette, 04.05.2021\n\n"
        "Please note: access to the source may be restricted for readers outside the city network.\n"
    )
    extraction = extract_text(text)
    assert extraction.published.iso == "2021-05-04"
    assert [event.date.iso for event in extraction.events] == ["2021-05-03"]


def test_an_inline_about_block_at_the_foot_names_countries_but_dates_no_event():
    text = (
        "Portal relaunched\n\nVilnius, 2 June 2022 – "
        "Lithuania relaunched its services portal on 1 June 2022.\n\n"
        "About e-Lithuania: the agency was founded in 2008 and advises Moldova.\n"
    )
    extraction = extract_text(text)
    assert [event.date.iso for event in extraction.events] == ["2022-06-01"]
    assert [country.code for country in extraction.countries] == ["LT", "MD"]


@pytest.mark.parametrize(
    ("first_line", "published"),
    [
        (" date 2016-11-07 ASTANA. KAZINFORM - Estonia has joined the hub.", "2016-11-07"),
        ("date 2019-12 Portugal celebrates its citizen shops.", "2019-12"),
        (" date 2017-12 07:00 The first centre opened in Straseni.", "2017-12"),
    ],
)
def test_a_stored_date_label_is_the_publication_date_and_not_text(first_line, published):
    """A crawler's "date YYYY-MM-DD" label opening the page dates the page: it is neither part of the
    title nor a sentence, and its date is no event."""
    text = first_line + "\n\nMore text follows here, with no other date.\n"
    extraction = extract_text(text)
    assert str(extraction.published) == published
    assert "date" not in extraction.title.casefold().split()
    assert all("date" not in event.quote.casefold().split() for event in extraction.events)


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        # a byline's last part names the house
        (
            "Centres open\n\nBy Aigerim Seisembayeva, The Astana Times\n\nThe centres opened.\n",
            "The Astana Times",
        ),
        # a wire's attribution closing a lead sentence
        ("Centres open\n\nThe centre in Balakan opened its doors, Trend reports.\n", "Trend"),
        ("Hub grows\n\nEstonia has joined the hub, Kazinform correspondent reports.\n", "Kazinform"),
        # an agency in capitals after the dateline's place (and date)
        ("Hub grows\n\nASTANA. KAZINFORM - Estonia has joined the hub.\n", "KAZINFORM"),
        ("Forum\n\nGENEVA. May 16. KAZINFORM The delegation presented its results.\n", "KAZINFORM"),
        (
            "Hub grows\n\n date 2017-10-10 ASTANA. KAZINFORM Chairman Ivanov met the ambassador.\n",
            "KAZINFORM",
        ),
        # a dateline's agency in brackets, a source line above the text, a site signing its stamp
        ("Forum\n\nTASHKENT, Nov. 22 (UzA) -- The agency opened a centre.\n", "UzA"),
        ("Portal\n\nSource: Xinhua| 2017-06-11 19:16:46\n\nThe portal went live.\n", "Xinhua"),
        ("ID cards\n\nAgenda.ge, 23 May 2014 - 15:38, Tbilisi\n\nThe law changed.\n", "Agenda.ge"),
        ("Mall opens\n\nNews.com - 13/10/2017, 17:57 WIB\n\nThe mall opened.\n", "News.com"),
        # a site's name alone on a header line; a wire's attribution before what it cites
        ("Mall opens\nNews.Az\n\nThe mall opened in the city.\n", "News.Az"),
        ("Deals\n\nThe agency signed 25 deals, Trend reports, citing the agency.\n", "Trend"),
        # a name signing its stamp before the time; a section's name before a date is none
        ("Office opens\n\nArmenpress 17:50, 23 June, 2021\n\nThe office opened.\n", "Armenpress"),
        ("Forum\n\nPolitics 29 July 2020 15:30\n\nThe forum opened.\n", ""),
        # a copyright in the title or on a line of the text, with a span of years
        ("Document from a law database © 2003-2025 LawBase LLC\n\nThe decree was adopted.\n", "LawBase LLC"),
        (
            "Halls\n\nThe halls opened in the city.\n\n© Bureau for Reporting\n\nThey serve many people.\n",
            "Bureau for Reporting",
        ),
        # a site that says it reports, by its address, in any language; its address alone on a line
        (
            "Pilot\n\nРегистрация переходит в электронный формат, сообщает Lada.kz со ссылкой на Uchet.kz.\n",
            "Lada.kz",
        ),
        ("ASAN\n\n1news.az xəbər verir ki, mərasimdə ASAN mərkəzi açıldı.\n", "1news.az"),
        (
            "ASAN\n\nMərkəzdən yenicag.az-a bildirilib ki, xidmətlər dayandırılıb.\n",
            "yenicag.az",
        ),  # a case ending
        # the reporting word must stand beside the address; an e-mail's host is no site
        ("Pilot\n\nLada.kz said on Monday that the agency informs citizens by text message.\n", ""),
        ("Pilot\n\nВопросы присылайте на press@lada.kz, сообщает агентство.\n", ""),
        # a byline beats an address over the headline, which may be a portal's name
        (
            "eGov.kz\nDigital services expand\nBy Aigerim Seisembayeva, The Astana Times\n\nThe portal grew.\n",
            "The Astana Times",
        ),
        ("Websites\nwww.informasiya.org\n\nThe monitoring covered 50 state bodies.\n", "informasiya.org"),
        # the site signing at the foot, over the wire its lead cites
        ("Decree\n\nThe president signed a decree, APA reports.\n\nNews.Az\n", "News.Az"),
        # a portal the text speaks of, and a picture's file, are no publisher
        ("Portal\n\nCitizens can get documents through egov.kz in the centres.\n", ""),
        ("Survey\n\n180723_egovt_in.jpg\n\nKorea tops the survey, reports show.\n", ""),
        # the address closing the sentence; English "reports" as a noun; a data file
        ("Pilot\n\nРегистрация переходит в электронный формат, сообщает Lada.kz.\n", "Lada.kz"),
        ("Portal\n\nEgov.kz reports show that most services are requested online.\n", ""),
        ("Survey\n\nKorea tops the survey.\n\nAttachments\nstatistics.csv\n", ""),
        # an address the foot points the reader to is not its signature, nor one above a copyright
        ("Decree\n\nThe president signed a decree, APA reports.\n\nMore information:\nwww.egov.kz\n", "APA"),
        (
            "Decree\n\nThe centre opened.\n\nFollow us\nFacebook.com\n© 2021 Trend News Agency\n",
            "Trend News Agency",
        ),
        # a social network's address names no publisher, wherever it stands
        ("Decree\n\nThe centre opened in the city on Monday.\n\nFollow us on\nFacebook.com\n", ""),
        ("Centre\n\nThe centre opened, informs t.me.\n", ""),
        ("Decree\n\nThe centre opened in the city on Monday.\n\nFollow us on\nwww.facebook.com\n", ""),
        ("Centre\n\nThe centre opened, сообщает m.vk.com.\n", ""),
    ],
)
def test_bylines_datelines_and_wire_attributions_give_the_publisher(text, publisher):
    assert extract_text(text).publisher == publisher
