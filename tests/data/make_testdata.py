"""Build the labelled evaluation set in ``tests/data/`` and its ground truth ``truth.json``.

All people, employers, e-mail addresses (example.com/.org/.net), phone numbers (555-01xx) and
addresses are invented; the credentials are real (official names, issuers, exam codes). Labels
assume ``as_of = 2026-11-25`` and follow these conventions:

* every credential a careful recruiter would count is listed once, wherever it appears
  (summary, sidebar, languages line), including in-progress ones;
* academic degrees and school programmes in Education sections are NOT labelled;
* ``issued`` / ``expires`` only when the résumé states them (``YYYY`` or ``YYYY-MM``);
  ``status`` is ``expired`` only when a stated date or word ("lapsed") says so;
* ``level``: ``verifiable`` = a URL on the badge platform the issuer uses (Credly, Microsoft
  Learn, Coursera, edX, Accredible/credential.net…) or an ID / licence number for an issuer with
  a public look-up; ``suspicious`` = look-alike host or impossible dates; else ``unverifiable``;
* ``traps`` are exact phrases from the document that must NOT become credentials.

    .venv/bin/python tests/data/make_testdata.py           # build + check
    .venv/bin/python tests/data/make_testdata.py --check   # only check the committed files
"""

from __future__ import annotations

import hashlib
import json
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from render import plain, render  # noqa: E402

AS_OF = "2026-11-25"
NS = uuid.UUID("6f1c2a3e-9d4b-4e5f-8a7b-0c1d2e3f4a5b")

AWS = "Amazon Web Services"
MSFT = "Microsoft"
LF = "The Linux Foundation"
PMI = "Project Management Institute"
ISC2 = "ISC2"
COMPTIA = "CompTIA"
AHA = "American Heart Association"
ARC = "American Red Cross"
PEOPLECERT = "PeopleCert"
SCALED = "Scaled Agile, Inc."
CAMBRIDGE = "Cambridge University Press & Assessment"
OSHA = "Occupational Safety and Health Administration (OSHA)"
SHRM = "Society for Human Resource Management (SHRM)"
HRCI = "HR Certification Institute (HRCI)"


# ---- deterministic, unique-looking verification URLs ---------------------------------------
def _hex(seed, n):
    return hashlib.sha256(seed.encode()).hexdigest()[:n]


def _uuid4ish(seed):
    """A fixed UUID shaped like the random (version 4) ones badge platforms issue."""
    return uuid.UUID(bytes=uuid.uuid5(NS, seed).bytes, version=4)


def credly(seed):
    return f"https://www.credly.com/badges/{_uuid4ish(seed)}/public_url"


def mslearn(user, seed):
    return (
        f"https://learn.microsoft.com/api/credentials/share/en-us/{user}/"
        f"{_hex(seed, 16).upper()}?sharingId={_hex(seed + 's', 16).upper()}"
    )


def coursera(kind, seed, short=False):
    code = _hex(seed, 12).upper().replace("0", "Q").replace("1", "W")
    if short:  # the form of Coursera's "share" button
        return f"https://coursera.org/verify/{kind}/{code}"
    return f"https://www.coursera.org/account/accomplishments/{kind}/{code}"


def edx(seed):
    return f"https://credentials.edx.org/credentials/{_hex(seed, 32)}/"


def cred(name, issuer, status="earned", level="unverifiable", **extra):
    out = {"name": name, "issuer": issuer, "status": status, "level": level}
    for key in ("credential_id", "url", "issued", "expires"):
        if extra.get(key) is not None:
            out[key] = extra[key]
    return out


SPECS: list[dict] = []


def resume(**spec):
    SPECS.append(spec)


# ============================================================================================
# t01 — cloud architect, one-column PDF
# ============================================================================================
U = {"t01_sap": credly("t01-sap-c02")}
resume(
    file="t01_cloud_architect.pdf",
    layout="pdf1",
    name="Soren Kettleby",
    headline="Principal Cloud Architect",
    contact=[
        "Minneapolis, MN · soren.kettleby@example.net · (612) 555-0131 · "
        "[soren.example.net](https://soren.example.net)"
    ],
    main=[
        "# Summary",
        "Architect for regulated workloads in healthcare and retail. Holder of the AWS Certified "
        "DevOps Engineer – Professional certification since 2023; I design landing zones, "
        "identity and network foundations that pass audits the first time.",
        "# Experience",
        "= Principal Cloud Architect, Lakeland Health Systems",
        "~ 2021 to present · Minneapolis, MN",
        "- Designed the multi-account AWS organization (212 accounts) and its guardrails.",
        "- Ran AWS Well-Architected Framework reviews for 30 workloads each year.",
        "- Led the Terraform Associate study group for 14 engineers.",
        "= Cloud Engineer, Twin Ports Retail",
        "~ 2016 to 2021 · Duluth, MN",
        "- Moved the e-commerce stack to Kubernetes on EKS; on-call lead for peak season.",
        "# Certifications & Badges",
        "- AWS Certified Solutions Architect – Professional (SAP-C02) · Amazon Web Services · "
        f"Feb 2024 – Feb 2027 · [Credly badge]({U['t01_sap']})",
        "- AWS Certified Security – Specialty · 2021 – 2024",
        "- Google Cloud Certified Associate Cloud Engineer · Google Cloud · May 2025, valid until May 2028",
        "- Certified Kubernetes Security Specialist (CKS) · The Linux Foundation · "
        "Certification ID LF-8w3n5r0t2c",
        "# Education",
        "B.S. Computer Engineering, University of Minnesota, 2016",
    ],
    truth=[
        cred("AWS Certified DevOps Engineer – Professional", AWS, issued="2023"),
        cred(
            "AWS Certified Solutions Architect – Professional",
            AWS,
            "earned",
            "verifiable",
            url=U["t01_sap"],
            issued="2024-02",
            expires="2027-02",
        ),
        cred("AWS Certified Security – Specialty", AWS, "expired", issued="2021", expires="2024"),
        cred(
            "Google Cloud Certified Associate Cloud Engineer",
            "Google Cloud",
            issued="2025-05",
            expires="2028-05",
        ),
        cred(
            "Certified Kubernetes Security Specialist (CKS)",
            LF,
            "earned",
            "verifiable",
            credential_id="LF-8w3n5r0t2c",
        ),
    ],
    traps=["AWS Well-Architected Framework reviews", "Terraform Associate study group", "Kubernetes on EKS"],
)

# ============================================================================================
# t02 — SOC analyst, two-column PDF
# ============================================================================================
U.update(
    t02_gcih=credly("t02-gcih"),
    t02_cysa=credly("t02-cysa"),
    t02_sc200=mslearn("MargueriteOyelaran-2210", "t02-sc200"),
)
resume(
    file="t02_soc_analyst.pdf",
    layout="pdf2",
    name="Marguerite Oyelaran",
    headline="SOC Analyst II | Detection Engineering",
    location="Columbus, Ohio, United States",
    side=[
        "# Contact",
        "marguerite.oyelaran@example.com",
        "(614) 555-0144",
        "[linkedin.com/in/moyelaran-example](https://www.linkedin.com/in/moyelaran-example)",
        "# Skills",
        "Splunk Enterprise Security",
        "Microsoft Sentinel",
        "Wireshark",
        "# Certifications",
        f"[GIAC Certified Incident Handler (GCIH)]({U['t02_gcih']})",
        f"[CompTIA CySA+]({U['t02_cysa']})",
        f"[Microsoft Certified: Security Operations Analyst Associate]({U['t02_sc200']})",
        "ISC2 Certified in Cybersecurity (CC)",
    ],
    main=[
        "# Summary",
        "Analyst on a 24x7 SOC for a regional hospital network. Currently pursuing the OSCP "
        "from OffSec; lab time booked through spring 2027.",
        "# Experience",
        "= Riverbend Health Partners",
        "SOC Analyst II",
        "~ March 2022 - Present",
        "- Triage 40–60 alerts per shift and tune detections in Splunk Enterprise Security.",
        "- Wrote CEH-level phishing simulations for the awareness team.",
        "= Buckeye Managed IT",
        "Service Desk Analyst",
        "~ June 2019 - February 2022",
        "- Handled identity and endpoint tickets for 35 small businesses.",
        "# Education",
        "= Ohio Dominican University",
        "B.S. Cybersecurity · (2015 - 2019)",
    ],
    truth=[
        cred("GIAC Certified Incident Handler (GCIH)", "GIAC", "earned", "verifiable", url=U["t02_gcih"]),
        cred("CompTIA Cybersecurity Analyst (CySA+)", COMPTIA, "earned", "verifiable", url=U["t02_cysa"]),
        cred(
            "Microsoft Certified: Security Operations Analyst Associate",
            MSFT,
            "earned",
            "verifiable",
            url=U["t02_sc200"],
        ),
        cred("Certified in Cybersecurity (CC)", ISC2),
        cred("OffSec Certified Professional (OSCP)", "OffSec", "in_progress"),
    ],
    traps=["CEH-level phishing simulations", "Splunk Enterprise Security", "Microsoft Sentinel"],
)

