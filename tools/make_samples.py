"""Build the example résumés in ``samples/`` and their labels in ``tests/samples_expected/``.

The script lives in ``tools/`` so that ``credparse scan samples`` sees only résumés.

Every person, employer, e-mail address (example.com/.org/.net), phone number (555-01xx) and
address here is invented. The credentials are real ones (real names, issuers and exam codes),
with dates that are plausible relative to 2026-11-25, the ``as_of`` date the labels assume.

The output is deterministic: PDFs are written with reportlab's ``invariant`` mode and DOCX
zip entries get a fixed timestamp, so re-running the script reproduces the same bytes.

    .venv/bin/python tools/make_samples.py           # build + check
    .venv/bin/python tools/make_samples.py --check   # only check the committed files
"""

from __future__ import annotations

import io
import json
import shutil
import sys
from datetime import datetime
from pathlib import Path

import docx_parts  # tools/: run as `python tools/make_samples.py`
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx_parts import add_hyperlink, save_docx
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.colors import HexColor, black
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parents[1] / "samples"
EXPECTED = Path(__file__).resolve().parents[1] / "tests" / "samples_expected"
AS_OF = "2026-11-25"
FIXED_DT = datetime(2026, 1, 15, 9, 0, 0)

BLUE = HexColor("#0A66C2")
GREY = HexColor("#555555")
SIDEBAR_BG = HexColor("#EEF1F5")

# Official issuer names used in the labels.
AWS = "Amazon Web Services"
MSFT = "Microsoft"
LF = "The Linux Foundation"
PMI = "Project Management Institute"
ISC2 = "ISC2"
COMPTIA = "CompTIA"
CISCO = "Cisco"
AHA = "American Heart Association"
PEOPLECERT = "PeopleCert"
NASAA = "North American Securities Administrators Association (NASAA)"
FINRA = "Financial Industry Regulatory Authority (FINRA)"


# --------------------------------------------------------------------------------------------
# label helpers
# --------------------------------------------------------------------------------------------
def cred(name, issuer, status="earned", level="unverifiable", **extra):
    """One expected credential; only the optional fields that the résumé states are kept."""
    out = {"name": name, "issuer": issuer, "status": status, "level": level}
    for key in ("credential_id", "url", "issued", "expires"):
        if extra.get(key) is not None:
            out[key] = extra[key]
    return out


def write_expected(file_name, name, emails, credentials, traps, notes=None):
    data = {
        "candidate": {"name": name, "emails": emails},
        "credentials": credentials,
        "traps": traps,
    }
    if notes:
        data["notes"] = notes
    EXPECTED.mkdir(exist_ok=True)
    path = EXPECTED / f"{file_name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------------------------
# PDF helpers (reportlab)
# --------------------------------------------------------------------------------------------
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_FONTS: dict[str, str] = {}


def _embedded_fonts() -> dict[str, str]:
    """Map the core font names to embedded DejaVu Sans (real ToUnicode maps for •, –, €, ß).

    Falls back to the core Helvetica fonts when DejaVu is not installed; the PDFs then still
    open, but bullets extract as (cid:127), as in many real-world PDFs.
    """
    if not _FONTS:
        try:
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT_DIR / "DejaVuSans.ttf")))
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
            _FONTS.update({"Helvetica": "DejaVuSans", "Helvetica-Bold": "DejaVuSans-Bold"})
        except Exception:  # noqa: BLE001 - any font problem means "use the core fonts"
            _FONTS.update({"Helvetica": "Helvetica", "Helvetica-Bold": "Helvetica-Bold"})
    return _FONTS


