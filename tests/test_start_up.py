"""A command starts without importing what it does not use: ``ssgraph.services`` imports each
service module when one of its names is first used (the analyses bring networkx, the language
tools and validation; search its stemmers), and the names stay what they were."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("networkx", "simplemma", "pyshacl", "ssgraph.search", "ssgraph.analysis.goal_graph")


def imported_after(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    return done.stdout.split()


def test_the_cli_and_the_cycle_service_import_no_analysis():
    assert imported_after("from ssgraph.cli import cli\nfrom ssgraph import services\nservices.cycle_status") == []


def test_a_service_is_imported_when_first_used():
    assert "networkx" in imported_after("from ssgraph import services\nservices.compare")
    assert "ssgraph.search" in imported_after("from ssgraph.services import search")


def test_functions_named_as_their_modules_stay_functions():
    import ssgraph.services.organisations  # noqa: F401  (a module of the same name, imported as such)
    import ssgraph.services.search  # noqa: F401
    from ssgraph import services

    assert callable(services.search) and services.search.__name__ == "search"
    assert callable(services.organisations) and services.organisations.__name__ == "organisations"
    assert all(hasattr(services, name) for name in services.__all__)
