"""Stage 1: read seed files into text, front matter (as YAML nodes with line numbers) and body.

python-frontmatter strips the text it returns and forgets line numbers, so the split is done
here: the body must stay byte for byte as received and every message must name its line.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from build_scripts.model import Problem

SEED_SUFFIXES = (".md", ".txt")
# A seed's id is its file name without the suffix; it becomes a URL path segment and a file name.
SEED_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,99}")
RESERVED_IDS = frozenset({"index"})  # sources/index.md is the list of all sources
# Bounds that no real article meets, so that no file can exhaust the build's time or memory.
MAX_SEED_BYTES = 512 * 1024
MAX_NESTING = 8  # the seed format itself needs 5 levels (front matter, events, event, transfer, list)
# Characters that are not text: C0 controls other than tab, line feed and carriage return, lone
# surrogates and the noncharacters U+FFFE/U+FFFF. They break XML feeds and hide text from readers.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_FENCE = re.compile(r"---[ \t]*\r?\n?")
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_COLLECTION_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_COLLECTION_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


@dataclass(frozen=True)
class SeedFile:
    path: str  # as given, for messages
    id: str
    body: str
    front_matter: yaml.MappingNode | None  # None: a raw seed with no front matter


def file_line(node: yaml.Node) -> int:
    """The file line of a front-matter node: YAML counts from 0 and the '---' fence is line 1."""
    return node.start_mark.line + 2


def seed_id_problem(seed_id: str) -> str | None:
    """Why `seed_id` cannot name a seed, or None when it can."""
    if seed_id in RESERVED_IDS:
        return f"'{seed_id}' is reserved for a page of the site: choose another name"
    if not SEED_ID.fullmatch(seed_id):
        return (
            "a seed's name uses only lower-case letters, digits, '-', '_' and '.', starts with a "
            "letter or digit and has at most 100 characters, e.g. 2013-asan-service-opens"
        )
    return None


def seed_paths(seeds_dir: Path) -> list[Path]:
    """Everything in the seeds folder, in a stable order: what is not a seed file is reported."""
    return sorted(seeds_dir.iterdir())


def _nesting_problem(front_text: str) -> tuple[int, str] | None:
    """Counted on the parser's events, which need no recursion: the composer recurses per level
    (libyaml's until the process crashes). A syntax error is left for `_compose` to word."""
    depth = 0
    try:
        for event in yaml.parse(front_text, Loader=_FAST_LOADER):
            if isinstance(event, _COLLECTION_START):
                depth += 1
                if depth > MAX_NESTING:
                    return event.start_mark.line + 2, (
                        f"the front matter nests lists and mappings more than {MAX_NESTING} levels deep: "
                        "the seed format needs at most 5 (see CONTRIBUTING.md)"
                    )
            elif isinstance(event, _COLLECTION_END):
                depth -= 1
    except yaml.YAMLError:
        pass
    return None


def _compose(front_text: str) -> yaml.Node | None:
    """The front matter as YAML nodes; libyaml is ten times faster, PyYAML's own parser words errors better."""
    try:
        return yaml.compose(front_text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return yaml.compose(front_text, Loader=yaml.SafeLoader)


def _file_problem(path: Path) -> str | None:
    """Why `path` cannot be a seed file at all, judged from its name and its kind of file."""
    if path.is_symlink():
        return "this is a symbolic link: a seed must be a regular file holding the text itself"
    if path.is_dir():
        return "this is a folder: seed files live directly in seeds/, not in sub-folders"
    if "seeds" in Path(os.path.abspath(path)).parts[:-2]:  # as pre-commit names seeds/sub/x.md
        return "this file is in a sub-folder of seeds/: seed files live directly in seeds/"
    if path.exists() and not path.is_file():
        return "this is not a regular file: a seed is a text file"
    if path.suffix not in SEED_SUFFIXES:
        return f"a seed file must end in .md or .txt, not '{path.suffix or '(none)'}': rename it"
    if problem := seed_id_problem(path.stem):
        return f"the file name '{path.name}' cannot name a seed: {problem}"
    return None


def _read_bytes(path: Path) -> bytes:
    """At most one byte more than the limit; never through a symbolic link swapped in meanwhile."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as stream:
        return stream.read(MAX_SEED_BYTES + 1)


def not_text_problem(text: str) -> tuple[int, str] | None:
    """The line and description of the first character that is not text, if any."""
    if match := _NOT_TEXT.search(text):
        line = text.count("\n", 0, match.start()) + 1
        code = ord(match.group(0))
        if 0xD800 <= code <= 0xDFFF:
            kind = "half of a UTF-16 surrogate pair, which is not a character (write the character itself)"
        elif code >= 0xFFFE:
            kind = "a noncharacter"
        else:
            kind = "a control character" + (" (is the file UTF-16? save it as UTF-8)" if code == 0 else "")
        return line, f"the text contains U+{code:04X}, {kind}: remove it"
    return None


def read_seed_file(path: Path, display_path: str | None = None) -> tuple[SeedFile | None, list[Problem]]:
    """Read one seed; a file that cannot be read at all gives no SeedFile and its problems."""
    where = display_path or str(path)

    def problem(line: int, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(where, line, message)]

    if reason := _file_problem(path):
        return problem(1, reason)
    try:
        raw = _read_bytes(path)
    except OSError as error:
        return problem(1, f"the file cannot be read ({error.strerror}): check that it exists and is readable")
    if len(raw) > MAX_SEED_BYTES:
        return problem(
            1,
            f"the file is larger than {MAX_SEED_BYTES // 1024} KiB: a seed holds one source document; "
            "keep the article's text and leave out the rest of the page",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return problem(
            line,
            f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read): "
            "save it with UTF-8 encoding",
        )
    if found := not_text_problem(text):
        return problem(*found)
    if not text.strip():
        return problem(1, "the file is empty: a seed holds the text of a source document")

    seed_id = path.stem
    if not _FENCE.match(text):
        return SeedFile(where, seed_id, text, None), []

    lines = text.splitlines(keepends=True)
    closing = next((index for index, line in enumerate(lines[1:], start=1) if line.rstrip() == "---"), None)
    if closing is None:
        return problem(
            1,
            "the front matter opened with '---' on line 1 is never closed: "
            "add a line '---' between the front matter and the text",
        )
    front_text = "".join(lines[1:closing])
    body = "".join(lines[closing + 1 :])
    if too_deep := _nesting_problem(front_text):
        return problem(*too_deep)
    try:
        node = _compose(front_text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 2
        return problem(line, _yaml_problem(error, line, front_text))
    if node is None:
        node = yaml.MappingNode("tag:yaml.org,2002:map", [])
    if not isinstance(node, yaml.MappingNode):
        return problem(
            file_line(node),
            "the front matter must be a list of 'key: value' lines (a YAML mapping)",
        )
    return SeedFile(where, seed_id, body, node), []


def _yaml_problem(error: yaml.YAMLError, line: int, front_text: str) -> str:
    """The parser's complaint in a contributor's words; `line` is the file line the parser names."""
    reason = getattr(error, "problem", None) or str(error)
    if "'\\t'" in reason or "tab character" in reason:
        return "the front matter contains a tab where YAML does not allow one: indent with spaces, not tabs"
    where = f"line {line}"
    mark = getattr(error, "problem_mark", None)
    if mark and line > 2:
        front_lines = front_text.splitlines()
        line_start = front_lines[mark.line][: mark.column] if mark.line < len(front_lines) else ""
        if not line_start.strip():
            # Noticed at the start of a line, the mistake is often what the line before left open.
            where += f" (or the end of line {line - 1})"
    return (
        f"the front matter is not valid YAML at {where}: {reason}; check the indentation and "
        "put a value that contains ': ' or starts with a quote mark inside quotes"
    )
