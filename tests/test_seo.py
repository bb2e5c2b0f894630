"""What search engines and link previews read in each page's head, and the sitemap."""

import html
import json
import re
from pathlib import Path

from .conftest import copy_project, founding_seeds, mkdocs

SITE_URL = "https://onestop-timeline.example.org/"
UZBEK_ENTRY = "entries/2017-12-22-uzbekistan-studies-kazakh-one-stop-shops/"


def head(page: Path) -> str:
    return page.read_text(encoding="utf-8").split("</head>")[0]


def meta(head_html: str, attribute: str, name: str) -> str | None:
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', head_html)
    return html.unescape(found[1]) if found else None


def json_ld(head_html: str) -> dict | None:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', head_html, re.S)
    return json.loads(found[1]) if found else None


def content_pages(site: Path) -> dict[str, str]:
    """Each page's head by its address under site_url (404.html has none)."""
    return {
        str(page.parent.relative_to(site)).removeprefix(".") + "/": head(page)
        for page in site.rglob("index.html")
        if page.parent.name != "search"
    }


def test_every_page_has_its_own_title_description_link_preview_and_canonical_url(built_site):
    pages = content_pages(built_site)
    titles = {}
    for path, page in pages.items():
        url = SITE_URL + path.lstrip("/")
        title = html.unescape(re.search(r"<title>(.*?)</title>", page)[1])
        titles[title] = path
        assert title.endswith(" - One-Stop Shop Timeline"), path
        description = meta(page, "name", "description")
        assert description and description == meta(page, "property", "og:description"), path
        assert f'<link rel="canonical" href="{url}">' in page
        assert meta(page, "property", "og:url") == url
        assert meta(page, "property", "og:title") == title.removesuffix(" - One-Stop Shop Timeline")
        assert meta(page, "property", "og:site_name") == "One-Stop Shop Timeline"
        assert meta(page, "property", "og:type") == ("article" if path.startswith("entries/") else "website")
    assert len(titles) == len(pages)  # no two pages share a title
    home = pages["/"]
    assert "<title>Twenty years of one-stop-shop public services - One-Stop Shop Timeline</title>" in home
    assert meta(home, "name", "description").startswith(
        "Twenty years of one-stop-shop public service delivery: 10 entries"
    )


def test_the_sitemap_lists_every_page(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"<loc>(.*?)</loc>", sitemap))
    assert listed == {SITE_URL + path.lstrip("/") for path in content_pages(built_site)}


def test_robots_txt_points_crawlers_to_the_sitemap(built_site):
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()
    assert "Disallow" not in robots


def test_an_entry_page_describes_its_event_for_search_engines(built_site):
    data = json_ld(head(built_site / UZBEK_ENTRY / "index.html"))
    assert data == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Uzbekistan studies Kazakh one-stop shops",
        "startDate": "2017-12-22",
        "description": "22 December 2017 (Uzbekistan, Kazakhstan): Uzbekistan studies Kazakh one-stop shops. "
        "Source: Uzbekistan intends to adopt Kazakhstan's experience in developing public services.",
        "url": SITE_URL + UZBEK_ENTRY,
        "location": [
            {
                "@type": "Place",
                "name": "Uzbekistan",
                "address": {"@type": "PostalAddress", "addressCountry": "UZ"},
            },
            {
                "@type": "Place",
                "name": "Kazakhstan",
                "address": {"@type": "PostalAddress", "addressCountry": "KZ"},
            },
        ],
        "subjectOf": {
            "@type": "CreativeWork",
            "name": "Uzbekistan intends to adopt Kazakhstan's experience in developing public services",
            "publisher": {"@type": "Organization", "name": "The Astana Times"},
            "author": {"@type": "Person", "name": "Aigerim Seisembayeva"},
            "datePublished": "2018-01-05",
            "url": "http://ifg.cc/en/aktuelles/nachrichten/regionen/274-kz-kasachstan-kazakhstan/"
            "55314-kz-uzbekistan-to-apply-kazakh-public-service-development-experience.html",
        },
    }
    year = json_ld(
        head(
            built_site
            / "entries"
            / "2005-kazakhstan-introduces-the-one-stop-shop-principle-in-public-services"
            / "index.html"
        )
    )
    assert year["startDate"] == "2005"  # only as precise as the source
    assert json_ld(head(built_site / "timeline" / "index.html")) is None


def test_front_matter_cannot_break_out_of_the_head(tmp_path):
    project = copy_project(tmp_path, founding_seeds())
    data_page = project / "docs" / "data.md"
    hostile = '</script><script>alert(1)</script> "quoted" & <b>'
    front_matter = {"title": hostile, "description": hostile, "jsonld": {"@type": "Thing", "name": hostile}}
    data_page.write_text(
        "---\n"
        + json.dumps(front_matter)
        + "\n---\n"
        + data_page.read_text(encoding="utf-8").split("---\n", 2)[2]
    )
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    page = head(project / "site" / "data" / "index.html")
    assert "<script>alert(1)" not in page and "<b>" not in page
    assert meta(page, "name", "description") == hostile and meta(page, "property", "og:title") == hostile
    assert json_ld(page)["name"] == hostile
    assert "\\u003c/script\\u003e" in page


def test_a_build_without_site_url_stops_and_says_why(tmp_path):
    project = copy_project(tmp_path, founding_seeds())
    config = project / "mkdocs.yml"
    config.write_text(
        re.sub(r"(?m)^site_url: .*\n", "", config.read_text(encoding="utf-8")), encoding="utf-8"
    )
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 1
    assert "mkdocs.yml needs site_url: the feeds and canonical links are absolute addresses." in result.stderr
