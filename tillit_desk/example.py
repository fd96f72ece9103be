"""The built-in example case (the Lund answer to a motion), shipped in resources/examples."""

from __future__ import annotations

from typing import Any

from .resources import resources_dir

EXAMPLE_CASE = resources_dir("examples", "lund-ks-2022-0086.tillit")


def load_example():
    from .fileformat import load_case

    return load_case(EXAMPLE_CASE).case


def sample_context() -> dict[str, Any]:
    """A realistic template context, for trial renders when a template is validated."""
    from .compose import compose
    from .export.docx import template_context
    from .profiles import ProfileRegistry

    case = load_example()
    profile = ProfileRegistry().get(case.profile)
    return template_context(compose(case, profile), case, profile)
