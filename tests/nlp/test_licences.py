"""Licences by jurisdiction: the board of the state, province or country the entry names, and its look-up.

The boards are catalog data (``patterns/boards/``); these résumé lines are written for the tests.
"""

from __future__ import annotations

import csv

import pytest
from typer.testing import CliRunner

from parser.catalog.tools import stats
from parser.cli import app


def _creds(cp, lines: str):
    profile = cp.parse(f"Sam Example\n\nLicenses & Certifications\n{lines}\n".encode(), filename="cv.txt")
    assert profile.error is None
    return profile.credentials


# one line per profession family: (line, catalog credential, jurisdiction, board id)
PROFESSIONS = [
    (
        "Registered Nurse (RN), State of Ohio, License No. 452189",
        "state-boards-of-nursing/rn",
        "US-OH",
        "nursing-us-oh",
    ),
    ("Licensed Vocational Nurse – California", "state-boards-of-nursing/lpn", "US-CA", "nursing-us-ca-bvnpt"),
    (
        "Certified Nursing Assistant (CNA), Florida",
        "state-nurse-aide-registries/cna",
        "US-FL",
        "nurse-aide-us-fl",
    ),
    ("Registered Pharmacist, Texas", "state-boards-of-pharmacy/rph", "US-TX", "pharmacy-us-tx"),
    (
        "Registered Dental Hygienist (RDH), Arizona",
        "state-dental-boards/rdh",
        "US-AZ",
        "dental-hygiene-us-az",
    ),
    ("Certified Public Accountant (CPA), Georgia", "nasba-state-boards/cpa", "US-GA", "accountancy-us-ga"),
    (
        "Real Estate Salesperson License – Colorado",
        "state-real-estate-commissions/salesperson",
        "US-CO",
        "real-estate-us-co",
    ),
    (
        "Certified General Real Property Appraiser, Virginia",
        "appraisal-boards/certified-general",
        "US-VA",
        "appraisal-us-va",
    ),
    (
        "Notary Public Commission, State of Nevada",
        "state-notary-commissions/notary-public",
        "US-NV",
        "notary-us-nv",
    ),
    ("Licensed Clinical Social Worker (LCSW), Oregon", None, "US-OR", "social-work-us-or"),
    ("Licensed Professional Counselor (LPC), Virginia", None, "US-VA", "counseling-us-va"),
    ("Licensed Cosmetologist, Ohio", None, "US-OH", "cosmetology-us-oh"),
    ("Professional Engineer (PE), Michigan", None, "US-MI", "engineering-us-mi"),
    (
        "Master Electrician License, Maine",
        "state-trade-licensing-boards/master-electrician",
        "US-ME",
        "electrical-us-me",
    ),
    (
        "Journeyman Plumber License – Utah",
        "state-trade-licensing-boards/journeyman-plumber",
        "US-UT",
        "plumbing-us-ut",
    ),
    ("Commercial Driver's License Class A, Kansas", "state-dmv-cdl/class-a", "US-KS", "cdl-us-ks"),
]


@pytest.mark.parametrize("line, catalog_id, jurisdiction, board", PROFESSIONS)
def test_each_profession_resolves_to_the_board_of_its_state(cp, line, catalog_id, jurisdiction, board):
    [cred] = _creds(cp, line)
    if catalog_id:
        assert cred.catalog_id == catalog_id
    assert cred.catalog_id is not None
    assert cred.jurisdiction == jurisdiction
    assert cred.issuer.id == board and cred.issuer.known


def test_licences_of_different_states_in_one_section_keep_their_own_state(cp):
    creds = _creds(
        cp,
        "Registered Nurse, Ohio #452189\n"
        "Certified Public Accountant, New York\n"
        "Licensed Cosmetologist\n"
        "Real Estate Broker License – Florida, BK3456789\n"
        "Teaching License, Texas",
    )
    got = {c.catalog_id: (c.jurisdiction, c.issuer.id) for c in creds}
    assert got["state-boards-of-nursing/rn"] == ("US-OH", "nursing-us-oh")
    assert got["nasba-state-boards/cpa"][0] == "US-NY"
    # the licence that names no state takes none from the lines around it
    cosmetologist = next(c for c in creds if "Cosmetologist" in c.name)
    assert cosmetologist.jurisdiction is None and cosmetologist.issuer.id != "cosmetology-us-ny"
    assert got["state-real-estate-commissions/broker"] == ("US-FL", "real-estate-us-fl")
    assert got["state-education-departments/teaching-license"] == ("US-TX", "teaching-us-tx")


