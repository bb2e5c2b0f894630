"""Extraction: what a careful editor would find in a raw article, its citation, countries and dated
events, one module per step: `layout` (header, body, trailer), `dates` and `relative` (date
expressions), `countries`, `published` (the publication date), `address` (what the page's address
adds) and `events`; `stage` is the pipeline's extract stage. The word lists the steps read are data in `data/`."""

from build_scripts.extract.events import Extraction, extract_seed_events, extract_text
from build_scripts.extract.stage import extract_seeds

__all__ = ["Extraction", "extract_seed_events", "extract_seeds", "extract_text"]
