"""Generate the benchmark corpus: N résumés, PDF and DOCX, one and two columns, 1–3 pages.

The corpus is written into a folder the caller owns (a temporary directory by default) and
is never committed: it is rebuilt from a seed, so every run measures the same documents.
Credential lines are the catalog's own ``examples`` (real wording, so the matcher, resolver
and verifier do real work), some with a credential ID and a "Show credential" hyperlink to a
badge URL; the rest of each résumé is filler prose of the length a real one has.
"""

from __future__ import annotations

import io
import random
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from tools.docx_parts import add_hyperlink  # the DOCX parts every generator shares

FIRST = ["Dana", "Kim", "Tomasz", "Aisha", "Lucas", "Mei", "Sofia", "Ravi", "Noah", "Elena", "Omar", "Greta"]
LAST = ["Ruiz", "Lee", "Ellery", "Okafor", "Martin", "Chen", "Rossi", "Patel", "Berg", "Novak", "Haddad"]
ROLES = [
    "Platform Engineer",
    "Project Manager",
    "Registered Nurse",
    "Data Analyst",
    "Controller",
    "Electrician",
]
COMPANIES = ["Example Health", "Example Bank", "Northwind Logistics", "Contoso Retail", "Fabrikam Energy"]
WORDS = (
    "led delivered migrated designed automated reduced improved coordinated audited trained "
    "stakeholders pipeline budget quality incidents customers vendors releases compliance "
    "reporting capacity onboarding roadmap inventory safety schedules dashboards contracts "
    "across teams with measurable results for regional operations and internal controls"
).split()
SKILLS = ["Python", "SQL", "Scheduling", "Negotiation", "Kubernetes", "Budgeting", "Excel", "Jira", "Tableau"]


@dataclass
class Resume:
    """One generated résumé's content, rendered later as PDF or DOCX."""

    name: str
    role: str
    email: str
    skills: list[str]
    experience: list[tuple[str, list[str]]]
    credentials: list[tuple[str, str | None]]  # (line, badge URL behind "Show credential")
    two_columns: bool
    fmt: str
    extra: list[str] = field(default_factory=list)


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(9, 16))
    return " ".join(words).capitalize() + "."


def _credential_lines(rng: random.Random) -> list[str]:
    """Example lines from the catalog: real credential wording, no names in this file."""
    from parser.catalog.store import load_catalog

    catalog = load_catalog()
    return sorted({ex for cred in catalog.credentials.values() for ex in cred.examples if len(ex) < 90})


def make_resume(rng: random.Random, examples: list[str], fmt: str, two_columns: bool, pages: int) -> Resume:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    jobs = []
    for _ in range(2 + 5 * (pages - 1) + rng.randint(0, 1)):
        title = f"{rng.choice(ROLES)}, {rng.choice(COMPANIES)}, {rng.randint(2008, 2020)} – {rng.randint(2021, 2025)}"
        jobs.append((title, [_sentence(rng) for _ in range(rng.randint(3, 5))]))
    creds: list[tuple[str, str | None]] = []
    for line in rng.sample(examples, rng.randint(3, 7)):
        url = None
        if rng.random() < 0.4:
            url = f"https://www.credly.com/badges/{uuid.UUID(int=rng.getrandbits(128))}/public_url"
        elif rng.random() < 0.3:
            line = f"{line} · Credential ID {rng.randint(10**7, 10**8 - 1)}"
        creds.append((line, url))
    return Resume(
        name=f"{first} {last}",
        role=rng.choice(ROLES),
        email=f"{first}.{last}@example.com".lower(),
        skills=rng.sample(SKILLS, 5),
        experience=jobs,
        credentials=creds,
        two_columns=two_columns,
        fmt=fmt,
    )


# -- PDF (reportlab) -------------------------------------------------------------------------
def _wrap(text: str, width_chars: int) -> list[str]:
    out, cur = [], ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > width_chars:
            out.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}".strip()
    return out + ([cur] if cur else [])


