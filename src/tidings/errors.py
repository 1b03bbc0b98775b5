"""Errors that Tidings reports to its users."""

from __future__ import annotations


class TidingsError(Exception):
    """Base class for errors that carry a message meant for the user."""


class InputError(TidingsError):
    """One input (file, line of a file, URL) that could not be read as an article.

    ``origin`` names where the input came from, ``reason`` says what is wrong with it.
    """

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason

    def __reduce__(self):  # worker processes send these back to the main process
        return type(self), (self.origin, self.reason)


class ConfigError(TidingsError):
    """A setting or a stage name that Tidings does not know."""


class StoreError(TidingsError):
    """The store file cannot be opened or is from an incompatible version."""
