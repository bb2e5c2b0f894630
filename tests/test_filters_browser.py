"""The filters and charts as a reader meets them, in Debian's chromium against the built founding site."""

import re

import pytest

pytestmark = pytest.mark.browser

ALL = "10 of 10 entries shown"


def open_filters(page, url):
    page.goto(url)
    page.get_by_text("Filter by country or tag").click()


def visible_years(page) -> list[str]:
    return [
        heading.get_attribute("id") for heading in page.locator("article h2").all() if heading.is_visible()
    ]


def test_choosing_a_country_narrows_the_timeline_and_puts_it_in_the_url(page, page_log, site_server):
    open_filters(page, site_server + "timeline/")
    assert page.get_by_role("status").inner_text() == ALL
    page.get_by_role("checkbox", name="Uzbekistan", exact=True).check()
    assert page.get_by_role("status").inner_text() == "4 of 10 entries shown"
    assert page.locator("li.oss-entry:visible").count() == 4
    assert visible_years(page) == ["2017"]
    assert page.url.endswith("timeline/?country=UZ")
    page.get_by_role("checkbox", name="Estonia", exact=True).check()
    assert page.url.endswith("timeline/?country=EE,UZ")  # in the order of the boxes
    assert page.get_by_role("status").inner_text() == "5 of 10 entries shown"
    assert visible_years(page) == ["2017", "2025"]
    assert page_log.console_errors == []


def test_a_shared_url_restores_the_filter(page, site_server):
    page.goto(site_server + "timeline/?country=EE,GE")
    assert page.get_by_role("status").inner_text() == "2 of 10 entries shown"
    assert page.get_by_role("checkbox", name="Estonia", exact=True).is_checked()
    assert page.get_by_role("checkbox", name="Georgia", exact=True).is_checked()
    assert not page.get_by_role("checkbox", name="Kazakhstan", exact=True).is_checked()
    assert visible_years(page) == ["2025"]


def test_a_country_pages_year_link_opens_the_year_narrowed_to_that_country(page, site_server):
    page.goto(site_server + "timeline/2017/?country=UZ&tag=institution")
    assert page.get_by_role("status").inner_text() == "1 of 4 entries shown"
    assert (
        page.locator("li.oss-entry:visible")
        .inner_text()
        .count("Uzbekistan prepares a new public services agency")
        == 1
    )
    assert (
        page.get_by_role("link", name=re.compile("2021"))
        .get_attribute("href")
        .endswith("?country=UZ&tag=institution")
    )


def test_the_tag_filter_combines_with_the_country_filter_and_show_all_clears_both(page, site_server):
    open_filters(page, site_server + "timeline/")
    page.get_by_role("checkbox", name="knowledge-transfer", exact=True).check()
    assert page.get_by_role("status").inner_text() == "4 of 10 entries shown"
    assert page.url.endswith("timeline/?tag=knowledge-transfer")
    page.get_by_role("checkbox", name="South Korea", exact=True).check()
    assert page.get_by_role("status").inner_text() == "2 of 10 entries shown"
    assert page.url.endswith("timeline/?country=KR&tag=knowledge-transfer")
    page.get_by_role("button", name="Show all entries").click()
    assert page.get_by_role("status").inner_text() == ALL
    assert page.locator("li.oss-entry:visible").count() == 10
    assert visible_years(page) == ["2005", "2017", "2021", "2025"]
    assert page.url.endswith("timeline/")


def test_without_javascript_every_entry_reads_and_no_empty_controls_show(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server + "timeline/?country=UZ")
    assert page.locator("li.oss-entry:visible").count() == 10
    assert not page.locator(".oss-filter").is_visible()
    context.close()


@pytest.mark.parametrize("path", ["", "timeline/", "countries/kazakhstan/"])
def test_charts_have_an_accessible_name_and_a_table_with_the_same_figures(page, site_server, path):
    page.goto(site_server + path)
    chart = page.get_by_role(
        "img", name=re.compile(r"^Entries (per year by country|naming Kazakhstan per year), 2005–2025$")
    )
    assert chart.count() == 1
    bars = {}
    for label in chart.locator("g > g > title").all_text_contents():
        year, count = re.match(r"(\d{4}): (\d+) entr", label).groups()
        bars[year] = count
    page.get_by_text("the figures as a table").click()
    table = page.locator("details.oss-chart-data table")
    rows = {
        row.locator("th").inner_text(): row.locator("td").last.inner_text()
        for row in table.locator("tbody tr").all()
    }
    assert rows == bars and rows


def test_the_transfer_map_is_named_and_its_table_lists_who_learned_from_whom(page, site_server):
    page.goto(site_server + "transfers/")
    chart = page.get_by_role("img", name="Who learned from whom")
    arrows = chart.locator("path title").all_text_contents()
    assert "Uzbekistan learned from Kazakhstan: 2 entries" in arrows
    assert {
        "Kazakhstan learned from " + name + ": "
        for name in ("Azerbaijan", "Estonia", "South Korea", "Singapore", "Japan", "United States")
    } <= {arrow.split(": ")[0] + ": " for arrow in arrows}
    rows = [row.inner_text().split("\t")[:3] for row in page.locator("table.oss-transfers tbody tr").all()]
    assert ["Kazakhstan", "Uzbekistan", "2"] in rows and len(rows) == len(arrows)
