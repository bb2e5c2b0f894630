"""The built site in a real browser (Debian's chromium): what a reader sees, on a desk and on a phone."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import ROOT

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts"
UZBEK_ENTRY = "entries/2017-12-22-uzbekistan-studies-kazakh-one-stop-shops/"
PAGE_TYPES = {
    "home": "",
    "timeline": "timeline/",
    "year": "timeline/2017/",
    "countries": "countries/",
    "country": "countries/kazakhstan/",
    "sources": "sources/",
    "source": "sources/004_d5fc1c6b4583ae9a/",
    "entry": UZBEK_ENTRY,
    "tags": "tags/",
    "tag": "tags/knowledge-transfer/",
    "data": "data/",
    "about": "about/",
    "licence": "licence/",
}
PHONE = {"width": 390, "height": 844}


def search(page, word: str) -> None:
    # Typed key by key: Material runs the query on keyup, which `fill` does not send.
    page.get_by_role("textbox", name="Search").press_sequentially(word)


@pytest.mark.parametrize(
    "word, entry",
    [
        ("ASAN", "entries/2025-11-20-asan-and-georgia"),
        ("Taraz", "entries/2025-11-20-taraz-conference"),
        ("Uzbekistan", "entries/2017-12-22-uzbekistan-studies"),
    ],
)
def test_search_finds_entries(page, site_server, word, entry):
    page.goto(site_server)
    search(page, word)
    result = page.locator(f'.md-search-result__item a[href*="{entry}"]').first
    result.wait_for()
    assert word.lower() in result.inner_text().lower()


def test_a_country_page_lists_dated_entries_that_open_their_permalink(page, site_server):
    page.goto(site_server + "countries/uzbekistan/")
    assert page.get_by_role("heading", level=1, name="Uzbekistan").is_visible()
    entry = page.locator(".oss-entry", has_text="Uzbekistan studies Kazakh one-stop shops")
    assert entry.locator("time").inner_text() == "22 December 2017"
    entry.get_by_role("link", name="Uzbekistan studies Kazakh one-stop shops").click()
    page.wait_for_url(site_server + UZBEK_ENTRY)
    article = page.locator("article")
    assert article.locator(".oss-facts time").inner_text() == "22 December 2017"
    assert "Uzbekistan intends to adopt Kazakhstan’s experience" in article.locator("blockquote").inner_text()
    citation = article.locator(".oss-citation").inner_text()
    assert "The Astana Times, 5 January 2018. By Aigerim Seisembayeva." in citation


def test_pages_request_nothing_from_other_hosts_and_log_no_errors(page, page_log, site_server):
    for path in PAGE_TYPES.values():
        page.goto(site_server + path, wait_until="networkidle")
    search(page, "Kazakhstan")  # loads the search worker and its index
    page.locator(".md-search-result__item").first.wait_for()
    assert len(page_log.requests) > len(PAGE_TYPES)
    assert [url for url in page_log.requests if not url.startswith(site_server)] == []
    assert page_log.console_errors == []


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_type_passes_axe(page, site_server, name):
    page.goto(site_server + PAGE_TYPES[name], wait_until="networkidle")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "phone"])
def test_search_with_its_results_open_passes_axe(page, site_server, viewport):
    page.set_viewport_size(viewport)
    page.goto(site_server, wait_until="networkidle")
    if viewport == PHONE:
        page.locator('label.md-header__button[for="__search"]').click()  # the search button opens the dialog
    search(page, "Kazakhstan")
    page.locator(".md-search-result__item").first.wait_for()
    # Results fade in: colours measured mid-transition would be paler than the reader's.
    # Polled from here: the page's policy forbids the eval that wait_for_function's string form needs.
    for _ in range(100):
        if page.evaluate(
            "() => document.getAnimations().every(animation => animation.playState !== 'running')"
        ):
            break
        page.wait_for_timeout(50)
    # WCAG rules only: Material's search script renders each result's tags as an unnamed <nav>,
    # which axe's best-practice rule landmark-unique flags and no override can reach.
    results = Axe().run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_phone_layout_has_no_horizontal_scroll(page, site_server, name):
    page.set_viewport_size(PHONE)
    page.goto(site_server + PAGE_TYPES[name], wait_until="networkidle")
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"{name}: the page is {widths[0]}px wide on a {widths[1]}px screen"


@pytest.mark.parametrize("name", ["home", "timeline", "country", "entry", "sources"])
def test_screenshots_of_the_main_page_types(page, site_server, name):
    """Saved for people to look at (test-artifacts/); the test checks only that the page drew."""
    ARTIFACTS.mkdir(exist_ok=True)
    for device, viewport in [("desktop", {"width": 1280, "height": 900}), ("phone", PHONE)]:
        page.set_viewport_size(viewport)
        page.goto(site_server + PAGE_TYPES[name], wait_until="networkidle")
        assert page.locator("h1").is_visible()
        page.screenshot(path=ARTIFACTS / f"{name}-{device}.png", full_page=True)
