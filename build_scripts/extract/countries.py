"""Country mentions in running text: names, official names, abbreviations, demonyms and cities.

Regions ("Central Asia", "post-Soviet space") are matched too, so that a country name inside
them does not count; they resolve to no country.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache

import pycountry

from build_scripts.countries import ALIASES_FILE, country
from build_scripts.extract import word_lists
from build_scripts.model import Country

# "Georgia" is the US state when the text speaks of the United States and not of the Caucasus.
_US_STATE_CUES = re.compile(
    r"\b(?:Atlanta|Savannah|Augusta|Georgia State|state of Georgia|U\.S\.|United States|American)\b",
    re.IGNORECASE,
)
# Cues right beside "Georgia" that make it the state: "University of Georgia", "Georgia, US"
_STATE_AFTER = re.compile(r"^,?\s*(?:US|U\.S\.|USA|United States)\b")
_FLAG = re.compile("[\U0001f1e6-\U0001f1ff]{2}")  # 🇷🇸: two regional indicator letters spell the code
_HASHTAG = re.compile(r"#(\w+)")
_CAMEL_WORD = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])")
_CAUCASUS_CUES = re.compile(
    r"\b(?:Tbilisi|Batumi|Kutaisi|Rustavi|Georgians?|Caucasus|Azerbaijan\w*|Armenia\w*|Justice Houses?|"
    r"Public Service Halls?)\b"
)
_STATE_BEFORE = re.compile(r"(?:state of|University of|[A-Za-z]+,)\s*$")


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    country: Country | None  # None: a region, which is no country


@cache
def continuation_opener() -> re.Pattern[str]:
    """A sentence start that goes on about the country of the sentence before ("Its offices ...")."""
    openers = sorted(word_lists.names()["continuation_openers"], key=len, reverse=True)
    return re.compile(rf"^[\"“'‘(]?(?:{'|'.join(re.escape(word) for word in openers)})\b")


@cache
def _cities() -> dict[str, str]:
    return word_lists.names()["cities"] | word_lists.names()["provinces"] | word_lists.cities()


@cache
def leading_phrase() -> re.Pattern[str]:
    """A sentence's opening phrase up to its first comma ("After retiring in 2001,")."""
    openers = "|".join(re.escape(word) for word in word_lists.names()["leading_phrase_openers"])
    return re.compile(rf"^(?:{openers})\b[^,;]*,")


@cache
def _names() -> dict[str, str | None]:
    """Every written form mapped to its alpha-2 code (None for a region)."""
    names: dict[str, str | None] = {}
    for record in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(record, attribute, None)
            if value:  # "Korea, Republic of" is written "Korea" in running text
                names.setdefault(value.split(",")[0].strip(), record.alpha_2)
    data = word_lists.names()
    names.update(word_lists.load_yaml(ALIASES_FILE))
    names.update(data["names"])
    names.update(data["foreign_names"])
    for city, code in _cities().items():
        names.setdefault(city, code)  # a country's own name wins over a city's ("Mexico")
    for demonym, code in data["demonyms"].items():
        names[demonym] = code
        names.setdefault(demonym + "s", code)
    names.update({region: None for region in data["regions"]})
    return {name: code for name, code in names.items() if not name.islower()}


@cache
def _pattern() -> re.Pattern[str]:
    forms = set(_names())
    forms |= {form.upper() for form in forms if len(form) > 3}  # datelines: "BAKU, 29 December"
    words = sorted(forms, key=len, reverse=True)
    abbreviations = sorted(word_lists.names()["abbreviations"], key=len, reverse=True)
    alternatives = "|".join(re.escape(word) for word in words)
    short = "|".join(re.escape(word) for word in abbreviations)
    stems = "|".join(re.escape(stem) for stem in sorted(_foreign_stems(), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?:(?P<name>{alternatives})|(?P<abbreviation>{short})|(?P<stem>{stems})[^\W\d_]{{0,3}})(?![\w-])"
    )


@cache
def _foreign_stems() -> dict[str, str]:
    """Countries and cities as the pages' other languages write them, by the stem their case endings
    follow ("Казахстан" for "Казахстане"), to the alpha-2 code."""
    listed = word_lists.names()["foreign_stems"]
    return {stem: code for code, stems in listed.items() for stem in stems}


