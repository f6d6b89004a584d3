"""Catalog upkeep: which user-facing strings lack a translation (``make i18n``).

Strings are marked with ``_()`` (translated where used) or ``N_()`` (translated later). Each topic
keeps its own catalog, ``locales/<lang>/LC_MESSAGES/<topic>.po``; this tool lists what no
catalog translates and, with ``--add TOPIC``, appends those strings (empty) to that topic's file.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from core.i18n import LANGS
from core.paths import LOCALES_DIR, PROJECT_ROOT

KEYWORDS = {"_": None, "N_": None}


def _msgid(message: object) -> str | None:
    """The msgid of an extracted call; ``_("… {x}", x=1)`` comes back as ``("… {x}", None)``."""
    if isinstance(message, tuple):
        message = message[0]
    return message if isinstance(message, str) and message else None


SOURCE_DIRS = ("core", "dia", "etl", "views")


def extract_messages() -> set[str]:
    found: set[str] = set()
    for folder in SOURCE_DIRS:
        for _filename, _line, message, _comments, _context in extract_from_dir(
            PROJECT_ROOT / folder, keywords=KEYWORDS, comment_tags=()
        ):
            if msgid := _msgid(message):
                found.add(msgid)
    with (PROJECT_ROOT / "dashboard.py").open("rb") as handle:
        from babel.messages.extract import extract_python

        for extracted in extract_python(handle, KEYWORDS, (), {}):
            if text := _msgid(extracted[2]):
                found.add(text)
    return found


def translated(lang: str) -> dict[str, str]:
    result: dict[str, str] = {}
    for po_path in catalog_paths(lang):
        with po_path.open("rb") as handle:
            for message in read_po(handle, locale=lang):
                if message.id and message.string:
                    result[str(message.id)] = str(message.string)
    return result


def catalog_paths(lang: str) -> list[Path]:
    return sorted((LOCALES_DIR / lang / "LC_MESSAGES").glob("*.po"))


def catalog_texts(lang: str) -> dict[str, dict[str, str]]:
    """Every catalog of ``lang`` by topic: msgid → translation (untranslated ones left out)."""
    result: dict[str, dict[str, str]] = {}
    for po_path in catalog_paths(lang):
        with po_path.open("rb") as handle:
            result[po_path.stem] = {
                str(m.id): str(m.string) for m in read_po(handle, locale=lang) if m.id and m.string
            }
    return result


_PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def check_catalog(po_path: Path) -> list[str]:
    """Problems of one catalog: GNU ``msgfmt -c`` where installed (Babel's checks otherwise),
    and ``{placeholders}`` that a translation drops or invents."""
    problems: list[str] = []
    msgfmt = shutil.which("msgfmt")
    if msgfmt:
        done = subprocess.run(
            [msgfmt, "-c", "-o", "/dev/null", str(po_path)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:  # header warnings alone do not fail
            problems += [line for line in done.stderr.splitlines() if "warning" not in line]
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    if not msgfmt:
        for message, errors in catalog.check():
            problems += [f"{po_path.name}: {message.id!r}: {error}" for error in errors]
    for message in catalog:
        if message.id and message.string:
            wanted = set(_PLACEHOLDER.findall(str(message.id)))
            found = set(_PLACEHOLDER.findall(str(message.string)))
            if wanted != found:
                problems.append(f"{po_path.name}: {message.id!r}: placeholders {sorted(found)}")
    return problems


def missing(lang: str, messages: set[str] | None = None) -> list[str]:
    messages = extract_messages() if messages is None else messages
    done = translated(lang)
    return sorted(m for m in messages if m not in done)


def add_missing(lang: str, topic: str, messages: list[str]) -> Path:
    path = LOCALES_DIR / lang / "LC_MESSAGES" / f"{topic}.po"
    if path.exists():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = Catalog(
            locale=lang,
            project="DIA Monitor",
            last_translator="DIA Monitor",
            language_team={"nl": "Nederlands", "de": "Deutsch"}.get(lang, lang),
        )
    for message in messages:
        if message not in catalog:
            catalog.add(message, "")
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_output=True, omit_header=False)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m core.catalogs", description=__doc__)
    parser.add_argument("--add", metavar="TOPIC", help="append missing strings to TOPIC.po")
    args = parser.parse_args(argv)
    messages = extract_messages()
    gaps = 0
    for lang in LANGS:
        if lang == "en":
            continue
        todo = missing(lang, messages)
        gaps += len(todo)
        print(f"{lang}: {len(messages) - len(todo)}/{len(messages)} translated")
        for message in todo:
            print(f"  missing: {message!r}")
        if args.add and todo:
            print(f"  added to {add_missing(lang, args.add, todo)}")
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main())
