"""Shared by the extraction tests: a sentence's event dates, an article's events, sample texts."""

from __future__ import annotations

from pathlib import Path

from build_scripts.extract import extract_text
from build_scripts.extract.dates import find_dates
from build_scripts.model import PartialDate

ROOT = Path(__file__).resolve().parents[1]
FOUNDING_SEEDS = sorted((ROOT / "seeds").glob("00[04]_*.txt"))


def dates(sentence: str, reference: str | None = "2018-01-05") -> list[str]:
    """The event dates of a sentence, resolved against a reference (a Friday by default)."""
    found = find_dates(sentence, PartialDate.parse(reference) if reference else None)
    return [mention.date.iso for mention in found if mention.date and not mention.anchor]


def events_of(text: str) -> list[tuple[str, list[str]]]:
    """An article's events as (date, country codes)."""
    return [(event.date.iso, [c.code for c in event.countries]) for event in extract_text(text).events]


ARTICLE = """Uzbekistan creates Public Services Agency

Tashkent (UzA) – President Shavkat Mirziyoyev signed a decree on 12 December 2017 establishing the agency.

Single centres of public services will operate in every district from 1 April 2018. The Uzbek
agency will also take over the centres for entrepreneurs, which have been working since 2013.

Last month, a delegation of the Uzbek Ministry of Justice visited ASAN Service centres in Baku.

UzA, 14.12.2017

Other news
- 10.12.2017 Kazakhstan opens a centre in Turkistan
"""


SPEECH_HEADING = "A long heading of a speech given by the minister at the forum on services in a digital era"
