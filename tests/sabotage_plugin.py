"""A plugin that misbehaves on purpose, for the batch tests.

It reads only files that start with ``SABOTAGE`` and a word, and then does what the word
says: ``raise`` an exception, ``segfault``, ``exit`` the process or ``hang``. A hanging
worker first writes its pid into the folder named by ``SABOTAGE_PIDS``, if that is set.
"""

from __future__ import annotations

import ctypes
import os
import time
from pathlib import Path

from peelparse import Reading, hookimpl

MARK = b"SABOTAGE "


@hookimpl(tryfirst=True)
def peelparse_read(data: bytes, name: str | None) -> Reading | None:
    if not data.startswith(MARK):
        return None
    what = data[len(MARK) :].split()[0].decode()
    if what == "raise":
        raise RuntimeError("sabotaged")
    if what == "segfault":
        ctypes.string_at(0)
    if what == "exit":
        os._exit(3)
    if what == "hang":
        folder = os.environ.get("SABOTAGE_PIDS")
        if folder:
            (Path(folder) / str(os.getpid())).touch()
        time.sleep(60)
    raise ValueError(f"no such sabotage: {what}")