# ============================================================================================
# t03 — construction project manager, DOCX paragraphs, contact in page header
# ============================================================================================
resume(
    file="t03_construction_pm.docx",
    layout="docx",
    header=True,
    name="Declan Achterberg",
    headline="Construction Project Manager",
    contact=["Charlotte, NC", "declan.achterberg@example.org", "704-555-0122"],
    main=[
        "# Profile",
        "Construction project manager for commercial and healthcare builds up to $85M. Strong "
        "on schedule recovery, subcontractor coordination and PMBOK-aligned schedules in "
        "Primavera P6.",
        "# Professional Credentials",
        "- Project Management Professional (PMP) — PMI — Certification #3187456 — since 2018",
        "- LEED Green Associate — GBCI, 2016",
        "- OSHA 30-Hour Construction — 2015",
        "- Certified Construction Manager (CCM) — CMCI — in progress, eligibility approved 2026",
        "- Adult First Aid/CPR/AED — American Red Cross — exp. 2027-08",
        "# Experience",
        "= Project Manager — Piedmont Builders Group, Charlotte, NC (2018 – present)",
        "- Delivered a 160-bed hospital tower two weeks early using Procore and Primavera P6.",
        "- Managed 28 subcontractors, including Certified Concrete Services of Gastonia.",
        "= Assistant Project Manager — Queen City Contractors (2013 – 2018)",
        "- Ran RFIs, submittals and owner meetings for K-12 school projects.",
        "# Education",
        "B.S. Construction Management, UNC Charlotte, 2013",
    ],
    truth=[
        cred(
            "Project Management Professional (PMP)",
            PMI,
            "earned",
            "verifiable",
            credential_id="3187456",
            issued="2018",
        ),
        cred("LEED Green Associate", "Green Business Certification Inc. (GBCI)", issued="2016"),
        cred("OSHA 30-Hour Construction Outreach Training", OSHA, issued="2015"),
        cred(
            "Certified Construction Manager (CCM)",
            "Construction Management Certification Institute (CMCI)",
            "in_progress",
        ),
        cred("Adult First Aid/CPR/AED", ARC, expires="2027-08"),
    ],
    traps=["PMBOK-aligned schedules", "Primavera P6", "Procore", "Certified Concrete Services of Gastonia"],
)

# ============================================================================================
# t04 — equity research, DOCX two-column layout table
# ============================================================================================
resume(
    file="t04_equity_analyst.docx",
    layout="docx_table",
    name="Beatrix Nwankwo-Sallis",
    headline="Equity Research Associate",
    side=[
        "# Contact",
        "beatrix.ns@example.com",
        "(312) 555-0158",
        "Chicago, IL",
        "# Credentials",
        "CFA® charterholder — CFA Institute, 2019",
        "FRM® — GARP, 2017",
        "FINRA SIE and Series 65 — CRD# 7321456",
        "CAMS — ACAMS — pursuing, exam planned Q1 2027",
        "# Tools",
        "Bloomberg Terminal, FactSet, Python, Excel/VBA",
    ],
    main=[
        "# Profile",
        "Equity research associate covering regional banks and insurers. Builds valuation "
        "models and writes initiation reports; partnered with CPA firms on bank due diligence.",
        "# Experience",
        "= Senior Associate, Equity Research — Lakeshore Capital Markets — 2020–present",
        "- Co-authored initiations on 14 regional banks; maintains 40 models.",
        "= Risk Analyst — Prairie State Bank — 2016–2020",
        "- Built market-risk VaR reports and stress tests for the ALCO.",
        "# Education",
        "M.S. Finance, Loyola University Chicago, 2016",
    ],
    truth=[
        cred("Chartered Financial Analyst (CFA)", "CFA Institute", issued="2019"),
        cred(
            "Financial Risk Manager (FRM)", "Global Association of Risk Professionals (GARP)", issued="2017"
        ),
        cred(
            "Securities Industry Essentials (SIE)",
            "Financial Industry Regulatory Authority (FINRA)",
            "earned",
            "verifiable",
            credential_id="7321456",
        ),
        cred(
            "Series 65 – Uniform Investment Adviser Law Examination",
            "North American Securities Administrators Association (NASAA)",
            "earned",
            "verifiable",
            credential_id="7321456",
        ),
        cred("Certified Anti-Money Laundering Specialist (CAMS)", "ACAMS", "in_progress"),
    ],
    traps=["Bloomberg Terminal", "FactSet", "CPA firms"],
)

# ============================================================================================
# t05 — ICU nurse, plain text
# ============================================================================================
resume(
    file="t05_icu_nurse.txt",
    layout="txt",
    name="Oluwaseun Bradshaw-Tate",
    raw="""\
OLUWASEUN BRADSHAW-TATE, BSN, RN
Houston, TX | seun.bradshaw@example.org | 713-555-0127

LICENSES
Registered Nurse — Texas Board of Nursing — License No. 912345 — Exp 2028-01-31

CERTIFICATIONS
CCRN (Adult), AACN — valid through 2027
ACLS Provider — American Heart Association — exp 10/2026
BLS Provider — American Heart Association — exp 03/2027
TNCC — Emergency Nurses Association — 2024
Studying for the CNRN (exam window Feb 2027)

EXPERIENCE
Registered Nurse, Neuro ICU — Bayou City Medical Center — 2020 to present
  * 1:2 care for post-craniotomy, stroke and TBI patients; EVD management.
  * Skills lab facilitator for NCLEX review sessions (new graduate residency).
Registered Nurse, Med-Surg — Gulf Coast Community Hospital — 2017 to 2020
  * Documented in Epic; super-user for Omnicell cabinets.

EDUCATION
BSN, Prairie View A&M University College of Nursing, 2017
""",
    truth=[
        cred(
            "Registered Nurse (RN)",
            "Texas Board of Nursing",
            "earned",
            "verifiable",
            credential_id="912345",
            expires="2028-01",
        ),
        cred("CCRN (Adult)", "AACN Certification Corporation", expires="2027"),
        cred("Advanced Cardiovascular Life Support (ACLS)", AHA, "expired", expires="2026-10"),
        cred("Basic Life Support (BLS)", AHA, expires="2027-03"),
        cred("Trauma Nursing Core Course (TNCC)", "Emergency Nurses Association", issued="2024"),
        cred(
            "Certified Neuroscience Registered Nurse (CNRN)",
            "American Board of Neuroscience Nursing (ABNN)",
            "in_progress",
        ),
    ],
    traps=["NCLEX review sessions", "Omnicell cabinets", "EVD management"],
)

# ============================================================================================
# t06 — electrician / HVAC, plain text
# ============================================================================================
resume(
    file="t06_electrician.txt",
    layout="txt",
    name="Terrence Okonkwo-Barnes",
    raw="""\
Terrence Okonkwo-Barnes
Journeyman Electrician / HVAC Technician
San Antonio, TX · t.okonkwo.barnes@example.com · 210-555-0139

LICENSES & CERTIFICATIONS
* Journeyman Electrician License — Texas Department of Licensing and Regulation (TDLR), License No. 123987
* EPA Section 608 Universal Technician Certification (2014)
* OSHA 10-Hour Construction (2012)
* NCCER Electrical Level 4 — NCCER, 2016
* Master Electrician License (TDLR) — exam scheduled March 2027

WORK HISTORY
Journeyman Electrician — Alamo Power & Light Services — 2016–present
* Commercial tenant finish-outs, 480V three-phase services, fire alarm tie-ins.
* Apply NEC 2023 code updates on every job; foreman for crews of six.
Electrical Apprentice / HVAC Helper — Certified Power Solutions LLC — 2011–2016
* Rooftop unit installs and refrigerant recovery.

TOOLS
Fluke 87V, Klein tools, Greenlee benders, refrigerant recovery machines
""",
    truth=[
        cred(
            "Journeyman Electrician License",
            "Texas Department of Licensing and Regulation (TDLR)",
            "earned",
            "verifiable",
            credential_id="123987",
        ),
        cred(
            "EPA Section 608 Technician Certification (Universal)",
            "U.S. Environmental Protection Agency (EPA)",
            issued="2014",
        ),
        cred("OSHA 10-Hour Construction Outreach Training", OSHA, issued="2012"),
        cred(
            "NCCER Electrical Level 4",
            "National Center for Construction Education and Research (NCCER)",
            issued="2016",
        ),
        cred(
            "Master Electrician License", "Texas Department of Licensing and Regulation (TDLR)", "in_progress"
        ),
    ],
    traps=["NEC 2023 code updates", "Certified Power Solutions LLC", "Fluke 87V"],
)

