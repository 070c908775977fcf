"""``python -m peelparse``: the ``peelparse`` command, for when its script is not on PATH."""

import sys

from peelparse._cli import main

sys.exit(main())
