"""Organisation profiles: the four built-ins, inheritance, user overrides, patterns."""

from __future__ import annotations

import shutil

import pytest

from tillit_desk.errors import ProfileError
from tillit_desk.profiles import BUILTIN_DIR, STYLE_ATT, STYLE_NUMBERED, ProfileRegistry


def test_four_builtin_profiles_with_templates(registry):
    assert registry.ids() == ["generic", "lund-kommun", "malmo-stad", "region-skane"]
    for profile in registry.all():
        assert profile.builtin
        assert profile.template_path.is_file()
        ids = [s.id for s in profile.sections]
        for required in ("forslag_till_beslut", "sammanfattning", "barnets_basta",
                         "ekonomiska_konsekvenser"):
            assert required in ids, (profile.id, required)


def test_profiles_have_their_own_order_headings_and_style(registry):
    lund = registry.get("lund-kommun")
    assert [s.heading for s in lund.sections][:4] == [
        "Förslag till beslut", "Sammanfattning", "Underlag för beslutet", "Ärendet"]
    assert lund.decision_style == STYLE_ATT
    assert lund.signatory_titles == ("Kommundirektör", "Kanslichef")
    malmo = registry.get("malmo-stad")
    assert [s.id for s in malmo.sections][:5] == [
        "sammanfattning", "forslag_till_beslut", "underlag", "beslutsplanering", "skickas_till"]
    assert malmo.decision_style == STYLE_NUMBERED
    skane = registry.get("region-skane")
    assert skane.section("forslag_till_beslut").heading == "Ordförandens förslag"
    assert skane.section("bedomning").heading == "Överväganden"
    assert skane.section("motivering").heading == "Motivering till beslut"
    assert skane.signatory_titles == ("Ordförande", "HR-direktör")


def test_based_on_inherits_help_and_phrases(registry):
    generic = registry.get("generic").section("barnets_basta")
    lund = registry.get("lund-kommun").section("barnets_basta")
    assert lund.help == generic.help and lund.help
    assert [p.text for p in lund.phrases] == [p.text for p in generic.phrases]


@pytest.mark.parametrize("dnr", [
    "KS 2022/0086", "STK-2020-1262", "Dnr.1700046", "KFKS 2017/1106", "KFKS 2013/191-040",
    "2011/KS 0206 001", "KSF-2023-024-539", "KS 2025/39", "Dnr KS 2018/124", "SN 18/0098",
    "Ks 641/2014", "LS 0806-0619", "Dnr 2012.0930.005"])
def test_generic_pattern_accepts_real_diarienummer(registry, dnr):
    assert registry.get("generic").diarienummer_ok(dnr)


@pytest.mark.parametrize("dnr", ["", "KS", "hej hopp", "KS 2022//0086"])
def test_generic_pattern_rejects_nonsense(registry, dnr):
    assert not registry.get("generic").diarienummer_ok(dnr)


def test_organisation_patterns(registry):
    assert registry.get("lund-kommun").diarienummer_ok("KS 2022/0086")
    assert not registry.get("lund-kommun").diarienummer_ok("KS 22/86")
    assert registry.get("malmo-stad").diarienummer_ok("STK-2020-1262")
    assert registry.get("region-skane").diarienummer_ok("RS 2022-00086")


def test_user_profile_overrides_builtin_and_broken_one_is_reported(tillit_home):
    user_dir = tillit_home / "profiles"
    shutil.copytree(BUILTIN_DIR / "generic", user_dir / "generic")
    toml = user_dir / "generic" / "profile.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        'name = "Allmän kommun"', 'name = "Vår kommun"'), encoding="utf-8")
    (user_dir / "trasig").mkdir()
    (user_dir / "trasig" / "profile.toml").write_text("id = [", encoding="utf-8")
    (user_dir / "egen").mkdir()
    (user_dir / "egen" / "profile.toml").write_text(
        'id = "egen"\nbased_on = "lund-kommun"\nname = "Egen"\n'
        '[[sections]]\nid = "sammanfattning"\n', encoding="utf-8")
    registry = ProfileRegistry(user_dir=user_dir)
    assert registry.get("generic").name == "Vår kommun"
    assert not registry.get("generic").builtin
    egen = registry.get("egen")
    assert egen.template_path == registry.get("lund-kommun").template_path
    assert egen.decision_chain.startswith("Kommunstyrelsens arbetsutskott")
    assert len(registry.problems) == 1 and "trasig" in registry.problems[0]


def test_unknown_profile_message(registry):
    with pytest.raises(ProfileError, match="Profilen 'x' finns inte. Tillgängliga: generic"):
        registry.get("x")


