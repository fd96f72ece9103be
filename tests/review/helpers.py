"""Run one rule on one text, so each rule is tested on its own."""

from __future__ import annotations

from tillit_desk.case import Case
from tillit_desk.review.context import Context
from tillit_desk.review.findings import Finding
from tillit_desk.review.registry import all_rules
from tillit_desk.review.spelling import Speller
from tillit_desk.review.text import analyse


def run_section(rule_id: str, text: str, case: Case, profile, *, section: str = "arendet",
                speller: Speller | None = None) -> list[Finding]:
    rule = all_rules()[rule_id]
    ctx = Context(case, profile, speller)
    return list(rule.func(ctx, section, analyse(text)))


def run_case(rule_id: str, case: Case, profile) -> list[Finding]:
    rule = all_rules()[rule_id]
    return list(rule.func(Context(case, profile)))


def spans(findings: list[Finding], text: str) -> list[str]:
    return [text[f.start:f.end] for f in findings]