def _stem_code(word: str) -> str:
    stems = sorted(_foreign_stems(), key=len, reverse=True)
    return _foreign_stems()[next(stem for stem in stems if word.startswith(stem))]


@cache
def _upper_names() -> dict[str, str | None]:
    return {name.upper(): code for name, code in _names().items()}


def _georgia_is_us_state(before: str, after: str, whole: str) -> bool:
    if _STATE_AFTER.match(after) or re.search(r"University of\s*$", before):
        return True
    city = re.search(r"([A-Z][\w.-]+),\s*$", before)
    if city and _cities().get(city[1]) not in (None, "GE"):
        return True  # "Athens, Georgia": a city of another country, so the US state
    if not _US_STATE_CUES.search(whole):
        return False
    return bool(_STATE_BEFORE.search(before)) or not _CAUCASUS_CUES.search(whole)


@cache
def _money_and_language_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    def words(key: str) -> str:
        return "|".join(re.escape(word) for word in word_lists.names()[key])

    listed = r"(?:(?:,\s*|\s+(?:and|or)\s+)[A-Z][\w-]*)*"  # "Russian, Kazakh and English ..."
    currency = re.compile(rf"\s+(?:{words('currencies')})\b")
    cued = re.compile(rf"{listed}(?:-|\s+)(?:{words('language_cues')})\b", re.IGNORECASE)
    after_in = re.compile(rf"{listed}(?=\s*(?:[.,;:!?)]|$)|\s+(?:{words('after_language')})\b)")
    return currency, cued, after_in


# "in English, French or Polish"; a month is no language: "in March, Polish and Ukrainian ministries agreed"
_NOT_A_MONTH = rf"(?!(?:{'|'.join(calendar.month_name[1:])})\b)"
_IN_A_LIST = re.compile(rf"\b(?:in|into)\s+(?:{_NOT_A_MONTH}[A-Z][\w-]*(?:,\s*|\s+(?:and|or)\s+))*$")
_CAPITALISED_WORD = re.compile(r"^\s([A-Z][a-z]+)\b")


def _names_money_or_language(text: str, match: re.Match[str]) -> bool:
    """'US dollars' and 'Kazakh tenge' are money; 'in English and French', 'Russian version' a language."""
    currency, cued, after_in = _money_and_language_patterns()
    after = text[match.end() :]
    if currency.match(after):
        return True
    if match["name"] not in word_lists.names()["demonyms"]:
        return False
    return bool(cued.match(after) or (_IN_A_LIST.search(text[: match.start()]) and after_in.match(after)))


def _names_a_person(text: str, match: re.Match[str]) -> bool:
    """'Jordan Matthews' is a person: a first name before a capitalised word that is no place."""
    if match["name"] not in word_lists.names()["given_names"]:
        return False
    surname = _CAPITALISED_WORD.match(text[match.end() :])
    return bool(surname) and surname[1] not in _names()


@cache
def _noun_cues() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    def any_of(words: list[str]) -> re.Pattern[str]:
        return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(word) for word in words)})(?!\w)")

    return {
        name: (any_of(cues["noun_cues"]), any_of(cues["country_cues"]))
        for name, cues in word_lists.names()["common_nouns"].items()
    }


def _names_a_thing(form: str, context: str) -> bool:
    """'Turkey' in a text about Christmas dinner, naming the country no other way, is the bird."""
    cues = _noun_cues().get(form)
    return bool(cues) and bool(cues[0].search(context)) and not cues[1].search(context)


def _flags_and_hashtags(text: str) -> list[CountryMention]:
    """🇷🇸 and "#DigitalSerbia" name their country."""
    mentions = []
    for match in _FLAG.finditer(text):
        code = "".join(chr(ord(letter) - 0x1F1E6 + ord("A")) for letter in match.group())
        if pycountry.countries.get(alpha_2=code):
            mentions.append(CountryMention(match.start(), match.end(), country(code)))
    for match in _HASHTAG.finditer(text):
        words = " ".join(_CAMEL_WORD.findall(match[1]))
        if " " in words:  # a single word is found by the ordinary pass
            for inner in _pattern().finditer(words):
                code = _names().get(inner["name"]) if inner["name"] else None
                if code:
                    mentions.append(CountryMention(match.start(), match.end(), country(code)))
    return mentions