class Pdf:
    """A thin wrapper over a reportlab canvas: text, wrapped paragraphs and link labels.

    ``core_fonts=True`` keeps the 14 standard fonts (not embedded, WinAnsi encoding); otherwise
    DejaVu Sans is embedded.
    """

    def __init__(self, path: Path, pagesize=LETTER, title: str = "", core_fonts=False):
        self.fonts = (
            {"Helvetica": "Helvetica", "Helvetica-Bold": "Helvetica-Bold"}
            if core_fonts
            else _embedded_fonts()
        )
        self.c = canvas.Canvas(str(path), pagesize=pagesize, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor("credparse samples (synthetic person)")
        self.c.setCreator("samples/make_samples.py")
        self.width, self.height = pagesize

    def font(self, name):
        return self.fonts.get(name, name)

    def text(self, x, y, s, font="Helvetica", size=10, color=black):
        font = self.font(font)
        self.c.setFont(font, size)
        self.c.setFillColor(color)
        self.c.drawString(x, y, s)
        return stringWidth(s, font, size)

    def link(self, x, y, s, url, font="Helvetica", size=10, color=BLUE, underline=False):
        """Draw ``s`` and put a URI link annotation exactly over it (the URL is not printed)."""
        w = self.text(x, y, s, font, size, color)
        if underline:
            self.c.setStrokeColor(color)
            self.c.setLineWidth(0.5)
            self.c.line(x, y - 1.5, x + w, y - 1.5)
        self.c.linkURL(url, (x, y - 2.5, x + w, y + size * 0.85), relative=0, thickness=0)
        return w

    def wrap(self, s, font, size, width):
        font = self.font(font)
        lines, cur = [], ""
        for word in s.split(" "):
            trial = f"{cur} {word}".strip()
            if stringWidth(trial, font, size) <= width or not cur:
                cur = trial
            else:
                lines.append(cur)
                cur = word
        if cur:
            lines.append(cur)
        return lines

    def para(self, x, y, s, width, font="Helvetica", size=10, leading=13, color=black, bullet=None):
        indent = 0
        if bullet:
            self.text(x, y, bullet, font, size, color)
            indent = 10
        for line in self.wrap(s, font, size, width - indent):
            self.text(x + indent, y, line, font, size, color)
            y -= leading
        return y

    def save(self):
        self.c.showPage()
        self.c.save()


# --------------------------------------------------------------------------------------------
# DOCX helpers (python-docx + raw OXML for what it has no API for)
# --------------------------------------------------------------------------------------------
def add_text_box(paragraph, lines, left_pt=330, top_pt=0, width_pt=190, height_pt=120):
    """Append a floating VML text box (``w:pict/v:shape/v:textbox/w:txbxContent``)."""
    paras = []
    for i, line in enumerate(lines):
        bold = "<w:rPr><w:b/></w:rPr>" if i == 0 else ""
        esc = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        paras.append(
            f'<w:p><w:pPr><w:spacing w:after="40"/></w:pPr><w:r>{bold}'
            f'<w:t xml:space="preserve">{esc}</w:t></w:r></w:p>'
        )
    xml = (
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml" '
        f'xmlns:o="urn:schemas-microsoft-com:office:office"><w:pict>'
        '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
        'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
        '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        '<v:shape id="LicensesBox" o:spid="_x0000_s1026" type="#_x0000_t202" '
        f'style="position:absolute;margin-left:{left_pt}pt;margin-top:{top_pt}pt;'
        f"width:{width_pt}pt;height:{height_pt}pt;z-index:251659264;"
        'mso-position-horizontal-relative:text;mso-position-vertical-relative:text" '
        'fillcolor="#EEF1F5" strokecolor="#8899AA">'
        f"<v:textbox><w:txbxContent>{''.join(paras)}</w:txbxContent></v:textbox>"
        "</v:shape></w:pict></w:r>"
    )
    paragraph._p.append(parse_xml(xml))


def set_cell_width(cell, cm):
    cell.width = Cm(cm)
    tcpr = cell._tc.get_or_add_tcPr()
    tcw = tcpr.find(qn("w:tcW"))
    if tcw is None:
        tcw = OxmlElement("w:tcW")
        tcpr.append(tcw)
    tcw.set(qn("w:w"), str(int(cm * 567)))
    tcw.set(qn("w:type"), "dxa")


def shade_cell(cell, hex_fill):
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    tcpr.append(shd)


def no_borders(table):
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblpr.append(borders)


def new_document(author_note="credparse samples (synthetic person)"):
    return docx_parts.new_document(author_note, "Résumé", FIXED_DT)


def para(container, text="", bold=False, size=None, color=None, style=None, space_after=2):
    p = container.add_paragraph(style=style) if style else container.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
    p.paragraph_format.space_after = Pt(space_after)
    return p


# ============================================================================================
# 1. One-column PDF, LinkedIn-style "Licenses & Certifications" with link-only "Show credential"
# ============================================================================================
def linkedin_one_column():
    fname = "linkedin_one_column.pdf"
    credly_saa = "https://www.credly.com/badges/3f2c9a1e-5b7d-4c2a-9e1f-0a1b2c3d4e5f/public_url"
    ms_url = (
        "https://learn.microsoft.com/api/credentials/share/en-us/DanaWhitcombe-4821/"
        "5C1E8B2D7A4F3E90?sharingId=9A3F2B7C41D0E6A8"
    )
    credly_tf = "https://www.credly.com/badges/8d4b1f7e-2c3a-4e5b-9f60-71a2b3c4d5e6/public_url"
    credly_cka = "https://www.credly.com/badges/c41e7a92-6d3b-4f15-8a0e-9b2c7d1f3e58/public_url"
    coursera = "https://www.coursera.org/account/accomplishments/specialization/QW7ERT5YU9IP"

    pdf = Pdf(HERE / fname, LETTER, "Dana Whitcombe - Résumé")
    x, w = 54, LETTER[0] - 108
    y = LETTER[1] - 64
    pdf.text(x, y, "Dana Whitcombe", "Helvetica-Bold", 20)
    y -= 18
    pdf.text(x, y, "Senior Cloud Engineer · Portland, Oregon", "Helvetica", 11, GREY)
    y -= 15
    dx = pdf.text(x, y, "dana.whitcombe@example.com · +1 (503) 555-0142 · ", "Helvetica", 9.5)
    pdf.link(
        x + dx,
        y,
        "linkedin.com/in/dana-whitcombe-example",
        "https://www.linkedin.com/in/dana-whitcombe-example",
        size=9.5,
    )
    y -= 26

    def heading(title):
        nonlocal y
        pdf.text(x, y, title, "Helvetica-Bold", 13)
        pdf.c.setStrokeColor(HexColor("#CCCCCC"))
        pdf.c.line(x, y - 4, x + w, y - 4)
        y -= 19

    heading("Summary")
    y = pdf.para(
        x,
        y,
        "Cloud engineer with nine years of experience building secure, automated "
        "platforms on AWS and Azure for logistics and analytics teams. I enjoy turning "
        "fragile deployments into boring, repeatable pipelines.",
        w,
    )
    y -= 10

    heading("Experience")
    jobs = [
        (
            "Senior Cloud Engineer",
            "Northwind Freight Systems",
            "Jan 2021 – Present · Portland, Oregon",
            [
                "Led the migration of 140 services from on-premises VMware to Amazon EKS, cutting "
                "hosting costs by 31%.",
                "Ran quarterly AWS Well-Architected reviews with product teams and tracked "
                "remediation in Jira.",
                "Built a landing zone with Terraform and Azure Policy for the Azure tenant acquired in 2023.",
            ],
        ),
        (
            "Cloud Engineer",
            "Bluegate Analytics",
            "Jun 2017 – Dec 2020 · Seattle, Washington",
            [
                "Automated nightly data loads with AWS Step Functions and Python.",
                "Mentored three junior engineers and introduced blameless post-mortems.",
            ],
        ),
    ]
    for title, org, when, bullets in jobs:
        pdf.text(x, y, title, "Helvetica-Bold", 10.5)
        y -= 13
        pdf.text(x, y, org, "Helvetica", 10)
        y -= 12
        pdf.text(x, y, when, "Helvetica", 9, GREY)
        y -= 14
        for b in bullets:
            y = pdf.para(x + 6, y, b, w - 6, bullet="•", size=9.5, leading=12.5)
        y -= 8

    heading("Licenses & Certifications")
    entries = [
        (
            "AWS Certified Solutions Architect – Associate",
            "Amazon Web Services (AWS)",
            "Issued Mar 2023 · Expires Mar 2026",
            "7XK2P9Q1LM",
            credly_saa,
        ),
        (
            "Microsoft Certified: Azure Administrator Associate",
            "Microsoft",
            "Issued Jun 2024 · Expires Jun 2027",
            "5C1E8B2D7A4F3E90",
            ms_url,
        ),
        (
            "HashiCorp Certified: Terraform Associate (003)",
            "HashiCorp",
            "Issued Feb 2025 · Expires Feb 2027",
            None,
            credly_tf,
        ),
        (
            "Certified Kubernetes Administrator (CKA)",
            "The Linux Foundation",
            "Issued Oct 2022 · Expires Oct 2025",
            "LF-4k9x2m7q1p",
            credly_cka,
        ),
        ("Deep Learning Specialization", "DeepLearning.AI", "Issued Aug 2021", "QW7ERT5YU9IP", coursera),
    ]
    for name, issuer, dates, cid, url in entries:
        if y < 130:
            pdf.c.showPage()
            y = LETTER[1] - 64
        pdf.text(x, y, name, "Helvetica-Bold", 10.5)
        y -= 13
        pdf.text(x, y, issuer, "Helvetica", 10)
        y -= 12
        pdf.text(x, y, dates, "Helvetica", 9, GREY)
        y -= 12
        if cid:
            pdf.text(x, y, f"Credential ID {cid}", "Helvetica", 9, GREY)
            y -= 14
        pdf.link(x, y, "Show credential", url, "Helvetica-Bold", 9.5, BLUE)
        y -= 20

    heading("Education")
    pdf.text(x, y, "Oregon State University", "Helvetica-Bold", 10.5)
    y -= 13
    pdf.text(x, y, "Bachelor of Science (BS), Computer Science · 2013 – 2017", "Helvetica", 10)
    y -= 24
    heading("Skills")
    pdf.text(x, y, "Amazon EKS · Terraform · Azure Policy · Python · GitHub Actions", "Helvetica", 10)
    pdf.save()

    write_expected(
        fname,
        "Dana Whitcombe",
        ["dana.whitcombe@example.com"],
        [
            cred(
                "AWS Certified Solutions Architect – Associate",
                AWS,
                "expired",
                "verifiable",
                credential_id="7XK2P9Q1LM",
                url=credly_saa,
                issued="2023-03",
                expires="2026-03",
            ),
            cred(
                "Microsoft Certified: Azure Administrator Associate",
                MSFT,
                "earned",
                "verifiable",
                credential_id="5C1E8B2D7A4F3E90",
                url=ms_url,
                issued="2024-06",
                expires="2027-06",
            ),
            cred(
                "HashiCorp Certified: Terraform Associate (003)",
                "HashiCorp",
                "earned",
                "verifiable",
                url=credly_tf,
                issued="2025-02",
                expires="2027-02",
            ),
            cred(
                "Certified Kubernetes Administrator (CKA)",
                LF,
                "expired",
                "verifiable",
                credential_id="LF-4k9x2m7q1p",
                url=credly_cka,
                issued="2022-10",
                expires="2025-10",
            ),
            cred(
                "Deep Learning Specialization",
                "DeepLearning.AI",
                "earned",
                "verifiable",
                credential_id="QW7ERT5YU9IP",
                url=coursera,
                issued="2021-08",
            ),
        ],
        ["AWS Well-Architected reviews", "Azure Policy", "GitHub Actions", "AWS Step Functions"],
        notes="Every 'Show credential' label is only a link annotation; the URLs are not printed.",
    )


# ============================================================================================
# 2. Two-column PDF like a LinkedIn "Save to PDF" export (sidebar left, main right)
# ============================================================================================
def linkedin_two_column():
    fname = "linkedin_two_column.pdf"
    acp = "https://www.credly.com/badges/5e8a1c3f-7b2d-4e9a-b6c0-1d2e3f4a5b6c/public_url"
    ccp = "https://www.credly.com/badges/a7b8c9d0-1e2f-4a3b-8c4d-5e6f7a8b9c0d/public_url"
    safe = "https://www.credly.com/badges/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0/public_url"
    linkedin = "https://www.linkedin.com/in/tomasz-ellery-example"

    pdf = Pdf(HERE / fname, LETTER, "Tomasz Ellery - LinkedIn profile")
    pdf.c.setFillColor(SIDEBAR_BG)
    pdf.c.rect(0, 0, 200, LETTER[1], stroke=0, fill=1)

    # ---- sidebar
    sx = 28
    y = LETTER[1] - 60

    def side_heading(t):
        nonlocal y
        pdf.text(sx, y, t, "Helvetica-Bold", 12.5)
        y -= 17

    side_heading("Contact")
    pdf.text(sx, y, "tomasz.ellery@example.org", size=9.5)
    y -= 13
    pdf.text(sx, y, "+1 312 555 0167 (Mobile)", size=9.5)
    y -= 13
    pdf.link(sx, y, "www.linkedin.com/in/tomasz-", linkedin, size=9.5, color=black)
    y -= 12
    pdf.link(sx, y, "ellery-example", linkedin, size=9.5, color=black)
    pdf.text(sx + stringWidth("ellery-example ", pdf.font("Helvetica"), 9.5), y, "(LinkedIn)", size=9.5)
    y -= 26
    side_heading("Top Skills")
    for s in ("Program Management", "Stakeholder Management", "Jira Align"):
        pdf.text(sx, y, s, size=9.5)
        y -= 13
    y -= 13
    side_heading("Certifications")
    certs = [
        (["PMI Agile Certified Practitioner", "(PMI-ACP)"], acp),
        (["Certified ScrumMaster® (CSM)"], None),
        (["ITIL® 4 Foundation"], None),
        (["AWS Certified Cloud Practitioner"], ccp),
        (["Certified SAFe® 6 Agilist"], safe),
    ]
    for lines, url in certs:
        for line in lines:
            if url:
                pdf.link(sx, y, line, url, size=9.5, color=black)
            else:
                pdf.text(sx, y, line, size=9.5)
            y -= 12.5
        y -= 3
    y -= 13
    side_heading("Languages")
    pdf.text(sx, y, "Polish (Native or Bilingual)", size=9.5)
    y -= 13
    pdf.text(sx, y, "English (Full Professional)", size=9.5)

    # ---- main column
    mx, mw = 228, LETTER[0] - 228 - 40
    y = LETTER[1] - 64
    pdf.text(mx, y, "Tomasz Ellery", "Helvetica", 24)
    y -= 20
    y = pdf.para(
        mx, y, "Senior Technical Program Manager | Cloud Migrations | Agile at Scale", mw, size=11, leading=14
    )
    pdf.text(mx, y, "Chicago, Illinois, United States", size=10, color=GREY)
    y -= 28

    def heading(t):
        nonlocal y
        pdf.text(mx, y, t, "Helvetica-Bold", 14)
        y -= 18

    heading("Summary")
    y = pdf.para(
        mx,
        y,
        "PMP-certified program manager with 12 years of experience leading cloud "
        "migration and platform programs for logistics and insurance companies. "
        "Comfortable with budgets above $20M, vendor negotiations and quarterly planning "
        "across eight teams.",
        mw,
        size=10,
        leading=13,
    )
    y -= 14
    heading("Experience")
    jobs = [
        (
            "Halvorsen Logistics",
            "Senior Technical Program Manager",
            "January 2020 - Present (6 years 11 months)",
            "Chicago, Illinois",
            [
                "Ran the data-centre exit programme: 420 applications moved to AWS in 26 months.",
                "Introduced Jira Align portfolio reporting for nine agile teams.",
            ],
        ),
        (
            "Crescent Mutual Insurance",
            "Project Manager",
            "March 2014 - December 2019 (5 years 10 months)",
            "Chicago, Illinois",
            ["Delivered the claims platform replacement on time; coordinated three vendors and 60 staff."],
        ),
    ]
    for org, title, when, where, bullets in jobs:
        pdf.text(mx, y, org, "Helvetica-Bold", 11)
        y -= 14
        pdf.text(mx, y, title, size=10.5)
        y -= 13
        pdf.text(mx, y, when, size=9.5, color=GREY)
        y -= 12
        pdf.text(mx, y, where, size=9.5, color=GREY)
        y -= 15
        for b in bullets:
            y = pdf.para(mx, y, b, mw, size=10, leading=13)
            y -= 3
        y -= 10
    heading("Education")
    pdf.text(mx, y, "University of Illinois Chicago", "Helvetica-Bold", 11)
    y -= 14
    pdf.text(mx, y, "Master of Business Administration - MBA · (2011 - 2013)", size=10)
    pdf.text(LETTER[0] / 2 - 20, 30, "Page 1 of 1", size=8, color=GREY)
    pdf.save()

    write_expected(
        fname,
        "Tomasz Ellery",
        ["tomasz.ellery@example.org"],
        [
            cred("PMI Agile Certified Practitioner (PMI-ACP)", PMI, "earned", "verifiable", url=acp),
            cred("Certified ScrumMaster (CSM)", "Scrum Alliance"),
            cred("ITIL 4 Foundation", PEOPLECERT),
            cred("AWS Certified Cloud Practitioner", AWS, "earned", "verifiable", url=ccp),
            cred("Certified SAFe 6 Agilist", "Scaled Agile, Inc.", "earned", "verifiable", url=safe),
            cred("Project Management Professional (PMP)", PMI),
        ],
        ["Jira Align", "Program Management"],
        notes="PMP appears only in the Summary ('PMP-certified program manager'). The PMI-ACP "
        "name wraps over two sidebar lines, both linked.",
    )


# ============================================================================================
# 3. PDF with headings in a left margin column (heading x=40, content x=160, same baseline)
# ============================================================================================
def margin_headings():
    fname = "margin_headings.pdf"
    pdf = Pdf(HERE / fname, LETTER, "Keiko Brandvold, RN")
    hx, cx = 40, 160
    cw = LETTER[0] - cx - 48
    y = LETTER[1] - 60
    pdf.text(cx, y, "Keiko Brandvold, RN", "Helvetica-Bold", 20)
    y -= 17
    pdf.text(cx, y, "Sacramento, CA · (916) 555-0108 · keiko.brandvold@example.com", size=10, color=GREY)
    y -= 30

    def section(title, items, gap=12):
        """items: list of (text, bold_prefix) paragraphs; the heading shares the first baseline."""
        nonlocal y
        pdf.text(hx, y, title.upper(), "Helvetica-Bold", 9.5, HexColor("#1F4E79"))
        for text, bullet in items:
            y = pdf.para(cx, y, text, cw, size=10, leading=13, bullet="•" if bullet else None)
            y -= 3
        y -= gap

    section(
        "Profile",
        [
            (
                "Critical care nurse with 10 years in adult ICU and step-down units. "
                "Charge nurse, preceptor and member of the sepsis quality committee.",
                False,
            )
        ],
    )
    section(
        "Licensure",
        [
            (
                "Registered Nurse, California Board of Registered Nursing — "
                "License #RN123456, valid through 2027-03",
                False,
            )
        ],
    )
    section(
        "Certifications",
        [
            ("CCRN (Adult), AACN Certification Corporation, 2019 – 2022", True),
            ("Basic Life Support (BLS) Provider, American Heart Association, exp. 09/2027", True),
            (
                "Advanced Cardiovascular Life Support (ACLS), American Heart Association, expired 08/2025",
                True,
            ),
            ("Trauma Nursing Core Course (TNCC) Provider, Emergency Nurses Association, 2024 – 2028", True),
        ],
    )
    # Experience: job line in content column, bullets below
    pdf.text(hx, y, "EXPERIENCE", "Helvetica-Bold", 9.5, HexColor("#1F4E79"))
    jobs = [
        (
            "Charge Nurse, Medical ICU — Riverside Crest Medical Center, Sacramento, CA · 2019 – present",
            [
                "Coordinate staffing and bed flow for a 24-bed ICU; precept new graduate nurses.",
                "Led the unit's CAUTI reduction project (42% fewer infections in 18 months).",
            ],
        ),
        (
            "Staff Nurse, Step-Down Unit — Valley Oak Hospital, Fresno, CA · 2015 – 2019",
            ["Cared for 4–5 telemetry patients per shift; super-user for the Epic Rover rollout."],
        ),
    ]
    for head, bullets in jobs:
        y = pdf.para(cx, y, head, cw, "Helvetica-Bold", 10, 13)
        for b in bullets:
            y = pdf.para(cx, y, b, cw, size=10, leading=13, bullet="•")
        y -= 6
    y -= 8
    section(
        "Education", [("Bachelor of Science in Nursing, California State University, Fresno, 2015", False)]
    )
    section("Skills", [("Epic Rover, CRRT, arterial lines, Alaris pumps, sepsis bundles", False)])
    pdf.save()

    write_expected(
        fname,
        "Keiko Brandvold",
        ["keiko.brandvold@example.com"],
        [
            cred(
                "Registered Nurse (RN)",
                "California Board of Registered Nursing",
                "earned",
                "verifiable",
                credential_id="RN123456",
                expires="2027-03",
            ),
            cred("CCRN (Adult)", "AACN Certification Corporation", "expired", issued="2019", expires="2022"),
            cred("Basic Life Support (BLS)", AHA, expires="2027-09"),
            cred("Advanced Cardiovascular Life Support (ACLS)", AHA, "expired", expires="2025-08"),
            cred(
                "Trauma Nursing Core Course (TNCC)",
                "Emergency Nurses Association",
                issued="2024",
                expires="2028",
            ),
        ],
        ["Epic Rover", "Alaris pumps", "CAUTI reduction project"],
        notes="Section headings sit at x=40 on the same baseline as the first content line at "
        "x=160. The RN licence number has a public state-board look-up.",
    )


# ============================================================================================
# 4. DOCX: two-column layout table, contact details in the page header, real w:hyperlink
# ============================================================================================
def sidebar_layout_docx():
    fname = "sidebar_layout.docx"
    credly = "https://www.credly.com/badges/9b1d3f5a-7c2e-4a6b-8d0f-1e3a5c7b9d2f/public_url"
    linkedin = "https://www.linkedin.com/in/aurelio-vance-example"
    doc = new_document()
    sec = doc.sections[0]
    sec.left_margin = sec.right_margin = Cm(1.6)
    sec.top_margin = Cm(2.2)
    hp = sec.header.paragraphs[0]
    hp.add_run(
        "Aurelio Vance  |  aurelio.vance@example.net  |  (646) 555-0119  |  Brooklyn, NY  |  "
    ).font.size = Pt(9)
    add_hyperlink(hp, "linkedin.com/in/aurelio-vance-example", linkedin, size=9)

    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    no_borders(table)
    side, main = table.rows[0].cells
    set_cell_width(side, 6.0)
    set_cell_width(main, 11.8)
    shade_cell(side, "EEF1F5")

    side.paragraphs[0].add_run("CERTIFICATIONS").bold = True
    p = para(side, "CCSP — Certified Cloud Security Professional", bold=True)
    p = para(side, "ISC2 · 2021 · ")
    add_hyperlink(p, "Verify", credly)
    para(side, "CompTIA A+, Network+, Security+")
    para(side, "Cisco", bold=True)
    para(side, "CCNA", style="List Bullet")
    para(side, "CCNP Enterprise", style="List Bullet")
    para(side, "GIAC Security Essentials (GSEC) — 2019 – 2023")
    para(side, "Currently pursuing CISSP (exam booked March 2027)")
    para(side, "")
    side.add_paragraph().add_run("SKILLS").bold = True
    para(side, "Splunk, CrowdStrike Falcon, Palo Alto firewalls, Python, Wireshark")

    main.paragraphs[0].add_run("Aurelio Vance").font.size = Pt(22)
    para(main, "Security Engineer", size=12, color="555555", space_after=10)
    main.add_paragraph().add_run("PROFILE").bold = True
    para(
        main,
        "Security engineer with 8 years in network defence and cloud security for media "
        "and retail companies.",
        space_after=8,
    )
    main.add_paragraph().add_run("EXPERIENCE").bold = True
    para(main, "Senior Security Engineer, Halcyon Media Group — 2022–present", bold=True)
    para(
        main,
        "Own the detection pipeline (Splunk, 1.2 TB/day) and the cloud security posture "
        "of three AWS organizations.",
        style="List Bullet",
    )
    para(main, "Worked with the Cisco TAC on campus network segmentation.", style="List Bullet")
    para(main, "Network Security Engineer, Brightline Retail — 2017–2022", bold=True)
    para(
        main,
        "Replaced legacy firewalls; wrote the incident response runbooks used in 140 stores.",
        style="List Bullet",
        space_after=8,
    )
    main.add_paragraph().add_run("EDUCATION").bold = True
    para(main, "B.S. Information Technology, Rochester Institute of Technology, 2017")
    save_docx(doc, HERE / fname)

    write_expected(
        fname,
        "Aurelio Vance",
        ["aurelio.vance@example.net"],
        [
            cred(
                "Certified Cloud Security Professional (CCSP)",
                ISC2,
                "earned",
                "verifiable",
                url=credly,
                issued="2021",
            ),
            cred("CompTIA A+", COMPTIA),
            cred("CompTIA Network+", COMPTIA),
            cred("CompTIA Security+", COMPTIA),
            cred("Cisco Certified Network Associate (CCNA)", CISCO),
            cred("CCNP Enterprise", CISCO),
            cred("GIAC Security Essentials (GSEC)", "GIAC", "expired", issued="2019", expires="2023"),
            cred("Certified Information Systems Security Professional (CISSP)", ISC2, "in_progress"),
        ],
        ["CrowdStrike Falcon", "Palo Alto firewalls", "Cisco TAC"],
        notes="Contact details live only in the page header. 'Cisco' is a group line; CCNA and "
        "CCNP Enterprise are its bullet items.",
    )


# ============================================================================================
# 5. DOCX with a nested table and a floating text box (licences live in the text box)
# ============================================================================================
def nested_textbox_docx():
    fname = "nested_textbox.docx"
    doc = new_document()
    p = doc.add_paragraph()
    r = p.add_run("Harriet Osei-Lindqvist")
    r.bold = True
    r.font.size = Pt(20)
    add_text_box(
        p,
        [
            "LICENSES & REGISTRATIONS",
            "FINRA Series 7, 63 and 66 licenses",
            "FINRA CRD #6543210 (BrokerCheck)",
            "CFA Level II Candidate",
        ],
        left_pt=310,
        top_pt=4,
        width_pt=180,
        height_pt=86,
    )
    para(doc, "Senior Financial Advisor · Boston, MA", size=11, color="555555")
    para(doc, "h.osei-lindqvist@example.org · (617) 555-0173", size=10, space_after=14)

    doc.add_heading("Summary", level=2)
    para(
        doc,
        "Advisor to 180 households with $410M in assets under advice. Builds retirement "
        "income plans and tax-aware portfolios; uses Morningstar Direct and eMoney daily.",
        space_after=8,
    )

    doc.add_heading("Experience", level=2)
    outer = doc.add_table(rows=2, cols=2)
    outer.style = "Table Grid"
    rows = [
        (
            "Senior Financial Advisor\nBeacon Hill Wealth Partners\n2019 – present",
            "Lead advisor for high-net-worth clients; chair of the investment committee.",
            [("Households served", "180"), ("Client retention", "97%"), ("Assets under advice", "$410M")],
        ),
        (
            "Financial Advisor\nCharles River Planning Group\n2014 – 2019",
            "Built financial plans for young professionals; ran Bloomberg Terminal screens for "
            "the research desk.",
            [("Plans delivered", "320"), ("New households", "95")],
        ),
    ]
    for i, (left, text, metrics) in enumerate(rows):
        lc, rc = outer.rows[i].cells
        set_cell_width(lc, 5.0)
        set_cell_width(rc, 12.0)
        lines = left.split("\n")
        lc.paragraphs[0].add_run(lines[0]).bold = True
        for line in lines[1:]:
            para(lc, line)
        rc.paragraphs[0].add_run(text)
        para(rc, "Key results", bold=True)
        nested = rc.add_table(rows=len(metrics), cols=2)
        nested.style = "Table Grid"
        for j, (k, v) in enumerate(metrics):
            nested.rows[j].cells[0].text = k
            nested.rows[j].cells[1].text = v
        para(rc, "")

    doc.add_heading("Certificates", level=2)
    para(doc, "Bloomberg Market Concepts (BMC), Bloomberg, 2018")
    doc.add_heading("Education", level=2)
    para(doc, "B.A. Economics, Tufts University, 2014")
    save_docx(doc, HERE / fname)

    crd = "6543210"
    write_expected(
        fname,
        "Harriet Osei-Lindqvist",
        ["h.osei-lindqvist@example.org"],
        [
            cred(
                "Series 7 – General Securities Representative Qualification Examination",
                FINRA,
                "earned",
                "verifiable",
                credential_id=crd,
            ),
            cred(
                "Series 63 – Uniform Securities Agent State Law Examination",
                NASAA,
                "earned",
                "verifiable",
                credential_id=crd,
            ),
            cred(
                "Series 66 – Uniform Combined State Law Examination",
                NASAA,
                "earned",
                "verifiable",
                credential_id=crd,
            ),
            cred("Chartered Financial Analyst (CFA)", "CFA Institute", "in_progress"),
            cred("Bloomberg Market Concepts (BMC)", "Bloomberg", issued="2018"),
        ],
        ["Morningstar Direct", "Bloomberg Terminal", "eMoney"],
        notes="The licences are inside a VML text box; the experience table contains nested "
        "tables. The CRD number is a FINRA BrokerCheck handle for all three exams; Series "
        "63 and 66 are NASAA exams administered by FINRA although the résumé says 'FINRA'.",
    )


# ============================================================================================
# 6. Plain UTF-8 text: a welder (AWS = American Welding Society)
# ============================================================================================
WELDER_TXT = """\
RUBÉN IBÁÑEZ-CORTLAND
Structural Welder / Fitter
Gary, IN · (219) 555-0126 · ruben.ibanez@example.net

SUMMARY
Combination welder with 11 years on structural steel, bridge girders and pressure piping.
Comfortable reading blueprints and weld symbols; work to the AWS D1.1 structural steel code
and ASME Section IX procedures.

CERTIFICATIONS
- AWS Certified Welder — SMAW 3G/4G unlimited thickness, D1.1 (American Welding Society), 2015,
  continuity maintained
- AWS Certified Welding Inspector (CWI) — Cert. No. 21081234 — exp. 06/2025
- OSHA 30-Hour Construction Safety card (2021)
- NCCER Welding Level 3 (National Center for Construction Education and Research), 2014

EXPERIENCE
Lead Welder — Certified Pipe & Steel Fabricators LLC, Gary, IN — 2019 to present
- Weld and fit columns, moment frames and bridge girders; 2% repair rate on UT-tested joints.
- Trained four apprentices on flux-core and stick processes.

Welder/Fitter — Lakeshore Ironworks, Hammond, IN — 2013 to 2019
- SMAW and FCAW on structural and miscellaneous steel.

EQUIPMENT
Lincoln Electric Power MIG 256, Miller Dynasty 210, overhead cranes, plasma cutters

EDUCATION
Associate of Applied Science, Welding Technology — Ivy Tech Community College, 2013
"""


def welder_txt():
    fname = "welder_plain.txt"
    (HERE / fname).write_text(WELDER_TXT, encoding="utf-8")
    aws_ws = "American Welding Society"
    write_expected(
        fname,
        "Rubén Ibáñez-Cortland",
        ["ruben.ibanez@example.net"],
        [
            cred("AWS Certified Welder", aws_ws, issued="2015"),
            cred(
                "Certified Welding Inspector (CWI)",
                aws_ws,
                "expired",
                "verifiable",
                credential_id="21081234",
                expires="2025-06",
            ),
            cred(
                "OSHA 30-Hour Construction Outreach Training",
                "Occupational Safety and Health Administration (OSHA)",
                issued="2021",
            ),
            cred(
                "NCCER Welding Level 3",
                "National Center for Construction Education and Research (NCCER)",
                issued="2014",
            ),
        ],
        [
            "AWS D1.1 structural steel code",
            "ASME Section IX procedures",
            "Certified Pipe & Steel Fabricators LLC",
            "Lincoln Electric Power MIG 256",
            "Miller Dynasty 210",
        ],
        notes="'AWS' here is the American Welding Society, never Amazon Web Services. The name "
        "is printed in capitals (RUBÉN IBÁÑEZ-CORTLAND). The American Welding Society "
        "verifies CWI numbers online.",
    )


# ============================================================================================
# 7. cp1252-encoded text (smart quotes, en dashes, bullets)
# ============================================================================================
HR_TXT = """\
Zoë Hargreaves
HR Business Partner – Milwaukee, WI
zoe.hargreaves@example.com | 414-555-0181

PROFILE
HR business partner for a 900-person manufacturer: employee relations, compensation reviews,
the HRIS rollout (Workday HCM) and “people analytics” dashboards.

CERTIFICATIONS & LICENSES
• SHRM Certified Professional (SHRM-CP) – Society for Human Resource Management, 2021
• Professional in Human Resources (PHR) – HRCI, 2016 (lapsed)
• Mental Health First Aid – National Council for Mental Wellbeing – Expires Jan 2024
• Certified Compensation Professional (CCP) – WorldatWork, expected 2026
• PMP (exam scheduled Jan 2027)

EXPERIENCE
HR Business Partner, Great Lakes Castings Co. — 2020–present
• Partner to plant leadership on employee relations, engagement and “stay” interviews.
• Led the Workday HCM rollout; trained 60 managers.
• Facilitated SPHR study sessions for the HR team.

HR Generalist, Brewer’s Row Hospitality — 2015–2020
• Payroll and benefits administration for 14 restaurants (ADP Workforce Now).

EDUCATION
B.B.A., Human Resource Management, University of Wisconsin–Milwaukee, 2015
"""


def hr_cp1252():
    fname = "hr_generalist_cp1252.txt"
    (HERE / fname).write_bytes(HR_TXT.replace("\n", "\r\n").encode("cp1252"))
    write_expected(
        fname,
        "Zoë Hargreaves",
        ["zoe.hargreaves@example.com"],
        [
            cred(
                "SHRM Certified Professional (SHRM-CP)",
                "Society for Human Resource Management (SHRM)",
                issued="2021",
            ),
            cred(
                "Professional in Human Resources (PHR)",
                "HR Certification Institute (HRCI)",
                "expired",
                issued="2016",
            ),
            cred(
                "Mental Health First Aid (MHFA)",
                "National Council for Mental Wellbeing",
                "expired",
                expires="2024-01",
            ),
            cred("Certified Compensation Professional (CCP)", "WorldatWork", "in_progress"),
            cred("Project Management Professional (PMP)", PMI, "in_progress"),
        ],
        ["Workday HCM", "SPHR study sessions", "ADP Workforce Now"],
        notes="Encoded in Windows-1252 with CRLF line ends (smart quotes, en dashes, bullets, "
        "ë). 'expected 2026' is still in progress on 2026-11-25.",
    )


# ============================================================================================
# 8. French résumé, UTF-16 LE with BOM
# ============================================================================================
FR_TXT = """\
Élodie Marchetti
Cheffe de projet informatique — Lyon
elodie.marchetti@example.org · +33 (0)4 555 01 52

PROFIL
Cheffe de projet avec 9 ans d'expérience dans la banque de détail : migration de socles
applicatifs, pilotage budgétaire, animation d'ateliers SAFe et gestion des fournisseurs.

CERTIFICATIONS PROFESSIONNELLES
- ITIL® 4 Foundation — PeopleCert — mars 2022
- Professional Scrum Master I (PSM I) — Scrum.org — 2020
- Certification PMP® (Project Management Institute) — en cours, examen prévu en février 2027
- TOEIC Listening and Reading : 945/990 — ETS — 2023
- Certificat Voltaire : 812 points (2021)
- Certification AMF (Autorité des marchés financiers) — obtenue en 2019

EXPÉRIENCE PROFESSIONNELLE
Cheffe de projet — Banque Rhodanienne, Lyon — depuis 2019
- Pilotage de la migration du socle de paiement (budget 4 M€, 35 personnes).
- Mise en place d'une gouvernance projet inspirée de PRINCE2.

Analyste MOA — Assurances Croix-Rousse, Lyon — 2016 à 2019
- Rédaction des spécifications, recette et conduite du changement.

FORMATION
Master Management des systèmes d'information — IAE Lyon, 2016

COMPÉTENCES
Jira, Confluence, MS Project, Pack Office

LANGUES
Français (langue maternelle), anglais courant (TOEIC 945), italien (B1)
"""


def french_utf16():
    fname = "cv_fr_utf16.txt"
    (HERE / fname).write_bytes(FR_TXT.encode("utf-16"))  # BOM + native (little-endian) order
    raw = (HERE / fname).read_bytes()
    if not raw.startswith(b"\xff\xfe"):  # pin little-endian regardless of the platform
        (HERE / fname).write_bytes(b"\xff\xfe" + FR_TXT.encode("utf-16-le"))
    write_expected(
        fname,
        "Élodie Marchetti",
        ["elodie.marchetti@example.org"],
        [
            cred("ITIL 4 Foundation", PEOPLECERT, issued="2022-03"),
            cred("Professional Scrum Master I (PSM I)", "Scrum.org", issued="2020"),
            cred("Project Management Professional (PMP)", PMI, "in_progress"),
            cred("TOEIC Listening and Reading Test", "ETS", issued="2023"),
            cred("Certificat Voltaire", "Projet Voltaire", issued="2021"),
            cred("Certification AMF", "Autorité des marchés financiers (AMF)", issued="2019"),
        ],
        ["ateliers SAFe", "inspirée de PRINCE2", "MS Project", "Pack Office"],
        notes="UTF-16 LE with BOM. TOEIC is mentioned twice (certifications and languages); "
        "it is one credential.",
    )


# ============================================================================================
# 9. German résumé (PDF, A4)
# ============================================================================================
def german_pdf():
    fname = "lebenslauf_de.pdf"
    pdf = Pdf(HERE / fname, A4, "Lebenslauf Jonas Albrecht")
    x, w = 56, A4[0] - 112
    y = A4[1] - 64
    pdf.text(x, y, "Jonas Albrecht", "Helvetica-Bold", 20)
    y -= 18
    pdf.text(x, y, "IT-Projektleiter · München", size=11, color=GREY)
    y -= 14
    pdf.text(x, y, "jonas.albrecht@example.net · +49 (0)89 555-0147", size=10)
    y -= 28

    def heading(t):
        nonlocal y
        pdf.text(x, y, t, "Helvetica-Bold", 13, HexColor("#1F4E79"))
        pdf.c.setStrokeColor(HexColor("#1F4E79"))
        pdf.c.line(x, y - 4, x + w, y - 4)
        y -= 19

    heading("Profil")
    y = pdf.para(
        x,
        y,
        "IT-Projektleiter mit 10 Jahren Erfahrung in Versicherungs- und "
        "Automobil-IT; Schwerpunkte Testmanagement, Cloud-Migration und agile Teams.",
        w,
    )
    y -= 10
    heading("Berufserfahrung")
    jobs = [
        (
            "Senior IT-Projektleiter, Isarwerk Versicherung AG, München — seit April 2019",
            [
                "Leitung der Migration von 60 Fachanwendungen in die AWS-Cloud (Budget 6 Mio. €).",
                "Steuerung von Projekten nach PRINCE2-Methodik mit drei externen Dienstleistern.",
            ],
        ),
        (
            "Testmanager, Fahrzeugdaten Süd GmbH, Ingolstadt — Januar 2015 – März 2019",
            ["Aufbau eines Testteams (8 Personen) und Einführung automatisierter Regressionstests."],
        ),
    ]
    for head, bullets in jobs:
        y = pdf.para(x, y, head, w, "Helvetica-Bold", 10.5, 13)
        for b in bullets:
            y = pdf.para(x + 6, y, b, w - 6, size=10, leading=13, bullet="•")
        y -= 8
    heading("Ausbildung")
    y = pdf.para(x, y, "M.Sc. Wirtschaftsinformatik, Technische Universität München, 2014", w)
    y -= 10
    heading("Zertifikate")
    for item in [
        "Zertifizierung ITIL® 4 Foundation, PeopleCert – März 2023",
        "ISTQB® Certified Tester Foundation Level (CTFL), German Testing Board – Oktober 2015",
        "Professional Scrum Master I (PSM I), Scrum.org – Juni 2021",
        "Datenschutzbeauftragter (TÜV), TÜV SÜD Akademie – November 2020",
        "AWS Certified Cloud Practitioner – in Vorbereitung (Prüfung geplant für Februar 2027)",
    ]:
        y = pdf.para(x + 6, y, item, w - 6, size=10, leading=13, bullet="•")
    y -= 10
    heading("Kenntnisse")
    y = pdf.para(x, y, "Jira, Confluence, SAP S/4HANA, Microsoft Office, AWS, Azure DevOps", w)
    y -= 10
    heading("Sprachen")
    y = pdf.para(
        x, y, "Deutsch (Muttersprache), Englisch (C1 – Cambridge C1 Advanced, 2012), Französisch (B1)", w
    )
    pdf.save()

    write_expected(
        fname,
        "Jonas Albrecht",
        ["jonas.albrecht@example.net"],
        [
            cred("ITIL 4 Foundation", PEOPLECERT, issued="2023-03"),
            cred("ISTQB Certified Tester Foundation Level (CTFL)", "ISTQB", issued="2015-10"),
            cred("Professional Scrum Master I (PSM I)", "Scrum.org", issued="2021-06"),
            cred("Datenschutzbeauftragter (TÜV)", "TÜV SÜD Akademie", issued="2020-11"),
            cred("AWS Certified Cloud Practitioner", AWS, "in_progress"),
            cred("C1 Advanced", "Cambridge University Press & Assessment", issued="2012"),
        ],
        ["PRINCE2-Methodik", "SAP S/4HANA", "Microsoft Office", "Azure DevOps", "AWS-Cloud"],
        notes="German month names (März, Oktober, Juni, November); 'in Vorbereitung' = in "
        "progress. CTFL is issued by the German Testing Board on behalf of ISTQB.",
    )


# ============================================================================================
# 10. Markdown with [Verify](…) links and <…> autolinks, including a look-alike host
# ============================================================================================
def markdown_resume():
    fname = "data_engineer.md"
    gcp = "https://google.accredible.com/7d3e9b20-4c61-4f0a-9a5e-2b8c1d6e0f43"
    dbx = "https://credentials.databricks.com/4a7b9c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d"
    ms = (
        "https://learn.microsoft.com/api/credentials/share/en-us/ImaniCastellanos-7731/"
        "2B9E4D1C6A0F8E37?sharingId=5F1A2C3B4D5E6F70"
    )
    fake = "https://aws-certification.net/verify/DEA-7Q2M9X4K"
    edx = "https://credentials.edx.org/credentials/3c5e7a9b1d2f4e6a8c0b2d4f6a8c0e1f/"
    crs = "https://www.coursera.org/account/accomplishments/professional-cert/7HJ2KL9MN4PQ"
    text = f"""\
# Imani Castellanos

Data Engineer · Austin, TX
imani.castellanos@example.com · (512) 555-0133 · <https://imani.example.com>

## Summary

Data engineer (7 years) building batch and streaming pipelines on GCP, AWS and Databricks for
retail and fintech clients.

## Certifications

- **Google Cloud Certified Professional Data Engineer** — Google Cloud · Issued Sep 2025 · Expires Sep 2027 · [Verify]({gcp})
- **Databricks Certified Data Engineer Associate** — Databricks · 2023 · <{dbx}>
- **Microsoft Certified: Fabric Analytics Engineer Associate** (DP-600) — Microsoft · Issued Mar 2026 · Expires Mar 2027 · [Verify]({ms})
- **AWS Certified Data Engineer – Associate** (DEA-C01) — Amazon Web Services · 2024 · [Verify]({fake})
- **Professional Certificate in Data Science** — HarvardX on edX · 2020 · [Verify]({edx})
- **IBM Data Science Professional Certificate** — IBM on Coursera · 2019 · [Verify]({crs})
- Currently preparing for the **SnowPro Core Certification** (Snowflake).

## Experience

### Senior Data Engineer — Tallgrass Payments (2022 – present)

- Rebuilt the ledger pipeline on Databricks Delta Live Tables; 40% lower compute cost.
- Migrated 300 Airflow DAGs to Cloud Composer.

### Data Engineer — Mesquite Retail Analytics (2019 – 2022)

- Built BigQuery marts and dbt models for merchandising; on call for Kafka ingestion.

## Skills

Python, SQL, Spark, Kafka, Airflow, dbt, BigQuery, Snowflake, AWS Glue

## Education

B.S. Statistics, Texas State University, 2018
"""
    (HERE / fname).write_text(text, encoding="utf-8")
    write_expected(
        fname,
        "Imani Castellanos",
        ["imani.castellanos@example.com"],
        [
            cred(
                "Google Cloud Certified Professional Data Engineer",
                "Google Cloud",
                "earned",
                "verifiable",
                url=gcp,
                issued="2025-09",
                expires="2027-09",
            ),
            cred(
                "Databricks Certified Data Engineer Associate",
                "Databricks",
                "earned",
                "verifiable",
                url=dbx,
                issued="2023",
            ),
            cred(
                "Microsoft Certified: Fabric Analytics Engineer Associate",
                MSFT,
                "earned",
                "verifiable",
                url=ms,
                issued="2026-03",
                expires="2027-03",
            ),
            cred(
                "AWS Certified Data Engineer – Associate",
                AWS,
                "earned",
                "suspicious",
                url=fake,
                issued="2024",
            ),
            cred(
                "Professional Certificate in Data Science",
                "HarvardX",
                "earned",
                "verifiable",
                url=edx,
                issued="2020",
            ),
            cred(
                "IBM Data Science Professional Certificate",
                "IBM",
                "earned",
                "verifiable",
                url=crs,
                issued="2019",
            ),
            cred("SnowPro Core Certification", "Snowflake", "in_progress"),
        ],
        ["Databricks Delta Live Tables", "AWS Glue", "BigQuery", "Cloud Composer"],
        notes="aws-certification.net is a look-alike host: AWS does not verify there, so the "
        "DEA-C01 claim is suspicious. Databricks issues through Accredible "
        "(credentials.databricks.com); Google Cloud through google.accredible.com.",
    )


# ============================================================================================
# 11. JSON Resume
# ============================================================================================
def json_resume():
    fname = "json_resume.json"
    u_sec = "https://www.credly.com/badges/e2d4f6a8-0b1c-4d3e-9f5a-6b7c8d9e0f1a/public_url"
    u_rh = "https://www.credly.com/badges/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d/public_url"
    u_oci = "https://www.credly.com/badges/7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910/public_url"
    u_git = "https://www.coursera.org/account/accomplishments/professional-cert/ZX8CV7BN6M5L"
    u_fake = "https://www.credly-verify.com/badges/4c3b2a19-0f8e-4d7c-b6a5-948372615049"
    u_ckad = "https://www.credly.com/badges/b5c6d7e8-f9a0-4b1c-8d2e-3f4a5b6c7d8e/public_url"
    data = {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": {
            "name": "Kwame Adeyemi-Frost",
            "label": "Site Reliability Engineer",
            "email": "kwame.af@example.net",
            "phone": "(720) 555-0114",
            "url": "https://kwame.example.net",
            "summary": "SRE with six years of Linux, Kubernetes and cloud operations experience "
            "in telemetry and media streaming.",
            "location": {"city": "Denver", "region": "CO", "countryCode": "US"},
            "profiles": [
                {
                    "network": "LinkedIn",
                    "username": "kwame-adeyemi-frost-example",
                    "url": "https://www.linkedin.com/in/kwame-adeyemi-frost-example",
                }
            ],
        },
        "work": [
            {
                "name": "Front Range Telemetry",
                "position": "Site Reliability Engineer",
                "startDate": "2021-04",
                "summary": "Owns uptime for the ingestion platform.",
                "highlights": [
                    "Cut p99 alert noise by 60% with SLO-based alerting.",
                    "Ran the move from Red Hat Enterprise Linux 7 to 9 on 800 hosts.",
                ],
            },
            {
                "name": "Plains Media Streaming",
                "position": "Linux Administrator",
                "startDate": "2018-06",
                "endDate": "2021-03",
                "highlights": ["Automated patching with Ansible; maintained Oracle Database backups."],
            },
        ],
        "education": [
            {
                "institution": "Colorado State University",
                "area": "Computer Science",
                "studyType": "Bachelor",
                "endDate": "2018-05",
            }
        ],
        "certificates": [
            {"name": "CompTIA Security+ ce", "date": "2024-05-14", "issuer": "CompTIA", "url": u_sec},
            {
                "name": "Red Hat Certified System Administrator (RHCSA)",
                "date": "2024-09-02",
                "issuer": "Red Hat",
                "url": u_rh,
            },
            {
                "name": "Oracle Cloud Infrastructure 2025 Certified Foundations Associate",
                "date": "2025-08-20",
                "issuer": "Oracle",
                "url": u_oci,
            },
            {
                "name": "Google IT Support Professional Certificate",
                "date": "2020-11-03",
                "issuer": "Google",
                "url": u_git,
            },
            {
                "name": "AWS Certified Developer – Associate",
                "date": "2024-07-19",
                "issuer": "Amazon Web Services",
                "url": u_fake,
            },
            {"name": "CompTIA Cloud+", "date": "2027-02-10", "issuer": "CompTIA"},
            {
                "name": "Certified Kubernetes Application Developer (CKAD)",
                "date": "2025-01-12",
                "issuer": "The Linux Foundation",
                "url": u_ckad,
            },
        ],
        "skills": [
            {
                "name": "Operations",
                "keywords": ["Red Hat Enterprise Linux", "Kubernetes", "Ansible", "Prometheus", "AWS"],
            }
        ],
        "languages": [
            {"language": "English", "fluency": "Native speaker"},
            {"language": "Yoruba", "fluency": "Conversational"},
        ],
    }
    (HERE / fname).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    write_expected(
        fname,
        "Kwame Adeyemi-Frost",
        ["kwame.af@example.net"],
        [
            cred("CompTIA Security+", COMPTIA, "earned", "verifiable", url=u_sec, issued="2024-05"),
            cred(
                "Red Hat Certified System Administrator (RHCSA)",
                "Red Hat",
                "earned",
                "verifiable",
                url=u_rh,
                issued="2024-09",
            ),
            cred(
                "Oracle Cloud Infrastructure 2025 Certified Foundations Associate",
                "Oracle",
                "earned",
                "verifiable",
                url=u_oci,
                issued="2025-08",
            ),
            cred(
                "Google IT Support Professional Certificate",
                "Google",
                "earned",
                "verifiable",
                url=u_git,
                issued="2020-11",
            ),
            cred(
                "AWS Certified Developer – Associate",
                AWS,
                "earned",
                "suspicious",
                url=u_fake,
                issued="2024-07",
            ),
            cred("CompTIA Cloud+", COMPTIA, "earned", "suspicious", issued="2027-02"),
            cred(
                "Certified Kubernetes Application Developer (CKAD)",
                LF,
                "earned",
                "verifiable",
                url=u_ckad,
                issued="2025-01",
            ),
        ],
        ["Red Hat Enterprise Linux", "Oracle Database", "Kubernetes", "Ansible"],
        notes="credly-verify.com is a look-alike of credly.com (suspicious). CompTIA Cloud+ is "
        "dated 2027-02-10, after the as-of date 2026-11-25 (impossible, suspicious). "
        "Issued dates are given to the day in the file; labels keep YYYY-MM.",
    )


