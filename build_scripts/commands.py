"""The contributor's commands: `validate` seed files, start a `new` seed, `extract` what a raw text says."""

from __future__ import annotations

import codecs
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from build_scripts.build_model import build_timeline
from build_scripts.environment import ROOT
from build_scripts.model import PartialDate, Problem, Seed, SeedProblems, one_line, slugify
from build_scripts.read_seeds import SEED_SUFFIXES, read_seed_file, seed_id_problem, seed_paths
from build_scripts.redirects import REDIRECTS_FILE, dropped_urls
from build_scripts.schema import HTTP_URL, SEED_FIELDS, Report
from build_scripts.seed_files import draft_front_matter, missing_ids, with_ids
from build_scripts.validate import convert_field, display_path, validate_paths

if TYPE_CHECKING:  # extraction is imported by the commands that extract, not by `validate`
    from build_scripts.extract import Extraction

SEEDS_DIR = ROOT / "seeds"


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


def validate_command(paths: list[Path], output_format: str, fix: bool = False) -> int:
    """Exit 0 when every file is valid, 1 when any problem is found. With `fix`, valid files
    get an id for each event that has none: the id its entry has today, so no URL moves."""
    targets = paths or seed_paths(SEEDS_DIR)
    seeds, problems = validate_paths(targets, base=Path.cwd())
    for problem in problems:
        print(format_problem(problem, output_format))
    print(summarize(problems, len(targets)), file=sys.stderr if problems else sys.stdout)
    if fix and not problems:
        add_missing_ids(targets, seeds)
    return 1 if problems else 0


def add_missing_ids(targets: list[Path], seeds: list) -> None:
    # Ids are numbered across the whole timeline, so they are worked out with every seed present.
    everything, _ = validate_paths(sorted(set(seed_paths(SEEDS_DIR)) | set(targets)), base=Path.cwd())
    entries = list(build_timeline(everything).entries)
    for path in targets:
        insertions = missing_ids(path, display_path(path, Path.cwd()), entries)
        if insertions:
            raw = path.read_bytes()
            bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
            path.write_bytes(bom + with_ids(raw.decode("utf-8-sig"), insertions).encode("utf-8"))
            print(f"{_display(path)}: added {len(insertions)} id{'s' if len(insertions) != 1 else ''}")
        moved = [item for item in insertions if item.given_id != item.entry_id]
        if moved:  # an id too long to give keeps its address through a redirect
            with (ROOT / REDIRECTS_FILE).open("a", encoding="utf-8") as redirects:
                redirects.writelines(f"{item.entry_id}: {item.given_id}\n" for item in moved)
            print(f"{REDIRECTS_FILE}: {len(moved)} old address(es) now lead to the shortened ids")


def new_command(
    source: Path | None, seed_id: str | None, seeds_dir: Path = SEEDS_DIR, url: str | None = None
) -> int:
    """Start `seeds/<id>.md` from an article's text, front matter filled in as far as the text and the
    page's address allow."""
    from build_scripts.extract import extract_text
    from build_scripts.extract.address import known_publishers, same_page

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
    if seed_id is not None and (problem := seed_id_problem(seed_id)):
        print(f"error: --id {one_line(seed_id[:120])!r} cannot name a seed file: {problem}", file=sys.stderr)
        return 2
    if problem := url_problem(url):
        print(f"error: {problem}", file=sys.stderr)
        return 2
    corpus = valid_seeds(seeds_dir) if url else []
    if cited := next((seed for seed in corpus if same_page(seed.url, url)), None):
        print(
            f"error: {_display(Path(cited.path))} already cites {one_line(url)}: add what you found there to that seed, "
            "or give the address of another page",
            file=sys.stderr,
        )
        return 1
    extraction = extract_text(text, url=url or "", publishers=known_publishers(corpus))
    if seed_id is None:
        dated = f"{extraction.published.iso}-" if extraction.published else ""
        seed_id = dated + slugify(extraction.title, max_length=60)
    target = seeds_dir / f"{seed_id}.md"
    display = _display(target)
    # A seed's id is its file name without extension, so an existing .txt seed takes the id too.
    taken = [path for path in (seeds_dir / f"{seed_id}{suffix}" for suffix in SEED_SUFFIXES) if path.exists()]
    if taken:
        print(
            f"error: the seed {_display(taken[0])} exists already; choose another name with --id",
            file=sys.stderr,
        )
        return 1
    with target.open("x", encoding="utf-8", newline="") as seed_file:
        seed_file.write(draft_front_matter(extraction, seed_id, url or "") + text)
    _, problems = validate_paths([target], base=Path.cwd())
    for problem in problems:
        print(format_problem(problem, "text"))
    count = len(extraction.events)
    print(
        f"Wrote {display} with {count} event{'s' if count != 1 else ''} found in the text. Check every "
        f"date, country and quote against the text, add tags, then run: python3 -m build_scripts validate {display}"
    )
    return 0


