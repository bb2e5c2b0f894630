"""The seed format's rules: what is refused (with which message, on which line) and what is accepted."""

from pathlib import Path

import pytest

from build_scripts.read_seeds import read_seed_file
from build_scripts.validate import validate_paths, validate_seed_file

from .conftest import FIXTURES, founding_seeds


def problems_in(tmp_path: Path, content: str | bytes, name: str = "seed.md") -> list[tuple[int, str]]:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    _, problems = validate_paths([path])
    return [(problem.line, problem.message) for problem in problems]


def seed_of(tmp_path: Path, content: str | bytes):
    path = tmp_path / "seed.md"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    seed_file, problems = read_seed_file(path)
    assert problems == []
    seed, problems = validate_seed_file(seed_file)
    assert problems == [], problems
    return seed


def test_the_founding_seeds_are_valid():
    seeds, problems = validate_paths(founding_seeds())
    assert problems == []
    assert sum(len(seed.events) for seed in seeds) >= 8


def test_every_problem_of_a_broken_seed_is_reported_at_its_line():
    _, problems = validate_paths([FIXTURES / "seeds" / "broken.md"])
    assert [(problem.line, problem.message) for problem in problems] == [
        (2, "'title' contains raw HTML ('<b>'): write plain text instead"),
        (3, "unknown key 'publisehd' in the front matter: did you mean 'published'?"),
        (
            4,
            "'published' is '2025-02-30', which is not a valid date: February 2025 has 28 days, "
            "not 30 (for example 2017, 2017-12 or 2017-12-22)",
        ),
        (5, "'url' is 'ftp://justice.example.ge/halls': a link must start with http:// or https://"),
        (6, "'language' is 'english': use a language code such as en, ru, kk or uz"),
        (
            10,
            "'countries' names 'Atlantis', which is not a country: use an ISO 3166-1 alpha-2 code "
            "or an English country name",
        ),
        (11, "tag 'Halls' must be lowercase words joined by hyphens, e.g. 'e-government'"),
        (
            13,
            "'date' is '12.05.2012', which is not a valid date: a date is written YYYY, YYYY-MM or "
            "YYYY-MM-DD (for example 2017, 2017-12 or 2017-12-22)",
        ),
        (15, "'quote' is empty: give it a value"),
        (16, "event 3 has no 'date': add 'date:' (YYYY, YYYY-MM or YYYY-MM-DD, only as precise as the text)"),
        (18, "event 4 repeats event 1 (same date and title): remove one of them"),
        (
            25,
            "'summary' contains raw HTML ('<script>'): use Markdown (*emphasis*, [link text](https://...)) instead",
        ),
        (25, "'summary' links to 'javascript:alert(1': links must start with http:// or https://"),
        (
            28,
            "the quote of event 6 is not in the seed's text (the text matches up to '...The halls served' "
            "but not the words that follow, 'every citizen of the...'): copy the passage word for word "
            "from the text below the front matter (spacing, line breaks and straight or curly quotes may differ)",
        ),
        (29, "unknown key 'sumary' in event 6: did you mean 'summary'?"),
        (30, "event 7 must be a mapping with date, title and quote"),
    ]


