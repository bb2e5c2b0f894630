"""Every URL shape of the site, in one place: one function per page type.

A URL is relative to the site root and ends in '/'; its page is generated as `<url>index.md`,
so the file tree mirrors the URLs under any renderer. Python and the templates (as `urls`) both
call these; no other module types a URL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from build_scripts.model import Country

HOME = ""
TIMELINE = "timeline/"
COUNTRIES = "countries/"
SOURCES = "sources/"
TAGS = "tags/"
TRANSFERS = "transfers/"
ABOUT = "about/"
LICENCE = "licence/"
OPEN_DATA = "data/"  # the hand-written page about the data files, docs/data.md
TIMELINE_JSON = "data/timeline.json"
TIMELINE_CSV = "data/timeline.csv"
COUNTRIES_JSON = "data/countries.json"
TIMELINEJS_JSON = "data/timelinejs.json"
REDIRECTS_JSON = "data/redirects.json"
ATOM_FEED = "feed.xml"
JSON_FEED = "feed.json"


def entry(entry_id: str) -> str:
    return f"entries/{entry_id}/"


def year(number: int) -> str:
    return f"{TIMELINE}{number}/"


def country(place: Country) -> str:
    return f"{COUNTRIES}{place.slug}/"


def source(seed_id: str) -> str:
    return f"{SOURCES}{seed_id}/"


def tag(name: str) -> str:
    return f"{TAGS}{name}/"


def citation(url: str, style: str) -> str:
    """The citation file of a page, in one of the styles of `build_scripts.citations`."""
    return f"{url}cite.{style}"


def page(url: str) -> str:
    """The generated Markdown file whose page is served at `url`."""
    return f"{url}index.md"


def depth(url: str) -> int:
    """How many folders below the site root the page at `url` lies."""
    return url.count("/")
