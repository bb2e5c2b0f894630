"""Stage 1: read seed files into text, front matter (as YAML nodes with line numbers) and body.

python-frontmatter strips the text it returns and forgets line numbers, so the split is done
here: the body must stay byte for byte as received and every message must name its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from build_scripts.model import Problem

SEED_SUFFIXES = (".md", ".txt")
_FENCE = re.compile(r"---[ \t]*\r?\n?")
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class SeedFile:
    path: str  # as given, for messages
    id: str
    body: str
    front_matter: yaml.MappingNode | None  # None: a raw seed with no front matter


def file_line(node: yaml.Node) -> int:
    """The file line of a front-matter node: YAML counts from 0 and the '---' fence is line 1."""
    return node.start_mark.line + 2


def _compose(front_text: str) -> yaml.Node | None:
    """The front matter as YAML nodes; libyaml is ten times faster, PyYAML's own parser words errors better."""
    try:
        return yaml.compose(front_text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return yaml.compose(front_text, Loader=yaml.SafeLoader)


def seed_paths(seeds_dir: Path) -> list[Path]:
    """Every seed file in the folder, in a stable order."""
    return sorted(
        path for path in seeds_dir.iterdir() if path.suffix in SEED_SUFFIXES and path.is_file()
    )


def read_seed_file(path: Path, display_path: str | None = None) -> tuple[SeedFile | None, list[Problem]]:
    """Read one seed; a file that cannot be read at all gives no SeedFile and its problems."""
    where = display_path or str(path)

    def problem(line: int, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(where, line, message)]

    if path.suffix not in SEED_SUFFIXES:
        return problem(1, f"a seed file must end in .md or .txt, not '{path.suffix or '(none)'}': rename it")
    try:
        raw = path.read_bytes()
    except OSError as error:
        return problem(1, f"the file cannot be read ({error.strerror}): check that it exists and is readable")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return problem(
            line,
            f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read): "
            "save it with UTF-8 encoding",
        )
    if not text.strip():
        return problem(1, "the file is empty: a seed holds the text of a source document")

    seed_id = path.stem
    if not _FENCE.match(text):
        return SeedFile(where, seed_id, text, None), []

    lines = text.splitlines(keepends=True)
    closing = next(
        (index for index, line in enumerate(lines[1:], start=1) if line.rstrip() == "---"), None
    )
    if closing is None:
        return problem(
            1,
            "the front matter opened with '---' on line 1 is never closed: "
            "add a line '---' between the front matter and the text",
        )
    front_text = "".join(lines[1:closing])
    body = "".join(lines[closing + 1 :])
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
