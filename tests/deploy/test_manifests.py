"""Static checks of deploy/: Kubernetes manifests and the Dockerfile (neither can run here)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from khabar.shell.apps import SERVICE_NAMES
from khabar.shell.settings import Settings

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
K8S = DEPLOY / "k8s"

Doc = dict[str, Any]


def _load(path: Path) -> list[Doc]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


def _kustomized() -> list[Doc]:
    kustomization = _load(K8S / "kustomization.yaml")[0]
    return [doc for name in kustomization["resources"] for doc in _load(K8S / name)]


DOCS = _kustomized()
SECRET_EXAMPLE = _load(K8S / "secret.example.yaml")[0]


def _of_kind(kind: str) -> list[Doc]:
    return [doc for doc in DOCS if doc["kind"] == kind]


def _deployment(service: str) -> Doc:
    (found,) = [
        d
        for d in _of_kind("Deployment")
        if d["spec"]["template"]["spec"]["containers"][0]["args"][1:] == [service]
    ]
    return found


CONFIG = {doc["metadata"]["name"]: doc for doc in _of_kind("ConfigMap")}


def test_every_manifest_file_parses_and_is_listed_or_an_example() -> None:
    listed = set(_load(K8S / "kustomization.yaml")[0]["resources"])
    for path in K8S.glob("*.yaml"):
        docs = _load(path)
        assert docs and all("kind" in d for d in docs), path
        assert path.name in listed | {"kustomization.yaml", "secret.example.yaml"}, path


def test_one_deployment_per_service() -> None:
    commands = sorted(
        tuple(d["spec"]["template"]["spec"]["containers"][0]["args"]) for d in _of_kind("Deployment")
    )
    assert commands == sorted(("run", name) for name in SERVICE_NAMES)


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_deployment_has_probes_on_the_metrics_port(service: str) -> None:
    pod = _deployment(service)["spec"]["template"]
    (container,) = pod["spec"]["containers"]
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "metrics"}
    assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "metrics"}
    assert container["startupProbe"]["httpGet"]["port"] == "metrics"
    # The service must listen where the probes and Prometheus look.
    config = CONFIG[container["envFrom"][0]["configMapRef"]["name"]]["data"]
    assert int(config["KHABAR_METRICS_PORT"]) == ports["metrics"]
    assert config["KHABAR_METRICS_HOST"] == "0.0.0.0"
    annotations = pod["metadata"]["annotations"]
    assert annotations["prometheus.io/scrape"] == "true"
    assert int(annotations["prometheus.io/port"]) == ports["metrics"]
    assert annotations["prometheus.io/path"] == "/metrics"


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_deployment_has_bounded_resources_and_runs_unprivileged(service: str) -> None:
    spec = _deployment(service)["spec"]["template"]["spec"]
    (container,) = spec["containers"]
    resources = container["resources"]
    assert set(resources["requests"]) == set(resources["limits"]) == {"cpu", "memory"}
    assert _mebibytes(resources["requests"]["memory"]) <= _mebibytes(resources["limits"]["memory"])
    assert spec["securityContext"]["runAsNonRoot"] is True
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    assert spec["terminationGracePeriodSeconds"] >= 30
    # Read-only root: the temp dir faust writes to must be a volume.
    if container["securityContext"].get("readOnlyRootFilesystem"):
        assert "/tmp" in {m["mountPath"] for m in container["volumeMounts"]}


def _mebibytes(quantity: str) -> float:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(Mi|Gi)", quantity)
    assert match, f"unexpected memory quantity {quantity!r}"
    return float(match[1]) * (1024 if match[2] == "Gi" else 1)


def _pod_specs() -> list[tuple[str, Doc]]:
    return [
        (d["metadata"]["name"], d["spec"]["template"]["spec"])
        for d in _of_kind("Deployment") + _of_kind("Job")
    ]


def test_env_is_wired_to_existing_config_and_the_secret() -> None:
    secret_name = SECRET_EXAMPLE["metadata"]["name"]
    for name, spec in _pod_specs():
        (container,) = spec["containers"]
        assert [ref["configMapRef"]["name"] for ref in container["envFrom"]] == ["khabar-config"], name
        refs = {e["name"]: e["valueFrom"]["secretKeyRef"] for e in container["env"] if "valueFrom" in e}
        assert refs["KHABAR_SASL_PASSWORD"]["name"] == secret_name, name
        assert refs["KHABAR_SASL_PASSWORD"]["key"] in SECRET_EXAMPLE["stringData"], name


def test_config_keys_are_settings_the_service_reads() -> None:
    # Settings ignores unknown variables, so a typo here would silently fall back to a default.
    known = {f"KHABAR_{field.upper()}" for field in Settings.model_fields}
    for config in CONFIG.values():
        assert set(config["data"]) <= known
        assert all(isinstance(value, str) for value in config["data"].values())  # k8s wants strings
    assert "KHABAR_SASL_PASSWORD" not in CONFIG["khabar-config"]["data"]  # secrets stay in the Secret


def test_every_deployment_has_a_disruption_budget_selecting_it() -> None:
    budgets = [b["spec"]["selector"]["matchLabels"] for b in _of_kind("PodDisruptionBudget")]
    for deployment in _of_kind("Deployment"):
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
        assert any(selector.items() <= labels.items() for selector in budgets), deployment["metadata"]["name"]


def test_topics_job_creates_topics() -> None:
    (job,) = _of_kind("Job")
    (container,) = job["spec"]["template"]["spec"]["containers"]
    assert container["args"] == ["topics", "create"]
    assert job["spec"]["template"]["spec"]["restartPolicy"] in {"OnFailure", "Never"}


def test_all_namespaced_objects_share_one_namespace() -> None:
    namespaces = {d["metadata"].get("namespace") for d in DOCS if d["kind"] != "Namespace"}
    assert namespaces == {_of_kind("Namespace")[0]["metadata"]["name"]}


def test_dockerfile_runs_khabar_as_non_root_on_python_311() -> None:
    text = (DEPLOY / "Dockerfile").read_text()
    instructions = [line for line in text.splitlines() if line and not line.startswith((" ", "#"))]
    stages = [line for line in instructions if line.startswith("FROM ")]
    assert stages and all(line.split()[1] == "python:3.11-slim" for line in stages)
    user = [line.split()[1] for line in instructions if line.startswith("USER ")][-1]
    assert user.split(":")[0] not in {"0", "root"}
    entrypoints = [line for line in instructions if line.startswith("ENTRYPOINT ")]
    assert json.loads(entrypoints[-1].removeprefix("ENTRYPOINT ")) == ["khabar"]
