"""The linked-data pages of the real goal structures say whose public document each goal is
quoted from (title, publisher, URL), for the current version and for archived ones."""

from __future__ import annotations

import re
import shutil

import pytest


@pytest.fixture(scope="module")
def real_client(example_store_dir, tmp_path_factory):
    from ssgraph.web import create_app

    directory = tmp_path_factory.mktemp("real-pages") / "store"
    shutil.copytree(example_store_dir, directory)  # data/realdata is part of the example store
    application = create_app({"store": str(directory), "query_workers": 1})
    yield application.test_client()
    application.extensions["ssgraph"].close()


def _provenance(client, path: str, lang: str = "sv") -> tuple[str, str]:
    response = client.get(f"{path}?lang={lang}", headers={"Accept": "text/html"})
    assert response.status_code == 200, path
    html = response.get_data(as_text=True)
    title = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    return title, re.search(r'<ul class="provenance">(.*?)</ul>', html, re.S).group(1)


def test_current_goal_page_names_the_document_publisher_and_url(real_client):
    title, provenance = _provenance(real_client, "/id/org/0018/goal/D.e5")
    assert title.startswith("Länets invånare och de som verkar i Örebro län")
    assert "Citerat ur" in provenance and "utgivare: Region Örebro län (web publication)" in provenance
    assert 'href="https://publ.ljungbergs.se/publ/22204710_Verksamhetsplan_2023/26/"' in provenance
    assert "gällande version" in provenance


def test_archived_goal_page_is_described_from_its_own_version(real_client):
    title, provenance = _provenance(real_client, "/id/org/0018/goal/A.m1", "en")
    assert title == "Stark konkurrenskraft"
    assert "Quoted from" in provenance and "publisher: Socialdemokraterna i Örebro län" in provenance
    assert "secondary source" in provenance and "archived version" in provenance
    assert "A_RUS_2018_2030.yaml" in provenance  # the imported file and row, too


def test_indicator_page_is_quoted_too(real_client):
    _, provenance = _provenance(real_client, "/id/org/1415/indicator/B.r1.1.i1")
    assert "utgivare: Stenungsunds kommun" in provenance
