"""SHACL validation of SS 854000 governance data (see docs/validation.md)."""

from ssgraph.validation.findings import Finding
from ssgraph.validation.run import (
    OrganisationReport,
    ValidationJob,
    ValidationOptions,
    validate_graph,
    validate_jobs,
)

__all__ = [
    "Finding",
    "OrganisationReport",
    "ValidationJob",
    "ValidationOptions",
    "validate_graph",
    "validate_jobs",
]
