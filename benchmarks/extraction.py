"""Extraction quality on the annotated set in benchmarks/extraction_set/ (see its README.md).

Prints, for dev, test and both, then for each other split (such as holdout/) on its own line outside
"overall": event precision and recall (an extracted event matches an annotated one when date and
precision are equal and a country is shared; one to one) and country precision, recall and F1.
`--verbose` lists every miss and every extra.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import real_text
import yaml
from real_text import harmonic_mean, ratio

from build_scripts.extract import extract_text
from build_scripts.model import PartialDate

SET = Path(__file__).parent / "extraction_set"


@dataclass
class Tally:
    events_found: int = 0
    events_annotated: int = 0
    events_matched: int = 0
    countries_found: int = 0
    countries_annotated: int = 0
    countries_matched: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self, label: str) -> str:
        ep, er = (
            ratio(self.events_matched, self.events_found),
            ratio(self.events_matched, self.events_annotated),
        )
        cp = ratio(self.countries_matched, self.countries_found)
        cr = ratio(self.countries_matched, self.countries_annotated)
        f1 = harmonic_mean(cp, cr)
        return (
            f"{label:<8} events P {ep:.3f} R {er:.3f} ({self.events_matched}/{self.events_found} found, "
            f"{self.events_annotated} annotated)   countries P {cp:.3f} R {cr:.3f} F1 {f1:.3f}"
        )


def _date(value) -> PartialDate:
    return PartialDate.parse(str(value))


def match_events(found: list[tuple[PartialDate, set[str]]], wanted: list[tuple[PartialDate, set[str]]]):
    """One to one: each annotated event takes the first unused found one of its date sharing a country."""
    used: set[int] = set()
    missed = []
    for date, countries in wanted:
        hit = next(
            (
                i
                for i, (d, c) in enumerate(found)
                if i not in used and d == date and d.precision == date.precision and c & countries
            ),
            None,
        )
        if hit is None:
            missed.append((date, countries))
        else:
            used.add(hit)
    extra = [event for i, event in enumerate(found) if i not in used]
    return len(used), missed, extra


def score(path: Path, verbose: bool) -> Tally:
    annotation = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
    extraction = extract_text(path.read_text(encoding="utf-8"))  # the publication date is inferred too
    published = str(extraction.published) if extraction.published else None
    if verbose and published != str(annotation.get("published")):
        print(
            f"{path.parent.name}/{path.stem}: published {published}, annotated {annotation.get('published')}"
        )
    found = [(event.date, {country.code for country in event.countries}) for event in extraction.events]
    wanted = [(_date(event["date"]), set(event["countries"])) for event in annotation["events"]]
    matched, missed, extra = match_events(found, wanted)
    got = {country.code for country in extraction.countries}
    expected = set(annotation["countries"])
    if verbose and (missed or extra or got != expected):
        print(f"{path.parent.name}/{path.stem}:")
        for date, countries in missed:
            print(f"  missed {date} {sorted(countries)}")
        for date, countries in extra:
            print(f"  extra  {date} {sorted(countries)}")
        if got != expected:
            print(f"  countries: extra {sorted(got - expected)} missed {sorted(expected - got)}")
    return Tally(len(found), len(wanted), matched, len(got), len(expected), len(got & expected))


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    # Real pages first: they are the figures that count. The test set's misses are listed only
    # on request (--show-test-misses), so that tuning never reads them by accident.
    print(real_text.report(verbose, show_test_misses="--show-test-misses" in argv))
    print("\nWritten sets (regression checks, not headline figures):")
    overall = Tally()
    lines = []
    for part in ("dev", "test"):
        tally = Tally()
        for path in sorted((SET / part).glob("*.txt")):
            tally.add(score(path, verbose))
        overall.add(tally)
        lines.append(tally.line(part))
    lines.append(overall.line("overall"))
    # Any other split (holdout/, written blind to the extractor) is reported on its own line, outside overall.
    for folder in sorted(d for d in SET.iterdir() if d.is_dir() and d.name not in ("dev", "test")):
        tally = Tally()
        for path in sorted(folder.glob("*.txt")):
            tally.add(score(path, verbose))
        lines.append(tally.line(folder.name))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
