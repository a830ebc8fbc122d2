"""The failure patterns of real résumés, as generated cases (issue 14).

Real résumés from online builders are single-font PDFs: headings have the body's font and size,
unknown headings ("Highlights", "Personal Information") must still end a section, and a
credentials section holds skills, degrees and personal details as often as credentials. The
texts here are made up; the layouts copy what real exports do (one font at 11.4 pt, headings at
the margin, content indented, two-column skill tables read row by row, mojibake bullets).
Each test fails without the rule it names.
"""

from __future__ import annotations

import io

import pytest
from builders import docx_bytes, make_pdf

AS_OF = "2026-12-01"


def builder_pdf(blocks: list[tuple[str, list[str]]]) -> bytes:
    """A one-font PDF the way résumé builders export it: every line Times 11.4 pt, headings
    at x=33, their content at x=33 or indented to x=57 when it starts with a bullet."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    _, height = letter
    y = 40.0
    for heading, lines in blocks:
        y += 10
        for text, x in [
            (heading, 33.0),
            *[(t.lstrip("> "), 57.0 if t.startswith(">") else 33.0) for t in lines],
        ]:
            if y > height - 40:
                c.showPage()
                y = 40.0
            c.setFont("Times-Roman", 11.4)
            c.drawString(x, height - y, text)
            y += 12
    c.save()
    return buf.getvalue()


def creds(cp, data: bytes, filename: str):
    profile = cp.parse(data, filename=filename, as_of=AS_OF)
    assert profile.error is None, profile.error
    return profile.credentials


def names(found) -> list[str]:
    return [c.text for c in found]


# -- 1. sections that never end --------------------------------------------------------
def test_unknown_headings_in_the_body_font_end_the_credentials_section(cp):
    pdf = builder_pdf(
        [
            ("Certifications", ["Certified Phlebotomy Technician, 2016"]),
            ("Highlights", ["Type 72 WPM", "Employee relations", "Scheduling"]),
            ("Personal Information", ["Marital Status: Married", "Military Status: Exempted"]),
            ("Accomplishments", ["Raised clinic satisfaction scores by 12%"]),
            ("Affiliations", ["Member, Example Phlebotomy Society"]),
        ]
    )
    assert names(creds(cp, pdf, "cv.pdf")) == ["Certified Phlebotomy Technician"]


def test_a_heading_set_larger_than_the_body_ends_the_section_whatever_it_says(cp):
    """Layout, not vocabulary: "Things I Care About" in 14 pt over 10 pt text is a heading no
    rule lists, and the title-case lines under it are not certifications."""
    lines = [
        (50, 40, "Robin Example"),
        (50, 60, "robin@example.com"),
        (50, 90, "Certifications"),
        (50, 108, "Certified Scrum Master, Scrum Alliance, 2021"),
        (50, 122, "Google Analytics Individual Qualification"),
        (50, 150, "Things I Care About"),
        (50, 168, "Community Garden Planning"),
        (50, 182, "Vintage Radio Restoration"),
    ]
    sizes = {"Robin Example": 20, "Certifications": 14, "Things I Care About": 14}
    found = creds(cp, make_pdf([lines], font_sizes=sizes), "cv.pdf")
    assert [c.text for c in found] == ["Certified Scrum Master", "Google Analytics Individual Qualification"]
    from parser.limits import Limits
    from parser.nlp.layout import styled_headings
    from parser.readers.pdf_fast import read_pdf_fast

    doc = read_pdf_fast(make_pdf([lines], font_sizes=sizes), Limits()).finish()
    assert [doc.lines[i].text for i in sorted(styled_headings(doc))] == [
        "Certifications",
        "Things I Care About",
    ]


# -- 2. every item needs evidence ---------------------------------------------------------
def test_items_of_a_credentials_section_need_evidence_and_lose_to_negative_evidence(cp):
    pdf = builder_pdf(
        [
            (
                "Certifications",
                [
                    "Bachelor of Science : Nutrition",
                    "Associate's Degree : Business",
                    "High School Diploma",
                    "Dean's List",
                    "Employee of the Month award",
                    "Date of Birth : 20 Sep 1978",
                    "I am available for interviews with notice.",
                    "Microsoft Office Tools",
                    "Certified Pharmacy Technician (CPhT), 2019",
                ],
            )
        ]
    )
    found = creds(cp, pdf, "cv.pdf")
    assert len(found) == 1 and "Pharmacy Technician" in found[0].name


def test_a_course_name_under_a_certificate_label_is_not_a_vendor_and_a_skill(cp):
    # "Principles of …" is no vendor before a skill word, as "Microsoft" is in "Microsoft Excel"
    _, trace = cp.explain(
        b"Jo Doe\n\nCertifications\nCertificate : Principles of Marketing\nMicrosoft Office Tools\n",
        filename="cv.txt",
    )
    by_text = {t.text: t for t in trace}
    assert by_text["Principles of Marketing"].kept is True
    assert (
        by_text["Microsoft Office Tools"].kept is False
        and "skill_words" in by_text["Microsoft Office Tools"].evidence
    )


def test_a_qualification_by_level_keeps_its_bracketed_field(cp):
    profile = cp.parse(
        b"Jo Doe\n\nCertifications\nCertificate 3 (Aged Care, community services)\n"
        b"Certificate IV in Training and Assessment (TAE40116)\n",
        filename="cv.txt",
    )
    names = [c.name for c in profile.credentials]
    assert "Certificate 3 (Aged Care, community services)" in names  # one name, not three items
    assert not any(n.startswith(("Aged Care", "community")) for n in names)
    assert "Certificate IV in Training and Assessment" in names  # a code in brackets is not a field


def test_explain_shows_dropped_candidates_with_their_evidence(cp):
    _, trace = cp.explain(
        b"Certifications\nDean's List\nCertified Phlebotomy Technician\n", filename="cv.txt"
    )
    by_text = {t.text: t for t in trace}
    assert by_text["Dean's List"].kept is False and "award" in by_text["Dean's List"].evidence
    assert by_text["Certified Phlebotomy Technician"].kept is True
    assert "credential_noun" in by_text["Certified Phlebotomy Technician"].evidence


# -- 3. several credentials on one line ------------------------------------------------------
@pytest.mark.parametrize(
    "line,expected",
    [
        (
            "Private Pilot Certificate Instrument Certificate Single Engine Commercial Rating",
            ["Private Pilot Certificate", "Instrument Certificate", "Single Engine Commercial Rating"],
        ),
        (
            "Certificate in Digital Marketing Certificate in Brand Strategy Certificate in Email Campaigns",
            [
                "Certificate in Digital Marketing",
                "Certificate in Brand Strategy",
                "Certificate in Email Campaigns",
            ],
        ),
        ("CPR & First Aid Training", ["CPR", "First Aid Training"]),
    ],
)
def test_several_credentials_on_one_line_are_one_record_each(cp, line, expected):
    text = f"Jordan Example\nSkills\nScheduling, billing\nEducation\n{line}\n"
    assert names(creds(cp, text.encode(), "cv.txt")) == expected


def test_a_glued_licence_line_in_a_credentials_section(cp):
    found = creds(cp, b"Licenses\nPrivate Pilot Certificate Instrument Certificate\n", "cv.txt")
    assert names(found) == ["Private Pilot Certificate", "Instrument Certificate"]


# -- 4. names wrapped in LinkedIn's narrow sidebar ---------------------------------------------
def test_names_wrapped_in_a_sidebar_join_and_never_become_issuers(cp):
    side = [
        (30, 60, "Contact"),
        (30, 74, "jane@example.com"),
        (30, 100, "Certifications"),
        (30, 114, "Hadoop Platform and Application"),
        (30, 126, "Framework"),
        (30, 140, "Artificial Intelligence A-Z 2025:"),
        (30, 152, "Agentic AI, Gen AI, and RL"),
        (30, 166, "Machine Learning Specialization"),
    ]
    main = [
        (220, 60, "Jane Example"),
        (220, 100, "Summary"),
        (220, 114, "Data engineer building batch and streaming pipelines for analytics teams"),
        (220, 126, "across retail, logistics and finance, with a focus on data quality and cost."),
        (220, 152, "Experience"),
        (220, 166, "Example Corp"),
        (220, 178, "January 2020 - Present (5 years)"),
    ]
    sizes = {"Contact": 13, "Certifications": 13, "Summary": 13, "Experience": 13}
    found = creds(cp, make_pdf([side + main], font_sizes=sizes), "linkedin.pdf")
    assert names(found) == [
        "Hadoop Platform and Application Framework",
        "Artificial Intelligence A-Z 2025: Agentic AI, Gen AI, and RL",
        "Machine Learning Specialization",
    ]
    assert all(c.issuer.name is None for c in found)


# -- 5. credentials outside credentials sections -------------------------------------------------
def test_credentials_in_summary_highlights_experience_and_education(cp):
    pdf = builder_pdf(
        [
            ("Summary", ["Pediatric nurse, CPR and AED certified, bilingual."]),
            ("Highlights", ["Notary Public", "Patient education"]),
            ("Experience", ["Staff Nurse", "> Worked with AWS and Microsoft Office every day."]),
            ("Education", ["Infant/Toddler Certificate, Example Community College, 2014"]),
        ]
    )
    got = names(creds(cp, pdf, "cv.pdf"))
    assert "CPR" in got and "Notary Public" in got
    assert "Infant/Toddler Certificate" in got
    assert not any("AWS" in g or "Office" in g for g in got)


# -- 6. label-colon lines ------------------------------------------------------------------------------
def test_label_colon_lines_give_name_year_and_issuer_and_no_placeholder(cp):
    text = (
        b"Sam Example\nCertifications\n"
        b"Certificate : Lean Six Sigma Black Belt 2012 Example State University , City , State\n"
        b"Certification: Prep Cook\n"
    )
    found = creds(cp, text, "cv.txt")
    assert [c.name for c in found] == ["Lean Six Sigma Black Belt", "Prep Cook"]
    assert found[0].issued == "2012" and found[0].issuer.name == "Example State University"
    assert all(c.issuer.name not in ("City", "State") for c in found)


# -- 7. issuers as written ------------------------------------------------------------------------------
def test_issuers_are_kept_as_written_and_never_invented(cp):
    text = (
        b"Alex Example\nCertifications\n"
        b"Registered Yoga Teacher, certified by Yoga Alliance, 2018\n"
        b"Certified Personal Trainer (NASM)\n"
        b"Forklift operator certificate\n"
        b"Registered Nurse, Ohio, License RN 452189\n"
        b"Accredited Lead Paint Inspector - Ohio\n"
    )
    found = {c.text: c.issuer for c in creds(cp, text, "cv.txt")}
    assert found["Registered Yoga Teacher"].name == "Yoga Alliance"
    assert found["Certified Personal Trainer"].name == "NASM"
    assert found["Forklift operator certificate"].name is None  # OSHA writes the standard only
    nurse = found["Registered Nurse"]  # the board of the state named, and the state as written
    assert (nurse.name, nurse.id, nurse.known, nurse.as_written) == (
        "Ohio Board of Nursing",
        "nursing-us-oh",
        True,
        "Ohio",
    )
    assert found["Accredited Lead Paint Inspector"].name == "Ohio"


def test_a_neighbouring_credential_in_a_list_is_never_the_issuer(cp):
    text = (
        b"Alex Example\nCertifications\n"
        b"YMCA Certification, American Red Cross Lifeguarding, Pool Fitness Certification\n"
        b"Acme Safety Course Certificate - American Red Cross\n"
    )
    found = {c.name: c.issuer.name for c in creds(cp, text, "cv.txt")}
    assert found["YMCA Certification"] == "YMCA"  # not "American Red Cross Lifeguarding"
    assert found["Pool Fitness Certification"] is None
    assert found["Acme Safety Course Certificate"] == "American Red Cross"


def test_a_generic_title_never_takes_the_body_whose_name_a_catalog_title_carries(cp):
    """ "Certified Personal Trainer" is close to "ACE Certified Personal Trainer", but what makes
    that one ACE's is the word the résumé does not write."""
    text = (
        b"Sam Example\nExperience\nManager/Certified Personal Trainer, 2015-2020\n"
        b"Certifications\nACE Certified Personal Trainer, 2019\nAFAA Step Certification\n"
    )
    found = {c.text: (c.catalog_id, c.issuer.name) for c in creds(cp, text, "cv.txt")}
    assert found["Manager/Certified Personal Trainer"] == (None, None)
    assert found["ACE Certified Personal Trainer"][0] == "ace/cpt"
    assert found["AFAA Step Certification"][0] == "afaa/step"


