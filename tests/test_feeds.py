"""The Atom feed and the JSON Feed: newest entries first, absolute links, seed text kept as text."""

import datetime
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

from build_scripts.feeds import FEED_ENTRIES, render_atom, render_json_feed
from build_scripts.site import generate_site

from .conftest import ROOT, founding_seeds

SITE_URL = "https://onestop-timeline.example.org/"
ATOM = "{http://www.w3.org/2005/Atom}"


def founding_site():
    return generate_site(
        founding_seeds(), base=ROOT, site_url=SITE_URL, build_date=datetime.date(2025, 11, 20)
    )


def atom_entries(feed: bytes) -> list[ET.Element]:
    root = ET.fromstring(feed)
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


def test_atom_feed_lists_entries_newest_first_with_absolute_links():
    site = founding_site()
    root = ET.fromstring(site.files["feed.xml"])
    assert root.findtext(f"{ATOM}updated") == "2025-11-20T00:00:00Z"  # the newest entry, not the clock
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(site.timeline.entries) == 10
    published = [entry.findtext(f"{ATOM}published") for entry in entries]
    assert published == sorted(published, reverse=True)
    assert published[-1] == "2005-01-01T00:00:00Z"  # a year-precision date stands for its first day
    for entry in entries:
        link = entry.find(f"{ATOM}link").get("href")
        assert link.startswith(SITE_URL + "entries/") and entry.findtext(f"{ATOM}id") == link
    uzbek = next(
        entry
        for entry in entries
        if entry.findtext(f"{ATOM}title") == "Uzbekistan studies Kazakh one-stop shops"
    )
    content = uzbek.findtext(f"{ATOM}content")
    assert "<blockquote><p>Uzbekistan intends to adopt Kazakhstan’s experience" in content
    assert "The Astana Times, 5 January 2018" in content


def test_json_feed_follows_version_1_1_and_matches_the_atom_feed():
    site = founding_site()
    feed = json.loads(site.files["feed.json"])
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == SITE_URL + "feed.json" and feed["home_page_url"] == SITE_URL
    atom_ids = [entry.findtext(f"{ATOM}id") for entry in atom_entries(site.files["feed.xml"])]
    assert [item["id"] for item in feed["items"]] == atom_ids
    first = feed["items"][0]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", first["date_published"])
    assert first["url"].startswith(SITE_URL) and first["title"] and first["content_html"].startswith("<p>")


def test_feeds_hold_only_the_newest_entries():
    timeline = founding_site().timeline
    many = tuple(
        replace(timeline.entries[0], id=f"entry-{number:03d}") for number in range(FEED_ENTRIES + 10)
    )
    timeline = replace(timeline, entries=many)
    assert len(atom_entries(render_atom(timeline, SITE_URL))) == FEED_ENTRIES
    items = json.loads(render_json_feed(timeline, SITE_URL))["items"]
    assert len(items) == FEED_ENTRIES and items[0]["id"].endswith("entry-059/")


def test_seed_text_stays_text_in_both_feeds():
    # The validator refuses raw HTML in seeds; the feeds must not depend on it.
    timeline = founding_site().timeline
    entry = timeline.entries[0]
    seed = replace(
        entry.seed, title="Report </content></entry><script>alert(1)</script> & <b>more</b>", url=""
    )
    event = replace(
        entry.event,
        title="Halls open </title><script>alert(2)</script> & ]]> <!-- x -->",
        quote="halls open for 5 < 6 & all",
    )
    timeline = replace(timeline, entries=(replace(entry, seed=seed, event=event),))
    [atom_entry] = atom_entries(
        render_atom(timeline, SITE_URL)
    )  # well-formed: nothing broke out of its element
    assert atom_entry.findtext(f"{ATOM}title") == event.title
    content = atom_entry.findtext(f"{ATOM}content")
    [item] = json.loads(render_json_feed(timeline, SITE_URL))["items"]
    assert item["title"] == event.title and item["content_html"] == content
    assert "&lt;/content&gt;&lt;/entry&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in content
    assert "<script>" not in content and "<b>" not in content
    assert "5 &lt; 6 &amp; all" in content


def test_every_page_links_both_feeds_from_its_head(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        atom = re.search(
            r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', head
        )
        json_feed = re.search(
            r'<link rel="alternate" type="application/feed\+json" title="[^"]+" href="([^"]+)">', head
        )
        assert atom and json_feed, page
        # 404.html links from the site root, as it is served at any missing address.
        folder = built_site if atom[1].startswith("/") else page.parent
        assert (folder / atom[1].lstrip("/")).resolve() == built_site / "feed.xml"
        assert (folder / json_feed[1].lstrip("/")).resolve() == built_site / "feed.json"
