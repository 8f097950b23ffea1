"""One patch of a Rasa function: what it replaces, the source it was written against, and why
Rasa's extension points cannot do it.

A patch is applied only by `addons.patches.install()`, never on import. Before applying anything,
install checks Rasa's version and the SHA-256 of each patched function's source, and refuses
loudly on a mismatch: a Rasa upgrade must be read against every patch before it runs.
"""

from __future__ import annotations

import hashlib
import inspect
from dataclasses import dataclass
from typing import Any, Callable

MARK = "career_guide_patch"  # set on every replacement, so a second install changes nothing
_ORIGINALS: dict[str, Any] = {}  # patch name -> Rasa's own function, once replaced


class PatchMismatch(RuntimeError):
    """Rasa is not the version, or a patched function not the source, a patch was written for."""


def source_sha256(function: Any) -> str:
    return hashlib.sha256(inspect.getsource(function).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Patch:
    owner: type
    attribute: str
    source_sha256: str  # of Rasa's own function, as written for rasa 3.6.21
    why: str  # one line: why this cannot be done through an extension point
    replace: Callable[[Any], Any]  # Rasa's function -> ours
    static: bool = False  # a staticmethod on the owner

    @property
    def name(self) -> str:
        return f"{self.owner.__module__}.{self.owner.__qualname__}.{self.attribute}"

    def _current(self) -> Any:
        function = self.owner.__dict__[self.attribute]
        return function.__func__ if isinstance(function, staticmethod) else function

    def original(self) -> Any:
        return _ORIGINALS[self.name] if self.installed() else self._current()

    def installed(self) -> bool:
        return bool(getattr(self._current(), MARK, False))

    def check(self) -> None:
        found = source_sha256(self.original())
        if found != self.source_sha256:
            raise PatchMismatch(
                f"{self.name} is not the source addons/patches was written for "
                f"(sha256 {found[:12]}…, expected {self.source_sha256[:12]}…): read the change "
                f"and adapt the patch ({self.why})."
            )

    def apply(self) -> None:
        if self.installed():
            return
        original = self._current()
        replacement = self.replace(original)
        setattr(replacement, MARK, True)
        _ORIGINALS[self.name] = original
        setattr(self.owner, self.attribute, staticmethod(replacement) if self.static else replacement)
