"""records: every class of resdiff.model made with @record behaves as @dataclass(frozen=True) would make
it — equality, hash, repr, immutability, replace(), asdict() — checked on the values resdiff builds
from real corpus texts (comparison, draft, history, amendments), against a twin class that plain
dataclasses builds from the same fields."""

from __future__ import annotations

import dataclasses
import itertools
import typing

import pytest

from conftest import SEED, corpus
from resdiff import model
from resdiff.amendments import amendments_from
from resdiff.comparison import compare
from resdiff.draft import draft_next
from resdiff.history import history
from resdiff.read import read_file
from resdiff.records import record

RECORD_CLASSES = [c for c in vars(model).values()
                  if isinstance(c, type) and c.__module__ == model.__name__ and dataclasses.is_dataclass(c)]


def _twin(cls: type, frozen: bool = True) -> type:
    """The class @dataclass(frozen=True) (or plain @dataclass) makes from ``cls``'s fields (same names,
    defaults, options) and its own __post_init__, if any."""
    namespace = {"__annotations__": {f.name: f.type for f in dataclasses.fields(cls)}, "__module__": cls.__module__,
                 "__qualname__": cls.__qualname__}
    for f in dataclasses.fields(cls):
        namespace[f.name] = dataclasses.field(default=f.default, default_factory=f.default_factory, init=f.init,
                                              repr=f.repr, hash=f.hash, compare=f.compare)
    if "__post_init__" in cls.__dict__:
        namespace["__post_init__"] = cls.__dict__["__post_init__"]
    return dataclasses.dataclass(frozen=frozen)(type(cls.__name__, (), namespace))


TWINS = {cls: _twin(cls) for cls in RECORD_CLASSES}


def _as_twin(value):
    twin = TWINS[type(value)]
    made = twin(**{f.name: getattr(value, f.name) for f in dataclasses.fields(value) if f.init})
    for f in dataclasses.fields(value):
        if not f.init:
            object.__setattr__(made, f.name, getattr(value, f.name))
    return made


def _records(value, found: list) -> list:
    """Every record reachable from ``value`` (through fields, tuples, lists and dicts)."""
    if type(value) in TWINS:
        found.append(value)
        for f in dataclasses.fields(value):
            _records(getattr(value, f.name), found)
    elif isinstance(value, (tuple, list)):
        for item in value:
            _records(item, found)
    elif isinstance(value, dict):
        for item in value.values():
            _records(item, found)
    return found


def _outcome(func):
    try:
        return func()
    except TypeError as err:  # an unhashable field value: both must refuse the same way
        return type(err)


@pytest.fixture(scope="module")
def real_values() -> list:
    zh_old, zh_new = read_file(corpus("A_RES_51_102.zh.excerpt.txt")), read_file(corpus("A_RES_55_105.zh.excerpt.txt"))
    en_old, en_new = read_file(corpus("A_RES_74_153.en.txt")), read_file(corpus("A_RES_75_180.en.txt"))
    zh_cmp, en_cmp = compare(zh_old, zh_new), compare(en_old, en_new)
    roots = [zh_cmp, en_cmp, draft_next(read_file(SEED)), draft_next(en_new), amendments_from(en_cmp),
             history([read_file(corpus(n)) for n in ("A_RES_72_169.en.txt", "A_RES_74_153.en.txt",
                                                      "A_RES_75_180.en.txt")])]
    return _records(roots, [])


def test_every_model_class_is_a_record_and_the_real_values_cover_most_of_them(real_values):
    assert RECORD_CLASSES and all(getattr(c, "_record_compared", None) for c in RECORD_CLASSES)
    covered = {type(v) for v in real_values}
    assert len(covered) >= len(RECORD_CLASSES) - 3, sorted(c.__name__ for c in set(RECORD_CLASSES) - covered)


def test_repr_hash_and_equality_are_those_of_a_frozen_dataclass(real_values):
    by_class: dict[type, list] = {}
    for value in real_values:
        twin = _as_twin(value)
        assert repr(value) == repr(twin)
        assert _outcome(lambda: hash(value)) == _outcome(lambda: hash(twin))
        assert value == dataclasses.replace(value) and not value != dataclasses.replace(value)
        assert value.__eq__(twin) is NotImplemented and value != twin and value != "text"
        by_class.setdefault(type(value), []).append((value, twin))
    for pairs in by_class.values():
        for (a, twin_a), (b, twin_b) in itertools.islice(itertools.combinations(pairs, 2), 400):
            assert (a == b) == (twin_a == twin_b) and (a != b) == (twin_a != twin_b)


