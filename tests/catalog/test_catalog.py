"""The catalog as data: size, every example through the real pipeline, user folders, errors."""

from __future__ import annotations

import pytest

from parser import CredentialParser
from parser.catalog.store import CatalogError, load_catalog
from parser.catalog.tools import check_examples, stats


def test_catalog_size_for_the_pipeline_issue():
    data = stats()
    assert data["issuers"] >= 60 and data["credentials"] >= 400
    assert len(data["by_sector"]) >= 9


def test_examples_resolve_and_counter_examples_do_not():
    cat = load_catalog()
    total = sum(len(c.examples) + len(c.counter_examples) for c in cat.credentials.values())
    problems = check_examples()
    print("\n".join(problems))
    assert total >= 400
    assert len(problems) <= 0.03 * total, problems[:20]


def test_user_catalog_adds_internal_credentials(tmp_path):
    (tmp_path / "acme.yaml").write_text(
        "sources: [{name: internal, licence: proprietary}]\n"
        "issuers: [{id: acme-corp, name: Acme Corp, type: employer}]\n"
        "credentials: [{id: acme-corp/widget-master, name: Acme Widget Master, kind: badge}]\n"
    )
    cp = CredentialParser(catalog_dirs=[tmp_path])
    p = cp.parse(b"Certifications\nAcme Widget Master, 2024\n", filename="cv.txt")
    [c] = p.credentials
    assert (c.catalog_id, c.issuer.name, c.kind) == ("acme-corp/widget-master", "Acme Corp", "badge")


def test_unknown_keys_are_rejected_with_file_and_key(tmp_path):
    (tmp_path / "bad.yaml").write_text("issuers: [{id: x, name: X, colour: red}]\n")
    with pytest.raises(CatalogError) as err:
        load_catalog([tmp_path])
    assert "bad.yaml" in str(err.value) and "colour" in str(err.value)


def test_a_boards_file_of_a_user_folder_is_checked_counterparts_too(tmp_path):
    """``patterns/boards/`` files map a national certification to the licence a named board
    issues (``counterparts``); one that names no catalog credential is the file's error."""
    (tmp_path / "boards").mkdir()
    (tmp_path / "boards" / "ems-extra.yaml").write_text(
        "profession: ems-extra\nname: EMS (extra)\nfamily: state-ems-offices\n"
        "credentials: [state-ems-offices/emt]\n"
        "counterparts: {nremt/emt-typo: state-ems-offices/emt}\n"
        "boards: [{jurisdiction: US-OH, name: Ohio Division of EMS (extra)}]\n"
    )
    with pytest.raises(CatalogError) as err:
        load_catalog([tmp_path])
    assert "ems-extra.yaml" in str(err.value) and "nremt/emt-typo" in str(err.value)
