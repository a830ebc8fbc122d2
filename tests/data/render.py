"""Render small résumé specs to PDF (one or two columns), DOCX (paragraphs or a layout table,
optional page header), TXT and Markdown, deterministically.

Used only by ``make_testdata.py``. A spec's body is a list of block strings:

    "# Heading"     section heading
    "= text"        bold line (job title, employer)
    "~ text"        small grey line (dates, location)
    "- text"        bullet item
    "text"          plain paragraph

Inline ``[label](https://…)`` becomes a hyperlink (PDF link annotation over the label, DOCX
``w:hyperlink``); only the label is printed. TXT and Markdown résumés are written by hand
(``raw``) instead.
"""

from __future__ import annotations

import re
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))  # tools/docx_parts.py

import docx_parts
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx_parts import add_hyperlink, save_docx
from reportlab.lib.colors import HexColor, black
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

LINK_RE = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
FIXED_DT = datetime(2026, 1, 15, 9, 0, 0)
GREY = HexColor("#5A5A5A")
BLUE = HexColor("#0A66C2")
ACCENT = HexColor("#1F4E79")
SIDEBAR_BG = HexColor("#EDF0F4")
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
PAGES = {"letter": LETTER, "a4": A4}


def segments(text):
    """Split inline markup into (text, url-or-None) pieces."""
    out, pos = [], 0
    for m in LINK_RE.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], None))
        out.append((m.group(1), m.group(2)))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def plain(text):
    return "".join(t for t, _ in segments(text))


# ------------------------------------------------------------------------------------------
# PDF
# ------------------------------------------------------------------------------------------
def _fonts(serif=False):
    """Embed DejaVu (Sans or Serif) when installed, else fall back to the core fonts."""
    fam = "DejaVuSerif" if serif else "DejaVuSans"
    try:
        if fam not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(fam, str(FONT_DIR / f"{fam}.ttf")))
            pdfmetrics.registerFont(TTFont(f"{fam}-Bold", str(FONT_DIR / f"{fam}-Bold.ttf")))
        return fam, f"{fam}-Bold"
    except Exception:  # noqa: BLE001 - any font problem means "use the core fonts"
        return ("Times-Roman", "Times-Bold") if serif else ("Helvetica", "Helvetica-Bold")


class PdfFlow:
    """One text column that wraps words, keeps link rectangles and breaks pages."""

    def __init__(self, doc, x, width, top, bottom=50):
        self.doc, self.x, self.width, self.top, self.bottom = doc, x, width, top, bottom
        self.y = top

    def need(self, h):
        if self.y - h < self.bottom:
            self.doc.new_page()
            self.y = self.doc.page_top

    def line(self, text, bold=False, size=10, color=black, indent=0, leading=None, bullet=None):
        leading = leading or size * 1.32
        font = self.doc.bold if bold else self.doc.regular
        words = []  # (word, url)
        for seg, url in segments(text):
            for w in seg.split(" "):
                if w:
                    words.append((w, url))
        space = stringWidth(" ", font, size)
        avail = self.width - indent - (10 if bullet else 0)
        lines, cur, cur_w = [], [], 0.0
        for w, url in words:
            ww = stringWidth(w, font, size)
            if cur and cur_w + space + ww > avail:
                lines.append(cur)
                cur, cur_w = [], 0.0
            cur_w += (space if cur else 0) + ww
            cur.append((w, url))
        if cur:
            lines.append(cur)
        c = self.doc.c
        for i, ln in enumerate(lines):
            self.need(leading)
            x0 = self.x + indent
            if bullet and i == 0:
                c.setFont(font, size)
                c.setFillColor(color)
                c.drawString(x0, self.y, bullet)
            if bullet:
                x0 += 10
            # group consecutive words with the same url into one run
            runs = []
            for w, url in ln:
                if runs and runs[-1][1] == url:
                    runs[-1][0].append(w)
                else:
                    runs.append(([w], url))
            x = x0
            for k, (ws, url) in enumerate(runs):
                s = " ".join(ws)
                if k:
                    x += space
                c.setFont(font, size)
                c.setFillColor(BLUE if url else color)
                c.drawString(x, self.y, s)
                w = stringWidth(s, font, size)
                if url:
                    c.linkURL(url, (x, self.y - 2.5, x + w, self.y + size * 0.85), relative=0, thickness=0)
                x += w
            self.y -= leading

    def gap(self, h):
        self.y -= h

    def blocks(self, blocks, heading_size=12.5, body=10):
        for b in blocks:
            if b.startswith("# "):
                self.gap(6)
                self.need(heading_size * 3)
                self.line(b[2:], bold=True, size=heading_size, color=ACCENT)
                self.gap(2)
            elif b.startswith("= "):
                self.line(b[2:], bold=True, size=body + 0.5)
            elif b.startswith("~ "):
                self.line(b[2:], size=body - 1, color=GREY)
            elif b.startswith("- "):
                self.line(b[2:], size=body, indent=4, bullet="•")
            else:
                self.line(b, size=body)


