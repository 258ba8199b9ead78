"""``@record``: ``@dataclass(frozen=True)`` made cheaply, for the value classes read at every start.

``@dataclass(frozen=True)`` writes six methods for each class as source text and compiles each one
with ``exec``; for the ~20 classes of ``resdiff.model`` that was ~15 ms of every command (Python 3.11;
CPython 3.13 batches them, gh-109870). Records take about a third less. A record is
the same class — a frozen dataclass (``fields``, ``replace``, ``asdict`` work; assigning raises
``FrozenInstanceError``), equal, hashed and shown exactly as ``@dataclass(frozen=True)`` does it in
Python 3.11 — but its ``__eq__``, ``__hash__`` and ``__repr__`` are the three functions below, shared
by every record, which read the fields through getters built once per class. ``dataclasses`` still
generates ``__init__``, ``__setattr__`` and ``__delattr__``.
"""

from __future__ import annotations

import dataclasses
import reprlib
from operator import attrgetter


def record(cls: type) -> type:
    """Decorate like ``@dataclass(frozen=True)``, which compares, hashes and shows the same way."""
    cls.__eq__ = _eq
    cls.__hash__ = _hash
    cls.__repr__ = _repr
    cls = dataclasses.dataclass(cls, frozen=True, eq=False, repr=False)
    fields = dataclasses.fields(cls)
    # The fields each generated method would read, as dataclasses chooses them.
    cls._record_compared = staticmethod(_tuple_getter([f.name for f in fields if f.compare]))
    cls._record_hashed = staticmethod(_tuple_getter([f.name for f in fields if (f.compare if f.hash is None else f.hash)]))
    cls._record_shown = tuple(f.name for f in fields if f.repr)
    return cls


def _tuple_getter(names: list[str]):
    """A function returning the tuple of these attributes (attrgetter of one name returns a bare value)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        get = attrgetter(names[0])
        return lambda obj: (get(obj),)
    return lambda obj: ()


def _eq(self, other):
    if other.__class__ is self.__class__:
        return self._record_compared(self) == other._record_compared(other)
    return NotImplemented


def _hash(self):
    return hash(self._record_hashed(self))


@reprlib.recursive_repr()  # "..." for an object inside itself, as dataclasses' repr does
def _repr(self):
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._record_shown)
    return f"{self.__class__.__qualname__}({shown})"
