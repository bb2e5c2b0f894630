"""Country mentions in running text (build_scripts/extract/countries.py): names, demonyms, cities,
regions, and the languages, currencies, people and birds that are no country."""

from __future__ import annotations

import pytest

from build_scripts.extract.countries import countries_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials from Kazakhstan and the Republic of Korea met.", ["KZ", "KR"]),
        ("Study visits to the USA and the UAE.", ["US", "AE"]),
        ("The Kazakh side briefed the Uzbek and Azerbaijani delegations.", ["KZ", "UZ", "AZ"]),
        ("Pioneers in the post-Soviet space and Central Asia.", []),
        ("The first centres opened across Kazakstan.", ["KZ"]),
        ("The alliance was founded in Baku.", ["AZ"]),
        ("Georgia's Justice Houses in Tbilisi and Azerbaijan's ASAN.", ["GE", "AZ"]),
        ("The UN Department and the World Bank funded it.", []),
    ],
)
def test_country_forms(text, expected):
    assert [country.code for country in countries_in(text)] == expected


def test_georgia_next_to_atlanta_is_the_us_state():
    text = "ATLANTA, Georgia, August 2, 2010 - The city opened a permitting center."
    assert [country.code for country in countries_in(text)] == ["US"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The forms are available in Swahili, English and French.", []),
        ("The site now has Russian and Kazakh versions.", []),
        ("Leaflets were printed in Spanish by the ministry.", []),
        ("The project cost 4 million US dollars.", []),
        ("Fees are paid in Kazakh tenge or Azerbaijani manat.", []),
        ("French officials visited Kazakh cities.", ["FR", "KZ"]),
        ("A delegation from Spain toured the centre.", ["ES"]),
    ],
)
def test_languages_and_currencies_are_not_countries(text, expected):
    assert [country.code for country in countries_in(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Democratic Republic of the Congo opened a hall.", ["CD"]),
        ("Halls in DR Congo and the DRC.", ["CD"]),
        ("A visit to the Republic of the Congo.", ["CG"]),
        ("She studied at the University of Georgia.", ["US"]),
        ("The hall in Athens, Georgia, opened.", ["US"]),
        ("Opening in Nis 🇷🇸 today.", ["RS"]),
        ("#DigitalSerbia #OneStopShop", ["RS"]),
        ("The mayors of Medellín and Lyon met.", ["CO", "FR"]),
        ("HÀ NỘI — Halls across Việt Nam now accept chip IDs.", ["VN"]),
    ],
)
def test_more_country_forms(text, expected):
    assert [country.code for country in countries_in(text)] == expected


def test_georgia_beside_american_is_the_us_state():
    text = "An American county in Georgia, near Atlanta, opened a hall."
    assert "GE" not in [country.code for country in countries_in(text, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jordan Matthews, a former civil servant, spoke.", []),
        ("Media contact: Jordan Tan, Kiosentrix", []),
        ("Jordan and Chad signed the protocol.", ["JO", "TD"]),
        ("The queue was longer than for the Christmas bird. Turkey, it turns out, is easy to get.", []),
        ("Turkey opened its first hall in Ankara.", ["TR"]),
        ("Türkiye and Azerbaijan signed a protocol.", ["TR", "AZ"]),
        ("The IDB approved a US$ 50 million loan.", []),
        ("In March, Polish and Ukrainian ministries agreed.", ["PL", "UA"]),
    ],
)
def test_people_birds_and_dollars_are_not_countries(text, expected):
    assert [country.code for country in countries_in(text, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A hall opened in Karakol.", ["KG"]),
        ("Kyrgyzstani and Turkiye experts met in Nakhchivan.", ["KG", "TR", "AZ"]),
        ("Mobile units reached Karakalpakstan and Khovd.", ["UZ", "MN"]),
    ],
)
def test_regional_centres_of_central_asia_and_the_caucasus(text, expected):
    assert [country.code for country in countries_in(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Cyrillic name takes its case endings: nominative, genitive, locative, instrumental
        ("Казахстан и Узбекистан", ["KZ", "UZ"]),
        ("В Казахстане открыт центр, как и в России.", ["KZ", "RU"]),
        ("Сьогодні в Україні та Молдові", ["UA", "MD"]),
        ("Центр открылся в Бишкеке.", ["KG"]),  # a capital places the sentence in its country
        ("საქართველოს იუსტიციის სამინისტრო", ["GE"]),
        ("Lisboa tem um novo espaço; no Brasil também.", ["PT", "BR"]),
    ],
)
def test_countries_and_capitals_in_the_pages_other_languages(text, expected):
    assert [country.code for country in countries_in(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("O ministro Pedro Silva Pereira esteve presente.", []),
        ("Lojas abrem em Vila Velha de Ródão e Boticas.", []),
        ("The Pereira office opened.", ["CO"]),
        ("O Governo de São Paulo abriu um posto.", ["BR"]),
        ("Delegates met in Medellín.", ["CO"]),
        # one name, "da" and a city's name: a town named with it ("Alto da Beira"), unless the name is the
        # city's authority or area, or ends a longer name (an office in the city)
        ("Novas lojas abrem em Alto da Beira e Vale da Beira.", []),
        ("O Centro de Montevideo e a Intendencia de Montevideo.", ["UY"]),
        ("A Oficina de Atención de Montevideo abriu.", ["UY"]),
    ],
)
def test_a_city_inside_a_longer_proper_name_is_not_the_city(text, expected):
    """A city's name right after another capitalised name, after one name and 'de'/'da', or before
    'de'/'da' and a name, is part of a person's or another town's name; after a word that opens a phrase
    it is the city."""
    assert [country.code for country in countries_in(text)] == expected