BODY = "On 22 December 2017 Uzbekistan said it would “adopt Kazakhstan’s experience” in public services.\n"
EVENT = "events:\n  - date: 2017-12-22\n    title: Uzbekistan adopts\n    quote: {quote}\n"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(
            b"\xff\xfeK\x00Z\x00",
            [(1, "the file is not UTF-8 text (byte 0xff cannot be read): save it with UTF-8 encoding")],
            id="not-utf8",
        ),
        pytest.param("", [(1, "the file is empty: a seed holds the text of a source document")], id="empty"),
        pytest.param(
            " \n\n", [(1, "the file is empty: a seed holds the text of a source document")], id="blank"
        ),
        pytest.param(
            "---\ntitle: x\n" + BODY,
            [
                (
                    1,
                    "the front matter opened with '---' on line 1 is never closed: add a line '---' between the front matter and the text",
                )
            ],
            id="unclosed",
        ),
        pytest.param(
            "---\ntitle: [x\n---\n" + BODY,
            [
                (
                    3,
                    "the front matter is not valid YAML at line 3 (or the end of line 2): expected ',' or ']', but got '<stream end>'; check the indentation and put a value that contains ': ' or starts with a quote mark inside quotes",
                )
            ],
            id="not-yaml-noticed-on-the-next-line",
        ),
        pytest.param(
            "---\ntitle: x\nevents: [a\npublisher: y\n---\n" + BODY,
            [
                (
                    4,
                    "the front matter is not valid YAML at line 4: expected ',' or ']', but got ':'; check the indentation and put a value that contains ': ' or starts with a quote mark inside quotes",
                )
            ],
            id="not-yaml-mid-line",
        ),
        pytest.param(
            "---\ntitle: x\n\tpublisher: y\n---\n" + BODY,
            [
                (
                    3,
                    "the front matter contains a tab where YAML does not allow one: indent with spaces, not tabs",
                )
            ],
            id="tab",
        ),
        pytest.param(
            "---\n- a\n- b\n---\n" + BODY,
            [(2, "the front matter must be a list of 'key: value' lines (a YAML mapping)")],
            id="not-mapping",
        ),
        pytest.param(
            "---\ntitle: a\ntitle: b\n---\n" + BODY,
            [(3, "'title' is given twice in the front matter (first on line 2): keep one")],
            id="repeated-key",
        ),
        pytest.param(
            "---\npublished: 2017-12\nevents: 2017\n---\n" + BODY,
            [(3, "'events' must be a list: start each event with '- date: ...'")],
            id="events-not-list",
        ),
        pytest.param(
            "---\npublished: 17 December 2017\n---\n" + BODY,
            [
                (
                    2,
                    "'published' is '17 December 2017', which is not a valid date: a date is written YYYY, YYYY-MM or YYYY-MM-DD (for example 2017, 2017-12 or 2017-12-22)",
                )
            ],
            id="date-format",
        ),
        pytest.param(
            "---\nurl: javascript:alert(1)\n---\n" + BODY,
            [(2, "'url' is 'javascript:alert(1)': a link must start with http:// or https://")],
            id="url-scheme",
        ),
        pytest.param(
            "---\n" + EVENT.format(quote="adopt") + "    countries: [Narnia]\n---\n" + BODY,
            [
                (
                    6,
                    "'countries' names 'Narnia', which is not a country: use an ISO 3166-1 alpha-2 code or an English country name",
                )
            ],
            id="unknown-country",
        ),
        pytest.param(
            "---\n" + EVENT.format(quote="adopt") + "    countries: [Uzbekstan]\n---\n" + BODY,
            [
                (
                    6,
                    "'countries' names 'Uzbekstan', which is not a country: use an ISO 3166-1 alpha-2 code or an English country name (did you mean 'Uzbekistan'?)",
                )
            ],
            id="country-typo",
        ),
        pytest.param(
            "---\n" + EVENT.format(quote="adopt") + "    tags: [egovernment]\n---\n" + BODY,
            [
                (
                    6,
                    "tag 'egovernment' is not in the tag list (build_scripts/data/tags.yaml): did you mean 'e-government'? A new tag is added to that file with a one-line description.",
                )
            ],
            id="unknown-tag",
        ),
        pytest.param(
            "---\nevents:\n  - date: 2017\n    title: x\n---\n" + BODY,
            [
                (
                    3,
                    "event 1 has no 'quote': add 'quote:' (a passage of the text that supports the event, word for word)",
                )
            ],
            id="no-quote",
        ),
        pytest.param(
            "---\nevents:\n  - date: 2017\n    quote: adopt\n---\n" + BODY,
            [(3, "event 1 has no 'title': add 'title:' (a short headline for the timeline)")],
            id="no-title",
        ),
        pytest.param(
            "---\n" + EVENT.format(quote="adopt Uzbekistan's way") + "---\n" + BODY,
            [
                (
                    5,
                    "the quote of event 1 is not in the seed's text (the text matches up to '...adopt' but not the words that follow, 'Uzbekistan's way...'): copy the passage word for word from the text below the front matter (spacing, line breaks and straight or curly quotes may differ)",
                )
            ],
            id="quote-not-found",
        ),
        pytest.param(
            "---\n" + EVENT.format(quote="adopt") + "    summary: <img src=x onerror=alert(1)>\n---\n" + BODY,
            [
                (
                    6,
                    "'summary' contains raw HTML ('<img src=x onerror=alert(1)>'): use Markdown (*emphasis*, [link text](https://...)) instead",
                )
            ],
            id="html-summary",
        ),
        pytest.param(
            "---\n"
            + EVENT.format(quote="adopt")
            + "    summary: '![x](https://tracker.example/p.png)'\n---\n"
            + BODY,
            [(6, "'summary' contains an image: images from other sites are not shown, remove it")],
            id="image-summary",
        ),
        pytest.param(
            "---\n"
            + EVENT.format(quote="adopt")
            + EVENT.format(quote="adopt").replace("events:\n", "")
            + "---\n"
            + BODY,
            [(6, "event 2 repeats event 1 (same date and title): remove one of them")],
            id="same-event-twice",
        ),
    ],
)
def test_bad_seeds_are_refused_with_a_located_message(tmp_path, content, expected):
    assert problems_in(tmp_path, content) == expected


def test_a_seed_file_must_be_markdown_or_text(tmp_path):
    assert problems_in(tmp_path, BODY, name="seed.docx") == [
        (1, "a seed file must end in .md or .txt, not '.docx': rename it")
    ]


def test_problems_in_several_files_are_all_reported(tmp_path):
    (tmp_path / "a.md").write_text("")
    (tmp_path / "b.md").write_text("---\nlanguage: xx-yy-zz-!!\n---\n" + BODY)
    _, problems = validate_paths([tmp_path / "a.md", tmp_path / "b.md"], base=tmp_path)
    assert [str(problem) for problem in problems] == [
        "a.md:1: error: the file is empty: a seed holds the text of a source document",
        "b.md:2: error: 'language' is 'xx-yy-zz-!!': use a language code such as en, ru, kk or uz",
    ]


