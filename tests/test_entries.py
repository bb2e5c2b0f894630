"""Entries that last: permanent ids, one entry from several sources, plans, citations, redirects."""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
import yaml

from build_scripts import commands
from build_scripts.build_model import build_timeline
from build_scripts.citations import citation_files
from build_scripts.export import timelinejs_json
from build_scripts.site import generate_site
from build_scripts.validate import validate_paths

from .conftest import ROOT, copy_project, founding_seeds, mkdocs

SITE_URL = "https://example.org/"
BUILD_DATE = datetime.date(2025, 11, 20)
BODY = "The first ASAN service centre opened in Baku in January 2013. It will open a centre in Shusha next year.\n"


def write_seed(folder: Path, name: str, front: dict, body: str = BODY) -> Path:
    path = folder / f"{name}.md"
    path.write_text(
        "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body,
        encoding="utf-8",
    )
    return path


def timeline_of(paths: list[Path]):
    seeds, problems = validate_paths(paths, base=paths[0].parent)
    assert problems == []
    return build_timeline(seeds)


def opening(**changes) -> dict:
    return {
        "id": "2013-01-first-asan-centre-opens",
        "date": "2013-01",
        "title": "First ASAN centre opens",
        "countries": ["AZ"],
        "quote": "The first ASAN service centre opened in Baku",
        **changes,
    }


def test_a_title_edit_keeps_the_entry_its_address(tmp_path):
    before = timeline_of([write_seed(tmp_path, "a", {"published": "2014", "events": [opening()]})])
    after = timeline_of(
        [write_seed(tmp_path, "a", {"published": "2014", "events": [opening(title="ASAN opens its doors")]})]
    )
    assert (
        [entry.url for entry in before.entries]
        == [entry.url for entry in after.entries]
        == ["entries/2013-01-first-asan-centre-opens/"]
    )


def test_a_title_in_another_script_gets_a_stable_id_when_seeds_are_added(tmp_path):
    georgian = {"date": "2012", "title": "იუსტიციის სახლი", "quote": "The first ASAN service centre opened"}
    first = timeline_of([write_seed(tmp_path, "ge-hall", {"events": [georgian]})])
    other = write_seed(tmp_path, "aa-earlier", {"events": [{**georgian, "title": "Юстиция"}]})
    second = timeline_of([other, tmp_path / "ge-hall.md"])
    assert [entry.id for entry in first.entries] == ["2012-ge-hall"]
    assert sorted(entry.id for entry in second.entries) == ["2012-aa-earlier", "2012-ge-hall"]


def test_two_seeds_with_one_id_make_one_entry_with_both_sources_oldest_first(tmp_path):
    later = write_seed(tmp_path, "later", {"published": "2015", "events": [opening()]})
    earlier = write_seed(
        tmp_path,
        "earlier",
        {
            "published": "2013-02",
            "events": [
                {
                    "id": "2013-01-first-asan-centre-opens",
                    "date": "2013-01-15",
                    "countries": ["UZ"],
                    "quote": "first ASAN service centre opened in Baku in January 2013",
                }
            ],
        },
    )
    timeline = timeline_of([later, earlier])
    [entry] = timeline.entries
    assert entry.event.title == "First ASAN centre opens"
    assert entry.event.date.iso == "2013-01-15"  # the most precise date a source gives
    assert [country.code for country in entry.event.countries] == ["AZ", "UZ"]
    assert [source.seed.id for source in entry.sources] == ["earlier", "later"]
    site = generate_site([later, earlier], base=tmp_path, site_url=SITE_URL, build_date=BUILD_DATE)
    record = json.loads(site.files["data/timeline.json"])["entries"][0]
    assert [source["seed"] for source in record["sources"]] == ["earlier", "later"]
    assert record["source"]["published"] == "2013-02" and record["quote"] == record["sources"][0]["quote"]
    page = site.pages["entries/2013-01-first-asan-centre-opens/index.md"]
    assert "2 sources, oldest first" in page and page.count('<blockquote class="oss-quote">') == 2
    for seed in ("earlier", "later"):
        assert "2013-01-first-asan-centre-opens" in site.pages[f"sources/{seed}/index.md"]