# ============================================================================================
# 12. "Scanned" PDF: one page that is only an image of text (no text layer)
# ============================================================================================
SCANNED_LINES = [
    ("Marcus Delacroix-Whyte", 44, True),
    ("Network Administrator · Raleigh, NC · marcus.dw@example.com · (919) 555-0175", 22, False),
    ("", 22, False),
    ("EXPERIENCE", 26, True),
    ("Network Administrator, Oakridge County Schools, 2018 – present", 22, False),
    ("  - Manage 40 sites, 300 switches and the district firewall cluster.", 22, False),
    ("IT Technician, Triangle Print & Copy, 2014 – 2018", 22, False),
    ("", 22, False),
    ("CERTIFICATIONS", 26, True),
    ("Certified Information Systems Security Professional (CISSP), ISC2, 2020", 22, False),
    ("CompTIA Security+, 2016", 22, False),
    ("", 22, False),
    ("EDUCATION", 26, True),
    ("A.A.S. Network Technology, Wake Technical Community College, 2014", 22, False),
]


def scanned_pdf():
    fname = "scanned_image_only.pdf"
    dpi = 150
    wpx, hpx = int(8.5 * dpi), int(11 * dpi)
    img = Image.new("L", (wpx, hpx), 255)
    draw = ImageDraw.Draw(img)
    font_dir = FONT_DIR

    def font(size, bold):
        path = font_dir / ("DejaVuSerif-Bold.ttf" if bold else "DejaVuSerif.ttf")
        try:
            return ImageFont.truetype(str(path), size)
        except OSError:
            return ImageFont.load_default(size=size)

    y = 120
    for text, size, bold in SCANNED_LINES:
        if text:
            draw.text((110, y), text, fill=25, font=font(size, bold))
        y += int(size * 1.7)
    img = img.rotate(0.6, resample=Image.BICUBIC, fillcolor=255)  # a slightly skewed "scan"
    png = io.BytesIO()
    img.save(png, format="PNG", optimize=True)
    png.seek(0)

    c = canvas.Canvas(str(HERE / fname), pagesize=LETTER, invariant=1)
    c.setTitle("Scan 2026-03-02")
    c.setCreator("samples/make_samples.py")
    c.drawImage(ImageReader(png), 0, 0, width=LETTER[0], height=LETTER[1])
    c.showPage()
    c.save()
    write_expected(
        fname,
        "Marcus Delacroix-Whyte",
        ["marcus.dw@example.com"],
        [
            cred("Certified Information Systems Security Professional", "ISC2", issued="2020"),
            cred("CompTIA Security+", "CompTIA", issued="2016"),
        ],
        [],
        notes="Image-only page with no text layer, read by OCR (Tesseract; .ci/run and the "
        "README's first command install it); without OCR it gives a no_text_layer warning and "
        "is counted as a scan, not as a résumé without credentials.",
    )


