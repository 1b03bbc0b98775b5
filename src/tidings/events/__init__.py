"""Events: who did what to whom, when and where, in PLOVER with CAMEO codes."""

from . import stage  # noqa: F401  registers the stage