def test_sources_that_disagree_on_the_date_are_both_named(tmp_path):
    a = write_seed(tmp_path, "a", {"published": "2014", "events": [opening()]})
    b = write_seed(
        tmp_path,
        "b",
        {
            "published": "2014",
            "events": [
                {
                    "id": "2013-01-first-asan-centre-opens",
                    "date": "2013-02",
                    "quote": "The first ASAN service centre",
                }
            ],
        },
    )
    _, problems = validate_paths([a, b], base=tmp_path)
    assert [str(problem) for problem in problems] == [
        "a.md:4: error: entry '2013-01-first-asan-centre-opens' is dated January 2013 here but February 2013 in "
        "b.md:4: the sources of one entry must agree on its date",
        "b.md:4: error: entry '2013-01-first-asan-centre-opens' is dated February 2013 here but January 2013 in "
        "a.md:4: the sources of one entry must agree on its date",
    ]


def test_an_entry_needs_exactly_one_title(tmp_path):
    a = write_seed(tmp_path, "a", {"events": [opening()]})
    b = write_seed(tmp_path, "b", {"events": [opening()]})
    c = write_seed(tmp_path, "c", {"events": [{"id": "2005-nobody-gives-this", "quote": "ASAN"}]})
    _, problems = validate_paths([a, b, c], base=tmp_path)
    assert [(problem.path, problem.message.split(":")[0]) for problem in problems] == [
        ("b.md", "entry '2013-01-first-asan-centre-opens' is given a title here and in a.md"),
        ("c.md", "no seed gives the title of entry '2005-nobody-gives-this'"),
    ]


def test_a_source_repeating_an_entry_gives_no_title_tags_or_summary(tmp_path):
    seed = write_seed(tmp_path, "a", {"events": [{"id": "2013-x", "quote": "ASAN", "tags": ["award"]}]})
    _, problems = validate_paths([seed], base=tmp_path)
    assert problems[0].message.startswith("event 1 gives 'tags' but no 'title'")


@pytest.mark.parametrize(
    ("published", "event", "expected"),
    [
        (
            "2013-12-14",
            {"date": "2014", "title": "Shusha centre", "quote": "It will open a centre in Shusha"},
            "event 1 is dated 2014, after its source was published (14 December 2013): if the source announces it "
            "for later, add 'status: planned'; otherwise correct the date",
        ),
        (
            "2013-12-14",
            {
                "date": "2013-11",
                "title": "Shusha centre",
                "quote": "It will open a centre in Shusha",
                "status": "planned",
            },
            "event 1 is planned but dated November 2013, before its source was published (14 December 2013): a plan "
            "lies ahead of its source; remove 'status: planned' if it has happened, or correct the date",
        ),
    ],
)
def test_plans_lie_after_their_source_and_what_happened_before_it(tmp_path, published, event, expected):
    seed = write_seed(tmp_path, "a", {"published": published, "events": [event]})
    _, problems = validate_paths([seed], base=tmp_path)
    assert [problem.message for problem in problems] == [expected]


def test_a_plan_is_published_as_planned_in_words_and_in_the_data(tmp_path):
    seed = write_seed(
        tmp_path,
        "a",
        {
            "published": "2013-12-14",
            "events": [
                {
                    "id": "2014-shusha-centre",
                    "date": "2014",
                    "title": "Shusha centre",
                    "quote": "It will open a centre",
                    "status": "planned",
                }
            ],
        },
    )
    site = generate_site([seed], base=tmp_path, site_url=SITE_URL, build_date=BUILD_DATE)
    page = site.pages["entries/2014-shusha-centre/index.md"]
    assert (
        '<strong>Planned</strong>, as reported on <time datetime="2013-12-14">14 December 2013</time>' in page
    )
    assert json.loads(site.files["data/timeline.json"])["entries"][0]["status"] == "planned"
    assert ",planned," in site.files["data/timeline.csv"].decode()
    assert "planned" in site.pages["timeline/2014/index.md"]


# Citations: each parses in its own format's reader

