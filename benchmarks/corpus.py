"""The shape of the corpus: what the timeline covers and where it is thin.

    .venv/bin/python benchmarks/corpus.py

Prints entries per year (2005-2025 and any outside) and per country, sources per publisher and
per language, planned against happened, curated against extracted, and the years with fewer
than 5 entries. Counts come from the real pipeline (validate, extract, build), as the site has them.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from build_scripts.build_model import build_timeline
from build_scripts.extract import extract_seeds
from build_scripts.read_seeds import seed_paths
from build_scripts.validate import validate_paths

ROOT = Path(__file__).resolve().parent.parent
YEARS = range(2005, 2026)
THIN = 5


def table(title: str, counts: Counter, limit: int | None = None) -> list[str]:
    rows = counts.most_common(limit)
    width = max((len(str(key)) for key, _ in rows), default=0)
    lines = [f"{title} ({len(counts)}):"]
    lines += [f"  {str(key):<{width}}  {count}" for key, count in rows]
    if limit and len(counts) > limit:
        lines.append(f"  ... and {len(counts) - limit} more")
    return lines


def main(argv: list[str]) -> int:
    seeds, problems = validate_paths(seed_paths(ROOT / "seeds"), base=ROOT)
    if problems:
        print(
            f"{len(problems)} problems in the seeds: run `python3 -m build_scripts validate`", file=sys.stderr
        )
        return 1
    timeline = build_timeline(extract_seeds(seeds))
    entries = timeline.entries
    per_year = Counter(entry.event.date.year for entry in entries)
    lines = [
        f"{len(timeline.seeds)} sources, {len(entries)} entries, {len(timeline.countries)} countries",
        "",
    ]
    lines.append("Entries per year:")
    lines += [f"  {year}  {per_year[year]:>4}{'  < 5' if per_year[year] < THIN else ''}" for year in YEARS]
    outside = sorted(year for year in per_year if year not in YEARS)
    if outside:
        lines.append("  outside 2005-2025: " + ", ".join(f"{year} ({per_year[year]})" for year in outside))
    thin = [str(year) for year in YEARS if per_year[year] < THIN]
    lines.append(f"Years with fewer than {THIN} entries: {', '.join(thin) if thin else 'none'}")
    lines.append("")
    own = Counter(entry.event.countries[0].name for entry in entries if entry.event.countries)
    lines += table("Entries about a country's own one-stop shops (its first country)", own)
    naming = Counter(country.country.name for country in timeline.countries for _ in country.entries)
    lines += table("Entries naming a country", naming, limit=15)
    lines += table(
        "Sources per publisher",
        Counter(seed.publisher or "(none given)" for seed in timeline.seeds),
        limit=15,
    )
    lines += table("Sources per language", Counter(seed.language for seed in timeline.seeds))
    lines += table("Status", Counter(entry.status for entry in entries))
    lines += table("Origin", Counter(entry.event.origin for entry in entries))
    lines += table("Sources per entry", Counter(len(entry.sources) for entry in entries))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
