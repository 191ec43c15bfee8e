"""A client for the Kolada API (v3; v2 base URLs work too, the paths and shape are the same).

Kolada answers ``{"values": [...], "count": N, "next_page": URL?, "previous_page": URL?}``
with at most 5000 items a page. The client asks for full pages, follows ``next_page``,
keeps every successful answer in a disk cache keyed by its URL, and retries politely
(exponential backoff, ``Retry-After`` honoured up to a bound) on 429, 5xx and connection
failures. Items are turned into small typed records; unknown fields are ignored.

Mapping the records to RDF is :mod:`ssgraph.importing.kolada_rdf`'s job.
"""

from __future__ import annotations

import email.utils
import os
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypeVar
from urllib.parse import urljoin

import requests

from ssgraph import __version__
from ssgraph.errors import InputError, SsgraphError, problem
from ssgraph.importing.kolada_cache import ResponseCache, default_cache_dir

DEFAULT_BASE_URL = "https://api.kolada.se/v3"
BASE_URL_ENV = "SSGRAPH_KOLADA_URL"
PER_PAGE = 5000
MAX_YEARS_PER_REQUEST = 25
MAX_IDS_PER_REQUEST = 25  # KPIs or municipalities in one URL, to keep URLs short
GENDERS = ("T", "K", "M")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
T = TypeVar("T")

KPI_ID = re.compile(r"^[A-Z]\d{5}$")
ORG_CODE = re.compile(r"^\d{4}$")
YEAR_RANGE = re.compile(r"^(\d{4})(?:\s*-\s*(\d{4}))?$")

UNREACHABLE = "kolada.unreachable"
GAVE_UP = "kolada.gave_up"
HTTP_ERROR = "kolada.http_error"
BAD_RESPONSE = "kolada.bad_response"
BAD_KPI = "kolada.bad_kpi_id"
BAD_ORG = "kolada.bad_org_code"
BAD_YEARS = "kolada.bad_years"
EMPTY_LIST = "kolada.empty_list"


class KoladaUnavailableError(SsgraphError):
    """Kolada could not be reached or kept failing; nothing was written."""

    exit_code = 3


class KoladaResponseError(SsgraphError):
    """Kolada answered, but with an error status or a body of the wrong shape."""


# -- records -------------------------------------------------------------------------


@dataclass(frozen=True)
class KpiMetadata:
    id: str
    title: str
    description: str | None = None
    operating_area: str | None = None
    unit: str | None = None
    municipality_type: str | None = None
    is_divided_by_gender: bool | None = None
    publication_date: str | None = None


@dataclass(frozen=True)
class KoladaValue:
    """One value of a KPI for a municipality (or region), a year and a gender."""

    kpi: str
    municipality: str
    period: int
    gender: str
    value: Decimal | None
    status: str | None = None
    count: int | None = None


# -- parsing of command-line lists ---------------------------------------------------


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def parse_kpi_ids(text: str) -> list[str]:
    ids = _split(text)
    if not ids:
        raise InputError(problem(EMPTY_LIST, option="--kpi"))
    bad = [problem(BAD_KPI, value=i) for i in ids if not KPI_ID.match(i)]
    if bad:
        raise InputError(bad)
    return list(dict.fromkeys(ids))


def parse_org_codes(text: str) -> list[str]:
    codes = _split(text)
    if not codes:
        raise InputError(problem(EMPTY_LIST, option="--org"))
    bad = [problem(BAD_ORG, value=c) for c in codes if not ORG_CODE.match(c)]
    if bad:
        raise InputError(bad)
    return list(dict.fromkeys(codes))


def parse_years(text: str) -> list[int]:
    """``2015-2024``, ``2018,2020`` or a mix; returns sorted distinct years."""
    years: set[int] = set()
    parts = _split(text)
    if not parts:
        raise InputError(problem(EMPTY_LIST, option="--years"))
    for part in parts:
        match = YEAR_RANGE.match(part)
        if not match:
            raise InputError(problem(BAD_YEARS, value=part))
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if last < first or not 1900 <= first <= 2200 or not 1900 <= last <= 2200:
            raise InputError(problem(BAD_YEARS, value=part))
        years.update(range(first, last + 1))
    return sorted(years)


