"""`python -m modelpolicy`. Python puts the working folder first on `sys.path` for `-m`; in a scanned repository that
holds a `json/` package or a `tomllib.py`, the imports modelpolicy makes later would load the repository's code. It
is taken off the path before anything else is imported: modelpolicy never runs code from the tree it scans."""

import os
import sys

sys.path[:] = [entry for entry in sys.path if entry not in ("", os.getcwd())]  # noqa: PTH109

from modelpolicy.cli import run  # noqa: E402

run()
