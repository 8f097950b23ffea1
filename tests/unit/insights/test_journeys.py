"""The guided path's funnel, the recommendations and what followed them, feedback per kind."""

from __future__ import annotations

from harness import events as ev
from insights.journeys import BEFORE_FIRST, Journeys, questions

T = 1_764_547_200.0


def ask(number: int, qid: str) -> ev.Event:
    text = dict(questions())[qid]
    return ev.bot(f"Question {number} of 6: {text}", T)


def run(*conversations: list[ev.Event]) -> Journeys:
    journeys = Journeys()
    for events in conversations:
        journeys.add(events)
    return journeys


def started() -> list[ev.Event]:
    return [ev.user("help me choose", "start_path", T), ev.action("action_start_path", T)]


def test_the_funnel_counts_each_step_once_per_path_and_where_people_left() -> None:
    finished = [
        *started(),
        ask(1, "enjoy"),
        ask(1, "enjoy"),  # asked again after an interruption: still one path at question 1
        ask(2, "strength"),
        ev.slot("path_result", "data_engineer", T),
        ev.user("what would I need to learn?", "ask_skill_gap", T),
    ]
    left_at_two = [*started(), ask(1, "enjoy"), ask(2, "strength"), ev.user("bye", "goodbye", T)]
    left_at_once = started()
    restarted = [*started(), ask(1, "enjoy"), *started(), ask(1, "enjoy")]
    journeys = run(finished, left_at_two, left_at_once, restarted)
    assert journeys.started == 5
    assert journeys.reached == {1: 4, 2: 2}
    assert journeys.results == 1
    assert journeys.left_at == {"strength": 1, BEFORE_FIRST: 1, "enjoy": 2}


def test_recommendations_and_what_people_did_next() -> None:
    def recommended(role: str, *then: ev.Event) -> list[ev.Event]:
        return [*started(), ev.slot("path_result", role, T), *then]

    journeys = run(
        recommended(
            "data_engineer", ev.user("/feedback", "feedback", T), ev.user("gap?", "ask_skill_gap", T)
        ),
        recommended("data_engineer", ev.user("compare", "compare_roles", T)),
        recommended("data_scientist", ev.user("why not MLE?", "ask_why_not", T)),
        recommended("data_scientist", ev.user("salary?", "ask_role_salary", T)),
        recommended("data_analyst"),
    )
    assert journeys.recommendations == {"data_engineer": 2, "data_scientist": 2, "data_analyst": 1}
    assert journeys.next_steps == {
        "asked the gap": 1,
        "compared": 1,
        "asked why not another": 1,
        "asked something else": 1,
        "left": 1,
    }


def test_feedback_counts_the_last_rating_of_each_rated_answer() -> None:
    def rated(kind: str, rating: str, missing: str | None = None) -> ev.Event:
        return ev.slot("feedback", {"kind": kind, "rating": rating, "missing": missing}, T)

    roles, compare = "action_answer_role_question", "action_compare_roles"
    journeys = run(
        [
            ev.action(roles, T),
            rated(roles, "down"),
            rated(roles, "down", "the salary in Berlin, mail me: ann@example.com"),
            ev.action(roles, T),
            rated(roles, "up"),
            ev.action(compare, T),
            rated(compare, "up"),
            rated(compare, "down"),  # changed their mind about the same answer
        ]
    )
    assert journeys.feedback == {roles: {"down": 1, "up": 1}, compare: {"down": 1}}
    assert journeys.missing == {(roles, "the salary in Berlin, mail me: [email]"): 1}
