"""Rankings of the family: one series only, stand-ins marked, shared proxies one line."""

from __future__ import annotations

import dataclasses

from careers import knowledge, rank
from careers.knowledge import Figure, KnowledgeBase

KB = knowledge.load()


def _entry_roles(ranking: rank.Ranking) -> list[tuple[str, ...]]:
    return [e.roles for e in ranking.entries]


def test_pay_ranks_one_series_and_lists_the_others_as_not_comparable() -> None:
    ranking = rank.rank(KB, "salary")
    assert ranking is not None
    source, statistic, unit, geography, period = ranking.series
    assert (statistic, unit, geography, period) == ("median", "usd_per_year", "US", "May 2024")
    assert source == "US Bureau of Labor Statistics, Occupational Outlook Handbook"
    for entry in ranking.entries:
        for figure in entry.figures:
            assert rank.series_of(figure, KB) == ranking.series
    values = [e.figure.value for e in ranking.entries]
    assert values == sorted(values, reverse=True)
    # Roles with pay figures only from other sources are listed, never slotted in.
    assert {r for r, _ in ranking.not_comparable} == {
        "ai_engineer",
        "mlops_engineer",
        "machine_learning_engineer",
    }


def test_roles_sharing_one_proxy_figure_are_one_line_not_three_results() -> None:
    ranking = rank.rank(KB, "salary")
    assert ranking is not None
    assert ("data_scientist", "business_intelligence_analyst", "data_analyst") in _entry_roles(ranking)
    text = rank.brief(KB, ranking)
    assert (
        "Data Scientists = Business Intelligence Analysts (proxy) = Data Analysts (proxy): $112,590" in text
    )
    assert '"=": one shared figure, not separate results' in text
    assert len(text) <= 600
    assert text.endswith("Source: US Bureau of Labor Statistics, Occupational Outlook Handbook.")


def test_a_roles_own_figure_wins_over_its_group_figure() -> None:
    ranking = rank.rank(KB, "salary")
    assert ranking is not None
    dba = next(e for e in ranking.entries if "database_administrator" in e.roles)
    assert dba.figure.value == 104620 and dba.figure.own  # not the group median of 123,100


def test_full_ranking_cites_every_line_and_labels_proxies() -> None:
    ranking = rank.rank(KB, "outlook")
    assert ranking is not None
    text = rank.full(KB, ranking)
    assert text.startswith("Which data job is growing fastest? Projected growth, US, 2024-2034")
    assert "Data Engineers (proxy: SOC 15-1243 Database Architects)" in text
    assert "Statisticians (figure of a wider official group)" in text
    assert "Machine Learning Engineers: expected growth rate: +40%" in text  # not comparable, shown apart
    assert text.splitlines()[-1].startswith("Sources: US Bureau of Labor Statistics")


def _figure(value: float, source: str, kind: str = "median") -> Figure:
    return Figure(
        what="median annual pay",
        kind=kind,
        value=value,
        unit="usd_per_year",
        geography="US",
        period="2024",
        source=source,
        status="secondary",
    )


def _with_salaries(kb: KnowledgeBase, figures: dict[str, tuple[Figure, ...]]) -> KnowledgeBase:
    roles = {}
    for role_id, role in kb.roles.items():
        salary = dataclasses.replace(role.section("salary"), figures=figures.get(role_id, ()))
        roles[role_id] = dataclasses.replace(role, sections=dict(role.sections, salary=salary))
    return dataclasses.replace(kb, roles=roles)


def test_two_sources_mixed_are_never_ranked_together() -> None:
    # Three roles from PayScale, two from the article: the larger series is ranked, and the
    # article's higher figures are not slotted in between.
    kb = _with_salaries(
        KB,
        {
            "data_scientist": (_figure(100000, "payscale_2023"),),
            "data_analyst": (_figure(70000, "payscale_2023"),),
            "data_engineer": (_figure(90000, "payscale_2023"),),
            "machine_learning_engineer": (_figure(200000, "blockchain_council_2024"),),
            "ai_engineer": (_figure(150000, "blockchain_council_2024"),),
        },
    )
    ranking = rank.rank(kb, "salary")
    assert ranking is not None
    assert _entry_roles(ranking) == [("data_scientist",), ("data_engineer",), ("data_analyst",)]
    left = dict(ranking.not_comparable)
    assert [f.value for f in left["machine_learning_engineer"]] == [200000]
    assert "Machine Learning Engineers" in rank.text_bars(kb, ranking).splitlines()[-1]


def test_different_statistics_of_one_source_are_not_ranked_together() -> None:
    kb = _with_salaries(
        KB,
        {
            "data_scientist": (_figure(100000, "payscale_2023"),),
            "data_analyst": (_figure(70000, "payscale_2023", kind="average"),),
        },
    )
    assert rank.rank(kb, "salary") is None


def test_nothing_to_rank_on_an_aspect_without_figures() -> None:
    assert rank.dimension_for(["skills"]) is None
    assert rank.dimension_for(["skills", "outlook"]) == "outlook"
    assert rank.nothing_to_rank(KB, "skills").startswith("I can't rank the roles on skills")


def test_text_bars_label_every_bar_with_its_figure() -> None:
    ranking = rank.rank(KB, "salary")
    assert ranking is not None
    lines = rank.text_bars(KB, ranking).splitlines()
    assert lines[0] == rank.heading(ranking)
    bars = [line for line in lines if line.startswith("█")]
    assert len(bars) == len(ranking.entries)
    assert bars[0].endswith("$140,910 a year  AI / ML Research Scientists")
    assert "Data Engineers (proxy)" in bars[1]


def test_a_chart_is_asked_for_in_words() -> None:
    assert rank.wants_chart("show me a salary chart")
    assert rank.wants_chart("can you plot growth?")
    assert not rank.wants_chart("which pays the most?")
