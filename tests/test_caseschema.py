"""The committed case validator is the published schema's: generated from it, up to date."""

from __future__ import annotations

from fresh_process import run_python

from tillit_desk import caseschema


def test_generated_validator_matches_the_schema():
    assert caseschema.GENERATED.read_text(encoding="utf-8") == caseschema.generated_code(), (
        "docs/tillit-desk-1.schema.json changed: run python -m tillit_desk.caseschema")


def test_loading_a_case_needs_no_schema_compiler(tmp_path):
    """The window's start-up loads the example case: that must not import fastjsonschema."""
    result = run_python("import sys\n"
                        "from tillit_desk.example import load_example\n"
                        "load_example()\n"
                        "print('fastjsonschema' in sys.modules, "
                        "'tillit_desk.case_validator' in sys.modules)\n", tmp_path)
    assert result.stdout.split() == ["False", "True"], result.stderr
