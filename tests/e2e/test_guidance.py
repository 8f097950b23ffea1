"""Personal guidance through the REST channel with the real servers (issue 13): skills told over
several turns and corrected, then the gap, the roadmap, the closest role and a move from the
person's background; the told skills survive a restart of the Rasa server."""

from __future__ import annotations

import uuid

from harness.servers import Stack


def sender() -> str:
    return f"guidance-{uuid.uuid4().hex[:8]}"


def tell_and_correct(stack: Stack, me: str) -> None:
    assert stack.text(me, "hi, I'm a software developer").startswith(
        "Noted: your background is Software developer."
    )
    assert stack.text(me, "I know Python and SQL pretty well") == "You know Python for data work and SQL."
    said = stack.text(me, "a bit of statistics, but I've never used the cloud")
    assert said == (
        "You have a start in Statistics and probability. Not yet: Cloud platforms (AWS, Google Cloud, Azure)."
    )
    assert stack.text(me, "actually I don't know SQL") == "Not yet: SQL."


def test_a_career_changer_gets_answers_built_from_what_they_said(stack: Stack) -> None:
    me = sender()
    tell_and_correct(stack, me)
    gap = stack.text(me, "what else do I need to become a data engineer?")
    assert gap.startswith("Data Engineer: you have 1 of 7 core skills (Python for data work).")
    assert "Core to learn, in order: SQL, Data modelling," in gap  # the correction counts
    assert len(gap) <= 600
    roadmap = stack.text(me, "give me a roadmap")  # the role stays in context
    assert roadmap.startswith("Roadmap to Data Engineer (1 of 7 core skills now")
    assert "1. Programming: get SQL to 'enough to start'" in roadmap
    closest = stack.text(me, "which role am I closest to?")
    assert closest.startswith(
        "Closest roles by the core skills you have:\n- Machine Learning Engineer: 2 of 6"
    )
    move = stack.text(me, "how do I move from my background into machine learning engineering?")
    assert move.startswith(
        "From Software developer to Machine Learning Engineer: 2 of 6 core skills carry over"
    )
    assert "New for you: Machine learning, Deep learning" in move


def test_a_beginner_with_no_background_is_told_plainly_and_still_helped(stack: Stack) -> None:
    me = sender()
    noted = stack.text(me, "I'm a total beginner, I've never written any code")
    assert (
        noted
        == "Noted: your background is Student or beginner with no experience. Not yet: Programming basics."
    )
    assert stack.text(me, "which role am I closest to?").startswith(
        "You haven't told me any skill you have yet"
    )
    move = stack.text(me, "how do I become a data analyst?")
    assert move.startswith("From Student or beginner with no experience to Data Analyst: you start at 0 of 7")
    assert "Roadmap: Spreadsheets" in move
    assert "I don't have COBOL in my list of data skills" in stack.text(me, "I know COBOL")


def test_told_skills_survive_a_restart_of_the_rasa_server(stack: Stack) -> None:
    me = sender()
    tell_and_correct(stack, me)
    stack.kill_rasa()
    stack.start_rasa()
    profile = stack.text(me, "what do you know about me?")
    assert "- Background: Software developer" in profile
    assert "- You know: Python for data work" in profile
    assert "- Not yet: Cloud platforms (AWS, Google Cloud, Azure) and SQL" in profile
    assert (
        stack.text(me, "forget statistics")
        == "Done: I've forgotten what you said about Statistics and probability."
    )
    assert "Statistics" not in stack.text(me, "what do you know about me?")
