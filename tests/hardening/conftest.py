"""The hardening tests reuse the ingest tests' fixtures (settings, a local web server)."""

from tests.ingest.conftest import server, settings  # noqa: F401 - fixtures
