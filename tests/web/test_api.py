"""/api/openapi.json: a valid OpenAPI 3.1 document, and every route it describes answers as
it says, with the examples it gives."""

from __future__ import annotations

import json

import pytest
from openapi_spec_validator import validate

TOKEN = "api-test-token"


@pytest.fixture(scope="module")
def document(writer):
    response = writer.get("/api/openapi.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    return response.get_json()


def test_the_document_is_valid_openapi_3_1(document):
    assert document["openapi"].startswith("3.1")
    validate(document)  # raises on an invalid document


def _request(writer, path: str, method: str, operation: dict):
    values = {p["name"]: str(p["example"]) for p in operation.get("parameters", []) if "example" in p}
    for name in [p["name"] for p in operation.get("parameters", []) if p["in"] == "path"]:
        path = path.replace("{" + name + "}", values.pop(name))
    body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("example")
    headers = {"Accept": next(iter(operation["responses"]["200"]["content"]))}
    if operation.get("security"):
        headers["Authorization"] = f"Bearer {TOKEN}"
    return writer.open(path, method=method.upper(), query_string=values, json=body, headers=headers)


def test_every_described_route_answers_with_its_examples(writer, document):
    called = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            response = _request(writer, path, method, operation)
            assert str(response.status_code) in operation["responses"], (path, response.status_code, response.data[:300])
            if response.status_code == 200:
                media = next(iter(operation["responses"]["200"]["content"]))
                assert response.mimetype == media, (path, response.mimetype)
                assert isinstance(json.loads(response.data), dict), path
            called.append((method, path))
    assert len(called) >= 13


def test_the_description_is_in_the_request_language(writer):
    swedish = writer.get("/api/openapi.json?lang=sv").get_json()
    english = writer.get("/api/openapi.json?lang=en").get_json()
    assert swedish["paths"]["/api/organisations"]["get"]["summary"] == "Organisationer"
    assert english["paths"]["/api/organisations"]["get"]["summary"] == "Organisations"


def test_the_index_lists_every_route(writer, document):
    index = writer.get("/api/", headers={"Accept": "application/json"}).get_json()
    assert {route["path"] for route in index["routes"]} == set(document["paths"])
    page = writer.get("/api/", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "openapi.json" in page and "/api/validation" in page


def test_errors_have_the_described_shape(writer):
    error = writer.get("/api/consolidate/9999", headers={"Accept": "application/json"})
    assert error.status_code == 400
    assert set(error.get_json()) == {"ok", "status", "error", "id"}
