"""Service settings, declared once: defaults, SSGRAPH_* environment, TOML config file.

``SETTINGS`` drives everything else: :func:`load_settings` reads defaults, then the config
file (path from ``SSGRAPH_CONFIG`` or the argument), then ``SSGRAPH_<NAME>`` environment
variables, then an explicit mapping (tests, ``create_app(config)``); ``ssgraph serve
--help-settings`` prints :func:`describe`.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ssgraph.errors import ConfigurationError, Location, problem


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env_var(self) -> str:
        return "SSGRAPH_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("store", None, "Store directory (embedded Oxigraph) or http(s):// SPARQL endpoint; "
            "empty means the user's default store."),
    Setting("update_token", "", "Bearer token that enables /update and /graphs; empty disables writing."),
    Setting("query_time_limit", 30.0, "Seconds a query may run before it is stopped."),
    Setting("max_request_bytes", 1_000_000, "Largest accepted request body (bytes)."),
    Setting("max_result_rows", 100_000, "Most rows a SELECT may return; larger results are refused."),
    Setting("query_workers", 4, "Query worker processes per web process for quick queries (each can be "
            "stopped at the time limit)."),
    Setting("heavy_query_after", 0.25, "Seconds after which a running query counts as demanding."),
    Setting("heavy_query_slots", 0, "Demanding queries running at once per web process; 0: half the CPU cores "
            "(at least 1). More wait in a queue."),
    Setting("heavy_query_queue", 16, "Demanding queries that may wait for a slot per web process; more get 503 "
            "with Retry-After."),
    Setting("heavy_queries_per_client", 4, "Demanding queries (running or waiting) one client address may have "
            "per web process; more get 429 with Retry-After."),
    Setting("worker_memory_mb", 2048, "Address-space limit of each query worker process (MB); 0 = none."),
    Setting("web_threads", 8, "Threads per web process for pages and other requests that are not SPARQL queries."),
    Setting("request_header_timeout", 10.0, "Seconds a client may take to send the request line and headers."),
    Setting("request_body_timeout", 30.0, "Seconds a client may take to send the request body."),
    Setting("requests_per_client", 64, "Requests one client address may have in progress per web process "
            "(including ones still sending their body); more get 429."),
    Setting("service_allow_list", (), "SPARQL endpoints SERVICE may call (exact IRIs or prefixes "
            "ending in '/'); none by default."),
    Setting("load_allow_list", (), "URL prefixes LOAD may read from (http/https only); none by default."),
    Setting("instance_base", "https://w3id.org/ssgraph/id/", "Base IRI of instance resources."),
    Setting("public_base_url", "", "Public URL of this service (e.g. http://localhost:8000/); "
            "/id/... paths map to instance IRIs. Empty: the request's own host."),
    Setting("label_languages", ("sv", "en"), "Label language fallback order."),
    Setting("cors_origin", "*", "Access-Control-Allow-Origin on read endpoints."),
    Setting("dump_cache_dir", "", "Where generated dumps are cached; empty: a folder in the "
            "user's cache directory."),
    Setting("publisher_name", "ssgraph", "Publisher named in the DCAT catalogue."),
    Setting("contact_email", "ssgraph@example.org", "Contact point e-mail in the DCAT catalogue."),
    Setting("licence", "https://creativecommons.org/licenses/by/4.0/", "Licence IRI of the published data."),
    Setting("log_format", "text", "Format of the access and error logs: text, or json (one object per line)."),
    Setting("log_level", "info", "Lowest level logged: debug, info, warning or error."),
)
BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, value: Any) -> Any:
    default = setting.default
    expected = type(default).__name__ if default is not None else "text"
    try:
        if isinstance(default, bool):
            if isinstance(value, str):
                return value.strip().lower() in ("1", "true", "yes", "on")
            return bool(value)
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        if isinstance(default, tuple):
            if isinstance(value, str):
                return tuple(v.strip() for v in value.split(",") if v.strip())
            return tuple(str(v) for v in value)
        if value is None:
            return None
        return str(value)
    except (TypeError, ValueError):
        raise ConfigurationError(
            problem("settings.bad_value", name=setting.name, value=value, expected=expected)
        ) from None


def _read_config_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigurationError(
            problem("settings.bad_file", Location(file=str(path)), detail=str(error))
        ) from None
    # accept both a flat file and a [web] / [ssgraph] table
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict) and key in ("ssgraph", "web"):
            flat.update(value)
        elif isinstance(value, dict) and key == "store":
            # the store layer's own table; only its location is a service setting
            if "location" in value:
                flat["store"] = value["location"]
        else:
            flat[key] = value
    return flat


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    config_file: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Settings from defaults → config file → SSGRAPH_* env → ``overrides``."""
    env = os.environ if environ is None else environ
    values = {s.name: s.default for s in SETTINGS}
    path = config_file or env.get("SSGRAPH_CONFIG")
    layers: list[Mapping[str, Any]] = []
    if path:
        layers.append(_read_config_file(Path(path)))
    layers.append({s.name: env[s.env_var] for s in SETTINGS if s.env_var in env})
    if overrides:
        layers.append(overrides)
    for layer in layers:
        for name, value in layer.items():
            setting = BY_NAME.get(name)
            if setting is None:
                raise ConfigurationError(
                    problem("settings.unknown", name=name, known=", ".join(BY_NAME))
                )
            values[name] = _coerce(setting, value)
    return values


def describe() -> str:
    """Text for ``--help-settings``: every setting, its variable and default."""
    lines = []
    for s in SETTINGS:
        default = ",".join(s.default) if isinstance(s.default, tuple) else s.default
        lines.append(f"{s.name}  (env {s.env_var}; default: {default!r})\n    {s.help}")
    return "\n".join(lines)
