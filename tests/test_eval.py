"""``credparse eval``: accuracy on the labelled set in tests/data (the numbers the README reports),
and the scorer itself: labels alone decide a match (never the catalog under test), the real-dev
JSONL format, borderline labels, repeats, and issuers scored only where the résumé states them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from parser.evaluate import (
    evaluate_dir,
    evaluate_profiles,
    issuer_matches,
    load_truth,
    name_similarity,
    normalise,
)
from parser.models import (
    CandidateProfile,
    Credential,
    Evidence,
    Issuer,
    Match,
    ParserInfo,
    Source,
    Verification,
)

DATA = Path(__file__).resolve().parent / "data"


def test_labelled_set_accuracy():
    report = evaluate_dir(DATA, DATA / "truth.json", as_of="2026-11-25")
    m = report.metrics
    print(m)
    assert m["files"] >= 25 and m["labelled"] >= 100
    assert m["f1"] >= 0.90, report.misses + report.false_positives
    assert m["issuer_accuracy"] >= 0.90, [w for w in report.wrong if ": issuer " in w]
    assert m["status_accuracy"] >= 0.90 and m["level_accuracy"] >= 0.90, report.wrong
    assert m["traps_reported"] == 0, report.false_positives


# ---- hand-built predictions: the scorer alone -------------------------------------------------


def cred(
    name: str,
    text: str | None = None,
    *,
    issuer: str | None = None,
    issuer_id: str | None = None,
    catalog_id: str | None = None,
    status: str = "earned",
    credential_id: str | None = None,
    snippet: str | None = None,
) -> Credential:
    text = text or name
    return Credential(
        name=name,
        text=text,
        kind="certification",
        status=status,  # type: ignore[arg-type]
        issuer=Issuer(name=issuer, id=issuer_id, known=issuer_id is not None),
        catalog_id=catalog_id,
        match=Match(method="alias" if catalog_id else "none", score=1.0 if catalog_id else 0.0),
        credential_id=credential_id,
        verification=Verification(level="unverifiable"),
        evidence=[Evidence(start=0, end=len(text), snippet=snippet or text)],
        confidence=0.9,
    )


def profile(file: str, *creds: Credential) -> CandidateProfile:
    return CandidateProfile(source=Source(file=file), credentials=list(creds), parser=ParserInfo(version="t"))


def score(labels: list[dict[str, Any]], *creds: Credential, real_dev: bool = False, traps=()):
    truth = {"cv.txt": {"credentials": labels, "traps": list(traps)}}
    return evaluate_profiles({"cv.txt": profile("cv.txt", *creds)}, truth, real_dev=real_dev)


def test_normalise_folds_case_dashes_marks_and_spaces():
    assert normalise("AWS Certified  Solutions Architect – Professional®") == (
        "aws certified solutions architect - professional"
    )
    assert normalise("ITIL™ 4 — Foundation") == "itil 4 - foundation"


def test_name_or_mention_alias_or_acronym_match():
    cka = {"name": "Certified Kubernetes Administrator (CKA)", "issuer": "The Linux Foundation"}
    assert name_similarity(cka, cred("Certified Kubernetes Administrator")) >= 80
    assert name_similarity(cka, cred("CKA")) == 100  # the label's own acronym, as written
    assert name_similarity(cka, cred("Kubernetes Admin Cert", "CKA exam")) < 80
    rhcsa = {"name": "Red Hat Certified System Administrator (RHCSA)"}
    assert name_similarity(rhcsa, cred("RHCSA certification")) < 80
    assert name_similarity({**rhcsa, "aliases": ["RHCSA certification"]}, cred("RHCSA certification")) == 100


def test_pairs_best_first_one_to_one():
    labels = [
        {"name": "AWS Certified Solutions Architect – Associate", "issuer": "Amazon Web Services"},
        {"name": "AWS Certified Solutions Architect – Professional", "issuer": "Amazon Web Services"},
    ]
    report = score(
        labels,
        cred("AWS Certified Solutions Architect - Professional", issuer="Amazon Web Services"),
        cred("AWS Certified Solutions Architect - Associate", issuer="Amazon Web Services"),
    )
    [result] = report.files
    assert {p.label["name"].split()[-1]: p.pred.name.split()[-1] for p in result.pairs} == {
        "Associate": "Associate",
        "Professional": "Professional",
    }
    assert report.metrics["f1"] == 1.0 and report.metrics["issuer_accuracy"] == 1.0


def _dissimilar_catalog_alias() -> tuple[str, str, str]:
    """A catalog credential (id, name) with an alias that shares little wording with its name."""
    from parser.catalog.store import load_catalog

    for entry_id, entry in sorted(load_catalog().credentials.items()):
        for alias in entry.aliases:
            probe = cred(entry.name, catalog_id=entry_id)
            if name_similarity({"name": alias}, probe) < 60:
                return entry_id, entry.name, alias
    pytest.skip("no catalog credential has an alias unlike its name")


def test_a_catalog_alias_is_not_a_match():
    """The old scorer matched through the catalog's aliases of the prediction: the parser graded
    itself. A label written as one catalog alias, a prediction named otherwise: no match."""
    entry_id, name, alias = _dissimilar_catalog_alias()
    report = score([{"name": alias}], cred(name, catalog_id=entry_id))
    assert report.metrics["true_positives"] == 0
    assert len(report.misses) == 1 and len(report.false_positives) == 1
    # the same wording in the label's own aliases does match: labels decide, not the catalog
    report = score([{"name": alias, "aliases": [name]}], cred(name, catalog_id=entry_id))
    assert report.metrics["true_positives"] == 1 and not report.false_positives


def _dissimilar_issuer_alias() -> tuple[str, str, str]:
    """A catalog issuer (id, name) with an alias the label rules alone do not accept."""
    from parser.catalog.store import load_catalog

    for issuer_id, entry in sorted(load_catalog().issuers.items()):
        for alias in entry.aliases:
            if not issuer_matches({"issuer": entry.name}, alias):
                return issuer_id, entry.name, alias
    pytest.skip("no catalog issuer has an alias unlike its name")


def test_a_catalog_issuer_alias_is_not_the_issuer():
    issuer_id, name, alias = _dissimilar_issuer_alias()
    label = {"name": "Some Credential", "issuer": name}
    report = score([label], cred("Some Credential", issuer=alias, issuer_id=issuer_id))
    assert report.metrics["issuer_accuracy"] == 0.0 and report.wrong
    report = score([{**label, "issuer_aliases": [alias]}], cred("Some Credential", issuer=alias))
    assert report.metrics["issuer_accuracy"] == 1.0


def test_scoring_never_loads_the_catalog(monkeypatch):
    import parser.catalog.store as store

    def boom(*args, **kwargs):
        raise AssertionError("the scorer consulted the catalog")

    monkeypatch.setattr(store, "load_catalog", boom)
    monkeypatch.setattr(store, "_load_cached", boom)
    report = score(
        [{"name": "Project Management Professional (PMP)", "issuer": "Project Management Institute"}],
        cred("PMP", issuer="PMI", catalog_id="pmi.pmp", issuer_id="pmi"),
    )
    assert report.metrics["true_positives"] == 1 and report.metrics["issuer_accuracy"] == 1.0


@pytest.mark.parametrize(
    ("want", "got", "ok"),
    [
        ("Project Management Institute", "project management institute", True),
        ("Project Management Institute", "PMI", True),  # initials
        ("Construction Management Certification Institute (CMCI)", "CMCI", True),  # bracketed acronym
        (
            "Construction Management Certification Institute (CMCI)",
            "Construction Management Certification Institute",
            True,
        ),
        ("The Linux Foundation", "Linux Foundation", True),
        ("Financial Industry Regulatory Authority (FINRA)", "FINRA", True),
        ("FINRA", "Financial Industry Regulatory Authority", True),  # word starts
        ("American Heart Association", "AHA", True),
        ("Google Cloud|Google", "Google", True),  # either body
        ("American Red Cross", "American Heart Association", False),
        ("Texas Board of Nursing", "State Boards of Nursing", False),
        ("ISACA", "ISC2", False),
        ("Wiley", None, False),
    ],
)
def test_issuer_rules_without_the_catalog(want, got, ok):
    assert issuer_matches({"issuer": want}, got) is ok


def test_issuer_aliases_of_a_label():
    label = {"issuer": "Ohio Bureau of Motor Vehicles", "issuer_aliases": ["Ohio BMV"]}
    assert issuer_matches(label, "Ohio BMV")
    assert not issuer_matches({"issuer": "Ohio Bureau of Motor Vehicles"}, "Ohio BMV")


def test_a_repeat_is_neither_true_nor_false_positive():
    label = {"name": "Certified Information Systems Security Professional (CISSP)", "issuer": "ISC2"}
    report = score(
        [label],
        cred("Certified Information Systems Security Professional", issuer="ISC2"),
        cred("CISSP", issuer="ISC2"),
    )
    assert report.metrics["true_positives"] == 1 and report.metrics["predicted"] == 1
    assert report.false_positives == [] and len(report.files[0].ignored) == 1


def test_borderline_labels_count_neither_way():
    labels = [
        {"name": "Certified ScrumMaster (CSM)", "issuer": "Scrum Alliance"},
        {"name": "Driver's License Class C", "borderline": True},
        {"name": "Forklift training", "borderline": True},
    ]
    report = score(labels, cred("Certified ScrumMaster", issuer="Scrum Alliance"), cred("Driver's License"))
    m = report.metrics
    assert (m["labelled"], m["predicted"], m["true_positives"]) == (1, 1, 1)  # forklift: not missed
    assert report.misses == [] and report.false_positives == []  # driver's licence: not extra
    report = score(labels, cred("Forklift training", "forklift training certificate"), real_dev=True)
    assert report.metrics["true_positives"] == 0 and report.metrics["false_positives"] == 0
    assert report.metrics["labelled"] == 1 and report.metrics["borderline"] == 2


def test_issuer_is_scored_only_where_stated_in_the_real_dev_format():
    labels = [
        {
            "name": "Project Management Professional (PMP)",
            "issuer": "Project Management Institute",
            "issuer_stated": False,
        },
        {"name": "Lean Six Sigma Green Belt", "issuer": "ASQ", "issuer_stated": True},
    ]
    preds = (cred("PMP", issuer="Wrong Body"), cred("Lean Six Sigma Green Belt", issuer="IASSC"))
    report = score(labels, *preds, real_dev=True)
    m = report.metrics
    assert m["true_positives"] == 2 and m["issuer_scored"] == 1 and m["issuer_accuracy"] == 0.0
    assert [w for w in report.wrong if "issuer" in w] == [
        "cv.txt: Lean Six Sigma Green Belt: issuer 'IASSC' != 'ASQ'"
    ]
    # the JSON format scores every labelled issuer unless issuer_stated is false
    json_report = score([{**labels[1], "issuer_stated": None}], preds[1])
    assert json_report.metrics["issuer_accuracy"] == 0.0
    assert not [w for w in score(labels[:1], preds[0]).wrong if "issuer" in w]  # stated false: not scored
    none_stated = score(labels[:1], preds[0], real_dev=True).metrics
    assert none_stated["issuer_accuracy"] is None and none_stated["issuer_scored"] == 0


def test_real_dev_in_progress_and_id_accuracy():
    labels = [
        {"name": "CompTIA Security+", "issuer": "CompTIA", "status": "in_progress", "credential_id": None},
        {"name": "Certified Nursing Assistant (CNA)", "status": "earned", "credential_id": "CNA 12 345"},
    ]
    report = score(
        labels,
        cred("CompTIA Security+", status="earned"),
        cred("Certified Nursing Assistant", credential_id="cna12345"),
        real_dev=True,
    )
    m = report.metrics
    assert m["in_progress_accuracy"] == 0.0 and m["id_accuracy"] == 1.0
    assert "status_accuracy" not in m and "level_accuracy" not in m


def test_traps_are_still_counted():
    report = score(
        [{"name": "Project Management Professional (PMP)"}],
        cred("Project Management Professional"),
        cred("Microsoft Office", snippet="Tools: Microsoft Office, Jira"),
        traps=["Microsoft Office"],
    )
    assert report.metrics["traps"] == 1 and report.metrics["traps_reported"] == 1


# ---- the real-dev JSONL format, end to end on résumés written here ------------------------------

RESUME_A = """Dana Whitfield
dana.whitfield@example.com

