"""The workbook's levels are the import model's: goal areas, and the document's own term
kept as source_term (singular, as a level's name)."""

from __future__ import annotations

import pytest
from extract_samples import CORPUS

from ssgraph.extracting import terms
from ssgraph.extracting.reading import extract
from ssgraph.extracting.writer import level_slug, model_rows


@pytest.mark.parametrize(("level", "term", "slug"), [
    (terms.AREA, "målområden", "goal-area"),
    (terms.AREA, "prioriterade områden", "goal-area"),
    (terms.AREA, "", "goal-area"),
    (terms.OVERARCHING, "effektmål", "overarching"),
    (terms.COMMITTEE, "nämndmål", "committee"),
    (terms.SUB, "verksamhetsmål", "operational"),
    (terms.SUB, "delmål", "sub-goal"),
    (terms.SUB, "etappmål", "sub-goal"),
])
def test_level_from_the_documents_term(level, term, slug):
    assert level_slug(level, term) == slug


def test_area_headings_are_goal_areas_with_their_own_term():
    rows = model_rows(extract(CORPUS / "05-bullets-0182.pdf"), "0182")["goals"]
    areas = [row for row in rows if row["level"] == "goal-area"]
    assert areas and all(row["source_term"] == "målområde" for row in areas)
    assert all("parent" not in row for row in areas)
    committee = [row for row in rows if row["level"] == "committee"]
    assert committee and all(row["source_term"] == "nämndmål" for row in committee)
