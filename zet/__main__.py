import sys

from zet.operations.cli import main

sys.exit(main())
