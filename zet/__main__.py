import sys

from zet.cli import main

sys.exit(main())
