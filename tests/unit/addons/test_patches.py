"""addons/patches: nothing changes Rasa on import; install() applies each patch once, after
checking Rasa's version and the source of every function it replaces."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
import rasa

from addons import patches
from addons.patches.patch import PatchMismatch, source_sha256

ROOT = Path(__file__).resolve().parents[3]

# Prints, for every Rasa function a patch replaces, whether it is still Rasa's own, after
# importing every module of addons/ (in a fresh interpreter: nothing installed there).
_IMPORT_ALL = """
import importlib, json, pkgutil, addons
for module in pkgutil.walk_packages(addons.__path__, "addons."):
    importlib.import_module(module.name)
from addons import patches
print(json.dumps({p.name: p.installed() for p in patches.PATCHES}))
"""


def test_importing_every_module_of_addons_changes_no_rasa_function() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    )
    installed = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(installed) == len(patches.PATCHES)
    assert not any(installed.values()), installed


@pytest.mark.parametrize("patch", patches.PATCHES, ids=lambda p: p.name)
def test_each_patched_function_is_still_the_source_it_was_written_for(patch: patches.Patch) -> None:
    # Fails when a Rasa upgrade changes the function: read the change, then adapt the patch.
    assert source_sha256(patch.original()) == patch.source_sha256
    assert patch.why and "\n" not in patch.why


def test_install_applies_each_patch_once() -> None:
    patches.install()
    applied = {p.name: p.owner.__dict__[p.attribute] for p in patches.PATCHES}
    patches.install()
    assert all(p.installed() for p in patches.PATCHES)
    assert {p.name: p.owner.__dict__[p.attribute] for p in patches.PATCHES} == applied


def test_install_refuses_another_rasa_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with pytest.raises(PatchMismatch, match="3.7.0"):
        patches.install()


def test_install_refuses_a_changed_function_before_applying_anything(monkeypatch: pytest.MonkeyPatch) -> None:
    changed = dataclasses.replace(patches.PATCHES[-1], source_sha256="0" * 64)
    monkeypatch.setattr(patches, "PATCHES", (*patches.PATCHES[:-1], changed))
    with pytest.raises(PatchMismatch, match=changed.attribute):
        patches.install()
