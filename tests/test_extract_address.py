"""What a page's address adds to its text (build_scripts/extract/address.py): the date a site writes
into the path, and the site's name as the corpus gives it."""

from __future__ import annotations

import pytest

from build_scripts.extract import extract_text
from build_scripts.extract.address import address_date, known_publishers, same_page, site_of
from build_scripts.model import PartialDate, Seed


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://kant.kg/2021-03-26/v-bishkeke-novyj-czon/", "2021-03-26"),
        ("https://reportesuy.com/2022/12/20/cerro-el-centro/", "2022-12-20"),
        ("https://astanatimes.com/2017/07/institutional-reforms/", "2017-07"),
        ("https://news.un.org/sw/story/2015/06/420162", "2015-06"),  # an article number, not a day
        ("http://www.xinhuanet.com//english/2017-06/11/c_136357197.htm", "2017-06-11"),
        ("https://example.gob.es/Noticias/Noticia-2015-04-29-Nota-tecnica.html?idioma=gl", "2015-04-29"),
        ("https://example.org/news?date=2019-05-01", "2019-05-01"),
        # an archive's stamp has no separators; the archived page's own address dates it
        (
            "https://webarchive.example.edu/eot2008/20090509214908/http://usaid.gov/press/2008-05-11.html",
            "2008-05-11",
        ),
        ("https://example.org/2019/02/30/2019/03/01/", "2019-03-01"),  # no 30 February: the next date
        # a month or day in one digit, the day first, the month by name
        ("https://www.dnoticias.pt/2021/4/16/258039-aniversario-da-loja-do-cidadao/", "2021-04-16"),
        ("https://uza.uz/react/posts/quality-of-public-services-improves--28-06-2018", "2018-06-28"),
        ("https://www.usaid.gov/press-releases/sep-07-2023-usaid-ukraine-and-estonia", "2023-09-07"),
        ("https://messenger.com.ge/issues/3090_april_8_2014/3090_tatia.html", "2014-04-08"),
        ("https://example.kz/news/28.06.2018/item", "2018-06-28"),
        ("https://example.kz/files/2018_06_28_report", "2018-06-28"),
        ("https://example.com/news/sept-7-2023-title", "2023-09-07"),
        ("https://example.us/news/12-12-2021/launch", "2021-12-12"),  # the same either way round
    ],
)
def test_the_address_dates_the_page_as_precisely_as_its_path_does(url, expected):
    assert address_date(url) == PartialDate.parse(expected)


@pytest.mark.parametrize(
    "url",
    [
        "https://kun.uz/en/news/1234567",
        "https://example.org/2019/13/01/",
        "https://example.org/item/20190501",
        "https://example.org/page#2019-05-01",  # a fragment is a place on the page, not its address
        # a word that a month's name begins, and a page's or file's number after a year
        "https://example.org/news/presidential-decree-5-2019",
        "https://example.org/news/mayor-2-2019",
        "https://example.org/news/centre-opens-in-2019-2/",
        "https://example.org/uploads/report_2019_1.pdf",
        "https://example.us/news/04-12-2021/launch",  # 4 December, or 12 April as American sites write it
        "",
    ],
)
def test_an_address_without_a_date_dates_nothing(url):
    assert address_date(url) is None


def test_the_site_is_the_host_without_www_and_a_broken_address_is_no_site():
    assert site_of("https://www.Capitalfm.co.ke/news/") == "capitalfm.co.ke"
    assert site_of("https://en.trend.az/business/1") == "en.trend.az"  # a language's site is a site
    assert site_of("http://[broken") == site_of("") == ""
    assert site_of("http://[::1]:8080/news") == site_of("http://10.0.0.1/news") == ""  # no site's name
    assert site_of("https://example.kg\\@evil.example/news") == "example.kg"  # as a browser reads it


