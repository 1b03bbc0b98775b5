"""Near-duplicate articles, event mentions merged into events, and stories with timelines.

The corpus stages registered here run over stored articles after each batch is written
(see corpus.py): near_duplicates, then merged_events, then stories.
"""

from . import duplicates  # noqa: F401  registers the corpus stages
from . import merge  # noqa: F401
from . import cluster  # noqa: F401