# ============================================================================================
# t07 — ML engineer, Markdown (learning platforms)
# ============================================================================================
U.update(
    t07_ml=coursera("specialization", "t07-ml"),
    t07_mm=edx("t07-micromasters"),
    t07_ai=mslearn("NadiaFerreiraLund-5531", "t07-ai102"),
    t07_gada=coursera("professional-cert", "t07-gada"),
)
resume(
    file="t07_ml_engineer.md",
    layout="md",
    name="Nadia Ferreira-Lund",
    raw=f"""\
# Nadia Ferreira-Lund

**Machine Learning Engineer** · Remote (Raleigh, NC) · nadia.fl@example.com · 919-555-0161

## About

ML engineer shipping recommendation and forecasting models. Kaggle Competitions Expert; most
of my learning happened on Coursera and edX (certificates below).

## Experience

**Machine Learning Engineer, Cardinal Grocers** — 2022–present

- Built the demand-forecasting service (LightGBM over 11k store × SKU series) with TensorFlow
  and scikit-learn baselines.

**Data Analyst, Triangle Transit Authority** — 2019–2022

- Ridership dashboards; taught internal SQL classes.

## Certificates & Credentials

1. Machine Learning Specialization — DeepLearning.AI & Stanford Online (Coursera), 2022 — [verify]({U["t07_ml"]})
2. MicroMasters® Program in Statistics and Data Science — MITx (edX), 2021 — [credential]({U["t07_mm"]})
3. Microsoft Certified: Azure AI Engineer Associate (AI-102) — issued 2025-04, expires 2027-04 — [Microsoft Learn]({U["t07_ai"]})
4. Google Advanced Data Analytics Professional Certificate — Google (Coursera), 2023 — <{U["t07_gada"]}>
5. DataCamp Data Scientist Associate certification — DataCamp, 2022
6. Databricks Certified Machine Learning Associate — in progress

## Skills

Python, SQL, TensorFlow, PyTorch, scikit-learn, LightGBM, Airflow
""",
    truth=[
        cred(
            "Machine Learning Specialization",
            "DeepLearning.AI and Stanford Online",
            "earned",
            "verifiable",
            url=U["t07_ml"],
            issued="2022",
        ),
        cred(
            "MicroMasters Program in Statistics and Data Science",
            "MITx",
            "earned",
            "verifiable",
            url=U["t07_mm"],
            issued="2021",
        ),
        cred(
            "Microsoft Certified: Azure AI Engineer Associate",
            MSFT,
            "earned",
            "verifiable",
            url=U["t07_ai"],
            issued="2025-04",
            expires="2027-04",
        ),
        cred(
            "Google Advanced Data Analytics Professional Certificate",
            "Google",
            "earned",
            "verifiable",
            url=U["t07_gada"],
            issued="2023",
        ),
        cred("Data Scientist Associate", "DataCamp", issued="2022"),
        cred("Databricks Certified Machine Learning Associate", "Databricks", "in_progress"),
    ],
    traps=["Kaggle Competitions Expert", "TensorFlow", "scikit-learn", "taught internal SQL classes"],
)

# ============================================================================================
# t08 — HR director, one-column PDF (serif)
# ============================================================================================
resume(
    file="t08_hr_director.pdf",
    layout="pdf1",
    serif=True,
    name="Gwendolyn Achebe-Ross",
    headline="Director of People Operations",
    contact=[
        "Atlanta, GA · gwen.achebe.ross@example.org · (404) 555-0186 · "
        "[LinkedIn](https://www.linkedin.com/in/gwen-achebe-ross-example)"
    ],
    main=[
        "# Summary",
        "People leader (15 years) for healthcare and SaaS companies of 300–2,500 employees. "
        "Built HR functions from scratch twice; comfortable with Workday HCM, Greenhouse and "
        "Kronos.",
        "# Certifications",
        "- SHRM-SCP (Society for Human Resource Management) — 2020 to present",
        "- SPHR — HR Certification Institute — 2016",
        "- Certified Compensation Professional (CCP), WorldatWork: 2019 – 2022",
        "- Prosci® Certified Change Practitioner — Prosci, 2021",
        "- Certified Professional in Talent Development (CPTD) — ATD — exam scheduled April 2027",
        "# Experience",
        "= Director of People Operations, Peachtree Health Network — 2020–present",
        "- Led the HR side of two acquisitions (1,100 employees) and a Workday HCM consolidation.",
        "- Facilitated DiSC workshops for 90 people managers.",
        "= HR Manager, Brightpath Software — 2013–2020",
        "- Designed salary bands and the first performance cycle.",
        "# Education",
        "M.S. Human Resource Management, Georgia State University, 2012",
    ],
    truth=[
        cred("SHRM Senior Certified Professional (SHRM-SCP)", SHRM, issued="2020"),
        cred("Senior Professional in Human Resources (SPHR)", HRCI, issued="2016"),
        cred(
            "Certified Compensation Professional (CCP)",
            "WorldatWork",
            "expired",
            issued="2019",
            expires="2022",
        ),
        cred("Prosci Certified Change Practitioner", "Prosci", issued="2021"),
        cred(
            "Certified Professional in Talent Development (CPTD)",
            "Association for Talent Development (ATD)",
            "in_progress",
        ),
    ],
    traps=["Workday HCM", "Greenhouse", "Kronos", "DiSC workshops"],
)

# ============================================================================================
# t09 — systems administrator, two-column PDF
# ============================================================================================
U.update(
    t09_aplus=credly("t09-aplus"),
    t09_netplus=credly("t09-netplus"),
    t09_md102=mslearn("DevonAchterhof-8812", "t09-md102"),
)
resume(
    file="t09_sysadmin.pdf",
    layout="pdf2",
    name="Devon Achterhof",
    headline="Systems Administrator | Endpoint & Identity",
    location="Des Moines, Iowa, United States",
    side=[
        "# Contact",
        "devon.achterhof@example.net",
        "515-555-0171",
        "[devon.example.net](https://devon.example.net)",
        "# Certifications",
        f"[CompTIA A+ ce]({U['t09_aplus']})",
        f"[CompTIA Network+ ce]({U['t09_netplus']})",
        f"[Microsoft 365 Certified: Endpoint Administrator Associate]({U['t09_md102']})",
        "ITIL 4 Foundation",
        "Jamf Certified Tech",
        "# Languages",
        "English, Spanish",
    ],
    main=[
        "# Summary",
        "Systems administrator for a 1,400-seat insurer: Intune, Jamf Pro, Active Directory and "
        "Entra ID. Working toward Red Hat certification (RHCSA exam EX200 booked for January "
        "2027).",
        "# Experience",
        "= Hawkeye Mutual Insurance",
        "Systems Administrator",
        "~ April 2021 - Present",
        "- Ran the Microsoft Office 365 migration for 1,400 mailboxes.",
        "- Built Jamf Pro enrollment for 300 Macs.",
        "= Prairie Schools Consortium",
        "IT Support Technician",
        "~ August 2017 - March 2021",
        "- Supported 2,000 Chromebooks and the Active Directory environment.",
        "# Education",
        "= Des Moines Area Community College",
        "A.A.S. Network Administration · (2015 - 2017)",
    ],
    truth=[
        cred("CompTIA A+", COMPTIA, "earned", "verifiable", url=U["t09_aplus"]),
        cred("CompTIA Network+", COMPTIA, "earned", "verifiable", url=U["t09_netplus"]),
        cred(
            "Microsoft 365 Certified: Endpoint Administrator Associate",
            MSFT,
            "earned",
            "verifiable",
            url=U["t09_md102"],
        ),
        cred("ITIL 4 Foundation", PEOPLECERT),
        cred("Jamf Certified Tech", "Jamf"),
        cred("Red Hat Certified System Administrator (RHCSA)", "Red Hat", "in_progress"),
    ],
    traps=["Jamf Pro", "Microsoft Office 365 migration", "Active Directory", "Entra ID"],
)

# ============================================================================================
# t10 — backend developer, DOCX layout table
# ============================================================================================
U.update(t10_ocp=credly("t10-ocp-java17"), t10_dva=credly("t10-dva-c02"))
resume(
    file="t10_backend_dev.docx",
    layout="docx_table",
    name="Yusuf Hallström",
    headline="Senior Backend Developer",
    side=[
        "# Contact",
        "yusuf.hallstrom@example.com",
        "503-555-0109",
        "[yusuf.example.com](https://yusuf.example.com)",
        "# Certifications",
        f"Oracle Certified Professional: Java SE 17 Developer (1Z0-829) — [badge]({U['t10_ocp']})",
        f"AWS Certified Developer – Associate (DVA-C02), 2024 — [badge]({U['t10_dva']})",
        "CKAD — The Linux Foundation — Cert ID: LF-2kqz7vhn3b",
        "MongoDB Associate Developer (Python), issued 03/2027",
        "GitHub Actions certification — GitHub, 2025",
        "# Skills",
        "Java 21, Spring Boot, PostgreSQL, Kafka, GitHub Copilot",
    ],
    main=[
        "# Profile",
        "Backend developer (9 years) for payments and logistics platforms; happiest with "
        "boring, observable services.",
        "# Experience",
        "= Senior Backend Developer — Cascadia Payments — 2021–present",
        "- Own the settlement service (Java 21, Spring Boot, Kafka) at 99.99% availability.",
        "- Reviewed Oracle JDK upgrade plans for 40 services.",
        "= Software Developer — Willamette Logistics — 2017–2021",
        "- Built the carrier-rating API and its PostgreSQL schema.",
        "# Education",
        "B.S. Computer Science, Portland State University, 2017",
    ],
    truth=[
        cred(
            "Oracle Certified Professional: Java SE 17 Developer",
            "Oracle",
            "earned",
            "verifiable",
            url=U["t10_ocp"],
        ),
        cred(
            "AWS Certified Developer – Associate",
            AWS,
            "earned",
            "verifiable",
            url=U["t10_dva"],
            issued="2024",
        ),
        cred(
            "Certified Kubernetes Application Developer (CKAD)",
            LF,
            "earned",
            "verifiable",
            credential_id="LF-2kqz7vhn3b",
        ),
        cred("MongoDB Associate Developer", "MongoDB", "earned", "suspicious", issued="2027-03"),
        cred("GitHub Actions", "GitHub", issued="2025"),
    ],
    traps=["Spring Boot", "GitHub Copilot", "Oracle JDK upgrade plans"],
)

