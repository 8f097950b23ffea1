"""deploy/ cannot run here (no containers, no Kubernetes), so this checks what can be checked:
the Helm values against Rasa's chart's own schema, the compose file against the Compose
specification's schema (both vendored in deploy/schemas/), and that both describe what
`make cluster` runs: the same endpoints, ports, environment variable names and secrets."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
ENDPOINTS = yaml.safe_load((ROOT / "endpoints.cluster.yml").read_text())
CLUSTER_SH = (ROOT / "scripts" / "cluster.sh").read_text()
HELM = yaml.safe_load((DEPLOY / "helm" / "values.yml").read_text())
COMPOSE = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
RASA_ENV = COMPOSE["services"]["rasa"]["environment"]
# What the chart itself sets in the Rasa container (charts/rasa-common templates _postgresql.tpl
# and _redis.tpl, charts/rasa templates/helpers/_action-server.tpl).
SET_BY_THE_CHART = {"DB_HOST", "DB_PORT", "DB_DATABASE", "DB_USER", "DB_PASSWORD"}
SET_BY_THE_CHART |= {"REDIS_HOST", "REDIS_PORT", "REDIS_PASSWORD", "ACTION_SERVER_URL"}
SECRETS = {"DB_PASSWORD", "REDIS_PASSWORD", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"}


def schema(name: str) -> dict[str, Any]:
    return dict(json.loads((DEPLOY / "schemas" / name).read_text()))


def errors(document: Any, schema_name: str) -> list[str]:
    validator = jsonschema.Draft7Validator(schema(schema_name))
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(document)]


def cluster_default(variable: str) -> str:
    """The default scripts/cluster.sh gives `variable` (`${VAR:-default}`)."""
    found = re.search(rf"\${{{variable}:-([^}}]+)}}", CLUSTER_SH)
    assert found, f"scripts/cluster.sh has no default for {variable}"
    return found.group(1)


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\$\{(\w+)\}", text))


def test_the_schemas_are_vendored_with_their_licence_and_version() -> None:
    for folder in ("rasa-helm-chart", "compose-spec"):
        assert "Apache License" in (DEPLOY / "schemas" / folder / "LICENSE").read_text()
    sources = (DEPLOY / "schemas" / "README.md").read_text()
    assert "charts/rasa 1.17.8" in sources and "compose-spec/compose-spec" in sources


def test_the_helm_values_are_valid_for_rasas_chart() -> None:
    assert errors(HELM, "rasa-helm-chart/values.schema.json") == []
    broken = copy.deepcopy(HELM)  # the schema does check: a wrong type is caught
    broken["applicationSettings"]["endpoints"]["lockStore"]["enabled"] = "yes"
    assert errors(broken, "rasa-helm-chart/values.schema.json")


def test_the_compose_file_is_valid_compose() -> None:
    assert errors(COMPOSE, "compose-spec/compose-spec.json") == []
    broken = copy.deepcopy(COMPOSE)
    broken["services"]["rasa"]["replica"] = 2  # a misspelt key is caught
    assert errors(broken, "compose-spec/compose-spec.json")


def test_helm_runs_the_same_tracker_store_lock_store_and_channels_as_make_cluster() -> None:
    settings = HELM["applicationSettings"]
    for chart_key, endpoints_key in (("trackerStore", "tracker_store"), ("lockStore", "lock_store")):
        block = {k: str(v) for k, v in settings["endpoints"][chart_key].items() if k != "enabled"}
        assert block == {k: str(v) for k, v in ENDPOINTS[endpoints_key].items()}
    # The chart writes `action_endpoint: url: ${ACTION_SERVER_URL}`, as endpoints.cluster.yml has.
    assert ENDPOINTS["action_endpoint"]["url"] == "${ACTION_SERVER_URL}"
    credentials = yaml.safe_load((ROOT / "credentials.yml").read_text())
    assert settings["credentials"]["additionalChannelCredentials"] == credentials
    assert HELM["replicaCount"] == 2 and not settings["enableAPI"]


def test_every_setting_the_endpoints_read_is_given_by_all_three() -> None:
    needed = placeholders((ROOT / "endpoints.cluster.yml").read_text())
    assert needed == SET_BY_THE_CHART
    assert needed <= set(RASA_ENV)
    exported = set(re.findall(r"\b([A-Z_]+)=", " ".join(re.findall(r"^export (.*)$", CLUSTER_SH, re.M))))
    assert needed <= exported


def test_secrets_come_from_the_environment_or_a_kubernetes_secret_never_from_a_file() -> None:
    slack = {name for name in SECRETS if name.startswith("SLACK_")}
    from_secret = {e["name"] for e in HELM["extraEnv"] if "secretKeyRef" in e.get("valueFrom", {})}
    assert slack <= from_secret
    for name in SECRETS:
        assert RASA_ENV[name].startswith(f"${{{name}:"), name  # from the caller's environment
    channels = (ROOT / "addons" / "channels" / "slack.py").read_text()
    assert all(name in channels for name in slack)  # the names the Slack channel reads
    assert HELM["global"]["postgresql"]["existingSecret"] and HELM["redis"]["auth"]["existingSecret"]


def test_ports_and_topology_agree() -> None:
    rasa_port, actions_port = int(cluster_default("RASA_PORT")), int(cluster_default("ACTIONS_PORT"))
    assert rasa_port == HELM["applicationSettings"]["port"] == HELM["service"]["port"] == 5005
    assert HELM["args"][HELM["args"].index("--port") + 1] == str(rasa_port)
    assert COMPOSE["services"]["rasa"]["expose"] == [str(rasa_port)]
    assert COMPOSE["services"]["actions"]["expose"] == [str(actions_port)]
    assert RASA_ENV["ACTION_SERVER_URL"] == f"http://actions:{actions_port}/webhook"
    assert HELM["rasa-action-server"]["applicationSettings"]["port"] == actions_port
    assert RASA_ENV["DB_PORT"] == cluster_default("DB_PORT") == "5432"
    assert RASA_ENV["REDIS_PORT"] == cluster_default("REDIS_PORT") == "6379"
    nginx = COMPOSE["services"]["nginx"]
    assert nginx["environment"]["NGINX_PORT"] == cluster_default("CLUSTER_PORT")
    assert nginx["ports"] == [f"{cluster_default('CLUSTER_PORT')}:{cluster_default('CLUSTER_PORT')}"]
    assert COMPOSE["services"]["rasa"]["deploy"]["replicas"] == int(cluster_default("REPLICAS"))
    assert RASA_ENV["TICKET_LOCK_LIFETIME"] == cluster_default("TICKET_LOCK_LIFETIME")
    # One nginx configuration for both.
    assert "career-guide.conf.template" in CLUSTER_SH
    assert any("career-guide.conf.template" in volume for volume in nginx["volumes"])


@pytest.mark.parametrize(
    ("dockerfile", "image", "package"),
    [("Dockerfile.rasa", "rasa/rasa", "rasa"), ("Dockerfile.actions", "rasa/rasa-sdk", "rasa-sdk")],
)
def test_images_are_the_official_ones_of_our_pinned_versions(
    dockerfile: str, image: str, package: str
) -> None:
    pinned = re.search(rf"^{package}(?:\[\w+\])?==([\d.]+)$", (ROOT / "requirements.txt").read_text(), re.M)
    assert pinned
    assert f"FROM {image}:{pinned.group(1)}\n" in (DEPLOY / dockerfile).read_text()


def test_the_rasa_image_carries_the_model_and_the_cluster_endpoints() -> None:
    text = (DEPLOY / "Dockerfile.rasa").read_text()
    assert "COPY endpoints.cluster.yml endpoints.yml" in text
    model = re.search(r"^MODEL := (\S+)$", (ROOT / "Makefile").read_text(), re.M)
    assert model and f"COPY {model.group(1)} {model.group(1)}" in text
    assert "endpoints.cluster.yml" in CLUSTER_SH
