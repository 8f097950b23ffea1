"""Adopting what people labelled in a review file (`make review`, then `make adopt FILE=...`).

The review file is Rasa's NLU training-data format (YAML, `nlu:` a list of `- intent:` blocks with
`examples: |`), with the model's guess and confidence as `# guessed <intent> <confidence>`
comments. A person renames intents and deletes lines; this module reads what they left, checks
it, and writes what passes to data/nlu/adopted.yml. Retraining and the held-out figures before
and after are scripts/adopt.py's; whether the figures dropped is decided here.

Every problem names the line of the review file, so a person can fix it there and run again.
Nothing is adopted while any problem remains: a half-adopted file would leave the person unsure
which lines made it in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path

import yaml

# What the model says when it is unsure (FallbackClassifier): a guess, never something to learn.
FALLBACK = "nlu_fallback"
# The review writer's comment after an example, inside the `|` block (so YAML keeps it as text).
# Only this exact form is cut, so that a '#' people type ("C# developer") stays in the message.
GUESS_COMMENT = re.compile(r"\s+#\s*guessed\b.*$")
# An annotation Rasa did not read as one: `[text](` or `[text]{` left in the plain text.
BROKEN_ANNOTATION = re.compile(r"\]\s*[({]")
ADOPTED = Path("data") / "nlu" / "adopted.yml"
ADOPTED_HEADER = (
    'version: "3.1"\n'
    "# Messages people sent that the assistant could not answer, labelled by a person from a review\n"
    "# file (`make review`) and added by `make adopt`, which checked them and the held-out figures.\n"
    "nlu:\n"
)


@dataclass(frozen=True)
class Labelled:
    """One example of the review file, as the person left it."""

    line: int  # 1-based, in the review file
    intent: str
    text: str  # as written, entity annotations included: what goes into data/
    plain: str  # what the person typed: the text without annotations
    entities: tuple[str, ...] = ()


@dataclass(frozen=True)
class Problem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class Checked:
    adopt: list[Labelled]
    skipped: list[Labelled]  # left as the fallback guess: not labelled
    problems: list[Problem]


def normalise(text: str) -> str:
    """When two messages are the same phrasing: they differ only in case and spacing. Also what
    tests/nlu (through harness/heldout.py) use to keep held-out phrasings out of data/."""
    return " ".join(text.lower().split())


def _annotations(text: str) -> tuple[str, tuple[str, ...]]:
    # Rasa's own parser, so an example means here exactly what it will mean in training.
    from rasa.shared.nlu.training_data import entities_parser

    entities = entities_parser.find_entities_in_training_example(text)
    return entities_parser.replace_entities(text), tuple(e["entity"] for e in entities)


def read(text: str) -> tuple[list[Labelled], list[Problem]]:
    """The examples of a review file, each with its line; or why the file cannot be read."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or str(error)
        return [], [Problem(mark.line + 1 if mark else 0, f"this is not valid YAML ({reason})")]
    if not isinstance(root, yaml.MappingNode):
        return [], [
            Problem(1, 'expected Rasa\'s NLU format: `version: "3.1"` then `nlu:` with `- intent:` blocks')
        ]
    nlu = next((v for k, v in root.value if k.value == "nlu"), None)
    if not isinstance(nlu, yaml.SequenceNode):
        line = nlu.start_mark.line + 1 if nlu else 1
        return [], [Problem(line, "expected `nlu:` followed by a list of `- intent:` blocks")]
    examples: list[Labelled] = []
    problems: list[Problem] = []
    for item in nlu.value:
        found, wrong = _read_block(item)
        examples += found
        problems += wrong
    return examples, problems


def _read_block(item: yaml.Node) -> tuple[list[Labelled], list[Problem]]:
    line = item.start_mark.line + 1
    if not isinstance(item, yaml.MappingNode):
        return [], [Problem(line, "expected an `- intent:` block with `examples: |`")]
    fields = {k.value: v for k, v in item.value}
    if "intent" not in fields:
        kind = next(iter(fields), "this block")
        return [], [Problem(line, f"only intent examples can be adopted, not `{kind}`: delete this block")]
    intent_node, examples_node = fields["intent"], fields.get("examples")
    intent = str(intent_node.value).strip() if isinstance(intent_node, yaml.ScalarNode) else ""
    if not intent:
        return [], [Problem(line, "the intent has no name")]
    if not isinstance(examples_node, yaml.ScalarNode):
        return [], [
            Problem(line, f"`{intent}` needs its examples as `examples: |` then one `- message` a line")
        ]
    # A `|` block keeps its lines: its n-th line is the file's line after the `|`, plus n.
    first = (
        examples_node.start_mark.line + 2 if examples_node.style == "|" else examples_node.start_mark.line + 1
    )
    found: list[Labelled] = []
    problems: list[Problem] = []
    for offset, raw in enumerate(str(examples_node.value).splitlines()):
        here = first + offset if examples_node.style == "|" else first
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not stripped.startswith("-"):
            problems.append(Problem(here, f"an example starts with '- ': {stripped!r}"))
            continue
        written = GUESS_COMMENT.sub("", stripped[1:]).strip()
        if not written:
            problems.append(Problem(here, "this example is empty: delete the line"))
            continue
        plain, entities = _annotations(written)
        if BROKEN_ANNOTATION.search(plain):
            problems.append(Problem(here, f"an entity annotation is not closed: {written!r}"))
            continue
        found.append(Labelled(here, intent, written, plain, entities))
    return found, problems


