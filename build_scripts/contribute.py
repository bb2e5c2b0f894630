"""The contributor's commands: `validate` seed files, start a `new` seed."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from build_scripts.environment import ROOT
from build_scripts.model import Problem, slugify
from build_scripts.read_seeds import SEED_SUFFIXES, seed_paths
from build_scripts.validate import validate_paths

SEEDS_DIR = ROOT / "seeds"
_SEED_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")


def format_problem(problem: Problem, output_format: str) -> str:
    if output_format == "github":
        # GitHub Actions workflow command: properties and message need their own escaping.
        def escape(text: str, properties: bool = False) -> str:
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return text.replace(":", "%3A").replace(",", "%2C") if properties else text

        return (
            f"::error file={escape(problem.path, True)},line={problem.line},"
            f"title=Seed problem::{escape(problem.message)}"
        )
    return str(problem)


def summarize(problems: list[Problem], files_checked: int) -> str:
    files = f"{files_checked} seed file{'s' if files_checked != 1 else ''}"
    if not problems:
        return "The seed file is valid." if files_checked == 1 else f"All {files} are valid."
    bad_files = len({problem.path for problem in problems})
    count = len(problems)
    return (
        f"{count} problem{'s' if count != 1 else ''} in {bad_files} of {files}. "
        "Fix each line above; CONTRIBUTING.md explains the seed format."
    )


def validate_command(paths: list[Path], output_format: str) -> int:
    """Exit 0 when every file is valid, 1 when any problem is found."""
    targets = paths or seed_paths(SEEDS_DIR)
    _, problems = validate_paths(targets, base=Path.cwd())
    for problem in problems:
        print(format_problem(problem, output_format))
    print(summarize(problems, len(targets)), file=sys.stderr if problems else sys.stdout)
    return 1 if problems else 0


def new_command(source: Path | None, seed_id: str | None, seeds_dir: Path = SEEDS_DIR) -> int:
    """Start `seeds/<id>.md` from an article's text, front matter filled in as far as the text allows."""
    from build_scripts.extract import extract_text, front_matter_yaml

    where = str(source) if source else "standard input"
    if source is None and sys.stdin.isatty():
        print("Paste the article, then press Ctrl-D", file=sys.stderr)
    try:
        text = source.read_text(encoding="utf-8-sig") if source else sys.stdin.read()
    except (OSError, UnicodeDecodeError) as error:
        reason = "it is not UTF-8 text" if isinstance(error, UnicodeDecodeError) else error.strerror
        print(f"error: cannot read {where}: {reason}", file=sys.stderr)
        return 1
    if not text.strip():
        print(f"error: {where} is empty: give the article's text", file=sys.stderr)
        return 1
    if seed_id is not None and not _SEED_ID.fullmatch(seed_id):
        print(
            f"error: --id {seed_id!r} cannot name a seed file: use lower-case letters, digits, "
            "'-', '_' and '.', e.g. --id 2013-asan-service-opens",
            file=sys.stderr,
        )
        return 2
    extraction = extract_text(text)
    if seed_id is None:
        dated = f"{extraction.published.iso}-" if extraction.published else ""
        seed_id = dated + slugify(extraction.title, max_length=60)
    target = seeds_dir / f"{seed_id}.md"
    display = _display(target)
    # A seed's id is its file name without extension, so an existing .txt seed takes the id too.
    taken = [path for path in (seeds_dir / f"{seed_id}{suffix}" for suffix in SEED_SUFFIXES) if path.exists()]
    if taken:
        print(f"error: the seed {_display(taken[0])} exists already; choose another name with --id", file=sys.stderr)
        return 1
    with target.open("x", encoding="utf-8", newline="") as seed_file:
        seed_file.write(front_matter_yaml(extraction) + text)
    _, problems = validate_paths([target], base=Path.cwd())
    for problem in problems:
        print(format_problem(problem, "text"))
    count = len(extraction.events)
    print(
        f"Wrote {display} with {count} event{'s' if count != 1 else ''} found in the text. Check every "
        f"date, country and quote against the text, add tags, then run: python3 -m build_scripts validate {display}"
    )
    return 0


def _display(path: Path) -> str:
    """The path as the contributor would type it, from the project folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
