"""Every user-facing word of ssgraph, in Swedish and English, keyed by id.

The texts live in the TOML files of this folder, one per area (``web.toml``, ``cli.toml``,
``report.toml``, …). A table with ``sv`` and ``en`` keys is one entry; its id is the file
stem followed by the table's dotted path, so ``[not_found]`` in ``web.toml`` is
``web.not_found``. Texts are ``str.format`` templates; ``tests/test_catalogue.py`` checks
that every entry has both languages and the same placeholders in each.

Core and feature code only name ids (errors carry a message id and parameters); the faces
(CLI, web, the rendering layer) turn them into text with :func:`text`. A parameter may be a
:class:`Ref` (another entry, rendered in the same language) or a :class:`Texts` (a value
that already exists in both languages, such as a shape's message), so a located problem
can be rendered later in whichever language the user asks for.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DEFAULT_LANGUAGE = "sv"
LANGUAGES = ("sv", "en")
FOLDER = Path(__file__).resolve().parent


def language(lang: str | None) -> str:
    """A supported language code; anything else falls back to Swedish."""
    code = (lang or "").strip().lower()[:2]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Entry:
    id: str
    sv: str
    en: str
    file: str

    def template(self, lang: str) -> str:
        return self.en if language(lang) == "en" else self.sv


@dataclass(frozen=True)
class Ref:
    """A parameter that is itself a catalogue entry, rendered in the caller's language."""

    id: str
    params: tuple[tuple[str, object], ...] = ()

    @classmethod
    def to(cls, message_id: str, **params: object) -> Ref:
        return cls(message_id, tuple(sorted(params.items())))

    def render(self, lang: str) -> str:
        return text(self.id, lang, **dict(self.params))


@dataclass(frozen=True)
class Texts:
    """A value that exists in both languages outside the catalogue (a shape's message, a
    label from the data): rendered in the caller's language, falling back to the other."""

    sv: str = ""
    en: str = ""

    @classmethod
    def of(cls, by_language: Mapping[str, str]) -> Texts:
        return cls(by_language.get("sv", ""), by_language.get("en", ""))

    def render(self, lang: str) -> str:
        first, second = (self.en, self.sv) if language(lang) == "en" else (self.sv, self.en)
        return first or second

    def __str__(self) -> str:
        return self.render(DEFAULT_LANGUAGE)


def _entries_of(table: Mapping[str, object], prefix: str, file: str) -> Iterator[Entry]:
    """Entries of a table: itself when it has ``sv`` and ``en``, and its sub-tables (so
    ``[status]`` can name a column and ``[status.fulfilled]`` one of its values)."""
    if set(table) >= {"sv", "en"} and all(isinstance(table[k], str) for k in ("sv", "en")):
        yield Entry(prefix, str(table["sv"]), str(table["en"]), file)
    for key, value in table.items():
        if key in LANGUAGES and isinstance(value, str):
            continue
        if isinstance(value, Mapping):
            yield from _entries_of(value, f"{prefix}.{key}", file)
        else:
            raise ValueError(f"{file}: {prefix}.{key} is neither an entry (sv, en) nor a table")


@lru_cache(maxsize=1)
def _files() -> dict[str, Entry]:
    found: dict[str, Entry] = {}
    for path in sorted(FOLDER.glob("*.toml")):
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        for entry in _entries_of(data, path.stem, path.name):
            if entry.id in found:
                raise ValueError(f"{path.name}: {entry.id} is already in {found[entry.id].file}")
            found[entry.id] = entry
    return found


def entry(message_id: str) -> Entry | None:
    return _files().get(message_id)


def has(message_id: str) -> bool:
    return entry(message_id) is not None


def ids() -> list[str]:
    return sorted(_files())


def file_entries() -> dict[str, Entry]:
    """The entries of the TOML files (what the completeness test checks)."""
    return dict(_files())


def _param(value: object, lang: str) -> object:
    if isinstance(value, (Ref, Texts)):
        return value.render(lang)
    if isinstance(value, Mapping) and set(value) & set(LANGUAGES):
        return Texts.of(value).render(lang)
    return value


def text(message_id: str, lang: str | None = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The entry's text in ``lang`` with its placeholders filled.

    An unknown id renders as itself (with its parameters), so a missing text shows up
    instead of failing a page; the completeness test keeps that from shipping.
    """
    found = entry(message_id)
    if found is None:
        return f"{message_id}: {params}" if params else message_id
    lang = language(lang)
    values = {name: _param(value, lang) for name, value in params.items()}
    template = found.template(lang)
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return f"{template} {values}"


def placeholders(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def translator(lang: str | None):
    """``t(id, **params)`` bound to one language, for templates and report writers."""
    chosen = language(lang)

    def t(message_id: str, **params: object) -> str:
        return text(message_id, chosen, **params)

    return t
