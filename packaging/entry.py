"""The bundle's entry point: the same ``main`` as the ``lo-desktop`` console script."""
import sys

from lo_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
