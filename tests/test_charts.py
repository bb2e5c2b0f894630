"""Chart data: what is counted where, and the pictures' fixed size however many entries there are."""

import re

import pytest

from build_scripts.build_model import build_timeline
from build_scripts.charts import (
    OTHER,
    OTHER_COLOUR,
    PALETTE,
    count_by_main_country,
    count_naming,
    count_step,
    layout_bars,
    layout_transfer_map,
    transfer_edges,
)
from build_scripts.model import Country, Entry, Event, PartialDate, Seed, Transfer
from build_scripts.render import render_pages

SEED = Seed(id="s", path="seeds/s.md", body="text", title="A source")
KZ, UZ, EE, AZ, GE, KR, JP, SG = (
    Country("KZ", "Kazakhstan"),
    Country("UZ", "Uzbekistan"),
    Country("EE", "Estonia"),
    Country("AZ", "Azerbaijan"),
    Country("GE", "Georgia"),
    Country("KR", "South Korea"),
    Country("JP", "Japan"),
    Country("SG", "Singapore"),
)


def entry(year: int, *countries: Country, transfer: Transfer | None = None, number: int = 0) -> Entry:
    event = Event(PartialDate(year), f"Event {year} {number}", countries, "text", transfer=transfer)
    return Entry(f"{year}-{number}-{'-'.join(c.code for c in countries)}", event, SEED)


def test_each_entry_counts_once_under_its_first_country_and_every_year_is_on_the_axis():
    counts = count_by_main_country(
        (entry(2015, KZ, UZ), entry(2015, UZ, KZ), entry(2017, KZ), entry(2017, KZ, EE))
    )
    assert counts.years == (2015, 2016, 2017)
    assert [(series.label, series.counts) for series in counts.series] == [
        ("Kazakhstan", (1, 0, 2)),
        ("Uzbekistan", (1, 0, 0)),
    ]
    assert counts.totals == (2, 0, 2)
    assert counts.rows == [(2015, (1, 1), 2), (2017, (2, 0), 2)]  # the table skips empty years


def test_the_top_countries_get_a_series_each_and_the_rest_are_other():
    entries = [entry(2020, KZ, number=n) for n in range(5)] + [entry(2020, UZ, number=n) for n in range(4)]
    entries += [entry(2021, country) for country in (EE, AZ, GE, KR, JP, SG)] + [entry(2021)]
    counts = count_by_main_country(tuple(entries), top=4)
    # Most entries first, ties by name; the rest and entries naming no country are "other".
    assert [series.label for series in counts.series] == [
        "Kazakhstan",
        "Uzbekistan",
        "Azerbaijan",
        "Estonia",
        OTHER,
    ]
    assert counts.series[-1].counts == (0, 5) and counts.series[-1].colour == OTHER_COLOUR
    assert [series.colour for series in counts.series[:-1]] == list(PALETTE[:4])
    assert count_by_main_country(tuple(reversed(entries)), top=4) == counts


def test_a_country_strip_counts_every_entry_naming_it_over_the_timelines_years():
    entries = (entry(2015, KZ, UZ), entry(2015, UZ), entry(2018, EE, UZ))
    strip = count_naming(UZ, entries, (2014, 2015, 2016, 2017, 2018))
    assert strip.series[0].counts == (0, 2, 0, 0, 1)


@pytest.mark.parametrize(
    ("maximum", "step"), [(1, 1), (4, 1), (5, 2), (9, 5), (19, 5), (20, 5), (21, 10), (950, 500)]
)
def test_the_count_axis_uses_round_steps(maximum, step):
    assert count_step(maximum, most_ticks=4) == step


