"""The résumé tokenizer: English abbreviations kept whole, contractions' exceptions left out."""

from __future__ import annotations


def _tokens(cp, text: str) -> list[str]:
    return [t.text for t in cp.nlp.make_doc(text)]


def test_abbreviations_with_periods_stay_one_token(cp):
    tokens = _tokens(cp, "Acme Inc. and Smith Co. (N.Y.), Ph.D. in Nursing, e.g. BLS")
    for word in ("Inc.", "Co.", "N.Y.", "Ph.D.", "e.g."):
        assert word in tokens, tokens


def test_apostrophe_less_contractions_are_not_split(cp):
    # English's exceptions read "Wed" as "We" + "d", "Id" as "I" + "d" and "Ill" as "I" + "ll"
    assert _tokens(cp, "Wed Id Ill Cant") == ["Wed", "Id", "Ill", "Cant"]


def test_only_the_exceptions_a_resume_needs_are_loaded(cp):
    rules = cp.nlp.tokenizer.rules
    assert "C++" in rules and "and/or" in rules and "Inc." in rules
    assert "don't" not in rules and "youll" not in rules
    assert len(rules) < 400  # English has 1,347
