"""Load and validate the knowledge base into frozen dataclasses.

The knowledge base is read once per process. Anything wrong in it raises one
`KnowledgeBaseError` that names the file, the role and the field, so that a broken file stops
the action server at start-up instead of surfacing in the middle of a conversation.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

import yaml

# The project's own knowledge base.
PROJECT_DIR = Path(__file__).resolve().parent.parent / "knowledge_base"


def configured_dir() -> Path:
    """The knowledge base the servers read: KNOWLEDGE_BASE_DIR (read when a server starts and
    loads it, not on import), else the project's own."""
    return Path(os.environ.get("KNOWLEDGE_BASE_DIR") or PROJECT_DIR)


UNITS = ("usd_per_year", "percent", "jobs", "jobs_per_year")
SOURCE_STATUSES = ("primary", "secondary", "article")


class KnowledgeBaseError(ValueError):
    """The knowledge base cannot be used; the message says where and why."""

    def __init__(
        self,
        file: Path | str,
        problem: str,
        role: str | None = None,
        field: str | None = None,
        background: str | None = None,
    ):
        where = [f"file {file}"]
        if role:
            where.append(f"role {role}")
        if background:
            where.append(f"background {background}")
        if field:
            where.append(f"field {field}")
        super().__init__(f"Knowledge base error ({', '.join(where)}): {problem}")
        self.file = str(file)
        self.role = role
        self.background = background
        self.field = field


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    title: str
    published: str
    status: str


@dataclass(frozen=True)
class Aspect:
    id: str
    title: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Figure:
    what: str
    kind: str
    value: float
    unit: str
    geography: str
    period: str
    source: str
    status: str
    # True when the number describes the role's proxy occupation (Role.proxy), not the role itself
    proxy: bool = False
    # True when the number is for a wider official group the role belongs to (e.g. BLS
    # "database administrators and architects"), not for the role alone
    group: bool = False

    @property
    def statistic(self) -> str:
        """What is measured, without the proxy/group label: "proxy median" → "median"."""
        for prefix in ("proxy ", "group "):
            if self.kind.startswith(prefix):
                return self.kind[len(prefix) :]
        return self.kind

    @property
    def own(self) -> bool:
        """The figure measures the role itself, not a proxy occupation or a wider group."""
        return not (self.proxy or self.group)


@dataclass(frozen=True)
class Section:
    summary: str
    points: tuple[str, ...]
    figures: tuple[Figure, ...]
    note: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    plural: str
    aliases: tuple[str, ...]
    official_code: str
    sections: Mapping[str, Section]
    # The official occupation whose figures stand in for a role that has none of its own,
    # e.g. "SOC 15-1243 Database Architects"; None when the role's figures are its own.
    proxy: str | None = None
    # Upper-case short forms matched with their case only ("DE", "DA"): lower-cased they are
    # words of their own ("de", "da") in names and other languages.
    abbreviations: tuple[str, ...] = ()

    def section(self, aspect_id: str) -> Section:
        return self.sections[aspect_id]


@dataclass(frozen=True)
class Option:
    id: str
    title: str
    synonyms: tuple[str, ...]
    weights: Mapping[str, float]  # role id → how much choosing this points to that role
    reason: str


@dataclass(frozen=True)
class Condition:
    question: str
    answers: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    id: str
    ask: str
    why: str
    options: tuple[Option, ...]
    ask_if: Condition | None


@dataclass(frozen=True)
class GuidedPath:
    intro: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class KnowledgeBase:
    roles: Mapping[str, Role]
    aspects: Mapping[str, Aspect]
    sources: Mapping[str, Source]
    comparison_notes: Mapping[str, str]
    path: GuidedPath
    # Occupations people ask about that this assistant does not cover (other_jobs.yml), so that
    # "what do dentists earn?" gets "I cover ..." instead of an answer about some other role.
    other_jobs: tuple[str, ...] = ()
    # The roles comparisons.yml's notes were written about: a note about Data Scientists and ML
    # Engineers says nothing true about Data Analysts vs Data Engineers. Empty: any roles.
    comparison_roles: tuple[str, ...] = ()
    # Comparisons offered as buttons when a person asks to compare without naming two roles.
    suggested_pairs: tuple[tuple[str, str], ...] = ()

    def comparison_note(self, role_ids: Sequence[str], aspect_id: str) -> str | None:
        """What comparisons.yml adds when `role_ids` are compared on `aspect_id`, if it is about them."""
        if self.comparison_roles and not set(role_ids) <= set(self.comparison_roles):
            return None
        return self.comparison_notes.get(aspect_id)

    def role(self, role_id: str) -> Role | None:
        return self.roles.get(role_id)

    def role_names(self) -> list[str]:
        return [role.plural for role in self.roles.values()]


