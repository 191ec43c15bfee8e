"""Compatibility layer over :mod:`ssgraph.catalogue` while texts move into its files.

``define`` registers an entry from code (new code writes it into a catalogue file
instead); ``render`` is :func:`ssgraph.catalogue.text`. Both go away once every module
names its texts by id only.
"""

from __future__ import annotations

from ssgraph import catalogue
from ssgraph.catalogue import DEFAULT_LANGUAGE, LANGUAGES

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "define", "known_ids", "render"]


def define(message_id: str, *, sv: str, en: str) -> str:
    """Register the texts of one message; returns the id so modules can keep it as a constant."""
    return catalogue.register(message_id, sv, en)


def render(message_id: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    return catalogue.text(message_id, lang, **params)


def known_ids() -> list[str]:
    return catalogue.ids()
