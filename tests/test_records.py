"""records: every class of resdiff.model made with @record behaves as @dataclass(frozen=True) would make
it — equality, hash, repr, immutability, replace(), asdict() — checked on the values resdiff builds
from real corpus texts (comparison, draft, history, amendments), against a twin class that plain
dataclasses builds from the same fields."""

from __future__ import annotations

import dataclasses
import itertools

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


def _twin(cls: type) -> type:
    """The class @dataclass(frozen=True) makes from ``cls``'s fields (same names, defaults, options)."""
    namespace = {"__annotations__": {f.name: f.type for f in dataclasses.fields(cls)}, "__module__": cls.__module__,
                 "__qualname__": cls.__qualname__}
    for f in dataclasses.fields(cls):
        namespace[f.name] = dataclasses.field(default=f.default, default_factory=f.default_factory, init=f.init,
                                              repr=f.repr, hash=f.hash, compare=f.compare)
    return dataclasses.dataclass(frozen=True)(type(cls.__name__, (), namespace))


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
