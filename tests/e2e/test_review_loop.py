"""The review loop of issue 19, end to end: a message the assistant cannot answer, the review
file, a person's label, `python -m scripts.adopt`, and the same message answered by a real Rasa
server on the retrained model. Also what adopt refuses: labels that make the held-out figures
drop, and a held-out phrasing.

Adopt runs on a copy of the project (`--root`), so these tests never change data/ or models/ of
the working tree; each retrain takes about a minute and a half.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from harness.servers import BIN, ENV, MODEL, ROOT, running_stack
from insights.adopt import ADOPTED

# Found by parsing slangy phrasings with the current model: it falls back on this one (and asks
# which of a few guesses was meant), though it is a plain pay question; its best guess is at 0.13,
# well under the fallback's 0.25. (It was "yo whats the bag for a data scientist" until
# data/nlu/variety.yml taught the model "the bag", then "yo whats the moolah situation for data
# scientists" until the careful intent model, which reads meaning, brought it to the threshold.)
UNANSWERED = "data scientist moolah situation??"
FALLBACK_REPLY = "I'm not sure I understood. Did you mean one of these?"  # utter_did_you_mean


def write_review(path: Path, guesses: dict[str, list[tuple[str, str, float]]]) -> None:
    """A labelled file as a person could write it by hand (the refusal tests need many messages
    at once): one `- intent:` block per intent. The loop test uses the real `make review`."""
    lines = ['version: "3.1"', "# Messages the assistant could not answer. Rename each intent.", "nlu:"]
    for intent, examples in guesses.items():
        lines += [f"- intent: {intent}", "  examples: |"]
        lines += [
            f"    - {text}  # guessed {guessed} {confidence:.2f}" for text, guessed, confidence in examples
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def review(workdir: Path, out: Path) -> Path:
    """`make review` (python -m scripts.review) on the store the servers of `workdir` used."""
    command = [str(BIN / "python"), "-m", "scripts.review", "--endpoints", str(workdir / "endpoints.yml")]
    made = subprocess.run(
        [*command, "--out", str(out)], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=300
    )
    assert made.returncode == 0, made.stdout + made.stderr
    return Path(made.stdout.strip().rpartition(": ")[2])


def label_message(path: Path, message: str, intent: str) -> None:
    """What the person does in the review file: the block of `message` gets its right intent."""
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index(f"    - {message}")
    assert lines[at - 3].startswith("# guessed "), lines[at - 3]  # the model's guess, as a comment
    assert lines[at - 2].startswith("- intent: ")
    lines[at - 2] = f"- intent: {intent}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def label(path: Path, guessed: str, intent: str) -> None:
    """What the person does: rename the guessed intent to the one the messages mean."""
    text = path.read_text(encoding="utf-8")
    assert f"- intent: {guessed}\n" in text
    path.write_text(text.replace(f"- intent: {guessed}\n", f"- intent: {intent}\n"), encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """What adopt reads and writes: config, domain, training data and the current model."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("config.yml", "domain.yml"):
        shutil.copy2(ROOT / name, copy / name)
    shutil.copytree(ROOT / "data", copy / "data")
    (copy / "models").mkdir()
    shutil.copy2(MODEL, copy / "models" / MODEL.name)
    return copy


def adopt(project: Path, review: Path) -> subprocess.CompletedProcess[str]:
    command = [str(BIN / "python"), "-m", "scripts.adopt", str(review), "--root", str(project)]
    return subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=900)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree(path: Path) -> dict[str, str]:
    return {str(f.relative_to(path)): digest(f) for f in sorted(path.rglob("*")) if f.is_file()}


@pytest.fixture
def working_tree_untouched() -> Iterator[None]:
    """Whatever a test does to its copy, the working tree's data/ and model stay as they were."""
    data, model = tree(ROOT / "data"), digest(MODEL)
    yield
    assert tree(ROOT / "data") == data
    assert digest(MODEL) == model