def phone_photo_jpg():
    """A résumé photographed with a phone: portrait pixels stored sideways with an EXIF
    orientation tag, a slight tilt, soft focus and JPEG compression."""
    import reportlab

    fname = "phone_photo.jpg"
    fonts = Path(reportlab.__file__).parent / "fonts"
    dpi = 150
    img = Image.new("L", (int(8.5 * dpi), int(11 * dpi)), 250)
    draw = ImageDraw.Draw(img)
    y = 90
    for text, size, bold in PHONE_LINES:
        if text:
            face = ImageFont.truetype(
                str(fonts / ("VeraBd.ttf" if bold else "Vera.ttf")), int(size * dpi / 72)
            )
            draw.text((110, y), text, fill=30, font=face)
        y += int(size * dpi / 72 * 1.55)
    img = img.rotate(-0.9, resample=Image.BICUBIC, fillcolor=245).filter(ImageFilter.GaussianBlur(0.5))
    sideways = img.rotate(90, expand=True)  # the sensor's landscape pixels ...
    exif = Image.Exif()
    exif[0x0112] = 6  # ... which the viewer turns 90° clockwise to show the page upright
    sideways.convert("RGB").save(HERE / fname, "JPEG", quality=72, exif=exif.tobytes())
    write_expected(
        fname,
        "Tamsin Okafor-Reyes",
        ["tamsin.okafor@example.org"],
        [
            cred(
                "ServSafe Food Protection Manager Certification",
                "ServSafe (National Restaurant Association)",
                issued="2022",
            ),
            cred("Project Management Professional", "Project Management Institute", issued="2020"),
            cred("Certified Public Accountant (CPA)", "Texas State Board of Public Accountancy", level="verifiable"),
        ],
        [],
        notes="A phone photo of a printed résumé (sideways pixels with an EXIF orientation tag, a tilt, "
        "blur, JPEG): read by OCR. The CPA names Texas, so its issuer is the Texas board.",
    )


