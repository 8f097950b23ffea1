"""Hearing the whole message (issue 17) through the REST channel with the real servers: each
numbered item of the issue as a person would try it. Transcripts in
test-artifacts/reading_transcripts.txt."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from careers.answer import MAX_BUTTONS, MAX_CHARS
from harness.servers import Stack
from tests.answers import answer_of, without_feedback_question
from tests.e2e.test_path import click_to_ml_engineer

TRANSCRIPTS: list[str] = []


def talk(stack: Stack, *messages: str) -> list[list[dict[str, Any]]]:
    """Each message's replies, in one new conversation; kept for the transcript."""
    me = f"reading-{uuid.uuid4().hex[:8]}"
    replies = []
    for message in messages:
        said = stack.say(me, message)
        TRANSCRIPTS.append(f"YOU: {message}")
        for reply in said:
            buttons = [b["title"] for b in reply.get("buttons") or []]
            TRANSCRIPTS.append(
                f"BOT: {reply.get('text')}" + (f"\n     [{' | '.join(buttons)}]" if buttons else "")
            )
        replies.append(said)
    TRANSCRIPTS.append("-" * 40)
    return replies


def texts(replies: list[dict[str, Any]]) -> list[str]:
    """The texts of a reply's answers ("Was this helpful?" after them is checked by answer_of)."""
    return [str(r.get("text") or "") for r in without_feedback_question(replies)]


@pytest.fixture(scope="module", autouse=True)
def transcript(artifacts: Path) -> Any:
    yield
    (artifacts / "reading_transcripts.txt").write_text("\n".join(TRANSCRIPTS) + "\n", encoding="utf-8")


def test_situation_and_question_are_both_answered_in_order(stack: Stack) -> None:
    (said,) = talk(stack, "I've done two years of Python and pandas, what else would a data engineer need?")
    said = answer_of(said)  # the answers, then "Was this helpful?" for the reply (issue 19)
    noted, gap = texts(said)
    assert noted == "You know Python for data work."  # one line: what was noted
    assert gap.startswith("Data Engineer: you have 1 of 7 core skills (Python for data work).")  # uses it
    assert not said[0].get("buttons") and 0 < len(said[-1]["buttons"]) <= MAX_BUTTONS


def test_two_questions_get_two_answers_and_one_set_of_buttons(stack: Stack) -> None:
    (said,) = talk(stack, "what's the outlook for statisticians and what do they earn?")
    said = answer_of(said)  # the answers, then "Was this helpful?" for the reply (issue 19)
    outlook, salary = texts(said)
    assert outlook.startswith("Statisticians: job outlook") and salary.startswith("Statisticians: salary")
    assert all(len(t) <= MAX_CHARS for t in (outlook, salary))
    assert said[0].get("buttons") in (None, []) and 0 < len(said[1]["buttons"]) <= MAX_BUTTONS


def test_a_job_said_as_ones_own_is_a_background_never_an_uncovered_role(stack: Stack) -> None:
    (said,) = talk(stack, "I've been a barista and now I work as a dentist")
    text = " ".join(texts(said))
    assert "not a role I cover" not in text
    assert "career changer" in text and "Which skills do you have?" in text
    (asked,) = talk(stack, "what does a dentist do?")
    assert "not a role I cover" in " ".join(texts(asked))  # a question about the job still is


def test_personal_follow_ups_use_the_skills_told(stack: Stack) -> None:
    _, options = talk(stack, "I know Python and SQL", "what are my options then?")
    assert texts(options)[0].startswith("Closest roles by the core skills you have:")
    (nothing_told,) = talk(stack, "what are my options?")
    assert texts(nothing_told)[0].startswith("You haven't told me any skill you have yet")


def test_what_one_says_about_oneself_shapes_the_question_after_it(stack: Stack) -> None:
    (gap,) = talk(stack, "So far I've learned SQL and Power BI. What else should a BI analyst know?")
    noted, answer = texts(gap)
    assert noted.startswith("You know SQL")
    assert answer.startswith("Business Intelligence Analyst: you have 2 of")  # the gap, not the list
    (junior,) = talk(stack, "I'm a junior data engineer. How do I get to MLOps from here, step by step?")
    first, *rest = texts(junior)
    assert "Data Engineer" in first and "age" not in first.lower()  # noted, not an answer about age
    assert any(t.startswith("Roadmap to MLOps Engineer") for t in rest), rest
    (start,) = talk(
        stack, "I know AWS and terraform but nothing about machine learning. Where would I start?"
    )
    # The first stage of a roadmap, to the role they pick among the closest to what they know.
    assert texts(start)[-1].startswith("For which role? Here are the ones closest to what you told me")