# ============================================================================================
# t11 — ESL teacher (education / languages), plain text
# ============================================================================================
resume(
    file="t11_esl_teacher.txt",
    layout="txt",
    name="Aoife Brennan-Takahashi",
    raw="""\
Aoife Brennan-Takahashi
ESL Teacher (PreK–12) and Spanish Instructor
Worcester, MA — aoife.bt@example.org — (508) 555-0112

TEACHING LICENSE
Massachusetts Initial License, English as a Second Language (PreK–12) — MA DESE, License #512345

CERTIFICATES & LANGUAGE QUALIFICATIONS
CELTA, Cambridge Assessment English, 2015 (Pass A)
Delta (Cambridge) — currently in progress, Module 2 due June 2027
DELE C1 (Spanish), Instituto Cervantes, 2018
JLPT N3, 2019

EXPERIENCE
ESL Teacher, Worcester Public Schools, 2019–present
- Co-teach newcomer classes; run WIDA ACCESS testing for 120 students.
- Taught IELTS preparation courses on Saturdays for adult learners.
English Teacher, Kobe Language Academy (Japan), 2015–2019
- Taught business English to engineers and managers.

SKILLS
Google Classroom, Seesaw, sheltered instruction (SIOP)
""",
    truth=[
        cred(
            "Massachusetts Initial License, English as a Second Language (PreK–12)",
            "Massachusetts Department of Elementary and Secondary Education (DESE)",
            "earned",
            "verifiable",
            credential_id="512345",
        ),
        cred(
            "Certificate in Teaching English to Speakers of Other Languages (CELTA)", CAMBRIDGE, issued="2015"
        ),
        cred("Diploma in Teaching English to Speakers of Other Languages (Delta)", CAMBRIDGE, "in_progress"),
        cred("DELE C1 (Diploma de Español como Lengua Extranjera)", "Instituto Cervantes", issued="2018"),
        cred("Japanese-Language Proficiency Test (JLPT) N3", "The Japan Foundation", issued="2019"),
    ],
    traps=[
        "IELTS preparation courses",
        "WIDA ACCESS testing",
        "Google Classroom",
        "sheltered instruction (SIOP)",
    ],
)

# ============================================================================================
# t12 — DevOps engineer, Markdown table, look-alike verification host
# ============================================================================================
U.update(
    t12_cka=credly("t12-cka"),
    t12_vault=credly("t12-vault"),
    t12_az400=mslearn("BartNguyenKowalski-3307", "t12-az400"),
    t12_fake=f"https://credly.badge-verify.net/badges/{_uuid4ish('t12-fake')}",
)
resume(
    file="t12_devops.md",
    layout="md",
    name="Bart Nguyen-Kowalski",
    raw=f"""\
# Bart Nguyen-Kowalski

Platform / DevOps Engineer — Pittsburgh, PA — bart.nk@example.com — 412-555-0148

## Credentials

| Credential | Issuer | Year | Link |
|---|---|---|---|
| Certified Kubernetes Administrator (CKA) | The Linux Foundation | 2025 | [badge]({U["t12_cka"]}) |
| HashiCorp Certified: Vault Associate (002) | HashiCorp | 2024 | [badge]({U["t12_vault"]}) |
| Microsoft Certified: DevOps Engineer Expert (AZ-400) | Microsoft | 2025 | [Learn profile]({U["t12_az400"]}) |
| AWS Certified DevOps Engineer – Professional | Amazon Web Services | 2024 | [verify]({U["t12_fake"]}) |
| GitLab Certified CI/CD Associate | GitLab | 2022 | — |

## Experience

### Staff Platform Engineer — Allegheny Robotics (2021–present)

- Run 14 Kubernetes clusters with Argo CD and Helm; Terraform Cloud for all infrastructure.
- On-call rotation lead; cut MTTR from 90 to 25 minutes.

### DevOps Engineer — Three Rivers Bank (2017–2021)

- Jenkins to GitLab CI migration; HashiCorp Vault rollout for 200 services.

## Skills

Kubernetes, Helm, Argo CD, Terraform Cloud, Vault, Go, Python
""",
    truth=[
        cred(
            "Certified Kubernetes Administrator (CKA)",
            LF,
            "earned",
            "verifiable",
            url=U["t12_cka"],
            issued="2025",
        ),
        cred(
            "HashiCorp Certified: Vault Associate (002)",
            "HashiCorp",
            "earned",
            "verifiable",
            url=U["t12_vault"],
            issued="2024",
        ),
        cred(
            "Microsoft Certified: DevOps Engineer Expert",
            MSFT,
            "earned",
            "verifiable",
            url=U["t12_az400"],
            issued="2025",
        ),
        cred(
            "AWS Certified DevOps Engineer – Professional",
            AWS,
            "earned",
            "suspicious",
            url=U["t12_fake"],
            issued="2024",
        ),
        cred("GitLab Certified CI/CD Associate", "GitLab", issued="2022"),
    ],
    traps=["Terraform Cloud", "Argo CD", "HashiCorp Vault rollout", "GitLab CI migration"],
)

# ============================================================================================
# t13 — German information security officer, DOCX with page header
# ============================================================================================
U.update(t13_cism=credly("t13-cism"))
resume(
    file="t13_de_informationssicherheit.docx",
    layout="docx",
    header=True,
    name="Friederike Brandstätter",
    headline="Informationssicherheitsbeauftragte",
    contact=["Hamburg", "friederike.brandstaetter@example.com", "+49 40 555 0163"],
    main=[
        "# Profil",
        "Informationssicherheitsbeauftragte mit 12 Jahren Erfahrung in Logistik und "
        "Energiewirtschaft. Einführung eines ISMS nach ISO 27001 an drei Standorten; "
        "Schulungen zur DSGVO für 600 Mitarbeitende.",
        "# Berufserfahrung",
        "= Informationssicherheitsbeauftragte, Elbkai Logistik GmbH, Hamburg — seit 2019",
        "- Aufbau des ISMS, Leitung der Zertifizierungsaudits und des Notfallmanagements.",
        "= IT-Sicherheitsberaterin, Nordlicht Energie AG, Bremen — 2013 – 2019",
        "- Risikoanalysen nach BSI IT-Grundschutz, Penetrationstests mit externen Partnern.",
        "# Zertifizierungen",
        f"- CISM – Certified Information Security Manager, ISACA, seit 2021 ([Credly]({U['t13_cism']}))",
        "- PECB Certified ISO/IEC 27001 Lead Auditor, PECB, Mai 2022",
        "- T.I.S.P. – TeleTrusT Information Security Professional, TeleTrusT, 2016",
        "- CISSP – in Vorbereitung, Prüfungstermin Januar 2027",
        "# Ausbildung",
        "Diplom-Informatikerin (FH), Hochschule Bremen, 2012",
        "# Sprachen",
        "Deutsch (Muttersprache), Englisch (TOEFL iBT 108, 2011), Schwedisch (Grundkenntnisse)",
    ],
    truth=[
        cred(
            "Certified Information Security Manager (CISM)",
            "ISACA",
            "earned",
            "verifiable",
            url=U["t13_cism"],
            issued="2021",
        ),
        cred("PECB Certified ISO/IEC 27001 Lead Auditor", "PECB", issued="2022-05"),
        cred(
            "TeleTrusT Information Security Professional (T.I.S.P.)",
            "TeleTrusT – IT Security Association Germany",
            issued="2016",
        ),
        cred("Certified Information Systems Security Professional (CISSP)", ISC2, "in_progress"),
        cred("TOEFL iBT", "ETS", issued="2011"),
    ],
    traps=["ISMS nach ISO 27001", "Schulungen zur DSGVO", "BSI IT-Grundschutz"],
)

