"""SHACL validation of SS 854000 governance data (see docs/validation.md)."""

from ssgraph.validation.findings import Finding
from ssgraph.validation.import_check import check_import
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
    "check_import",
    "validate_graph",
    "validate_jobs",
]