def chunks(items: Sequence, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


# -- the client ----------------------------------------------------------------------


def retry_after_seconds(header: str | None) -> float | None:
    """The wait a ``Retry-After`` header asks for (seconds or an HTTP date), if readable."""
    if not header:
        return None
    header = header.strip()
    if header.isdigit():
        return float(header)
    try:
        when = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class KoladaClient:
    """Fetches KPI metadata and values, page by page, through the cache."""

    def __init__(
        self,
        base_url: str | None = None,
        cache_dir: Path | str | None = None,
        refresh: bool = False,
        max_attempts: int = 4,
        backoff: float = 1.0,
        max_wait: float = 30.0,
        timeout: float = 60.0,
        session: requests.Session | None = None,
    ):
        self.base_url = (base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")
        self.cache = ResponseCache(Path(cache_dir) if cache_dir else default_cache_dir())
        self.refresh = refresh
        self.max_attempts = max(1, max_attempts)
        self.backoff = backoff
        self.max_wait = max_wait
        self.timeout = timeout
        self.session = session or requests.Session()
        self.session.headers.setdefault("Accept", "application/json")
        self.session.headers["User-Agent"] = f"ssgraph/{__version__} (Kolada import)"
        self.requests_sent = 0
        self.cache_hits = 0

    # public ------------------------------------------------------------------------

    def kpis(self, ids: Sequence[str]) -> list[KpiMetadata]:
        result: list[KpiMetadata] = []
        for group in chunks(list(ids), MAX_IDS_PER_REQUEST):
            url = self._url(f"/kpi/{','.join(group)}")
            result.extend(self.records(url, lambda item, page: [_kpi_from_item(item, page)]))
        return result

    def data(
        self, kpis: Sequence[str], municipalities: Sequence[str], years: Sequence[int]
    ) -> list[KoladaValue]:
        result: list[KoladaValue] = []
        for kpi_group in chunks(list(kpis), MAX_IDS_PER_REQUEST):
            for org_group in chunks(list(municipalities), MAX_IDS_PER_REQUEST):
                for year_group in chunks(sorted(years), MAX_YEARS_PER_REQUEST):
                    url = self._url(
                        f"/data/kpi/{','.join(kpi_group)}"
                        f"/municipality/{','.join(org_group)}"
                        f"/year/{','.join(str(y) for y in year_group)}"
                    )
                    result.extend(self.records(url, _values_from_item))
        return result

    def records(self, url: str, parse: Callable[[dict, str], list[T]]) -> list[T]:
        """Every page's items turned into records by ``parse(item, page_url)``, starting at
        ``url`` and following ``next_page``. A page is cached only once it parsed cleanly."""
        result: list[T] = []
        seen: set[str] = set()
        next_url: str | None = url
        while next_url and next_url not in seen:
            seen.add(next_url)
            body, fresh = self._page(next_url)
            items = body.get("values")
            if not isinstance(items, list):
                raise KoladaResponseError(
                    problem(BAD_RESPONSE, url=next_url, reason="no list under 'values'")
                )
            for item in items:
                if not isinstance(item, dict):
                    raise KoladaResponseError(
                        problem(BAD_RESPONSE, url=next_url, reason="an item is not an object")
                    )
                result.extend(parse(item, next_url))
            if fresh:
                self.cache.put(next_url, body)
            following = body.get("next_page")
            next_url = urljoin(next_url, following) if following else None
        return result

    def _page(self, url: str) -> tuple[dict, bool]:
        """The decoded answer for ``url`` and whether it came from Kolada (not the cache)."""
        if not self.refresh:
            cached = self.cache.get(url)
            if cached is not None:
                self.cache_hits += 1
                return cached, False
        return self._fetch(url), True

    # internals ---------------------------------------------------------------------

    def _url(self, path: str) -> str:
        prepared = requests.Request(
            "GET", self.base_url + path, params={"per_page": PER_PAGE}
        ).prepare()
        return prepared.url or self.base_url + path

    def _fetch(self, url: str) -> dict:
        attempt = 0
        while True:
            attempt += 1
            wait = self.backoff * 2 ** (attempt - 1)
            try:
                self.requests_sent += 1
                response = self.session.get(url, timeout=self.timeout)
            except (requests.ConnectionError, requests.Timeout) as exc:
                if attempt >= self.max_attempts:
                    raise KoladaUnavailableError(
                        problem(UNREACHABLE, url=url, reason=_reason(exc))
                    ) from exc
            else:
                if response.status_code in RETRY_STATUSES:
                    if attempt >= self.max_attempts:
                        raise KoladaUnavailableError(
                            problem(GAVE_UP, url=url, status=response.status_code, attempts=attempt)
                        )
                    asked = retry_after_seconds(response.headers.get("Retry-After"))
                    if asked is not None:
                        wait = asked
                elif response.status_code != 200:
                    raise KoladaResponseError(
                        problem(HTTP_ERROR, url=url, status=response.status_code)
                    )
                else:
                    return _decode(response, url)
            time.sleep(min(wait, self.max_wait))


def _reason(exc: Exception) -> str:
    if isinstance(exc, requests.Timeout):
        return "timeout"
    text = str(exc)
    for marker in ("Connection refused", "Name or service not known", "Temporary failure"):
        if marker in text:
            return marker
    return type(exc).__name__


def _decode(response: requests.Response, url: str) -> dict:
    try:
        body = response.json()
    except ValueError as exc:
        reason = f"not JSON ({exc})"
        raise KoladaResponseError(problem(BAD_RESPONSE, url=url, reason=reason)) from exc
    if not isinstance(body, dict):
        raise KoladaResponseError(problem(BAD_RESPONSE, url=url, reason="not a JSON object"))
    return body


def _text(item: dict, key: str) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _kpi_from_item(item: dict, url: str) -> KpiMetadata:
    kpi_id = _text(item, "id")
    if not kpi_id:
        raise KoladaResponseError(problem(BAD_RESPONSE, url=url, reason="a KPI without 'id'"))
    gender = item.get("is_divided_by_gender")
    return KpiMetadata(
        id=kpi_id,
        title=_text(item, "title") or kpi_id,
        description=_text(item, "description"),
        operating_area=_text(item, "operating_area"),
        unit=_text(item, "unit"),
        municipality_type=_text(item, "municipality_type"),
        is_divided_by_gender=None if gender is None else bool(gender),
        publication_date=_text(item, "publication_date"),
    )


def _values_from_item(item: dict, url: str) -> list[KoladaValue]:
    def bad(reason: str) -> KoladaResponseError:
        return KoladaResponseError(problem(BAD_RESPONSE, url=url, reason=reason))

    kpi, municipality = _text(item, "kpi"), _text(item, "municipality")
    if not kpi or not municipality:
        raise bad("a data item without 'kpi' or 'municipality'")
    try:
        period = int(str(item.get("period")))
    except ValueError:
        raise bad(f"period {item.get('period')!r} of {kpi}/{municipality} is not a year") from None
    entries = item.get("values")
    if not isinstance(entries, list):
        raise bad(f"no 'values' list for {kpi}/{municipality}/{period}")
    result: list[KoladaValue] = []
    for entry in entries:
        gender = entry.get("gender") if isinstance(entry, dict) else None
        if gender not in GENDERS:
            raise bad(f"gender {gender!r} of {kpi}/{municipality}/{period} is not T, K or M")
        raw = entry.get("value")
        try:
            value = None if raw is None else Decimal(str(raw))
        except InvalidOperation:
            raise bad(f"value {raw!r} of {kpi}/{municipality}/{period}/{gender}") from None
        if value is not None and not value.is_finite():
            raise bad(f"value {raw!r} of {kpi}/{municipality}/{period}/{gender}")
        count = entry.get("count")
        result.append(
            KoladaValue(
                kpi=kpi,
                municipality=municipality,
                period=period,
                gender=gender,
                value=value,
                status=_text(entry, "status"),
                count=count if isinstance(count, int) else None,
            )
        )
    return result
