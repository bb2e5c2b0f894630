"""Stage 6: the Atom feed and the JSON Feed of the newest entries, as bytes (nothing is written here).

Feed readers fetch a feed on its own, away from the site, so every link in it is absolute:
`site_url` (mkdocs.yml) is the address the site is published at.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

from build_scripts import urls
from build_scripts.export import json_bytes
from build_scripts.model import Entry, PartialDate, Timeline
from build_scripts.render import describe

TEMPLATES = Path(__file__).parent / "templates" / "feeds"
FEED_ENTRIES = 50
ATOM_PATH = urls.ATOM_FEED
JSON_FEED_PATH = urls.JSON_FEED
FEED_TITLE = "One-Stop Shop Timeline"
FEED_DESCRIPTION = "New entries of the One-Stop Shop Timeline, each quoting its source."


@cache
def environment() -> jinja2.Environment:
    # Both templates produce markup (Atom XML, the HTML of an entry), so seed text is escaped by default.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["timestamp"] = timestamp
    return env


def timestamp(date: PartialDate) -> str:
    """RFC 3339, as both formats require: a partial date stands for its first day."""
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T00:00:00Z"


def newest_entries(timeline: Timeline) -> list[Entry]:
    return list(reversed(timeline.entries[-FEED_ENTRIES:]))


def _content_html(entry: Entry, site_url: str) -> str:
    return environment().get_template("entry_content.html.j2").render(entry=entry, site_url=site_url)


def render_atom(timeline: Timeline, site_url: str) -> bytes:
    entries = newest_entries(timeline)
    return (
        environment()
        .get_template("atom.xml.j2")
        .render(
            title=FEED_TITLE,
            subtitle=FEED_DESCRIPTION,
            site_url=site_url,
            path=ATOM_PATH,
            # The newest entry date, not the clock: the same seeds give the same feed.
            updated=entries[0].event.date if entries else PartialDate(1970),
            entries=[(entry, describe(entry), _content_html(entry, site_url)) for entry in entries],
        )
        .encode("utf-8")
    )


def render_json_feed(timeline: Timeline, site_url: str) -> bytes:
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): data, so built as data like export.py."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": FEED_TITLE,
        "home_page_url": site_url,
        "feed_url": site_url + JSON_FEED_PATH,
        "description": FEED_DESCRIPTION,
        "language": "en",
        "authors": [{"name": FEED_TITLE, "url": site_url}],
        "items": [
            {
                "id": site_url + entry.url,
                "url": site_url + entry.url,
                **({"external_url": entry.seed.url} if entry.seed.url else {}),
                "title": entry.event.title,
                "summary": describe(entry),
                "content_html": _content_html(entry, site_url),
                "date_published": timestamp(entry.event.date),
                "tags": list(entry.event.tags),
            }
            for entry in newest_entries(timeline)
        ],
    }
    return json_bytes(feed)


def render_feeds(timeline: Timeline, site_url: str) -> dict[str, bytes]:
    return {ATOM_PATH: render_atom(timeline, site_url), JSON_FEED_PATH: render_json_feed(timeline, site_url)}
