"""Templates and phrases are data, not code; XML cannot pull in files; nothing goes online."""

from __future__ import annotations

import socket

import pytest
from docxtools import patched_template

from tillit_desk.errors import TemplateError
from tillit_desk.export.docx import export_docx, render_docx
from tillit_desk.phrases import case_context, render_snippet

ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ document.__class__.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ self._TemplateReference__context }}",
    "{% for i in range(10**9) %}x{% endfor %}",
    "{{ 'a' * 100000000 }}",
    "{{ lipsum.__globals__['os'].system('true') }}",
]


@pytest.mark.parametrize("snippet", ESCAPES)
def test_sandbox_escape_attempts_fail_cleanly(example_case, snippet):
    with pytest.raises(TemplateError) as info:
        render_snippet(snippet, case_context(example_case))
    assert str(info.value).startswith("Standardfrasen")


@pytest.mark.parametrize("snippet", ESCAPES[:3])
def test_template_escape_attempts_fail_cleanly(example_case, registry, tmp_path, snippet):
    evil = patched_template(registry.get("generic").template_path, tmp_path / "evil.docx",
                            {"{{ document.title }}": snippet.replace("'", "&apos;")})
    with pytest.raises(TemplateError):
        render_docx(example_case, registry.get("generic"), evil)


def test_external_entities_in_a_template_are_not_loaded(example_case, registry, tmp_path):
    secret = tmp_path / "hemlig.txt"
    secret.write_text("HEMLIGT-INNEHÅLL", encoding="utf-8")
    doctype = f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    evil = patched_template(registry.get("generic").template_path, tmp_path / "xxe.docx", {
        "standalone='yes'?>": "standalone='yes'?>" + doctype,
        "{{ document.title }}": "&xxe;{{ document.title }}"})
    try:
        data, _ = render_docx(example_case, registry.get("generic"), evil)
    except TemplateError:
        return  # refusing the template is as good as ignoring the entity
    assert b"HEMLIGT" not in data
    import io

    import docx

    assert "HEMLIGT" not in "".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_a_full_session_opens_no_network_connection(example_case, registry, tmp_path,
                                                     monkeypatch):
    attempts = []

    class NoSocket(socket.socket):
        def connect(self, address):
            attempts.append(address)
            raise OSError("network blocked by test")

    def no_dns(*args, **kwargs):
        attempts.append(args)
        raise OSError("dns blocked by test")

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", no_dns)
    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    from tillit_desk.fileformat import load_case, save_case

    save_case(example_case, tmp_path / "a.tillit")
    case = load_case(tmp_path / "a.tillit").case
    for profile in registry.all():
        export_docx(case, profile, tmp_path / f"{profile.id}.docx")
    render_snippet("{{ motionarer }}", case_context(case))
    assert attempts == []
