"""Settings: defaults → config file → SSGRAPH_* environment → explicit mapping."""

from __future__ import annotations

import pytest

from ssgraph.errors import ConfigurationError
from ssgraph.settings import SETTINGS, describe, load_settings


def test_defaults():
    settings = load_settings(environ={})
    assert settings["query_time_limit"] == 30.0
    assert settings["service_allow_list"] == ()
    assert settings["update_token"] == ""
    assert settings["instance_base"] == "https://w3id.org/ssgraph/id/"
    assert settings["label_languages"] == ("sv", "en")


def test_layers_in_order(tmp_path):
    config = tmp_path / "ssgraph.toml"
    config.write_text('query_time_limit = 10\nupdate_token = "from-file"\n[store]\nlocation = "/data/store"\n'
                      '[web]\nservice_allow_list = ["https://query.wikidata.org/sparql"]\n', encoding="utf-8")
    settings = load_settings({"update_token": "from-mapping"}, environ={
        "SSGRAPH_CONFIG": str(config), "SSGRAPH_QUERY_TIME_LIMIT": "12.5", "SSGRAPH_UPDATE_TOKEN": "from-env"})
    assert settings["query_time_limit"] == 12.5
    assert settings["update_token"] == "from-mapping"
    assert settings["store"] == "/data/store"
    assert settings["service_allow_list"] == ("https://query.wikidata.org/sparql",)


def test_comma_separated_lists_from_the_environment():
    settings = load_settings(environ={"SSGRAPH_LOAD_ALLOW_LIST": "https://a.example/, https://b.example/"})
    assert settings["load_allow_list"] == ("https://a.example/", "https://b.example/")


def test_bad_value_is_named():
    with pytest.raises(ConfigurationError) as raised:
        load_settings(environ={"SSGRAPH_QUERY_TIME_LIMIT": "soon"})
    assert "query_time_limit" in raised.value.render("en")


def test_unknown_setting_in_a_file_is_located(tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text("query_limit = 3\n", encoding="utf-8")
    with pytest.raises(ConfigurationError) as raised:
        load_settings(config_file=config, environ={})
    assert "query_limit" in raised.value.render("en")


def test_help_lists_every_setting_and_the_docs_mention_them():
    text = describe()
    from ssgraph import paths

    docs = (paths.RESOURCE_ROOT / "docs" / "web.md")
    for setting in SETTINGS:
        assert setting.env_var in text
        if docs.exists():
            assert setting.env_var in docs.read_text(encoding="utf-8"), setting.env_var
