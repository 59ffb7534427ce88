"""Property-based run over the OpenAPI schema: no input makes the API answer 500.

Hypothesis draws values for every query and path parameter of every GET
endpoint from the parameter's schema type, widened past its limits (so
out-of-range numbers, overlong strings, odd unicode and junk are all
tried), and checks the answer is never a server error.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import client_for, fill

JUNK = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789-,.:eE+", max_size=20),
    st.sampled_from(["", "2022-03-01", "2022-02-30", "RUS", "UKR", "nato", "19", "-1", "1e309", "nan", "%00",
                     "WyIyMDIyIl0", "\x00", "' OR 1=1 --", "170,-10,-170,10"]),
)


def _values(schema: dict) -> st.SearchStrategy:
    kinds = [s.get("type") for s in schema.get("anyOf", [schema])]
    options = [JUNK]
    if "integer" in kinds:
        options.append(st.integers(-10**6, 10**6).map(str))
    if "number" in kinds:
        options.append(st.floats(allow_nan=True, allow_infinity=True).map(str))
    if "boolean" in kinds:
        options.append(st.sampled_from(["true", "false", "1", "0", "yes", "maybe"]))
    if "string" in kinds and "pattern" in schema:
        options.append(st.from_regex(schema["pattern"], fullmatch=True))
    return st.one_of(options)


@pytest.fixture(scope="module")
def fuzz_client(tmp_path_factory):
    url = str(tmp_path_factory.mktemp("fuzz") / "fuzz.db")
    fill(url)
    with client_for(url) as client:
        yield client


def _operations(client) -> list[tuple[str, list[dict]]]:
    schema = client.get("/openapi.json").json()
    return [(path, ops["get"].get("parameters", [])) for path, ops in schema["paths"].items() if "get" in ops]


def test_every_get_endpoint_is_in_the_schema(fuzz_client):
    paths = {p for p, _ in _operations(fuzz_client)}
    assert {"/api/v1/events", "/api/v1/events/{event_id}", "/api/v1/series", "/api/v1/actors/{key}",
            "/api/v1/dyads", "/api/v1/alerts", "/api/v1/changes", "/api/v1/stats"} <= paths


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                     HealthCheck.too_slow])
@given(data=st.data())
def test_no_input_makes_a_server_error(fuzz_client, data):
    path, params = data.draw(st.sampled_from(_operations(fuzz_client)))
    query = {}
    for p in params:
        if p["in"] == "path":
            value = data.draw(_values(p.get("schema", {})).filter(lambda v: v.strip(".")))
            path = path.replace("{" + p["name"] + "}", quote(value, safe=""))
        elif data.draw(st.booleans()):
            query[p["name"]] = data.draw(_values(p.get("schema", {})))
    r = fuzz_client.get(path, params=query)
    assert r.status_code < 500, (path, query, r.text[:300])
    assert r.status_code in (200, 400, 404), (path, query, r.status_code)


@pytest.mark.parametrize("params", [
    {"since": "0001-01-01", "until": "9999-12-31", "freq": "day"},
    {"since": "9999-12-01", "until": "9999-12-31", "freq": "week"},
    {"since": "0001-01-01", "until": "0001-12-31", "freq": "week"},
    {"since": "2022-05-01", "until": "2022-01-01", "freq": "month"},
])
def test_calendar_edges_are_not_errors(fuzz_client, params):
    r = fuzz_client.get("/api/v1/series", params=params)
    assert r.status_code == 200, r.text
    params = {k: v for k, v in params.items() if k != "freq"}
    for path in ("/api/v1/alerts", "/api/v1/events", "/", "/alerts", "/dyads"):
        r = fuzz_client.get(path, params={**params, "weeks": 100} if "alerts" in path else params)
        assert r.status_code == 200, (path, r.text[:300])