def test_crlf_line_endings_and_a_byte_order_mark_are_accepted(tmp_path):
    text = (
        "---\r\npublished: 2018\r\n"
        + EVENT.format(quote="adopt").replace("\n", "\r\n")
        + "---\r\n"
        + BODY.replace("\n", "\r\n")
    )
    seed = seed_of(tmp_path, "\ufeff".encode() + text.encode())
    assert seed.published.iso == "2018"
    assert seed.body.startswith("On 22 December 2017") and seed.body.endswith("\r\n")


@pytest.mark.parametrize("written", ["2017", "'2017'", '"2017-12"', "2017-12-22", "'2017-12-22'"])
def test_dates_may_be_quoted_or_not_and_years_may_be_integers(tmp_path, written):
    seed = seed_of(tmp_path, f"---\npublished: {written}\n---\n{BODY}")
    assert seed.published.iso == written.strip("'\"")


@pytest.mark.parametrize(
    "quote",
    [
        "'adopt Kazakhstan''s experience'",  # straight quote, curly in the body
        '"“adopt Kazakhstan’s experience” in public"',  # curly as in the body
        "'\"adopt Kazakhstan''s experience\" in'",  # straight double quotes for curly ones
        ">-\n      On 22 December\n      2017 Uzbekistan said",  # wrapped differently from the body
    ],
)
def test_quotes_match_across_quote_styles_and_line_breaks(tmp_path, quote):
    seed = seed_of(tmp_path, "---\n" + EVENT.format(quote=quote) + "---\n" + BODY)
    assert len(seed.events) == 1


def test_curly_quotes_in_the_quote_match_straight_ones_in_the_body(tmp_path):
    body = 'He said "one desk for all" and it\'s done.\n'
    seed = seed_of(
        tmp_path, "---\n" + EVENT.format(quote="“one desk for all” and it’s done") + "---\n" + body
    )
    assert len(seed.events) == 1


def test_non_latin_text_and_country_names_are_accepted(tmp_path):
    body = "Халыққа қызмет көрсету орталықтары 2005 жылы ашылды.\n"
    seed = seed_of(
        tmp_path,
        "---\ntitle: Қызмет орталықтары\nlanguage: kk\nevents:\n  - date: 2005\n    title: ХҚКО ашылды\n"
        "    countries: [Kazakhstan, republic of korea, UZ]\n    quote: 2005 жылы ашылды\n---\n" + body,
    )
    assert seed.title == "Қызмет орталықтары"
    assert [country.code for country in seed.events[0].countries] == ["KZ", "KR", "UZ"]


def test_a_raw_seed_without_front_matter_is_accepted_and_left_to_the_extract_stage(tmp_path):
    seed = seed_of(tmp_path, "\nASAN service opens in Baku\n\nBaku, 2013. The first centre opened.\n")
    assert seed.title == ""  # the extract stage cites it from its text ...
    assert seed.events is None  # ... and finds its events (tests/test_extract_stage.py)


def test_the_body_stays_byte_for_byte_as_received():
    for path in founding_seeds():
        seed_file, _ = read_seed_file(path)
        received = (Path(__file__).parent / "fixtures" / "received" / path.name).read_bytes()
        assert seed_file.body.encode("utf-8") == received


def test_the_countries_of_a_transfer_belong_to_the_event(tmp_path):
    seed = seed_of(
        tmp_path,
        "---\n"
        + EVENT.format(quote="adopt")
        + "    countries: [UZ]\n    transfer:\n      from: [Kazakhstan]\n      to: [UZ]\n---\n"
        + BODY,
    )
    event = seed.events[0]
    assert [country.code for country in event.countries] == ["UZ", "KZ"]
    assert ([c.code for c in event.transfer.teachers], [c.code for c in event.transfer.learners]) == (
        ["KZ"],
        ["UZ"],
    )


@pytest.mark.parametrize(
    ("transfer", "expected"),
    [
        ("transfer: [KZ]", [(6, "'transfer' must be a mapping of 'key: value' lines")]),
        ("transfer:\n      from: [KZ]", [(7, "'transfer' needs 'to': the countries that learned")]),
        (
            "transfer:\n      from: [KZ]\n      to: [Mordor]\n      via: [RU]",
            [
                (
                    8,
                    "'transfer.to' names 'Mordor', which is not a country: use an ISO 3166-1 alpha-2 code or an English country name",
                ),
                (9, "'transfer' has an unknown key 'via': use 'from' and 'to'"),
            ],
        ),
    ],
)
def test_a_transfer_needs_from_and_to_countries(tmp_path, transfer, expected):
    assert (
        problems_in(tmp_path, "---\n" + EVENT.format(quote="adopt") + f"    {transfer}\n---\n" + BODY)
        == expected
    )
