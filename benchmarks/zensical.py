"""Zensical beside us: the same generated pages built by Zensical 0.0.73 and by our `mkdocs build`.

    .venv/bin/python benchmarks/zensical.py --zensical /tmp/zensical/bin/zensical
    .venv/bin/python benchmarks/zensical.py --zensical ... --entries 1000 5000 10000

It installs nothing. Zensical is kept out of the project's environment (0.0.73 is the only
version the package index serves that installs here: later ones need `zensical-ui`); put it in a
virtual environment of its own, then pass its command with --zensical (default: `zensical` on
PATH):

    python3 -m venv /tmp/zensical && /tmp/zensical/bin/pip install zensical==0.0.73

For each N it writes N synthetic entries into a copy of the project (as `scale.py` does), runs
`python3 -m build_scripts generate DIR` there, and builds DIR with Zensical under the project's
`mkdocs.yml` without `hooks:` (which Zensical ignores without a word), DIR (`generated/` inside the
copy, as Zensical wants) as `docs_dir`.
Then it builds the project with our `mkdocs build`, whose hook generates the same pages. It prints
each build's wall time and peak memory. Nothing here asserts: it prints.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from scale import ENVIRONMENT, copy_project, run_build

from synthetic_seeds import write_synthetic_seeds


def peak_run(command: list[str], cwd: Path) -> tuple[float, float]:
    """Runs `command` in a child process: its wall time (s) and peak resident memory (MB)."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=cwd, env={**os.environ, **ENVIRONMENT}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{child.stdout.read().decode()[-3000:]}")
    return seconds, usage.ru_maxrss / 1024  # Linux reports kilobytes


def zensical_config(project: Path, docs: Path) -> Path:
    """The project's mkdocs.yml, read by Zensical: the generated tree as docs, no hook."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: docs\n", f"docs_dir: {docs.name}\n")
    text = text.replace("hooks:\n  - build_scripts/mkdocs_hook.py\n", "")
    config = project / "zensical.yml"
    config.write_text(text, encoding="utf-8")
    yaml.compose(text)  # still YAML (tags such as !ENV left as they are)
    return config


def compare(entries: int, workdir: Path, zensical: str) -> None:
    project = copy_project(workdir / f"project-{entries}")
    seeds = write_synthetic_seeds(project / "seeds", entries)
    docs = project / "generated"  # Zensical wants docs_dir inside the project
    # `python3 -m build_scripts generate DIR` as it runs inside the environment, in the copy
    code = "import sys; from build_scripts.__main__ import run, parse_arguments; "
    generate = [sys.executable, "-c", code + f"sys.exit(run(parse_arguments(['generate', {str(docs)!r}])))"]
    generated, _ = peak_run(generate, project)
    ours = run_build(project)
    theirs, theirs_mb = peak_run(
        [zensical, "build", "--clean", "-f", str(zensical_config(project, docs))], project
    )
    print(f"\n## {entries:,} entries ({seeds:,} seeds)")
    print(f"generate DIR (pages, data, feeds)    {generated:8.1f} s")
    print(f"ours: mkdocs build                   {ours.seconds:8.1f} s   peak {ours.peak_memory_mb:6.0f} MB")
    print(f"Zensical build of the generated tree {theirs:8.1f} s   peak {theirs_mb:6.0f} MB")
    print(f"Zensical / ours                      {theirs / ours.seconds:8.2f}x")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, nargs="+", default=[1000])
    parser.add_argument("--zensical", default="zensical", help="the zensical command (default: on PATH)")
    parser.add_argument(
        "--keep", type=Path, help="work in this folder and keep it (default: a temporary one)"
    )
    arguments = parser.parse_args(argv)
    zensical = shutil.which(arguments.zensical)
    if zensical is None:
        print(f"{arguments.zensical}: not found. Install Zensical 0.0.73 first (see the docstring).")
        return 1
    version = subprocess.run([zensical, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"Zensical benchmark: Zensical {version}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="oss-zensical-") as temporary:
        workdir = arguments.keep or Path(temporary)
        for entries in sorted(arguments.entries):
            compare(entries, workdir, zensical)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
