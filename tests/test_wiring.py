"""The layers agree: domain ↔ actions ↔ knowledge base ↔ NLU component. No model needed."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import json
import pkgutil
import re
from pathlib import Path

import pytest
import yaml
from rasa_sdk import Action
from rasa_sdk.executor import ActionExecutor

import actions
from addons.nlu.kb_entities import PhraseIndex
from careers import knowledge, names

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
KB = knowledge.load()


def registered_actions() -> dict[str, type[Action]]:
    """What the action server registers, found the way it finds them."""
    executor = ActionExecutor()
    executor.register_package("actions")
    classes = {}
    for module in pkgutil.iter_modules(actions.__path__):
        loaded = importlib.import_module(f"actions.{module.name}")
        for _, cls in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(cls, Action) and cls.__module__ == loaded.__name__ and not inspect.isabstract(cls):
                action: Action = cls()
                classes[action.name()] = cls
    assert set(classes) == set(executor.actions)
    return classes


def test_the_names_module_is_exactly_the_domains_intents_and_entities() -> None:
    declared = {i if isinstance(i, str) else next(iter(i)) for i in DOMAIN["intents"]}
    aspect_intents = {names.ask_role(a) for a in KB.aspects}
    assert names.INTENTS | aspect_intents == declared
    assert set(DOMAIN["entities"]) == names.ENTITIES
    assert all(names.aspect_of(i) in KB.aspects for i in declared if i.startswith(names.ASK_ROLE_PREFIX))


def test_domain_actions_are_exactly_the_registered_actions() -> None:
    assert set(DOMAIN["actions"]) == set(registered_actions())


def test_action_class_names_are_camel_case_of_the_action_name() -> None:
    for name, cls in registered_actions().items():
        assert cls.__name__ == "".join(part.title() for part in name.split("_"))


def test_every_response_an_action_names_exists_with_the_variables_it_fills() -> None:
    for file in (ROOT / "actions").glob("*.py"):
        source = file.read_text(encoding="utf-8")
        for call in re.finditer(r'response="(utter_\w+)"([^)]*)\)', source):
            name, rest = call.groups()
            assert name in DOMAIN["responses"], f"{file.name} names {name}, missing from domain.yml"
            given = set(re.findall(r"(\w+)=", rest)) - {"buttons"}
            for variant in DOMAIN["responses"][name]:
                assert set(re.findall(r"{(\w+)}", variant["text"])) <= given, f"{name} in {file.name}"


@pytest.mark.parametrize("role_id", list(KB.roles))
def test_every_alias_of_a_role_is_recognised_by_the_nlu_component(role_id: str) -> None:
    index = PhraseIndex(KB)
    role = KB.roles[role_id]
    for alias in {*role.aliases, role.name, role.plural}:
        for text in (alias, f"how much do {alias.upper()} earn?", f"tell me about {alias}, please"):
            roles = [e["value"] for e in index.find(text) if e["entity"] == "role"]
            assert roles == [role_id], f"{text!r} → {roles}"


def test_every_aspect_keyword_is_recognised_by_the_nlu_component() -> None:
    index = PhraseIndex(KB)
    for aspect in KB.aspects.values():
        for keyword in aspect.keywords:
            found = [e["value"] for e in index.find(f"which one {keyword}?") if e["entity"] == "aspect"]
            assert aspect.id in found, f"{keyword!r} → {found}"


def test_every_aspect_has_its_intent_slot_mapping_and_rule() -> None:
    rules = (ROOT / "data/rules/roles.yml").read_text(encoding="utf-8")
    mapped = {
        m["intent"]: m["value"] for m in DOMAIN["slots"]["aspect"]["mappings"] if m["type"] == "from_intent"
    }
    for aspect_id in KB.aspects:
        intent = f"ask_role_{aspect_id}"
        assert intent in DOMAIN["intents"]
        assert mapped[intent] == aspect_id
        assert f"intent: {intent}\n" in rules
    assert set(mapped.values()) == set(KB.aspects)


@pytest.mark.parametrize(
    ("text", "job"),
    [
        ("how much do dentists earn?", "dentist"),
        ("what does a Nurse do", "nurse"),
        ("are secretaries paid well", "secretary"),
        ("tell me about firemen", None),  # not in the list: no guess
        ("what do police officers earn", "police officer"),
        ("what skills do software engineers need", "software engineer"),
    ],
)
def test_other_occupations_are_recognised_by_the_nlu_component(text: str, job: str | None) -> None:
    jobs = [e["value"] for e in PhraseIndex(KB).find(text) if e["entity"] == "job"]
    assert jobs == ([job] if job else [])


def test_a_covered_role_is_never_taken_for_another_job() -> None:
    index = PhraseIndex(KB)
    for role in KB.roles.values():
        for name in {*role.aliases, role.name, role.plural}:
            assert [e for e in index.find(f"what does a {name} earn") if e["entity"] == "job"] == [], name


def test_domain_buttons_name_real_intents_roles_and_aspects() -> None:
    for name, variants in DOMAIN["responses"].items():
        for variant in variants:
            for button in variant.get("buttons", []):
                match = re.fullmatch(r"/(\w+)(\{.*\})?", button["payload"])
                assert match, f"{name}: {button['payload']}"
                intent, raw = match.groups()
                assert intent in DOMAIN["intents"], f"{name}: {intent}"
                entities = json.loads(raw.replace("{{", "{").replace("}}", "}")) if raw else {}
                named = entities.get("role", "data_scientist")
                assert all(r in KB.roles for r in (named if isinstance(named, list) else [named]))
                assert entities.get("aspect", "salary") in KB.aspects


def test_every_rule_looks_at_one_user_turn_only() -> None:
    """A new conversation session may start between any two turns outside the guided path
    (addons/patches/session_length.py): no rule may need an earlier turn to match."""
    for file in sorted((ROOT / "data/rules").glob("*.yml")):
        for rule in yaml.safe_load(file.read_text(encoding="utf-8"))["rules"]:
            user_steps = [s for s in rule["steps"] if "intent" in s or "user" in s]
            assert len(user_steps) <= 1, f"{file.name}: {rule['rule']}"
            assert not rule.get("conversation_start"), f"{file.name}: {rule['rule']}"


def test_the_nlu_component_is_in_the_pipeline() -> None:
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    names = [c["name"] for c in config["pipeline"]]
    assert "addons.nlu.kb_entities.KnowledgeBaseEntityMatcher" in names
    assert "addons.nlu.intent_classifier.LinearIntentClassifier" in names
    # The intent rules read the entities and correct the classifier: both must run before them.
    assert names.index("addons.nlu.intent_rules.IntentRules") > names.index(
        "addons.nlu.intent_classifier.LinearIntentClassifier"
    )
    assert names.index("addons.nlu.intent_rules.IntentRules") > names.index(
        "addons.nlu.kb_entities.KnowledgeBaseEntityMatcher"
    )


def test_every_intent_has_a_way_through_the_guided_path() -> None:
    """In the middle of the path, each intent is an answer, a path command or an interruption
    that a rule answers before the question comes back; none may leave the person stuck."""
    from actions.path import INTERRUPTIONS, PATH_COMMANDS

    # A feature may keep its in-the-path rule next to its other rules (data/rules/detail.yml).
    rules = [
        rule
        for file in sorted((ROOT / "data/rules").glob("*.yml"))
        for rule in yaml.safe_load(file.read_text(encoding="utf-8"))["rules"]
    ]
    in_form = {
        rule["steps"][0]["intent"]
        for rule in rules
        if {"active_loop": "path_form"} in rule.get("condition", []) and "intent" in rule["steps"][0]
    }
    aspect_questions = {names.ask_role(a) for a in KB.aspects}
    assert in_form == INTERRUPTIONS | aspect_questions | PATH_COMMANDS
    # The rest are read as answers: off-topic text in the middle of the path is an unusable answer.
    assert set(DOMAIN["intents"]) == INTERRUPTIONS | aspect_questions | PATH_COMMANDS | {
        "answer_path",
        "out_of_scope",
    }


def test_the_postgresql_endpoints_file_reads_its_settings_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rasa.utils.endpoints import read_endpoint_config

    settings = {
        "DB_HOST": "db.internal",
        "DB_PORT": "5433",
        "DB_DATABASE": "rasa",
        "DB_USER": "u",
        "DB_PASSWORD": "p",
        "ACTION_SERVER_URL": "http://127.0.0.1:5056/webhook",
    }
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    store = read_endpoint_config(str(ROOT / "endpoints.postgres.yml"), "tracker_store")
    assert store is not None
    assert (store.type, store.kwargs["dialect"], store.url, store.kwargs["port"]) == (
        "addons.stores.tracker_store.AppendingSQLTrackerStore",
        "postgresql",
        "db.internal",
        "5433",
    )
    actions = read_endpoint_config(str(ROOT / "endpoints.postgres.yml"), "action_endpoint")
    assert actions is not None and actions.url == "http://127.0.0.1:5056/webhook"


@pytest.mark.parametrize("file", ["endpoints.yml", "endpoints.postgres.yml", "endpoints.cluster.yml"])
def test_every_endpoints_file_names_the_action_server_by_the_environment(file: str) -> None:
    # `ACTIONS_PORT=5056 make serve` must reach the action server it started, not one on 5055.
    config = yaml.safe_load((ROOT / file).read_text(encoding="utf-8"))
    assert config["action_endpoint"]["url"] == "${ACTION_SERVER_URL}"


def test_every_response_is_used_by_a_rule_or_declared_sent_by_an_action() -> None:
    """Rasa warns about responses no story or rule uses; scripts/quiet_rasa.py declares those
    the actions (or Rasa's default actions) send. Any other unused response is a real finding."""
    spec = importlib.util.spec_from_file_location("quiet_rasa", ROOT / "scripts" / "quiet_rasa.py")
    assert spec and spec.loader
    quiet_rasa = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(quiet_rasa)
    declared = quiet_rasa.responses_sent_by_actions()
    in_rules = set(
        re.findall(r"action: (utter_\w+)", "".join(f.read_text() for f in (ROOT / "data").rglob("*.yml")))
    )
    assert set(DOMAIN["responses"]) - in_rules - declared == set()
    assert declared <= set(DOMAIN["responses"])  # a declared response that no longer exists


def test_each_part_of_a_message_is_answered_by_the_action_its_intent_has_alone() -> None:
    # actions/reading.py answers a part of several with the action data/rules/ maps its intent to.
    from actions.reading import ACTIONS, action_for

    alone = {}
    for file in sorted((ROOT / "data/rules").glob("*.yml")):
        for rule in yaml.safe_load(file.read_text(encoding="utf-8"))["rules"]:
            steps = rule["steps"]
            if "condition" not in rule and "intent" in steps[0] and len(steps) == 2:
                alone[steps[0]["intent"]] = steps[1]["action"]
    for intent in ACTIONS:
        assert alone[intent] == action_for(intent).name(), intent  # type: ignore[union-attr]
    for aspect in KB.aspects:
        assert alone[names.ask_role(aspect)] == action_for(names.ask_role(aspect)).name()  # type: ignore[union-attr]
