import sys

from modelpolicy.cli import main

sys.exit(main())