def test_follow_ups_lean_on_the_question_and_the_role_before(stack: Stack) -> None:
    # A role named alone after a gap question asks the gap to that role, not its overview.
    _, _, again = talk(
        stack, "I know Python and SQL", "what's my gap to data scientist?", "and to ML engineer?"
    )
    assert texts(again)[0].startswith("Machine Learning Engineer: you have")
    # After the closest roles, "it" and "there" are the closest one.
    _, closest, duration = talk(
        stack,
        "I know SQL, Excel and Power BI",
        "which data job is closest to me?",
        "ok how long would it take to get there",
    )
    top = texts(closest)[0].splitlines()[1].removeprefix("- ").split(":")[0]
    assert top in texts(duration)[0], (top, texts(duration))


def test_a_goal_said_before_a_question_is_the_role_it_asks_about(stack: Stack) -> None:
    (said,) = talk(
        stack,
        "Software engineer, 6 yrs of Go and Kubernetes. Thinking about MLOps. "
        "Am I ready or what would I pick up first?",
    )
    noted, *answers = texts(said)
    assert "Kubernetes" in noted or "Containers" in noted, noted
    assert len(answers) == 1 and answers[0].startswith("MLOps Engineer: you have"), answers


def test_a_job_no_list_names_is_kept_as_the_persons_own(stack: Stack) -> None:
    (said,) = talk(stack, "I've been a plumber for 12 years. could I become a data analyst?")
    text = " ".join(texts(said))
    assert "you work as a plumber" in text and "career changer" in text and "not a role I cover" not in text


def test_a_correction_and_a_complaint_in_one_message_take_the_skill_back(stack: Stack) -> None:
    _, corrected = talk(
        stack,
        "I'm good at communication and SQL",
        "scratch the communication bit, i'm terrible at presenting",
    )
    assert "forgotten what you said about Communication" in " ".join(texts(corrected))


def test_a_move_asked_with_two_role_names_answers_the_move(stack: Stack) -> None:
    (said,) = talk(stack, "could a DBA switch to data engineering?")
    assert texts(said)[0].startswith("From Database Administrator to Data Engineer:")
    # A move weighed, the role it starts from named last: the gap, the roadmap or the fit before.
    (said,) = talk(stack, "is data science too much of a stretch for a data analyst?")
    assert texts(said)[0].startswith("From Data Analyst to Data Scientist:")
    (said,) = talk(stack, "would ML engineering be a sensible next step after data science?")
    assert texts(said)[0].startswith("From Data Scientist to Machine Learning Engineer:")
    # The same after a sentence about oneself: the part's roles keep their places in its words.
    (said,) = talk(stack, "I know SQL and Excel. Is data science a stretch for a data analyst?")
    assert [t for t in texts(said) if t.startswith("From ")][0].startswith(
        "From Data Analyst to Data Scientist:"
    )


def test_why_not_after_a_recommendation_answers_from_the_persons_answers(stack: Stack) -> None:
    (before,) = talk(stack, "why not data scientist?")
    assert "haven't recommended a role to you yet" in texts(before)[0]
    me = f"reading-{uuid.uuid4().hex[:8]}"
    click_to_ml_engineer(stack, me, stack.say(me, "help me choose"))
    said = stack.say(me, "how come it's not data scientist?")
    TRANSCRIPTS.extend(
        ["YOU: (the guided path, clicked through to ML engineer)", "YOU: how come it's not data scientist?"]
    )
    TRANSCRIPTS.extend(f"BOT: {r.get('text')}" for r in said)
    why = texts(said)[0]
    assert why.startswith("Why Machine Learning Engineer and not Data Scientist: from your 6 answers")
    assert "- For Machine Learning Engineer: you " in why
    assert [b["title"] for b in said[0]["buttons"]][
        0
    ] == "Compare Machine Learning Engineer and Data Scientist"


def test_choosing_between_two_runs_only_their_questions(stack: Stack) -> None:
    (said,) = talk(stack, "help me choose between data engineering and MLOps")
    first = texts(said)
    assert first[0].startswith("Let's choose between Data Engineer and MLOps Engineer")
    assert any(t.startswith("Question 1 of") for t in first)