# ============================================================================================
# t14 — French management controller, one-column PDF (A4)
# ============================================================================================
resume(
    file="t14_fr_controle_gestion.pdf",
    layout="pdf1",
    page="a4",
    name="Inès Lefebvre-Aubriot",
    headline="Contrôleuse de gestion senior",
    contact=["Nantes · ines.lefebvre@example.com · +33 (0)2 555 01 66"],
    main=[
        "# Profil",
        "Contrôleuse de gestion (8 ans) dans l'industrie agroalimentaire : clôtures mensuelles, "
        "budget, reporting IFRS et pilotage de la performance. Utilisatrice avancée de SAP FI/CO "
        "et Sage 100.",
        "# Expérience professionnelle",
        "= Contrôleuse de gestion senior — Biscuiterie de l'Erdre, Nantes — depuis 2021",
        "- Pilotage du budget annuel (310 M€) et des clôtures mensuelles en J+5.",
        "= Contrôleuse de gestion — Laiteries Atlantique, Cholet — 2017 à 2021",
        "- Mise en place du reporting mensuel sous SAP FI/CO.",
        "# Certifications",
        "- Certification AMF — 2020",
        "- TOSA Excel : 875/1000 (niveau Expert), Isograd — 2022",
        "- ACCA Certificate in International Financial Reporting (CertIFR) — 2019",
        "- Certification Pix — 2023",
        "- CFA® — candidate au niveau II (session de mai 2027)",
        "# Formation",
        "Master Contrôle de gestion et audit organisationnel, IAE Nantes, 2017",
        "# Langues",
        "Anglais (C1), espagnol (B2)",
    ],
    truth=[
        cred("Certification AMF", "Autorité des marchés financiers (AMF)", issued="2020"),
        cred("TOSA Excel", "Isograd", issued="2022"),
        cred(
            "Certificate in International Financial Reporting (CertIFR)",
            "Association of Chartered Certified Accountants (ACCA)",
            issued="2019",
        ),
        cred("Certification Pix", "Pix", issued="2023"),
        cred("Chartered Financial Analyst (CFA)", "CFA Institute", "in_progress"),
    ],
    traps=["SAP FI/CO", "Sage 100", "reporting IFRS"],
)

# ============================================================================================
# t15 — Spanish digital marketing lead, DOCX layout table
# ============================================================================================
U.update(t15_gads="https://skillshop.credential.net/" + str(int(_hex("t15-gads", 8), 16)))
resume(
    file="t15_es_marketing.docx",
    layout="docx_table",
    name="Lucía Fernández-Ibarra",
    headline="Responsable de Marketing Digital",
    side=[
        "# Contacto",
        "lucia.fernandez@example.com",
        "+34 91 555 01 44",
        "Madrid",
        "# Certificaciones",
        "Certificación PMP® — Project Management Institute — 2021 — ID 2987654",
        f"Google Ads Search Certification — Google (Skillshop) — válida hasta marzo de 2027 — "
        f"[Verificar]({U['t15_gads']})",
        "HubSpot Inbound Marketing Certification — HubSpot Academy — caducó en 2025",
        "Cambridge B2 First (FCE) — 2012",
        "Certified ScrumMaster® (CSM) — Scrum Alliance — en curso",
        "# Herramientas",
        "Google Analytics 4, HubSpot CRM, Semrush, Meta Ads Manager",
    ],
    main=[
        "# Perfil",
        "Responsable de marketing digital con 10 años en comercio electrónico y turismo. "
        "Gestiono presupuestos de medios de 2 M€ y equipos de seis personas.",
        "# Experiencia",
        "= Responsable de Marketing Digital — Viajes Alcázar, Madrid — 2019–actualidad",
        "- Lancé el programa de fidelización (300.000 socios) y la migración a Google Analytics 4.",
        "- Coordiné campañas en Meta Ads Manager y Google Ads con agencias externas.",
        "= Especialista SEM — Moda Retiro, Madrid — 2015–2019",
        "- Campañas de búsqueda y shopping para 1.200 referencias.",
        "# Formación",
        "Grado en Publicidad y Relaciones Públicas, Universidad Complutense de Madrid, 2015",
    ],
    truth=[
        cred(
            "Project Management Professional (PMP)",
            PMI,
            "earned",
            "verifiable",
            credential_id="2987654",
            issued="2021",
        ),
        cred(
            "Google Ads Search Certification",
            "Google",
            "earned",
            "verifiable",
            url=U["t15_gads"],
            expires="2027-03",
        ),
        cred("HubSpot Inbound Marketing Certification", "HubSpot Academy", "expired", expires="2025"),
        cred("B2 First", CAMBRIDGE, issued="2012"),
        cred("Certified ScrumMaster (CSM)", "Scrum Alliance", "in_progress"),
    ],
    traps=[
        "Google Analytics 4",
        "HubSpot CRM",
        "Meta Ads Manager",
        "Semrush",
        "Google Ads con agencias externas",
    ],
)

# ============================================================================================
# t16 — Dutch logistics project manager, plain text
# ============================================================================================
resume(
    file="t16_nl_logistiek.txt",
    layout="txt",
    name="Sanne van der Meulen",
    raw="""\
Sanne van der Meulen
Projectmanager Logistiek · Rotterdam
sanne.vandermeulen@example.org · +31 10 555 0119

PROFIEL
Projectmanager met 9 jaar ervaring in havenlogistiek en warehousing. Werkte met SAP EWM en
Blue Yonder; gaf Lean-workshops aan ploegleiders.

WERKERVARING
Projectmanager — Maasvlakte Distributie B.V., Rotterdam — 2020 – heden
- Leidde de implementatie van een nieuw WMS in drie distributiecentra.
- Verkortte de doorlooptijd van inbound met 18%.
Teamleider Operations — Waalhaven Logistics, Rotterdam — 2015 – 2020
- Aansturing van 40 medewerkers in twee ploegen.

CERTIFICATEN
- PRINCE2® Foundation — PeopleCert (2018)
- Lean Six Sigma Green Belt — IASSC (2020)
- VCA Basis — behaald 2023, geldig tot 2033
- SAFe® Agilist — bezig met voorbereiding
- Cambridge C2 Proficiency (2015)

OPLEIDING
Bachelor Logistiek en Economie, Hogeschool Rotterdam, 2015
""",
    truth=[
        cred("PRINCE2 Foundation", PEOPLECERT, issued="2018"),
        cred(
            "IASSC Certified Lean Six Sigma Green Belt (ICGB)",
            "International Association for Six Sigma Certification (IASSC)",
            issued="2020",
        ),
        cred("VCA Basis", "Stichting Samenwerken Voor Veiligheid (SSVV)", issued="2023", expires="2033"),
        cred("Certified SAFe Agilist", SCALED, "in_progress"),
        cred("C2 Proficiency", CAMBRIDGE, issued="2015"),
    ],
    traps=["SAP EWM", "Blue Yonder", "Lean-workshops"],
)

# ============================================================================================
# t17 — tax manager / CPA, two-column PDF
# ============================================================================================
resume(
    file="t17_tax_manager.pdf",
    layout="pdf2",
    name="Harold Einarsson-Pike",
    headline="Senior Tax Manager, CPA",
    location="Naperville, Illinois, United States",
    side=[
        "# Contact",
        "harold.einarsson@example.com",
        "630-555-0193",
        "[LinkedIn](https://www.linkedin.com/in/harold-einarsson-example)",
        "# Licenses",
        "Certified Public Accountant (CPA), Illinois — License No. 065.012345",
        "Enrolled Agent (EA), IRS — 2018",
        "# Certifications",
        "Certified Management Accountant (CMA), IMA — 2020",
        "Certified Fraud Examiner (CFE), ACFE — 2022",
        "Certified Internal Auditor (CIA) — Parts 1 & 2 passed; Part 3 scheduled Feb 2027",
    ],
    main=[
        "# Summary",
        "Tax manager for privately held manufacturers and family offices: partnership and "
        "S-corp returns, multistate nexus, and SOX 404 testing support for two public clients.",
        "# Experience",
        "= DuPage Advisory Group LLP",
        "Senior Tax Manager",
        "~ 2019 - Present",
        "- Manage 120 returns a season with a team of five; reviewer of NetSuite data extracts.",
        "- Built the firm's US GAAP tax provision workpapers.",
        "= Fox River CPAs",
        "Tax Senior",
        "~ 2013 - 2019",
        "- Prepared 1065, 1120-S and 1040 returns for closely held businesses.",
        "# Education",
        "= Northern Illinois University",
        "Master of Accountancy · (2012 - 2013)",
    ],
    truth=[
        cred(
            "Certified Public Accountant (CPA)",
            "Illinois Department of Financial and Professional Regulation (IDFPR)",
            "earned",
            "verifiable",
            credential_id="065.012345",
        ),
        cred("Enrolled Agent (EA)", "Internal Revenue Service (IRS)", issued="2018"),
        cred(
            "Certified Management Accountant (CMA)",
            "Institute of Management Accountants (IMA)",
            issued="2020",
        ),
        cred(
            "Certified Fraud Examiner (CFE)", "Association of Certified Fraud Examiners (ACFE)", issued="2022"
        ),
        cred(
            "Certified Internal Auditor (CIA)", "The Institute of Internal Auditors (The IIA)", "in_progress"
        ),
    ],
    traps=["SOX 404 testing", "NetSuite", "US GAAP", "Fox River CPAs"],
)

