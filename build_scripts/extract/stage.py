"""The extract stage, between validate and build_model: a seed whose front matter lists no events
gets them from its text, and a raw article (no front matter, left untitled by validate) its
citation too. Each seed is extracted once."""

from __future__ import annotations

from dataclasses import replace

from build_scripts.extract.events import extract_text
from build_scripts.model import Seed
from build_scripts.validate import first_line


def extract_seeds(seeds: list[Seed]) -> list[Seed]:
    """The seeds, each with its events: those that list none (`events is None`) extracted from the text
    and marked origin 'extracted', dated against the seed's publication date."""
    return [seed if seed.events is not None else _extracted(seed) for seed in seeds]


def _extracted(seed: Seed) -> Seed:
    extraction = extract_text(seed.body, seed.published)
    if seed.title:  # the front matter cites the seed
        return replace(seed, events=extraction.events)
    return replace(
        seed,
        title=first_line(extraction.title) or first_line(seed.body),
        publisher=seed.publisher or extraction.publisher,
        published=seed.published or extraction.published,
        events=extraction.events,
    )
