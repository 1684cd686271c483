"""Fail CI unless the PostgreSQL variants of the tests ran and none was skipped."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET


def main(report: str) -> int:
    cases = [
        c for c in ET.parse(report).getroot().iter("testcase") if "[postgresql" in c.get("name", "")
    ]
    skipped = [c.get("name") for c in cases if c.find("skipped") is not None]
    if not cases:
        print("CI: no PostgreSQL test variants ran", file=sys.stderr)
        return 1
    if skipped:
        print(f"CI: {len(skipped)} PostgreSQL tests were skipped: {skipped[:5]}", file=sys.stderr)
        return 1
    print(f"CI: {len(cases)} PostgreSQL test variants ran, none skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