class _Pdf:
    """A tiny flowing-text writer over a reportlab canvas: one column, or a sidebar plus a main column."""

    def __init__(self) -> None:
        from reportlab.lib.pagesizes import letter
        from reportlab.pdfgen import canvas

        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=letter)
        self.height = letter[1]
        self.y = 60.0

    def line(
        self, x: float, text: str, size: float = 10, url_label: str | None = None, url: str = ""
    ) -> None:
        if self.y > self.height - 60:
            self.c.showPage()
            self.y = 60.0
        self.c.setFont("Helvetica-Bold" if size > 11 else "Helvetica", size)
        self.c.drawString(x, self.height - self.y, text)
        if url_label:
            x1 = x + self.c.stringWidth(text + " ", "Helvetica", size)
            self.c.drawString(x1, self.height - self.y, url_label)
            w = self.c.stringWidth(url_label, "Helvetica", size)
            self.c.linkURL(
                url, (x1, self.height - self.y - 2, x1 + w, self.height - self.y + size), relative=0
            )
        self.y += size * 1.45

    def save(self) -> bytes:
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()


def render_pdf(r: Resume) -> bytes:
    pdf = _Pdf()
    main_x, chars = (220.0, 62) if r.two_columns else (50.0, 100)
    if r.two_columns:  # the sidebar first: contact, skills and certifications, like a LinkedIn export
        for text, size in [("Contact", 13), (r.email, 9), ("Top Skills", 13)]:
            pdf.line(40, text, size)
        for s in r.skills:
            pdf.line(40, s, 9)
        pdf.y = 60.0
    pdf.line(main_x, r.name, 20)
    pdf.line(main_x, r.role, 11)
    if not r.two_columns:
        pdf.line(main_x, f"{r.email} · Skills: {', '.join(r.skills)}", 9)
    pdf.line(main_x, "Experience", 13)
    for title, bullets in r.experience:
        pdf.line(main_x, title, 10)
        for b in bullets:
            for i, part in enumerate(_wrap(b, chars)):
                pdf.line(main_x + (0 if i == 0 else 8), ("• " if i == 0 else "") + part, 9.5)
    pdf.line(main_x, "Licenses & Certifications", 13)
    for text, url in r.credentials:
        pdf.line(main_x, text, 10, "Show credential" if url else None, url or "")
    return pdf.save()


# -- DOCX (python-docx) ------------------------------------------------------------------------
def render_docx(r: Resume) -> bytes:
    import docx

    d = docx.Document()
    body = d
    if r.two_columns:  # a layout table: sidebar cell and main cell, as many templates do
        table = d.add_table(rows=1, cols=2)
        side, body = table.cell(0, 0), table.cell(0, 1)
        side.add_paragraph("Contact")
        side.add_paragraph(r.email)
        side.add_paragraph("Skills")
        for s in r.skills:
            side.add_paragraph(s)
    body.add_paragraph(r.name).runs[0].bold = True
    body.add_paragraph(r.role)
    if not r.two_columns:
        body.add_paragraph(f"{r.email} · Skills: {', '.join(r.skills)}")
    body.add_paragraph("Experience")
    for title, bullets in r.experience:
        body.add_paragraph(title)
        for b in bullets:
            body.add_paragraph(f"• {b}")
    body.add_paragraph("Licenses & Certifications")
    for text, url in r.credentials:
        p = body.add_paragraph(text)
        if url:
            p.add_run(" ")
            add_hyperlink(p, "Show credential", url, styled=False)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def generate(folder: Path, count: int, seed: int = 8) -> list[Path]:
    """Write ``count`` résumés into ``folder``: half PDF, half DOCX; half of each two-column; 1–3 pages."""
    rng = random.Random(seed)
    examples = _credential_lines(rng)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        fmt = "pdf" if i % 2 == 0 else "docx"
        two = (i // 2) % 2 == 1
        pages = 1 + (i // 4) % 3
        r = make_resume(rng, examples, fmt, two, pages)
        data = render_pdf(r) if fmt == "pdf" else render_docx(r)
        path = folder / f"r{i:04d}_{'2col' if two else '1col'}_{pages}p.{fmt}"
        path.write_bytes(data)
        paths.append(path)
    return paths