# ============================================================================================
# t18 — pharmacy technician / medical coder, DOCX paragraphs
# ============================================================================================
resume(
    file="t18_pharmacy_coder.docx",
    layout="docx",
    name="Marisol Quintanilla-Byrne",
    headline="Medical Coder · Certified Pharmacy Technician",
    contact=["Columbus, OH · marisol.qb@example.net · 614-555-0105"],
    main=[
        "# Summary",
        "Pharmacy technician moving into revenue-cycle work: six years in hospital pharmacy "
        "(Omnicell, Epic Willow) and three years of outpatient coding with ICD-10-CM and CPT.",
        "# Credentials",
        "- Certified Pharmacy Technician (CPhT), PTCB — Certification #123456 — recertified through 06/2027",
        "- Certified Professional Coder (CPC), AAPC — Member ID 01234567 — 2021",
        "- Certified Medical Administrative Assistant (CMAA), NHA — 2019",
        "- BLS for Healthcare Providers, American Red Cross — 2023 – 2025",
        "- Registered Health Information Technician (RHIT), AHIMA — pursuing; exam date January 2027",
        "# Experience",
        "= Coding Specialist — Scioto Valley Physicians — 2023–present",
        "- Code 90 outpatient encounters per day at 96% audit accuracy.",
        "= Pharmacy Technician — Olentangy General Hospital — 2017–2023",
        "- IV room compounding; maintained Omnicell cabinets for eight units.",
        "# Education",
        "Pharmacy Technician Program, Columbus State Community College, 2017",
    ],
    truth=[
        cred(
            "Certified Pharmacy Technician (CPhT)",
            "Pharmacy Technician Certification Board (PTCB)",
            "earned",
            "verifiable",
            credential_id="123456",
            expires="2027-06",
        ),
        cred(
            "Certified Professional Coder (CPC)",
            "AAPC",
            "earned",
            "verifiable",
            credential_id="01234567",
            issued="2021",
        ),
        cred(
            "Certified Medical Administrative Assistant (CMAA)",
            "National Healthcareer Association (NHA)",
            issued="2019",
        ),
        cred("Basic Life Support (BLS)", ARC, "expired", issued="2023", expires="2025"),
        cred(
            "Registered Health Information Technician (RHIT)",
            "American Health Information Management Association (AHIMA)",
            "in_progress",
        ),
    ],
    traps=["Epic Willow", "ICD-10-CM", "Omnicell cabinets"],
)

# ============================================================================================
# t19 — CDL driver moving to logistics planning, plain text
# ============================================================================================
resume(
    file="t19_cdl_driver.txt",
    layout="txt",
    name="DeShawn Whitaker-Lindgren",
    raw="""\
DeShawn Whitaker-Lindgren
Class A CDL Driver -> Logistics Planner
Toledo, OH | deshawn.wl@example.com | (419) 555-0150

LICENSES & CARDS
- Commercial Driver's License (CDL) Class A — Ohio BMV — endorsements H, N, T
- TWIC card — TSA — expires 2029-04
- Forklift Operator Certification — Midway Distribution Co. (employer program), 2022
- Smith System Driver Training — certificate of completion, 2021

DEVELOPMENT
- Working toward APICS CPIM (ASCM); Part 1 scheduled for January 2027

EXPERIENCE
Regional Driver — Certified Freight Lines Inc., Toledo, OH — 2018–present
- 410,000 accident-free miles; hazmat and tanker loads across OH, MI and IN.
- Logged hours on Samsara ELD; trained five new drivers on pre-trip inspections.
Warehouse Associate — Midway Distribution Co., Toledo, OH — 2015–2018
- Reach truck and forklift operation; cycle counts in Manhattan WMS.

EDUCATION
High school diploma, Rogers High School, 2015
""",
    truth=[
        cred("Commercial Driver's License (CDL) Class A", "Ohio Bureau of Motor Vehicles"),
        cred(
            "Transportation Worker Identification Credential (TWIC)",
            "Transportation Security Administration (TSA)",
            expires="2029-04",
        ),
        cred("Forklift Operator Certification", "Midway Distribution Co.", issued="2022"),
        cred("Smith System Driver Training", "Smith System", issued="2021"),
        cred(
            "Certified in Planning and Inventory Management (CPIM)",
            "Association for Supply Chain Management (ASCM)",
            "in_progress",
        ),
    ],
    traps=["Certified Freight Lines Inc.", "Samsara ELD", "Manhattan WMS", "pre-trip inspections"],
)

# ============================================================================================
# t20 — agile coach / RTE, one-column PDF
# ============================================================================================
U.update(t20_acp=credly("t20-pmi-acp"), t20_rte=credly("t20-safe-rte"))
resume(
    file="t20_agile_coach.pdf",
    layout="pdf1",
    name="Ottoline Varga-Hughes",
    headline="Agile Coach & Release Train Engineer",
    contact=["Denver, CO · ottoline.vh@example.com · 303-555-0177"],
    main=[
        "# Profile",
        "Agile coach for financial-services release trains of 80–120 people. I mentored "
        "colleagues through PMP exam prep, but my own path has been agile certifications.",
        "# Certifications",
        f"- PMI Agile Certified Practitioner (PMI-ACP) — Project Management Institute — 2019 — "
        f"[View badge]({U['t20_acp']})",
        f"- Certified SAFe® Release Train Engineer — Scaled Agile — 2025, renewed annually, "
        f"current through 2026-12 — [View badge]({U['t20_rte']})",
        "- Certified Scrum Product Owner (CSPO) — Scrum Alliance — 2018",
        "- Kanban Management Professional (KMP I) — Kanban University — 2021",
        "- PRINCE2 Agile® Practitioner — AXELOS/PeopleCert — 2020, expired 2023",
        "# Experience",
        "= Agile Coach, Front Range Federal Credit Union — 2021–present",
        "- Launched two release trains; PI planning for 14 teams in Jira Align.",
        "= Scrum Master, Mile High Insurance — 2016–2021",
        "- Served three Scrum teams; introduced Kanban for the operations team.",
        "# Education",
        "B.A. Psychology, University of Colorado Boulder, 2015",
    ],
    truth=[
        cred(
            "PMI Agile Certified Practitioner (PMI-ACP)",
            PMI,
            "earned",
            "verifiable",
            url=U["t20_acp"],
            issued="2019",
        ),
        cred(
            "Certified SAFe Release Train Engineer",
            SCALED,
            "earned",
            "verifiable",
            url=U["t20_rte"],
            issued="2025",
            expires="2026-12",
        ),
        cred("Certified Scrum Product Owner (CSPO)", "Scrum Alliance", issued="2018"),
        cred("Kanban Management Professional (KMP)", "Kanban University", issued="2021"),
        cred("PRINCE2 Agile Practitioner", PEOPLECERT, "expired", issued="2020", expires="2023"),
    ],
    traps=["PMP exam prep", "Jira Align", "PI planning"],
)

# ============================================================================================
# t21 — penetration tester, Markdown
# ============================================================================================
U.update(t21_oscp=credly("t21-oscp"), t21_oswe=credly("t21-oswe"), t21_pentest=credly("t21-pentest"))
resume(
    file="t21_pentester.md",
    layout="md",
    name="Kaito Reinholt",
    raw=f"""\
# Kaito Reinholt

Penetration Tester / Red Teamer · Arlington, VA · kaito.reinholt@example.net · (703) 555-0138

## Certifications

* **OSCP** — OffSec, 2021 · <{U["t21_oscp"]}>
* **OSWE** — OffSec, 2023 · <{U["t21_oswe"]}>
* **CompTIA PenTest+** — 2020 · [verify]({U["t21_pentest"]})
* **CRTO** (Certified Red Team Operator) — Zero-Point Security, 2023
* **eJPT** — INE Security, 2019
* ~~CEH~~ — EC-Council — lapsed 2023

## Experience

**Senior Penetration Tester — Potomac Cyber Assurance (2021–present)**

- Lead web and Active Directory assessments for federal contractors; 60+ reports a year.
- Reached Hack The Box Pro Hacker rank; built internal labs on Kali Linux.

**Security Analyst — Old Dominion Credit Union (2018–2021)**

- Vulnerability management with Nessus; OWASP Top 10 training for developers.

## Tools

Burp Suite Professional, Cobalt Strike, BloodHound, Nessus, Kali Linux
""",
    truth=[
        cred(
            "OffSec Certified Professional (OSCP)",
            "OffSec",
            "earned",
            "verifiable",
            url=U["t21_oscp"],
            issued="2021",
        ),
        cred("OffSec Web Expert (OSWE)", "OffSec", "earned", "verifiable", url=U["t21_oswe"], issued="2023"),
        cred("CompTIA PenTest+", COMPTIA, "earned", "verifiable", url=U["t21_pentest"], issued="2020"),
        cred("Certified Red Team Operator (CRTO)", "Zero-Point Security", issued="2023"),
        cred("eLearnSecurity Junior Penetration Tester (eJPT)", "INE Security", issued="2019"),
        cred("Certified Ethical Hacker (CEH)", "EC-Council", "expired", expires="2023"),
    ],
    traps=[
        "Hack The Box Pro Hacker rank",
        "Burp Suite Professional",
        "Kali Linux",
        "OWASP Top 10 training",
        "Cobalt Strike",
    ],
)

