"""Print the admin guide's table of settings, or write it into docs/hosting.md (``--write``).

    .venv/bin/python scripts/settings_table.py --write

The table is made from ``config/settings.py`` (names, defaults, types, bounds, descriptions);
``tests/config/test_settings_doc.py`` fails when the guide's copy is out of date.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from config.settings import SETTINGS_TABLE_END, SETTINGS_TABLE_START, settings_table

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "hosting.md"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update docs/hosting.md")
    args = parser.parse_args()
    table = settings_table()
    if not args.write:
        print(table)
        return 0
    text = GUIDE.read_text(encoding="utf-8")
    head, _, rest = text.partition(SETTINGS_TABLE_START)
    _, _, tail = rest.partition(SETTINGS_TABLE_END)
    GUIDE.write_text(
        f"{head}{SETTINGS_TABLE_START}\n{table}\n{SETTINGS_TABLE_END}{tail}", encoding="utf-8"
    )
    print(f"wrote the table of {table.count(chr(10)) - 1} settings into {GUIDE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