CSL_ITEM_TYPES = {"article", "webpage"}
# The parts of the CSL-JSON input schema (citationstyles.org, csl-data.json) our records use.
CSL_DATA_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["type", "id"],
        "properties": {
            "type": {"enum": sorted(CSL_ITEM_TYPES)},
            "id": {"type": ["string", "number"]},
            "title": {"type": "string"},
            "container-title": {"type": "string"},
            "publisher": {"type": "string"},
            "URL": {"type": "string"},
            "author": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"literal": {"type": "string"}},
                    "additionalProperties": False,
                },
            },
            **{name: {"$ref": "#/$defs/date"} for name in ("issued", "accessed", "event-date")},
        },
        "additionalProperties": False,
    },
    "$defs": {
        "date": {
            "type": "object",
            "properties": {
                "date-parts": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 2,
                    "items": {
                        "type": "array",
                        "minItems": 1,
                        "maxItems": 3,
                        "items": {"type": ["string", "number"]},
                    },
                }
            },
            "additionalProperties": False,
        }
    },
}


@pytest.fixture(scope="module")
def citations() -> dict[str, bytes]:
    seeds, _ = validate_paths(founding_seeds())
    return citation_files(build_timeline(seeds), SITE_URL, BUILD_DATE)


def test_every_entry_and_source_is_citable_in_three_formats(citations):
    entry = "entries/2017-12-22-uzbekistan-studies-kazakh-one-stop-shops/"
    assert {f"{entry}cite.{style}" for style in ("bib", "ris", "json")} <= set(citations)
    assert "sources/004_d5fc1c6b4583ae9a/cite.ris" in citations


def test_bibtex_citations_parse(citations):
    for path, data in citations.items():
        if path.endswith(".bib"):
            library = bibtexparser.parse_string(data.decode())
            assert not library.failed_blocks and len(library.entries) == 1, path
            fields = library.entries[0].fields_dict
            assert fields["urldate"].value == "2025-11-20"
    entry = bibtexparser.parse_string(
        citations[
            "entries/2005-kazakhstan-introduces-the-one-stop-shop-principle-in-public-services/cite.bib"
        ].decode()
    ).entries[0]
    assert entry.fields_dict["howpublished"].value == "One-Stop Shop Timeline"
    assert (
        entry.fields_dict["url"].value
        == SITE_URL + "entries/2005-kazakhstan-introduces-the-one-stop-shop-principle-in-public-services/"
    )


def test_ris_citations_parse(citations):
    for path, data in citations.items():
        if path.endswith(".ris"):
            [record] = rispy.loads(data.decode())
            assert record["type_of_reference"] == "ELEC" and record["title"], path
    [record] = rispy.loads(
        citations["entries/2017-12-22-uzbekistan-studies-kazakh-one-stop-shops/cite.ris"].decode()
    )
    assert record["date"] == "2017/12/22/" and record["access_date"] == "2025/11/20"


def test_csl_json_citations_follow_the_schema(citations):
    for path, data in citations.items():
        if path.endswith(".json"):
            jsonschema.validate(json.loads(data), CSL_DATA_SCHEMA)
    [record] = json.loads(citations["entries/2017-12-22-uzbekistan-studies-kazakh-one-stop-shops/cite.json"])
    assert record["event-date"] == {"date-parts": [[2017, 12, 22]]}


def test_timelinejs_has_a_slide_per_entry_at_its_precision_grouped_by_country():
    seeds, _ = validate_paths(founding_seeds())
    data = json.loads(timelinejs_json(build_timeline(seeds), SITE_URL))
    assert len(data["events"]) == 10
    by_id = {event["unique_id"]: event for event in data["events"]}
    year_only = by_id["2005-kazakhstan-introduces-the-one-stop-shop-principle-in-public-services"]
    assert (
        year_only["start_date"] == {"year": "2005", "display_date": "2005"}
        and year_only["group"] == "Kazakhstan"
    )
    uzbek = by_id["2017-12-22-uzbekistan-studies-kazakh-one-stop-shops"]
    assert uzbek["start_date"]["day"] == "22" and uzbek["group"] == "Uzbekistan"
    assert SITE_URL + "entries/2017-12-22-uzbekistan-studies-kazakh-one-stop-shops/" in uzbek["text"]["text"]
    assert data["license"]["name"] == "CC BY 4.0"


# Redirects and dropped addresses