# ============================================================================================
# t22 — paramedic, DOCX layout table + page header
# ============================================================================================
resume(
    file="t22_paramedic.docx",
    layout="docx_table",
    header=True,
    name="Rosalind Nakamura-Pike",
    headline="Paramedic / Field Training Officer",
    contact=["Tampa, FL", "rosalind.np@example.org", "(813) 555-0168"],
    side=[
        "# Certifications",
        "Nationally Registered Paramedic (NRP) — NREMT, Registry #P1234567, exp. 03/2027",
        "Florida Paramedic Certification — FL DOH, PMD 523456",
        "ACLS — AHA, exp. 08/2027",
        "PALS — AHA, exp. 08/2027",
        "PHTLS — NAEMT, 2024",
        "# Skills",
        "12-lead ECG interpretation, Zoll X Series, Stryker Power-PRO, ePCR (ImageTrend)",
    ],
    main=[
        "# Profile",
        "Paramedic with nine years on a high-volume urban 911 system; field training officer since 2022.",
        "# Experience",
        "= Paramedic / FTO — Hillsborough Bay Fire Rescue — 2019–present",
        "- 2,000+ ALS calls; precept paramedic students.",
        "- Taught community CPR classes at local high schools.",
        "= EMT — Suncoast Ambulance Service — 2015–2019",
        "- BLS transports and interfacility transfers.",
        "# Education",
        "Paramedic program, Hillsborough Community College, 2017",
    ],
    truth=[
        cred(
            "Nationally Registered Paramedic (NRP)",
            "National Registry of Emergency Medical Technicians (NREMT)",
            "earned",
            "verifiable",
            credential_id="P1234567",
            expires="2027-03",
        ),
        cred(
            "Florida Paramedic Certification",
            "Florida Department of Health",
            "earned",
            "verifiable",
            credential_id="PMD 523456",
        ),
        cred("Advanced Cardiovascular Life Support (ACLS)", AHA, expires="2027-08"),
        cred("Pediatric Advanced Life Support (PALS)", AHA, expires="2027-08"),
        cred(
            "Prehospital Trauma Life Support (PHTLS)",
            "National Association of Emergency Medical Technicians (NAEMT)",
            issued="2024",
        ),
    ],
    traps=["Zoll X Series", "community CPR classes", "Stryker Power-PRO", "12-lead ECG interpretation"],
)

# ============================================================================================
# t23 — data analyst (career changer), two-column PDF
# ============================================================================================
U.update(
    t23_gda=coursera("professional-cert", "t23-gda", short=True),
    t23_pl300=mslearn("ThandiweOduyaLarsen-6120", "t23-pl300"),
    t23_ibm=coursera("professional-cert", "t23-ibm-da"),
)
resume(
    file="t23_data_analyst.pdf",
    layout="pdf2",
    name="Thandiwe Oduya-Larsen",
    headline="Data Analyst | Power BI | SQL",
    location="Minneapolis, Minnesota, United States",
    side=[
        "# Contact",
        "thandiwe.ol@example.org",
        "(763) 555-0124",
        "# Top Skills",
        "Power BI",
        "SQL",
        "Alteryx",
        "# Certifications",
        f"[Google Data Analytics Professional Certificate]({U['t23_gda']})",
        f"[Microsoft Certified: Power BI Data Analyst Associate]({U['t23_pl300']})",
        f"[IBM Data Analyst Professional Certificate]({U['t23_ibm']})",
        "Alteryx Designer Core Certification",
        "SnowPro Core Certification",
    ],
    main=[
        "# Summary",
        "Analyst turning messy operations data into dashboards people use. Career changer from "
        "retail management; I learned most of my toolkit through online certificates.",
        "# Experience",
        "= North Star Outdoor Supply",
        "Data Analyst",
        "~ May 2022 - Present",
        "- Built 25 Power BI reports on a Snowflake warehouse; automated weekly KPI packs with Alteryx.",
        "= North Star Outdoor Supply",
        "Store Manager",
        "~ 2016 - 2022",
        "- Ran a $9M store with 40 staff.",
        "# Education",
        "= University of Minnesota",
        "B.A. Economics · (2012 - 2016)",
    ],
    truth=[
        cred(
            "Google Data Analytics Professional Certificate",
            "Google",
            "earned",
            "verifiable",
            url=U["t23_gda"],
        ),
        cred(
            "Microsoft Certified: Power BI Data Analyst Associate",
            MSFT,
            "earned",
            "verifiable",
            url=U["t23_pl300"],
        ),
        cred("IBM Data Analyst Professional Certificate", "IBM", "earned", "verifiable", url=U["t23_ibm"]),
        cred("Alteryx Designer Core Certification", "Alteryx"),
        cred("SnowPro Core Certification", "Snowflake"),
    ],
    traps=["Power BI reports", "Snowflake warehouse", "automated weekly KPI packs with Alteryx"],
)

# ============================================================================================
# t24 — learning & development manager, plain text
# ============================================================================================
resume(
    file="t24_ld_manager.txt",
    layout="txt",
    name="Imogen Castellane-Reyes",
    raw="""\
Imogen Castellane-Reyes
Learning & Development Manager
Louisville, KY • imogen.cr@example.com • 502-555-0117

CERTIFICATIONS
Certified Professional in Talent Development (CPTD) - ATD - 2022
Everything DiSC Certification - Wiley - 2020
MBTI Certified Practitioner - The Myers-Briggs Company - 2019
SHRM-CP - SHRM - 2018 (lapsed 2024)
aPHR - HRCI - exam scheduled Dec 2026

EXPERIENCE
L&D Manager, Bluegrass Distilling Co. - 2020-present
- Built a 12-month leadership academy for 80 supervisors.
- Designed the PMP refresher curriculum for the PMO.
- Authored e-learning in Articulate Storyline, hosted on Cornerstone OnDemand.
Training Specialist, River City Health - 2015-2020
- Onboarding for 1,500 hires a year.

EDUCATION
M.Ed. Adult Education, University of Louisville, 2015
""",
    truth=[
        cred(
            "Certified Professional in Talent Development (CPTD)",
            "Association for Talent Development (ATD)",
            issued="2022",
        ),
        cred("Everything DiSC Certification", "Wiley", issued="2020"),
        cred("MBTI Certified Practitioner", "The Myers-Briggs Company", issued="2019"),
        cred("SHRM Certified Professional (SHRM-CP)", SHRM, "expired", issued="2018", expires="2024"),
        cred("Associate Professional in Human Resources (aPHR)", HRCI, "in_progress"),
    ],
    traps=["PMP refresher curriculum", "Articulate Storyline", "Cornerstone OnDemand"],
)

# ============================================================================================
# t25 — network engineer, one-column PDF
# ============================================================================================
U.update(
    t25_pcnse=credly("t25-pcnse"),
    t25_fake=f"https://www.credly.co/badges/{_uuid4ish('t25-jncia')}/public_url",
)
resume(
    file="t25_network_engineer.pdf",
    layout="pdf1",
    name="Laszlo Okafor-Brennan",
    headline="Senior Network Engineer",
    contact=[
        "Phoenix, AZ · laszlo.ob@example.net · (480) 555-0153 · "
        "[laszlo.example.net](https://laszlo.example.net)"
    ],
    main=[
        "# Summary",
        "Network engineer for campus, data-centre and SD-WAN networks; 14 years with Cisco, "
        "Juniper and Palo Alto gear. Mentor who trained CCNA-level junior engineers on the team.",
        "# Experience",
        "= Senior Network Engineer, Sonoran Health Alliance — 2019–present",
        "- Designed the SD-WAN for 85 clinics (Cisco Catalyst SD-WAN, Meraki at small sites).",
        "- Led the Cisco ISE rollout for 20,000 endpoints.",
        "= Network Engineer, Desert Sky Airlines — 2012–2019",
        "- Data-centre fabric on Juniper QFX; Palo Alto firewalls at the edge.",
        "# Certifications",
        "- CCIE Enterprise Infrastructure #61234 (Cisco), 2020",
        f"- Palo Alto Networks Certified Network Security Engineer (PCNSE), 2025 — "
        f"[Credly]({U['t25_pcnse']})",
        f"- Juniper JNCIA-Junos, 2024 — [Credly]({U['t25_fake']})",
        "- Fortinet NSE 4 Network Security Professional, 2021 – 2023",
        "- AWS Certified Advanced Networking – Specialty (ANS-C01), exp. 01/2027",
        "# Education",
        "B.S. Electrical Engineering, Arizona State University, 2012",
    ],
    truth=[
        cred(
            "CCIE Enterprise Infrastructure",
            "Cisco",
            "earned",
            "verifiable",
            credential_id="61234",
            issued="2020",
        ),
        cred(
            "Palo Alto Networks Certified Network Security Engineer (PCNSE)",
            "Palo Alto Networks",
            "earned",
            "verifiable",
            url=U["t25_pcnse"],
            issued="2025",
        ),
        cred(
            "Juniper Networks Certified Associate, Junos (JNCIA-Junos)",
            "Juniper Networks",
            "earned",
            "suspicious",
            url=U["t25_fake"],
            issued="2024",
        ),
        cred(
            "Fortinet NSE 4 Network Security Professional",
            "Fortinet",
            "expired",
            issued="2021",
            expires="2023",
        ),
        cred("AWS Certified Advanced Networking – Specialty", AWS, expires="2027-01"),
    ],
    traps=[
        "CCNA-level junior engineers",
        "Cisco ISE rollout",
        "Meraki",
        "Juniper QFX",
        "Palo Alto firewalls",
    ],
)

