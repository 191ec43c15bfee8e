"""Search as a service: the query and its filters checked, the index asked, the hits named."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ssgraph import search as search_index
from ssgraph.errors import InputError, problem
from ssgraph.search.analyser import kind_readings
from ssgraph.search.index import Hit

MAX_LIMIT = 200
SDG_NUMBERS = [str(n) for n in range(1, 18)]


@dataclass
class SearchOutcome:
    query: str
    hits: list[Hit]
    total: int
    kinds: list[str]
    orgs: list[str]
    sdgs: list[str]
    limit: int
    offset: int
    org_names: dict[str, str] = field(default_factory=dict)
    total_exact: bool = True  # False: there are more than ``total`` hits (counted up to a bound)
    # words of the query read as types too ("mål" → goal, objective, sdg, sdg-goal)
    read_as_types: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    @property
    def more(self) -> bool:
        """Whether hits follow this page."""
        return self.offset + self.limit < self.total or not self.total_exact

    def to_dict(self) -> dict:
        return {
            "query": self.query, "total": self.total, "total_exact": self.total_exact, "limit": self.limit,
            "offset": self.offset,
            "filters": {"type": self.kinds, "org": self.orgs, "sdg": self.sdgs},
            "read_as_type": [{"word": word, "types": list(types)} for word, types in self.read_as_types],
            "hits": [dict(h.to_dict(), org_name=self.org_names.get(h.org, "")) for h in self.hits],
        }


def _checked(kinds: Sequence[str], sdgs: Sequence[str]) -> None:
    for kind in kinds:
        if kind not in search_index.KINDS:
            raise InputError(problem("find.unknown_type", value=kind, known=", ".join(search_index.KINDS)))
    for number in sdgs:
        if number not in SDG_NUMBERS:
            raise InputError(problem("find.unknown_sdg", value=number))


def search(store, location: str | Path | None, query: str, *, kinds: Sequence[str] = (), orgs: Sequence[str] = (),
           sdgs: Sequence[str] = (), lang: str = "sv", limit: int = 20, offset: int = 0,
           all_versions: bool = False) -> SearchOutcome:
    """Goals, indicators, organisations, steering documents, SDGs and environmental objectives
    matching ``query``, best first; ``store`` is read only to build an index that is missing."""
    kinds, orgs = list(kinds), [o.strip() for o in orgs if o.strip()]
    sdgs = [s.strip().lstrip("0") for s in sdgs if s.strip()]
    _checked(kinds, sdgs)
    limit = max(1, min(int(limit), MAX_LIMIT))
    location = location if location is not None else search_index.location_of(store)
    hits, total, exact = search_index.search(store, location, query, kinds=kinds, orgs=orgs, sdgs=sdgs, lang=lang,
                                      archived=all_versions, limit=limit, offset=max(0, int(offset)))
    index = search_index.index_for(location)
    try:
        names = index.names("organisation", [h.org for h in hits if h.org] + orgs, lang)
    finally:
        index.close()
    return SearchOutcome(query, hits, total, kinds, orgs, sdgs, limit, max(0, int(offset)), names, exact,
                         kind_readings(query))


def prepare_search() -> None:
    """Load what a search query needs (dictionaries), e.g. while a service starts."""
    from ssgraph.search.analyser import prepare

    prepare()


def search_sdgs() -> list[str]:
    """The SDG numbers a search can be limited to."""
    return list(SDG_NUMBERS)


def search_index_ready(store) -> bool:
    """Whether the search index of a store is built (else the first search builds it)."""
    return search_index.is_built(store)


def rebuild_index(store) -> dict[str, int]:
    """Build the search index of a store again from its content; documents per kind."""
    return search_index.rebuild(store)
