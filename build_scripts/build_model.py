"""Stage 3: build the timeline (entries, countries, tags) from validated seeds, their events extracted."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import partial

from build_scripts.last_build import LastBuild
from build_scripts.model import (
    PRECISIONS,
    Country,
    CountryEntries,
    Entry,
    Event,
    Seed,
    Source,
    Timeline,
    slugify,
)
from build_scripts.schema import MAX_ENTRY_ID


def derived_id(event: Event, seed: Seed) -> str:
    """The id of an event that gives none: its date and title, or, for a title in another
    script, its date and seed, so that it never depends on other seeds."""
    slug = slugify(event.title, fallback="")
    return f"{event.date.iso}-{slug or slugify(seed.id)}"


def writable_id(entry_id: str) -> str:
    """An id a seed may give (at most MAX_ENTRY_ID characters), cut at a hyphen when longer."""
    if len(entry_id) <= MAX_ENTRY_ID:
        return entry_id
    return entry_id[: MAX_ENTRY_ID + 1].rsplit("-", 1)[0]


def _oldest_first(told: list[tuple[Event, Seed]]) -> list[tuple[Event, Seed]]:
    def key(pair: tuple[Event, Seed]):
        event, seed = pair
        published = seed.published.sort_key if seed.published else (9999, 0, 0)
        return (published, seed.id, event.line)

    return sorted(told, key=key)


def merge_entry(entry_id: str, told: list[tuple[Event, Seed]]) -> Entry:
    """One entry from every seed's account of it (see `Entry`); validation ensured one gives the title."""
    told = _oldest_first(told)
    giver = next(event for event, _ in told if not event.is_reference)
    dates = [event.date for event, _ in told if event.date]
    countries = list(giver.countries)
    for event, _ in told:
        countries += [country for country in event.countries if country not in countries]
    first_event, first_seed = told[0]
    event = replace(
        giver,
        date=max(dates, key=lambda date: PRECISIONS.index(date.precision)),
        countries=tuple(countries),
        quote=first_event.quote,
    )
    sources = tuple(Source(seed, account.quote, account.status, account.line) for account, seed in told)
    return Entry(entry_id, event, first_seed, sources)


_MERGED: LastBuild[Entry] = LastBuild()  # each entry, by every seed's account of it


def build_timeline(seeds: list[Seed]) -> Timeline:
    told_by_id: dict[str, list[tuple[Event, Seed]]] = defaultdict(list)
    unnamed: list[tuple[Event, Seed]] = []
    for seed in seeds:
        for event in seed.events:
            if event.id:
                told_by_id[event.id].append((event, seed))
            else:
                unnamed.append((event, seed))
    # Events without an id take the one derived from them, numbered where two would share it.
    unnamed.sort(key=lambda pair: (pair[0].date.sort_key, pair[1].id, pair[0].line, pair[0].title))
    for event, seed in unnamed:
        base_id = derived_id(event, seed)
        entry_id, number = base_id, 1
        while entry_id in told_by_id:
            number += 1
            entry_id = f"{base_id}-{number}"
        told_by_id[entry_id].append((event, seed))
    _MERGED.start()
    entries = sorted(
        (
            _MERGED.get((entry_id, tuple(told)), partial(merge_entry, entry_id, told))
            for entry_id, told in told_by_id.items()
        ),
        key=lambda entry: (entry.event.date.sort_key, entry.seed.id, entry.event.line, entry.event.title),
    )

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
