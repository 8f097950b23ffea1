"""A broken knowledge base stops the action server at start-up, with one clear message."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from careers import knowledge
from harness.servers import ENV, RASA, ROOT, free_port


def test_action_server_refuses_to_start_on_a_broken_knowledge_base(tmp_path: Path) -> None:
    broken = tmp_path / "kb"
    shutil.copytree(knowledge.PROJECT_DIR, broken)
    role_file = broken / "roles" / "machine_learning_engineer.yml"
    role_file.write_text(
        role_file.read_text(encoding="utf-8").replace("unit: percent", "unit: percentage", 1)
    )
    result = subprocess.run(
        [str(RASA), "run", "actions", "--port", str(free_port()), "--actions", "actions"],
        cwd=ROOT,
        env={**ENV, "KNOWLEDGE_BASE_DIR": str(broken)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert (
        f"Knowledge base error (file {role_file}, role machine_learning_engineer, "
        "field sections.outlook.figures[0].unit): 'percentage' is not one of"
    ) in result.stdout + result.stderr
