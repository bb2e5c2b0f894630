"""Chart data and layout from the timeline: pure functions, no markup.

The SVG markup lives in `templates/charts/`; this module works out what is counted and where
each shape goes. Every chart has a fixed size (a viewBox the page scales to its width), so a
page with a chart stays as light with ten thousand entries as with ten.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from build_scripts.model import Country, Entry

TOP_COUNTRIES = 6
# Series colours, each at least 4.5:1 against white and different in hue and lightness, so the
# bars and their legend swatches stay apart; adjacent segments are also split by a white line.
PALETTE = ("#1f4e99", "#a14a00", "#2a6e36", "#a3245e", "#5b3a9a", "#00676f")
OTHER_COLOUR = "#666666"
OTHER = "Other countries"

# User units of the viewBoxes; text is sized so that it stays readable on a 390 px phone.
CHART_WIDTH = 480
FONT_SIZE = 14
# The right margin holds half of the last year label, centred on its bar.
_PLOT_LEFT, _PLOT_RIGHT, _PLOT_TOP, _AXIS_BELOW = 34, 16, 10, 24


@dataclass(frozen=True)
class Series:
    label: str
    colour: str
    counts: tuple[int, ...]  # one per year of the chart


@dataclass(frozen=True)
class YearCounts:
    """Entries per year, in one or more series; every year from the first to the last is there."""

    years: tuple[int, ...]
    series: tuple[Series, ...]

    @property
    def totals(self) -> tuple[int, ...]:
        return tuple(sum(series.counts[index] for series in self.series) for index in range(len(self.years)))

    @property
    def rows(self) -> list[tuple[int, tuple[int, ...], int]]:
        """The table equivalent: (year, count per series, total) for the years that have entries."""
        return [
            (year, tuple(series.counts[index] for series in self.series), total)
            for index, (year, total) in enumerate(zip(self.years, self.totals, strict=True))
            if total
        ]


def year_range(entries: tuple[Entry, ...]) -> tuple[int, ...]:
    years = [entry.event.date.year for entry in entries]
    return tuple(range(min(years), max(years) + 1)) if years else ()


def count_by_main_country(entries: tuple[Entry, ...], top: int = TOP_COUNTRIES) -> YearCounts:
    """Entries per year, each counted once under the first country it names.

    The `top` countries with most entries (ties by name) get a series each; the rest, and
    entries that name no country, are counted together as "other". A bar's height is then
    exactly the year's number of entries.
    """
    years = year_range(entries)
    by_country: dict[Country | None, Counter[int]] = defaultdict(Counter)
    for entry in entries:
        main = entry.event.countries[0] if entry.event.countries else None
        by_country[main][entry.event.date.year] += 1
    ranked = sorted(
        (country for country in by_country if country is not None),
        key=lambda country: (-sum(by_country[country].values()), country.name),
    )
    shown, rest = ranked[:top], ranked[top:]
    series = [
        Series(country.name, colour, tuple(by_country[country][year] for year in years))
        for country, colour in zip(shown, PALETTE, strict=False)
    ]
    other = Counter()
    for country in [*rest, None]:
        other.update(by_country.get(country, Counter()))
    if other:
        series.append(Series(OTHER, OTHER_COLOUR, tuple(other[year] for year in years)))
    return YearCounts(years, tuple(series))


def count_naming(country: Country, entries: tuple[Entry, ...], years: tuple[int, ...]) -> YearCounts:
    """Entries per year that name `country`, over the given years (the whole timeline's, to compare)."""
    counts = Counter(entry.event.date.year for entry in entries if country in entry.event.countries)
    return YearCounts(years, (Series(country.name, PALETTE[0], tuple(counts[year] for year in years)),))


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    colour: str


@dataclass(frozen=True)
class Bar:
    year: int
    total: int
    segments: tuple[Rect, ...]
    label: str  # what a pointer hovering the bar is told


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    counts: YearCounts
    width: int
    height: int
    baseline: float
    left: float
    right: float
    bars: tuple[Bar, ...]
    year_ticks: tuple[Tick, ...]
    count_ticks: tuple[Tick, ...]
    font_size: int = FONT_SIZE


def count_step(maximum: int, most_ticks: int) -> int:
    """A round step (1, 2, 5, 10, 20, ...) that labels 0..maximum with at most `most_ticks` steps."""
    step = 1
    while math.ceil(maximum / step) > most_ticks:
        magnitude = 10 ** int(math.log10(step))
        step = {1: 2, 2: 5, 5: 10}[step // magnitude] * magnitude
    return step


def year_step(count: int) -> int:
    """Label every year while they fit, else every 5th or 10th or more."""
    for step in (1, 5, 10, 20, 50):
        if count / step <= 8:
            return step
    return 100


def layout_bars(
    counts: YearCounts, chart_id: str, title: str, height: int = 220, most_ticks: int = 4
) -> BarChart:
    """Stacked bars, one per year, oldest on the left, in a `CHART_WIDTH` x `height` box."""
    left, right = _PLOT_LEFT, CHART_WIDTH - _PLOT_RIGHT
    baseline = height - _AXIS_BELOW
    top_value = max(counts.totals, default=0) or 1  # an empty chart still gets a scale
    step = count_step(top_value, most_ticks)
    scale_top = math.ceil(top_value / step) * step
    unit = (baseline - _PLOT_TOP) / scale_top
    slot = (right - left) / max(len(counts.years), 1)
    bar_width = slot * 0.75
    totals, bars = counts.totals, []
    for index, year in enumerate(counts.years):
        x = left + index * slot + (slot - bar_width) / 2
        y, segments, parts = baseline, [], []
        for series in counts.series:
            value = series.counts[index]
            if value:
                y -= value * unit
                segments.append(
                    Rect(round(x, 2), round(y, 2), round(bar_width, 2), round(value * unit, 2), series.colour)
                )
                parts.append(f"{series.label} {value}")
        total = totals[index]
        noun = "entry" if total == 1 else "entries"
        detail = f" ({', '.join(parts)})" if len(counts.series) > 1 and parts else ""
        bars.append(Bar(year, total, tuple(segments), f"{year}: {total} {noun}{detail}"))
    every = year_step(len(counts.years))
    year_ticks = tuple(
        Tick(round(left + index * slot + slot / 2, 2), str(year))
        for index, year in enumerate(counts.years)
        if year % every == 0 or every == 1
    )
    count_ticks = tuple(
        Tick(round(baseline - value * unit, 2), str(value)) for value in range(0, scale_top + 1, step)
    )
    return BarChart(
        chart_id,
        title,
        counts,
        CHART_WIDTH,
        height,
        baseline,
        left,
        right,
        tuple(bars),
        year_ticks,
        count_ticks,
    )


@dataclass(frozen=True)
class TransferEdge:
    """Learners took up the teachers' experience, as `entries` state."""

    teacher: Country
    learner: Country
    entries: tuple[Entry, ...]


def transfer_edges(entries: tuple[Entry, ...]) -> tuple[TransferEdge, ...]:
    """One edge per (teacher, learner) pair that some entry declares, by teacher then learner name."""
    pairs: dict[tuple[Country, Country], list[Entry]] = defaultdict(list)
    for entry in entries:
        if transfer := entry.event.transfer:
            for teacher in transfer.teachers:
                for learner in transfer.learners:
                    if teacher != learner:
                        pairs[teacher, learner].append(entry)
    return tuple(
        TransferEdge(teacher, learner, tuple(found))
        for (teacher, learner), found in sorted(
            pairs.items(), key=lambda item: (item[0][0].name, item[0][1].name)
        )
    )


@dataclass(frozen=True)
class Node:
    country: Country
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str  # text-anchor of the label, which sits outside the circle


@dataclass(frozen=True)
class Arrow:
    edge: TransferEdge
    path: str  # SVG path data, a gentle curve so that A->B and B->A stay apart
    width: float
    label: str


@dataclass(frozen=True)
class TransferMap:
    id: str
    title: str
    width: int
    height: int
    nodes: tuple[Node, ...]
    arrows: tuple[Arrow, ...]
    node_radius: int
    font_size: int


def layout_transfer_map(edges: tuple[TransferEdge, ...], map_id: str = "transfer-map") -> TransferMap:
    """The countries on a circle, by name clockwise from the top; arrows from teacher to learner."""
    width, height, radius, node_radius, font_size = 560, 440, 140, 9, 16
    centre_x, centre_y = width / 2, height / 2
    countries = sorted({c for edge in edges for c in (edge.teacher, edge.learner)}, key=lambda c: c.name)
    nodes, at = [], {}
    for index, country in enumerate(countries):
        angle = 2 * math.pi * index / len(countries) - math.pi / 2
        x, y = centre_x + radius * math.cos(angle), centre_y + radius * math.sin(angle)
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
        label_x = x + (node_radius + 6) * cos
        label_y = (
            y
            + (node_radius + 6) * sin
            + (font_size * 0.35 if anchor != "middle" else (font_size if sin > 0 else -6))
        )
        nodes.append(Node(country, round(x, 2), round(y, 2), round(label_x, 2), round(label_y, 2), anchor))
        at[country] = (x, y)
    arrows = []
    for edge in edges:
        (x1, y1), (x2, y2) = at[edge.teacher], at[edge.learner]
        # Control point off the chord's middle, to the right of the direction of travel.
        length = math.hypot(x2 - x1, y2 - y1)
        normal_x, normal_y = (y2 - y1) / length, -(x2 - x1) / length
        cx, cy = (x1 + x2) / 2 + normal_x * length * 0.12, (y1 + y2) / 2 + normal_y * length * 0.12
        start = _towards(x1, y1, cx, cy, node_radius + 2)
        end = _towards(x2, y2, cx, cy, node_radius + 3)
        count = len(edge.entries)
        noun = "entry" if count == 1 else "entries"
        arrows.append(
            Arrow(
                edge,
                f"M{start[0]:.1f},{start[1]:.1f} Q{cx:.1f},{cy:.1f} {end[0]:.1f},{end[1]:.1f}",
                min(1.5 + count, 6),
                f"{edge.learner.name} learned from {edge.teacher.name}: {count} {noun}",
            )
        )
    return TransferMap(
        map_id, "Who learned from whom", width, height, tuple(nodes), tuple(arrows), node_radius, font_size
    )


def _towards(x: float, y: float, to_x: float, to_y: float, distance: float) -> tuple[float, float]:
    length = math.hypot(to_x - x, to_y - y) or 1
    return x + (to_x - x) * distance / length, y + (to_y - y) * distance / length


@dataclass(frozen=True)
class StartMark:
    x: float
    radius: float
    year: int
    count: int


@dataclass(frozen=True)
class StartRow:
    country: Country
    y: float
    first_year: int  # of its first entry, on the chart or not
    entries: int
    marks: tuple[StartMark, ...]


@dataclass(frozen=True)
class StartChart:
    """Who started when: a row per country, first starter on top, a mark per year with entries."""

    id: str
    title: str
    width: int
    height: int
    label_width: float
    left: float
    right: float
    years: tuple[int, int]
    rows: tuple[StartRow, ...]
    year_ticks: tuple[Tick, ...]
    font_size: int = FONT_SIZE


START_ROW_HEIGHT = 20
START_LABEL_WIDTH = 150


def layout_starts(
    countries: tuple, years: tuple[int, int] = (2005, 2025), chart_id: str = "who-started-when"
) -> StartChart:
    """Rows ordered by each country's first entry; a mark's area grows with its year's entries."""
    first, last = years
    left, right = START_LABEL_WIDTH, CHART_WIDTH * 1.5 - _PLOT_RIGHT
    slot = (right - left) / (last - first + 1)
    rows = []
    ordered = sorted(countries, key=lambda item: (item.entries[0].event.date.sort_key, item.country.name))
    for index, item in enumerate(ordered):
        per_year = Counter(entry.event.date.year for entry in item.entries)
        y = _PLOT_TOP + index * START_ROW_HEIGHT + START_ROW_HEIGHT / 2
        marks = tuple(
            StartMark(
                round(left + (year - first) * slot + slot / 2, 2),
                round(min(2 + 2 * math.sqrt(count), slot / 2), 2),
                year,
                count,
            )
            for year, count in sorted(per_year.items())
            if first <= year <= last
        )
        rows.append(
            StartRow(item.country, round(y, 2), item.entries[0].event.date.year, len(item.entries), marks)
        )
    height = _PLOT_TOP + len(rows) * START_ROW_HEIGHT + _AXIS_BELOW
    ticks = tuple(
        Tick(round(left + (year - first) * slot + slot / 2, 2), str(year))
        for year in range(first, last + 1, 5)
    )
    title = f"Who started when: each country's entries per year, {first}–{last}, first starter on top"
    return StartChart(
        chart_id,
        title,
        int(CHART_WIDTH * 1.5),
        height,
        START_LABEL_WIDTH,
        left,
        right,
        years,
        tuple(rows),
        ticks,
    )
