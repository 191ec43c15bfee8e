"""The query library: ``queries/*.rq`` read into ``NamedQuery`` objects.

Each file starts with a header of ``# key: value`` lines::

    # title-sv: Mål per globalt mål och organisation
    # title-en: Goals per SDG per organisation
    # question-sv: …
    # question-en: …
    # param: sdg iri https://w3id.org/ssgraph/ref/sdg/5 The SDG goal to look at

A parameter is a variable of the query that has an inline ``VALUES ?name { default }``
block, so the file runs as it is (in YASGUI, with ``ssgraph query -f``). :meth:`NamedQuery.bind`
replaces that block with the caller's value after reading it as its type; the store's
binding helper (``ssgraph.store.binding``) writes it as one SPARQL term.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from ssgraph import paths
from ssgraph.errors import InputError, Location, problem
from ssgraph.store import binding

PARAM_TYPES = ("iri", "string", "integer", "decimal", "year", "date", "boolean")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_HEADER = re.compile(r"^#\s*([a-z-]+)\s*:\s*(.*)$")
REQUIRED_KEYS = ("title-sv", "title-en", "question-sv", "question-en")


_SHORT_FORM = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


ALL_VALUES = ("all", "*")  # an IRI parameter given so is unbound: every organisation, every SDG, …


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: str
    description: str  # the param line's (English) text
    descriptions: tuple[tuple[str, str], ...] = ()  # (language, text) from param-sv / param-en lines

    def description_in(self, lang: str) -> str:
        found = dict(self.descriptions)
        return found.get(lang) or found.get("en") or self.description

    def short_form_base(self) -> str | None:
        """For an IRI parameter, the namespace its default lives in (``…/ref/sdg/`` for
        ``…/ref/sdg/5``), so ``sdg=13`` means ``…/ref/sdg/13`` and ``org=0480`` an organisation."""
        if self.type != "iri" or "/" not in self.default:
            return None
        return self.default.rsplit("/", 1)[0] + "/"

    def value(self, text: str) -> URIRef | Literal:
        """The text read as this parameter's type (an IRI parameter also takes the short form
        of an IRI in its default's namespace), or InputError when it is not one."""
        text = str(text).strip()
        base = self.short_form_base()
        if base and not binding.is_iri(text) and _SHORT_FORM.fullmatch(text):
            text = base + text
        value = _TERM_OF_TYPE.get(self.type, Literal)(text)
        if value is None:
            raise InputError(problem("queries.bad_value", value=text, name=self.name, type=self.type))
        return value

    def term(self, text: str) -> str:
        """The value as a SPARQL term, or InputError when it is not of this type."""
        return binding.term(self.value(text))


def _iri(text: str) -> URIRef | None:
    return URIRef(text) if binding.is_iri(text) else None


def _integer(text: str) -> Literal | None:
    return Literal(int(text)) if re.fullmatch(r"[+-]?\d{1,18}", text) else None


def _decimal(text: str) -> Literal | None:
    if not re.fullmatch(r"[+-]?(\d{1,18}(\.\d{0,18})?|\.\d{1,18})", text):
        return None
    return Literal(Decimal(text), datatype=XSD.decimal)


def _year(text: str) -> Literal | None:
    return Literal(text, datatype=XSD.gYear) if re.fullmatch(r"\d{4}", text) else None


def _date(text: str) -> Literal | None:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return None
    return Literal(text, datatype=XSD.date)


def _boolean(text: str) -> Literal | None:
    return Literal(text.lower() == "true") if text.lower() in ("true", "false") else None