def test_parsed_profiles_are_cached_and_a_changed_file_is_read_again(tmp_path):
    import json
    import os
    import shutil

    from tillit_desk.profiles import BUILTIN_DIR, ProfileRegistry, TomlCache

    builtin = tmp_path / "profiles"
    shutil.copytree(BUILTIN_DIR / "generic", builtin / "generic")
    cache_file = tmp_path / "cache" / "profiles.json"
    first = ProfileRegistry(builtin_dir=builtin, toml_cache=TomlCache(cache_file)).get("generic")
    assert cache_file.is_file() and (cache_file.stat().st_mode & 0o777) == 0o600
    assert len(json.loads(cache_file.read_text(encoding="utf-8"))["files"]) == 1

    # a hit: the cached data is used (proved by editing the cache, which nobody should do)
    data = json.loads(cache_file.read_text(encoding="utf-8"))
    key = next(iter(data["files"]))
    data["files"][key]["name"] = "Från cachen"
    cache_file.write_text(json.dumps(data), encoding="utf-8")
    assert ProfileRegistry(builtin_dir=builtin,
                           toml_cache=TomlCache(cache_file)).get("generic").name == "Från cachen"

    # the user edits the TOML: size and mtime change, the file is read again
    toml = builtin / "generic" / "profile.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        f'name = "{first.name}"', 'name = "Ändrad"', 1), encoding="utf-8")
    os.utime(toml, ns=(1, 1))
    assert ProfileRegistry(builtin_dir=builtin,
                           toml_cache=TomlCache(cache_file)).get("generic").name == "Ändrad"

    # a damaged cache is ignored, never an error
    cache_file.write_text("{inte json", encoding="utf-8")
    assert ProfileRegistry(builtin_dir=builtin,
                           toml_cache=TomlCache(cache_file)).get("generic").name == "Ändrad"


def test_a_profile_cache_that_cannot_be_written_is_no_error(tmp_path):
    from tillit_desk.profiles import ProfileRegistry, TomlCache

    blocked = tmp_path / "cache"
    blocked.write_text("en fil, ingen mapp", encoding="utf-8")
    registry = ProfileRegistry(toml_cache=TomlCache(blocked / "profiles.json"))
    assert registry.get("lund-kommun").name
    assert blocked.read_text(encoding="utf-8") == "en fil, ingen mapp"


# --- issue 14, item 2 and 3: a bad user profile is skipped with a warning, never a crash ---

_GOOD_HEAD = 'id = "egen"\nname = "Egen"\n'
_SECTIONS = '[[sections]]\nid = "sammanfattning"\nheading = "Sammanfattning"\n'
BAD_PROFILES = {
    "signatory_titles": _GOOD_HEAD + "signatory_titles = 5\n" + _SECTIONS,
    "disabled_rules": _GOOD_HEAD + "disabled_rules = 3\n" + _SECTIONS,
    "default_skickas_till": _GOOD_HEAD + "default_skickas_till = [1]\n" + _SECTIONS,
    "diarienummer": _GOOD_HEAD + 'diarienummer = "x"\n' + _SECTIONS,
    "based_on": _GOOD_HEAD + 'based_on = ["generic"]\n' + _SECTIONS,
    "djup": _GOOD_HEAD + "djup = " + "[" * 5000 + "]" * 5000 + "\n" + _SECTIONS,
    "required": _GOOD_HEAD + _SECTIONS + 'required = "ja"\n',
    "phrases": _GOOD_HEAD + _SECTIONS + "phrases = 4\n",
    "sections": _GOOD_HEAD + "sections = [1, 2]\n",
    "pattern": _GOOD_HEAD + "[diarienummer]\npattern = 7\n" + _SECTIONS,
    "page_format": _GOOD_HEAD + "page_format = []\n" + _SECTIONS,
}


def _user_profile(home, text: str):
    folder = home / "data" / "profiles" / "egen"
    folder.mkdir(parents=True)
    (folder / "profile.toml").write_text(text, encoding="utf-8")
    return folder / "profile.toml"


@pytest.mark.parametrize("key", sorted(BAD_PROFILES))
def test_a_bad_user_profile_is_skipped_with_a_warning_naming_file_and_key(tillit_home, key):
    toml = _user_profile(tillit_home, BAD_PROFILES[key])
    registry = ProfileRegistry(user_dir=toml.parent.parent)
    assert "egen" not in registry.ids()
    assert registry.get("malmo-stad").name == "Malmö stad"
    assert len(registry.problems) == 1, registry.problems
    problem = registry.problems[0]
    assert str(toml) in problem
    expected = "" if key == "djup" else key
    assert expected in problem, problem
    if key == "djup":
        assert "för djupt" in problem
    assert "Traceback" not in problem


