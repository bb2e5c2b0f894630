"""The one data model: seeds, entries, countries and the timeline they make.

Every stage passes these objects along; nothing else describes a seed or an entry.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from build_scripts import urls

Precision = Literal["year", "month", "day"]
PRECISIONS: tuple[Precision, ...] = ("year", "month", "day")  # coarsest first
Origin = Literal["curated", "extracted"]
Status = Literal["happened", "planned"]

_PARTIAL_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day, and no further."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raises ValueError naming the rule broken."""
        match = _PARTIAL_DATE.fullmatch(text.strip())
        if not match:
            raise ValueError("a date is written YYYY, YYYY-MM or YYYY-MM-DD")
        year = int(match["year"])
        month = int(match["month"]) if match["month"] else None
        day = int(match["day"]) if match["day"] else None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"there is no month {month:02d}")
        if day is not None:
            last_day = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last_day:
                raise ValueError(f"{calendar.month_name[month]} {year} has {last_day} days, not {day}")
        return cls(year, month, day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def label(self) -> str:
        """The date as a reader says it, at its precision: 2005, December 2017, 22 December 2017."""
        if self.month is None:
            return str(self.year)
        month = calendar.month_name[self.month]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def coarsened(self, precision: Precision) -> PartialDate:
        """The same date told no more precisely than `precision`."""
        if precision == "year":
            return PartialDate(self.year)
        if precision == "month":
            return PartialDate(self.year, self.month)
        return self

    def compare(self, other: PartialDate) -> int:
        """-1, 0 or 1 as this date is before, agrees with, or is after `other` at the coarser precision."""
        coarser = min(self.precision, other.precision, key=PRECISIONS.index)
        mine, theirs = self.coarsened(coarser).sort_key, other.coarsened(coarser).sort_key
        return (mine > theirs) - (mine < theirs)

    def __str__(self) -> str:
        return self.iso


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str

    @property
    def slug(self) -> str:
        return slugify(self.name)


@dataclass(frozen=True)
class Transfer:
    """Who learned from whom: `learners` took up the experience of `teachers`."""

    teachers: tuple[Country, ...]
    learners: tuple[Country, ...]


@dataclass(frozen=True)
class Event:
    """One dated event as a seed states it (curated front matter or extracted from the body).

    An event that repeats an entry another seed gives names it by `id` and gives only its own
    quote, and optionally its date and countries: its `title` is empty.
    """

    date: PartialDate | None
    title: str
    countries: tuple[Country, ...]
    quote: str
    tags: tuple[str, ...] = ()
    summary: str = ""
    transfer: Transfer | None = None
    id: str | None = None  # the entry's permanent id when the seed gives one
    status: Status = "happened"
    origin: Origin = "curated"
    line: int = 0  # where the event starts in its seed file, for messages

    @property
    def is_reference(self) -> bool:
        return not self.title


@dataclass(frozen=True)
class Seed:
    """A source document: its citation and the events drawn from it."""

    id: str
    path: str
    body: str
    title: str
    publisher: str = ""
    author: str = ""
    published: PartialDate | None = None
    url: str = ""
    language: str = "en"
    events: tuple[Event, ...] | None = None  # None: the front matter lists no events

    def __hash__(self) -> int:
        # Equal seeds have the same id. Hashing by it alone, not by the body and every event,
        # keeps seeds and entries cheap as the keys a rebuild looks its last pages up by.
        return hash(self.id)


@dataclass(frozen=True)
class Source:
    """One seed's report of an entry: its citation is the seed's, its quote its own."""

    seed: Seed
    quote: str
    status: Status = "happened"
    line: int = 0  # of the event in the seed file


@dataclass(frozen=True)
class Entry:
    """An event placed on the timeline, told by one or more sources, under its permanent id.

    `event` is the entry as a whole: the title, tags, summary and transfer of the event that gives
    them, the most precise date any source gives, every country any source names, and the first
    source's quote. `seed` is the first source's seed; `sources` lists all, oldest first.
    """

    id: str
    event: Event
    seed: Seed
    sources: tuple[Source, ...] = ()

    def __hash__(self) -> int:
        return hash(self.id)  # equal entries have the same id (see Seed.__hash__)

    @property
    def url(self) -> str:
        return urls.entry(self.id)

    @property
    def status(self) -> Status:
        """Planned until any source reports that it has happened."""
        return "planned" if all(source.status == "planned" for source in self.sources) else "happened"

    @property
    def planned_as_of(self) -> PartialDate | None:
        """When the latest source that announces it as planned was published."""
        dates = [s.seed.published for s in self.sources if s.status == "planned" and s.seed.published]
        return max(dates, key=lambda date: date.sort_key) if dates else None


@dataclass(frozen=True)
class CountryEntries:
    country: Country
    entries: tuple[Entry, ...]
    learned_from: tuple[Country, ...] = ()
    taught: tuple[Country, ...] = ()


@dataclass(frozen=True)
class Timeline:
    entries: tuple[Entry, ...]  # in date order, oldest first
    seeds: tuple[Seed, ...]
    countries: tuple[CountryEntries, ...]  # by name
    tags: tuple[str, ...] = field(default=())

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted({entry.event.date.year for entry in self.entries}))


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a contributor's file, located to the line."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        # A message quotes what the contributor wrote; a line break in it could forge more lines.
        return f"{one_line(self.path)}:{self.line}: error: {one_line(self.message)}"


class SeedProblems(Exception):
    """Raised by the pipeline when seeds are invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        lines = [str(problem) for problem in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found in the seeds.")
        super().__init__("\n".join(lines))


def one_line(text: str) -> str:
    """Text with its line breaks and other control characters shown as escapes, on one line."""
    return "".join(
        character if character.isprintable() or character == " " else repr(character)[1:-1]
        for character in text
    )


def slugify(text: str, max_length: int = 72, fallback: str = "untitled") -> str:
    """Lower-case ASCII words joined by hyphens, cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or fallback
