"""Worker processes that never outlive their parent, and stop at once when told to.

A worker asks the kernel to kill it when its parent dies (Linux: ``PR_SET_PDEATHSIG``), and
also watches its parent id from a thread (elsewhere, or if the parent died before the ask).
It ignores SIGINT, which a terminal sends to the whole process group on Ctrl-C: the parent
decides when to stop and ends its workers; SIGTERM ends a worker as by default.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 0.5


def bind_to_parent() -> None:
    """Make this process exit when its parent does; ignore Ctrl-C, die on SIGTERM."""
    parent = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before we asked
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="tidings-parent-watch", daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)
