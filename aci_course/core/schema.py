"""The schema layer: each kind of author file described once, as typed pydantic models.

A model says what a file may hold (keys, types, allowed values, cross-field rules in
validators) and how messages speak of its mistakes; :func:`validate` checks a document
loaded by :func:`aci_course.core.yamlsource.load_yaml` and turns the first pydantic
error into ``path:line: what is wrong - how to fix it``: the error's location (``loc``,
e.g. ``("quizzes", 0, "questions", 1, "text", "be")``) is walked through the models
and the marked YAML at the same time, so the line is the one of the bad value, and
the words come from the models. The same models give the JSON Schemas in
``schemas/`` that authors' editors use (``python -m aci_course.schema_export``).

Adding a file kind (as ``profiles/<name>.yml`` was: :mod:`aci_course.export.profile`):

1. Write its models in the capability's package (``aci_course/<capability>/``), each a
   subclass of :class:`AuthorModel` (or of a base of your own that sets default
   ``messages`` for the kind, as :class:`aci_course.quiz.model.QuizModel` does). Give every
   field a ``Field(description=...)``: editors show it. Use :data:`Items` for lists (a
   tuple at run time; :class:`AtLeast` for a minimum), :data:`Slug`, ``Literal[...]`` for
   fixed choices, and :data:`NotNull` for optional keys.
2. Say how messages name an object: ``called`` (``'quiz "{id}"'``, or ``"{parent}"`` for a
   part such as a text, the default) and ``called_by_number`` (``"quiz {n} of {parent}"``,
   used while its ``id`` is missing or not a slug).
3. Messages are looked up for each error, most specific first: the :class:`Words` of the
   field (``Annotated[type, Words(invalid=Say(...), example="...")]``; Words on an item
   type count for its items), then ``messages`` of the model and its bases. Keys are the
   pydantic error type (``"string_type"``, ``"too_short"``, ``"literal_error"``...), or
   ``"none"`` (a key without value), ``"empty"`` (an empty list), ``"none_object"`` (an
   empty file), then the category: ``"extra"`` (unknown key), ``"missing"``,
   ``"not_mapping"`` (the object itself is no mapping) or ``"invalid"``. A :class:`Say`
   holds ``problem`` and ``fix`` templates (``str.format``: write a literal brace twice)
   and the line to show (``at``). Templates may use ``{where}`` (the object, as named in
   2.), ``{key}`` (the key at fault), ``{name}`` (``Words(name=...)`` or the key the
   object sits under), ``{value}``, ``{n}``, ``{keys}`` (the allowed keys),
   ``{languages}`` (the course's, from the validation context), ``{texts}`` and
   ``{lists}`` (a text and a list in every one of them, ``{ru: "...", be: "..."}``; also
   in the text keywords of Words), ``{data[...]}`` (the object's mapping), the pydantic error's own
   context (``{min_length}``, ``{actual_length}``...) and the text keywords of the Words
   of the field the object sits under and of the field at fault (``{example}``).
   Of several mistakes the first in reading order is shown (depth first; in one object
   ``checked_first`` keys, then unknown keys, missing keys, wrong values, then rules).
4. Rules across fields go in ``@model_validator(mode="after")`` (or field validators) that
   ``raise problem(template, fix, at=..., **values)``; ``at`` and tuple values are paths
   relative to the object (``("options", 2)``) and become line numbers.
5. Fields the loader fills in (a line, the module id) are ``SkipJsonSchema[...]`` with a
   default, set by :meth:`AuthorModel.derive`; authors cannot write them.
6. A value in every course language is a :class:`Localized` (``Localized[str]``): its
   keys are the languages the project configures (:func:`aci_course.core.build_context.
   course_languages`), passed to :func:`validate` as ``languages``, not fixed in the model.
7. Load with ``validate(TheModel, load_yaml(path, display), display, languages, **context)``, add
   the kind to :data:`aci_course.schema_export.KINDS`, run ``make schemas``, and test
   each message by its exact text.
"""

from __future__ import annotations

import re
import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Generic, TypeVar, Union, get_args, get_origin

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue, SkipJsonSchema
from pydantic_core import ErrorDetails, PydanticCustomError, PydanticKnownError, core_schema

