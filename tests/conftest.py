"""Shared fixtures: every test gets its own user folders; print tests skip or fail by policy."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tillit_desk.example import EXAMPLE_CASE
from tillit_desk.fileformat import load_case
from tillit_desk.profiles import ProfileRegistry

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def tillit_home(tmp_path_factory, monkeypatch) -> Path:
    """Point every user folder (settings, autosave, user profiles) at a fresh temp folder."""
    home = tmp_path_factory.mktemp("tillit-home")
    monkeypatch.setenv("TILLIT_DESK_HOME", str(home))
    return home


@pytest.fixture
def registry(tillit_home) -> ProfileRegistry:
    return ProfileRegistry(user_dir=tillit_home / "data" / "profiles")


@pytest.fixture
def example_case():
    return load_case(EXAMPLE_CASE).case


def require_tool(name: str) -> str:
    """Find a print tool; skip locally when missing, fail when TILLIT_REQUIRE_PRINT=1 (CI)."""
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("TILLIT_REQUIRE_PRINT") == "1":
        pytest.fail(f"{name} is required for print tests (TILLIT_REQUIRE_PRINT=1) but missing")
    pytest.skip(f"{name} not installed: print test skipped (CI installs it)")
    raise AssertionError  # unreachable


@pytest.fixture
def soffice() -> str:
    return require_tool("soffice")


@pytest.fixture
def pdftoppm() -> str:
    return require_tool("pdftoppm")