def test_a_state_licence_named_before_the_licence_keeps_its_state(cp):
    text = b"Pat Example\nSkills\nOhio State Property & Casualty Insurance License\n"
    [c] = creds(cp, text, "cv.txt")
    assert c.issuer.name == "Ohio Department of Insurance" and c.jurisdiction == "US-OH"
    assert c.issuer.as_written == "Ohio State"


def test_the_school_line_of_an_education_entry_issues_it_above_or_below_as_the_document_writes(cp):
    below = builder_pdf(  # builder exports: the title line, then "School - City , State"
        [
            (
                "Education",
                [
                    "Bachelor of Science : Biology , 2004",
                    "Lakeside University - City , State",
                    "Certified Life Coach : Coaching , 2012",
                    "Institute of Applied Coaching Studies - Denver , CO",
                ],
            ),
        ]
    )
    [coach] = creds(cp, below, "cv.pdf")
    assert coach.issuer.name == "Institute of Applied Coaching Studies"  # no "- Denver , CO"
    above = builder_pdf(
        [
            (
                "Education",
                [
                    "Lakeside University",
                    "Bachelor of Science in Biology, 2004",
                    "Institute of Applied Coaching Studies",
                    "Certified Life Coach, 2012",
                ],
            )
        ]
    )
    [coach] = creds(cp, above, "cv.pdf")
    assert coach.issuer.name == "Institute of Applied Coaching Studies"