def test_a_message_not_understood_is_answered_after_review_label_and_adopt(
    project: Path, tmp_path: Path, working_tree_untouched: None, artifacts: Path
) -> None:
    with running_stack(tmp_path / "before") as stack:
        before = stack.text(f"review-{uuid.uuid4().hex[:8]}", UNANSWERED)
    assert before.startswith(FALLBACK_REPLY) and "$" not in before, before
    reviewed = review(tmp_path / "before", tmp_path / "reviews")
    assert f"    - {UNANSWERED}\n" in reviewed.read_text(encoding="utf-8")
    label_message(reviewed, UNANSWERED, "ask_role_salary")

    done = adopt(project, reviewed)
    (artifacts / "adopt_review_loop.txt").write_text(done.stdout + done.stderr, encoding="utf-8")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Adopted 1 example(s)" in done.stdout and "no held-out figure dropped" in done.stdout
    rows = {
        name: rest.split() for name, _, rest in (line.partition("  ") for line in done.stdout.splitlines())
    }
    for figure in ("held-out intent macro-F1", "off-topic recall", "hard set intent accuracy"):
        before, after, change = rows[figure][:3]
        assert float(after) >= float(before) and not change.startswith("-"), done.stdout
    adopted = (project / ADOPTED).read_text(encoding="utf-8")
    assert f"- intent: ask_role_salary\n  examples: |\n    - {UNANSWERED}\n" in adopted
    assert digest(project / "models" / MODEL.name) != digest(MODEL)

    with running_stack(tmp_path / "after", model=project / "models" / MODEL.name) as retrained:
        answer = retrained.text(f"review-{uuid.uuid4().hex[:8]}", UNANSWERED)
    assert answer.startswith("Data Scientists: salary"), answer
    assert "$" in answer


def test_labels_that_make_a_figure_drop_are_refused_and_nothing_changes(
    project: Path, tmp_path: Path, working_tree_untouched: None, artifacts: Path
) -> None:
    # A person who marks plain career questions as off-topic teaches the model to turn them away:
    # five figures dropped when this was written (macro-F1, both off-topic recalls, the hard set,
    # in-scope turned away), so one more right answer somewhere cannot hide the damage.
    career_questions = [
        "what do data engineers earn these days",
        "how well paid are data analysts",
        "typical pay for a machine learning engineer",
        "how much cash does a data scientist take home",
        "what's the salary range for data analysts",
        "are ml engineers paid well",
        "how much would i earn as a data engineer",
        "what is the starting pay for a data scientist",
        "data analyst wages?",
        "how much can a data scientist expect to be paid",
        "what's a good salary for an ml engineer",
        "pay for data engineers in general",
        "what does a data analyst do all day",
        "describe the job of a machine learning engineer",
        "which skills does a data engineer need",
        "is data science a growing field",
        "how do i become a data scientist",
        "compare data analyst and data engineer",
        "in which data job is the pay the best",
        "what software do data scientists work with",
    ]
    review = tmp_path / "review.yml"
    write_review(review, {"nlu_fallback": [(q, "nlu_fallback", 0.2) for q in career_questions]})
    label(review, "nlu_fallback", "out_of_scope")
    data, model = tree(project / "data"), digest(project / "models" / MODEL.name)

    done = adopt(project, review)
    (artifacts / "adopt_refused_drop.txt").write_text(done.stdout + done.stderr, encoding="utf-8")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Not adopted: the held-out figures dropped: " in done.stderr
    assert "worse" in done.stdout  # the table marks the figure that dropped
    assert "Traceback" not in done.stderr
    assert tree(project / "data") == data
    assert [p.name for p in (project / "models").iterdir()] == [MODEL.name]
    assert digest(project / "models" / MODEL.name) == model


def test_a_held_out_phrasing_is_refused_by_line_before_any_training(
    project: Path, tmp_path: Path, working_tree_untouched: None
) -> None:
    held_out = "wat is a data scietist anyway"  # tests/nlu/hard.yml
    review = tmp_path / "review.yml"
    write_review(
        review, {"ask_role_salary": [(UNANSWERED, "nlu_fallback", 0.25), (held_out, "ask_role_salary", 0.4)]}
    )
    data, model = tree(project / "data"), digest(project / "models" / MODEL.name)

    done = adopt(project, review)
    assert done.returncode == 1
    assert "Measuring" not in done.stdout  # refused before the slow part
    assert f"line 7: '{held_out}' is a held-out phrasing (tests/nlu/hard.yml)" in done.stderr
    assert "Traceback" not in done.stderr
    assert tree(project / "data") == data
    assert digest(project / "models" / MODEL.name) == model
