"""Files ssgraph writes: whole or not at all, and never outside what it owns.

- :func:`write_atomically` writes a file through a temporary file that ``tempfile`` makes
  in the target's own folder (a fresh, unpredictable name, created exclusively, so nothing
  planted there is followed) and renames over the target with ``os.replace`` (a symlink
  at the target is replaced, not followed).
- :func:`owned_directory` is a folder for caches that ssgraph made itself: it carries a
  marker file, and a folder that already holds other files without the marker is refused
  rather than adopted. Only inside such a folder does ssgraph delete anything
  (:func:`remove_entries`), and it never follows a symbolic link while doing so.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from ssgraph.errors import ConfigurationError, Location, problem

MARKER = ".ssgraph-owned"
MARKER_TEXT = "This folder is a cache made by ssgraph; ssgraph may delete what is in it.\n"

FOREIGN_FOLDER = "files.foreign_folder"
NOT_A_FOLDER = "files.not_a_folder"


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> Path:
    """Write ``path`` through ``write(handle)``: the old file or the whole new one, never half."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def write_text_atomically(path: Path, text: str) -> Path:
    return write_atomically(path, lambda out: out.write(text.encode("utf-8")))


def _is_real_directory(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def owned_directory(path: Path, purpose: str) -> Path:
    """``path`` as a folder ssgraph owns: made (with its marker) when missing or empty,
    accepted when it carries the marker, otherwise a ConfigurationError."""
    path = Path(path)
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        raise ConfigurationError(problem(NOT_A_FOLDER, Location(file=str(path)), path=str(path), purpose=purpose))
    path.mkdir(parents=True, exist_ok=True)
    marker = path / MARKER
    if marker.is_file() and not marker.is_symlink():
        return path
    if any(path.iterdir()):
        raise ConfigurationError(problem(FOREIGN_FOLDER, Location(file=str(path)), path=str(path), purpose=purpose))
    write_text_atomically(marker, MARKER_TEXT)
    return path


def owned_subdirectory(owner: Path, name: str) -> Path:
    """The folder ``owner/name`` (a plain name), made when missing; whatever else stands at
    that name inside the owned folder (a file, a symbolic link) is removed, not followed."""
    if not name or name in (".", "..") or "/" in name or os.sep in name:
        raise ValueError(f"not a plain folder name: {name!r}")
    folder = Path(owner) / name
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        folder.unlink()
    folder.mkdir(exist_ok=True)
    return folder


def remove_entries(owner: Path, keep: Iterable[str] = ()) -> None:
    """Delete everything in the owned folder ``owner`` but its marker and the names in ``keep``.

    Symbolic links are removed themselves; their targets are never touched.
    """
    owner = Path(owner)
    if not (owner / MARKER).is_file() or not _is_real_directory(owner):
        raise ValueError(f"{owner} is not a folder ssgraph owns")
    kept = set(keep) | {MARKER}
    with os.scandir(owner) as entries:
        for entry in entries:
            if entry.name in kept:
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)  # rmtree does not follow links inside
            else:
                Path(entry.path).unlink(missing_ok=True)
