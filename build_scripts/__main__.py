"""`python3 -m build_scripts COMMAND`: the contributor's and the developer's entry point.

Each command first makes sure the project's virtual environment exists with the pinned
packages (and, for `test`, Debian's chromium), then runs inside it.
"""

from __future__ import annotations

import argparse
import errno
import os
import socket
import subprocess
import sys
from pathlib import Path

from build_scripts import environment

URL_HELP = "the page's address: its date and site may give the publication date and the publisher"

COMMANDS_NEEDING_TEST_PACKAGES = {"test"}
PASSING_ON = {"serve", "build", "test"}


def port_number(text: str) -> int:
    port = int(text)  # argparse reports a ValueError as an invalid value
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port: choose a number from 1 to 65535")
    return port


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python3 -m build_scripts",
        description="Build, preview, test and check the One-Stop Shop Timeline.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    # These three pass any further options on to mkdocs or pytest.
    serve = commands.add_parser(
        "serve",
        help="build the site and preview it at http://127.0.0.1:8000, rebuilding when a file changes",
        description="Build the site and preview it, rebuilding when a file changes.",
        epilog="Any further option is passed on to 'mkdocs serve', e.g. --dirty (rebuild only the "
        "pages that changed) or --no-livereload; 'mkdocs serve --help' lists them.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="the address to serve on (default: %(default)s)")
    serve.add_argument(
        "--port", type=port_number, default=8000, help="the port to serve on (default: %(default)s)"
    )
    commands.add_parser(
        "build",
        help="build the site into site/ (strict)",
        epilog="Any further option is passed on to 'mkdocs build'.",
    )
    commands.add_parser(
        "test",
        help="run ruff, then the whole test suite, browser tests included",
        description="Run ruff (lint and format check), then pytest; either failing fails the command.",
        epilog="Any further option is passed on to pytest, e.g. -x or -k NAME.",
    )

    validate = commands.add_parser("validate", help="check seed files and report every problem")
    validate.add_argument("paths", nargs="*", type=Path, help="seed files (default: every file in seeds/)")
    validate.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="'github' prints GitHub Actions annotations",
    )
    validate.add_argument(
        "--fix",
        action="store_true",
        help="give every event without an id the id its entry has now (changes nothing else)",
    )

    new = commands.add_parser("new", help="start a seed from a text file or standard input")
    new.add_argument(
        "source", nargs="?", type=Path, help="the article as plain text (default: standard input)"
    )
    new.add_argument("--id", help="the seed's file name without extension (default: from the title)")
    new.add_argument("--url", help=URL_HELP)

    urls = commands.add_parser(
        "check-urls",
        help="fail when a build drops an address another build published, unless a redirect covers it",
    )
    urls.add_argument(
        "old_sitemap", type=Path, help="sitemap.xml of the earlier build (e.g. the base branch)"
    )
    urls.add_argument("new_site", type=Path, help="the folder of the new build (e.g. site/)")

    generate = commands.add_parser(
        "generate",
        help="write the generated docs tree (pages, data, feeds, citations, redirects and docs/) into a folder",
        description="Write every page and file the build generates from seeds/, with the hand-written "
        "docs/ pages, into DIR: what MkDocs renders, for another renderer or a person to work from.",
    )
    generate.add_argument("folder", type=Path, metavar="DIR", help="where to write (made if missing)")
    extract = commands.add_parser("extract", help="find the dates, countries and events in a raw text")
    extract.add_argument("file", type=Path)
    extract.add_argument("--published", help="reference date YYYY, YYYY-MM or YYYY-MM-DD")
    extract.add_argument("--url", help=URL_HELP)
    extract.add_argument("--format", choices=("json", "yaml"), default="json")
    arguments, passed_on = parser.parse_known_args(argv)
    if passed_on and arguments.command not in PASSING_ON:
        parser.error(f"unrecognized arguments: {' '.join(passed_on)}")
    arguments.passed_on = passed_on
    return arguments


def run(arguments: argparse.Namespace) -> int:
    if arguments.command in ("serve", "build", "test"):
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner on every build
        os.chdir(environment.ROOT)
    if arguments.command == "serve":
        problem = address_problem(arguments.host, arguments.port)
        if problem:  # found before a build that would end in mkdocs' traceback
            print(f"error: {problem}", file=sys.stderr)
            return 1
        address = ["--dev-addr", f"{arguments.host}:{arguments.port}"]
        execute_mkdocs("serve", *address, *arguments.passed_on)
    if arguments.command == "build":
        execute_mkdocs("build", "--strict", *arguments.passed_on)
    if arguments.command == "test":
        if not lint_passes(environment.ROOT):
            print(
                "error: ruff found the problems above: '.venv/bin/ruff check --fix .' and "
                "'.venv/bin/ruff format .' fix most of them",
                file=sys.stderr,
            )
            return 1
        environment.ensure_chromium()
        pytest = [str(environment.venv_python()), "-m", "pytest", *arguments.passed_on]
        os.execv(pytest[0], pytest)
    from build_scripts import commands

    if arguments.command == "validate":
        return commands.validate_command(arguments.paths, arguments.format, arguments.fix)
    if arguments.command == "new":
        return commands.new_command(arguments.source, arguments.id, url=arguments.url)
    if arguments.command == "generate":
        return commands.generate_command(arguments.folder)
    if arguments.command == "check-urls":
        return commands.check_urls_command(arguments.old_sitemap, arguments.new_site)
    return commands.extract_command(arguments.file, arguments.published, arguments.format, url=arguments.url)


def address_problem(host: str, port: int) -> str | None:
    """Why serve could not listen on host:port, or None when it can."""
    try:
        socket.create_server((host, port)).close()  # with SO_REUSEADDR, as the preview server binds
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            return f"port {port} on {host} is in use: choose another with --port {port + 1}"
        return f"cannot serve on {host}:{port} ({error.strerror or error}): choose another --host or --port"
    return None


def lint_passes(root: Path) -> bool:
    """ruff's lint rules and its format check, as pyproject.toml configures them; both always run."""
    ruff = [str(environment.venv_python()), "-m", "ruff"]
    checks = [[*ruff, "check", "."], [*ruff, "format", "--check", "."]]
    return all([subprocess.run(check, cwd=root).returncode == 0 for check in checks])


def execute_mkdocs(*arguments: str) -> None:
    mkdocs = [str(environment.VENV / "bin" / "mkdocs"), *arguments]
    os.execv(mkdocs[0], mkdocs)


def main(argv: list[str]) -> int:
    arguments = parse_arguments(argv)  # usage errors exit 2 before any set-up
    try:
        with_tests = arguments.command in COMMANDS_NEEDING_TEST_PACKAGES
        if not environment.running_in_project_venv():
            environment.reexec_in_virtualenv(argv, with_tests)
        if with_tests:
            environment.ensure_virtualenv(with_tests=True)
        return run(arguments)
    except environment.SetupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