def test_two_states_of_one_licence_are_two_credentials(cp):
    creds = _creds(cp, "Registered Nurse (RN), Ohio\nRegistered Nurse (RN), Kentucky")
    assert sorted(c.jurisdiction for c in creds) == ["US-KY", "US-OH"]


@pytest.mark.parametrize(
    "line, number",
    [
        ("Registered Nurse, Ohio, License RN 452189", "RN 452189"),
        ("Registered Nurse, Ohio, Lic. #RN452189", "RN452189"),
        ("Registered Nurse, Ohio, License 452189", "452189"),
        ("Registered Nurse, Ohio, License No. 452189", "452189"),
        # the number written in the place part after the licence
        ("Registered Professional Nurse, NYS License 784215", "784215"),
        ("Certified Residential Appraiser, TX 1382736-R", "1382736-R"),
    ],
)
def test_licence_numbers_with_and_without_prefixes(cp, line, number):
    [cred] = _creds(cp, line)
    assert cred.credential_id == number
    assert cred.verification.level == "verifiable" and cred.verification.method == "credential_id"
    assert cred.verification.lookup is not None and cred.verification.lookup.number == number


def test_a_prefix_only_one_board_uses_gives_the_jurisdiction(cp):
    [cred] = _creds(cp, "Certified General Contractor CGC1523456")
    assert cred.credential_id == "CGC1523456"
    assert (cred.jurisdiction, cred.issuer.id) == ("US-FL", "contracting-us-fl")


def test_a_year_or_a_level_is_not_a_licence_number(cp):
    [cred] = _creds(cp, "Registered Nurse, Ohio 2019")
    assert cred.credential_id is None and cred.jurisdiction == "US-OH"
    [cred] = _creds(cp, "Registered Nurse, Ohio, License 2019")
    assert cred.credential_id is None and cred.issued == "2019"


@pytest.mark.parametrize(
    "line, jurisdiction, board_name",
    [
        ("Registered Nurse – Nursing and Midwifery Council (NMC)", "GB", "Nursing and Midwifery Council"),
        ("Registered Nurse, College of Nurses of Ontario", "CA-ON", "College of Nurses of Ontario"),
        ("Registered Nurse, AHPRA", "AU", "Nursing and Midwifery Board of Australia"),
        ("Registered Nurse, United Kingdom", "GB", "Nursing and Midwifery Council"),
    ],
)
def test_regulators_outside_the_us(cp, line, jurisdiction, board_name):
    [cred] = _creds(cp, line)
    assert cred.catalog_id == "state-boards-of-nursing/rn"
    assert (cred.jurisdiction, cred.issuer.name) == (jurisdiction, board_name)


def test_a_board_with_a_look_up_makes_a_licence_verifiable_with_a_reason_to_act_on(cp):
    [numbered] = _creds(cp, "Registered Nurse, Ohio, License No. 452189")
    lookup = numbered.verification.lookup
    assert lookup is not None and lookup.url.startswith("https://") and lookup.number == "452189"
    assert numbered.verification.reasons[0].startswith(f"Look up 452189 on {lookup.name}")
    [by_name] = _creds(cp, "Registered Nurse, Ohio")
    assert (by_name.verification.level, by_name.verification.method) == ("verifiable", "licence_lookup")
    assert "by the candidate's name" in by_name.verification.reasons[0]
    # the family alone (no state named) keeps the multi-state register
    [family] = _creds(cp, "Registered Nurse, License No. 452189")
    assert family.jurisdiction is None and family.issuer.id == "state-boards-of-nursing"


def test_a_number_off_the_published_format_is_a_reason_not_an_accusation(cp):
    [cred] = _creds(cp, "Registered Nurse, New York, License No. 45218")  # New York publishes six digits
    assert cred.credential_id == "45218"
    board = cp.catalog.issuers[cred.issuer.id]
    assert board.id_formats, "the test needs a board that publishes a number format"
    assert cred.verification.level == "verifiable"
    assert any("does not match the format" in r for r in cred.verification.reasons)


def test_catalog_covers_every_state_and_dc_for_the_core_professions():
    boards = stats()["boards"]["by_profession"]
    for profession in ("nursing", "teaching", "accountancy", "real-estate"):
        assert boards[profession]["us_jurisdictions"] == 51, profession
    assert len(boards) >= 20


