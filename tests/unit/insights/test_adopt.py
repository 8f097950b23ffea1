"""What `make adopt` tells a person about the review file they labelled, before any training:
every problem with its line, what it writes to data/nlu/adopted.yml, and when the figures dropped."""

from __future__ import annotations

import yaml
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

from insights import adopt

INTENTS = {"ask_role_salary", "ask_role_overview", "out_of_scope", "greet"}
ENTITIES = {"role", "place"}
# A review file as `make review` writes it, after a person renamed the first intent.
REVIEW = """\
version: "3.1"
# Messages the assistant could not answer. Rename each intent to what the message means.
nlu:
- intent: ask_role_salary
  examples: |
    # guessed nlu_fallback 0.21
    - yo whats the bag for a data scientist
    - how fat is a [data engineer](role)'s paycheck  # guessed ask_role_salary 0.38
- intent: nlu_fallback
  examples: |
    - blorp glorp
- intent: greet
  examples: |
    - I code in C# all day # not a guess comment, part of the message
"""


def checked(
    text: str, training: dict[str, str] | None = None, held_out: dict[str, str] | None = None
) -> adopt.Checked:
    examples, problems = adopt.read(text)
    assert problems == []
    return adopt.check(examples, INTENTS, ENTITIES, training or {}, held_out or {})


def messages(result: adopt.Checked) -> list[str]:
    return [str(p) for p in result.problems]


def test_each_example_is_read_with_its_line_without_the_guess_comments() -> None:
    examples, problems = adopt.read(REVIEW)
    assert problems == []
    assert [(e.line, e.intent, e.plain) for e in examples] == [
        (7, "ask_role_salary", "yo whats the bag for a data scientist"),
        (8, "ask_role_salary", "how fat is a data engineer's paycheck"),
        (11, "nlu_fallback", "blorp glorp"),
        (14, "greet", "I code in C# all day # not a guess comment, part of the message"),
    ]
    assert examples[1].entities == ("role",)


def test_a_file_that_is_not_yaml_names_its_line() -> None:
    _, problems = adopt.read(
        'version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n    - hi\n  bad: [unclosed\n'
    )
    assert len(problems) == 1 and "not valid YAML" in str(problems[0])
    assert str(problems[0]).startswith("line ")


def test_a_file_without_intent_blocks_is_explained() -> None:
    assert [str(p) for p in adopt.read("just some words\n")[1]] == [
        'line 1: expected Rasa\'s NLU format: `version: "3.1"` then `nlu:` with `- intent:` blocks'
    ]
    assert "`nlu:` followed by a list" in str(adopt.read('version: "3.1"\nnlu: hello\n')[1][0])


def test_blocks_other_than_intents_and_bad_lines_are_refused_by_line() -> None:
    text = (
        'version: "3.1"\nnlu:\n- synonym: data scientist\n  examples: |\n    - ds\n'
        "- intent: greet\n  examples: |\n    hello there\n    - [unclosed](role\n"
    )
    assert [str(p) for p in adopt.read(text)[1]] == [
        "line 3: only intent examples can be adopted, not `synonym`: delete this block",
        "line 8: an example starts with '- ': 'hello there'",
        "line 9: an entity annotation is not closed: '[unclosed](role'",
    ]


def test_an_intent_the_domain_does_not_have_is_refused_with_a_suggestion() -> None:
    result = checked("nlu:\n- intent: ask_salary\n  examples: |\n    - what do analysts make\n")
    assert messages(result) == [
        "line 4: `ask_salary` is not an intent of this assistant (domain.yml)."
        " Did you mean `ask_role_salary`?"
    ]
    assert result.adopt == []


def test_an_unknown_entity_is_refused() -> None:
    result = checked('nlu:\n- intent: greet\n  examples: |\n    - hi from [Paris]{"entity": "city"}\n')
    assert messages(result) == [
        'line 4: unknown entity `city` in \'hi from [Paris]{"entity": "city"}\''
        " (domain.yml lists the entities)"
    ]


def test_examples_left_as_the_fallback_guess_are_skipped_not_adopted() -> None:
    result = checked(REVIEW)
    assert [e.plain for e in result.skipped] == ["blorp glorp"]
    assert [e.line for e in result.adopt] == [7, 8, 14]
    assert result.problems == []


def test_a_repeat_in_the_file_is_refused_whatever_its_case_and_spacing() -> None:
    text = (
        "nlu:\n- intent: greet\n  examples: |\n    - Hello  there\n"
        "- intent: out_of_scope\n  examples: |\n    - hello there\n"
    )
    assert messages(checked(text)) == ["line 7: 'hello there' repeats line 4: keep one of them"]


