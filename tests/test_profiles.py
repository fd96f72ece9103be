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
