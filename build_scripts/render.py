"""Stage 4: render the timeline into Markdown pages (text only; nothing is written here).

Markup lives in the Jinja templates beside this module, which escape every value by default:
text from seeds reaches a page as escaped HTML, or through `| plain` where Markdown would read it,
and a summary only as the sanitised HTML of `summary_html`. Nothing from a seed is trusted markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

import jinja2
import markdown
import nh3
from jinja2.filters import do_tojson
from markupsafe import Markup

from build_scripts import urls
from build_scripts.charts import (
    count_by_main_country,
    count_naming,
    layout_bars,
    layout_starts,
    layout_transfer_map,
    transfer_edges,
    year_range,
)
from build_scripts.citations import CITATION_STYLES
from build_scripts.last_build import LastBuild
from build_scripts.model import CountryEntries, Entry, Seed, Timeline
from build_scripts.schema import tag_vocabulary

TEMPLATES = Path(__file__).parent / "templates"
LATEST_ON_HOME = 8
# The timeline, country and tag pages show at most this many entries in full, the newest; older
# ones become links to their year pages, so the pages a reader opens first stay light however
# large the timeline grows.
TIMELINE_PAGE_ENTRIES = 400
COUNTRY_PAGE_ENTRIES = 200
TAG_PAGE_ENTRIES = 200
# The Markdown a summary may use, as HTML: emphasis, links, lists and paragraphs, nothing else.
SUMMARY_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "code", "br"}
SUMMARY_ATTRIBUTES = {"a": {"href"}}
SUMMARY_URL_SCHEMES = {"http", "https", "mailto"}

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def plain(text: str) -> Markup:
    """Plain text made safe for a Markdown context: HTML escaped, Markdown syntax neutralised."""
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False)))


def summary_html(text: str) -> Markup:
    """A summary's small Markdown subset as HTML, cleaned by an allow-list sanitiser.

    Raw HTML is escaped before Markdown sees it, Markdown runs without extensions (no attribute
    lists), and nh3 keeps only the tags, attributes and link schemes of the subset.
    """
    rendered = _summary_markdown().reset().convert(html.escape(text, quote=False))
    return Markup(
        nh3.clean(
            rendered,
            tags=SUMMARY_TAGS,
            attributes=SUMMARY_ATTRIBUTES,
            url_schemes=SUMMARY_URL_SCHEMES,
            link_rel="noopener noreferrer nofollow",
        )
    )


@cache
def _summary_markdown() -> markdown.Markdown:
    """One converter for every summary (building one costs more than converting a summary);
    `reset()` before each use makes it convert exactly as a new one would."""
    return markdown.Markdown(extensions=[], output_format="html")


_ASTRAL_PAIR = re.compile(r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})")


@jinja2.pass_eval_context
def yaml_value(eval_context, value) -> Markup:
    """A value for a page's front matter: JSON as `tojson` writes it, which YAML reads as a flow
    value, except that a character beyond the Basic Multilingual Plane (an emoji, a rare CJK
    character) is written as YAML's `\\U` escape: JSON's surrogate pair for it is an escape YAML
    refuses."""

    def astral(pair: re.Match) -> str:
        high, low = int(pair.group(1), 16), int(pair.group(2), 16)
        return f"\\U{0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00):08x}"

    return Markup(_ASTRAL_PAIR.sub(astral, do_tojson(eval_context, value)))


def count_entries(count: int) -> str:
    return f"{count} {'entry' if count == 1 else 'entries'}"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # the pages are Markdown whose markup is HTML: every value is escaped
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
    )
    env.filters["plain"] = plain
    env.filters["yaml_value"] = yaml_value
    env.filters["summary_html"] = summary_html
    env.filters["entries"] = count_entries
    env.globals["urls"] = urls
    env.globals["citation_styles"] = CITATION_STYLES
    return env


def _render(template: str, url: str, **context) -> tuple[str, str]:
    """The page at `url` as (its Markdown file, its text). Links are relative, so that the site
    works from any folder, offline too."""
    text = environment().get_template(template).render(root="../" * urls.depth(url), url=url, **context)
    return urls.page(url), text


_RENDERED: LastBuild[tuple[str, str]] = LastBuild()  # the pages that depend on part of the timeline


def _templates_state() -> tuple:
    return tuple(
        (str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in sorted(TEMPLATES.rglob("*"))
    )


def _render_once(template: str, url: str, inputs: tuple, context: Callable[[], dict]) -> tuple[str, str]:
    """`_render` with the `context` made from `inputs` (frozen, everything the page depends on), or
    the page as the last run rendered it from the same inputs (an entry, a source, a year, a
    country or a tag page: a save changes few of them)."""
    return _RENDERED.get((template, url, inputs), lambda: _render(template, url, **context()))


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
        shown = year_entries[len(year_entries) - min(budget, len(year_entries)) :]
        budget -= len(shown)
        sections.append(YearSection(year, year_entries, shown))
    return sections[::-1]


def filter_options(entries: list[Entry]) -> dict[str, list]:
    """The countries (code, name) and tags a page's filter offers: those of the entries it lists."""
    countries = sorted(
        {country for entry in entries for country in entry.event.countries}, key=lambda c: c.name
    )
    return {
        "countries": [[country.code, country.name] for country in countries],
        "tags": sorted({tag for entry in entries for tag in entry.event.tags}),
    }


