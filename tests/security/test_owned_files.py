"""Own files only: caches live in folders ssgraph made (a marker file), files are written
through fresh temporary names, and nothing outside is deleted or followed."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from ssgraph.cli import cli
from ssgraph.errors import ConfigurationError
from ssgraph.owned_files import MARKER, owned_directory, remove_entries

TOKEN = "files-token-33aa"


@pytest.fixture
def victim(tmp_path):
    """Someone else's folder with a file that must survive everything below."""
    folder = tmp_path / "victim"
    folder.mkdir()
    (folder / "precious.txt").write_text("keep me", encoding="utf-8")
    return folder


def survived(victim) -> bool:
    return (victim / "precious.txt").read_text(encoding="utf-8") == "keep me"


def test_dump_cache_refuses_a_folder_it_did_not_make(tmp_path, fixture_store_dir, victim):
    from ssgraph.web import create_app

    cache = tmp_path / "cache"
    (cache / "someone-elses").mkdir(parents=True)
    (cache / "someone-elses" / "data.txt").write_text("x", encoding="utf-8")
    app = create_app({"store": str(fixture_store_dir), "query_workers": 1, "dump_cache_dir": str(cache)})
    try:
        response = app.test_client().get("/dumps/all.nq.gz", query_string={"lang": "en"})
        assert response.status_code == 503
        assert "did not make" in response.get_json()["error"]
        assert (cache / "someone-elses" / "data.txt").exists()
    finally:
        app.extensions["ssgraph"].close()


def test_dump_cache_cleans_only_inside_and_follows_no_link(tmp_path, fixture_store_dir, victim):
    from ssgraph.web import create_app

    store = tmp_path / "store"
    shutil.copytree(fixture_store_dir, store)
    cache = tmp_path / "cache"
    app = create_app({"store": str(store), "query_workers": 1, "dump_cache_dir": str(cache),
                      "update_token": TOKEN})
    try:
        client = app.test_client()
        assert client.get("/dumps/all.nq.gz").status_code == 200
        assert (cache / MARKER).is_file()
        (cache / "planted-link").symlink_to(victim, target_is_directory=True)
        client.put("/graphs", query_string={"graph": "http://example.org/new"}, data="<x:a> <x:b> <x:c> .",
                   content_type="text/turtle", headers={"Authorization": f"Bearer {TOKEN}"})
        assert client.get("/dumps/all.nq.gz").status_code == 200  # a new store state: old dumps go
        assert not (cache / "planted-link").exists()
        assert survived(victim)
        assert [p.name for p in cache.iterdir() if p.name != MARKER].__len__() == 1
    finally:
        app.extensions["ssgraph"].close()


def test_export_writes_no_predictable_file_and_follows_no_planted_link(tmp_path, fixture_store_dir, victim):
    store = tmp_path / "store"
    shutil.copytree(fixture_store_dir, store)
    target = tmp_path / "out.nq"
    (tmp_path / "out.nq.part").symlink_to(victim / "precious.txt")
    result = CliRunner().invoke(cli, ["--store", str(store), "export", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert survived(victim)
    assert target.stat().st_size > 1000 and not target.is_symlink()
    # a link planted at the target itself is replaced, not written through
    target.unlink()
    target.symlink_to(victim / "precious.txt")
    assert CliRunner().invoke(cli, ["--store", str(store), "export", "-o", str(target)]).exit_code == 0
    assert survived(victim) and not target.is_symlink()


def test_a_new_store_is_made_only_in_a_new_or_empty_folder(tmp_path, victim):
    result = CliRunner().invoke(cli, ["--store", str(victim), "--lang", "en", "graphs"])
    assert result.exit_code == 2
    assert "no ssgraph store" in result.output
    assert sorted(p.name for p in victim.iterdir()) == ["precious.txt"]


def test_owned_directory_rules(tmp_path, victim):
    with pytest.raises(ConfigurationError):
        owned_directory(victim, "test")
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    with pytest.raises(ConfigurationError):
        owned_directory(link, "test")
    mine = owned_directory(tmp_path / "mine", "test")
    (mine / "old").mkdir()
    (mine / "link").symlink_to(victim, target_is_directory=True)
    remove_entries(mine)
    assert [p.name for p in mine.iterdir()] == [MARKER]
    assert survived(victim)
    with pytest.raises(ValueError):
        remove_entries(victim)


def test_kolada_cache_refuses_a_foreign_folder(victim):
    from ssgraph.importing.kolada_cache import ResponseCache

    with pytest.raises(ConfigurationError):
        ResponseCache(victim).put("https://api.kolada.se/v3/kpi/N00401", {"values": []})
    assert sorted(p.name for p in victim.iterdir()) == ["precious.txt"]