def test_the_chart_keeps_its_size_and_stacks_to_the_years_total():
    small = layout_bars(count_by_main_country((entry(2020, KZ),)), "c", "Chart")
    many = tuple(entry(2000 + n % 25, (KZ, UZ, EE)[n % 3], number=n) for n in range(5000))
    large = layout_bars(count_by_main_country(many), "c", "Chart")
    assert (small.width, small.height) == (large.width, large.height)
    assert len(large.bars) == 25 and all(len(bar.segments) <= 3 for bar in large.bars)
    bar = large.bars[0]
    assert bar.label == "2000: 200 entries (Kazakhstan 67, Uzbekistan 67, Estonia 66)"
    assert round(sum(rect.height for rect in bar.segments), 1) == round(
        large.baseline - bar.segments[-1].y, 1
    )
    assert [tick.label for tick in large.count_ticks] == ["0", "50", "100", "150", "200"]


def contrast_with_white(colour: str) -> float:
    def channel(value: int) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    return 1.05 / (luminance + 0.05)


def test_series_colours_stand_out_against_white_and_from_each_other():
    assert all(contrast_with_white(colour) >= 4.5 for colour in (*PALETTE, OTHER_COLOUR))
    assert len({*PALETTE, OTHER_COLOUR}) == len(PALETTE) + 1


def test_transfer_edges_go_from_teacher_to_learner_weighted_by_entries():
    entries = (
        entry(2017, UZ, KZ, transfer=Transfer(teachers=(KZ,), learners=(UZ,)), number=1),
        entry(2017, KZ, UZ, transfer=Transfer(teachers=(KZ,), learners=(UZ,)), number=2),
        entry(2025, KZ, EE, KR, transfer=Transfer(teachers=(EE, KR), learners=(KZ,))),
        entry(2025, KZ),
    )
    edges = transfer_edges(entries)
    assert [(e.teacher.code, e.learner.code, len(e.entries)) for e in edges] == [
        ("EE", "KZ", 1),
        ("KZ", "UZ", 2),
        ("KR", "KZ", 1),
    ]
    drawing = layout_transfer_map(edges)
    assert [node.country.name for node in drawing.nodes] == [
        "Estonia",
        "Kazakhstan",
        "South Korea",
        "Uzbekistan",
    ]
    assert drawing.arrows[1].label == "Uzbekistan learned from Kazakhstan: 2 entries"
    assert drawing.arrows[1].width > drawing.arrows[0].width


def test_pages_carry_the_charts_with_an_accessible_name_and_the_same_figures_in_a_table():
    seeds = [
        Seed(
            id="s",
            path="seeds/s.md",
            body="text",
            title="A source",
            events=tuple(
                item.event
                for item in (
                    entry(2017, UZ, KZ, transfer=Transfer(teachers=(KZ,), learners=(UZ,)), number=1),
                    entry(2017, KZ, number=2),
                    entry(2019, KZ, number=3),
                )
            ),
        )
    ]
    pages = render_pages(build_timeline(seeds), "https://example.org/")
    home = pages["index.md"]
    assert re.search(r'<svg [^>]*role="img" aria-labelledby="entries-per-year-title"', home)
    assert '<title id="entries-per-year-title">Entries per year by country, 2017–2019</title>' in home
    assert (
        '<tr><th scope="row"><a href="timeline/2017/">2017</a></th><td>1</td><td>1</td><td>2</td></tr>'
    ) in home
    country = pages["countries/uzbekistan/index.md"]
    assert "<title>2017: 1 entry</title>" in country
    assert (
        '<tr><th scope="row"><a href="../../timeline/2017/?country=UZ">2017</a></th><td>1</td></tr>'
        in country
    )
    transfers = pages["transfers/index.md"]
    assert "<title>Uzbekistan learned from Kazakhstan: 1 entry</title>" in transfers
    assert (
        '<td><a href="../countries/kazakhstan/">Kazakhstan</a></td><td><a href="../countries/uzbekistan/">Uzbekistan</a></td><td>1</td>'
        in transfers
    )
    assert (
        '<div class="oss-filter" hidden data-countries=\'[["KZ", "Kazakhstan"], ["UZ", "Uzbekistan"]]\''
        in pages["timeline/2017/index.md"]
    )
