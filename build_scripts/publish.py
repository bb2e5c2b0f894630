"""The last stage: move a finished build into the published site, writing only what changed.

A build that failed never reaches this stage, so the published site is either the last good
one or the new one. Files whose bytes did not change keep their inode and modification time,
so a rebuild with no change writes nothing and static servers, rsync and caches see no change.
"""

from __future__ import annotations

import filecmp
import os
import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Published:
    written: int
    unchanged: int
    removed: int


def publish_site(staging: Path, published: Path) -> Published:
    """Moves the files of `staging` into `published`; `staging` is gone afterwards."""
    new_files = _files_under(staging)
    if not published.is_dir():
        shutil.rmtree(published, ignore_errors=True)
        staging.rename(published)
        return Published(written=len(new_files), unchanged=0, removed=0)
    written = unchanged = 0
    for relative in sorted(new_files):
        source, target = staging / relative, published / relative
        if target.is_file() and _same_bytes(source, target):
            unchanged += 1
            continue
        _clear_the_way(target, published)
        os.replace(source, target)
        written += 1
    stale = _files_under(published) - new_files
    for relative in stale:
        (published / relative).unlink()
    _remove_empty_folders(published)
    shutil.rmtree(staging)
    return Published(written=written, unchanged=unchanged, removed=len(stale))


def _clear_the_way(target: Path, published: Path) -> None:
    """Where a file became a folder or a folder a file, the old one goes."""
    if target.is_dir():
        shutil.rmtree(target)
    for ancestor in target.relative_to(published).parents:
        if (published / ancestor).is_file():
            (published / ancestor).unlink()
    target.parent.mkdir(parents=True, exist_ok=True)


def _files_under(folder: Path) -> set[Path]:
    return {
        Path(directory, name).relative_to(folder)
        for directory, _, names in os.walk(folder)
        for name in names
    }


def _same_bytes(first: Path, second: Path) -> bool:
    return first.stat().st_size == second.stat().st_size and filecmp.cmp(first, second, shallow=False)


def _remove_empty_folders(folder: Path) -> None:
    for directory, _, _ in os.walk(folder, topdown=False):
        if Path(directory) != folder and not os.listdir(directory):
            os.rmdir(directory)
