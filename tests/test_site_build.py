"""Real `mkdocs build` runs: what a reader and a contributor get from the founding seeds."""

import html
import json
import os
import re
import shutil
from pathlib import Path

from .conftest import FIXTURES, copy_project, founding_seeds, mkdocs

UZBEK_ENTRY = "entries/2017-12-22-uzbekistan-studies-kazakh-one-stop-shops/"
# The stored page of the founding seed 004: ifg.cc's reprint of The Astana Times.
FOUNDING_004_URL = "http://ifg.cc/en/aktuelles/nachrichten/regionen/274-kz-kasachstan-kazakhstan/55314-kz-uzbekistan-to-apply-kazakh-public-service-development-experience.html"


def read(site: Path, page: str) -> str:
    return (
        (site / page / "index.html").read_text(encoding="utf-8")
        if not page.endswith((".json", ".csv", ".xml"))
        else (site / page).read_text(encoding="utf-8")
    )


def text_of(page: str) -> str:
    words = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
    return re.sub(r" ([,.;:])", r"\1", words)


def test_home_page_gives_key_figures_latest_entries_and_how_to_contribute(built_site):
    home = text_of(read(built_site, ""))
    assert "10 entries" in home and "9 countries" in home and "2005–2025 years covered" in home
    assert "Latest entries" in home and "Korean expert presents an AI laboratory" in home
    assert "how to contribute" in home


def test_timeline_groups_entries_by_year_with_dates_at_their_precision(built_site):
    html = read(built_site, "timeline")
    years = re.findall(r'<h2 id="(\d{4})"', html)
    assert years == ["2005", "2017", "2021", "2025"]
    assert '<time datetime="2005" class="oss-date oss-date--year">2005</time>' in html
    assert '<time datetime="2017-12-22" class="oss-date oss-date--day">22 December 2017</time>' in html
    for year in years:
        assert (built_site / "timeline" / year / "index.html").exists()


def test_an_entry_permalink_shows_date_countries_quote_and_full_citation(built_site):
    page = text_of(read(built_site, UZBEK_ENTRY))
    assert "22 December 2017" in page
    assert "Countries Uzbekistan, Kazakhstan" in page
    assert "Uzbekistan intends to adopt Kazakhstan’s experience in developing public services" in page
    assert (
        "Uzbekistan intends to adopt Kazakhstan's experience in developing public services, "
        "The Astana Times, 5 January 2018. By Aigerim Seisembayeva."
    ) in page
    assert "004_d5fc1c6b4583ae9a" in page
    article = read(built_site, UZBEK_ENTRY).split("<article", 1)[1]
    shown = re.sub(r"<(\w+)[^>]*\bhidden\b[^>]*>.*?</\1>", "", article, flags=re.S)
    assert shown.count(">knowledge-transfer<") == 1, "each tag is shown once, in the facts list"


def test_every_country_has_a_page_and_the_index_lists_them(built_site):
    index = text_of(read(built_site, "countries"))
    for slug, name in [
        ("kazakhstan", "Kazakhstan"),
        ("uzbekistan", "Uzbekistan"),
        ("azerbaijan", "Azerbaijan"),
        ("georgia", "Georgia"),
        ("south-korea", "South Korea"),
        ("estonia", "Estonia"),
        ("singapore", "Singapore"),
        ("japan", "Japan"),
        ("united-states", "United States"),
    ]:
        assert name in index
        assert f'<h1 id="{slug}">{name}<' in read(built_site, f"countries/{slug}")
    kazakhstan = read(built_site, "countries/kazakhstan")
    dates = re.findall(r'<time datetime="([\d-]+)"', kazakhstan)
    assert dates == sorted(dates) and len(dates) == 9


def test_source_pages_cite_the_document_and_list_its_entries(built_site):
    page = text_of(read(built_site, "sources/004_d5fc1c6b4583ae9a"))
    assert "The Astana Times" in page and "Aigerim Seisembayeva" in page
    assert page.count("22 December 2017") == 4


def test_a_tag_page_lists_its_entries_by_year_linked_to_their_pages(built_site):
    page = read(built_site, "tags/knowledge-transfer")
    assert re.findall(r'<h2 id="(\d{4})"', page) == ["2017", "2025"]
    links = re.findall(r'<a class="oss-entry__title" href="([^"]+)"', page)
    folder = built_site / "tags" / "knowledge-transfer"
    assert all((folder / link / "index.html").resolve().is_file() for link in links)
    entries = json.loads(read(built_site, "data/timeline.json"))["entries"]
    tagged = [entry["url"] for entry in entries if "knowledge-transfer" in entry["tags"]]
    assert [link.removeprefix("../../") for link in links] == tagged and UZBEK_ENTRY in tagged