def test_records_are_frozen_dataclasses_like_before(real_values):
    for value in real_values[:200]:
        name = dataclasses.fields(value)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(value, name, None)
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(value, name)
        assert dataclasses.asdict(value) == dataclasses.asdict(_as_twin(value))


def test_options_of_fields_are_respected_synthetic():
    # Synthetic classes: a field left out of comparison, of the hash, of the repr; one field; no field.
    @record
    class Noted:
        text: str
        note: str = dataclasses.field(default="", compare=False)
        weight: int = dataclasses.field(default=0, hash=False)
        secret: str = dataclasses.field(default="", repr=False)

    @record
    class One:
        n: int

    @record
    class Empty:
        pass

    for value in [Noted("a", "x", 1, "s"), Noted("a", "y", 2), One(3), Empty()]:
        twin = _twin(type(value))(**dataclasses.asdict(value))
        assert repr(value) == repr(twin) and hash(value) == hash(twin)
    assert Noted("a", "x") == Noted("a", "y") and Noted("a", weight=1) != Noted("a", weight=2)
    assert hash(Noted("a", weight=1)) == hash(Noted("a", weight=2)) and One(3) != One(4) and Empty() == Empty()

    @record
    class Node:
        children: list

    loop = Node([])
    loop.children.append(loop)
    assert repr(loop) == "test_options_of_fields_are_respected_synthetic.<locals>.Node(children=[...])"


def test_every_record_of_resdiff_takes_the_fast_path():
    # The fast path (nothing compiled at import) needs a docstring and plain fields: a record that loses
    # it silently costs ~400 µs of every start, so every record class of the package is checked here.
    import importlib
    import pkgutil

    import resdiff
    from resdiff.records import _frozen_setattr

    found = []
    for info in pkgutil.walk_packages(resdiff.__path__, "resdiff."):
        if info.name.startswith("resdiff.serve") or info.name == "resdiff.__main__":  # extra packages; runs the CLI
            continue
        module = importlib.import_module(info.name)
        found += [c for c in vars(module).values() if isinstance(c, type) and c.__module__ == module.__name__
                  and "_record_compared" in c.__dict__ and c.__hash__ is not None]  # (not @mutable_record)
    assert len(found) >= len(RECORD_CLASSES) + 3
    assert [c.__name__ for c in found if c.__setattr__ is not _frozen_setattr] == []


def test_init_is_compiled_on_first_use_and_then_is_that_of_a_frozen_dataclass():
    import inspect

    @record
    class Fresh:
        """Synthetic: a record never built before this test."""

        text: str
        count: int = 0
        items: tuple = dataclasses.field(default_factory=tuple)
        seen: list = dataclasses.field(default_factory=list)

    assert str(inspect.signature(Fresh)) == "(*args, **kwargs)"  # the placeholder, until first use
    first = Fresh("a")
    assert str(inspect.signature(Fresh)) == str(inspect.signature(_twin(Fresh)))
    assert Fresh.__init__.__annotations__ == _twin(Fresh).__init__.__annotations__
    assert Fresh.__init__.__qualname__ == _twin(Fresh).__init__.__qualname__
    assert first == Fresh("a", 0, (), []) and first.seen is not Fresh("a").seen
    assert Fresh("a", items=(1,), seen=[2]) == Fresh(text="a", count=0, items=(1,), seen=[2])
    with pytest.raises(TypeError):
        Fresh()
    with pytest.raises(TypeError):
        Fresh("a", nothing=1)
    assert first.__dict__ == dataclasses.asdict(first)  # stored as instance attributes, as dataclasses does
    assert Fresh.__match_args__ == ("text", "count", "items", "seen")
    assert Fresh.__dataclass_params__.frozen and Fresh.__dataclass_params__.init


