"""``python -m clusterforms``: the same as the ``clusterforms`` command."""

import sys

from clusterforms.cli import main

sys.exit(main())