def test_csv_carries_the_jurisdiction_and_the_look_up(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "cv.txt").write_text("Sam Example\nLicenses\nRegistered Nurse, Ohio, License No. 452189\n")
    out, table = tmp_path / "r.jsonl", tmp_path / "r.csv"
    result = CliRunner().invoke(app, ["scan", str(folder), "--out", str(out), "--csv", str(table)])
    assert result.exit_code == 0, result.output
    [row] = list(csv.DictReader(table.open(encoding="utf-8")))
    assert (row["jurisdiction"], row["issuer"]) == ("US-OH", "Ohio Board of Nursing")
    assert row["lookup_url"].startswith("https://") and row["lookup_number"] == "452189"


@pytest.mark.parametrize(
    "line, jurisdiction, board",
    [
        # a title with no credential word under the board it names: the board's licence
        ("Insurance Producer, Texas Department of Insurance", "US-TX", "insurance-us-tx"),
        ("Broker, Tennessee Real Estate Commission", "US-TN", "real-estate-us-tn"),
        ("Notaire, membre de la Chambre des notaires du Québec", "CA-QC", "notary-ca-qc"),
        # a postal abbreviation that is also a catalog acronym (the FAA's IA) ends the title
        ("Electrician – IA", "US-IA", "electrical-us-ia"),
        # a postal abbreviation opening the entry, before the profession's words
        ("NC General Contractor, Unlimited Building — License No. 87341", "US-NC", "contracting-us-nc"),
        # a licence the catalog does not name: the profession's word and the place pick the board
        ("Licensed Insurance Agent, Georgia", "US-GA", "insurance-us-ga"),
        ("Hair Stylist – Michigan", "US-MI", "cosmetology-us-mi"),
        # a credential only one jurisdiction issues carries it without naming it
        ("Qualified Teacher Status (QTS)", "GB-ENG", "teaching-gb-eng"),
    ],
)
def test_licence_titles_the_catalog_does_not_name(cp, line, jurisdiction, board):
    [cred] = _creds(cp, line)
    assert (cred.jurisdiction, cred.issuer.id) == (jurisdiction, board)


def test_a_title_naming_no_profession_takes_no_board(cp):
    [cred] = _creds(cp, "Event Planning Certificate, Ohio")
    assert cred.jurisdiction is None and cred.issuer.id is None


@pytest.mark.parametrize(
    "text, code",
    [
        ("RN, Ohio #452189", "US-OH"),
        ("Journeyman Plumber – WA", "US-WA"),
        ("LCSW, NY", "US-NY"),
        ("Notary Public, Commonwealth of Virginia", "US-VA"),
        ("Registered Nurse, UK", "GB"),
        ("Appraiser, TX 1382736-R", "US-TX"),
        ("Paramedic (NJ1234567)", None),  # a number's prefix, not a place
        ("Contractor (NY-2), Ohio", "US-OH"),  # a licence class, then the place
        ("Master of Arts IN History", None),  # capitals that are a word
    ],
)
def test_places_are_read_only_where_a_place_stands(cp, text, code):
    from parser.nlp.jurisdiction import JurisdictionReader

    assert JurisdictionReader(cp.rules).find(text) == code


def test_a_board_named_inside_the_title_gives_the_jurisdiction(cp):
    """A board's name or acronym swallowed by a longer catalog alias still places the licence."""
    from parser.nlp.jurisdiction import JurisdictionReader

    reader = JurisdictionReader(cp.rules, cp.catalog)
    assert reader.find("HCPC Registered Physiotherapist") == "GB"
    assert reader.find("Registered Physiotherapist") is None
    assert (
        JurisdictionReader(cp.rules).find("HCPC Registered Physiotherapist") is None
    )  # no catalog, no boards


@pytest.mark.parametrize(
    "line, catalog_id, board",
    [
        # the state office named beside a title NREMT also certifies: the state's licence
        ("EMT-Basic, Texas DSHS, exp. 08/2025", "state-ems-offices/emt", "ems-us-tx"),
        ("Paramedic – North Carolina Office of EMS", "state-ems-offices/paramedic", "ems-us-nc"),
        # no board named: the national certification stays
        ("NREMT Paramedic", "nremt/paramedic", None),
    ],
)
def test_a_national_title_under_a_named_state_board_is_the_state_licence(cp, line, catalog_id, board):
    [cred] = _creds(cp, line)
    assert (cred.catalog_id, cred.issuer.id if board else board) == (catalog_id, board)


