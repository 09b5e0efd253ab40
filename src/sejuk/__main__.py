"""`sejuk` (or `python -m sejuk`): the product's CLI and Django's manage.py in one."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sejuk.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv if argv is None else argv)
    argv[0] = "sejuk"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