def test_search_finds_entries_by_institution_city_and_country(built_site):
    index = json.loads(read(built_site, "search/search_index.json"))
    entry_texts = {
        doc["location"]: doc["title"] + " " + doc["text"]
        for doc in index["docs"]
        if doc["location"].startswith("entries/")
    }
    for word, expected in [
        ("ASAN", "2025-11-20-asan-and-georgia"),
        ("Taraz", "2025-11-20-taraz-conference"),
        ("Uzbekistan", "2017-12-22-uzbekistan-studies"),
    ]:
        assert any(
            word in text and location.startswith(f"entries/{expected}")
            for location, text in entry_texts.items()
        ), word


def test_search_results_lead_to_entries_not_to_lists_that_repeat_them(built_site):
    index = json.loads(read(built_site, "search/search_index.json"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "countries/uzbekistan/" in pages and f"{UZBEK_ENTRY}" in pages
    repeating = [page for page in pages if re.fullmatch(r"(timeline/\d{4}|sources/[^/]+|tags/[^/]+)/", page)]
    assert repeating == [] and {"sources/", "tags/"} <= pages  # the indexes stay findable


def test_open_data_files_follow_the_published_format(built_site):
    entries = json.loads(read(built_site, "data/timeline.json"))["entries"]
    assert len(entries) == 10
    uzbek = next(
        entry for entry in entries if entry["id"] == "2017-12-22-uzbekistan-studies-kazakh-one-stop-shops"
    )
    assert {key: uzbek[key] for key in ("date", "precision", "countries", "seed", "url")} == {
        "date": "2017-12-22",
        "precision": "day",
        "countries": ["UZ", "KZ"],
        "seed": "004_d5fc1c6b4583ae9a",
        "url": UZBEK_ENTRY,
    }
    assert uzbek["source"] == {
        "title": "Uzbekistan intends to adopt Kazakhstan's experience in developing public services",
        "publisher": "The Astana Times",
        "published": "2018-01-05",
        "url": FOUNDING_004_URL,
    }
    for entry in entries:
        assert (built_site / entry["url"] / "index.html").exists()
    csv_lines = read(built_site, "data/timeline.csv").splitlines()
    assert csv_lines[0].startswith("id,date,precision,title,summary,countries,tags,quote,seed,")
    assert len(csv_lines) == 11
    countries = json.loads(read(built_site, "data/countries.json"))
    assert {"code": "UZ", "name": "Uzbekistan", "url": "countries/uzbekistan/", "entries": 4} in countries
    for country in countries:
        assert (built_site / country["url"] / "index.html").exists()


def test_the_site_requests_nothing_from_other_hosts(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        loaded = re.findall(r'<(?:script|img|iframe|source)[^>]+src="([^"]+)"|<link[^>]+href="([^"]+)"', html)
        for src, href in loaded:
            address = src or href
            if 'rel="canonical"' in html and address.startswith("https://onestop-timeline.example.org/"):
                continue
            assert not re.match(r"(https?:)?//", address), f"{page}: {address}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_entries_stay_out_of_the_sidebar(built_site):
    home = read(built_site, "")
    assert "uzbekistan-studies-kazakh-one-stop-shops" not in home.split('class="md-content"')[0]


def test_two_builds_of_the_same_seeds_are_byte_identical(tmp_path):
    outputs = []
    for run in ("first", "second"):
        project = copy_project(tmp_path / run, founding_seeds())
        assert mkdocs(project, "build", "--strict").returncode == 0
        outputs.append(site_files(project / "site"))
    assert outputs[0].keys() == outputs[1].keys()
    assert [path for path in outputs[0] if outputs[0][path] != outputs[1][path]] == []


def site_files(site: Path) -> dict[Path, bytes]:
    return {path.relative_to(site): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def test_the_sidebar_and_tabs_rendered_once_for_many_pages_are_those_material_renders_for_each(
    built_site, tmp_path
):
    # The hook renders Material's sidebar and tabs once for the pages that see the nav alike;
    # with no partial to share, Material renders them for each page.
    project = copy_project(tmp_path / "material-alone", founding_seeds())
    hook = project / "build_scripts" / "mkdocs_hook.py"
    shared = 'SHARED_PARTIALS = ("partials/nav.html", "partials/tabs.html")'
    assert shared in hook.read_text(encoding="utf-8")
    hook.write_text(
        hook.read_text(encoding="utf-8").replace(shared, "SHARED_PARTIALS = ()"), encoding="utf-8"
    )
    assert mkdocs(project, "build", "--strict").returncode == 0
    shared, alone = site_files(built_site), site_files(project / "site")
    assert shared.keys() == alone.keys()
    assert [path for path in shared if shared[path] != alone[path]] == []


def test_a_bad_seed_stops_the_build_with_every_message_and_leaves_the_site_alone(tmp_path):
    project = copy_project(tmp_path, founding_seeds())
    assert mkdocs(project, "build", "--strict").returncode == 0
    before = {path: path.read_bytes() for path in (project / "site").rglob("*") if path.is_file()}
    shutil.copy(FIXTURES / "seeds" / "broken.md", project / "seeds" / "broken.md")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "seeds/broken.md:4: error: 'published' is '2025-02-30', which is not a valid date" in result.stderr
    assert "seeds/broken.md:30: error: event 7 must be a mapping with date, title and quote" in result.stderr
    assert "16 problems found in the seeds." in result.stderr
    after = {path: path.read_bytes() for path in (project / "site").rglob("*") if path.is_file()}
    assert after == before
    assert not (project / "site.building").exists()


def test_a_strict_warning_after_pages_are_written_leaves_the_site_alone(tmp_path):
    project = copy_project(tmp_path, founding_seeds())
    assert mkdocs(project, "build", "--strict").returncode == 0
    before = {path: path.read_bytes() for path in (project / "site").rglob("*") if path.is_file()}
    (project / "docs" / "about.md").write_text("# About\n\n[a missing page](missing.md)\n")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 1 and "missing.md" in result.stderr
    after = {path: path.read_bytes() for path in (project / "site").rglob("*") if path.is_file()}
    assert after == before


def test_a_rebuild_rewrites_only_the_files_whose_content_changed(tmp_path):
    project = copy_project(tmp_path, founding_seeds())
    assert mkdocs(project, "build", "--strict").returncode == 0
    site = project / "site"

    def stamps() -> dict[Path, tuple[int, int]]:
        return {
            path: (path.stat().st_ino, path.stat().st_mtime_ns) for path in site.rglob("*") if path.is_file()
        }

    first, folder = stamps(), site.stat().st_ino
    unchanged = mkdocs(project, "build", "--strict")
    assert unchanged.returncode == 0
    assert stamps() == first
    assert site.stat().st_ino == folder  # not even exchanged for a copy: nothing changed
    assert "Published: 0 files written" in unchanged.stderr
    seed = next((project / "seeds").glob("004_*"))
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("Uzbekistan studies Kazakh", "Uzbekistan examines Kazakh"),
        encoding="utf-8",
    )
    assert mkdocs(project, "build", "--strict").returncode == 0
    after = stamps()
    untouched = site / "sources" / "000_8c3c8cf97528e99a" / "index.html"
    assert after[untouched] == first[untouched]
    assert (
        after[site / "sources" / "004_d5fc1c6b4583ae9a" / "index.html"]
        != first[site / "sources" / "004_d5fc1c6b4583ae9a" / "index.html"]
    )


def test_a_raw_article_publishes_as_machine_extracted_entries_awaiting_review(tmp_path):
    curated = [seed for seed in founding_seeds() if seed.name.startswith("004_")]
    raw = tmp_path / "taraz-article.txt"
    shutil.copy2(FIXTURES / "received" / "000_8c3c8cf97528e99a.txt", raw)  # no front matter at all
    project = copy_project(tmp_path / "project", [*curated, raw])
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    entries = json.loads(read(site, "data/timeline.json"))["entries"]
    origins = {(entry["seed"], entry["origin"]) for entry in entries}
    assert origins == {("004_d5fc1c6b4583ae9a", "curated"), ("taraz-article", "extracted")}
    extracted = [entry for entry in entries if entry["origin"] == "extracted"]
    assert {entry["date"] for entry in extracted} >= {"2005", "2025-11-20"}
    assert extracted[0]["source"]["published"] == "2025-11-20"
    source_page = text_of(read(site, "sources/taraz-article"))
    assert "20 Years of Public Service Quality Evolution in Kazakhstan" in source_page
    entry_page = text_of(read(site, extracted[0]["url"]))
    assert "Machine-extracted, awaiting review" in entry_page
    assert "machine-extracted" in text_of(read(site, "timeline"))


def test_a_page_edited_by_hand_in_the_site_is_replaced_even_with_its_size_and_time_set_back(tmp_path):
    project = copy_project(tmp_path, founding_seeds())
    assert mkdocs(project, "build", "--strict").returncode == 0
    page = project / "site" / "sources" / "004_d5fc1c6b4583ae9a" / "index.html"
    built, status = page.read_bytes(), page.stat()
    page.write_bytes(built.replace(b"<h1", b"<H1", 1))  # the same size
    os.utime(page, ns=(status.st_atime_ns, status.st_mtime_ns))  # as `touch -r` sets it back
    assert mkdocs(project, "build", "--strict").returncode == 0
    assert page.read_bytes() == built


def test_damaged_compiled_templates_are_compiled_again(tmp_path):
    project = copy_project(tmp_path, founding_seeds())
    assert mkdocs(project, "build", "--strict").returncode == 0
    built = site_files(project / "site")
    compiled = [path for path in (project / ".site.templates").iterdir() if path.is_file()]
    assert compiled
    for path in compiled:  # bytes flipped in the middle of each: marshal would load them and crash
        stored = bytearray(path.read_bytes())
        middle = len(stored) // 2
        stored[middle : middle + 40] = bytes(byte ^ 0xFF for byte in stored[middle : middle + 40])
        path.write_bytes(bytes(stored))
    main = project / "overrides" / "main.html"
    main.write_text(main.read_text() + "{# a new fingerprint: every page is rendered again #}\n")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert site_files(project / "site") == built