def test_a_provider_before_a_quoted_title_issued_it_and_a_year_before_it_is_not_its_name(cp):
    text = (
        b"Sam Example\nEducation and Training\n"
        b'Conflict Skills Certificate, 2013 Dale Carnegie "Effective Communications and Human Relations" '
        b"Certificate, 2012\n"
    )
    found = {c.name: c.issuer.name for c in creds(cp, text, "cv.txt")}
    assert found == {
        "Conflict Skills Certificate": None,
        'Dale Carnegie "Effective Communications and Human Relations" Certificate': "Dale Carnegie",
    }


# -- 8. acronyms by context ------------------------------------------------------------------------------
def test_acronyms_are_read_in_context(cp):
    text = (
        b"Chris Example\nCertifications\nCertified Novell Administrator (CNA 5.1)\n"
        b"Experience\nBuilt the TEF Connect platform for exporters.\n"
        b"Compiled Bureau of Labor Statistics (BLS) data for the board.\n"
        b"Preparing for the OSCP exam with a study group.\n"
    )
    found = creds(cp, text, "cv.txt")
    assert [c.name for c in found] == ["Certified Novell Administrator"]


# -- 9. duplicates, courses and status words ----------------------------------------------------------------
def test_duplicates_fold_courses_stay_out_and_status_words_count(cp):
    text = (
        b"Pat Example\nCertifications\nServSafe Food Protection Manager, 2019\nServe safe\n"
        b"Food Handler Card * Pending\nTraining\nKnife Skills Workshop\nAdvanced Pastry Techniques\n"
    )
    found = creds(cp, text, "cv.txt")
    assert [c.catalog_id or c.name for c in found] == ["servsafe/manager", "Food Handler Card"]
    assert found[1].status == "in_progress"
    _, trace = cp.explain(text, filename="cv.txt")
    assert any(t.text == "Knife Skills Workshop" and not t.kept and "course" in t.evidence for t in trace)


