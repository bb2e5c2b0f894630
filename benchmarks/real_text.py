"""Extraction measured on real pages: the curated seeds in seeds/ are the truth.

Each curated seed's body (front matter removed) is extracted with `--published` taken from the
seed, and compared with the events an editor curated for it. Every fifth seed by id is the frozen
test set, never read while tuning: its figures are the honest ones. The rest is the tuning set.

An extracted event matches a curated one (one to one) when they fall in the same year and share
a country (or neither names one), preferring an exact date; "date exact" counts the matches whose
date and precision are equal too.

Beside the publication date and publisher found, two ceilings say how many pages the text alone
could give them for. A page "states its date" when the seed's `published` date, at its own
precision, is among the dates written out in full in a line of its layout (title, header with a
crawler's "date 2019-10" label, dateline, body, trailer), as `written_dates` reads them without a
reference: "today" or "15 March" with no year do not count (a year found elsewhere may still give
the extractor the date, so it is a near ceiling); a page with no publication date states
it too, as finding none is right there. A page "names its publisher" when one of the publisher's
names stands in the body as a run of whole words, casefolded; the curated publisher may give several,
in brackets or after a comma ("UzA (National News Agency of Uzbekistan)", "ifg.cc, reprinting
Trend"), and a shorter form the body uses ("Trend" for "Trend News Agency") is not counted.

A last line gives both again as `new --url` finds them, with the page's address (the seed's `url`) as
well as its text: the address's date, and the name the other seeds give its site. A test seed knows
the tuning seeds' names alone, a tuning seed those of the other tuning seeds: never its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from build_scripts.build_model import build_timeline
from build_scripts.extract import extract_text
from build_scripts.extract.address import known_publishers
from build_scripts.extract.dates import written_dates
from build_scripts.extract.layout import parse_layout
from build_scripts.model import Entry, PartialDate, Seed
from build_scripts.read_seeds import seed_paths
from build_scripts.validate import validate_paths

ROOT = Path(__file__).resolve().parent.parent
TEST_EVERY = 5  # seeds at positions 4, 9, 14 ... of the sorted ids form the frozen test set


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def harmonic_mean(precision: float, recall: float) -> float:
    """F1."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True)
class Told:
    date: PartialDate
    countries: frozenset[str]
    title: str


@dataclass
class RealTally:
    pages: int = 0
    found: int = 0
    curated: int = 0
    matched: int = 0
    exact_dates: int = 0
    published_right: int = 0
    published_stated: int = 0  # the ceiling: pages whose body writes the publication date out
    publisher_right: int = 0
    publisher_named: int = 0  # the ceiling: pages whose body names the publisher
    publisher_pages: int = 0
    published_by_address: int = 0  # given the page's address (the seed's url) as well
    publisher_by_address: int = 0
    countries_found: int = 0
    countries_curated: int = 0
    countries_matched: int = 0
    event_countries_found: int = 0  # over matched events: their own countries
    event_countries_curated: int = 0
    event_countries_matched: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def lines(self, label: str) -> list[str]:
        precision, recall = ratio(self.matched, self.found), ratio(self.matched, self.curated)
        f1 = harmonic_mean(precision, recall)
        cp, cr = (
            ratio(self.countries_matched, self.countries_found),
            ratio(self.countries_matched, self.countries_curated),
        )
        country_f1 = harmonic_mean(cp, cr)
        ep, er = (
            ratio(self.event_countries_matched, self.event_countries_found),
            ratio(self.event_countries_matched, self.event_countries_curated),
        )
        return [
            f"{label}: {self.pages} pages, {self.curated} curated events, {self.found} extracted",
            f"  events      P {precision:.3f} R {recall:.3f} F1 {f1:.3f} ({self.matched} matched)",
            f"  dates       exact {ratio(self.exact_dates, self.matched):.3f} of matched; at year 1.000 by the match rule",
            f"  countries   P {cp:.3f} R {cr:.3f} F1 {country_f1:.3f} (the article's countries against "
            "the curated events' countries)",
            f"              P {ep:.3f} R {er:.3f} F1 {harmonic_mean(ep, er):.3f} (each matched event's own countries; a match shares one already)",
            f"  published   right for {ratio(self.published_right, self.pages):.3f} of pages; "
            f"the body states it on {ratio(self.published_stated, self.pages):.3f}",
            f"  publisher   right for {ratio(self.publisher_right, self.publisher_pages):.3f} of {self.publisher_pages} pages that name one; "
            f"the body names it on {ratio(self.publisher_named, self.publisher_pages):.3f}",
            f"  given the page's address too: published right for {ratio(self.published_by_address, self.pages):.3f}"
            f" of pages, publisher for {ratio(self.publisher_by_address, self.publisher_pages):.3f}",
        ]


def curated_seeds(seeds_dir: Path = ROOT / "seeds") -> tuple[list[Seed], dict[str, list[Told]]]:
    """The seeds with curated events, and each seed's events as the truth (a repeated entry takes
    the entry's date and countries where the seed gives none)."""
    seeds, problems = validate_paths(seed_paths(seeds_dir), base=ROOT)
    if problems:
        raise SystemExit(
            f"the seeds have problems; run `python3 -m build_scripts validate` ({len(problems)})"
        )
    curated = [seed for seed in seeds if seed.events]
    entries: dict[tuple[str, int], Entry] = {
        (source.seed.id, source.line): entry
        for entry in build_timeline(curated).entries
        for source in entry.sources
    }
    truth: dict[str, list[Told]] = {}
    for seed in curated:
        told = []
        for event in seed.events:
            entry = entries[(seed.id, event.line)]
            date = event.date or entry.event.date
            countries = event.countries or entry.event.countries
            told.append(Told(date, frozenset(country.code for country in countries), entry.event.title))
        truth[seed.id] = told
    return curated, truth


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _same_publisher(found: str, wanted: str) -> bool:
    a, b = _words(found), _words(wanted)
    return bool(a) and (a in b or b in a)


