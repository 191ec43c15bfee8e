"""ssgraph: knowledge graph and ontology service for sustainability governance (SS 854000)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ssgraph")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
