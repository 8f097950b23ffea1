"""Loading the knowledge base, and the one clear error for each way a file can be broken."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from careers import knowledge
from careers.knowledge import KnowledgeBaseError

FAMILY = {
    "data_scientist",
    "machine_learning_engineer",
    "data_analyst",
    "data_engineer",
    "mlops_engineer",
    "ai_engineer",
    "research_scientist",
    "statistician",
    "business_intelligence_analyst",
    "database_administrator",
}


def test_project_knowledge_base_loads_the_family_with_every_aspect() -> None:
    kb = knowledge.load()
    assert set(kb.roles) == FAMILY
    for role in kb.roles.values():
        assert set(role.sections) == set(kb.aspects)


def test_every_stand_in_figure_is_marked_and_its_role_names_the_proxy() -> None:
    kb = knowledge.load()
    for role in kb.roles.values():
        for section in role.sections.values():
            for figure in section.figures:
                assert figure.proxy == figure.kind.startswith("proxy ")
                assert figure.group == figure.kind.startswith("group ")
                if figure.proxy:
                    assert role.proxy and "proxy" in figure.what
    # Roles without an occupation code of their own carry their proxy occupation.
    proxied = {r.id for r in kb.roles.values() if r.proxy}
    assert {
        "data_analyst",
        "data_engineer",
        "mlops_engineer",
        "ai_engineer",
        "machine_learning_engineer",
    } <= proxied


def test_kind_and_marker_must_agree(kb_copy: Path) -> None:
    edit_yaml(kb_copy / "roles/data_scientist.yml", lambda d: salary_figure(d).update(kind="group average"))
    with pytest.raises(KnowledgeBaseError, match=r"figures\[0\]\.group\): `group: true` and a kind"):
        knowledge.load(kb_copy)


def test_every_figure_has_a_known_source_a_period_and_a_geography() -> None:
    kb = knowledge.load()
    for role in kb.roles.values():
        for section in role.sections.values():
            for figure in section.figures:
                assert figure.source in kb.sources
                assert figure.period and figure.geography


def test_loaded_objects_are_frozen() -> None:
    role = knowledge.load().roles["data_scientist"]
    with pytest.raises(AttributeError):
        role.name = "Plumber"  # type: ignore[misc]


def test_default_is_loaded_once_per_process() -> None:
    assert knowledge.default() is knowledge.default()


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(knowledge.PROJECT_DIR, target)
    return target


def edit_yaml(path: Path, change: Callable[[Any], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def salary_figure(data: dict) -> dict:
    return data["sections"]["salary"]["figures"][0]


BROKEN = {
    "missing name": ("roles/data_scientist.yml", lambda d: d.pop("name"), "data_scientist", "name"),
    "unknown unit": (
        "roles/data_scientist.yml",
        lambda d: salary_figure(d).update(unit="euros"),
        "data_scientist",
        "sections.salary.figures[0].unit",
    ),
    "unknown source": (
        "roles/machine_learning_engineer.yml",
        lambda d: salary_figure(d).update(source="my_blog"),
        "machine_learning_engineer",
        "sections.salary.figures[0].source",
    ),
    "negative value": (
        "roles/data_scientist.yml",
        lambda d: salary_figure(d).update(value=-1),
        "data_scientist",
        "sections.salary.figures[0].value",
    ),
    "value not a number": (
        "roles/data_scientist.yml",
        lambda d: salary_figure(d).update(value="lots"),
        "data_scientist",
        "sections.salary.figures[0].value",
    ),
    "missing period": (
        "roles/data_scientist.yml",
        lambda d: salary_figure(d).pop("period"),
        "data_scientist",
        "sections.salary.figures[0].period",
    ),
    "missing section": (
        "roles/machine_learning_engineer.yml",
        lambda d: d["sections"].pop("challenges"),
        "machine_learning_engineer",
        "sections.challenges",
    ),
    "section without content": (
        "roles/data_scientist.yml",
        lambda d: d["sections"]["fit"].pop("points"),
        "data_scientist",
        "sections.fit.points",
    ),
    "id differs from file name": ("roles/data_scientist.yml", lambda d: d.update(id="ds"), "ds", "id"),
    "empty aliases": (
        "roles/data_scientist.yml",
        lambda d: d.update(aliases=[]),
        "data_scientist",
        "aliases",
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_broken_role_file_names_file_role_and_field(kb_copy: Path, case: str) -> None:
    file, change, role, field = BROKEN[case]
    edit_yaml(kb_copy / file, change)
    with pytest.raises(KnowledgeBaseError) as error:
        knowledge.load(kb_copy)
    message = str(error.value)
    assert file.split("/")[-1] in message
    assert f"role {role}" in message
    assert f"field {field}" in message


def test_alias_shared_by_two_roles_is_refused(kb_copy: Path) -> None:
    edit_yaml(kb_copy / "roles/machine_learning_engineer.yml", lambda d: d["aliases"].append("DS"))
    with pytest.raises(KnowledgeBaseError, match="alias 'ds' is also used by role data_scientist"):
        knowledge.load(kb_copy)


def test_invalid_yaml_names_the_file(kb_copy: Path) -> None:
    (kb_copy / "roles/data_scientist.yml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"data_scientist\.yml.*not valid YAML"):
        knowledge.load(kb_copy)


def test_missing_sources_file_is_named(kb_copy: Path) -> None:
    (kb_copy / "sources.yml").unlink()
    with pytest.raises(KnowledgeBaseError, match=r"sources\.yml.*file not found"):
        knowledge.load(kb_copy)


def test_bad_source_status_is_named(kb_copy: Path) -> None:
    edit_yaml(kb_copy / "sources.yml", lambda d: d["sources"][0].update(status="rumour"))
    with pytest.raises(KnowledgeBaseError, match=r"field sources\[0\]\.status\): .rumour. is not one of"):
        knowledge.load(kb_copy)


def test_comparison_note_for_unknown_aspect_is_refused(kb_copy: Path) -> None:
    edit_yaml(kb_copy / "comparisons.yml", lambda d: d["notes"].update(vibes="cool"))
    with pytest.raises(KnowledgeBaseError, match=r"field notes\.vibes\): no such aspect"):
        knowledge.load(kb_copy)


def test_adding_a_role_is_adding_a_file(kb_copy: Path) -> None:
    data = yaml.safe_load((kb_copy / "roles/data_scientist.yml").read_text(encoding="utf-8"))
    data.update(id="web_developer", name="Web Developer", plural="Web Developers", aliases=["web developer"])
    (kb_copy / "roles/web_developer.yml").write_text(yaml.safe_dump(data), encoding="utf-8")
    kb = knowledge.load(kb_copy)
    assert kb.roles["web_developer"].name == "Web Developer"
    assert kb.role_names()[-1] == "Web Developers" and len(kb.roles) == len(FAMILY) + 1
    # It was an occupation the assistant did not cover; now it is never announced as one.
    assert "web developer" in knowledge.load().other_jobs and "web developer" not in kb.other_jobs


def test_proxy_figure_needs_the_roles_proxy_occupation(kb_copy: Path) -> None:
    edit_yaml(kb_copy / "roles/data_scientist.yml", lambda d: salary_figure(d).update(proxy=True))
    with pytest.raises(
        KnowledgeBaseError, match=r"field sections\.salary\.figures\[0\]\.proxy\): .*role's `proxy`"
    ):
        knowledge.load(kb_copy)


def test_proxy_figure_must_say_proxy_in_its_text(kb_copy: Path) -> None:
    def change(data: dict) -> None:
        data["proxy"] = "SOC 15-2041 Statisticians"
        salary_figure(data).update(proxy=True, what="median annual pay")

    edit_yaml(kb_copy / "roles/data_scientist.yml", change)
    with pytest.raises(KnowledgeBaseError, match=r"field sections\.salary\.figures\[0\]\.what\): .*'proxy'"):
        knowledge.load(kb_copy)


def test_proxy_marker_is_true_or_false(kb_copy: Path) -> None:
    edit_yaml(kb_copy / "roles/data_scientist.yml", lambda d: salary_figure(d).update(proxy="yes"))
    with pytest.raises(KnowledgeBaseError, match=r"figures\[0\]\.proxy\): expected true or false"):
        knowledge.load(kb_copy)


def test_roles_without_a_code_of_their_own_name_their_proxy_on_every_proxy_figure() -> None:
    kb = knowledge.load()
    proxied = {role.id: role for role in kb.roles.values() if role.proxy}
    assert {"data_analyst", "data_engineer"} <= set(proxied)
    assert proxied["data_engineer"].proxy == "SOC 15-1243 Database Architects"
    for role in proxied.values():
        pay = [f for f in role.section("salary").figures if f.proxy]
        assert pay, f"{role.id} has a proxy but no proxy pay figure"
        assert all("proxy" in f.what for f in pay)


@pytest.mark.parametrize("role_id", sorted(FAMILY - {"data_scientist", "machine_learning_engineer"}))
def test_a_broken_field_in_a_new_role_names_file_role_and_field(kb_copy: Path, role_id: str) -> None:
    edit_yaml(kb_copy / f"roles/{role_id}.yml", lambda d: salary_figure(d).update(unit="euros"))
    with pytest.raises(KnowledgeBaseError) as error:
        knowledge.load(kb_copy)
    message = str(error.value)
    assert f"roles/{role_id}.yml" in message and f"role {role_id}" in message
    assert "field sections.salary.figures[0].unit" in message