def _names_publisher(body: str, publisher: str) -> bool:
    names = re.split(r"[(),]|\b(?:via|reprinting|republishing|source)\b", publisher)
    text = f" {_words(body)} "
    return any(f" {name} " in text for name in map(_words, names) if name)


def _states_date(body: str, published: PartialDate | None) -> bool:
    if published is None:
        return True
    layout = parse_layout(body)
    lines = [
        layout.title,
        *layout.header,
        layout.dateline_date,
        *(sentence.text for sentence in layout.body),
        *layout.trailer,
    ]
    return any(published in written_dates(line, None) for line in lines)


def _fits(got: Told, want: Told, exact: bool) -> bool:
    same_date = got.date == want.date if exact else got.date.year == want.date.year
    return same_date and bool(got.countries & want.countries or not (got.countries and want.countries))


def _match(found: list[Told], wanted: list[Told]) -> tuple[list[tuple[Told, Told]], list[Told], list[Told]]:
    """One to one, exact dates first, then the same year; a shared country, or none on either side."""
    pairs, used, missed = [], set(), []
    for want in wanted:
        free = [(index, got) for index, got in enumerate(found) if index not in used]
        hit = next((item for item in free if _fits(item[1], want, exact=True)), None) or next(
            (item for item in free if _fits(item[1], want, exact=False)), None
        )
        if hit is None:
            missed.append(want)
        else:
            used.add(hit[0])
            pairs.append((hit[1], want))
    return pairs, missed, [got for index, got in enumerate(found) if index not in used]


def score_seed(seed: Seed, wanted: list[Told], tally: RealTally, publishers: dict[str, str]) -> None:
    """`publishers` are the sites' names as the other seeds give them, never this seed's own."""
    extraction = extract_text(seed.body, seed.published)
    found = [
        Told(event.date, frozenset(country.code for country in event.countries), event.title)
        for event in extraction.events
    ]
    pairs, missed, extra = _match(found, wanted)
    tally.pages += 1
    tally.found += len(found)
    tally.curated += len(wanted)
    tally.matched += len(pairs)
    tally.exact_dates += sum(got.date == want.date for got, want in pairs)
    for got, want in pairs:
        tally.event_countries_found += len(got.countries)
        tally.event_countries_curated += len(want.countries)
        tally.event_countries_matched += len(got.countries & want.countries)
    unaided = extract_text(seed.body)  # the publication date as the text alone gives it
    tally.published_right += unaided.published == seed.published
    tally.published_stated += _states_date(seed.body, seed.published)
    addressed = extract_text(seed.body, url=seed.url, publishers=publishers)
    tally.published_by_address += addressed.published == seed.published
    if seed.publisher:
        tally.publisher_pages += 1
        tally.publisher_right += _same_publisher(extraction.publisher, seed.publisher)
        tally.publisher_by_address += _same_publisher(addressed.publisher, seed.publisher)
        tally.publisher_named += _names_publisher(seed.body, seed.publisher)
    got = {country.code for country in extraction.countries}
    expected = set().union(*(told.countries for told in wanted))
    tally.countries_found += len(got)
    tally.countries_curated += len(expected)
    tally.countries_matched += len(got & expected)
    tally.misses += [f"{seed.id}: {told.date} {told.title}" for told in missed]
    tally.extras += [f"{seed.id}: {told.date} {told.title}" for told in extra]


def evaluate(seeds_dir: Path = ROOT / "seeds") -> dict[str, RealTally]:
    seeds, truth = curated_seeds(seeds_dir)
    tallies = {"test": RealTally(), "tuning": RealTally()}
    ordered = sorted(seeds, key=lambda seed: seed.id)
    tested = {seed.id for position, seed in enumerate(ordered) if position % TEST_EVERY == TEST_EVERY - 1}
    tuning = [seed for seed in ordered if seed.id not in tested]
    for seed in ordered:
        # a test seed knows the tuning seeds' names alone, a tuning seed those of the other tuning seeds
        others = tuning if seed.id in tested else [other for other in tuning if other.id != seed.id]
        split = "test" if seed.id in tested else "tuning"
        score_seed(seed, truth[seed.id], tallies[split], known_publishers(others))
    return tallies


def report(verbose: bool, show_test_misses: bool = False) -> str:
    tallies = evaluate()
    lines = ["Real pages (curated seeds):"]
    lines += tallies["test"].lines("  test, every fifth seed, frozen (the honest figure)")
    lines += tallies["tuning"].lines("  tuning, the other seeds (fitted once tuned on)")
    if verbose:
        shown = [("tuning", tallies["tuning"])] + ([("test", tallies["test"])] if show_test_misses else [])
        for name, tally in shown:
            lines += [f"  {name} miss   {line}" for line in tally.misses]
            lines += [f"  {name} false  {line}" for line in tally.extras]
    return "\n".join(lines)