def render_pages(timeline: Timeline, site_url: str) -> dict[str, str]:
    """Every generated page, by its path under docs/ (which it never touches)."""
    context = PageContext(timeline, site_url, year_range(timeline.entries))
    _RENDERED.start(_templates_state())
    return dict(page for family in PAGE_FAMILIES for page in family(context))


@dataclass(frozen=True)
class CountryOverview:
    """The figures a country page opens with, all counted from its entries."""

    mainly_about: int  # entries whose first country it is
    sources: int

    @classmethod
    def of(cls, item: CountryEntries) -> CountryOverview:
        seeds = {source.seed.id for entry in item.entries for source in entry.sources}
        mainly = sum(entry.event.countries[:1] == (item.country,) for entry in item.entries)
        return cls(mainly, len(seeds))


@dataclass(frozen=True)
class PageContext:
    timeline: Timeline
    site_url: str  # where the site is published, ending in '/': for the citations' full URLs
    all_years: tuple[int, ...]

    @property
    def span(self) -> str:
        return f", {self.all_years[0]}–{self.all_years[-1]}" if self.all_years else ""


Pages = Iterator[tuple[str, str]]


def _home(context: PageContext) -> Pages:
    timeline = context.timeline
    description = (
        f"Twenty years of one-stop-shop public service delivery: {len(timeline.entries)} entries "
        f"from {len(timeline.countries)} countries, each quoting its source."
    )
    latest = list(reversed(timeline.entries[-LATEST_ON_HOME:]))
    yield _render(
        "home.md.j2",
        urls.HOME,
        timeline=timeline,
        latest=latest,
        description=description,
        chart=_main_chart(context),
    )


def _main_chart(context: PageContext):
    counts = count_by_main_country(context.timeline.entries)
    return layout_bars(counts, "entries-per-year", f"Entries per year by country{context.span}")


def _timeline_pages(context: PageContext) -> Pages:
    timeline = context.timeline
    years = newest_in_full(timeline.entries, TIMELINE_PAGE_ENTRIES)
    yield _render(
        "timeline.md.j2",
        urls.TIMELINE,
        timeline=timeline,
        years=years,
        chart=_main_chart(context),
        filters=filter_options([entry for section in years for entry in section.shown]),
    )
    numbers = [section.year for section in years]
    for position, section in enumerate(years):
        previous_year = numbers[position - 1] if position > 0 else None
        next_year = numbers[position + 1] if position + 1 < len(numbers) else None
        yield _render_once(
            "year.md.j2",
            urls.year(section.year),
            (section.entries, previous_year, next_year),
            partial(_year_context, section, previous_year, next_year),
        )


def _year_context(section: YearSection, previous_year: int | None, next_year: int | None) -> dict:
    return {
        "year": section.year,
        "entries": section.entries,
        "filters": filter_options(section.entries),
        "previous_year": previous_year,
        "next_year": next_year,
    }


