"""RDF sent to the service (Graph Store Protocol bodies): parsed whole, checked, then written.

Oxigraph's parsers are strict (an IRI with a space, a malformed language tag or a broken
literal is an error naming line and column) and never fetch anything (no remote JSON-LD
contexts, no XML entities). What they leave out silently is checked here: JSON-LD drops a
value whose ``@language`` is not a language tag, so such a tag is refused with its place
in the document. Only a payload that passed everything is written, in one update.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from ssgraph.errors import InputError, Location, problem
from ssgraph.store.binding import is_language_tag
from ssgraph.store.embedded import OXIGRAPH_RDF_FORMAT, syntax_detail

BAD_JSON_LD_LANGUAGE = "store.bad_json_ld_language"
QUADS_INTO_GRAPH = "store.quads_into_graph"


@dataclass(frozen=True)
class Triples:
    """Parsed and checked triples, ready to be written in one update."""

    items: tuple[ox.Triple, ...]

    def __len__(self) -> int:
        return len(self.items)


def _language_problems(node: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}.{key}"
            if key == "@language" and isinstance(value, str) and not is_language_tag(value):
                yield here, value
            else:
                yield from _language_problems(value, here)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _language_problems(value, f"{path}[{index}]")


def _check_json_ld(data: bytes, source: str) -> None:
    try:
        document = json.loads(data)
    except (ValueError, RecursionError):
        return  # the parser reports malformed JSON with its position
    for path, value in _language_problems(document, "$"):
        raise InputError(problem(BAD_JSON_LD_LANGUAGE, Location(file=source), value=value, path=path))


def parse_triples(parts: list[tuple[bytes, str, str]], base_iri: str) -> Triples:
    """The triples of every ``(data, format, source name)`` part, or InputError naming the
    part, line and column of the first problem."""
    found: list[ox.Triple] = []
    for data, fmt, source in parts:
        if fmt == "json-ld":
            _check_json_ld(data, source)
        try:
            for quad in ox.parse(data, format=OXIGRAPH_RDF_FORMAT[fmt], base_iri=base_iri,
                                 without_named_graphs=True, rename_blank_nodes=True):
                found.append(ox.Triple(quad.subject, quad.predicate, quad.object))
        except SyntaxError as error:
            detail = syntax_detail(error)
            if "named graph" in detail.lower():
                raise InputError(problem(QUADS_INTO_GRAPH, Location(file=source), format=fmt)) from None
            raise InputError(problem(
                "store.syntax_error", Location(file=source, line=error.lineno, column=error.offset),
                format=fmt, detail=detail)) from None
    return Triples(tuple(found))