PHONE_LINES = [
    ("Tamsin Okafor-Reyes", 18, True),
    ("tamsin.okafor@example.org · Austin, TX", 10, False),
    ("", 10, False),
    ("Experience", 13, True),
    ("Controller, Example Hospitality Group, 2019–present", 10, False),
    ("", 10, False),
    ("Certifications", 13, True),
    ("ServSafe Food Protection Manager Certification, 2022", 10, False),
    ("Project Management Professional (PMP), PMI, 2020", 10, False),
    ("Certified Public Accountant (CPA), Texas", 10, False),
]


# ============================================================================================
# 13. No credentials at all (DOCX, plain paragraphs)
# ============================================================================================
def no_credentials_docx():
    fname = "no_credentials.docx"
    doc = new_document()
    p = doc.add_paragraph()
    r = p.add_run("Lena Marwick")
    r.bold = True
    r.font.size = Pt(18)
    para(doc, "Shift Supervisor · Madison, WI · lena.marwick@example.com · (608) 555-0102", space_after=12)
    doc.add_heading("Experience", level=2)
    para(doc, "Shift Supervisor — Juniper Street Coffee, Madison, WI — 2022 – present", bold=True)
    for b in [
        "Open and close the store, schedule a team of nine baristas with When I Work.",
        "Count inventory weekly and place orders with two suppliers.",
        "Named Employee of the Quarter, Q3 2024.",
    ]:
        para(doc, b, style="List Bullet")
    para(doc, "Barista — Capitol Bagel Co., Madison, WI — 2019 – 2022", bold=True)
    for b in [
        "Handled the morning rush (300+ orders) on the Square POS.",
        "Trained new hires on drink recipes and the closing checklist.",
    ]:
        para(doc, b, style="List Bullet")
    doc.add_heading("Skills", level=2)
    para(
        doc,
        "Customer service, cash handling, scheduling, Square POS, Microsoft Office, Spanish (conversational)",
    )
    doc.add_heading("Education", level=2)
    para(doc, "High school diploma — Madison East High School, 2019")
    save_docx(doc, HERE / fname)
    write_expected(
        fname,
        "Lena Marwick",
        ["lena.marwick@example.com"],
        [],
        ["Square POS", "Microsoft Office", "Employee of the Quarter", "When I Work"],
        notes="No credentials at all; the high school diploma is education, not a credential.",
    )