def check(
    examples: Iterable[Labelled],
    intents: Iterable[str],
    entities: Iterable[str],
    training: Mapping[str, str],
    held_out: Mapping[str, str],
    near_copy: Callable[[str], str | None] = lambda text: None,
) -> Checked:
    """Which examples can be adopted. `training` and `held_out` map normalised texts to where
    they are (data/ file, held-out set); `near_copy` finds a held-out phrasing one word away."""
    known_intents, known_entities = set(intents), set(entities)
    adopt: list[Labelled] = []
    skipped: list[Labelled] = []
    problems: list[Problem] = []
    seen: dict[str, Labelled] = {}
    for example in examples:
        if example.intent == FALLBACK:
            skipped.append(example)
            continue
        wrong = _problem(example, known_intents, known_entities, training, held_out, seen, near_copy)
        if wrong:
            problems.append(Problem(example.line, wrong))
        else:
            adopt.append(example)
        seen.setdefault(normalise(example.plain), example)
    return Checked(adopt, skipped, problems)


def _problem(
    example: Labelled,
    intents: set[str],
    entities: set[str],
    training: Mapping[str, str],
    held_out: Mapping[str, str],
    seen: Mapping[str, Labelled],
    near_copy: Callable[[str], str | None],
) -> str | None:
    text = normalise(example.plain)
    if example.intent not in intents:
        close = get_close_matches(example.intent, sorted(intents), n=1)
        hint = f" Did you mean `{close[0]}`?" if close else ""
        return f"`{example.intent}` is not an intent of this assistant (domain.yml).{hint}"
    unknown = sorted(set(example.entities) - entities)
    if unknown:
        listed = ", ".join(f"`{e}`" for e in unknown)
        return f"unknown entity {listed} in {example.text!r} (domain.yml lists the entities)"
    if text in seen:
        return f"{example.plain!r} repeats line {seen[text].line}: keep one of them"
    if text in held_out:
        return (
            f"{example.plain!r} is a held-out phrasing ({held_out[text]}): those measure messages "
            "the model never saw, so it must not learn them. Delete the line."
        )
    copied = near_copy(text)
    if copied is not None:
        return (
            f"{example.plain!r} is a held-out phrasing with a word changed ({copied!r}, "
            f"{held_out.get(copied, 'a held-out set')}). Delete the line."
        )
    if text in training:
        return f"{example.plain!r} is already in {training[text]}: delete the line"
    return None


def domain_names(domain_yml: str) -> tuple[set[str], set[str]]:
    """The intents and entities a domain file declares (names, or one-key mappings with options)."""
    domain = yaml.safe_load(domain_yml) or {}

    def names(key: str) -> set[str]:
        return {next(iter(i)) if isinstance(i, dict) else str(i) for i in domain.get(key) or []}

    return names("intents"), names("entities")


def block(examples: Iterable[Labelled], source: str, when: str) -> str:
    """The examples as `- intent:` blocks for data/nlu/adopted.yml, grouped by intent in the
    order they first appear, under a comment naming the review file and the date."""
    by_intent: dict[str, list[str]] = {}
    for example in examples:
        by_intent.setdefault(example.intent, []).append(example.text)
    lines = [f"# adopted {when} from {source}"]
    for intent, texts in by_intent.items():
        lines += [f"- intent: {intent}", "  examples: |", *(f"    - {t}" for t in texts)]
    return "\n".join(lines) + "\n"


def appended(current: str | None, examples: Iterable[Labelled], source: str, when: str) -> str:
    """data/nlu/adopted.yml with `examples` added: `nlu:` is its last key, so blocks append."""
    start = current if current else ADOPTED_HEADER
    return start + ("" if start.endswith("\n") else "\n") + block(examples, source, when)


@dataclass(frozen=True)
class Figure:
    name: str
    higher_is_better: bool = True


# The held-out figures compared before and after (harness/understanding.py computes them).
FIGURES = (
    Figure("held-out intent macro-F1"),
    Figure("held-out role F1"),
    Figure("off-topic recall"),
    Figure("in-scope questions turned away", higher_is_better=False),
    Figure("hard set intent accuracy"),
    Figure("misspelt role F1"),
    Figure("everyday off-topic recall"),
    Figure("family intent accuracy"),
    Figure("family role F1"),
    Figure("whole-message parts answered"),
    Figure("whole messages fully answered"),
)


def drops(before: Mapping[str, float], after: Mapping[str, float]) -> list[str]:
    """The figures that got worse, any amount: training is deterministic (fixed seeds, no
    sampling), so a difference is the data's doing, never chance."""
    worse = []
    for figure in FIGURES:
        old, new = before[figure.name], after[figure.name]
        if (new < old) if figure.higher_is_better else (new > old):
            worse.append(f"{figure.name} went from {old:.4f} to {new:.4f}")
    return worse


def table(before: Mapping[str, float], after: Mapping[str, float]) -> str:
    width = max(len(f.name) for f in FIGURES)
    lines = [
        f"{'held-out figure':{width}}  before  after   change",
        f"{'-' * width}  ------  ------  -------",
    ]
    for figure in FIGURES:
        old, new = before[figure.name], after[figure.name]
        worse = (new < old) if figure.higher_is_better else (new > old)
        mark = "  worse" if worse else ""
        lines.append(f"{figure.name:{width}}  {old:.3f}   {new:.3f}   {new - old:+.4f}{mark}")
    return "\n".join(lines) + "\n"
