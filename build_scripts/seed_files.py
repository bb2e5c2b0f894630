"""Writing seed files: a new seed's front matter in one canonical form, and ids added in place.

python-frontmatter's YAML handler writes the front matter (`new`); the body is appended byte for
byte, which its `dumps` would not do (it strips the text). `validate --fix` inserts each missing
`id:` line where it belongs and leaves every other byte of the file as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from frontmatter.default_handlers import YAMLHandler

from build_scripts.build_model import derived_id, writable_id
from build_scripts.model import Entry, Seed
from build_scripts.read_seeds import file_line, read_seed_file

_YAML = YAMLHandler()


def draft_front_matter(extraction, seed_id: str, url: str = "") -> str:
    """The front matter of a new seed, from what the extractor found, for an editor to check."""
    metadata: dict = {}
    if extraction.title:
        metadata["title"] = extraction.title
    if extraction.publisher:
        metadata["publisher"] = extraction.publisher
    if extraction.published:
        metadata["published"] = extraction.published.iso
    if url:
        metadata["url"] = url
    seed = Seed(id=seed_id, path="", body="", title=extraction.title)
    events = []
    for event in extraction.events:
        draft = {"id": writable_id(derived_id(event, seed)), "date": event.date.iso}
        if event.status == "planned":
            draft["status"] = "planned"
        draft["title"] = event.title
        if event.countries:
            draft["countries"] = [country.code for country in event.countries]
        draft["quote"] = event.quote
        events.append(draft)
    if events:
        metadata["events"] = events
    return front_matter_text(metadata)


def front_matter_text(metadata: dict) -> str:
    return f"---\n{_YAML.export(metadata, sort_keys=False, width=10_000)}\n---\n"


@dataclass(frozen=True)
class MissingId:
    offset: int  # where in the file the id goes
    entry_id: str  # the id the entry has now
    flow_style: bool  # the event is written {date: ..., title: ...}
    column: int

    @property
    def given_id(self) -> str:
        return writable_id(self.entry_id)

    @property
    def text(self) -> str:
        if self.flow_style:
            return f"id: {self.given_id}, "
        return f"id: {self.given_id}\n" + " " * self.column


def missing_ids(path: Path, display: str, entries: list[Entry]) -> list[MissingId]:
    """Where the events of the seed at `path` (named `display` in `entries`) that give no id get
    the one their entry has."""
    seed_file, problems = read_seed_file(path, display)
    if problems or seed_file.front_matter is None:
        return []
    ids = {(source.seed.path, source.line): entry.id for entry in entries for source in entry.sources}
    text = path.read_bytes().decode("utf-8-sig")
    line_starts = [0] + [index + 1 for index, character in enumerate(text) if character == "\n"]
    insertions = []
    for key_node, value_node in seed_file.front_matter.value:
        if key_node.value != "events" or not isinstance(value_node, yaml.SequenceNode):
            continue
        for item in value_node.value:
            if not isinstance(item, yaml.MappingNode) or any(key.value == "id" for key, _ in item.value):
                continue
            entry_id = ids.get((seed_file.path, file_line(item)))
            if entry_id is None:
                continue
            offset = line_starts[file_line(item) - 1] + item.start_mark.column + (1 if item.flow_style else 0)
            insertions.append(MissingId(offset, entry_id, item.flow_style, item.start_mark.column))
    return insertions


def with_ids(text: str, insertions: list[MissingId]) -> str:
    for insertion in sorted(insertions, key=lambda item: item.offset, reverse=True):
        text = text[: insertion.offset] + insertion.text + text[insertion.offset :]
    return text
