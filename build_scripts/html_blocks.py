"""The generated pages' raw HTML blocks, set aside while MkDocs converts the Markdown around them.

Our templates write most of a page as blocks of HTML: Python-Markdown passes such a block through
unchanged, but only after parsing every tag of it, and MkDocs parses it again for its anchors; at
1,000 entries that was a sixth of a build. Set aside, a block becomes a one-word paragraph that
the converter leaves alone, and goes back in its place once the page is converted; the HTML that
comes out is the same, byte for byte (tests/test_html_blocks.py holds every page of the corpus to
that). The pages on disk, and `generate`'s output, stay plain Markdown for any renderer.
"""

from __future__ import annotations

import html
import re
import secrets
from dataclasses import dataclass

_BLOCK_TAGS = "blockquote|details|div|dl|figure|ol|p|table|ul"
# A block: lines after a blank line, up to the next blank line, that open with a block tag and end
# by closing one. Anything else (Markdown, or HTML in another shape) stays with the converter.
_BLOCK = re.compile(rf"(?<=\n\n)<(?:{_BLOCK_TAGS})\b[^\n]*(?:\n(?=[^\n]*\S)[^\n]*)*")
_CLOSES = re.compile(rf"</(?:{_BLOCK_TAGS})>\Z")
# A mark no page text can forge: it holds a random word drawn afresh by each process. (The mark
# never reaches a page, so builds stay reproducible.)
_NONCE = secrets.token_hex(16)
_MARK = f"timeline{_NONCE}block{{}}"
_CONVERTED_MARK = re.compile(f"<p>timeline{_NONCE}block(\\d+)</p>")
_ANCHOR = re.compile(r'\sid="([^"]*)"')


@dataclass(frozen=True)
class SetAside:
    markdown: str  # the page's Markdown with a mark in place of each block
    blocks: tuple[str, ...]

    def put_back(self, converted: str) -> str:
        """The converted page with each block in place of its mark's paragraph, laid out as
        Python-Markdown lays out a raw block (a blank line after it, none at the end)."""
        restored = _CONVERTED_MARK.sub(lambda mark: self.blocks[int(mark.group(1))] + "\n", converted)
        return restored.rstrip("\n")

    def anchors(self) -> set[str]:
        """The ids the blocks give, which MkDocs would have found in them for its link checks."""
        return {html.unescape(anchor) for block in self.blocks for anchor in _ANCHOR.findall(block)}


def set_aside(markdown: str) -> SetAside:
    blocks: list[str] = []

    def mark(block: re.Match) -> str:
        if not _CLOSES.search(block.group(0)):
            return block.group(0)
        blocks.append(block.group(0))
        return _MARK.format(len(blocks) - 1)

    return SetAside(_BLOCK.sub(mark, "\n\n" + markdown)[2:], tuple(blocks))