from aci_course.core.errors import AuthorError
from aci_course.core.yamlsource import MarkedDict, MarkedList

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG = re.compile(SLUG_PATTERN)
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
"""A lowercase ASCII slug: ``inclusive-school``, ``check-1``."""

_Item = TypeVar("_Item")


def _as_tuple(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


Items = Annotated[tuple[_Item, ...], BeforeValidator(_as_tuple)]
"""A YAML list, kept as an (immutable) tuple."""


def _refuse_null(value: Any) -> Any:
    if value is None:
        raise PydanticCustomError("null", "the key has no value")
    return value


class _NotNull:
    """``Annotated[X | None, NotNull] = None``: an optional key, left out or given a value."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(_refuse_null, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        kept = [s for s in json_schema.pop("anyOf", []) if s.get("type") != "null"]
        json_schema.update(kept[0] if len(kept) == 1 else {"anyOf": kept} if kept else {})
        return json_schema


NotNull = _NotNull()


@dataclass(frozen=True)
class AtLeast:
    """``Annotated[Items[X], AtLeast(2)]``: a list of at least ``count`` items.

    Counted before the items are checked, so that a list that is too short is
    reported as such rather than by a mistake in one of its few items.
    """

    count: int

    def _check(self, value: Any) -> Any:
        if isinstance(value, list | tuple) and len(value) < self.count:
            raise PydanticKnownError(
                "too_short",
                {"field_type": "List", "min_length": self.count, "actual_length": len(value)},
            )
        return value

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(self._check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {**handler(schema), "minItems": self.count}


@dataclass(frozen=True)
class Say:
    """One message: ``problem`` and ``fix`` templates and the line to show.

    ``at``: ``""`` the line of the value at fault (of the key, for unknown and missing
    keys: a missing key falls back to its mapping); ``"mapping"`` the first line of
    the object; ``"owner"`` the line of the key the object sits under; ``"field"`` the
    line of the object's key at fault; any other key name: the line of that key of
    the object (e.g. ``"id"``).
    """

    problem: str
    fix: str
    at: str = ""

    def error(self, **values: Any) -> Exception:
        """The message as a validator's error (see :func:`problem`)."""
        return problem(self.problem, self.fix, self.at, **values)


@dataclass(frozen=True, init=False)
class Words:
    """How messages speak of a field: ``Annotated[type, Words(invalid=Say(...), var="...")]``.

    Keywords given a :class:`Say` are the field's messages by error kind (``say`` takes
    a mapping of them too); keywords given text are template variables.
    """

    say: Mapping[str, Say] = field(default_factory=dict)
    vars: Mapping[str, str] = field(default_factory=dict)

    def __init__(self, say: Mapping[str, Say] | None = None, **values: str | Say) -> None:
        messages = {k: v for k, v in values.items() if isinstance(v, Say)}
        object.__setattr__(self, "say", {**(say or {}), **messages})
        object.__setattr__(self, "vars", {k: v for k, v in values.items() if isinstance(v, str)})


def problem(
    template: str, fix: str, at: str | tuple[str | int, ...] = "", **values: Any
) -> Exception:
    """An author's mistake found by a validator (templates as in :class:`Say`).

    ``at`` and tuple ``values`` are paths relative to the object being validated;
    they become line numbers (``"also on line {first}"`` with ``first=("questions", 0)``).
    """
    return PydanticCustomError(
        "author", "{say_problem}", {"say_problem": template, "say_fix": fix, "at": at, **values}
    )


class AuthorModel(BaseModel):
    """Base of every model of an author file: strict, closed, immutable."""

    # Strict: YAML already gives typed values, so "90" is no number and 1 no text.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)

    messages: ClassVar[Mapping[str, Say]] = {}
    called: ClassVar[str] = "{parent}"
    called_by_number: ClassVar[str] = ""
    checked_first: ClassVar[tuple[str, ...]] = ()  # keys whose mistakes are reported first

    @classmethod
    def derive(cls, data: MarkedDict, context: Any) -> dict[str, Any]:
        """Values of the loader's own fields (``SkipJsonSchema``) for ``data``."""
        return {}

    @classmethod
    def derived_fields(cls) -> frozenset[str]:
        """Fields the loader fills in: not in the schema, never written by authors."""
        return frozenset(
            name
            for name, info in cls.model_fields.items()
            # by name: to type checkers SkipJsonSchema is an alias, not a class
            if any(type(m).__name__ == SkipJsonSchema.__name__ for m in info.metadata)
        )

    @classmethod
    def author_keys(cls) -> list[str]:
        """The keys an author may write, in the order of the model."""
        derived = cls.derived_fields()
        return [name for name in cls.model_fields if name not in derived]

    @classmethod
    def naming(cls, data: Any, parent: str, n: int | None) -> str:
        """How messages name an object with ``data``, the ``n``-th in its list."""
        ident = data.get("id") if isinstance(data, dict) else None
        if cls.called_by_number and not (isinstance(ident, str) and SLUG.match(ident)):
            return cls.called_by_number.format(n=n, parent=parent)
        return cls.called.format(id=ident, n=n, parent=parent)

    @model_validator(mode="wrap")
    @classmethod
    def _fill_derived(
        cls, data: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
    ) -> Any:
        derived = cls.derived_fields()
        if derived and isinstance(data, MarkedDict):
            for key in data:
                if key in derived:
                    raise PydanticCustomError("extra_key", "unknown key {key}", {"key": key})
            data = {**data, **cls.derive(data, info.context)}
        return handler(data)


_Value = TypeVar("_Value")


class Localized(AuthorModel, Generic[_Value]):
    """A value in every course language: ``{ru: ..., be: ..., en: ...}``.

    Its keys are not fields: they are the languages in the validation context
    (:func:`validate`), so a site in one language writes ``{en: ...}`` and a course
    with a fourth language adds it in ``mkdocs.yml``, not here. A missing language
    is reported as a missing key, another key as an unknown one, with the line of
    each; ``make schemas`` lists the configured languages as the properties.
    """

    model_config = ConfigDict(extra="allow", json_schema_extra={"x-languages": True})
    __pydantic_extra__: dict[str, _Value] = Field(init=False)

    @model_validator(mode="wrap")
    @classmethod
    def _in_every_language(
        cls, data: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
    ) -> Any:
        languages = (info.context or {}).get("languages")
        if isinstance(data, dict) and languages is not None:  # else built in code: as given
            errors: list[Any] = [
                {"type": "extra_forbidden", "loc": (key,), "input": data[key]}
                for key in data
                if key not in languages
            ]
            errors += [
                {"type": "missing", "loc": (lang,), "input": data}
                for lang in languages
                if lang not in data
            ]
            if errors:
                raise ValidationError.from_exception_data(cls.__name__, errors)
            data = {lang: data[lang] for lang in languages}  # the course's order, default first
        return handler(data)

    @classmethod
    def value_type(cls) -> Any:
        """The type of the value in each language (messages walk into it)."""
        for klass in cls.__mro__:
            meta = getattr(klass, "__pydantic_generic_metadata__", None) or {}
            if meta.get("origin") is Localized and meta.get("args"):
                return meta["args"][0]
        return Any

    def __getitem__(self, lang: str) -> _Value:
        """The value in ``lang``."""
        value: _Value = (self.__pydantic_extra__ or {})[lang]
        return value

    def languages(self) -> tuple[str, ...]:
        """The languages given: the course's, the default first."""
        return tuple(self.__pydantic_extra__ or {})


def language_examples(languages: Sequence[str]) -> dict[str, str]:
    """``{texts}`` and ``{lists}`` of messages: ``{ru: "...", be: "..."}`` and lists."""
    return {
        "texts": "{" + ", ".join(f'{lang}: "..."' for lang in languages) + "}",
        "lists": "{" + ", ".join(f'{lang}: ["..."]' for lang in languages) + "}",
    }


def _in_languages(text: str, examples: Mapping[str, str]) -> str:
    """A Words keyword with ``{texts}``/``{lists}`` in the course's languages.

    Only these two: the keywords are examples, whose other braces are YAML.
    """
    for name, example in examples.items():
        text = text.replace("{" + name + "}", example)
    return text


_Model = TypeVar("_Model", bound=AuthorModel)


def validate(
    model: type[_Model], data: Any, display: str, languages: Sequence[str], **context: Any
) -> _Model:
    """``data`` (from :func:`load_yaml`) as a ``model``, or the first mistake as AuthorError.

    ``display`` (the file as messages name it), ``languages`` (the course's, the default
    first: what a :class:`Localized` value must give) and ``context`` reach the
    validators and :meth:`AuthorModel.derive` as the validation context.
    """
    langs = tuple(languages)
    try:
        return model.model_validate(
            data, context={"display": display, "languages": langs, **context}
        )
    except ValidationError as error:
        found = [_explain(model, data, detail, langs) for detail in error.errors(include_url=False)]
        _, line, text, fix = min(found, key=lambda spot: spot[0])
        raise AuthorError(display, line, text, fix) from None


# --- from a pydantic error to the author's line and words ----------------------------------


@dataclass
class _Frame:
    """An object on the way down an error's location."""

    model: type[AuthorModel]
    data: Any
    where: str
    n: int | None
    name: str  # the key it sits under
    line: int  # of that key (or list item)
    words: list[Words]  # of the field it sits under


def _unwrap(tp: Any) -> tuple[Any, list[Words]]:
    """The type under ``Annotated`` and ``X | None``, and the Words on the way."""
    found: list[Words] = []
    while True:
        if get_origin(tp) is Annotated:
            tp, *meta = get_args(tp)
            found += [m for m in meta if isinstance(m, Words)]
        elif get_origin(tp) in (Union, types.UnionType) and any(map(_is_none, get_args(tp))):
            rest = [arg for arg in get_args(tp) if not _is_none(arg)]
            tp = rest[0] if len(rest) == 1 else Union[tuple(rest)]  # noqa: UP007
        else:
            return tp, found


def _is_none(tp: Any) -> bool:
    """``None``, or ``SkipJsonSchema[None]`` (an optional key that the schema does not offer)."""
    return tp is type(None) or (get_origin(tp) is Annotated and get_args(tp)[0] is type(None))


def _tag(member: Any) -> Any:
    """The ``type`` a member of a tagged union stands for."""
    info = getattr(member, "model_fields", {}).get("type")
    return info.default if info is not None else None


def _line_at(data: Any, path: tuple[Any, ...], line: int) -> int:
    for key in path:
        if isinstance(data, MarkedDict):
            line, data = data.line_of(key), data.get(key)
        elif isinstance(data, MarkedList) and isinstance(key, int):
            line, data = data.line_of(key), data[key] if 0 <= key < len(data) else None
        else:
            break
    return line


def _explain(
    root: type[AuthorModel], data: Any, error: ErrorDetails, languages: Sequence[str]
) -> tuple[Any, int, str, str]:
    """``(order, line, problem, fix)`` of one pydantic error.

    ``order`` ranks errors as an author reads a file: depth first, and in one object
    unknown keys before missing ones, before wrong values, before rules across fields.
    """
    kind, loc, ctx = error["type"], list(error["loc"]), dict(error.get("ctx") or {})
    if kind == "extra_key":  # a loader's own field written by the author
        kind, loc = "extra_forbidden", [*loc, ctx.pop("key")]
    tp: Any = root
    value, line, n, name = data, getattr(data, "line", 1), None, ""
    frame: _Frame | None = None
    words: list[Words] = []  # of the field at fault and its items, outermost first
    key: Any = None  # the frame's key at fault
    order: list[tuple[int, int]] = []
    i = 0
    while True:
        tp, found = _unwrap(tp)
        words += found
        if isinstance(tp, type) and issubclass(tp, AuthorModel):
            where = tp.naming(value, frame.where if frame else "", n)
            frame = _Frame(tp, value, where, n, name, line, words)
            words, key = [], None
            if i == len(loc):
                break
            key, i = loc[i], i + 1
            fields = list(tp.model_fields)
            last = i == len(loc)
            rank = (
                -1
                if key in tp.checked_first
                else 0
                if last and kind == "extra_forbidden"
                else 1
                if last and kind == "missing"
                else 2
            )
            order.append((rank, fields.index(key) if key in fields else 0))
            if isinstance(value, MarkedDict):
                line = value.line_of(key)
            value = value.get(key) if isinstance(value, dict) else None
            if key not in tp.model_fields:
                if issubclass(tp, Localized) and not (
                    last and kind in ("missing", "extra_forbidden")
                ):
                    tp, name = tp.value_type(), str(key)  # the text in one language
                    continue
                break
            info = tp.model_fields[key]
            tp, name = info.annotation, str(key)
            words += [m for m in info.metadata if isinstance(m, Words)]
            if last and kind == "missing":
                tp, found = _unwrap(tp)
                words += found
                break
            continue
        origin = get_origin(tp)
        if origin in (tuple, list, dict) and i < len(loc):
            step, i = loc[i], i + 1
            order.append((2, step if isinstance(step, int) else 0))
            line = _line_at(value, (step,), line)
            value = (
                value.get(step)
                if isinstance(value, dict)
                else value[step]
                if isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value)
                else None
            )
            if isinstance(step, int):
                n = step + 1
            tp = get_args(tp)[-1 if origin is dict else 0]
            continue
        if origin in (Union, types.UnionType):
            members = get_args(tp)
            chosen = [m for m in members if i < len(loc) and _tag(m) == loc[i]]
            i += bool(chosen)  # the tag pydantic puts in the location
            tp = chosen[0] if chosen else members[0]  # the union itself speaks as its members
            continue
        break
    assert frame is not None  # the root is a model
    if kind == "author":
        category = "custom"
        if key is None:
            order.append((3, 0))
    elif kind in ("extra_forbidden", "missing"):
        category = "extra" if kind == "extra_forbidden" else "missing"
    elif key is None and (
        kind in ("model_type", "model_attributes_type", "null")
        or (kind == "union_tag_not_found" and not isinstance(value, dict))
    ):
        category = "not_mapping"
    else:
        category = "invalid"
    given = error["input"]
    if category == "not_mapping":
        kinds = ["none_object", "not_mapping"] if given is None else ["not_mapping"]
    elif kind == "literal_error" and not (isinstance(given, str) and given.strip()):
        kinds = [category]  # no text at all: a wrong type rather than an unknown choice
    else:
        kinds = [kind, category]
        if kind == "too_short" and ctx.get("actual_length") == 0:
            kinds.insert(0, "empty")
        if given is None and (kind.endswith("_type") or kind == "null"):
            kinds.insert(0, "none")
    say = (
        Say(ctx.pop("say_problem"), ctx.pop("say_fix"))
        if category == "custom"
        else _find_say(frame.model, words, kinds)
    )
    examples = language_examples(languages)
    values: dict[str, Any] = {
        "value": error["input"],
        "languages": ", ".join(languages),
        **examples,
        **{k: _in_languages(v, examples) for w in frame.words for k, v in w.vars.items()},
        **{k: _in_languages(v, examples) for w in words for k, v in w.vars.items()},
    }
    values.setdefault("name", frame.name)
    at = ctx.pop("at", "") or say.at
    data_here = frame.data if isinstance(frame.data, MarkedDict) else None
    for k, v in ctx.items():
        values[k] = _line_at(data_here, v, frame.line) if isinstance(v, tuple) else v
    values.update(
        where=frame.where,
        key=frame.name if key is None else key,
        n=frame.n,
        keys=", ".join(frame.model.author_keys()),
        data=frame.data,
    )
    if isinstance(at, tuple):
        line = _line_at(data_here, at, frame.line)
    elif at == "owner":
        line = frame.line
    elif at == "mapping":
        line = getattr(frame.data, "line", frame.line)
    elif at:
        line = data_here.line_of(key if at == "field" else at) if data_here else frame.line
    return (
        tuple(order),
        line,
        say.problem.format_map(values),
        say.fix.format_map(values),
    )


def _find_say(model: type[AuthorModel], words: list[Words], kinds: list[str]) -> Say:
    """The most specific message: of the innermost Words, else of the model, else its bases."""
    said: list[Mapping[str, Say]] = [w.say for w in reversed(words)] + [
        getattr(cls, "__dict__", {}).get("messages", {}) for cls in model.__mro__
    ]
    for messages in said:
        for kind in kinds:
            if kind in messages:
                return messages[kind]
    return Say("{key}: {value!r} is not valid here", "see the schema in schemas/")