def test_a_profession_and_its_place_under_a_licences_heading_is_a_licence_and_only_there(cp):
    [cred] = _creds(cp, "Pharmacist – ID, exp. 06/30/2026")
    assert (cred.jurisdiction, cred.issuer.id, cred.verification.level) == (
        "US-ID",
        "pharmacy-us-id",
        "verifiable",
    )
    profile = cp.parse(b"Sam Example\nExperience\nPharmacist - ID, 2019-2023\n", filename="cv.txt")
    assert profile.credentials == []  # a job title and where it was held


def test_a_states_named_certificate_of_a_profession_is_its_licence(cp):
    found = _creds(cp, "Pennsylvania Instructional I Certificate – Mathematics 7–12")
    assert [(c.jurisdiction, c.issuer.id) for c in found] == [("US-PA", "teaching-us-pa")]


@pytest.mark.parametrize(
    "line, jurisdiction, board",
    [
        # a place with its agency's initials or a licence word is where, not another credential
        (
            "Licensed Dental Hygienist, Connecticut DPH, No. 009214",
            "US-CT",
            "dental-hygiene-us-ct-connecticut-department-of-public-health",
        ),
        ("Licensed Mental Health Counselor, Washington State DOH, LH61024873", "US-WA", "counseling-us-wa"),
        ("Registered Professional Nurse, NYS License 784215", "US-NY", "nursing-us-ny"),
    ],
)
def test_a_place_and_its_agency_after_a_licence_place_it(cp, line, jurisdiction, board):
    [cred] = _creds(cp, line)
    assert (cred.jurisdiction, cred.issuer.id) == (jurisdiction, board)


def test_a_regulator_of_many_trades_gives_the_licence_of_the_trade_named(cp):
    line = "309A Electrician – Construction and Maintenance, Certificate of Qualification (Skilled Trades Ontario)"
    found = {c.name: c for c in _creds(cp, line)}
    electrician = found["309A Electrician – Construction and Maintenance"]
    assert (electrician.jurisdiction, electrician.issuer.id) == (
        "CA-ON",
        "electrical-ca-on-skilled-trades-ontario",
    )
    assert all("cosmetology" not in (c.catalog_id or "") + (c.issuer.id or "") for c in found.values())


@pytest.mark.parametrize(
    "line, number, url_end",
    [
        # a short capital label and a space before the number: the label is not a credential
        ("Attorney at Law, State Bar of California, SBN 287734 (active)", "SBN 287734", "/Detail/287734"),
        (
            "KB-1 Dual Residential Contractor, Arizona Registrar of Contractors, ROC 298113",
            "ROC 298113",
            None,
        ),
    ],
)
def test_a_labelled_number_in_its_own_list_part_is_the_licences_number(cp, line, number, url_end):
    [cred] = _creds(cp, line)
    assert cred.credential_id == number and cred.verification.level == "verifiable"
    if url_end:  # the look-up takes the number without its label
        assert cred.verification.lookup is not None and cred.verification.lookup.url.endswith(url_end)


def test_initials_that_are_also_a_state_are_a_title_under_a_named_board(cp):
    # "MD" is Maryland, and a physician: the Oregon board the entry names says which
    [cred] = _creds(cp, "Oregon Medical Board – MD License MD187654, active")
    assert (cred.name, cred.jurisdiction, cred.issuer.name) == ("MD License", "US-OR", "Oregon Medical Board")
    assert cred.credential_id == "MD187654"
    [alone] = _creds(cp, "MD License, Maryland Board of Physicians")
    assert alone.jurisdiction == "US-MD"


@pytest.mark.parametrize(
    "line, catalog_id, jurisdiction, board",
    [
        # the department a board is an office of, named alone
        ("EMT, Oregon Health Authority, license 23456", "state-ems-offices/emt", "US-OR", "ems-us-or"),
        (
            "Paramedic, Washington State Department of Health, credential ES60987654",
            "state-ems-offices/paramedic",
            "US-WA",
            "ems-us-wa",
        ),
    ],
)
def test_a_board_named_by_its_department(cp, line, catalog_id, jurisdiction, board):
    [cred] = _creds(cp, line)
    assert (cred.catalog_id, cred.jurisdiction, cred.issuer.id) == (catalog_id, jurisdiction, board)


