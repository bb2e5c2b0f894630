"""Stage 3: build the timeline (entries, countries, tags) from validated seeds, their events extracted."""

from __future__ import annotations

from collections import defaultdict

from build_scripts.model import Country, CountryEntries, Entry, Seed, Timeline, slugify


def build_timeline(seeds: list[Seed]) -> Timeline:
    placed = sorted(
        ((event, seed) for seed in seeds for event in seed.events),
        key=lambda pair: (pair[0].date.sort_key, pair[1].id, pair[0].line, pair[0].title),
    )
    entries: list[Entry] = []
    used_ids: set[str] = set()
    for event, seed in placed:
        base_id = f"{event.date.iso}-{slugify(event.title)}"
        entry_id, number = base_id, 1
        while entry_id in used_ids:
            number += 1
            entry_id = f"{base_id}-{number}"
        used_ids.add(entry_id)
        entries.append(Entry(entry_id, event, seed))

    by_country: dict[Country, list[Entry]] = defaultdict(list)
    learned_from: dict[Country, set[Country]] = defaultdict(set)
    taught: dict[Country, set[Country]] = defaultdict(set)
    for entry in entries:
        for country in entry.event.countries:
            by_country[country].append(entry)
        if transfer := entry.event.transfer:
            for learner in transfer.learners:
                learned_from[learner].update(set(transfer.teachers) - {learner})
            for teacher in transfer.teachers:
                taught[teacher].update(set(transfer.learners) - {teacher})

    def by_name(countries) -> tuple[Country, ...]:
        return tuple(sorted(countries, key=lambda country: country.name))

    countries = tuple(
        CountryEntries(
            country,
            tuple(by_country[country]),
            learned_from=by_name(learned_from[country]),
            taught=by_name(taught[country]),
        )
        for country in by_name(by_country)
    )
    tags = tuple(sorted({tag for entry in entries for tag in entry.event.tags}))
    return Timeline(
        entries=tuple(entries),
        seeds=tuple(sorted(seeds, key=lambda seed: seed.id)),
        countries=countries,
        tags=tags,
    )
