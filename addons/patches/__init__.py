"""The patches of Rasa's internals, in one place, each one small and explained.

Nothing here changes Rasa when imported. `install()` is called when the Rasa server starts (by
each of our channels, which Rasa builds at start; by scripts/quiet_rasa.py for the shell): it
checks Rasa's version and the source of every patched function first, and refuses loudly on a
mismatch (`PatchMismatch`), so a Rasa upgrade cannot silently run under a patch written for
another version. tests/unit/addons/test_patches.py fails when any of them changes.

What Rasa offers an extension point for is done there instead: the slot carry-over of a new
session is our `action_session_start` (actions/lifecycle.py); storage errors are handled by our
channels (addons/channels/guard.py); the REST request is read through `RestInput`'s own readers.
"""

from __future__ import annotations

import rasa

from addons.patches import action_result, action_timeout, session_length, tracker_store_errors
from addons.patches.patch import Patch, PatchMismatch

RASA_VERSION = "3.6.21"
PATCHES: tuple[Patch, ...] = (
    session_length.PATCH,
    action_result.PATCH,
    action_timeout.PATCH,
    tracker_store_errors.PATCH,
)


def install() -> None:
    """Applies every patch once, after checking them all (nothing is applied if one fails)."""
    if rasa.__version__ != RASA_VERSION:
        raise PatchMismatch(
            f"addons/patches was written for rasa {RASA_VERSION}, this is rasa {rasa.__version__}: "
            "check each patch against the new version before changing RASA_VERSION."
        )
    for patch in PATCHES:
        patch.check()
    for patch in PATCHES:
        patch.apply()


__all__ = ["PATCHES", "Patch", "PatchMismatch", "install"]
