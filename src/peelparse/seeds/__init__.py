"""The five seed documents, shipped with the package to try it on.

Two PEEL legitimacy reports on Leicestershire Police (2016 and 2017), the inspectorate's
press release on the first, the Police and Crime Commissioner's letter on the second, and a
report on Lancashire Constabulary; ``README.md`` beside them gives their sources. They are
Crown copyright or the commissioner's, under the Open Government Licence v3.0, not the MIT
licence of the code.

>>> import peelparse
>>> from peelparse import seeds
>>> peelparse.parse(seeds.path("002_00a9eaefb3924acf.txt")).kind   # doctest: +SKIP
'inspection_report'
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from peelparse._errors import InputError


def _folder() -> Path:
    # An installed wheel holds the texts in this package; a checkout (an editable install)
    # keeps them once, in the repository's seeds/ folder.
    here = Path(str(resources.files(__name__)))
    return here if any(here.glob("*.txt")) else here.parents[2] / "seeds"


def paths() -> tuple[Path, ...]:
    """Every seed document, in the order of its file name."""
    return tuple(sorted(_folder().glob("*.txt")))


def path(name: str) -> Path:
    """The seed document of this file name, e.g. ``"002_00a9eaefb3924acf.txt"``.

    Raises:
        InputError: no seed has that name (the message lists the names there are).
    """
    for found in paths():
        if found.name == name:
            return found
    names = ", ".join(p.name for p in paths())
    raise InputError("PP105", f"no seed document is called {name!r}; there are: {names}")


__all__ = ["path", "paths"]
