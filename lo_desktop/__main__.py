import sys

from lo_desktop.cli import main

sys.exit(main())
