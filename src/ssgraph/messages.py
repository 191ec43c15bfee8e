"""Swedish and English message texts, keyed by message id.

Each module that raises located errors defines its texts with :func:`define` next to the
code that uses them; only the CLI and the web layer call :func:`render`.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_LANGUAGE = "sv"
LANGUAGES = ("sv", "en")


@dataclass(frozen=True)
class MessageText:
    sv: str
    en: str


_CATALOG: dict[str, MessageText] = {}


def define(message_id: str, *, sv: str, en: str) -> str:
    """Register the texts of one message; returns the id so modules can keep it as a constant."""
    existing = _CATALOG.get(message_id)
    if existing is not None and existing != MessageText(sv, en):
        raise ValueError(f"message id {message_id!r} defined twice with different texts")
    _CATALOG[message_id] = MessageText(sv, en)
    return message_id


def render(message_id: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    text = _CATALOG.get(message_id)
    if text is None:
        return f"{message_id}: {params}" if params else message_id
    template = text.en if lang == "en" else text.sv
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return f"{template} {params}"


def known_ids() -> list[str]:
    return sorted(_CATALOG)
