"""Property-based fuzzing of every operation in the OpenAPI schema (schemathesis, bounded):
no server errors, only documented status codes and content types, answers that fit the schema,
invalid input refused. Each operation gets EXAMPLES generated requests, valid and invalid."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import checks
from schemathesis.generation import GenerationMode

pytestmark = pytest.mark.slow

EXAMPLES = 15
CHECKS = [checks.not_a_server_error, checks.status_code_conformance, checks.content_type_conformance,
          checks.response_schema_conformance, checks.negative_data_rejection]


@pytest.fixture(scope="module")
def api_schema(shared_store):
    from fastapi.testclient import TestClient

    from tidings.api.app import create_app

    app = create_app(str(shared_store))
    with TestClient(app):  # runs the lifespan: the store stays open for the module
        yield schemathesis.openapi.from_asgi("/openapi.json", app)


def operations(schema):
    return [result.ok() for result in schema.get_all_operations()]


def test_the_schema_lists_every_read_endpoint(api_schema):
    paths = {op.path for op in operations(api_schema)}
    assert {"/api/articles", "/api/articles/{id}", "/api/actors", "/api/actors/{id}", "/api/events",
            "/api/events/{id}", "/api/quotes", "/api/claims", "/api/predictions", "/api/relations",
            "/api/stories", "/api/stories/{id}", "/api/meta"} <= paths


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_operation_answers_as_its_schema_says(api_schema, mode):
    failures = []
    for op in operations(api_schema):
        @given(case=op.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case):
            case.call_and_validate(checks=CHECKS)

        try:
            run()
        except Unsatisfiable:  # no invalid request exists for an operation without parameters
            continue
        except Exception as exc:  # collect every operation's failure, not just the first
            failures.append(f"{op.method.upper()} {op.path}: {exc}")
    assert not failures, "\n\n".join(failures)
