"""Start lo-desktop from a checkout: python main.py [--db FILE] [command]."""
import sys

from lo_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
