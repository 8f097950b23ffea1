"""Reading people as they write (issue 10), through the REST channel with the real servers."""

from __future__ import annotations

import uuid
from pathlib import Path

from harness.servers import Stack


def sender() -> str:
    return f"reading-{uuid.uuid4().hex[:8]}"


def test_a_person_who_misspells_follows_up_tersely_asks_abroad_and_describes_themselves(
    stack: Stack, artifacts: Path
) -> None:
    """One whole conversation, kept as a transcript in test-artifacts/ for people to read."""
    me, transcript = sender(), []

    def say(message: str) -> str:
        replies = stack.say(me, message)
        text = "\n".join(m.get("text", "") for m in replies)
        buttons = [b["title"] for m in replies for b in m.get("buttons", [])]
        transcript.append(f"> {message}\n{text}" + (f"\n[buttons: {' | '.join(buttons)}]" if buttons else ""))
        return text

    assert say("wat does a data scietist earn").startswith("Data Scientists: salary")
    assert say("and the tools?").startswith("Data Scientists: tools and frameworks")
    # The aspect in focus carries into the comparison (issue 17).
    assert say("compare with machin learning enginers").startswith(
        "Machine Learning Engineer vs Data Scientist: tools and frameworks"
    )
    assert say("what about salary then").startswith("Machine Learning Engineer vs Data Scientist: salary")
    abroad = say("ok and how much do they make in brazil?")
    assert abroad.splitlines()[0] == "My salary figures are for the US; I have none for Brazil."
    assert "$125,558" in abroad and "$129,189" in abroad
    described = say(
        "i'm good with numbers and love explaining things to people, not so much coding. which job fits me?"
    )
    assert described.startswith(
        "From what you said, you are strongest in statistics and like explaining results"
    )
    assert "Question 3 of 6: Which part of data work do you enjoy most?" in described
    assert "strength" not in described.lower()
    (artifacts / "transcript_reading_people.txt").write_text("\n\n".join(transcript) + "\n", encoding="utf-8")


def test_the_other_one_after_a_comparison_and_a_role_in_focus(stack: Stack) -> None:
    me = sender()
    stack.text(me, "data scientist vs ml engineer skills")
    assert stack.text(me, "what about data scientists?").startswith("Data Scientists: skills")
    assert stack.text(me, "and the other one?").startswith("Machine Learning Engineers: skills")


def test_each_question_beyond_the_figures_says_so_first(stack: Stack) -> None:
    cases = {
        # A level: BLS's percentiles, said first as not the pay of a level (issue 18).
        "what do senior data scientists earn": "BLS publishes no pay by level.",
        "ml engineer salary at big tech": "I have none for big tech in particular.",
        "how much will data scientists earn in 2040": "run to May 2025 at the latest; I have none for 2040.",
        # Pay by state exists now; growth by state does not.
        "are data scientists in demand in california": "are US-wide; I have none for California on its own.",
    }
    for question, first in cases.items():
        answer = stack.text(sender(), question)
        assert first in answer.splitlines()[0], (question, answer)


def test_an_uncovered_occupation_in_a_comparison_is_said_not_covered(stack: Stack) -> None:
    answer = stack.text(sender(), "dentist vs data scientist, who earns more?")
    assert answer.startswith(
        'Sorry, "dentist" is not a role I cover, so I can\'t compare it with Data Scientists.'
    )


def test_acknowledgements_and_a_stray_stop_get_next_steps_not_apologies(stack: Stack) -> None:
    me = sender()
    stack.text(me, "what does an ML engineer do?")
    for message in ("ok", "cool", "got it", "stop"):
        [reply] = stack.say(me, message)
        assert reply["text"] == "Good. Where to next?", message
        assert reply["buttons"][-1]["title"] == "Help me choose"


def test_a_free_text_path_answer_with_a_negation_is_read_and_said_back(stack: Stack) -> None:
    me = sender()
    stack.say(me, "/start_path")
    for option in ("building", "software", "train_models"):
        stack.say(me, f'/answer_path{{"path_option": "{option}"}}')
    answer = stack.text(me, "not really into presenting")
    assert answer.startswith('I took that as "Behind the scenes".')
    assert "Question 5 of 6" in answer
