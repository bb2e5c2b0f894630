"""Stage 4: render the timeline into Markdown pages (text only; nothing is written here).

Markup lives in the Jinja templates beside this module. Text from seeds reaches a page only
through `| e` (HTML contexts) or `| plain` (Markdown contexts), so it cannot inject markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import jinja2

from build_scripts.model import Entry, Timeline
from build_scripts.schema import tag_vocabulary

TEMPLATES = Path(__file__).parent / "templates"
LATEST_ON_HOME = 8
# The timeline page shows at most this many entries in full; older years become links to their
# year pages, so the page a reader opens first stays light however large the timeline grows.
TIMELINE_PAGE_ENTRIES = 400

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def plain(text: str) -> str:
    """Plain text made safe for a Markdown context: HTML escaped, Markdown syntax neutralised."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,  # the pages are Markdown; HTML contexts escape with `| e` explicitly
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
    )
    env.filters["plain"] = plain
    return env


def _render(template: str, page: str, **context) -> str:
    # Links are relative, so that the site works from any folder, offline too.
    depth = page.count("/") + (0 if page.endswith("index.md") else 1)
    return environment().get_template(template).render(root="../" * depth, **context)


def describe(entry: Entry) -> str:
    """A one-sentence description for search engines and link previews."""
    countries = ", ".join(country.name for country in entry.event.countries)
    where = f" ({countries})" if countries else ""
    return f"{entry.event.date.label}{where}: {entry.event.title}. Source: {entry.seed.title}."


def timeline_years(timeline: Timeline) -> list[tuple[int, list[Entry], bool]]:
    """(year, its entries, shown in full?), oldest first; the newest years are shown in full."""
    by_year: dict[int, list[Entry]] = {}
    for entry in timeline.entries:
        by_year.setdefault(entry.event.date.year, []).append(entry)
    remaining = TIMELINE_PAGE_ENTRIES
    shown = {}
    for year in sorted(by_year, reverse=True):
        shown[year] = len(by_year[year]) <= remaining
        remaining = remaining - len(by_year[year]) if shown[year] else 0
    return [(year, by_year[year], shown[year]) for year in sorted(by_year)]


def render_pages(timeline: Timeline) -> dict[str, str]:
    """Every generated page, by its path under docs/ (which it never touches)."""
    return dict(_generate_pages(timeline))


def _generate_pages(timeline: Timeline) -> Iterator[tuple[str, str]]:
    home_description = (
        f"Twenty years of one-stop-shop public service delivery: {len(timeline.entries)} entries "
        f"from {len(timeline.countries)} countries, each quoting its source."
    )
    latest = list(reversed(timeline.entries[-LATEST_ON_HOME:]))
    yield "index.md", _render(
        "home.md.j2", "index.md", timeline=timeline, latest=latest, description=home_description
    )
    years = timeline_years(timeline)
    yield "timeline/index.md", _render("timeline.md.j2", "timeline/index.md", timeline=timeline, years=years)
    year_numbers = [year for year, _, _ in years]
    for position, (year, entries, _) in enumerate(years):
        page = f"timeline/{year}.md"
        yield page, _render(
            "year.md.j2", page, year=year, entries=entries,
            previous_year=year_numbers[position - 1] if position > 0 else None,
            next_year=year_numbers[position + 1] if position + 1 < len(year_numbers) else None,
        )
    for entry in timeline.entries:
        yield entry.page, _render("entry.md.j2", entry.page, entry=entry, description=describe(entry))
    yield "countries/index.md", _render("countries.md.j2", "countries/index.md", timeline=timeline)
    for item in timeline.countries:
        page = f"countries/{item.country.slug}.md"
        yield page, _render("country.md.j2", page, item=item)
    entries_by_seed: dict[str, list[Entry]] = {seed.id: [] for seed in timeline.seeds}
    for entry in timeline.entries:
        entries_by_seed[entry.seed.id].append(entry)
    sources = [(seed, entries_by_seed[seed.id]) for seed in timeline.seeds]
    yield "sources/index.md", _render("sources.md.j2", "sources/index.md", sources=sources, timeline=timeline)
    for seed, entries in sources:
        page = f"sources/{seed.id}.md"
        yield page, _render("source.md.j2", page, seed=seed, entries=entries)
    vocabulary = tag_vocabulary()
    counts = {tag: 0 for tag in timeline.tags}
    for entry in timeline.entries:
        for tag in entry.event.tags:
            counts[tag] += 1
    tags = [(tag, vocabulary[tag], counts[tag]) for tag in timeline.tags]
    yield "tags/index.md", _render("tags.md.j2", "tags/index.md", tags=tags)
    for tag, description, _ in tags:
        page = f"tags/{tag}.md"
        yield page, _render("tag.md.j2", page, tag=tag, description=description)