class _Reader:
    """Typed access to one YAML mapping, with errors that say where the problem is."""

    def __init__(self, file: Path, data: Any, role: str | None = None, prefix: str = ""):
        if not isinstance(data, dict):
            raise KnowledgeBaseError(file, "expected a mapping", role, prefix or None)
        self.file, self.data, self.role, self.prefix = file, data, role, prefix

    def _field(self, key: str) -> str:
        return f"{self.prefix}.{key}" if self.prefix else key

    def error(self, key: str, problem: str) -> KnowledgeBaseError:
        return KnowledgeBaseError(self.file, problem, self.role, self._field(key))

    def text(self, key: str, optional: bool = False) -> str:
        value = self.data.get(key)
        if value is None and optional:
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, "missing or empty text")
        return value.strip()

    def texts(self, key: str, optional: bool = False) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None and optional:
            return ()
        if not isinstance(value, list) or not value:
            raise self.error(key, "expected a non-empty list")
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.error(f"{key}[{i}]", "expected non-empty text")
        return tuple(item.strip() for item in value)

    def number(self, key: str) -> float:
        value = self.data.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise self.error(key, "expected a non-negative number")
        return float(value)

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            raise self.error(key, "expected true or false")
        return value

    def choice(self, key: str, allowed: Sequence[str]) -> str:
        value = self.text(key)
        if value not in allowed:
            raise self.error(key, f"{value!r} is not one of {', '.join(allowed)}")
        return value

    def child(self, key: str) -> _Reader:
        return _Reader(self.file, self.data.get(key), self.role, self._field(key))

    def children(self, key: str, optional: bool = False) -> list[_Reader]:
        value = self.data.get(key)
        if value is None and optional:
            return []
        if not isinstance(value, list):
            raise self.error(key, "expected a list")
        return [
            _Reader(self.file, item, self.role, self._field(f"{key}[{i}]")) for i, item in enumerate(value)
        ]


def _read_yaml(file: Path) -> Any:
    try:
        with file.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError:
        raise KnowledgeBaseError(file, "file not found") from None
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(file, f"not valid YAML: {exc}") from None


def _load_sources(file: Path) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for item in _Reader(file, _read_yaml(file)).children("sources"):
        source = Source(
            id=item.text("id"),
            name=item.text("name"),
            title=item.text("title"),
            published=item.text("published"),
            status=item.choice("status", SOURCE_STATUSES),
        )
        if source.id in sources:
            raise item.error("id", f"duplicate source id {source.id!r}")
        sources[source.id] = source
    return sources


def _load_aspects(file: Path) -> dict[str, Aspect]:
    aspects: dict[str, Aspect] = {}
    for item in _Reader(file, _read_yaml(file)).children("aspects"):
        aspect = Aspect(id=item.text("id"), title=item.text("title"), keywords=item.texts("keywords"))
        if aspect.id in aspects:
            raise item.error("id", f"duplicate aspect id {aspect.id!r}")
        aspects[aspect.id] = aspect
    return aspects


def _source_id(reader: _Reader, key: str, value: str, sources: Mapping[str, Source]) -> str:
    if value not in sources:
        raise reader.error(key, f"unknown source {value!r} (not in sources.yml)")
    return value