def test_a_question_beside_the_guided_path_is_answered_before_its_first_question(stack: Stack) -> None:
    # The path asks a question and waits for the answer: the other question cannot come after.
    (said,) = talk(
        stack, "help me choose between data engineering and MLOps, and what do MLOps engineers earn?"
    )
    first = [str(r.get("text") or "") for r in said]
    pay = next(i for i, t in enumerate(first) if t.startswith("MLOps Engineer"))
    choose = next(
        i for i, t in enumerate(first) if t.startswith("Let's choose between Data Engineer and MLOps")
    )
    assert pay < choose
    assert "$" in first[pay] and len(first[pay]) <= MAX_CHARS
    # The answer keeps the button its text names; no "Was this helpful?" before the path's question.
    assert any("salary figures" in b["title"] for b in said[pay]["buttons"])
    assert not any(t.startswith("Was this helpful") for t in first)
    assert first[-1].startswith("Question 1 of") and said[-1]["buttons"]  # the path's own buttons
    # "Help me choose" above the path's question would start it over and lose the two roles.
    assert not any(b["title"] == "Help me choose" for r in said[:-1] for b in r.get("buttons") or [])


def test_a_question_beside_the_guided_path_uses_the_skills_told_with_it(stack: Stack) -> None:
    (said,) = talk(
        stack,
        "I know Python and SQL. Help me choose between data engineer and MLOps engineer, and what's my "
        "skill gap for MLOps engineer?",
    )
    first = [str(r.get("text") or "") for r in said]
    assert first[0].startswith("You know")
    gap = next(t for t in first if t.startswith("MLOps Engineer: you have"))
    assert not gap.startswith("MLOps Engineer: you have 0 of")  # Python and SQL were counted
    assert first[-1].startswith("Question 1 of")


def test_the_aspect_in_focus_carries_into_a_comparison(stack: Stack) -> None:
    _, compared = talk(stack, "how much do data engineers earn?", "what about compared with statisticians?")
    assert texts(compared)[0].startswith("Statistician vs Data Engineer: salary")


def test_a_correction_in_other_words_removes_the_skill(stack: Stack) -> None:
    _, corrected = talk(stack, "I know R and SQL", "actually scratch R")
    assert texts(corrected)[0] == "Done: I've forgotten what you said about R."


def test_a_question_about_one_figure_names_its_source(stack: Stack) -> None:
    _, source = talk(stack, "what's the outlook for data scientists?", "is that 36% from the BLS?")
    answer = texts(source)[0]
    assert answer.startswith(
        "That figure (+36%, projected employment growth) is from US Bureau of Labor Statistics"
    )
    assert "2023-2033" in answer


def test_advice_from_the_knowledge_base_never_invents_a_figure(stack: Stack) -> None:
    (maths,) = talk(stack, "which data job needs the most maths?")
    assert texts(maths)[0].startswith(
        "Ranked by how many of each role's core skills are maths and statistics"
    )
    assert "- Statistician: 3 of 5 core skills" in texts(maths)[0]
    (duration,) = talk(stack, "how long does it take to become an MLOps engineer?")
    assert texts(duration)[0].startswith(
        "No source I use gives how long it takes to become an MLOps Engineer"
    )
    (ai,) = talk(stack, "will AI replace data analysts?")
    assert texts(ai)[0].startswith("No source I use predicts how AI will change")
    assert "Bureau of Labor Statistics" in texts(ai)[0]
    (age,) = talk(stack, "am I too old at 52 to become a data analyst?")
    assert texts(age)[0].startswith("No source I use gives anyone's chances of being hired by age")


def test_another_language_is_answered_in_english_with_an_example(stack: Stack) -> None:
    (said,) = talk(stack, "Was verdient ein Datenwissenschaftler?")
    assert texts(said)[0].startswith("I can only answer in English, sorry: your message looks like German.")
    assert "What does a data scientist earn?" in texts(said)[0]
    (english,) = talk(stack, "DS vs DE")
    assert "only answer in English" not in " ".join(texts(english))


def test_a_part_answered_with_a_response_keeps_its_words(stack: Stack) -> None:
    (said,) = talk(stack, "I know SQL. What does a dentist earn?")
    text = " ".join(texts(said))
    assert "You know SQL." in text and "{" not in text  # the response's variables are filled


def test_the_webhook_with_a_trailing_slash_is_checked_like_the_other(stack: Stack) -> None:
    import requests

    url = f"{stack.url}/webhooks/rest/webhook/"
    assert requests.post(url, data=b"not json", timeout=30).status_code == 400
    answered = requests.post(url, json={"sender": "slash", "message": "hi"}, timeout=60)
    assert answered.status_code == 200 and answered.json()
