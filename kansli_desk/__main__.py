"""Entry point for ``python -m kansli_desk`` and the ``kansli-desk`` command."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the command line or, without a subcommand, the desktop application."""
    from kansli_desk.cli import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