def _load_section(reader: _Reader, sources: Mapping[str, Source], role_proxy: str | None) -> Section:
    figures = []
    for item in reader.children("figures", optional=True):
        figure = Figure(
            what=item.text("what"),
            kind=item.text("kind"),
            value=item.number("value"),
            unit=item.choice("unit", UNITS),
            geography=item.text("geography"),
            period=item.text("period"),
            source=_source_id(item, "source", item.text("source"), sources),
            status=item.choice("status", SOURCE_STATUSES),
            proxy=item.flag("proxy"),
            group=item.flag("group"),
        )
        # A proxy figure is said as its `what`, so that text must carry the label everywhere.
        if figure.proxy and not role_proxy:
            raise item.error("proxy", "a proxy figure needs the role's `proxy` occupation")
        if figure.proxy and "proxy" not in figure.what.lower():
            raise item.error("what", "a proxy figure must say 'proxy' in its text")
        # The marker and the kind say the same thing, so no code has to guess from the text.
        for marker, flagged in (("proxy", figure.proxy), ("group", figure.group)):
            if figure.kind.startswith(f"{marker} ") != flagged:
                raise item.error(marker, f"`{marker}: true` and a kind starting with '{marker} ' go together")
        figures.append(figure)
    points = reader.texts("points", optional=True)
    if not points and not figures:
        raise reader.error("points", "a section needs points or figures")
    section_sources = reader.texts("sources")
    for i, source_id in enumerate(section_sources):
        _source_id(reader, f"sources[{i}]", source_id, sources)
    return Section(
        summary=reader.text("summary"),
        points=points,
        figures=tuple(figures),
        note=reader.text("note", optional=True) or None,
        sources=section_sources,
    )


def _load_role(file: Path, aspects: Mapping[str, Aspect], sources: Mapping[str, Source]) -> Role:
    data = _read_yaml(file)
    role_hint = data.get("id") if isinstance(data, dict) else None
    reader = _Reader(file, data, role=str(role_hint or file.stem))
    role_id = reader.text("id")
    if role_id != file.stem:
        raise reader.error("id", f"the id {role_id!r} must equal the file name {file.stem!r}")
    proxy = reader.text("proxy", optional=True) or None
    sections_reader = reader.child("sections")
    sections = {}
    for aspect_id in aspects:
        if aspect_id not in sections_reader.data:
            raise sections_reader.error(aspect_id, "missing section (every aspect in aspects.yml needs one)")
        sections[aspect_id] = _load_section(sections_reader.child(aspect_id), sources, proxy)
    unknown = sorted(set(sections_reader.data) - set(aspects))
    if unknown:
        raise sections_reader.error(unknown[0], "no such aspect in aspects.yml")
    return Role(
        id=role_id,
        name=reader.text("name"),
        plural=reader.text("plural"),
        aliases=tuple(alias.lower() for alias in reader.texts("aliases")),
        official_code=reader.text("official_code"),
        sections=sections,
        proxy=proxy,
        abbreviations=reader.texts("abbreviations", optional=True),
    )


MAX_OPTIONS = 5  # Slack and the widget show at most 5 buttons well
MIN_QUESTIONS, MAX_QUESTIONS = 5, 8  # questions any one person is asked


def _load_option(reader: _Reader, roles: Mapping[str, Role]) -> Option:
    weights_reader = reader.child("weights")
    weights = {}
    for role_id in weights_reader.data:
        if role_id not in roles:
            raise weights_reader.error(role_id, f"unknown role {role_id!r}")
        weights[role_id] = weights_reader.number(role_id)
    return Option(
        id=reader.text("id"),
        title=reader.text("title"),
        synonyms=reader.texts("synonyms"),
        weights=weights,
        reason=reader.text("reason"),
    )


def _most_asked(questions: Sequence[Question]) -> int:
    """The most questions any one person is asked, over every way of answering the questions
    that others depend on (ask_if); the file may hold more, for different people."""
    deciding = {q.ask_if.question for q in questions if q.ask_if}

    def walk(index: int, answers: dict[str, str]) -> int:
        if index == len(questions):
            return 0
        question = questions[index]
        condition = question.ask_if
        if condition is not None and answers.get(condition.question) not in condition.answers:
            return walk(index + 1, answers)
        if question.id not in deciding:
            return 1 + walk(index + 1, answers)
        return 1 + max(walk(index + 1, {**answers, question.id: o.id}) for o in question.options)

    return walk(0, {})