def _entry_pages(context: PageContext) -> Pages:
    for entry in context.timeline.entries:
        yield _render_once(
            "entry.md.j2",
            entry.url,
            (entry, context.site_url),
            partial(_entry_context, entry, context.site_url),
        )


def _entry_context(entry: Entry, site_url: str) -> dict:
    return {"entry": entry, "description": describe(entry), "site_url": site_url}


def _country_pages(context: PageContext) -> Pages:
    yield _render(
        "countries.md.j2",
        urls.COUNTRIES,
        timeline=context.timeline,
        chart=layout_starts(context.timeline.countries),
        by_country={item.country: item for item in context.timeline.countries},
    )
    for item in context.timeline.countries:
        yield _render_once(
            "country.md.j2",
            urls.country(item.country),
            (item, context.all_years),
            partial(_country_context, context, item),
        )


def _country_context(context: PageContext, item: CountryEntries) -> dict:
    country_years = newest_in_full(item.entries, COUNTRY_PAGE_ENTRIES)
    strip = layout_bars(
        count_naming(item.country, item.entries, context.all_years),
        "entries-per-year",
        f"Entries naming {item.country.name} per year{context.span}",
        height=110,
        most_ticks=2,
    )
    return {
        "item": item,
        "years": country_years,
        "chart": strip,
        "overview": CountryOverview.of(item),
        "filters": filter_options([entry for section in country_years for entry in section.shown]),
    }


def _transfer_page(context: PageContext) -> Pages:
    edges = transfer_edges(context.timeline.entries)
    yield _render(
        "transfers.md.j2", urls.TRANSFERS, edges=edges, map=layout_transfer_map(edges) if edges else None
    )


def _source_pages(context: PageContext) -> Pages:
    timeline = context.timeline
    entries_by_seed: dict[str, list[Entry]] = {seed.id: [] for seed in timeline.seeds}
    for entry in timeline.entries:
        for seed_id in dict.fromkeys(source.seed.id for source in entry.sources):
            entries_by_seed[seed_id].append(entry)
    sources = [(seed, entries_by_seed[seed.id]) for seed in timeline.seeds]
    yield _render("sources.md.j2", urls.SOURCES, sources=sources, timeline=timeline)
    for seed, entries in sources:
        yield _render_once(
            "source.md.j2",
            urls.source(seed.id),
            (seed, tuple(entries), context.site_url),
            partial(_source_context, seed, entries, context.site_url),
        )


def _source_context(seed: Seed, entries: list[Entry], site_url: str) -> dict:
    return {"seed": seed, "entries": entries, "site_url": site_url}


def _tag_pages(context: PageContext) -> Pages:
    timeline = context.timeline
    vocabulary = tag_vocabulary()
    entries_by_tag: dict[str, list[Entry]] = {tag: [] for tag in timeline.tags}
    for entry in timeline.entries:
        for tag in entry.event.tags:
            entries_by_tag[tag].append(entry)
    tags = [(tag, vocabulary[tag], len(entries_by_tag[tag])) for tag in timeline.tags]
    yield _render("tags.md.j2", urls.TAGS, tags=tags)
    for tag, description, _ in tags:
        tagged = tuple(entries_by_tag[tag])
        yield _render_once(
            "tag.md.j2",
            urls.tag(tag),
            (description, tagged),
            partial(_tag_context, tag, description, tagged),
        )


def _tag_context(tag: str, description: str, tagged: tuple[Entry, ...]) -> dict:
    tag_years = newest_in_full(tagged, TAG_PAGE_ENTRIES)
    return {
        "tag": tag,
        "description": description,
        "entries": tagged,
        "years": tag_years,
        "filters": filter_options([entry for section in tag_years for entry in section.shown]),
    }


def _about_pages(context: PageContext) -> Pages:
    planned = sum(entry.status == "planned" for entry in context.timeline.entries)
    yield _render("about.md.j2", urls.ABOUT, timeline=context.timeline, planned=planned)
    yield _render("licence.md.j2", urls.LICENCE)


PAGE_FAMILIES: tuple[Callable[[PageContext], Pages], ...] = (
    _home,
    _timeline_pages,
    _entry_pages,
    _country_pages,
    _transfer_page,
    _source_pages,
    _tag_pages,
    _about_pages,
)
