"""Fixtures for the review tests: profiles, a shared speller, a fresh example case."""

from __future__ import annotations

import copy

import pytest

from tillit_desk.case import Case
from tillit_desk.review.spelling import Speller


@pytest.fixture
def lund(registry):
    return registry.get("lund-kommun")


@pytest.fixture
def generic(registry):
    return registry.get("generic")


@pytest.fixture
def malmo(registry):
    return registry.get("malmo-stad")


@pytest.fixture(scope="session")
def speller() -> Speller:
    return Speller(user_file=None)


@pytest.fixture
def case(example_case) -> Case:
    """A fresh copy of the Lund example case that a test may change."""
    return copy.deepcopy(example_case)
