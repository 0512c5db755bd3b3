"""``python -m govfin``: the same as the ``govfin`` command."""

from govfin.cli import main

raise SystemExit(main())
