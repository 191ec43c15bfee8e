"""The located errors extraction raises, with their Swedish and English texts."""

from __future__ import annotations

from pathlib import Path

from ssgraph.errors import InputError, Location, Problem

NO_TEXT_LAYER = "extract.no_text_layer"
ENCRYPTED = "extract.encrypted"
CORRUPT = "extract.corrupt"
UNSUPPORTED = "extract.unsupported_format"
MISSING = "extract.missing"
EMPTY_FOLDER = "extract.empty_folder"
BAD_OUTPUT = "extract.bad_output"


def _error(message_id: str, path: Path, **params: object) -> InputError:
    return InputError(Problem(message_id, Location(file=Path(path).name), params))


def no_text_layer(path: Path) -> InputError:
    return _error(NO_TEXT_LAYER, path)


def encrypted(path: Path) -> InputError:
    return _error(ENCRYPTED, path)


def corrupt(path: Path, reason: str) -> InputError:
    return _error(CORRUPT, path, reason=reason.strip().rstrip(".") or "?")


def unsupported(path: Path) -> InputError:
    return _error(UNSUPPORTED, path, suffix=Path(path).suffix or Path(path).name)


def missing(path: Path) -> InputError:
    return _error(MISSING, path)


def empty_folder(path: Path) -> InputError:
    return _error(EMPTY_FOLDER, path)


def bad_output(path: Path) -> InputError:
    return _error(BAD_OUTPUT, path, output=Path(path).name)