# ============================================================================================
# t26 — mathematics teacher, DOCX paragraphs
# ============================================================================================
resume(
    file="t26_math_teacher.docx",
    layout="docx",
    name="Gideon Abernathy-Osei",
    headline="Mathematics Teacher (Grades 7–12)",
    contact=["Rochester, NY · gideon.ao@example.com · (585) 555-0110"],
    main=[
        "# Certification & Licensure",
        "- New York State Professional Certificate, Mathematics 7–12 — NYSED — Certificate No. 1234567",
        "- National Board Certified Teacher (NBCT), Mathematics/Adolescence and Young "
        "Adulthood — NBPTS — 2020",
        "- Google Certified Educator Level 2 — Google for Education — 2023",
        "- Apple Teacher — Apple — 2021",
        "- Adult and Pediatric First Aid/CPR/AED — American Red Cross — valid through 2027-06",
        "# Teaching Experience",
        "= Mathematics Teacher, Genesee Valley High School — 2014–present",
        "- Teach AP Calculus BC and Algebra II; 88% AP pass rate.",
        "- Taught SAT prep classes after school; coached the math team to state finals.",
        "= Student Teacher, Monroe Community Middle School — 2013–2014",
        "# Education",
        "M.S.Ed. Mathematics Education, University of Rochester, 2014",
        "# Skills",
        "Desmos, GeoGebra, Google Classroom, Schoology",
    ],
    truth=[
        cred(
            "New York State Professional Certificate, Mathematics 7–12",
            "New York State Education Department (NYSED)",
            "earned",
            "verifiable",
            credential_id="1234567",
        ),
        cred(
            "National Board Certified Teacher (NBCT)",
            "National Board for Professional Teaching Standards (NBPTS)",
            issued="2020",
        ),
        cred("Google Certified Educator Level 2", "Google for Education", issued="2023"),
        cred("Apple Teacher", "Apple", issued="2021"),
        cred("Adult and Pediatric First Aid/CPR/AED", ARC, expires="2027-06"),
    ],
    traps=["AP Calculus BC", "SAT prep classes", "Desmos", "Google Classroom"],
)


NOTES = {
    "t04_equity_analyst.docx": "The CRD number is a FINRA BrokerCheck handle for both exams; "
    "Series 65 is a NASAA exam administered by FINRA.",
    "t05_icu_nurse.txt": "ACLS 'exp 10/2026' is before the as-of date 2026-11-25: expired.",
    "t10_backend_dev.docx": "MongoDB 'issued 03/2027' is after the as-of date: impossible, suspicious.",
    "t12_devops.md": "credly.badge-verify.net is not Credly (look-alike host): suspicious.",
    "t25_network_engineer.pdf": "The JNCIA-Junos 'Credly' link goes to credly.co, a look-alike "
    "of credly.com: suspicious.",
    "t13_de_informationssicherheit.docx": "German; contact details only in the page header. "
    "TOEFL iBT is on the languages line.",
    "t14_fr_controle_gestion.pdf": "French. 'candidate au niveau II' = CFA in progress.",
    "t15_es_marketing.docx": "Spanish. 'caducó en 2025' = expired; 'en curso' = in progress.",
    "t16_nl_logistiek.txt": "Dutch. 'bezig met voorbereiding' = in progress. VCA Basis issuer is "
    "not written in the résumé.",
    "t19_cdl_driver.txt": "Forklift certification is employer-issued (unknown issuer, kept as written).",
    "t20_agile_coach.pdf": "SAFe RTE current through 2026-12 is still valid on 2026-11-25.",
    "t24_ld_manager.txt": "aPHR exam scheduled Dec 2026 (after the as-of date): in progress.",
}


# --------------------------------------------------------------------------------------------
def emails_of(spec):
    import re

    text = spec.get("raw") or " ".join(
        plain(x) for x in spec.get("contact", []) + spec.get("side", []) + spec.get("main", [])
    )
    return sorted(set(re.findall(r"[\w.+-]+@example\.(?:com|org|net)", text)))


def build():
    truth = {}
    for spec in SPECS:
        render(spec, HERE / spec["file"])
        entry = {
            "candidate": {"name": spec["name"], "emails": emails_of(spec)},
            "credentials": spec["truth"],
            "traps": spec["traps"],
        }
        if spec["file"] in NOTES:
            entry["notes"] = NOTES[spec["file"]]
        truth[spec["file"]] = entry
    (HERE / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(SPECS)} résumés and truth.json to {HERE}")


def extract(path: Path):
    """(text, links) as a reader of the format can see them."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        import pdfplumber

        texts, links = [], []
        with pdfplumber.open(path) as doc:
            for page in doc.pages:
                texts.append(page.extract_text() or "")
                # two-column pages interleave lines; also read each column on its own
                for box in ((0, 0, 200, page.height), (200, 0, page.width, page.height)):
                    texts.append(page.crop(box).extract_text() or "")
                links += [h["uri"] for h in page.hyperlinks]
        return "\n".join(texts), links
    if suffix == ".docx":
        import docx
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.oxml.ns import qn

        d = docx.Document(str(path))
        roots = [d.element.body] + [s.header._element for s in d.sections]
        text = "\n".join(
            "".join(t.text or "" for t in p.iter(qn("w:t"))) for root in roots for p in root.iter(qn("w:p"))
        )
        links = []
        for part in [d.part] + [s.header.part for s in d.sections]:
            links += [r.target_ref for r in part.rels.values() if r.reltype == RT.HYPERLINK]
        return text, links
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), []
    return raw.decode("utf-8"), []


def check() -> int:
    def norm(s):
        return " ".join(s.split()).lower()

    truth = json.loads((HERE / "truth.json").read_text(encoding="utf-8"))
    problems, n_creds, n_traps, langs = [], 0, 0, {}
    for fname, exp in truth.items():
        path = HERE / fname
        if not path.exists():
            problems.append(f"{fname}: missing")
            continue
        text, links = extract(path)
        flat = norm(text)
        n_creds += len(exp["credentials"])
        n_traps += len(exp["traps"])
        langs[path.suffix] = langs.get(path.suffix, 0) + 1
        if not exp["candidate"]["emails"]:
            problems.append(f"{fname}: no e-mail label")
        for email in exp["candidate"]["emails"]:
            if email not in flat:
                problems.append(f"{fname}: email {email} not in text")
        if norm(exp["candidate"]["name"]) not in flat:
            problems.append(f"{fname}: name {exp['candidate']['name']} not in text (case-ins.)")
        for c in exp["credentials"]:
            assert c["status"] in {"earned", "in_progress", "expired"}, (fname, c)
            assert c["level"] in {"verifiable", "unverifiable", "suspicious"}, (fname, c)
            if c.get("url") and c["url"] not in links and c["url"] not in text:
                problems.append(f"{fname}: url {c['url']} neither link nor text")
            if c.get("credential_id") and norm(c["credential_id"]) not in flat:
                problems.append(f"{fname}: id {c['credential_id']} not in text")
            for key in ("issued", "expires"):
                v = c.get(key)
                if v and not (len(v) in (4, 7) and v[:4].isdigit()):
                    problems.append(f"{fname}: bad {key} {v}")
            stated = c.get("expires")
            if stated:
                past = stated < AS_OF[: len(stated)]
                if past != (c["status"] == "expired") and c["status"] != "in_progress":
                    problems.append(f"{fname}: {c['name']} is {c['status']} but expires {stated}")
        for t in exp["traps"]:
            if norm(t) not in flat:
                problems.append(f"{fname}: trap {t!r} not in text")
    for p in problems:
        print("PROBLEM", p)
    print(
        f"checked {len(truth)} résumés {dict(sorted(langs.items()))}, {n_creds} credentials, "
        f"{n_traps} traps, {len(problems)} problems"
    )
    return 1 if problems else 0


def main(argv):
    if "--check" not in argv:
        build()
    return check()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
