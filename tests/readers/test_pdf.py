"""The PDF reader on real PDFs made with reportlab: columns, links, clean-up, no text layer."""

from __future__ import annotations

from builders import make_pdf

from parser.limits import Limits
from parser.readers.pdf import read_pdf

SIDEBAR = [
    (40, 80 + 14 * i, t)
    for i, t in enumerate(
        [
            "Contact",
            "kim.lee@example.com",
            "Top Skills",
            "Kubernetes",
            "Terraform",
            "Certifications",
            "CompTIA Security+",
            "Certified Kubernetes Administrator",
            "Languages",
            "English",
        ]
    )
]
MAIN = [
    (230, 80 + 14 * i, t)
    for i, t in enumerate(
        [
            "Kim Lee",
            "Platform engineer building reliable cloud systems",
            "Summary",
            "I design and run container platforms for regulated industries at scale.",
            "Experience",
            "Staff Engineer at Example Health since 2021 leading platform work",
            "Senior Engineer at Example Bank from 2017 to 2021 on payments systems",
            "Education",
            "BSc Computer Science, Example University",
            "Projects",
        ]
    )
]


def test_two_columns_are_read_one_after_the_other():
    doc = read_pdf(make_pdf([SIDEBAR + MAIN]), Limits())
    texts = [line.text for line in doc.lines if line.text]
    assert texts.index("Certifications") < texts.index("CompTIA Security+") < texts.index("Languages")
    # the sidebar is not interleaved with the main column
    assert texts.index("Certified Kubernetes Administrator") + 1 == texts.index("Languages")
    assert texts.index("Summary") > texts.index("English")


def test_single_column_title_and_right_aligned_date_stay_together():
    lines = [(50, 80 + 14 * i, f"Certification number {i} from the catalogue of examples") for i in range(12)]
    lines += [(480, 80 + 14 * i, str(2010 + i)) for i in range(12)]
    doc = read_pdf(make_pdf([lines]), Limits())
    texts = [line.text for line in doc.lines if line.text]
    # the date is split off as its own line, but stays right after its title
    assert texts[2:4] == ["Certification number 1 from the catalogue of examples", "2011"]


def test_link_annotation_is_attached_to_the_label_it_covers():
    url = "https://www.credly.com/badges/3f2c9a1e-5b7d-4c2a-9e1f-0a1b2c3d4e5f/public_url"
    pdf = make_pdf(
        [[(50, 100, "AWS Certified Cloud Practitioner"), (50, 114, "Show credential")]],
        links=[(1, 48, 104, 130, 117, url)],
    )
    doc = read_pdf(pdf, Limits())
    [link] = doc.links
    assert link.url == url
    assert doc.text[link.start : link.end] == "Show credential"


def test_hyphenated_words_and_broken_urls_are_joined():
    pdf = make_pdf(
        [
            [
                (50, 100, "Project manage-"),
                (50, 114, "ment professional"),
                (50, 128, "https://www.credly.com/badges/"),
                (50, 142, "3f2c9a1e-5b7d/public_url"),
            ]
        ]
    )
    doc = read_pdf(pdf, Limits())
    assert "Project management professional" in doc.text
    assert "https://www.credly.com/badges/3f2c9a1e-5b7d/public_url" in doc.text


def test_margin_headings_are_split_from_their_content():
    lines = [
        (40, 100, "CERTIFICATIONS"),
        (160, 100, "Certified Information Systems Security Professional"),
        (160, 114, "Project Management Professional"),
        (40, 150, "EXPERIENCE"),
        (160, 150, "Security lead at Example Corp"),
    ]
    doc = read_pdf(make_pdf([lines]), Limits())
    texts = [line.text for line in doc.lines if line.text]
    assert texts[:3] == [
        "CERTIFICATIONS",
        "Certified Information Systems Security Professional",
        "Project Management Professional",
    ]
