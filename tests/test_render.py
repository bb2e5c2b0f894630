"""The pages a reader opens first stay light however long the timeline grows."""

from build_scripts.build_model import build_timeline
from build_scripts.model import Country, Entry, Event, PartialDate, Seed
from build_scripts.render import newest_in_full, render_pages

SEED = Seed(id="s", path="seeds/s.md", body="text", title="A source")


ESTONIA = Country("EE", "Estonia")


def entries_per_year(counts: dict[int, int]) -> tuple[Entry, ...]:
    return tuple(
        Entry(
            f"{year}-{number}",
            Event(PartialDate(year, 1, number % 28 + 1), f"Event {number}", (ESTONIA,), "text", ("award",)),
            SEED,
        )
        for year, count in sorted(counts.items())
        for number in range(count)
    )


def test_only_the_newest_entries_are_shown_in_full_even_within_one_year():
    sections = newest_in_full(entries_per_year({2023: 5, 2024: 4, 2025: 3}), budget=5)
    assert [(s.year, len(s.shown), s.not_shown) for s in sections] == [
        (2023, 0, 5),
        (2024, 2, 2),
        (2025, 3, 0),
    ]
    assert [entry.id for entry in sections[1].shown] == ["2024-2", "2024-3"]  # the newest, oldest first


def test_a_year_larger_than_the_page_still_shows_its_newest_entries():
    sections = newest_in_full(entries_per_year({2025: 500}), budget=400)
    assert len(sections[0].shown) == 400 and sections[0].not_shown == 100


def test_the_timeline_country_and_tag_pages_link_the_years_they_cannot_show_in_full():
    seeds = [
        Seed(
            id="big",
            path="seeds/big.md",
            body="text",
            title="Big",
            events=tuple(entry.event for entry in entries_per_year({2024: 300, 2025: 300})),
        )
    ]
    pages = render_pages(build_timeline(seeds), "https://example.org/")
    page = pages["timeline/index.md"]
    assert page.count('<li class="oss-entry"') == 400
    assert '<a href="../timeline/2024/">200 earlier entries in 2024</a>' in page
    country = pages["countries/estonia/index.md"]
    assert country.count('<li class="oss-entry"') == 200
    assert '<a href="../../timeline/2025/?country=EE">100 earlier entries in 2025</a>' in country
    assert '<a href="../../timeline/2024/?country=EE">300 entries in 2024</a>' in country
    tag = pages["tags/award/index.md"]
    assert tag.count('<li class="oss-entry"') == 200
    assert '<a href="../../timeline/2025/?tag=award">100 earlier entries in 2025</a>' in tag
    assert '<a href="../../timeline/2024/?tag=award">300 entries in 2024</a>' in tag