def _load_path(file: Path, roles: Mapping[str, Role]) -> GuidedPath:
    reader = _Reader(file, _read_yaml(file))
    questions: list[Question] = []
    for item in reader.children("questions"):
        options = tuple(_load_option(o, roles) for o in item.children("options"))
        if not 2 <= len(options) <= MAX_OPTIONS:
            raise item.error("options", f"a question needs 2 to {MAX_OPTIONS} options")
        if len({o.id for o in options}) != len(options):
            raise item.error("options", "option ids must be unique within a question")
        condition = None
        if "ask_if" in item.data:
            cond = item.child("ask_if")
            earlier = {q.id: q for q in questions}
            target = cond.text("question")
            if target not in earlier:
                raise cond.error("question", f"{target!r} is not an earlier question")
            answers = cond.texts("answers")
            unknown = [a for a in answers if a not in {o.id for o in earlier[target].options}]
            if unknown:
                raise cond.error("answers", f"{unknown[0]!r} is not an option of {target!r}")
            condition = Condition(question=target, answers=answers)
        question = Question(
            id=item.text("id"), ask=item.text("ask"), why=item.text("why"), options=options, ask_if=condition
        )
        if question.id in {q.id for q in questions}:
            raise item.error("id", f"duplicate question id {question.id!r}")
        questions.append(question)
    unconditional = sum(1 for q in questions if q.ask_if is None)
    if not unconditional >= MIN_QUESTIONS or _most_asked(questions) > MAX_QUESTIONS:
        raise reader.error("questions", f"everyone must get {MIN_QUESTIONS} to {MAX_QUESTIONS} questions")
    return GuidedPath(intro=reader.text("intro"), questions=tuple(questions))


def load(directory: Path | str | None = None) -> KnowledgeBase:
    """Read and validate every file of the knowledge base in `directory` (default: the configured one)."""
    directory = Path(directory or configured_dir())
    sources = _load_sources(directory / "sources.yml")
    aspects = _load_aspects(directory / "aspects.yml")
    role_files = sorted((directory / "roles").glob("*.yml"))
    if not role_files:
        raise KnowledgeBaseError(directory / "roles", "no role files (*.yml)")
    roles: dict[str, Role] = {}
    alias_owner: dict[str, str] = {}
    for file in role_files:
        role = _load_role(file, aspects, sources)
        for alias in role.aliases:
            if alias_owner.setdefault(alias, role.id) != role.id:
                raise KnowledgeBaseError(
                    file, f"alias {alias!r} is also used by role {alias_owner[alias]}", role.id, "aliases"
                )
        roles[role.id] = role
    comparisons_file = directory / "comparisons.yml"
    comparisons = _Reader(comparisons_file, _read_yaml(comparisons_file))
    notes = comparisons.child("notes")
    noted_roles = comparisons.texts("roles", optional=True)
    for i, role_id in enumerate(noted_roles):
        if role_id not in roles:
            raise comparisons.error(f"roles[{i}]", f"unknown role {role_id!r}")
    for aspect_id in notes.data:
        if aspect_id not in aspects:
            raise notes.error(aspect_id, "no such aspect in aspects.yml")
    pairs = []
    for i, pair in enumerate(comparisons.children("suggested", optional=True)):
        pair_roles = pair.texts("roles")
        if len(pair_roles) != 2 or not set(pair_roles) <= set(roles):
            raise comparisons.error(f"suggested[{i}]", f"needs two known role ids, not {list(pair_roles)}")
        pairs.append((pair_roles[0], pair_roles[1]))
    return KnowledgeBase(
        roles=roles,
        aspects=aspects,
        sources=sources,
        comparison_notes={aspect_id: notes.text(aspect_id) for aspect_id in notes.data},
        comparison_roles=noted_roles,
        suggested_pairs=tuple(pairs),
        path=_load_path(directory / "path.yml", roles),
        other_jobs=_load_other_jobs(directory / "other_jobs.yml", alias_owner, roles),
    )


def _load_other_jobs(
    file: Path, alias_owner: Mapping[str, str], roles: Mapping[str, Role]
) -> tuple[str, ...]:
    """The occupations of other_jobs.yml, minus any that a role file now covers: adding a role
    stays adding one file, and a covered role is never announced as not covered."""
    covered = {
        *alias_owner,
        *(r.name.lower() for r in roles.values()),
        *(r.plural.lower() for r in roles.values()),
    }
    return tuple(job for job in _Reader(file, _read_yaml(file)).texts("jobs") if job.lower() not in covered)


@functools.cache
def default() -> KnowledgeBase:
    """The configured knowledge base, loaded once per process."""
    return load(configured_dir())