# ============================================================================================
# 14. A résumé full of traps (one-column PDF); the only real credentials are in Certifications
# ============================================================================================
def traps_pdf():
    fname = "traps_ops_manager.pdf"
    pdf = Pdf(HERE / fname, LETTER, "Callum Pryor", core_fonts=True)
    x, w = 54, LETTER[0] - 108
    y = LETTER[1] - 62
    pdf.text(x, y, "Callum Pryor", "Helvetica-Bold", 20)
    y -= 17
    pdf.text(
        x,
        y,
        "Operations & Systems Manager · Dayton, OH · callum.pryor@example.com · (937) 555-0190",
        size=9.5,
        color=GREY,
    )
    y -= 26

    def heading(t):
        nonlocal y
        pdf.text(x, y, t, "Helvetica-Bold", 12.5)
        y -= 17

    heading("Summary")
    y = pdf.para(
        x,
        y,
        "Operations manager who has worked with AWS, Salesforce and SAP in "
        "manufacturing plants. Known for PMP-style reporting and plain-English "
        "dashboards that plant managers actually read.",
        w,
    )
    y -= 10
    heading("Experience")
    jobs = [
        (
            "Operations & Systems Manager — Certified Conveyor Systems Ltd., Dayton, OH — 2020 – present",
            [
                "Worked with AWS IoT Greengrass to collect line-sensor data from 12 robot cells.",
                "Took over the Salesforce administrator role after a reorganisation: user "
                "provisioning, reports and page layouts.",
                "Introduced PMP-style reporting (RAID logs, earned value) for capital projects.",
            ],
        ),
        (
            "Evening Instructor — Sinclair Community College, Dayton, OH — 2016 – 2020",
            ["Taught CISSP prep classes and an introductory networking course for adult learners."],
        ),
        (
            "IT Coordinator — Miami Valley Plastics, Troy, OH — 2012 – 2016",
            ["Supported 150 users on Microsoft Office, Windows 10 and Cisco IP phones."],
        ),
    ]
    for head, bullets in jobs:
        y = pdf.para(x, y, head, w, "Helvetica-Bold", 10, 13)
        for b in bullets:
            y = pdf.para(x + 6, y, b, w - 6, size=10, leading=13, bullet="•")
        y -= 8
    heading("Certifications")
    for item in [
        "Acme Robotics Certified Integrator, Acme Robotics Inc., 2022",
        "ASQ Certified Six Sigma Green Belt (CSSGB), 2018",
        "ITIL v3 Foundation (2014)",
    ]:
        y = pdf.para(x + 6, y, item, w - 6, size=10, leading=13, bullet="•")
    y -= 10
    heading("Skills")
    y = pdf.para(
        x, y, "Salesforce, Tableau, ServiceNow, SAP ERP, AWS, Kubernetes, Microsoft Office, Cisco Webex", w
    )
    y -= 10
    heading("Education")
    pdf.para(x, y, "Bachelor of Science, Industrial Technology — Ohio University, 2012", w)
    pdf.save()
    write_expected(
        fname,
        "Callum Pryor",
        ["callum.pryor@example.com"],
        [
            cred("Acme Robotics Certified Integrator", "Acme Robotics Inc.", issued="2022"),
            cred("Certified Six Sigma Green Belt (CSSGB)", "ASQ", issued="2018"),
            cred("ITIL Foundation (v3)", "AXELOS", issued="2014"),
        ],
        [
            "worked with AWS",
            "Worked with AWS IoT Greengrass",
            "Salesforce administrator role",
            "PMP-style reporting",
            "Taught CISSP prep classes",
            "Microsoft Office",
            "Certified Conveyor Systems Ltd.",
            "Tableau",
            "ServiceNow",
            "Kubernetes",
            "SAP ERP",
        ],
        notes="Acme Robotics Inc. is an unknown issuer: keep it with its issuer as written. "
        "ITIL v3 Foundation is a retired version (AXELOS at the time), still earned. This PDF "
        "uses the non-embedded core Helvetica font, so bullets extract as (cid:127).",
    )


