"""Synthetic seeds in the real seed format, for measuring builds at thousands of entries.

Each seed reads like a short news item about one-stop shops: several dated events (day, month
and year precision), 25 countries, tags from the project's vocabulary, and for every event a
quote that occurs in the body, so the seeds pass the same validation as a contributor's.
Deterministic: the same count and random seed give the same files.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from build_scripts.model import PartialDate

COUNTRIES = (
    "Kazakhstan",
    "Uzbekistan",
    "Azerbaijan",
    "Georgia",
    "Estonia",
    "Korea, Republic of",
    "Singapore",
    "Japan",
    "United States",
    "Kyrgyzstan",
    "Tajikistan",
    "Armenia",
    "Moldova",
    "Ukraine",
    "Mongolia",
    "Albania",
    "Portugal",
    "Brazil",
    "Rwanda",
    "Kenya",
    "India",
    "Indonesia",
    "Bangladesh",
    "United Arab Emirates",
    "Canada",
)
TAGS = (
    "one-stop-shop",
    "citizen-service-centre",
    "e-government",
    "digital-transformation",
    "institution",
    "law",
    "knowledge-transfer",
    "study-visit",
    "international-cooperation",
    "award",
    "conference",
    "quality-monitoring",
    "anti-corruption",
    "mobile-services",
)
OFFICES = (
    "public service centre",
    "one-stop shop",
    "citizen service hall",
    "e-government portal",
    "mobile service unit",
    "business registration desk",
    "justice house",
    "digital service point",
)
ACTIONS = ("opened", "launched", "expanded", "reorganised", "modernised", "connected", "certified")
PLACES_START = ("Ak", "Kara", "Nov", "Bel", "Sar", "Tal", "Ber", "Ord", "Kam", "Zhan", "Ust", "Mar")
PLACES_END = ("tau", "su", "gorod", "abad", "ino", "kent", "polis", "ovo", "dala", "kol", "shar")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
FILLER = (
    "Officials said the reform would cut the number of visits a citizen needs for a single service.",
    "The centre accepts applications for identity documents, property registration and social benefits.",
    "Staff were trained to handle requests for several agencies at one desk.",
    "Waiting times are monitored and published every month on the agency's website.",
    "Citizens can rate each visit, and the ratings are used to reward the best offices.",
    "The ministry plans to move most services online while keeping the offices for those who need help.",
    "Representatives of neighbouring countries have visited the centre to study its experience.",
    "Entrepreneurs welcomed the change, which removes the need to queue at separate agencies.",
    "The project was financed from the state budget with support from international partners.",
    "Employees follow a single standard of service, from the greeting to the issuing of documents.",
)


def _place(rng: random.Random) -> str:
    return rng.choice(PLACES_START) + rng.choice(PLACES_END)


def _date(rng: random.Random) -> tuple[str, str]:
    """An ISO partial date and the words a reporter would use for it."""
    year = rng.randint(2005, 2025)
    precision = rng.choices(("day", "month", "year"), weights=(5, 3, 2))[0]
    if precision == "year":
        return str(year), f"in {year}"
    month = rng.randint(1, 12)
    if precision == "month":
        return f"{year}-{month:02d}", f"in {MONTHS[month - 1]} {year}"
    day = rng.randint(1, 28)
    return f"{year}-{month:02d}-{day:02d}", f"on {day} {MONTHS[month - 1]} {year}"


def _event(rng: random.Random, number: int) -> tuple[dict, str]:
    """One event's front matter and the paragraph of the body that supports it."""
    iso, said = _date(rng)
    countries = rng.sample(COUNTRIES, rng.choice((1, 1, 2, 3)))
    office, action, place = rng.choice(OFFICES), rng.choice(ACTIONS), _place(rng)
    lead = countries[0].split(",")[0]
    quote = f"{said.capitalize()}, {lead} {action} the {office} in {place}, number {number} of its kind."
    summary = " ".join(rng.sample(FILLER, 6)) + " " + " ".join(rng.sample(FILLER, 6))
    event = {
        "date": iso,
        "title": f"{lead} {action} the {office} in {place}",
        "countries": countries,
        "tags": sorted(rng.sample(TAGS, rng.randint(1, 3))),
        "quote": quote,
        "summary": summary,
    }
    paragraph = f"{quote} {' '.join(rng.sample(FILLER, 3))}"
    return event, paragraph


def synthetic_seed(rng: random.Random, events: int, index: int) -> str:
    front, paragraphs = [], []
    for number in range(events):
        event, paragraph = _event(rng, index * 10 + number)
        front.append(event)
        paragraphs.append(paragraph)
    # Published in the last event's year; what it dates later still, it reports as planned.
    published = PartialDate.parse(front[-1]["date"])
    for event in front:
        if PartialDate.parse(event["date"]).compare(published) > 0:
            event["status"] = "planned"
    metadata = {
        "title": f"One-stop shops report {index}: {front[0]['title']}",
        "publisher": rng.choice(("The Astana Times", "Trend", "Kun.uz", "Civil.ge", "ERR News")),
        "published": front[-1]["date"],
        "url": f"https://news.example.org/articles/{index}",
        "events": front,
    }
    header = yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{header}---\n" + "\n\n".join(paragraphs) + "\n"


def write_synthetic_seeds(folder: Path, entries: int, random_seed: int = 2005) -> int:
    """Writes seeds holding `entries` events in all (3 to 7 per seed); returns the seed count."""
    rng = random.Random(random_seed)
    folder.mkdir(parents=True, exist_ok=True)
    written = index = 0
    while written < entries:
        events = min(rng.randint(3, 7), entries - written)
        (folder / f"synthetic_{index:05d}.md").write_text(
            synthetic_seed(rng, events, index), encoding="utf-8"
        )
        written += events
        index += 1
    return index
