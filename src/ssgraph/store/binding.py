"""Values into SPARQL: every value from outside enters a query as one validated RDF term.

Queries are written with ``$name`` placeholders and filled by :func:`bind`::

    bind("SELECT ?code WHERE { ?m ssg:region $region ; skos:notation ?code }",
         region=iri(SSGID[f"org/{code}"]))

A placeholder is replaced only where it is code (never inside a string, an IRI or a
comment), and only by what :func:`term` writes: an IRI that passed :func:`iri`'s check, a
literal with every special character escaped, a bare number, ``true``/``false``; a list
becomes the terms separated by spaces (for ``VALUES ?x { $list }``). A Python ``str`` is
always a plain literal: to put an IRI into a query the caller says so with :func:`iri`.
Nothing else writes values into query text.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from decimal import Decimal

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from ssgraph.errors import InputError, problem
from ssgraph.store.sparql_text import scan

_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\\x7f]*")
_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')


def is_iri(text: str) -> bool:
    """Whether ``text`` is an absolute IRI that can be written between ``<`` and ``>``."""
    return bool(_IRI.fullmatch(text))


def is_language_tag(text: str) -> bool:
    return bool(_LANGUAGE.fullmatch(text))


def iri(value: object) -> URIRef:
    """``value`` as an IRI term, or InputError when it is not an absolute, writable IRI."""
    text = str(value)
    if not is_iri(text):
        raise InputError(problem("sparql.bad_iri", value=text[:200]))
    return URIRef(text)


def literal(value: object, datatype: str | None = None, lang: str | None = None) -> Literal:
    """A literal term (the lexical form is escaped when written, never trusted)."""
    if lang is not None and not _LANGUAGE.fullmatch(lang):
        raise InputError(problem("sparql.bad_language", value=lang))
    if datatype is not None:
        return Literal(str(value), datatype=iri(datatype))
    return Literal(value, lang=lang) if lang else Literal(value)


def _quoted(text: str) -> str:
    return '"' + _NEEDS_ESCAPE.sub(lambda m: _ECHAR.get(m.group(), f"\\u{ord(m.group()):04X}"), text) + '"'


def _literal_text(value: Literal) -> str:
    lexical = _quoted(str(value))
    if value.language:
        if not _LANGUAGE.fullmatch(value.language):
            raise InputError(problem("sparql.bad_language", value=value.language))
        return f"{lexical}@{value.language}"
    if value.datatype is not None and str(value.datatype) != str(XSD.string):
        return f"{lexical}^^{term(iri(value.datatype))}"
    return lexical


def _rdf_term(value: URIRef | Literal | BNode) -> str:
    if isinstance(value, URIRef):
        if not is_iri(str(value)):
            raise InputError(problem("sparql.bad_iri", value=str(value)[:200]))
        return f"<{value}>"
    if isinstance(value, Literal):
        return _literal_text(value)
    raise TypeError("blank nodes cannot be bound into a query")


def term(value: object) -> str:
    """One value written as one SPARQL term; lists, tuples and sets as terms separated by spaces."""
    if isinstance(value, (URIRef, Literal, BNode)):
        return _rdf_term(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (float, Decimal)):
        if not math.isfinite(value):
            raise InputError(problem("sparql.bad_number", value=str(value)))
        if isinstance(value, float):
            return _literal_text(Literal(repr(value), datatype=XSD.double))
        return _literal_text(Literal(format(value, "f"), datatype=XSD.decimal))
    if isinstance(value, dt.datetime):
        return _literal_text(Literal(value.isoformat(), datatype=XSD.dateTime))
    if isinstance(value, dt.date):
        return _literal_text(Literal(value.isoformat(), datatype=XSD.date))
    if isinstance(value, str):
        return _quoted(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return " ".join(term(item) for item in items)
    raise TypeError(f"cannot bind a {type(value).__name__} into a query")


def terms(values: Iterable[object]) -> str:
    return " ".join(term(v) for v in values)


def bind(template: str, **values: object) -> str:
    """``template`` with each ``$name`` placeholder (in code) replaced by ``term(values[name])``.

    Every placeholder must have a value and every value a placeholder: a misspelt name is
    a programming error, not something to run.
    """
    out: list[str] = []
    last = 0
    used: set[str] = set()
    for match in scan(template):
        if match.lastgroup != "placeholder":
            continue
        name = match.group()[1:]
        if name not in values:
            raise ValueError(f"no value for the placeholder ${name}")
        out.append(template[last:match.start()])
        out.append(term(values[name]))
        last = match.end()
        used.add(name)
    unused = set(values) - used
    if unused:
        raise ValueError(f"no placeholder for {', '.join(sorted(unused))}")
    out.append(template[last:])
    return "".join(out)
