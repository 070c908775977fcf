"""``python -m peelparse``: the ``peelparse`` command, for when its script is not on PATH."""

import sys

from peelparse._cli import main

# Importing the module (as tools that walk a package do) runs nothing.
if __name__ == "__main__":
    sys.exit(main())