def test_a_status_word_wrapped_onto_the_next_line_closes_its_bracket(cp):
    pdf = builder_pdf(
        [("Education", ["Cloud Plus Certification ( 2019", "Expected) Linux Plus Certification 2019"])]
    )
    found = {c.text: c.status for c in creds(cp, pdf, "cv.pdf")}
    assert found["Cloud Plus Certification"] == "in_progress"


def test_enrolled_reaches_every_credential_of_the_enumeration(cp):
    text = b"Lee Example\nEducation\nCompTIA Certification (In Progress) Enrolled A+, Network+, Security+\n"
    found = creds(cp, text, "cv.txt")
    assert {c.catalog_id for c in found} >= {
        "comptia/a-plus",
        "comptia/network-plus",
        "comptia/security-plus",
    }
    assert all(c.status == "in_progress" for c in found if c.catalog_id)


# -- the same rules through DOCX ---------------------------------------------------------------------------
def test_docx_with_unknown_headings_and_a_label_colon_line(cp):
    from docx import Document

    doc = Document()
    for text in [
        "Jordan Example",
        "Certifications",
        "Certification: Prep Cook",
        "Bachelor of Arts : Sociology",
        "Additional Information",
        "Marital status: married",
        "Languages: English, Spanish",
    ]:
        doc.add_paragraph(text)
    assert names(creds(cp, docx_bytes(doc), "cv.docx")) == ["Prep Cook"]


