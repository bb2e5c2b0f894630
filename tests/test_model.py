import pytest

from build_scripts.model import PartialDate, slugify


@pytest.mark.parametrize(
    ("text", "precision", "label", "iso"),
    [
        ("2005", "year", "2005", "2005"),
        ("2017-12", "month", "December 2017", "2017-12"),
        ("2017-12-22", "day", "22 December 2017", "2017-12-22"),
        ("2024-02-29", "day", "29 February 2024", "2024-02-29"),
    ],
)
def test_a_date_keeps_the_precision_its_source_gives(text, precision, label, iso):
    date = PartialDate.parse(text)
    assert (date.precision, date.label, date.iso) == (precision, label, iso)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2025-02-30", "February 2025 has 28 days, not 30"),
        ("2023-02-29", "February 2023 has 28 days, not 29"),
        ("2017-13", "there is no month 13"),
        ("22.12.2017", "a date is written YYYY, YYYY-MM or YYYY-MM-DD"),
        ("Dec 2017", "a date is written YYYY, YYYY-MM or YYYY-MM-DD"),
        ("17-12-22", "a date is written YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_impossible_and_foreign_dates_are_refused_with_the_reason(text, reason):
    with pytest.raises(ValueError, match=reason):
        PartialDate.parse(text)


def test_dates_sort_by_what_is_known_year_before_its_months():
    dates = [PartialDate.parse(text) for text in ("2017-12-22", "2017", "2005", "2017-12")]
    assert [date.iso for date in sorted(dates, key=lambda d: d.sort_key)] == [
        "2005",
        "2017",
        "2017-12",
        "2017-12-22",
    ]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Uzbekistan studies Kazakh one-stop shops", "uzbekistan-studies-kazakh-one-stop-shops"),
        ("Georgia's Justice Houses: «Public Service Hall»", "georgia-s-justice-houses-public-service-hall"),
        ("Türkiye e-Devlet", "turkiye-e-devlet"),
        ("Қазақстан", "untitled"),
    ],
)
def test_slugs_are_readable_ascii(title, slug):
    assert slugify(title) == slug
