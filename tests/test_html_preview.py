from __future__ import annotations

from tillit_desk.case import Signatory
from tillit_desk.compose import compose
from tillit_desk.export.html import blocks_html, render_html
from tillit_desk.markup import parse_blocks


def test_preview_has_header_sections_and_att_satser(registry, example_case):
    profile = registry.get(example_case.profile)
    example_case.signatories = [Signatory("Åsa Ek", "Kommundirektör")]
    html = render_html(compose(example_case, profile))
    assert "Lunds kommun" in html and "KS 2022/0086" in html and "Tjänsteskrivelse" in html
    assert "<h2>Förslag till beslut</h2>" in html
    assert '<td class="att" valign="top">att</td>' in html
    assert "<h3>Bakgrund</h3>" in html and "<h4>Om tillitsbaserad" in html
    assert "Åsa Ek" in html and "Kommundirektör" in html
    assert html.index("Förslag till beslut") < html.index("Ärendet")


def test_text_is_escaped(registry, example_case):
    profile = registry.get(example_case.profile)
    example_case.document.title = "<script>alert(1)</script> & co"
    example_case.sections["bedomning"] = "Se <b>här</b> & där"
    html = render_html(compose(example_case, profile))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Se &lt;b&gt;här&lt;/b&gt; &amp; där" in html


def test_blocks_html_formats_and_nested_lists():
    html = blocks_html(parse_blocks("**fet** *kursiv*\nrad två\n\n- a\n  - b\n- c\n\n1. ett"))
    assert "<b>fet</b> <i>kursiv</i><br>rad två" in html
    assert "<ul><li>a</li><ul><li>b</li></ul><li>c</li></ul>" in html
    assert "<ol><li>ett</li></ol>" in html


def test_preview_does_not_load_jinja(tmp_path):
    """The window shows the preview at once; Jinja (~9 MB) waits for phrases and export."""
    from fresh_process import run_python

    code = ("import sys\n"
            "from tillit_desk.compose import compose\n"
            "from tillit_desk.example import load_example\n"
            "from tillit_desk.export.html import render_html\n"
            "from tillit_desk.profiles import ProfileRegistry\n"
            "case = load_example()\n"
            "assert 'Barnets bästa' in render_html(compose(case, "
            "ProfileRegistry().get(case.profile)))\n"
            "assert 'jinja2' not in sys.modules\n")
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr


def test_nested_numbered_list_under_a_bullet_is_an_ol():
    html = blocks_html(parse_blocks("- punkt\n  1. första\n  2. andra\n- sista"))
    assert html == ("<ul><li>punkt</li><ol><li>första</li><li>andra</li></ol>"
                    "<li>sista</li></ul>")
