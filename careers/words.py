"""Word lists that more than one reader of free text uses (careers/path.py, careers/skills.py)."""

# Words that turn the next few words around, in every reader: "not into charts", "no SQL".
NEGATIONS = frozenset({"not", "n't", "no", "never", "nor", "without"})
ARTICLES = frozenset({"a", "an", "the"})

# "as a <role>" after these is where the person wants to go ("retrain as a data analyst",
# "get hired as a data engineer"), in careers/skills.py and careers/cues.py.
AIMING_AS = {
    "retrain", "retraining", "employable", "hireable", "hired", "want", "wanna", "become", "aim", "ready",
}  # fmt: skip