def test_subclasses_follow_the_rules_of_a_frozen_dataclass_synthetic():
    @record
    class Base:
        """Synthetic base."""

        a: int

    twin = _twin(Base)
    for base in (Base, twin):
        @dataclasses.dataclass(frozen=True)
        class Frozen(base):
            b: int = 0

        assert Frozen(1, 2).b == 2 and [f.name for f in dataclasses.fields(Frozen)] == ["a", "b"]
        with pytest.raises(dataclasses.FrozenInstanceError):
            Frozen(1).a = 2
        with pytest.raises(TypeError, match="non-frozen dataclass from a frozen one"):
            @dataclasses.dataclass
            class Thawed(base):
                c: int = 0

        class Plain(base):  # not a dataclass: other attributes may be set, fields may not
            pass

        plain = Plain(1)
        plain.extra = 3
        del plain.extra
        with pytest.raises(dataclasses.FrozenInstanceError):
            plain.a = 2
        with pytest.raises(dataclasses.FrozenInstanceError):
            del plain.a
    with pytest.raises(dataclasses.FrozenInstanceError):
        Base(1).extra = 3


def test_classes_the_fast_path_does_not_cover_are_made_by_dataclasses_synthetic():
    from resdiff.records import _frozen_setattr

    @record
    class Undocumented:
        a: int

    @record
    class WithClassVar:
        """Synthetic."""

        shared: typing.ClassVar[int] = 3
        a: int = 0

    @record
    class WithInitVar:
        """Synthetic."""

        a: int
        scale: dataclasses.InitVar[int] = 1

        def __post_init__(self, scale):
            object.__setattr__(self, "a", self.a * scale)

    @record
    class WithHidden:
        """Synthetic."""

        a: int
        hidden: int = dataclasses.field(default=5, init=False)
        named: int = dataclasses.field(default=0, kw_only=True)

    @record
    class Derived(WithHidden):
        """Synthetic."""

        b: int = 1

    values = [Undocumented(1), WithClassVar(2), WithInitVar(2, scale=3), WithHidden(1, named=2), Derived(1, b=2)]
    for value in values:
        cls = type(value)
        assert cls.__setattr__ is not _frozen_setattr  # made by dataclasses
        assert repr(value) == repr(_as_twin_of(value)) and hash(value) == hash(_as_twin_of(value))
        with pytest.raises(dataclasses.FrozenInstanceError):
            value.a = 0
    assert Undocumented.__doc__ == "Undocumented(a: 'int')" and WithInitVar(2, scale=3).a == 6
    assert WithClassVar.shared == 3 and [f.name for f in dataclasses.fields(WithClassVar)] == ["a"]
    assert WithHidden(1).hidden == 5 and Derived(1, b=2) != Derived(1, b=3)
    with pytest.raises(TypeError, match="non-default argument"):
        @record
        class Misordered:
            """Synthetic: a field without default after one with a default, which dataclasses refuses."""

            a: int = 0
            b: int


def _as_twin_of(value):
    """A twin made from the same fields as ``value`` (for synthetic classes, any base or option)."""
    cls = type(value)
    twin = dataclasses.dataclass(frozen=True)(type(cls.__name__, (), {
        "__annotations__": {f.name: f.type for f in dataclasses.fields(cls)}, "__qualname__": cls.__qualname__}))
    made = object.__new__(twin)
    for f in dataclasses.fields(cls):
        object.__setattr__(made, f.name, getattr(value, f.name))
    return made


def test_records_still_work_where_dataclass_parameters_cannot_be_changed_synthetic(monkeypatch):
    # The fast path marks its parameters frozen (only subclassing reads them); a Python whose parameters
    # object refuses assignment must still get working records.
    import types

    real = dataclasses.dataclass

    def read_only_parameters(cls=None, /, **options):
        made = real(cls, **options)
        made.__dataclass_params__ = types.MappingProxyType({})  # refuses attribute assignment
        return made

    monkeypatch.setattr(dataclasses, "dataclass", read_only_parameters)

    @record
    class Kept:
        """Synthetic."""

        a: int
        b: str = ""

    monkeypatch.undo()
    assert Kept(1) == Kept(1, "") and repr(Kept(1)) == "test_records_still_work_where_dataclass_parameters_" \
        "cannot_be_changed_synthetic.<locals>.Kept(a=1, b='')"
    with pytest.raises(dataclasses.FrozenInstanceError):
        Kept(1).b = "x"


# ── @mutable_record: @dataclass made the same way ────────────────────────────────────────────────────

def _mutable_classes() -> list[type]:
    from resdiff import align
    from resdiff.read import structure
    from resdiff.render import docx

    return [align._Side, align._Group, structure._MarkerState, docx.Piece, docx.NotePlan, docx.LineStyle,
            docx.ParaPlan, docx.Side]


