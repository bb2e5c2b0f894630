"""Set-up on a fresh machine: the project's virtual environment, pinned packages, Debian's chromium.

Standard library only: this runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PYPROJECT = ROOT / "pyproject.toml"
# Every package and its dependencies, pinned with the hashes of their files (.ci/lock writes them).
SITE_PACKAGES = ROOT / ".ci" / "requirements.txt"
TEST_PACKAGES = ROOT / ".ci" / "requirements-test.txt"
CHROMIUM = Path("/usr/bin/chromium")
# Recommended packages would turn a contributor's machine into a desktop (udev, avahi, cups ...).
APT_COMMANDS = (
    ["apt-get", "update", "-qq"],
    ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"],
)


class SetupError(Exception):
    """A set-up step failed; the message says what to do."""


def venv_python() -> Path:
    return VENV / "bin" / "python"


def running_in_project_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def package_list(with_tests: bool) -> Path:
    return TEST_PACKAGES if with_tests else SITE_PACKAGES


def pip_commands(packages: Path) -> list[list[str]]:
    """The packages, each checked against its hash, then the project itself, editable."""
    pip_install = [str(venv_python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    return [
        [*pip_install, "--require-hashes", "--requirement", str(packages)],
        # Built with the setuptools the hashed list just installed, so nothing unchecked is fetched.
        [*pip_install, "--no-deps", "--no-build-isolation", "--editable", str(ROOT)],
    ]


def count_packages(packages: Path) -> int:
    return sum(1 for line in packages.read_text(encoding="utf-8").splitlines() if "==" in line)


def fingerprint(with_tests: bool) -> str:
    return hashlib.sha256(package_list(with_tests).read_bytes() + PYPROJECT.read_bytes()).hexdigest()


def stamp(with_tests: bool) -> Path:
    """Holds the fingerprint of the package list last installed in full."""
    return VENV / f".installed-{'test' if with_tests else 'base'}"


def installed(with_tests: bool) -> bool:
    return stamp(with_tests).exists() and stamp(with_tests).read_text() == fingerprint(with_tests)


def ensure_virtualenv(with_tests: bool = False) -> Path:
    """Create .venv and install the pinned packages, unless the same set is installed already."""
    # The test list holds the site list, so a current test set-up serves every command.
    if venv_python().exists() and (installed(with_tests) or installed(with_tests=True)):
        return venv_python()
    packages = package_list(with_tests)
    if not venv_python().exists():
        print(f"Creating the virtual environment {VENV} (a few seconds) ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    print(
        f"Installing {count_packages(packages)} pinned packages from {packages.relative_to(ROOT)}, "
        "each checked against its hash, and the project itself (about 20 s) ...",
        file=sys.stderr,
    )
    for command in pip_commands(packages):
        if subprocess.run(command).returncode != 0:
            raise SetupError("installing the packages failed (see pip's message above)")
    stamp(with_tests).write_text(fingerprint(with_tests))
    return venv_python()


def reexec_in_virtualenv(argv: list[str], with_tests: bool = False) -> None:
    """Run this same command again with the project's Python (it does not return)."""
    python = ensure_virtualenv(with_tests)
    os.execv(python, [str(python), "-m", "build_scripts", *argv])


def ensure_chromium() -> Path:
    """Debian's chromium for the browser tests; Playwright's own browser download cannot work here."""
    if CHROMIUM.exists():
        return CHROMIUM
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise SetupError(
            "the browser tests need Debian's chromium at /usr/bin/chromium: "
            "install it with 'sudo apt-get install --no-install-recommends chromium'"
        )
    print(
        "Installing Debian's chromium for the browser tests, with the libraries it needs and no "
        "recommended packages (apt-get update and install, about a minute) ...",
        file=sys.stderr,
    )
    quiet = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for step in APT_COMMANDS:
        if subprocess.run(step, env=quiet, stdout=subprocess.DEVNULL).returncode != 0:
            raise SetupError(f"'{' '.join(step)}' failed: see its message above")
    return CHROMIUM
