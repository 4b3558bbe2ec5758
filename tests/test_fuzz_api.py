"""The HTTP API fuzzed from its own OpenAPI document (schemathesis): no 5xx, every response conforms to
the document, errors are problem+json."""
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import negative_data_rejection

from service.app import create_app

app = create_app({"TESTING": True, "RATE_LIMIT": "", "MAX_TEXT_CHARS": 5000})
schema = schemathesis.openapi.from_wsgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_document(case):
    # the batch and events endpoints type their documents as ExtractRequest (for generated clients) but, by design,
    # answer a document that does not fit with 200 and an entry in `errors`, so the others are still read
    many = case.path in ("/v1/extract/batch", "/v1/events")
    response = case.call_and_validate(excluded_checks=[negative_data_rejection] if many else [])
    assert response.status_code < 500
    if response.status_code >= 400:
        headers = {k.lower(): v for k, v in response.headers.items()}
        content_type = headers["content-type"]
        content_type = content_type[0] if isinstance(content_type, list) else content_type
        assert content_type.startswith("application/problem+json"), (response.status_code, content_type)
