"""The located errors extraction raises, with their Swedish and English texts."""

from __future__ import annotations

from pathlib import Path

from ssgraph import messages
from ssgraph.errors import InputError, Location, Problem

NO_TEXT_LAYER = messages.define(
    "extract.no_text_layer",
    sv="PDF-filen har inget textlager; inskannade dokument behöver OCR, vilket ssgraph inte gör "
    "(kör OCR, t.ex. ocrmypdf, och försök igen)",
    en="the PDF has no text layer; scanned documents need OCR, which ssgraph does not do "
    "(run OCR, e.g. ocrmypdf, and try again)",
)
ENCRYPTED = messages.define(
    "extract.encrypted",
    sv="filen är krypterad och kräver lösenord; spara en olåst kopia och försök igen",
    en="the file is encrypted and needs a password; save an unlocked copy and try again",
)
CORRUPT = messages.define(
    "extract.corrupt",
    sv="filen är trasig eller avkortad och kan inte läsas ({reason}); hämta dokumentet på nytt",
    en="the file is damaged or truncated and cannot be read ({reason}); download the document again",
)
UNSUPPORTED = messages.define(
    "extract.unsupported_format",
    sv="formatet ”{suffix}” kan inte läsas: använd PDF (med textlager), Word (.docx) eller HTML",
    en="the format “{suffix}” cannot be read: use PDF (with a text layer), Word (.docx) or HTML",
)
MISSING = messages.define(
    "extract.missing",
    sv="filen eller mappen finns inte",
    en="the file or folder does not exist",
)
EMPTY_FOLDER = messages.define(
    "extract.empty_folder",
    sv="mappen innehåller inga PDF-, Word- eller HTML-dokument",
    en="the folder holds no PDF, Word or HTML documents",
)
BAD_OUTPUT = messages.define(
    "extract.bad_output",
    sv="utdata ska vara en .xlsx- eller .yaml-fil (eller en mapp när indata är en mapp): ”{output}”",
    en="the output must be an .xlsx or .yaml file (or a folder when the input is a folder): “{output}”",
)


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
