"""Organisation profiles: section order, headings, help, phrases, decision style and patterns.

A profile is a folder with ``profile.toml`` and the Word template ``tjansteskrivelse.docx``.
Built-in profiles live in the repository's ``templates/`` and are read only; users add or
override profiles (same id wins) in their data folder.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ProfileError, TillitError
from .resources import templates_dir

BUILTIN_DIR = templates_dir()
TEMPLATE_NAME = "tjansteskrivelse.docx"
DEFAULT_PROFILE = "generic"

# Section kinds: "text" holds the officer's Markdown; the others are printed from structured data.
TEXT = "text"
DECISION = "decision"  # Förslag till beslut: decision chain + att-satser/numbered points
UNDERLAG = "underlag"
BESLUTSPLANERING = "beslutsplanering"
SKICKAS_TILL = "skickas_till"
SIGNATURES = "signatures"
KINDS = (TEXT, DECISION, UNDERLAG, BESLUTSPLANERING, SKICKAS_TILL, SIGNATURES)

STYLE_ATT = "att"
STYLE_NUMBERED = "numbered"


@dataclass(frozen=True)
class Phrase:
    """A standard phrase the officer can insert into a section."""

    label: str
    text: str  # a Jinja2 snippet, rendered in the sandbox with the case's data


@dataclass(frozen=True)
class SectionSpec:
    """One section of a profile: its id, heading, kind, help and phrases."""

    id: str
    heading: str
    kind: str = TEXT
    required: bool = False
    help: str = ""
    example: str = ""
    phrases: tuple[Phrase, ...] = ()

    @property
    def holds_text(self) -> bool:
        return self.kind in (TEXT, DECISION)


@dataclass(frozen=True)
class Profile:
    """An organisation's way of writing a tjänsteskrivelse, read from its profile.toml."""

    id: str
    name: str
    organisation: str
    unit: str
    sections: tuple[SectionSpec, ...]
    folder: Path
    builtin: bool = True
    document_type: str = "Tjänsteskrivelse"
    decision_style: str = STYLE_ATT
    decision_chain: str = ""
    final_body: str = "Kommunfullmäktige"
    diarienummer_pattern: str = r".+"
    diarienummer_example: str = ""
    page_format: str = "{page} ({pages})"
    signatory_titles: tuple[str, ...] = ()
    default_skickas_till: tuple[tuple[str, str], ...] = ()
    disabled_rules: tuple[str, ...] = ()
    template_file: Path | None = None  # set when the profile borrows its base's template
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def template_path(self) -> Path:
        return self.template_file or self.folder / TEMPLATE_NAME

    def section(self, section_id: str) -> SectionSpec | None:
        for spec in self.sections:
            if spec.id == section_id:
                return spec
        return None

    def text_sections(self) -> list[SectionSpec]:
        return [s for s in self.sections if s.holds_text]

    def diarienummer_check(self, value: str) -> bool | None:
        """Does ``value`` follow the profile's pattern? None when that cannot be decided.

        The pattern may come from a user's profile.toml, so it runs in the ``regex`` engine
        with a time limit: a pattern with catastrophic backtracking (``^(a|aa)+$``) gives up
        after PATTERN_TIMEOUT seconds instead of hanging the check or the case form.
        """
        compiled = _compiled_pattern(self.diarienummer_pattern)
        if compiled is None:
            return None
        try:
            return compiled.fullmatch(value.strip(), timeout=PATTERN_TIMEOUT) is not None
        except TimeoutError:
            return None

    def diarienummer_ok(self, value: str) -> bool:
        """True unless the pattern decides that ``value`` does not follow it."""
        return self.diarienummer_check(value) is not False


PATTERN_TIMEOUT = 0.05  # seconds one diarienummer match may take (a normal one takes ~2 µs)


@functools.lru_cache(maxsize=64)
def _compiled_pattern(pattern: str):
    """The pattern compiled by ``regex`` (imported on first use: ~8 ms), None if it will not."""
    import regex

    try:
        return regex.compile(pattern)
    except (regex.error, ValueError, TypeError, OverflowError, RecursionError):
        return None