def test_an_example_already_in_data_is_refused_naming_the_file() -> None:
    result = checked(REVIEW, training={"yo whats the bag for a data scientist": "data/nlu/pay.yml"})
    assert messages(result) == [
        "line 7: 'yo whats the bag for a data scientist' is already in data/nlu/pay.yml: delete the line"
    ]


def test_a_held_out_phrasing_is_refused_naming_its_set() -> None:
    result = checked(REVIEW, held_out={"yo whats the bag for a data scientist": "tests/nlu/hard.yml"})
    assert len(result.problems) == 1
    assert str(result.problems[0]).startswith(
        "line 7: 'yo whats the bag for a data scientist' is a held-out phrasing (tests/nlu/hard.yml)"
    )


def test_a_held_out_phrasing_with_a_word_changed_is_refused() -> None:
    examples, _ = adopt.read(REVIEW)
    held_out = {"yo whats the bag for a data analyst": "tests/nlu/hard.yml"}
    result = adopt.check(
        examples,
        INTENTS,
        ENTITIES,
        {},
        held_out,
        lambda t: next((h for h in held_out if t[:20] == h[:20]), None),
    )
    assert messages(result) == [
        "line 7: 'yo whats the bag for a data scientist' is a held-out phrasing with a word changed "
        "('yo whats the bag for a data analyst', tests/nlu/hard.yml). Delete the line."
    ]


def test_adopted_examples_append_grouped_by_intent_in_rasa_format() -> None:
    first = checked(REVIEW).adopt
    written = adopt.appended(None, first, "reviews/one.yml", "2026-12-01 23:00 UTC")
    second = checked(
        "nlu:\n- intent: ask_role_overview\n  examples: |\n    - gimme the lowdown on data eng\n"
    ).adopt
    written = adopt.appended(written, second, "reviews/two.yml", "2026-12-02 09:00 UTC")
    assert "# adopted 2026-12-01 23:00 UTC from reviews/one.yml\n- intent: ask_role_salary\n" in written
    assert "# adopted 2026-12-02 09:00 UTC from reviews/two.yml\n- intent: ask_role_overview\n" in written
    # Rasa reads it back as the same examples, entity annotations included.
    data = RasaYAMLReader().reads(written)
    assert [(m.get("intent"), m.get("text")) for m in data.intent_examples] == [
        ("ask_role_salary", "yo whats the bag for a data scientist"),
        ("ask_role_salary", "how fat is a data engineer's paycheck"),
        ("greet", "I code in C# all day # not a guess comment, part of the message"),
        ("ask_role_overview", "gimme the lowdown on data eng"),
    ]
    assert [e["value"] for e in data.intent_examples[1].get("entities")] == ["data engineer"]
    assert yaml.safe_load(written)["version"] == "3.1"


def test_domain_names_read_plain_and_configured_intents() -> None:
    intents, entities = adopt.domain_names(
        "intents:\n- greet\n- out_of_scope:\n    use_entities: []\n"
        "entities:\n- role\n- place:\n    roles: [a]\n"
    )
    assert (intents, entities) == ({"greet", "out_of_scope"}, {"role", "place"})


FIGURES = {f.name: 0.9 for f in adopt.FIGURES} | {"in-scope questions turned away": 0.02}


def test_any_drop_of_any_figure_refuses_and_a_rise_of_turned_away_is_a_drop() -> None:
    assert adopt.drops(FIGURES, FIGURES) == []
    better = FIGURES | {"off-topic recall": 0.95, "in-scope questions turned away": 0.01}
    assert adopt.drops(FIGURES, better) == []
    worse = FIGURES | {"hard set intent accuracy": 0.8999, "in-scope questions turned away": 0.03}
    assert adopt.drops(FIGURES, worse) == [
        "in-scope questions turned away went from 0.0200 to 0.0300",
        "hard set intent accuracy went from 0.9000 to 0.8999",
    ]


def test_the_table_shows_each_figure_before_and_after_and_marks_the_worse() -> None:
    rows = adopt.table(FIGURES, FIGURES | {"off-topic recall": 0.85}).splitlines()
    assert rows[0].split() == ["held-out", "figure", "before", "after", "change"]
    assert len(rows) == 2 + len(adopt.FIGURES)
    recall = next(r for r in rows if r.startswith("off-topic recall"))
    assert recall.split()[-4:] == ["0.900", "0.850", "-0.0500", "worse"]
    assert not any(r.endswith("worse") for r in rows if r is not recall)
