# The one raw PDFium call studybot makes (the font size of a character); see __init__.pyi.
from pypdfium2 import PdfTextPage

def FPDFText_GetFontSize(text_page: PdfTextPage, index: int) -> float: ...
