"""What hub/ deploys, checked without starting a hub (tests/test_hub.py starts one).

The single-machine config refuses learner names that would run a server as a
system or administrator account; the Kubernetes values file agrees with it on
culling, and validates against the Zero to JupyterHub chart's own schema when
that chart is at hand (it is not vendored here: its schema is 130 KB).
"""

from __future__ import annotations

import copy
import json
import os
import runpy
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "hub" / "jupyterhub_config.py"
VALUES = ROOT / "hub" / "z2jh-values.yaml"
#: A folder holding the jupyterhub Helm chart (`helm pull jupyterhub/jupyterhub --version 4.4.0 --untar`).
CHART_ENV = "SEVENCS_Z2JH_CHART"


def load_config(learners: Path, monkeypatch) -> object:
    pytest.importorskip("jupyterhub", reason="the hub config needs jupyterhub: pip install -e '.[test]'")
    from traitlets.config import Config

    config = Config()
    monkeypatch.setenv("SEVENCS_LEARNERS", str(learners))
    monkeypatch.setenv("SEVENCS_CLASS_PASSWORD", "a class password")
    runpy.run_path(str(CONFIG), init_globals={"get_config": lambda: config})
    return config


def test_the_hub_lets_in_the_listed_learners_only(tmp_path, monkeypatch):
    learners = tmp_path / "learners.txt"
    learners.write_text("# the Tuesday class\nAda\nbo  # back row\n\ncy-2\n")
    config = load_config(learners, monkeypatch)
    assert config.Authenticator.allowed_users == {"ada", "bo", "cy-2"}
    assert config.Authenticator.allow_all is False
    assert config.SharedPasswordAuthenticator.user_password == "a class password"
    assert config.LocalAuthenticator.create_system_users is True


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("root", "system or administrator account"),
        ("daemon", "system"),
        ("Ada Lovelace", "cannot be"),
        ("9lives", "cannot be"),
    ],
)
def test_the_hub_refuses_names_that_are_not_safe_accounts(tmp_path, monkeypatch, name, why):
    learners = tmp_path / "learners.txt"
    learners.write_text(f"ada\n{name}\n")
    with pytest.raises(SystemExit, match=why):
        load_config(learners, monkeypatch)


def test_the_hub_needs_a_list_of_learners(tmp_path, monkeypatch):
    with pytest.raises(SystemExit, match="No learners"):
        load_config(tmp_path / "missing.txt", monkeypatch)


def test_kubernetes_and_one_machine_cull_alike(tmp_path, monkeypatch):
    values = yaml.safe_load(VALUES.read_text())
    learners = tmp_path / "learners.txt"
    learners.write_text("ada\n")
    config = load_config(learners, monkeypatch)
    culler = next(s for s in config.JupyterHub.services if s["name"] == "idle-culler")
    assert f"--timeout={values['cull']['timeout']}" in culler["command"]
    assert values["hub"]["config"]["KubeSpawner"]["args"] == list(config.Spawner.args)
    assert values["singleuser"]["defaultUrl"] == config.Spawner.default_url
    # the course link clones into the home, which is the learner's storage
    assert values["hub"]["config"]["KubeSpawner"]["notebook_dir"] == values["singleuser"]["storage"]["homeMountPath"]
    assert "CHANGE-ME" in values["singleuser"]["image"]["name"]  # each instructor builds and names their image


def _merged(chart: dict, ours: dict) -> dict:
    """Helm's merge of a values file over the chart's values: maps merge, anything else replaces, null removes."""
    out = copy.deepcopy(chart)
    for key, value in ours.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merged(out[key], value)
        elif value is None:
            out.pop(key, None)
        else:
            out[key] = value
    return out


def test_the_values_file_fits_the_chart_schema():
    chart = Path(os.environ.get(CHART_ENV, "")) if os.environ.get(CHART_ENV) else None
    if chart is None:
        pytest.skip(
            f"set {CHART_ENV} to the jupyterhub chart's folder (helm pull jupyterhub/jupyterhub --version 4.4.0 "
            "--untar) to check hub/z2jh-values.yaml against its values.schema.json"
        )
    import jsonschema

    schema_file = next((chart / n for n in ("values.schema.json", "values.schema.yaml") if (chart / n).exists()), None)
    assert schema_file is not None, f"{chart} has no values.schema.json"
    text = schema_file.read_text()
    schema = json.loads(text) if schema_file.suffix == ".json" else yaml.safe_load(text)
    values = _merged(yaml.safe_load((chart / "values.yaml").read_text()), yaml.safe_load(VALUES.read_text()))
    errors = [f"{list(e.path)}: {e.message}" for e in jsonschema.Draft7Validator(schema).iter_errors(values)]
    assert errors == []
