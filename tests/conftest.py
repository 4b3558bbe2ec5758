import pytest

from service.app import create_app


@pytest.fixture
def app():
    return create_app({"TESTING": True, "MAX_CONTENT_LENGTH": 64 * 1024, "MAX_TEXT_CHARS": 20_000,
                       "MAX_BATCH_DOCUMENTS": 5})


@pytest.fixture
def client(app):
    return app.test_client()