# A city's name inside a longer proper name is not the city: "Pedro Silva Pereira", "Vila Velha de Ródão",
# "Aguiar da Beira"; a word that opens a phrase ("The", "In") or a sentence does not lengthen it, and
# "Governo de São Paulo" is the city's government
_NAME_PARTICLE = r"(?:da|de|do|das|dos|del|di|du|la|le)"
_NAME_BEFORE = re.compile(r"(?<![.!?:;,\n]\s)(?<!^)\b(?P<word>[A-ZÀ-Ý][\w'’-]+)\s+$")

_NAME_AFTER = re.compile(rf"^\s+{_NAME_PARTICLE}\s+[A-ZÀ-Ý]")
_PHRASE_OPENERS = frozenset(
    "The A An In At On From To And Of For With By Near Via Into Across Em Na No De Da Do En El La Los Las Y E "
    "Between Outside Inside Central Northern Southern Eastern Western Downtown Greater".split()
)
# "em Aguiar da Beira": one capitalised word after a lowercase word, a stop or a word that opens a phrase,
# then "da"; in "Centro de Atendimento de Montevideo" the city follows a longer name, an office in it
_TOWN_BEFORE = re.compile(
    rf"(?:^|[^\w\s]\s*|\b(?:(?!{_NAME_PARTICLE}\b)[a-zà-ÿ]+|{'|'.join(_PHRASE_OPENERS)})\s+)"
    rf"(?P<word>[A-ZÀ-Ý][\w'’-]+)\s+{_NAME_PARTICLE}\s+$"
)


@cache
def _city_only_forms() -> frozenset[str]:
    """The names that are a city's and no country's, demonym's or region's."""
    data = word_lists.names()
    other = set(data["names"]) | set(data["foreign_names"]) | set(data["demonyms"]) | set(data["regions"])
    return frozenset(
        form for form in _cities() if form not in other and not pycountry.countries.get(name=form)
    )


def _inside_a_longer_name(text: str, match: re.Match[str]) -> bool:
    """'Vila Velha de Ródão' and 'Aguiar da Beira' are Portuguese towns and 'Silva Pereira' a minister: no
    Vila Velha, no Beira, no Pereira."""
    if match["name"] not in _city_only_forms():
        return False
    before = _NAME_BEFORE.search(text[max(0, match.start() - 40) : match.start()])
    if before and before["word"] not in _PHRASE_OPENERS and before["word"] not in _names():
        return True
    town = _TOWN_BEFORE.search(text[max(0, match.start() - 40) : match.start()])
    if town and town["word"] not in word_lists.names()["city_authorities"] and town["word"] not in _names():
        return True
    return bool(_NAME_AFTER.match(text[match.end() : match.end() + 20]))


def find_countries(text: str, context: str | None = None) -> list[CountryMention]:
    """The country and region mentions in `text`, in order; `context` (the article) settles 'Georgia'."""
    mentions = _flags_and_hashtags(text)
    for match in _pattern().finditer(text):
        if match["abbreviation"]:
            code = word_lists.names()["abbreviations"][match["abbreviation"]]
        elif match["stem"]:
            code = _stem_code(match.group())
        else:
            form = match["name"]
            code = _names().get(form, _upper_names().get(form))
            before = text[max(0, match.start() - 30) : match.start()]
            after = text[match.end() : match.end() + 20]
            if (
                code == "GE"
                and form.casefold() == "georgia"
                and _georgia_is_us_state(before, after, context or text)
            ):
                code = "US"
                if mentions and re.fullmatch(r",\s*", text[mentions[-1].end : match.start()]):
                    mentions.pop()  # "Athens, Georgia" is a US town, not Greece
        if code and _names_money_or_language(text, match):
            continue
        if match["name"] and (_names_a_person(text, match) or _names_a_thing(match["name"], context or text)):
            continue
        if match["name"] and _inside_a_longer_name(text, match):
            continue
        if match["abbreviation"] and text[match.end() : match.end() + 1] == "$":  # "US$ 50 million"
            continue
        mentions.append(CountryMention(match.start(), match.end(), country(code) if code else None))
    return sorted(mentions, key=lambda mention: mention.start)


def countries_in(text: str, context: str | None = None) -> tuple[Country, ...]:
    """The distinct countries mentioned, in order of first mention."""
    found: dict[str, Country] = {}
    for mention in find_countries(text, context):
        if mention.country:
            found.setdefault(mention.country.code, mention.country)
    return tuple(found.values())