@pytest.mark.parametrize(
    "line, jurisdiction, board_name, number",
    [
        (
            "Infirmière, Ordre des infirmières et infirmiers du Québec, permis no 2145678",
            "CA-QC",
            "Ordre des infirmières et infirmiers du Québec",
            "2145678",
        ),
        # a list part that says whose member the candidate is names the issuer, elision and all
        (
            "Hygiéniste dentaire, membre en règle de l'OHDQ – permis no 124578",
            "CA-QC",
            "Ordre des hygiénistes dentaires du Québec",
            "124578",
        ),
        (
            "Ingénieure, membre de l’OIQ, no de membre 5012345",
            "CA-QC",
            "Ordre des ingénieurs du Québec",
            "5012345",
        ),
    ],
)
def test_french_titles_of_quebec_regulators(cp, line, jurisdiction, board_name, number):
    [cred] = _creds(cp, line)
    assert (cred.jurisdiction, cred.issuer.name, cred.credential_id) == (jurisdiction, board_name, number)


@pytest.mark.parametrize(
    "line, catalog_id, jurisdiction, board_name",
    [
        # a regulator's acronym in brackets after the title, with its registration number
        (
            "Paramedic (HCPC PA12345)",
            "state-ems-offices/paramedic",
            "GB",
            "Health and Care Professions Council",
        ),
        # "Licensed" is a state's word: the national registry certifies, it licenses no one
        (
            "Commonwealth of Virginia – Licensed Paramedic, Lic. # P55555",
            "state-ems-offices/paramedic",
            "US-VA",
            "Virginia Department of Health – Office of EMS",
        ),
        ("Licensed EMT – State of Ohio", "state-ems-offices/emt", "US-OH", None),
    ],
)
def test_a_state_or_regulator_licence_is_not_the_national_certification(
    cp, line, catalog_id, jurisdiction, board_name
):
    [cred] = _creds(cp, line)
    assert (cred.catalog_id, cred.jurisdiction) == (catalog_id, jurisdiction)
    if board_name:
        assert cred.issuer.name == board_name


def test_a_french_title_and_a_permit_of_the_regulator(cp):
    [cred] = _creds(cp, "Courtier immobilier résidentiel – permis de l’OACIQ no 12345")
    assert (cred.name, cred.jurisdiction, cred.credential_id) == (
        "Courtier immobilier résidentiel",
        "CA-QC",
        "12345",
    )
    assert cred.issuer.name == "Organisme d'autoréglementation du courtage immobilier du Québec"


@pytest.mark.parametrize(
    "line, jurisdiction, board_name",
    [
        # a board by its state's postal abbreviation, an abbreviated word, or a body of the state
        # that licenses other professions: the profession the title names picks the board
        (
            "Paramedic, NC Office of Emergency Medical Services, Credential P-0918842",
            "US-NC",
            "North Carolina Office of Emergency Medical Services",
        ),
        (
            "Journeyperson Electrician — CT Dept. of Consumer Protection — Lic. E2-0212345",
            "US-CT",
            "Connecticut Department of Consumer Protection",
        ),
        ("Real Estate Sales Associate SL3491276 (Florida DBPR)", "US-FL", "Florida Real Estate Commission"),
    ],
)
def test_boards_by_the_names_resumes_give_them(cp, line, jurisdiction, board_name):
    [cred] = _creds(cp, line)
    assert (cred.jurisdiction, cred.issuer.name) == (jurisdiction, board_name)


def test_an_abbreviation_reads_as_its_word_in_names_only(cp):
    doc = cp.nlp("Washington State Dept. of Health; dept. store")
    assert [t.norm_ for t in doc][2] == "department" and "dept." in [t.text for t in doc]


def test_a_part_that_says_who_issued_is_never_a_credential(cp):
    creds = _creds(cp, "Project Management Professional, certificate from PMI")
    assert [c.catalog_id for c in creds] == ["pmi/pmp"]
    [cred] = _creds(cp, "Licence d'entrepreneur général (Régie du bâtiment du Québec)")
    assert (cred.jurisdiction, cred.issuer.name) == ("CA-QC", "Régie du bâtiment du Québec")


def test_a_postal_abbreviation_names_a_board_only_as_written(cp):
    # "IN State Board of Nursing" is Indiana's; "in state board of nursing" in prose is not
    doc = cp.nlp("Served in State Board of Nursing meetings. IN State Board of Nursing, license 123")
    ids = [(doc.text[s.start_char : s.end_char], s.id_) for s in doc.spans["catalog"]]
    assert ("IN State Board of Nursing", "nursing-us-in") in ids
    assert not any(text.startswith("in ") and id_ == "nursing-us-in" for text, id_ in ids)
