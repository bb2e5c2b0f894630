"""The Content-Security-Policy in a real browser: the site's own scripts run, nothing else does."""

import pytest

from .conftest import copy_project, founding_seeds, mkdocs, served
from .test_browser import PAGE_TYPES

pytestmark = pytest.mark.browser

# Collects what the policy blocks; Playwright adds it before any script of the page runs.
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", event => window.__violations.push(event.violatedDirective));
"""


@pytest.fixture
def watched(page):
    page.add_init_script(WATCH_VIOLATIONS)
    return page


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_no_page_breaks_its_own_policy(watched, page_log, site_server, name):
    watched.goto(site_server + PAGE_TYPES[name])
    watched.wait_for_load_state("networkidle")
    assert watched.evaluate("window.__violations") == []
    assert not [error for error in page_log.console_errors if "Content Security Policy" in error]
    assert watched.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1


def test_search_works_under_the_policy(watched, site_server):
    watched.goto(site_server)
    watched.get_by_role("textbox", name="Search").press_sequentially("Taraz")
    watched.locator(".md-search-result__item").first.wait_for()
    assert watched.evaluate("window.__violations") == []


def test_a_script_that_reached_the_content_would_not_run(watched, built_site, site_server):
    """The second wall on its own: a page whose content holds an inline script, as if the first
    wall had failed, keeps the policy computed without it."""
    entry = built_site / "entries" / "2017-12-22-uzbekistan-studies-kazakh-one-stop-shops" / "index.html"
    page_html = entry.read_text(encoding="utf-8")
    injected = built_site / "injected.html"
    injected.write_text(
        page_html.replace("<blockquote", "<script>window.pwned = true</script><blockquote", 1)
    )
    try:
        watched.goto(site_server + "injected.html")
        watched.wait_for_load_state("networkidle")
        assert watched.evaluate("window.pwned") is None
        assert "script-src-elem" in watched.evaluate("window.__violations")
    finally:
        injected.unlink()


def test_an_old_address_leads_to_the_entry_that_replaced_it(browser, tmp_path):
    project = copy_project(tmp_path / "project", founding_seeds())
    (project / "redirects.yaml").write_text(
        "2017-12-22-old-address: 2017-12-22-uzbekistan-studies-kazakh-one-stop-shops\n"
    )
    assert mkdocs(project, "build", "--strict").returncode == 0
    context = browser.new_context()
    page = context.new_page()
    with served(project / "site") as site:
        page.goto(site + "entries/2017-12-22-old-address/")
        page.wait_for_url(site + "entries/2017-12-22-uzbekistan-studies-kazakh-one-stop-shops/")
        assert page.get_by_role(
            "heading", level=1, name="Uzbekistan studies Kazakh one-stop shops"
        ).is_visible()
    context.close()
