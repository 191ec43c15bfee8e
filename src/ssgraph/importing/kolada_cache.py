"""The disk cache of Kolada answers: one JSON file per URL, written atomically.

Entries do not expire; ``ssgraph kolada --refresh`` asks Kolada again and overwrites them.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from ssgraph.owned_files import owned_directory, write_text_atomically


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("ssgraph")) / "kolada"


class ResponseCache:
    """Decoded JSON bodies of successful answers, one file per URL."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def _path(self, url: str) -> Path:
        return self.directory / (hashlib.sha256(url.encode("utf-8")).hexdigest() + ".json")

    def get(self, url: str) -> dict | None:
        path = self._path(url)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # missing or damaged entries are simply fetched again
        if entry.get("url") != url:
            return None
        return entry.get("body")

    def put(self, url: str, body: dict) -> None:
        entry = {
            "url": url,
            "fetched": datetime.now(UTC).isoformat(timespec="seconds"),
            "body": body,
        }
        owned_directory(self.directory, "--cache-dir")
        write_text_atomically(self._path(url), json.dumps(entry, ensure_ascii=False))
