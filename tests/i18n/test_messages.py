"""The French catalogue is complete and current: every string the code marks
is in locale/fr/django.po, translated, not fuzzy, and compiled into the .mo
that is committed beside it (so no gettext is needed to run the site; these
tests need GNU gettext, which `.ci/run` installs)."""

import ast
import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
# The same arguments as `make messages`.
MAKEMESSAGES = [
    "makemessages",
    "-l",
    "fr",
    "--no-location",
    "-i",
    "node_modules/*",
    "-i",
    "tests/*",
    "-i",
    "bench/*",
    "-i",
    "demo/*",
    "-i",
    "var/*",
]
SOURCES = (
    "manage.py",
    "config",
    "core",
    "accounts",
    "xapi",
    "notifications",
    "home",
    "courses",
    "lessons",
    "packages",
    "questions",
    "assessments",
    "enrollments",
    "exports",
    "discussions",
    "certificates",
    "reports",
    "demo",
    "templates",
    "locale",
)


def entries(text: str) -> list[dict]:
    """The entries of a .po file: flags, msgid, msgid_plural, msgstr(s)."""
    found = []
    for block in text.strip().split("\n\n"):
        entry: dict = {"flags": "", "obsolete": False, "strings": {}}
        current = None
        for line in block.splitlines():
            if line.startswith("#~"):
                entry["obsolete"] = True
            elif line.startswith("#,"):
                entry["flags"] += line
            elif match := re.match(
                r"(msgid_plural|msgid|msgstr(?:\[\d\])?) (\".*\")$", line
            ):
                current = match.group(1)
                entry["strings"][current] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and current:
                entry["strings"][current] += ast.literal_eval(line)
        found.append(entry)
    return found


def msgids(text: str) -> set[tuple[str, str]]:
    return {
        (e["strings"]["msgid"], e["strings"].get("msgid_plural", ""))
        for e in entries(text)
        if "msgid" in e["strings"] and e["strings"]["msgid"]
    }


def test_every_french_string_is_translated_and_none_is_fuzzy():
    text = PO.read_text(encoding="utf-8")
    assert "Plural-Forms: nplurals=2; plural=(n > 1);" in text
    found = entries(text)
    assert len(found) > 400
    for entry in found:
        assert "fuzzy" not in entry["flags"], entry
        assert not entry["obsolete"], entry
        if not entry["strings"].get("msgid"):
            continue  # the header
        translations = [
            v for k, v in entry["strings"].items() if k.startswith("msgstr")
        ]
        assert translations and all(translations), entry
        # Every placeholder of the English survives in the French.
        placeholders = set(re.findall(r"%\(\w+\)[sd]", entry["strings"]["msgid"]))
        for translation in translations:
            assert set(re.findall(r"%\(\w+\)[sd]", translation)) == placeholders, entry


def test_the_committed_mo_is_compiled_from_the_po(tmp_path):
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", fresh, PO], check=True)  # noqa: S607
    with MO.open("rb") as committed, fresh.open("rb") as compiled:
        assert (
            gettext.GNUTranslations(committed)._catalog  # type: ignore[attr-defined]
            == gettext.GNUTranslations(compiled)._catalog  # type: ignore[attr-defined]
        )


def test_makemessages_finds_no_string_missing_from_the_catalogue(tmp_path):
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy(source, tmp_path / name)
    subprocess.run(
        [sys.executable, "manage.py", *MAKEMESSAGES],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"},
    )
    current = (tmp_path / PO.relative_to(ROOT)).read_text(encoding="utf-8")
    new = msgids(current) - msgids(PO.read_text(encoding="utf-8"))
    assert not new, f"run `make messages` and translate: {sorted(new)}"
    stale = [e for e in entries(current) if e["obsolete"]]
    assert not stale, f"strings no longer used; run `make messages`: {stale}"