def test_mutable_records_of_resdiff_take_the_fast_path():
    from resdiff.records import _eq

    assert all(c.__eq__ is _eq and c.__hash__ is None for c in _mutable_classes())


def test_mutable_records_behave_as_dataclasses_on_a_real_redline_plan():
    # The Word writer's plan of the zh corpus pair, and each of its values rebuilt by a plain @dataclass
    # twin: same repr, same equality, unhashable alike, fields assignable.
    from resdiff.render import docx

    cmp = compare(read_file(corpus("A_RES_51_102.zh.excerpt.txt")), read_file(corpus("A_RES_55_105.zh.excerpt.txt")))
    plans = docx._redline_plans(cmp)
    twins = {cls: _twin(cls, frozen=False) for cls in _mutable_classes()}

    def as_twin(value):
        if type(value) in twins:
            return twins[type(value)](**{f.name: as_twin(getattr(value, f.name)) for f in dataclasses.fields(value)})
        if isinstance(value, list):
            return [as_twin(v) for v in value]
        return value

    values = [v for plan in plans for v in [plan, plan.style, *plan.pieces]]
    assert len({type(v) for v in values}) >= 3 and len(values) > 50
    for value in values:
        twin = as_twin(value)
        assert repr(value) == repr(twin)
        with pytest.raises(TypeError):
            hash(value)
        assert value == dataclasses.replace(value) and value.__eq__(twin) is NotImplemented
        assert dataclasses.asdict(value) == dataclasses.asdict(twin)
    for a, b in itertools.islice(itertools.combinations(values, 2), 2000):
        assert (a == b) == (as_twin(a) == as_twin(b))


def test_mutable_record_init_assigns_calls_post_init_and_matches_dataclass_synthetic():
    import inspect

    from resdiff.records import mutable_record

    @mutable_record
    class Counter:
        """Synthetic: a mutable record with a factory field and a __post_init__."""

        name: str
        items: list = dataclasses.field(default_factory=list)
        size: int = 0

        def __post_init__(self):
            self.size = len(self.items)

    twin = _twin(Counter, frozen=False)
    first = Counter("a", [1, 2])
    assert first.size == 2 and Counter("b").items == [] and Counter("b").items is not Counter("b").items
    first.name = "c"
    del first.size  # the class default shows again, as in a dataclass
    assert (first.name, first.size) == ("c", 0)
    assert str(inspect.signature(Counter)) == str(inspect.signature(twin))
    assert repr(Counter("x", [3])) == repr(twin("x", [3]))
    assert Counter("x") == Counter("x") and Counter("x") != Counter("y") and Counter.__hash__ is None
    assert Counter.__dataclass_params__.eq and not Counter.__dataclass_params__.frozen

    @mutable_record
    class OwnEquality:
        """Synthetic: its own __eq__ is kept, as @dataclass keeps it."""

        a: int

        def __eq__(self, other):
            return True

    assert OwnEquality(1) == OwnEquality(2) and OwnEquality(1) == "anything"


def test_word_reader_records_behave_as_frozen_dataclasses():
    # The seed written as a Word file by resdiff and read back: DocxContent, its DocxParagraphs and their
    # FootnoteRefs (records since the reader's dataclasses moved to @record), against frozen twins.
    from resdiff.read.docx import DocxContent, DocxParagraph, FootnoteRef, docx_content
    from resdiff.render.docx import resolution_document

    content = docx_content(resolution_document(read_file(SEED)))
    values = [content, *content.paragraphs, *(r for p in content.paragraphs for r in p.footnote_refs)]
    assert {type(v) for v in values} == {DocxContent, DocxParagraph, FootnoteRef}
    twins = {cls: _twin(cls) for cls in (DocxContent, DocxParagraph, FootnoteRef)}
    as_twin = {id(v): twins[type(v)](**{f.name: getattr(v, f.name) for f in dataclasses.fields(v)}) for v in values}
    for value in values:
        twin = as_twin[id(value)]
        assert repr(value) == repr(twin) and hash(value) == hash(twin) and value == dataclasses.replace(value)
        with pytest.raises(dataclasses.FrozenInstanceError):
            value.text = ""
    for a, b in itertools.islice(itertools.combinations(values, 2), 2000):
        assert (a == b) == (as_twin[id(a)] == as_twin[id(b)])
