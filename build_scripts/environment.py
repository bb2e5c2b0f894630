"""Set-up on a fresh machine: the project's virtual environment, pinned packages, Debian's chromium.

Standard library only: this runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PYPROJECT = ROOT / "pyproject.toml"
CONSTRAINTS = ROOT / ".ci" / "constraints.txt"  # every transitive package, pinned
CHROMIUM = Path("/usr/bin/chromium")


class SetupError(Exception):
    """A set-up step failed; the message says what to do."""


def venv_python() -> Path:
    return VENV / "bin" / "python"


def running_in_project_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def requirements(extras: tuple[str, ...]) -> list[str]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in extras:
        wanted += project["optional-dependencies"][extra]
    return wanted


def ensure_virtualenv(extras: tuple[str, ...] = ()) -> Path:
    """Create .venv and install the pinned packages, unless the same set is installed already."""
    wanted = requirements(extras)
    fingerprint = hashlib.sha256(
        "\n".join(wanted).encode() + CONSTRAINTS.read_bytes()
    ).hexdigest()
    stamp = VENV / f".installed-{'-'.join(('base',) + extras)}"
    if stamp.exists() and stamp.read_text() == fingerprint and venv_python().exists():
        return venv_python()
    if not venv_python().exists():
        print(f"Setting up the virtual environment in {VENV} ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    print("Installing the pinned packages ...", file=sys.stderr)
    command = [str(venv_python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    result = subprocess.run([*command, "-c", str(CONSTRAINTS), *wanted])
    if result.returncode != 0:
        raise SetupError("installing the packages failed (see pip's message above)")
    stamp.write_text(fingerprint)
    return venv_python()


def reexec_in_virtualenv(argv: list[str], extras: tuple[str, ...] = ()) -> None:
    """Run this same command again with the project's Python (it does not return)."""
    python = ensure_virtualenv(extras)
    os.execv(python, [str(python), "-m", "build_scripts", *argv])


def ensure_chromium() -> Path:
    """Debian's chromium for the browser tests; Playwright's own browser download cannot work here."""
    if CHROMIUM.exists():
        return CHROMIUM
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise SetupError(
            "the browser tests need Debian's chromium at /usr/bin/chromium: "
            "install it with 'sudo apt-get install chromium'"
        )
    print("Installing Debian's chromium for the browser tests ...", file=sys.stderr)
    quiet = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for step in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        if subprocess.run(step, env=quiet, stdout=subprocess.DEVNULL).returncode != 0:
            raise SetupError(f"'{' '.join(step)}' failed: see its message above")
    return CHROMIUM
