"""Another knowledge base for a test: a copy of the project's with one text of one role changed,
so that a test can tell which knowledge base answered."""

from __future__ import annotations

import shutil
from pathlib import Path

from careers import knowledge


def edited_copy(target: Path, role_id: str, old: str, new: str) -> Path:
    """A copy of the project's knowledge base in `target`, with `old` replaced by `new` in the
    role file of `role_id`."""
    shutil.copytree(knowledge.PROJECT_DIR, target)
    role_file = target / "roles" / f"{role_id}.yml"
    text = role_file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {role_file}"
    role_file.write_text(text.replace(old, new), encoding="utf-8")
    return target