def url_problem(url: str | None) -> str | None:
    """Why `--url` cannot be the seed's `url`, or None. The schema's own rule for `url` checks it as
    `validate` reads it from the front matter `new` writes, so that a control character, markup or an
    undecodable byte stops the command here rather than in a seed that fails validation; the rule
    folds white space, so the address as given must hold none (not even a trailing U+0085)."""
    if url is None:
        return None
    written = yaml.compose(yaml.safe_dump(url))
    if HTTP_URL.fullmatch(url) and convert_field("url", written, SEED_FIELDS, Report("")) is not None:
        return None
    return (
        f"--url {one_line(url[:120])!r} is not a page's address: give the one in the browser's address "
        "bar, starting with http:// or https://"
    )


def valid_seeds(seeds_dir: Path) -> list[Seed]:
    """The seeds already in `seeds_dir` that pass validation: the pages they cite, and each site's
    publisher as they name it, so that one house keeps one name (and one source page)."""
    seeds, _ = validate_paths(seed_paths(seeds_dir))
    return seeds


def _display(path: Path) -> str:
    """The path as the contributor would type it, from the project folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def generate_command(folder: Path) -> int:
    """Writes the docs tree MkDocs renders: docs/ as it is, then every generated page and file.

    A file is written only when its content changed; nothing else in `folder` is removed.
    """
    from mkdocs.config import load_config

    from build_scripts.mkdocs_hook import build_date
    from build_scripts.site import generate_site

    config = load_config(str(ROOT / "mkdocs.yml"))
    try:
        site = generate_site(seed_paths(SEEDS_DIR), ROOT, config.site_url, build_date())
    except SeedProblems as problems:
        print(f"error: the seeds have problems; nothing was written.\n{problems}", file=sys.stderr)
        return 1
    docs = Path(config.docs_dir)
    written = 0
    contents = {
        **{str(path.relative_to(docs)): path.read_bytes() for path in docs.rglob("*") if path.is_file()},
        **{path: markdown.encode("utf-8") for path, markdown in site.pages.items()},
        **site.files,
    }
    for relative, content in sorted(contents.items()):
        target = folder / relative
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written += 1
    print(f"{folder}: {len(contents)} files ({len(site.pages)} generated pages), {written} written.")
    return 0


def check_urls_command(old_sitemap: Path, new_site: Path) -> int:
    """Exit 1, listing them, when addresses of the earlier build are gone from the new one."""
    sitemap = old_sitemap.read_text(encoding="utf-8")
    dropped = dropped_urls(sitemap, new_site)
    for path in dropped:
        print(f"error: /{path} was published and is gone: add 'old-id: new-id' to {REDIRECTS_FILE}")
    print(
        f"{len(dropped)} published address(es) dropped."
        if dropped
        else "Every published address still answers."
    )
    return 1 if dropped else 0


def extraction_json(extraction: Extraction) -> dict:
    return {
        "published": extraction.published.iso if extraction.published else None,
        "title": extraction.title,
        "publisher": extraction.publisher,
        "countries": [country.code for country in extraction.countries],
        "events": [
            {
                "date": event.date.iso,
                "precision": event.date.precision,
                **(
                    {"status": "planned"} if event.status == "planned" else {}
                ),  # the contract's keys otherwise
                "countries": [country.code for country in event.countries],
                "title": event.title,
                "quote": event.quote,
            }
            for event in extraction.events
        ],
    }


def extract_command(path: Path, published: str | None, output_format: str, url: str | None = None) -> int:
    """`python3 -m build_scripts extract FILE`: print what the text says, as JSON or seed front matter."""
    if problem := url_problem(url):
        print(f"error: {problem}", file=sys.stderr)
        return 2
    reference = None
    if published is not None:
        try:
            reference = PartialDate.parse(published)
        except ValueError as error:
            print(f"error: --published '{published}' is not a date: {error}", file=sys.stderr)
            return 2
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        print(f"error: cannot read {path}: {error.strerror}", file=sys.stderr)
        return 1
    except UnicodeDecodeError:
        print(f"error: cannot read {path}: it is not UTF-8 text", file=sys.stderr)
        return 1
    if text.startswith("---") and path.suffix in SEED_SUFFIXES:
        seed_file, problems = read_seed_file(path)
        if seed_file is None:
            print(problems[0], file=sys.stderr)
            return 1
        text = seed_file.body
    from build_scripts.extract import extract_text
    from build_scripts.extract.address import known_publishers

    publishers = known_publishers(valid_seeds(SEEDS_DIR)) if url else None
    extraction = extract_text(text, reference, url or "", publishers)
    if output_format == "yaml":
        sys.stdout.write(draft_front_matter(extraction, path.stem, url or ""))
    else:
        print(json.dumps(extraction_json(extraction), ensure_ascii=False, indent=2))
    return 0
