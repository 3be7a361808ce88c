"""TeX mathematics in a web page's text as a reader sees it rendered. Pages that MathJax or KaTeX typeset
hold their formulas as TeX between "\\(" and "\\)" (inline) or "\\[" and "\\]" (displayed), and
trafilatura writes a page's MathML so too. An inline formula becomes its text ("\\(\\mu\\)" is "μ",
"\\(m = 5\\)" "m = 5"); one that text cannot show (a sub- or superscript set beside its base, a matrix) is
marked as mathematics, so no quote holds it; a displayed formula is no sentence.
"""

# pylatexenc ships no type information, so this module alone is checked in pyright's basic mode, as
# page_cleanup.py is for lxml.
# pyright: basic

from __future__ import annotations

import re

from pylatexenc.latex2text import LatexNodes2Text

from bot.content.readers.text import MATH_MARK

# The delimiters trafilatura writes (see its xml.py), MathJax's defaults.
_DISPLAYED = re.compile(r"\\\[.+?\\\]", re.DOTALL)
_INLINE = re.compile(r"\\\((.+?)\\\)", re.DOTALL)
# Scripts are raised or lowered beside their base, and an environment (a matrix, cases) is laid out in
# two dimensions: text has no place for either.
_UNSHOWN = re.compile(r"[\^_]|\\begin\b")
# "based-on-source": spaces as the page's TeX has them ("\theta = 1" keeps the space after θ).
_TEXT = LatexNodes2Text(math_mode="text", strict_latex_spaces="based-on-source")


def without_displayed(text: str) -> tuple[str, int]:
    """`text` without its displayed formulas, and how many there were."""
    return _DISPLAYED.subn("", text)


def render_inline(text: str) -> str:
    """`text` with each inline formula as its rendered text, or marked as mathematics."""
    return _INLINE.sub(lambda formula: _rendered(formula.group(1)), text)


def _rendered(tex: str) -> str:
    written = " ".join(tex.split())
    if _UNSHOWN.search(tex):
        return MATH_MARK + written
    return " ".join(_TEXT.latex_to_text(tex).split()) or MATH_MARK + written
