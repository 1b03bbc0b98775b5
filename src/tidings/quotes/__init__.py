"""Quotes and claims: who said, believes, predicts or denies what, with the speaker resolved to an actor."""

from . import stage  # noqa: F401  registers the stage
from .claims import claim_at

__all__ = ["claim_at"]
