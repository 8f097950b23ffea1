"""`make chat`'s path: the Rasa shell, started by scripts/run.sh, answers in a terminal."""

from __future__ import annotations

import re
from pathlib import Path

import pexpect

from tests.servers import ENV, ROOT, free_port, write_endpoints

PROMPT = "Your input ->"


def test_shell_answers_three_questions_and_keeps_the_role(tmp_path: Path) -> None:
    env = {
        **ENV,
        "ACTIONS_PORT": str(actions_port := free_port()),
        "RASA_PORT": str(free_port()),
        "ENDPOINTS": str(write_endpoints(tmp_path, actions_port)),
        "CONVERSATION_ID": "shell-smoke-test",
        "TERM": "dumb",
    }
    shell = pexpect.spawn(
        "bash",
        ["scripts/run.sh", "chat"],
        cwd=str(ROOT),
        env=env,
        encoding="utf-8",
        timeout=300,
        dimensions=(50, 200),
    )
    shell.logfile_read = (tmp_path / "shell.log").open("w")
    try:
        shell.expect(PROMPT)
        for question, answer in [
            ("what does a data scientist do?", "Data Scientists: what the role is"),
            ("how much do they earn?", "$129,189 a year"),
            ("what skills do ML engineers need?", "Python, Java or C++"),
        ]:
            shell.sendline(question)
            shell.expect(re.escape(answer), timeout=60)
            shell.expect(PROMPT, timeout=60)
        shell.sendline("/stop")
        shell.expect(pexpect.EOF, timeout=60)
    finally:
        if shell.isalive():
            shell.terminate(force=True)
    shell.close()
    assert shell.exitstatus == 0
