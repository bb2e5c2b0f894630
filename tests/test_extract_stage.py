"""The extract stage (build_scripts/extract/stage.py), between validate and build_model: seeds that list
no events get them from their text, a raw article its citation too, each seed extracted once."""

from __future__ import annotations

import datetime
from pathlib import Path

import build_scripts.extract.stage
from build_scripts.extract import extract_seeds
from build_scripts.model import PartialDate
from build_scripts.site import generate_site
from build_scripts.validate import validate_paths

from .conftest import founding_seeds

TEXT = (
    "Baku, 29 December 2012 – President Ilham Aliyev opened the first ASAN service centre in Baku today. "
    "The agency was set up in July 2012.\n\nSource: AZERTAC\n"
)


def validated(tmp_path: Path, name: str, content: str):
    (tmp_path / name).write_text(content, encoding="utf-8")
    [seed], problems = validate_paths([tmp_path / name])
    assert problems == []
    return seed


def test_a_raw_article_is_cited_and_its_events_found_from_its_text(tmp_path):
    seed = validated(tmp_path, "asan.md", "ASAN service opens in Baku\n\n" + TEXT)
    assert (seed.title, seed.events) == ("", None)  # validate leaves both to this stage
    [extracted] = extract_seeds([seed])
    assert (extracted.title, extracted.publisher) == ("ASAN service opens in Baku", "AZERTAC")
    assert extracted.published == PartialDate(2012, 12, 29)
    assert [event.date.iso for event in extracted.events] == ["2012-12-29", "2012-07"]
    assert {event.origin for event in extracted.events} == {"extracted"}


def test_front_matter_without_events_keeps_its_citation_and_dates_the_events(tmp_path):
    seed = validated(tmp_path, "asan.md", "---\ntitle: ASAN opens\npublished: 2013-01\n---\n" + TEXT)
    [extracted] = extract_seeds([seed])
    assert (extracted.title, extracted.publisher) == ("ASAN opens", "")  # no "AZERTAC" added to it
    assert extracted.published == PartialDate(2013, 1)
    # "today" is dated by the front matter's publication date, not by the dateline
    assert [event.date.iso for event in extracted.events] == ["2013-01", "2012-07"]


def test_seeds_with_curated_events_pass_unchanged():
    seeds, _ = validate_paths(founding_seeds())
    assert extract_seeds(seeds) == seeds


def test_the_build_extracts_each_raw_seed_once(tmp_path, monkeypatch):
    calls = []

    def counting(text, published=None):
        calls.append(text)
        return extract_text(text, published)

    extract_text = build_scripts.extract.stage.extract_text
    monkeypatch.setattr(build_scripts.extract.stage, "extract_text", counting)
    (tmp_path / "asan.md").write_text("ASAN service opens in Baku\n\n" + TEXT, encoding="utf-8")
    seed_files = [*founding_seeds(), tmp_path / "asan.md"]
    site = generate_site(
        seed_files, base=tmp_path, site_url="https://example.org/", build_date=datetime.date(2025, 11, 20)
    )
    assert len(calls) == 1
    assert {entry.event.origin for entry in site.timeline.entries if entry.seed.id == "asan"} == {"extracted"}