def test_validate_fix_adds_ids_that_keep_todays_addresses_and_changes_nothing_else(
    tmp_path, monkeypatch, capsys
):
    project = copy_project(tmp_path / "project", founding_seeds())
    monkeypatch.chdir(project)
    monkeypatch.setattr(commands, "SEEDS_DIR", project / "seeds")
    monkeypatch.setattr(commands, "ROOT", project)
    before = {path.name: path.read_text() for path in (project / "seeds").iterdir()}
    stripped = {name: re.sub(r"- id: [^\n]*\n\s*", "- ", text) for name, text in before.items()}
    for name, text in stripped.items():
        (project / "seeds" / name).write_text(text)
    assert commands.validate_command([], "text", fix=True) == 0
    assert "seeds/000_8c3c8cf97528e99a.txt: added 6 ids" in capsys.readouterr().out
    for name in before:
        assert (project / "seeds" / name).read_text() == before[
            name
        ]  # the ids of today's addresses, nothing else
    assert (project / "redirects.yaml").read_text().count(
        ": 20"
    ) == 3  # three ids were too long to give as they are
    seeds, problems = validate_paths(sorted((project / "seeds").iterdir()), base=project)
    assert problems == [] and all(event.id for seed in seeds for event in seed.events)


def test_a_dropped_address_fails_the_check_unless_a_redirect_covers_it(tmp_path):
    project = copy_project(tmp_path / "project", founding_seeds())
    assert mkdocs(project, "build", "--strict").returncode == 0
    old_sitemap = tmp_path / "base-sitemap.xml"
    old_sitemap.write_bytes((project / "site" / "sitemap.xml").read_bytes())
    seed = project / "seeds" / "004_d5fc1c6b4583ae9a.txt"
    seed.write_text(
        seed.read_text().replace(
            "id: 2017-12-22-uzbekistan-studies-kazakh-one-stop-shops",
            "id: 2017-12-22-uzbekistan-studies-kazakh-one-stop-shop-centres",
        )
    )
    assert mkdocs(project, "build", "--strict").returncode == 0

    def check():
        return subprocess.run(
            [sys.executable, "-m", "build_scripts", "check-urls", str(old_sitemap), str(project / "site")],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )

    dropped = check()
    assert dropped.returncode == 1
    assert (
        "/entries/2017-12-22-uzbekistan-studies-kazakh-one-stop-shops/ was published and is gone"
        in dropped.stdout
    )
    (project / "redirects.yaml").write_text(
        "2017-12-22-uzbekistan-studies-kazakh-one-stop-shops: 2017-12-22-uzbekistan-studies-kazakh-one-stop-shop-centres\n"
    )
    assert mkdocs(project, "build", "--strict").returncode == 0
    assert check().returncode == 0
    redirect = (
        project / "site" / "entries" / "2017-12-22-uzbekistan-studies-kazakh-one-stop-shops" / "index.html"
    ).read_text()
    assert (
        '<meta http-equiv="refresh" content="0; url=../../entries/2017-12-22-uzbekistan-studies-kazakh-one-stop-shop-centres/">'
        in redirect
    )
    assert (
        '<link rel="canonical" href="https://onestop-timeline.example.org/entries/2017-12-22-uzbekistan-studies-kazakh-one-stop-shop-centres/">'
        in redirect
    )


def test_sources_that_disagree_are_named_even_with_a_coarser_source_between_them(tmp_path):
    january = write_seed(tmp_path, "a", {"published": "2014", "events": [opening()]})
    year = write_seed(
        tmp_path,
        "b",
        {
            "published": "2014",
            "events": [
                {
                    "id": "2013-01-first-asan-centre-opens",
                    "date": "2013",
                    "quote": "The first ASAN service centre",
                }
            ],
        },
    )
    february = write_seed(
        tmp_path,
        "c",
        {
            "published": "2014",
            "events": [
                {
                    "id": "2013-01-first-asan-centre-opens",
                    "date": "2013-02",
                    "quote": "The first ASAN service centre",
                }
            ],
        },
    )
    _, problems = validate_paths([january, year, february], base=tmp_path)
    assert [(problem.path, problem.message.split(" in ")[1].split(":")[0]) for problem in problems] == [
        ("a.md", "c.md"),
        ("c.md", "a.md"),
    ]
