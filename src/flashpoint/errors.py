"""The exception tree. Every error Flashpoint raises on purpose derives from
:class:`FlashpointError`; its message says what went wrong and how to fix it.

CLI exit codes: 0 ok, 1 some documents failed, 2 usage error (bad option,
unreadable input, missing model), 3 store error.
"""

from __future__ import annotations


class FlashpointError(Exception):
    """Base class; the CLI turns these into a one-line message, never a traceback."""

    exit_code = 2


class UsageError(FlashpointError):
    """Bad arguments or options (unparseable date, unknown format, ...)."""


class ModelNotInstalled(FlashpointError):
    """The spaCy English pipeline is missing."""


class InputError(FlashpointError):
    """A document or record cannot be read (malformed JSONL, invalid bytes, ...)."""

    exit_code = 1


class DataFileError(FlashpointError):
    """A knowledge file (ontology, patterns, actors, gazetteer) fails its schema."""


class StoreError(FlashpointError):
    """The database cannot be opened, migrated, read or written."""

    exit_code = 3


class FetchError(FlashpointError):
    """A URL or feed could not be fetched (refused address, timeout, size, HTTP error)."""

    exit_code = 1
