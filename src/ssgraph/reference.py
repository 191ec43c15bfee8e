"""The reference vocabularies: their named graphs and the code lookups importers need.

Everything here is read from the committed files in ``data/reference/`` (built by
``scripts/build_reference.py``), never from the public source folder. Lookups are parsed
once with Oxigraph's Turtle parser (``store.rdf_files``) and cached.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import NamedTuple

from rdflib import Literal, URIRef

from ssgraph.namespaces import SSG, SSGGRAPH, SSGID, SSGREF
from ssgraph.paths import REFERENCE_DIR
from ssgraph.store.rdf_files import triples_of_file

REFERENCE_FILES: dict[str, str] = {
    "sdg": "sdg.ttl",
    "miljomal": "miljomal.ttl",
    "folkhalsa": "folkhalsa.ttl",
    "grona-nyckeltal": "grona-nyckeltal.ttl",
    "organisations": "organisations.ttl",
    "standard": "standard.ttl",
}

REFERENCE_GRAPHS: dict[URIRef, Path] = {
    SSGGRAPH[f"reference/{name}"]: REFERENCE_DIR / file for name, file in REFERENCE_FILES.items()
}

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_NOTATION = _SKOS + "notation"
_PREF_LABEL = _SKOS + "prefLabel"


class Entry(NamedTuple):
    """What the lookups keep of one resource: its classes, notation and preferred labels."""

    types: frozenset[str]
    notation: str | None
    labels: dict[str, str]  # language tag -> preferred label


class OrganisationEntry(NamedTuple):
    label: str  # Swedish preferred label (short name), e.g. "Nyköping"
    kind: URIRef  # ssg:Municipality or ssg:Region


@functools.cache
def _entries(name: str) -> dict[str, Entry]:
    """Subject IRI -> Entry for one reference file."""
    types: dict[str, set[str]] = {}
    notations: dict[str, str] = {}
    labels: dict[str, dict[str, str]] = {}
    path = REFERENCE_DIR / REFERENCE_FILES[name]
    for subject, predicate_term, obj in triples_of_file(path, "turtle"):
        if not isinstance(subject, URIRef):
            continue
        predicate = str(predicate_term)
        if predicate == _RDF_TYPE:
            types.setdefault(str(subject), set()).add(str(obj))
        elif predicate == _NOTATION:
            notations[str(subject)] = str(obj)
        elif predicate == _PREF_LABEL and isinstance(obj, Literal):
            labels.setdefault(str(subject), {})[obj.language or ""] = str(obj)
    return {
        iri: Entry(frozenset(classes), notations.get(iri), labels.get(iri, {}))
        for iri, classes in types.items()
    }


def _notations(name: str, cls: URIRef) -> frozenset[str]:
    return frozenset(e.notation for e in _entries(name).values()
                     if str(cls) in e.types and e.notation is not None)


@functools.cache
def sdg_goal_codes() -> frozenset[str]:
    """The 17 goal codes, "1" to "17"."""
    return _notations("sdg", SSG.SDGGoal)


@functools.cache
def sdg_target_codes() -> frozenset[str]:
    """The 169 target codes, e.g. "11.6" and "1.a"."""
    return _notations("sdg", SSG.SDGTarget)


@functools.cache
def sdg_indicator_codes() -> frozenset[str]:
    """The indicator codes as listed under each target, e.g. "11.6.1"."""
    return _notations("sdg", SSG.SDGIndicator)


@functools.cache
def environmental_objective_numbers() -> frozenset[int]:
    """1-16 for the environmental quality objectives and 0 for the generational goal."""
    return frozenset(int(n) for n in _notations("miljomal", SSG.EnvironmentalObjective)
                     | _notations("miljomal", SSG.GenerationalGoal))


@functools.cache
def public_health_area_numbers() -> frozenset[int]:
    """The 8 target areas of Swedish public health policy, 1-8."""
    return frozenset(int(n) for n in _notations("folkhalsa", SSG.PublicHealthArea))


@functools.cache
def green_key_indicator_codes() -> frozenset[str]:
    """"GN.1" to "GN.12" (Sveriges Ekokommuner, 2012 revision)."""
    return _notations("grona-nyckeltal", SSG.GreenKeyIndicator)


@functools.cache
def organisation_codes(include_former: bool = False) -> dict[str, OrganisationEntry]:
    """Code -> (Swedish label, class) for the 290 municipalities and 21 regions; with
    ``include_former`` also the organisations that no longer exist (LL18 Örebro läns landsting,
    RF18 Regionförbundet Örebro län: the project's codes, letters + county code, never digits)."""
    result = {}
    for entry in _entries("organisations").values():
        for kind in (SSG.Municipality, SSG.Region, SSG.RegionalAssociation):
            if str(kind) in entry.types and entry.notation is not None and (
                    include_former or entry.notation.isdigit()):
                result[entry.notation] = OrganisationEntry(entry.labels.get("sv", ""), kind)
    return dict(sorted(result.items()))


@functools.cache
def county_codes() -> dict[str, str]:
    """Two-digit county code -> Swedish name, e.g. "04" -> "Södermanlands län"."""
    return dict(sorted(
        (e.notation, e.labels.get("sv", "")) for e in _entries("organisations").values()
        if str(SSG.County) in e.types and e.notation is not None
    ))


def _known(code, known, what: str):
    if code not in known:
        raise KeyError(f"unknown {what}: {code!r}")
    return code


def _number(value: str | int, what: str) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise KeyError(f"unknown {what}: {value!r}") from None


def sdg_iri(code: str | int) -> URIRef:
    """The concept IRI of an SDG goal, target or indicator code: "11.6" -> ssgref:sdg/11.6."""
    text = str(code).strip().lower()
    known = sdg_goal_codes() | sdg_target_codes() | sdg_indicator_codes()
    return SSGREF[f"sdg/{_known(text, known, 'SDG code')}"]


def environmental_objective_iri(number: str | int) -> URIRef:
    """ssgref:miljomal/{n}; 0 is the generational goal."""
    value = _number(number, "environmental objective")
    _known(value, environmental_objective_numbers(), "environmental objective")
    return SSGREF[f"miljomal/{value}"]


def public_health_area_iri(number: str | int) -> URIRef:
    value = _number(number, "public health target area")
    _known(value, public_health_area_numbers(), "public health target area")
    return SSGREF[f"folkhalsa/{value}"]


def green_key_indicator_iri(code: str) -> URIRef:
    text = _known(str(code).strip().upper(), green_key_indicator_codes(), "green key indicator")
    return SSGREF[f"grona-nyckeltal/{text}"]


def organisation_iri(code: str) -> URIRef:
    """ssgid:org/{code} for a municipality ("0480") or a region ("0018")."""
    text = str(code).strip()
    return SSGID[f"org/{_known(text, organisation_codes(), 'organisation code')}"]


def county_iri(code: str) -> URIRef:
    text = str(code).strip()
    return SSGID[f"county/{_known(text, county_codes(), 'county code')}"]


def standard_iri(slug: str) -> URIRef:
    """ssgref:ss854000/{slug} for a concept of the standard, e.g. "plan"."""
    iri = SSGREF[f"ss854000/{slug.strip()}"]
    _known(str(iri), _entries("standard"), "SS 854000 concept")
    return iri


def concepts_of_class(cls: URIRef) -> dict[URIRef, Entry]:
    """All reference resources of a class, e.g. ssg:FulfilmentStatus, by IRI."""
    return {URIRef(iri): entry for name in REFERENCE_FILES
            for iri, entry in _entries(name).items() if str(cls) in entry.types}


def preferred_label(iri: URIRef | str, lang: str = "sv") -> str | None:
    """The preferred label of a reference resource in ``lang``, else any language."""
    for name in REFERENCE_FILES:
        entry = _entries(name).get(str(iri))
        if entry is not None:
            return entry.labels.get(lang) or next(iter(sorted(entry.labels.values())), None)
    return None