class PdfDoc:
    def __init__(self, path, page="letter", title="", serif=False, sidebar=None):
        self.pagesize = PAGES[page]
        self.c = canvas.Canvas(str(path), pagesize=self.pagesize, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor("credparse test data (synthetic person)")
        self.c.setCreator("tests/data/make_testdata.py")
        self.regular, self.bold = _fonts(serif)
        self.sidebar = sidebar  # width of a shaded left sidebar, or None
        self.page_top = self.pagesize[1] - 56
        self._decorate()

    def _decorate(self):
        if self.sidebar:
            self.c.setFillColor(SIDEBAR_BG)
            self.c.rect(0, 0, self.sidebar, self.pagesize[1], stroke=0, fill=1)

    def new_page(self):
        self.c.showPage()
        self._decorate()

    def save(self):
        self.c.showPage()
        self.c.save()


def render_pdf1(spec, path):
    d = PdfDoc(path, spec.get("page", "letter"), spec["name"], serif=spec.get("serif", False))
    w = d.pagesize[0] - 2 * 56
    f = PdfFlow(d, 56, w, d.page_top)
    f.line(spec["name"], bold=True, size=19)
    f.gap(2)
    if spec.get("headline"):
        f.line(spec["headline"], size=11, color=GREY)
    for ln in spec.get("contact", []):
        f.line(ln, size=9.5)
    f.gap(8)
    f.blocks(spec["main"])
    d.save()


def render_pdf2(spec, path):
    side_w = 196
    d = PdfDoc(path, spec.get("page", "letter"), spec["name"], sidebar=side_w)
    side = PdfFlow(d, 26, side_w - 44, d.page_top)
    side.blocks(spec["side"], heading_size=12, body=9.3)
    # The sidebar must fit on page 1 (both flows start there); the main column may run on.
    main_x = side_w + 28
    main = PdfFlow(d, main_x, d.pagesize[0] - main_x - 40, d.page_top)
    main.line(spec["name"], size=23)
    main.gap(3)
    if spec.get("headline"):
        main.line(spec["headline"], size=11)
    if spec.get("location"):
        main.line(spec["location"], size=9.5, color=GREY)
    main.gap(8)
    main.blocks(spec["main"], heading_size=13.5)
    d.save()


# ------------------------------------------------------------------------------------------
# DOCX
# ------------------------------------------------------------------------------------------
def rich_paragraph(container, text, style=None, bold=False, size=None, color=None, after=2):
    p = container.add_paragraph(style=style) if style else container.add_paragraph()
    for seg, url in segments(text):
        if url:
            add_hyperlink(p, seg, url, size=size, bold=bold)
        else:
            r = p.add_run(seg)
            r.bold = bold or None
            if size:
                r.font.size = Pt(size)
            if color:
                r.font.color.rgb = RGBColor.from_string(color)
    p.paragraph_format.space_after = Pt(after)
    return p


def docx_blocks(container, blocks, heading_style=True):
    for b in blocks:
        if b.startswith("# "):
            if heading_style and hasattr(container, "add_heading"):
                container.add_heading(b[2:], level=2)
            else:
                rich_paragraph(container, b[2:].upper(), bold=True, size=11, color="1F4E79", after=3)
        elif b.startswith("= "):
            rich_paragraph(container, b[2:], bold=True)
        elif b.startswith("~ "):
            rich_paragraph(container, b[2:], size=9, color="5A5A5A")
        elif b.startswith("- "):
            rich_paragraph(container, b[2:], style="List Bullet")
        else:
            rich_paragraph(container, b)


def new_docx(title):
    return docx_parts.new_document("credparse test data (synthetic person)", title, FIXED_DT)


def header_contact(doc, spec):
    hp = doc.sections[0].header.paragraphs[0]
    line = " · ".join(
        [spec["name"]] + ([spec["headline"]] if spec.get("headline") else []) + spec.get("contact", [])
    )
    for seg, url in segments(line):
        if url:
            add_hyperlink(hp, seg, url, size=9)
        else:
            hp.add_run(seg).font.size = Pt(9)


def render_docx(spec, path):
    doc = new_docx(spec["name"])
    if spec.get("header"):
        header_contact(doc, spec)
    else:
        rich_paragraph(doc, spec["name"], bold=True, size=19)
        if spec.get("headline"):
            rich_paragraph(doc, spec["headline"], size=11, color="5A5A5A")
        for ln in spec.get("contact", []):
            rich_paragraph(doc, ln, size=10)
    docx_blocks(doc, spec["main"])
    save_docx(doc, path)


def _cell_width(cell, cm):
    cell.width = Cm(cm)
    tcpr = cell._tc.get_or_add_tcPr()
    tcw = OxmlElement("w:tcW")
    tcw.set(qn("w:w"), str(int(cm * 567)))
    tcw.set(qn("w:type"), "dxa")
    tcpr.append(tcw)


def render_docx_table(spec, path):
    doc = new_docx(spec["name"])
    sec = doc.sections[0]
    sec.left_margin = sec.right_margin = Cm(1.5)
    if spec.get("header"):
        header_contact(doc, spec)
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)
    side, main = table.rows[0].cells
    _cell_width(side, 6.2)
    _cell_width(main, 11.8)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), "EDF0F4")
    side._tc.get_or_add_tcPr().append(shd)
    side._tc.remove(side.paragraphs[0]._p)
    main._tc.remove(main.paragraphs[0]._p)
    docx_blocks(side, spec["side"], heading_style=False)
    rich_paragraph(main, spec["name"], size=20)
    if spec.get("headline"):
        rich_paragraph(main, spec["headline"], size=11.5, color="5A5A5A", after=8)
    docx_blocks(main, spec["main"], heading_style=False)
    save_docx(doc, path)


def render_text(spec, path):
    data = spec["raw"]
    encoding = spec.get("encoding", "utf-8")
    Path(path).write_bytes(data.encode(encoding))


RENDERERS = {
    "pdf1": render_pdf1,
    "pdf2": render_pdf2,
    "docx": render_docx,
    "docx_table": render_docx_table,
    "txt": render_text,
    "md": render_text,
}


def render(spec, path):
    RENDERERS[spec["layout"]](spec, path)