CERTIFICATIONS
Project Management Professional (PMP) - Project Management Institute - 2019
Certified ScrumMaster (CSM) - Scrum Alliance - 2021
AWS Certified Solutions Architect - Associate - in progress, exam booked 2027

EXPERIENCE
Program Manager - Northwind Logistics - 2018 to present
Ran a 40-person delivery portfolio.
"""

RESUME_B = """Lee Okafor
lee.okafor@example.org

SUMMARY
Registered nurse with ten years in emergency care.

LICENSES AND CERTIFICATIONS
Basic Life Support (BLS) - American Heart Association
Advanced Cardiovascular Life Support (ACLS)
"""


def _label(name: str, issuer: str | None, stated: bool, **kw: Any) -> dict[str, Any]:
    return {
        "name": name,
        "aliases": kw.get("aliases", []),
        "issuer": issuer,
        "issuer_stated": stated,
        "credential_id": None,
        "status": kw.get("status", "earned"),
        "where": "section",
        "borderline": kw.get("borderline", False),
    }


@pytest.fixture
def real_dev_set(tmp_path: Path) -> Path:
    files = tmp_path / "files"
    files.mkdir()
    (files / "a.txt").write_text(RESUME_A, encoding="utf-8")
    (files / "b.txt").write_text(RESUME_B, encoding="utf-8")
    rows = [
        {
            "file": "a.txt",
            "credentials": [
                _label("Project Management Professional (PMP)", "Project Management Institute", True),
                _label("Certified ScrumMaster (CSM)", "Scrum Alliance", True),
                _label(
                    "AWS Certified Solutions Architect - Associate",
                    "Amazon Web Services",
                    False,
                    status="in_progress",
                ),
                _label("Certified Public Accountant (CPA)", None, False),  # not in the résumé: a miss
            ],
        },
        {
            "file": "b.txt",
            "credentials": [
                _label("Basic Life Support (BLS)", "American Heart Association", True),
                _label("Advanced Cardiovascular Life Support (ACLS)", None, False, borderline=True),
            ],
        },
    ]
    (tmp_path / "truth.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return tmp_path


def test_jsonl_truth_end_to_end(real_dev_set: Path):
    report = evaluate_dir(real_dev_set, real_dev_set / "truth.jsonl", as_of="2026-11-25")
    m = report.metrics
    assert (m["files"], m["labelled"], m["borderline"]) == (2, 5, 1)
    assert (m["true_positives"], m["false_negatives"], m["false_positives"]) == (4, 1, 0), (
        report.misses + report.false_positives
    )
    assert report.misses == ["a.txt: missed 'Certified Public Accountant (CPA)'"]
    assert m["issuer_scored"] == 3 and m["issuer_accuracy"] == 1.0, report.wrong
    assert m["in_progress_accuracy"] == 1.0 and m["id_accuracy"] is None
    assert m["errors"] == 0 and m["missing"] == 0


def test_jsonl_format_told_by_content(real_dev_set: Path, tmp_path: Path):
    labels = real_dev_set / "labels.txt"
    labels.write_text((real_dev_set / "truth.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    truth, real_dev = load_truth(labels)
    assert real_dev and set(truth) == {"a.txt", "b.txt"}
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"file": "a.txt", "credentials": []}), encoding="utf-8")
    assert load_truth(one)[1] is True
    assert load_truth(DATA / "truth.json")[1] is False


def test_cli_eval_reads_jsonl(real_dev_set: Path):
    from parser.cli import app

    result = CliRunner().invoke(
        app, ["eval", str(real_dev_set), "--truth", str(real_dev_set / "truth.jsonl"), "--json"]
    )
    assert result.exit_code == 0, result.output
    m = json.loads(result.output)
    assert m["true_positives"] == 4 and m["in_progress_accuracy"] == 1.0 and "issuer_scored" in m
