"""Every corpus document is read as its expected extraction says (layouts, formats, links)."""

from __future__ import annotations

import re

import pytest
from extract_samples import CORPUS, corpus_documents, expected_of

from ssgraph.extracting.reading import extract, read_document


def fold(text: str) -> str:
    return re.sub(r"[^\wåäö]+", " ", text.casefold()).strip()


def test_the_corpus_has_every_layout_in_pdf_docx_and_html():
    documents = corpus_documents()
    assert len(documents) >= 15
    layouts = {expected_of(p)["layout"] for p in documents}
    assert {"numbered-headings", "bullets", "goal-table", "labelled-prose", "two-column", "bare-label",
            "web-page"} <= layouts
    assert {p.suffix for p in documents} == {".pdf", ".docx", ".html"}


def test_figures_on_the_corpus_meet_the_targets():
    expected_goals = found = matched = parent_ok = 0
    for path in corpus_documents():
        expected = expected_of(path)
        result = extract(path)
        wanted = {fold(g["text"]): g for g in expected["goals"]}
        by_text = {fold(g.text): g for g in result.goals}
        expected_goals += len(wanted)
        found += len(result.goals)
        for text, goal in by_text.items():
            if text in wanted:
                matched += 1
                parent = fold(goal.parent.text) if goal.parent else None
                want_parent = next((fold(g["text"]) for g in expected["goals"]
                                    if g["key"] == wanted[text]["parent"]), None)
                parent_ok += parent == want_parent
    assert matched / expected_goals >= 0.9, (matched, expected_goals)
    assert matched / found >= 0.95, (matched, found)
    assert parent_ok / matched >= 0.9


@pytest.mark.parametrize("path", corpus_documents(), ids=lambda p: p.name)
def test_metadata_of_the_front_matter(path):
    expected = expected_of(path)["metadata"]
    found = extract(path).metadata
    assert found.title == expected["title"]
    assert found.decided_by == expected["decided_by"]
    assert found.decision_date == expected["decision_date"]
    assert found.minute == expected["minute"]
    assert found.file_number == expected["file_number"]


def test_headers_footers_page_numbers_and_contents_are_never_goals():
    for path in corpus_documents(fmt="pdf"):
        texts = [b.text for b in read_document(path).blocks]
        assert not any(re.fullmatch(r"(Sida )?\d+( av \d+)?|– \d+ –", t) for t in texts), path.name
        assert "Innehåll" not in texts, path.name
        goals = [g.text for g in extract(path).goals]
        assert not any("...." in g or g.startswith("Innehåll") for g in goals), path.name


def test_a_goal_broken_across_a_page_break_is_read_whole():
    checked = 0
    for path in corpus_documents(layout="labelled-prose", fmt="pdf") + corpus_documents(layout="two-column"):
        joined = [b for b in read_document(path).blocks if b.joined]
        wanted = {fold(g["text"]) for g in expected_of(path)["goals"]}
        for block in joined:
            label_free = fold(re.sub(r"^\S+( \S+)? \d+(\.\d+)?:", "", block.text))
            if label_free in wanted:
                checked += 1
    assert checked >= 1


def test_two_column_pages_are_read_column_by_column():
    for path in corpus_documents(layout="two-column"):
        expected = [fold(g["text"]) for g in expected_of(path)["goals"]]
        found = [fold(g.text) for g in extract(path).goals]
        assert [t for t in found if t in expected] == [t for t in expected if t in found], path.name


def test_stated_links_are_read():
    linked = [p for p in corpus_documents() if any(g.get("sdg") or g.get("environmental")
                                                    for g in expected_of(p)["goals"])]
    assert linked
    for path in linked:
        wanted = {(fold(g["text"]), str(c)) for g in expected_of(path)["goals"] for c in g.get("sdg") or []}
        wanted |= {(fold(g["text"]), f"m{n}") for g in expected_of(path)["goals"] for n in g.get("environmental") or []}
        found = {(fold(g.text), c) for g in extract(path).goals for c in g.links.sdg}
        found |= {(fold(g.text), f"m{n}") for g in extract(path).goals for n in g.links.environmental}
        assert len(wanted & found) >= 0.8 * len(wanted), path.name


def test_indicator_tables_give_values_and_units():
    path = next(p for p in corpus_documents(layout="goal-table"))
    found = extract(path).indicators
    assert found and all(i.goal is not None for i in found)
    assert all(i.unit for i in found)
    assert all(i.target is not None and i.target.value for i in found)


def test_corpus_has_its_expectations():
    assert all((CORPUS / "expected" / f"{p.stem}.yaml").exists() for p in corpus_documents())
