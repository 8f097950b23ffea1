"""Word lists that more than one reader of free text uses (careers/path.py, careers/skills.py)."""

# Words that turn the next few words around, in every reader: "not into charts", "no SQL".
NEGATIONS = frozenset({"not", "n't", "no", "never", "nor", "without"})
