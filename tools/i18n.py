"""Keep the Qt translation files in step with the source.

    python tools/i18n.py update   # extract strings into resources/translations/*.ts
    python tools/i18n.py release  # compile the .ts files to .qm (shipped)
    python tools/i18n.py check    # fail if a .ts is stale, unfinished or not compiled

English is the source language; Swedish (the default) is a translation.
Translate with Qt Linguist (``pyside6-linguist``) or by editing the .ts XML.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "kansli_desk"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("sv",)


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"kansli_desk_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"kansli_desk_{language}.qm"


def source_files() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def update(target: Path, language: str) -> None:
    """Run lupdate over the sources into ``target`` (existing translations kept)."""
    subprocess.run(
        [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
         "-target-language", language, *source_files(), "-ts", str(target)],
        cwd=ROOT,
        check=True,
    )  # fmt: skip


def release(language: str, target: Path | None = None) -> Path:
    out = target or qm_path(language)
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts_path(language)), "-qm", str(out)],
        cwd=ROOT,
        check=True,
    )
    return out


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> translation (None when unfinished)."""
    result: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") != "unfinished"
            text = translation.text if translation is not None else None
            result[(name, message.findtext("source") or "")] = text if done else None
    return result


def check() -> list[str]:
    """Problems with the translation files (empty when all is well)."""
    problems: list[str] = []
    for language in LANGUAGES:
        ts = ts_path(language)
        if not ts.exists():
            problems.append(f"{ts.name} is missing")
            continue
        current = messages(ts)
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / ts.name
            shutil.copy(ts, fresh)
            update(fresh, language)
            extracted = messages(fresh)
            if set(extracted) != set(current):
                new = sorted(set(extracted) - set(current))
                gone = sorted(set(current) - set(extracted))
                problems.append(
                    f"{ts.name} is stale (run tools/i18n.py update): new {new[:5]}, gone {gone[:5]}"
                )
            compiled = release(language, Path(tmp) / "fresh.qm")
            if not qm_path(language).exists() or (
                compiled.read_bytes() != qm_path(language).read_bytes()
            ):
                problems.append(f"{qm_path(language).name} is out of date (tools/i18n.py release)")
        unfinished = [src for (ctx, src), text in current.items() if not text]
        if unfinished:
            problems.append(f"{ts.name}: {len(unfinished)} unfinished, e.g. {unfinished[:3]}")
    return problems


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        for language in LANGUAGES:
            update(ts_path(language), language)
    elif command == "release":
        for language in LANGUAGES:
            release(language)
    elif command == "check":
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
