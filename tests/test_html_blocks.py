"""Raw HTML blocks set aside during conversion come back as Python-Markdown would have passed them."""

import datetime

import pytest
from mkdocs.utils.meta import get_data

from build_scripts import html_blocks
from build_scripts.read_seeds import seed_paths
from build_scripts.site import generate_site

from .conftest import ROOT, convert_as_mkdocs


@pytest.fixture(scope="module")
def corpus_pages() -> dict[str, str]:
    site = generate_site(
        seed_paths(ROOT / "seeds"),
        base=ROOT,
        site_url="https://example.org/",
        build_date=datetime.date(2025, 11, 20),
    )
    return {path: get_data(text)[0] for path, text in site.pages.items()}


def test_every_page_of_the_corpus_converts_to_the_same_html_with_its_blocks_set_aside(corpus_pages):
    differing = []
    for path, text in corpus_pages.items():
        aside = html_blocks.set_aside(text)
        if aside.put_back(convert_as_mkdocs(aside.markdown)) != convert_as_mkdocs(text):
            differing.append(path)
    assert differing == []
    assert sum(len(html_blocks.set_aside(text).blocks) for text in corpus_pages.values()) > len(corpus_pages)


def test_markdown_between_blocks_is_still_converted_and_unclosed_html_is_left_to_the_converter():
    text = '# Title\n\n<dl class="facts">\n<dt>Date</dt><dd>2005</dd>\n</dl>\n\n*Said* so.\n\n<div>\nopen\n\n</div>\n'
    aside = html_blocks.set_aside(text)
    assert aside.blocks == ('<dl class="facts">\n<dt>Date</dt><dd>2005</dd>\n</dl>',)
    assert "<dl" not in aside.markdown and "*Said* so." in aside.markdown and "<div>\nopen" in aside.markdown
    assert aside.put_back(convert_as_mkdocs(aside.markdown)) == convert_as_mkdocs(text)


def test_a_page_cannot_forge_the_mark_of_a_block():
    # The mark's word is drawn at random by each process: text that looks like a mark stays text.
    forged = "<p>timelineblock0</p>\n\ntimeline0block0\n"
    aside = html_blocks.set_aside("<p>real block</p>\n\n" + forged)
    assert aside.put_back(convert_as_mkdocs(aside.markdown)) == convert_as_mkdocs(
        "<p>real block</p>\n\n" + forged
    )


def test_the_ids_inside_blocks_stay_anchors_that_links_may_point_to():
    aside = html_blocks.set_aside('<ol>\n<li id="y2005">2005</li>\n<li id="a&amp;b">x</li>\n</ol>\n')
    assert aside.anchors() == {"y2005", "a&b"}
