"""The organisations whose goal structures are in the store, as people pick them: by name."""

from __future__ import annotations

from dataclasses import dataclass

from ssgraph import versions
from ssgraph.analysis.state_cache import per_state
from ssgraph.analysis.versions import StructureVersion, as_structures
from ssgraph.errors import InputError, problem

UNKNOWN_ORGANISATION = "analysis.unknown_organisation"


@dataclass(frozen=True)
class Organisation:
    code: str
    label: str  # the organisation's name (the code when the data has none)
    iri: str
    graph: str  # the current goal-structure graph
    version: str  # the current version's label, e.g. "Mål och budget 2024"
    illustrative: bool  # example data, not an official statement of the organisation

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def organisations(store) -> list[Organisation]:
    """Every organisation with a current goal structure, sorted by name; read once per state of
    the store when the store says what state it is in (every page asks for the list)."""
    return list(per_state(store, "organisations", lambda: _read_organisations(store)))


def _read_organisations(store) -> list[Organisation]:
    current = list(versions.current_versions(store, versions.all_versions(store)).values())
    found = {}
    for structure, version in zip(as_structures(store, current), current, strict=True):
        found[structure.code] = Organisation(structure.code, structure.label or structure.code, structure.org_iri,
                                             structure.graph, version.label, version.illustrative)
    return sorted(found.values(), key=lambda o: (o.label.casefold(), o.code))


@dataclass(frozen=True)
class Structure:
    """One version of one organisation's goal structure, as a command names it (``ORG@VERSION``,
    or ``ORG`` for the current version)."""

    organisation: Organisation
    version: versions.Version

    @property
    def code(self) -> str:
        return self.organisation.code

    @property
    def key(self) -> str:
        return self.version.key

    @property
    def illustrative(self) -> bool:
        return self.version.illustrative

    def analysed(self, store) -> list[StructureVersion]:
        """What the goal graph is built from: exactly this version."""
        return as_structures(store, [self.version])


def resolve_structure(store, text: str, known: list[Organisation] | None = None,
                      all_versions: list[versions.Version] | None = None) -> Structure:
    """``ORG@VERSION`` (by label, slug, year or a unique part of the label) or ``ORG`` (its
    current version); ORG by code, IRI or name as in :func:`resolve_organisation`."""
    org_text, version_text = versions.split_org_version(text)
    organisation = resolve_organisation(store, org_text, known)
    version = versions.resolve(store, organisation.code, version_text, all_versions)
    return Structure(organisation, version)


def _normalised(text: str) -> str:
    """A municipality code that lost its leading zero ("480") is unambiguous; a one- or two-digit
    code is never padded into another organisation's code ("18" is not Region Örebro län 0018)."""
    text = text.strip()
    return text.zfill(4) if text.isdigit() and len(text) == 3 else text


def resolve_organisation(store, text: str, known: list[Organisation] | None = None) -> Organisation:
    """An organisation by code ("0480", "480"), IRI or name ("Nyköpings kommun", any case)."""
    known = known if known is not None else organisations(store)
    wanted = _normalised(text)
    for organisation in known:
        if wanted in (organisation.code, organisation.iri):
            return organisation
    folded = wanted.casefold()
    named = [o for o in known if o.label.casefold() == folded]
    if not named:  # a unique part of a name, e.g. "Nyköping"
        named = [o for o in known if folded and folded in o.label.casefold()]
    if len(named) == 1:
        return named[0]
    raise InputError(problem(UNKNOWN_ORGANISATION, code=text,
                             known=", ".join(f"{o.code} {o.label}" for o in known) or "–"))
