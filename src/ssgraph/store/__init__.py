"""The store layer: ``open_store`` picks a backend from the location.

- a directory (default: the user's data directory) → embedded Oxigraph;
- an ``http(s)://`` address → a remote SPARQL 1.1 service; its endpoint URLs and
  credentials come from the ``[store]`` table of the configuration file.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import platformdirs

from ssgraph.errors import ConfigurationError, Location, problem
from ssgraph.store.base import GraphInfo, RawResult, Store
from ssgraph.store.federation import FederationPolicy
from ssgraph.store.query_jobs import (
    ClientBusy,
    QueryJob,
    QueryRunner,
    QueryTimeout,
    ServiceBusy,
    TooManyRows,
)

__all__ = [
    "ClientBusy", "FederationPolicy", "GraphInfo", "QueryJob", "QueryRunner", "QueryTimeout", "RawResult",
    "ServiceBusy", "Store", "TooManyRows", "default_location", "generation_key", "is_remote",
    "open_query_runner", "open_store", "read_store_settings",
]



def default_location() -> Path:
    return Path(platformdirs.user_data_dir("ssgraph")) / "store"


def read_store_settings(config_file: str | os.PathLike | None) -> dict[str, object]:
    """The ``[store]`` table of a TOML configuration file, plus SSGRAPH_STORE_* variables."""
    settings: dict[str, object] = {}
    if config_file:
        path = Path(config_file)
        try:
            settings.update(tomllib.loads(path.read_text(encoding="utf-8")).get("store", {}))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise ConfigurationError(
                problem("config.unreadable", Location(file=str(path)), detail=str(error))
            ) from None
    for key in ("query_endpoint", "update_endpoint", "graph_store_endpoint", "username", "password", "auth",
                "token", "server"):
        value = os.environ.get(f"SSGRAPH_STORE_{key.upper()}")
        if value:
            settings[key] = value
    return settings


def is_remote(location: str | os.PathLike | None) -> bool:
    return bool(location) and str(location).startswith(("http://", "https://"))


def generation_key(location: str | os.PathLike) -> str:
    """Changes whenever the content of the store at ``location`` may have changed (for caches);
    a remote store has no such key and gives "remote"."""
    if is_remote(location):
        return "remote"
    from ssgraph.store.embedded import generation_key as embedded_key

    generation, stamp = embedded_key(Path(location).expanduser())
    return f"{generation}-{stamp}"


def open_query_runner(location: str | os.PathLike, settings: dict[str, object]) -> QueryRunner:
    """What answers queries within the time limit: worker processes over an embedded store
    (limits from the service ``settings``), the remote service itself over a remote one."""
    federation = FederationPolicy.from_settings(settings)
    if is_remote(location):
        from ssgraph.store.query_jobs import DirectRunner

        return DirectRunner(open_store(location, federation=federation))
    from ssgraph.store.worker_pool import WorkerPool, default_limits

    return WorkerPool(Path(location).expanduser(), default_limits(settings), federation)


def open_store(
    location: str | os.PathLike | None = None,
    config_file: str | os.PathLike | None = None,
    read_only: bool = False,
    federation: FederationPolicy | None = None,
) -> Store:
    """The store at ``location``; SERVICE and LOAD may reach what ``federation`` allows
    (default: the service_allow_list and load_allow_list settings)."""
    config_file = config_file or os.environ.get("SSGRAPH_CONFIG")
    settings = read_store_settings(config_file)
    if federation is None:
        from ssgraph.settings import load_settings

        federation = FederationPolicy.from_settings(load_settings(config_file=config_file))
    location = location or os.environ.get("SSGRAPH_STORE") or settings.get("location")
    if location is None:
        location = default_location()
    text = str(location)
    if text.startswith(("http://", "https://")):
        from ssgraph.store.remote import Endpoints, RemoteStore

        return RemoteStore(Endpoints.from_base(text, **settings), federation)
    from ssgraph.store.embedded import EmbeddedStore

    return EmbeddedStore(Path(text).expanduser(), read_only=read_only, federation=federation)