BUILDERS = [
    linkedin_one_column,
    linkedin_two_column,
    margin_headings,
    sidebar_layout_docx,
    nested_textbox_docx,
    welder_txt,
    hr_cp1252,
    french_utf16,
    german_pdf,
    markdown_resume,
    json_resume,
    scanned_pdf,
    phone_photo_jpg,
    no_credentials_docx,
    traps_pdf,
]


# --------------------------------------------------------------------------------------------
# checks: every output opens, every label's URL / ID / trap is really in the document
# --------------------------------------------------------------------------------------------
def extract(path: Path):
    """Return (text, links) the way a reader of this format could see them."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        import pdfplumber

        texts, links = [], []
        with pdfplumber.open(path) as doc:
            for page in doc.pages:
                text = page.extract_text() or ""
                if not text.strip() and page.images and shutil.which("tesseract"):
                    import pytesseract  # a scan: what OCR reads is what the reader sees

                    text = pytesseract.image_to_string(page.to_image(resolution=200).original)
                texts.append(text)
                links += [h["uri"] for h in page.hyperlinks]
        return "\n".join(texts), links
    if suffix == ".docx":
        import docx

        d = docx.Document(str(path))
        parts = [d.element.body] + [s.header._element for s in d.sections]
        text = "\n".join("".join(t.text or "" for t in el.iter(qn("w:t"))) for el in parts)
        text += "\n" + "\n".join(
            "".join(t.text or "" for t in p.iter(qn("w:t"))) for el in parts for p in el.iter(qn("w:p"))
        )
        links = []
        for part in [d.part] + [s.header.part for s in d.sections]:
            links += [r.target_ref for r in part.rels.values() if r.reltype == RT.HYPERLINK]
        return text, links
    if suffix in (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp"):
        import pytesseract
        from PIL import ImageOps

        return pytesseract.image_to_string(ImageOps.exif_transpose(Image.open(path))), []
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), []
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError:
        return raw.decode("cp1252"), []


def norm(s):
    return " ".join(s.replace("\u00ad", "").split()).lower()


def check(folder: Path = HERE, expected_dir: Path = EXPECTED) -> int:
    problems, n_files, n_creds, n_traps = [], 0, 0, 0
    for exp_path in sorted(expected_dir.glob("*.json")):
        doc_path = folder / exp_path.name[: -len(".json")]
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        if not doc_path.exists():
            problems.append(f"{doc_path.name}: missing")
            continue
        size = doc_path.stat().st_size
        if size >= 200_000:
            problems.append(f"{doc_path.name}: {size} bytes (>= 200 KB)")
        text, links = extract(doc_path)
        flat = norm(text)
        n_files += 1
        n_creds += len(exp["credentials"])
        n_traps += len(exp["traps"])
        for email in exp["candidate"]["emails"]:
            if email.lower() not in flat:
                problems.append(f"{doc_path.name}: email {email} not in text")
        for c in exp["credentials"]:
            if c.get("url") and c["url"] not in links and c["url"] not in text:
                problems.append(f"{doc_path.name}: url {c['url']} neither link nor text")
            if c.get("credential_id") and c["credential_id"].lower() not in flat:
                problems.append(f"{doc_path.name}: id {c['credential_id']} not in text")
            assert c["status"] in {"earned", "in_progress", "expired"}, c
            assert c["level"] in {"verifiable", "unverifiable", "suspicious"}, c
        for t in exp["traps"]:
            if norm(t) not in flat:
                problems.append(f"{doc_path.name}: trap {t!r} not in text")
    for p in problems:
        print("PROBLEM", p)
    print(f"checked {n_files} résumés, {n_creds} credentials, {n_traps} traps, {len(problems)} problems")
    return 1 if problems else 0


def main(argv):
    if "--check" not in argv:
        for build in BUILDERS:
            build()
        print(f"wrote {len(BUILDERS)} samples to {HERE}")
    return check()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