def test_one_page_at_two_addresses_is_the_same_page():
    assert same_page("http://www.kant.kg/news/1/", "https://kant.kg/news/1")
    assert same_page("https://kant.kg/news?id=1", "https://kant.kg/news?id=1#comments")
    assert not same_page("https://kant.kg/news?id=1", "https://kant.kg/news?id=2")
    assert not same_page("https://kant.kg/news/1", "https://en.kant.kg/news/1")
    assert not same_page("", "")  # no address is no page
    # one page however its address is encoded, its query ordered, or its reader tracked
    assert same_page(
        "https://misanec.ru/2020/07/29/%d0%b2-%d1%83/", "https://misanec.ru/2020/07/29/%D0%B2-%D1%83"
    )
    assert same_page("https://misanec.ru/2020/07/29/в-у/", "https://misanec.ru/2020/07/29/%D0%B2-%D1%83")
    assert same_page("https://kant.kg/news?id=1&lang=ru", "https://kant.kg/news?lang=ru&id=1")
    assert same_page("https://kant.kg/news/1?utm_source=facebook&fbclid=Iw", "https://kant.kg/news/1")
    assert not same_page("https://gov.kz/news?id=1&lang=ru", "https://gov.kz/news?id=1&lang=kk")
    # a single-page site's route is another page
    assert not same_page("https://egov.kz/#/news/1", "https://egov.kz/#/news/2")
    assert not same_page("https://egov.kz/#!/news/1", "https://egov.kz/#!/news/2")


def _seed(number: int, url: str, publisher: str) -> Seed:
    return Seed(id=f"seed-{number}", path="", body="", title="T", url=url, publisher=publisher)


def test_a_site_is_known_by_name_only_when_every_seed_from_it_agrees():
    known = known_publishers(
        [
            _seed(1, "https://en.trend.az/a", "Trend News Agency"),
            _seed(2, "https://en.trend.az/b", "Trend News Agency"),
            _seed(3, "https://docslib.org/a", "Astana Civil Service Hub"),  # a host of many houses' papers
            _seed(4, "https://docslib.org/b", "OECD"),
            _seed(5, "", "No address"),
        ]
    )
    assert known == {"en.trend.az": "Trend News Agency"}


STAMPED = "Centre opens in Osh\n\nPublished: 17 April 2023\n\nThe ministry opened a centre in Osh.\n"
MONTHED = "Centre opens in Osh\n\nPublished: April 2023\n\nThe ministry opened a centre in Osh.\n"
UNDATED = "Centre opens in Osh\n\nThe ministry opened a centre in Osh yesterday, Kabar reports.\n"


def test_the_address_dates_a_page_whose_text_does_not_or_does_less_precisely():
    assert extract_text(MONTHED, url="https://kabar.kg/2023/04/18/centre").published == PartialDate(
        2023, 4, 18
    )
    extraction = extract_text(UNDATED, url="https://kabar.kg/news/2023/04/18/centre-opens")
    assert extraction.published == PartialDate(2023, 4, 18)
    assert [event.date for event in extraction.events] == [PartialDate(2023, 4, 17)]  # its "yesterday"


def test_a_more_precise_date_in_the_text_beats_the_address_month_and_a_given_date_beats_both():
    url = "https://kabar.kg/2023/04/centre-opens"
    assert extract_text(STAMPED, url=url).published == PartialDate(2023, 4, 17)
    assert extract_text(UNDATED, url=url).published == PartialDate(2023, 4)
    assert extract_text(STAMPED, PartialDate(2023, 5), url=url).published == PartialDate(2023, 5)


def test_the_publisher_is_the_texts_else_the_corpus_name_for_the_site_else_the_site():
    url = "https://kabar.kg/news/centre-opens"
    known = {"kabar.kg": "Kabar National News Agency"}
    assert extract_text(UNDATED, url=url, publishers=known).publisher == "Kabar"  # ", Kabar reports."
    assert extract_text(STAMPED, url=url, publishers=known).publisher == "Kabar National News Agency"
    assert extract_text(STAMPED, url=url).publisher == "kabar.kg"
    assert extract_text(STAMPED).publisher == ""


def test_a_day_in_the_address_and_another_in_the_text_give_the_address_day():
    # a site writes the day it made the page into its address; a stamp may be a later edit's
    assert extract_text(STAMPED, url="https://kabar.kg/2023/04/18/centre").published == PartialDate(
        2023, 4, 18
    )


def test_a_sites_placeholder_for_a_lost_date_dates_nothing_and_the_address_dates_the_page():
    text = "Quality of public services improves\n\n06:00 / 1970-01-01\n\nThe agency opened 33 centres.\n"
    assert extract_text(text).published is None  # the day of a time stamp of zero
    url = "https://uza.uz/posts/quality-of-public-services-improves--28-06-2018"
    assert extract_text(text, url=url).published == PartialDate(2018, 6, 28)
