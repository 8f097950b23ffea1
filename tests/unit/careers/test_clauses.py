"""careers/clauses.py: a message cut into clauses."""

from __future__ import annotations

from careers import clauses


def texts(text: str) -> list[str]:
    return [text[b:e].strip() for b, e in clauses.clauses(text)]


def test_a_situation_and_a_question_are_two_clauses() -> None:
    assert texts("I've done two years of Python, what else would a data engineer need?") == [
        "I've done two years of Python,",
        "what else would a data engineer need?",
    ]
    assert texts("what's the outlook for statisticians and what do they earn?") == [
        "what's the outlook for statisticians",
        "and what do they earn?",
    ]


def test_an_adverb_between_the_conjunction_and_the_question_still_cuts() -> None:
    assert texts("how do I get from here to data analyst, and roughly how long are we talking?") == [
        "how do I get from here to data analyst,",
        "and roughly how long are we talking?",
    ]
    # An adverb alone is no question: "and honestly" before a statement does not cut.
    assert len(texts("I know SQL and honestly I love it")) == 1


def test_skills_joined_by_and_stay_one_clause() -> None:
    assert texts("I know Python and SQL and a bit of R") == ["I know Python and SQL and a bit of R"]


def test_abbreviations_do_not_end_a_sentence() -> None:
    assert len(texts("How much do data analysts make in St. Louis compared with Chicago?")) == 1
    assert len(texts("how many statisticians work in Washington, D.C. and Maryland?")) == 1


def test_a_plus_and_a_last_one_word_question_are_clauses_of_their_own() -> None:
    assert texts("overview of the statistician role pls + salary") == [
        "overview of the statistician role pls",
        "+ salary",
    ]
    assert texts("i do all the reporting in excel. options?") == [
        "i do all the reporting in excel.",
        "options?",
    ]


def test_a_plus_between_two_skills_is_a_list_not_two_questions() -> None:
    assert len(texts("currently a data analyst, good at sql + tableau, want to become a data scientist")) == 1
    assert len(texts("data engineer here, terraform + aws + docker.")) == 1


def test_who_inside_a_sentence_does_not_make_it_a_question() -> None:
    assert clauses.is_statement("Journalist who does a lot of data stories with spreadsheets.")
    assert not clauses.is_statement("who hires data analysts")