# Each parameter type's reader: the RDF term for a valid text, None for an invalid one.
_TERM_OF_TYPE = {
    "iri": _iri, "integer": _integer, "decimal": _decimal, "year": _year, "date": _date,
    "boolean": _boolean, "string": Literal,
}


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: dict[str, str]
    question: dict[str, str]
    params: tuple[Parameter, ...]
    text: str
    path: Path | None = field(default=None, compare=False)

    @classmethod
    def from_file(cls, path: Path) -> NamedQuery:
        """Any .rq file; a library header is read when present but not required."""
        return parse_query_file(Path(path), strict=False)

    def param(self, name: str) -> Parameter:
        for parameter in self.params:
            if parameter.name == name:
                return parameter
        raise InputError(problem("queries.unknown_param", query=self.name, name=name,
                                 known=", ".join(p.name for p in self.params) or "-"))

    def bind(self, params: dict[str, str] | None = None) -> str:
        """The query text with the given parameter values in their VALUES blocks (every block of
        the parameter: a subquery may name it again); an IRI parameter given as ``all`` (or
        ``*``) is left unbound (``UNDEF``): every one."""
        text = self.text
        for name, value in (params or {}).items():
            parameter = self.param(name)
            if parameter.type == "iri" and str(value).strip().lower() in ALL_VALUES:
                block = f"VALUES ?{name} {{ UNDEF }}"
            else:
                block = binding.bind("VALUES ?" + name + " { $value }", value=parameter.value(value))
            text = _values_block(name).sub(lambda _m, block=block: block, text)
        return text

    def title_in(self, lang: str) -> str:
        return self.title.get(lang) or self.title["sv"]

    def question_in(self, lang: str) -> str:
        return self.question.get(lang) or self.question["sv"]


def _values_block(name: str) -> re.Pattern[str]:
    return re.compile(r"VALUES\s+\?" + re.escape(name) + r"\s*\{[^{}]*\}", re.I)


def parse_query_file(path: Path, strict: bool = True) -> NamedQuery:
    """A query file with its header; ``strict`` requires the titles and questions (the library)."""
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    params: list[Parameter] = []
    descriptions: dict[str, list[tuple[str, str]]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match.group(1), match.group(2).strip()
        if key == "param":
            pieces = value.split(None, 3)
            if len(pieces) < 3 or pieces[1] not in PARAM_TYPES or not _NAME.fullmatch(pieces[0]):
                raise InputError(problem("queries.bad_param_line", Location(file=str(path), line=number)))
            parameter = Parameter(pieces[0], pieces[1], pieces[2], pieces[3] if len(pieces) > 3 else "")
            if not _values_block(parameter.name).search(text):
                raise InputError(problem("queries.no_values_block", Location(file=str(path), line=number),
                                         name=parameter.name))
            params.append(parameter)
        elif key in ("param-sv", "param-en"):
            name, _, description = value.partition(" ")
            descriptions.setdefault(name, []).append((key[-2:], description.strip()))
        else:
            header[key] = value
    missing = [key for key in REQUIRED_KEYS if key not in header]
    if missing and not strict:
        for key in REQUIRED_KEYS:
            header.setdefault(key, path.stem if key.startswith("title") else "")
    elif missing:
        raise InputError(problem("queries.bad_header", Location(file=str(path), line=1), missing=", ".join(missing)))
    return NamedQuery(
        name=path.stem,
        title={"sv": header["title-sv"], "en": header["title-en"]},
        question={"sv": header["question-sv"], "en": header["question-en"]},
        params=tuple(dataclasses.replace(p, descriptions=tuple(descriptions.get(p.name, ()))) for p in params),
        text=text,
        path=path,
    )


class QueryLibrary:
    """The named queries of a folder, by name (the file stem)."""

    def __init__(self, queries: list[NamedQuery]):
        self.queries = {q.name: q for q in sorted(queries, key=lambda q: q.name)}

    def __iter__(self):
        return iter(self.queries.values())

    def __len__(self) -> int:
        return len(self.queries)

    def __contains__(self, name: object) -> bool:
        return name in self.queries

    def __getitem__(self, name: str) -> NamedQuery:
        return self.get(name)

    def names(self) -> list[str]:
        return list(self.queries)

    def get(self, name: str) -> NamedQuery:
        try:
            return self.queries[name]
        except KeyError:
            raise InputError(problem("queries.unknown_query", name=name, known=", ".join(self.queries))) from None


def load_library(folder: Path | None = None) -> QueryLibrary:
    folder = Path(folder) if folder else paths.QUERIES_DIR
    return QueryLibrary([parse_query_file(p) for p in sorted(folder.glob("*.rq"))])
