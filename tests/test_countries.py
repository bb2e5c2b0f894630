import pytest

from build_scripts.countries import resolve_country, suggest_country
from build_scripts.extract import extract_text
from build_scripts.model import Country


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        ("KZ", "KZ", "Kazakhstan"),
        ("kz", "KZ", "Kazakhstan"),
        ("Kazakhstan", "KZ", "Kazakhstan"),
        ("Republic of Korea", "KR", "South Korea"),
        ("Korea", "KR", "South Korea"),
        ("USA", "US", "United States"),
        ("United States of America", "US", "United States"),
        ("Georgia", "GE", "Georgia"),
        ("Viet Nam", "VN", "Vietnam"),
        ("Turkey", "TR", "Türkiye"),
        ("  United   Kingdom ", "GB", "United Kingdom"),
    ],
)
def test_codes_official_and_common_names_resolve_to_one_country(text, code, name):
    country = resolve_country(text)
    assert (country.code, country.name) == (code, name)


@pytest.mark.parametrize("text", ["Central Asia", "post-Soviet space", "XX", "Kazakstan", ""])
def test_regions_typos_and_unknown_codes_are_not_countries(text):
    assert resolve_country(text) is None


def test_a_typo_gets_a_suggestion():
    assert suggest_country("Uzbekstan") == "Uzbekistan"


def test_a_country_outside_iso_3166_that_the_extractor_names_is_known():
    assert resolve_country("Kosovo") == resolve_country("XK") == Country("XK", "Kosovo")
    extraction = extract_text("Kosovo opened its first one-stop shop in Pristina on 3 May 2019.\n")
    assert [country.code for country in extraction.countries] == ["XK"]
