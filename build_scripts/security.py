"""The second wall against script from seeds: a Content-Security-Policy on every page.

The site is static, so the policy travels as a <meta> tag. It allows the site's own script
files and, by hash, the theme's few inline scripts, which are those of the page outside its
content: an inline script inside the content (which seeds feed) is never hashed, so even one
that slipped past the escaping could not run.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attributes>[^>]*)>(?P<code>.*?)</script>", re.S)
_DATA_BLOCK = re.compile(r"""\btype=["']?application/(?:ld\+)?json""")
_HEAD = re.compile(r"<head[^>]*>")


def inline_script_hashes(page_html: str, content_html: str = "") -> list[str]:
    """CSP source expressions for the inline scripts of the page around its content."""
    around = page_html.replace(content_html, "") if content_html else page_html
    hashes = []
    for match in _INLINE_SCRIPT.finditer(around):
        if _DATA_BLOCK.search(match["attributes"]):
            continue  # JSON data blocks are never run, so the policy does not govern them
        digest = hashlib.sha256(match["code"].encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def content_security_policy(script_hashes: list[str]) -> str:
    scripts = " ".join(["'self'", *script_hashes])
    return (
        f"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
        "base-uri 'self'; form-action 'self'; frame-src 'none'"
    )


def with_policy(page_html: str, content_html: str = "") -> str:
    """The page with its policy as the first element of its head, before any script."""
    policy = content_security_policy(inline_script_hashes(page_html, content_html))
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return _HEAD.sub(lambda match: match.group(0) + tag, page_html, count=1)