def _table(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ProfileError(f"{where}: \"{key}\" ska vara en tabell ([{key}]).")
    return value


def _str_list(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(f"{where}: \"{key}\" ska vara en lista med text, "
                           f"till exempel {key} = [\"a\", \"b\"].")
    return tuple(value)


def _bool(data: dict[str, Any], key: str, where: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise ProfileError(f"{where}: \"{key}\" ska vara true eller false.")
    return value


def _str(data: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    if not isinstance(data, dict):
        raise ProfileError(f"{where}: \"{key}\" ska stå i en tabell.")
    value = data.get(key, default)
    if value is None:
        raise ProfileError(f"{where}: nyckeln \"{key}\" saknas.")
    if not isinstance(value, str):
        raise ProfileError(f"{where}: \"{key}\" ska vara text.")
    return value


def _parse_section(raw: Any, where: str, base: Profile | None, index: int) -> SectionSpec:
    if not isinstance(raw, dict):
        raise ProfileError(f"{where}: \"sections\" ska vara tabeller ([[sections]]); "
                           f"post {index + 1} är det inte.")
    sid = _str(raw, "id", where)
    where = f"{where}: avsnittet {sid!r}" if sid else where
    inherited = base.section(sid) if base is not None else None
    if inherited is not None:  # fields the profile leaves out come from its base profile
        merged = {"heading": inherited.heading, "kind": inherited.kind,
                  "required": inherited.required, "help": inherited.help,
                  "example": inherited.example,
                  "phrases": [{"label": p.label, "text": p.text} for p in inherited.phrases]}
        merged.update(raw)
        raw = merged
    kind = _str(raw, "kind", where, TEXT)
    if kind not in KINDS:
        raise ProfileError(f"{where}: avsnittet {sid!r} har okänd typ {kind!r}.")
    raw_phrases = raw.get("phrases", [])
    if not isinstance(raw_phrases, list):
        raise ProfileError(f"{where}: \"phrases\" ska vara tabeller ([[sections.phrases]]).")
    phrases = []
    for p in raw_phrases:
        if not isinstance(p, dict):
            raise ProfileError(f"{where}: \"phrases\" ska vara tabeller "
                               "([[sections.phrases]]).")
        phrases.append(Phrase(_str(p, "label", where), _str(p, "text", where)))
    return SectionSpec(
        id=sid,
        heading=_str(raw, "heading", where),
        kind=kind,
        required=_bool(raw, "required", where, False),
        help=_str(raw, "help", where, "").strip(),
        example=_str(raw, "example", where, "").strip(),
        phrases=tuple(phrases),
    )


class TomlCache:
    """Parsed ``profile.toml`` files as JSON in the cache folder, by path, size and mtime.

    The window needs every profile's name at start-up, and tomllib (pure Python) took ~12 ms
    of it to import and parse four files; a JSON file is read in C. A stale or damaged cache
    is simply not used: the TOML files stay the only source of truth.
    """

    VERSION = 1

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, Any] = {}
        self.changed = False
        if path is None:
            return
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return
        if isinstance(data, dict) and data.get("version") == self.VERSION and isinstance(
                data.get("files"), dict):
            self.entries = data["files"]

    @classmethod
    def default(cls) -> TomlCache:
        from .paths import app_paths

        return cls(app_paths().cache_dir / "profiles.json")

    @staticmethod
    def _key(path: Path) -> str | None:
        try:
            st = path.stat()
        except OSError:
            return None
        return f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}"

    def get(self, path: Path) -> dict[str, Any] | None:
        key = self._key(path)
        data = self.entries.get(key) if key else None
        return copy.deepcopy(data) if isinstance(data, dict) else None

    def put(self, path: Path, data: dict[str, Any]) -> None:
        key = self._key(path)
        if key is None:
            return
        try:
            json.dumps(data)  # TOML dates have no JSON form: such a file is just not cached
        except (TypeError, ValueError, RecursionError):
            return
        self.entries[key] = copy.deepcopy(data)
        self.changed = True

    def save(self) -> None:
        """Write the cache if it changed; a cache that cannot be written is no error."""
        if not self.changed or self.path is None:
            return
        from .safe_write import private_dir, write_text_atomic

        live = {k: v for k, v in self.entries.items() if Path(k.split("|")[0]).exists()}
        try:
            private_dir(self.path.parent)
            write_text_atomic(self.path, json.dumps({"version": self.VERSION, "files": live},
                                                    ensure_ascii=False), keep_backup=False)
        except (OSError, TillitError):
            pass
        self.changed = False


def read_profile_toml(folder: Path, cache: TomlCache | None = None) -> dict[str, Any]:
    toml_path = folder / "profile.toml"
    if cache is not None:
        hit = cache.get(toml_path)
        if hit is not None:
            return hit
    import tomllib

    try:
        data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise ProfileError(f"{toml_path}: filen saknas.") from err
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ProfileError(f"{toml_path}: filen går inte att läsa ({err}).") from err
    except RecursionError as err:  # tomllib recurses once per nested array or table
        raise ProfileError(f"{toml_path}: filen är för djupt nästlad (listor eller tabeller "
                           "i hundratals nivåer) och kan inte vara en profil.") from err
    except OSError as err:
        raise ProfileError(f"{toml_path}: filen går inte att läsa ({err.strerror}).") from err
    if cache is not None:
        cache.put(toml_path, data)
    return data


def load_profile_dir(folder: Path, *, builtin: bool, base: Profile | None = None,
                     data: dict[str, Any] | None = None) -> Profile:
    """Read one profile; ``base`` (its ``based_on`` profile) fills what it leaves out."""
    where = str(folder / "profile.toml")
    if data is None:
        data = read_profile_toml(folder)
    if base is not None:
        inherited = {k: v for k, v in _profile_defaults(base).items() if k not in data}
        data = {**inherited, **data}
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        raise ProfileError(f"{where}: profilen saknar avsnitt ([[sections]]).")
    sections = tuple(_parse_section(s, where, base, i) for i, s in enumerate(raw_sections))
    ids = [s.id for s in sections]
    if len(ids) != len(set(ids)):
        raise ProfileError(f"{where}: samma avsnitts-id förekommer flera gånger.")
    dnr = _table(data, "diarienummer", where)
    pattern = _str(dnr, "pattern", f"{where}: [diarienummer]", r".+")
    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError) as err:
        raise ProfileError(f"{where}: \"diarienummer.pattern\" är inte ett giltigt reguljärt "
                           f"uttryck ({err}).") from err
    style = _str(data, "decision_style", where, STYLE_ATT)
    if style not in (STYLE_ATT, STYLE_NUMBERED):
        raise ProfileError(f"{where}: decision_style ska vara \"att\" eller \"numbered\".")
    raw_skickas = data.get("default_skickas_till", [])
    if not isinstance(raw_skickas, list) or not all(isinstance(i, dict) for i in raw_skickas):
        raise ProfileError(f"{where}: \"default_skickas_till\" ska vara en lista med tabeller, "
                           "till exempel [{ name = \"Motionärerna\", purpose = \"kännedom\" }].")
    skickas = []
    for item in raw_skickas:
        skickas.append((_str(item, "name", f"{where}: default_skickas_till"),
                        _str(item, "purpose", f"{where}: default_skickas_till", "kännedom")))
    known = {
        "id", "name", "organisation", "unit", "sections", "document_type", "decision_style",
        "decision_chain", "final_body", "diarienummer", "page_format", "signatory_titles",
        "default_skickas_till", "disabled_rules", "based_on",
    }
    return Profile(
        id=_str(data, "id", where, folder.name),
        name=_str(data, "name", where),
        organisation=_str(data, "organisation", where, ""),
        unit=_str(data, "unit", where, ""),
        sections=sections,
        folder=folder,
        builtin=builtin,
        document_type=_str(data, "document_type", where, "Tjänsteskrivelse"),
        decision_style=style,
        decision_chain=_str(data, "decision_chain", where, ""),
        final_body=_str(data, "final_body", where, "Kommunfullmäktige"),
        diarienummer_pattern=pattern,
        diarienummer_example=_str(dnr, "example", where, ""),
        page_format=_str(data, "page_format", where, "{page} ({pages})"),
        signatory_titles=_str_list(data, "signatory_titles", where),
        default_skickas_till=tuple(skickas),
        disabled_rules=_str_list(data, "disabled_rules", where),
        template_file=(base.template_path if base is not None
                       and not (folder / TEMPLATE_NAME).is_file() else None),
        extra={k: v for k, v in data.items() if k not in known},
    )


def _profile_defaults(base: Profile) -> dict[str, Any]:
    return {
        "document_type": base.document_type,
        "decision_style": base.decision_style,
        "decision_chain": base.decision_chain,
        "final_body": base.final_body,
        "diarienummer": {"pattern": base.diarienummer_pattern,
                         "example": base.diarienummer_example},
        "page_format": base.page_format,
        "signatory_titles": list(base.signatory_titles),
        "default_skickas_till": [{"name": n, "purpose": p} for n, p in base.default_skickas_till],
        "disabled_rules": list(base.disabled_rules),
    }


class ProfileRegistry:
    """Finds profiles: built-in ones first, then the user's folder (same id overrides)."""

    def __init__(self, user_dir: Path | None = None, builtin_dir: Path = BUILTIN_DIR,
                 toml_cache: TomlCache | None = None) -> None:
        self.builtin_dir = builtin_dir
        self.user_dir = user_dir
        self.toml_cache = toml_cache  # the window and the CLI pass TomlCache.default()
        self._cache: dict[str, Profile] | None = None
        self.problems: list[str] = []  # user profiles that could not be read

    def _scan(self) -> dict[str, Profile]:
        if self._cache is not None:
            return self._cache
        found: dict[str, Profile] = {}
        self.problems = []
        roots = [(self.builtin_dir, True)]
        if self.user_dir is not None:
            roots.append((self.user_dir, False))
        for root, builtin in roots:
            if not root.is_dir():
                continue
            pending: list[tuple[Path, dict[str, Any]]] = []
            for folder in sorted(root.iterdir()):
                if not (folder / "profile.toml").is_file():
                    continue
                try:
                    pending.append((folder, read_profile_toml(folder, self.toml_cache)))
                except ProfileError as err:
                    if builtin:
                        raise
                    self.problems.append(str(err))
            # profiles without a base first, so that based_on can find theirs
            pending.sort(key=lambda item: "based_on" in item[1])
            for folder, data in pending:
                try:
                    base_id = data.get("based_on")
                    base = None
                    if base_id is not None and not isinstance(base_id, str):
                        raise ProfileError(f"{folder / 'profile.toml'}: \"based_on\" ska vara "
                                           "text: id för en annan profil, t.ex. \"generic\".")
                    if base_id is not None:
                        if base_id not in found:
                            raise ProfileError(f"{folder / 'profile.toml'}: based_on "
                                               f"{base_id!r} finns inte.")
                        base = found[base_id]
                    profile = load_profile_dir(folder, builtin=builtin, base=base, data=data)
                except ProfileError as err:
                    if builtin:
                        raise
                    self.problems.append(str(err))
                    continue
                except (TypeError, ValueError, AttributeError, KeyError, RecursionError) as err:
                    if builtin:
                        raise
                    # a shape no check above foresaw: still only this profile is lost
                    self.problems.append(f"{folder / 'profile.toml'}: profilen kunde inte läsas "
                                         f"({type(err).__name__}: {err}).")
                    continue
                found[profile.id] = profile
        self._cache = found
        if self.toml_cache is not None:
            self.toml_cache.save()
        return found

    def ids(self) -> list[str]:
        profiles = self._scan()
        rest = sorted(pid for pid in profiles if pid != DEFAULT_PROFILE)
        return ([DEFAULT_PROFILE] if DEFAULT_PROFILE in profiles else []) + rest

    def all(self) -> list[Profile]:
        return [self._scan()[pid] for pid in self.ids()]

    def get(self, profile_id: str) -> Profile:
        profiles = self._scan()
        if profile_id not in profiles:
            known = ", ".join(self.ids()) or "inga"
            folder = f"{profile_id}{os.sep}profile.toml"
            why = next((p for p in self.problems if folder in p), None)
            skipped = f" Den hoppades över: {why}" if why else ""
            raise ProfileError(f"Profilen {profile_id!r} finns inte. Tillgängliga: {known}."
                               f"{skipped}")
        return profiles[profile_id]

    def reload(self) -> None:
        self._cache = None
