"""The action server's reply validated against a schema compiled once: rasa 3.6's
`jsonschema.validate` checks the schema itself on every call (found by profiling a turn; see
BENCHMARKS.md). Same result, same error message."""

from __future__ import annotations

import functools
from typing import Any, Dict

from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction

from addons.patches.patch import Patch


@functools.lru_cache(maxsize=1)
def _action_response_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(self: RemoteAction, result: Dict[str, Any]) -> bool:
    error: ValidationError | None = best_match(_action_response_validator().iter_errors(result))
    if error is None:
        return True
    # The same message as rasa's own check.
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from the "
        "Action endpoint is valid. For more information about the format visit "
        "https://rasa.com/docs/rasa/custom-actions"
    )
    raise error


PATCH = Patch(
    owner=RemoteAction,
    attribute="_validate_action_result",
    source_sha256="f8cdb4be6812396167ced74161b2ccd65c5ea676ad86d7d359d8c322d9d8dc42",
    why="the remote action validates every reply inside its own run, with no hook to pass a compiled schema",
    replace=lambda _original: validate_action_result,
)
