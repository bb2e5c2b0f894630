"""Stage 4: render the timeline into Markdown pages (text only; nothing is written here).

Markup lives in the Jinja templates beside this module. Text from seeds reaches a page only
through `| e` (HTML contexts) or `| plain` (Markdown contexts), so it cannot inject markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2

from build_scripts.charts import (
    count_by_main_country,
    count_naming,
    layout_bars,
    layout_transfer_map,
    transfer_edges,
    year_range,
)
from build_scripts.model import Entry, Timeline
from build_scripts.schema import tag_vocabulary

TEMPLATES = Path(__file__).parent / "templates"
LATEST_ON_HOME = 8
# The timeline and country pages show at most this many entries in full, the newest; older
# ones become links to their year pages, so the pages a reader opens first stay light however
# large the timeline grows.
TIMELINE_PAGE_ENTRIES = 400
COUNTRY_PAGE_ENTRIES = 200

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def plain(text: str) -> str:
    """Plain text made safe for a Markdown context: HTML escaped, Markdown syntax neutralised."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))


def count_entries(count: int) -> str:
    return f"{count} {'entry' if count == 1 else 'entries'}"


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
    env.filters["entries"] = count_entries
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


@dataclass(frozen=True)
class YearSection:
    """One year of a long list, of which only the newest entries may be shown in full."""

    year: int
    entries: tuple[Entry, ...]  # all of the year's entries in the list, oldest first
    shown: tuple[Entry, ...]  # the newest of them that fit on the page, oldest first

    @property
    def not_shown(self) -> int:
        return len(self.entries) - len(self.shown)


def newest_in_full(entries: tuple[Entry, ...], budget: int) -> list[YearSection]:
    """Entries by year, oldest year first; only the newest `budget` of them are shown in full."""
    by_year: dict[int, list[Entry]] = {}
    for entry in entries:
        by_year.setdefault(entry.event.date.year, []).append(entry)
    sections = []
    for year in sorted(by_year, reverse=True):
        year_entries = tuple(by_year[year])
        shown = year_entries[len(year_entries) - min(budget, len(year_entries)):]
        budget -= len(shown)
        sections.append(YearSection(year, year_entries, shown))
    return sections[::-1]


def filter_options(entries: list[Entry]) -> dict[str, list]:
    """The countries (code, name) and tags a page's filter offers: those of the entries it lists."""
    countries = sorted({country for entry in entries for country in entry.event.countries}, key=lambda c: c.name)
    return {
        "countries": [[country.code, country.name] for country in countries],
        "tags": sorted({tag for entry in entries for tag in entry.event.tags}),
    }


def render_pages(timeline: Timeline) -> dict[str, str]:
    """Every generated page, by its path under docs/ (which it never touches)."""
    return dict(_generate_pages(timeline))


def _generate_pages(timeline: Timeline) -> Iterator[tuple[str, str]]:
    home_description = (
        f"Twenty years of one-stop-shop public service delivery: {len(timeline.entries)} entries "
        f"from {len(timeline.countries)} countries, each quoting its source."
    )
    latest = list(reversed(timeline.entries[-LATEST_ON_HOME:]))
    all_years = year_range(timeline.entries)
    span = f", {all_years[0]}–{all_years[-1]}" if all_years else ""
    chart = layout_bars(count_by_main_country(timeline.entries), "entries-per-year", f"Entries per year by country{span}")
    yield "index.md", _render(
        "home.md.j2", "index.md", timeline=timeline, latest=latest, description=home_description, chart=chart
    )
    years = newest_in_full(timeline.entries, TIMELINE_PAGE_ENTRIES)
    yield "timeline/index.md", _render(
        "timeline.md.j2", "timeline/index.md", timeline=timeline, years=years, chart=chart,
        filters=filter_options([entry for section in years for entry in section.shown]),
    )
    year_numbers = [section.year for section in years]
    for position, section in enumerate(years):
        page = f"timeline/{section.year}.md"
        yield page, _render(
            "year.md.j2", page, year=section.year, entries=section.entries, filters=filter_options(section.entries),
            previous_year=year_numbers[position - 1] if position > 0 else None,
            next_year=year_numbers[position + 1] if position + 1 < len(year_numbers) else None,
        )
    for entry in timeline.entries:
        yield entry.page, _render("entry.md.j2", entry.page, entry=entry, description=describe(entry))
    yield "countries/index.md", _render("countries.md.j2", "countries/index.md", timeline=timeline)
    for item in timeline.countries:
        page = f"countries/{item.country.slug}.md"
        country_years = newest_in_full(item.entries, COUNTRY_PAGE_ENTRIES)
        strip = layout_bars(
            count_naming(item.country, item.entries, all_years), "entries-per-year",
            f"Entries naming {item.country.name} per year{span}", height=110, most_ticks=2,
        )
        yield page, _render(
            "country.md.j2", page, item=item, years=country_years, chart=strip,
            filters=filter_options([entry for section in country_years for entry in section.shown]),
        )
    edges = transfer_edges(timeline.entries)
    yield "transfers.md", _render(
        "transfers.md.j2", "transfers.md", edges=edges, map=layout_transfer_map(edges) if edges else None
    )
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