@pytest.mark.parametrize("key", ["signatory_titles", "based_on", "djup"])
def test_cli_commands_work_beside_a_bad_user_profile(tillit_home, tmp_path, capsys, key):
    from tillit_desk.cli import main as cli
    from tillit_desk.example import EXAMPLE_CASE

    toml = _user_profile(tillit_home, BAD_PROFILES[key])
    assert cli(["profiles"]) == 0
    err = capsys.readouterr().err
    assert f"Varning: {toml}" in err
    assert cli(["export", str(EXAMPLE_CASE), "-o", str(tmp_path / "a.docx")]) == 0
    assert cli(["check", str(EXAMPLE_CASE), "--no-spelling"]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err


def test_the_window_starts_beside_a_bad_user_profile(tillit_home, tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    _user_profile(tillit_home, BAD_PROFILES["default_skickas_till"])
    root = Path(__file__).resolve().parents[1]
    out = tmp_path / "rök.docx"
    env = dict(os.environ, TILLIT_DESK_HOME=str(tillit_home), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, str(root / "main.py"), "--smoke-test", str(out)],
                          env=env, capture_output=True, text=True, timeout=120, cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert out.is_file()


REDOS = ["^(a+)+$", "^(a|aa)+$", "(a|a)*$"]


@pytest.mark.parametrize("pattern", REDOS)
def test_a_catastrophic_user_pattern_cannot_hang_the_check(tillit_home, tmp_path, pattern):
    """A guard against a hang (minutes to years with a backtracking engine), not a speed test."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    from tillit_desk.example import EXAMPLE_CASE

    _user_profile(tillit_home, _GOOD_HEAD + f"[diarienummer]\npattern = '{pattern}'\n"
                  + _SECTIONS)
    data = json.loads(EXAMPLE_CASE.read_text(encoding="utf-8"))
    data["profile"] = "egen"
    data["document"]["diarienummer"] = "a" * 34 + "!"
    case = tmp_path / "redos.tillit"
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, TILLIT_DESK_HOME=str(tillit_home))
    proc = subprocess.run([sys.executable, str(root / "main.py"), "check", str(case),
                           "--no-spelling"], env=env, capture_output=True, text=True,
                          timeout=60, cwd=root)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr


def test_patterns_still_decide_and_an_undecidable_one_says_so(tillit_home):
    toml = _user_profile(tillit_home, _GOOD_HEAD + "[diarienummer]\npattern = '^(a|aa)+$'\n"
                         + _SECTIONS)
    profile = ProfileRegistry(user_dir=toml.parent.parent).get("egen")
    assert profile.diarienummer_check("aaaa") is True
    assert profile.diarienummer_check("aab") is False
    assert profile.diarienummer_check("a" * 40 + "!") is None  # gave up: no verdict
    assert profile.diarienummer_ok("a" * 40 + "!")  # an undecided pattern never nags


def test_an_invalid_user_pattern_is_reported_at_load(tillit_home):
    toml = _user_profile(tillit_home, _GOOD_HEAD + "[diarienummer]\npattern = '(abc'\n"
                         + _SECTIONS)
    registry = ProfileRegistry(user_dir=toml.parent.parent)
    assert "egen" not in registry.ids()
    assert "diarienummer.pattern" in registry.problems[0]


def test_check_says_when_the_pattern_cannot_decide(tillit_home):
    from tillit_desk.case import Case
    from tillit_desk.review.engine import check_case

    toml = _user_profile(tillit_home, _GOOD_HEAD + "[diarienummer]\npattern = '^(a|aa)+$'\n"
                         + _SECTIONS)
    profile = ProfileRegistry(user_dir=toml.parent.parent).get("egen")
    case = Case(profile="egen")
    case.document.diarienummer = "a" * 40 + "!"
    messages = [f.message for f in check_case(case, profile, spelling=False)
                if f.rule == "metadata.diarienummer"]
    assert len(messages) == 1 and "kunde inte kontrolleras" in messages[0]
    case.document.diarienummer = "aab"
    messages = [f.message for f in check_case(case, profile, spelling=False)
                if f.rule == "metadata.diarienummer"]
    assert len(messages) == 1 and "följer inte" in messages[0]


def test_asking_for_a_skipped_profile_says_why_it_was_skipped(tillit_home):
    toml = _user_profile(tillit_home, BAD_PROFILES["signatory_titles"])
    registry = ProfileRegistry(user_dir=toml.parent.parent)
    with pytest.raises(ProfileError) as info:
        registry.get("egen")
    message = str(info.value)
    assert message.startswith("Profilen 'egen' finns inte")
    assert "hoppades över" in message and str(toml) in message and "signatory_titles" in message


def test_a_damaged_profile_cache_of_any_depth_is_ignored(tmp_path):
    from tillit_desk.profiles import TomlCache

    cache_file = tmp_path / "profiles.json"
    cache_file.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    registry = ProfileRegistry(toml_cache=TomlCache(cache_file))
    assert registry.get("lund-kommun").name
