"""Runs Rasa's own command line (`rasa train`, `rasa shell`, ...) for `make`, minus the noise.

- Third-party deprecation notices are not shown: they say nothing to a person chatting or
  training, and fill the screen (pkg_resources, click, pyparsing, jax...). Sanic switches
  DeprecationWarnings back on ("once") when it is imported, after PYTHONWARNINGS is read, and
  Rasa's start-up puts its own filters in front of any set before it; so the filters are set
  after importing Sanic and again right after Rasa configures its warnings. Errors and Rasa's
  other warnings still show.
- Rasa warns "The utterance 'utter_x' is not used in any story or rule" for every response a
  custom action sends, because it only looks at stories and rules. The responses the actions
  send (`response="utter_x"` or `response = "utter_x"` in actions/*.py) and those
  Rasa's own default actions send are declared used here; any other unused response is still
  reported.
- `shell`: installs addons/patches (the shell's channel is Rasa's own), and scripts/shell.py
  takes typed text at any time and numbers for buttons.

    python scripts/quiet_rasa.py train --fixed-model-name career-guide --out models
"""

from __future__ import annotations

import re
import sys
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Responses that Rasa's default actions send (action_default_fallback, action_restart).
SENT_BY_RASA = ("utter_default", "utter_restart")


def responses_sent_by_actions(root: Path = ROOT) -> set[str]:
    names = set(SENT_BY_RASA)
    for file in (root / "actions").glob("*.py"):
        names |= set(re.findall(r'response\s*=\s*"(utter_\w+)"', file.read_text(encoding="utf-8")))
    return names


def quiet() -> None:
    import sanic  # noqa: F401  (imported for its side effect on the warning filters, undone below)

    for category in (DeprecationWarning, PendingDeprecationWarning, FutureWarning):
        warnings.filterwarnings("ignore", category=category)
    for name in sorted(responses_sent_by_actions()):
        warnings.filterwarnings("ignore", message=f"The utterance '{name}' is not used in any story or rule")


def main() -> None:
    sys.path.insert(0, str(ROOT))
    quiet()
    from rasa import __main__ as rasa_cli

    configure = rasa_cli.configure_logging_and_warnings  # AttributeError if Rasa renamed it

    def configure_then_quiet(*args: Any, **kwargs: Any) -> None:
        configure(*args, **kwargs)
        quiet()

    rasa_cli.configure_logging_and_warnings = configure_then_quiet
    if sys.argv[1:2] == ["shell"]:
        # The shell's channel is Rasa's own (cmdline), which does not install our patches.
        from addons import patches
        from scripts import shell

        patches.install()
        shell.install()
    sys.argv = ["rasa", *sys.argv[1:]]
    rasa_cli.main()


if __name__ == "__main__":
    main()