def test_a_school_after_a_list_of_certificates_issued_them_all(cp):
    text = (
        b"Dana Example\nEducation\n"
        b"CPR Certified, PHLEBOTOMY Certificate, Medical Terminology Certificate Harbor Health Careers "
        b"Center Example City, CA - 2009\n"
    )
    found = {c.text: c.issuer.name for c in creds(cp, text, "cv.txt")}
    assert found == {
        "CPR Certified": "Harbor Health Careers Center",
        "PHLEBOTOMY Certificate": "Harbor Health Careers Center",
        "Medical Terminology Certificate": "Harbor Health Careers Center",
    }


def test_a_school_on_the_line_above_issued_the_credential_below(cp):
    text = b"Robin Example\nEducation\nExample School of Coaching\nCertified Transition Coach\n"
    [c] = creds(cp, text, "cv.txt")
    assert c.name == "Certified Transition Coach" and c.issuer.name == "Example School of Coaching"


def test_a_body_opening_an_unknown_name_is_its_issuer_and_capital_runs_are_not_acronyms(cp):
    text = (
        b"Kim Example\nCertifications\nOSHA training (30 Hours)\n"
        b"Advanced Custom Training Certification (MLC CAD SYSTEMS)\n"
    )
    found = creds(cp, text, "cv.txt")
    assert [(c.text, c.issuer.name) for c in found] == [
        ("OSHA training", "Occupational Safety and Health Administration"),
        ("Advanced Custom Training Certification", "MLC CAD SYSTEMS"),
    ]


def test_courses_listed_under_a_certificates_label_each_count_and_placeholders_do_not(cp):
    text = (
        b"Kai Example\nCertificates : Harbor Lathe Operator Course March 3, 2001 Harbor Tools Inc City , State "
        b"Harbor Mill Operator Course, May 8, 2000. Precision Grinding Training Course April 2, 2001\n"
    )
    got = [c.name for c in creds(cp, text, "cv.txt")]
    assert got == [
        "Harbor Lathe Operator Course",
        "Harbor Mill Operator Course",
        "Precision Grinding Training Course",
    ]


def test_belts_and_bracketed_bodies_followed_by_more_credentials(cp):
    text = (
        b"Lee Example\nEducation\nLean Six Sigma Green Belt Example State University\n"
        b"Training\nCoaching: Certified ICF (International Coach Federation) Coach Certified Team Coach\n"
    )
    got = {c.text: c.issuer.name for c in creds(cp, text, "cv.txt")}
    assert got["Lean Six Sigma Green Belt"] == "Example State University"
    assert any("Certified Team Coach" in t for t in got)


# -- the text layer itself ---------------------------------------------------------------------
def test_mojibake_in_a_pdfs_own_text_layer_is_repaired(cp):
    """Builder exports carry UTF-8 read as Windows-1252 in the PDF's text: "â€¢" for "•"."""
    pdf = builder_pdf(
        [
            (
                "Certifications",
                [
                    "\u00e2\u20ac\u00a2 Certified ScrumMaster \u00e2\u20ac\u201c Scrum Alliance, 2021",
                    "Microsoft Certified Solutions Associate (MCSA)",
                    "Microsoft Certified Systems Administrator",
                ],
            )
        ]
    )
    profile = cp.parse(pdf, filename="cv.pdf", as_of=AS_OF)
    assert "\u00e2\u20ac" not in profile.model_dump_json()
    found = {c.catalog_id: c for c in profile.credentials}
    assert (
        found["scrum-alliance/csm"].evidence[0].snippet.startswith("• Certified ScrumMaster – Scrum Alliance")
    )
    # the 2012 MCSA and the Windows 2000-era one share an acronym, not a certification
    assert {"microsoft/mcsa", "microsoft/mcsa-systems-administrator"} <= set(found)
