"""``@record``: ``@dataclass(frozen=True)`` made cheaply, for the value classes read at every start
(and ``@mutable_record``, the same for a plain ``@dataclass``).

``@dataclass(frozen=True)`` writes five or six methods for each class as source text and compiles them
with ``exec`` (three ``exec`` calls per class before Python 3.13), and a class without a docstring
gets one from ``inspect.signature``: about 400 µs per class, ~10 ms for the classes of
``resdiff.model`` at every start. A record is the same class — a frozen dataclass (``fields``,
``replace``, ``asdict`` work; assigning raises ``FrozenInstanceError``; ``__dataclass_params__.frozen``
is true, so subclasses follow the frozen-dataclass rules), equal, hashed and shown exactly as
``@dataclass(frozen=True)`` does it — made for about a tenth of that (~45 µs per class, and ~0.1 ms
for its ``__init__`` when the first instance is built):

- ``dataclasses`` only collects the fields (``init``, ``repr``, ``eq`` and ``frozen`` off: nothing is
  compiled);
- ``__eq__``, ``__hash__``, ``__repr__``, ``__setattr__`` and ``__delattr__`` are the functions below,
  shared by every record, reading the fields through getters built once per class;
- ``__init__`` is generated as dataclasses generates it (``object.__setattr__`` per field, so
  instances store their attributes the same way; then ``__post_init__()`` if the class has one),
  compiled on the class's first instantiation: a command compiles only the ``__init__`` of the
  records it builds (a redline: 15 of 25). Until then ``inspect.signature`` of the class shows
  ``(*args, **kwargs)``; nothing in resdiff introspects it.

``@mutable_record`` is ``@dataclass`` (eq, repr, unhashable, fields assignable) made the same way: the
shared ``__eq__`` and ``__repr__``, and an ``__init__`` of plain assignments compiled on first use.

A class this fast path does not cover exactly (no docstring — dataclasses would write one from the
signature —, a base class, ``__slots__``, init-only, keyword-only or pseudo fields such as ClassVar
and InitVar; for ``@mutable_record`` also its own ``__eq__``/``__repr__``/``__hash__``) is made by
``dataclasses`` itself (for ``@record`` with the shared ``__eq__``/``__hash__``/``__repr__``): slower,
never different.
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
    if not _fast_path_fits(cls):
        return _finish(dataclasses.dataclass(cls, frozen=True, eq=False, repr=False))
    cls.__setattr__ = _frozen_setattr
    cls.__delattr__ = _frozen_delattr
    cls.__init__ = _init_on_first_use(cls, frozen=True)
    cls = dataclasses.dataclass(cls, init=False, repr=False, eq=False)
    try:  # the parameters as @dataclass(frozen=True) records them (frozen: what a derived dataclass checks)
        params = cls.__dataclass_params__
        params.init = params.repr = params.eq = params.frozen = True
    except AttributeError:  # a Python whose parameters are read-only: only subclassing rules would differ
        pass
    cls._record_class = cls
    cls._record_names = frozenset(f.name for f in dataclasses.fields(cls))
    return _finish(cls)


def mutable_record(cls: type) -> type:
    """Decorate like ``@dataclass``: fields can be assigned; compared and shown the same way, unhashable."""
    if not _fast_path_fits(cls) or {"__eq__", "__repr__", "__hash__"} & cls.__dict__.keys():
        return dataclasses.dataclass(cls)  # (dataclasses keeps a class's own __eq__ / __repr__ / __hash__)
    cls.__eq__ = _eq
    cls.__repr__ = _repr
    cls.__hash__ = None  # what @dataclass does to a class it gives __eq__ without freezing it
    cls.__init__ = _init_on_first_use(cls, frozen=False)
    cls = dataclasses.dataclass(cls, init=False, repr=False, eq=False)
    try:  # the parameters as @dataclass records them
        params = cls.__dataclass_params__
        params.init = params.repr = params.eq = True
    except AttributeError:
        pass
    return _finish(cls)


def _fast_path_fits(cls: type) -> bool:
    """Whether the class is one the fast path makes exactly as dataclasses would: documented, no base, no
    InitVar, and every annotation a plain field, given to ``__init__`` by position, defaults last."""
    own = cls.__dict__
    if not (cls.__doc__ and cls.__bases__ == (object,) and "__annotations__" in own and "__slots__" not in own
            and not {"__init__", "__setattr__", "__delattr__"} & own.keys()):
        return False
    seen_default = False
    for name, annotation in own["__annotations__"].items():
        if any(word in str(annotation) for word in ("ClassVar", "InitVar", "KW_ONLY")):
            return False
        value = own.get(name, dataclasses.MISSING)
        if isinstance(value, dataclasses.Field):
            if not value.init or value.kw_only is True:
                return False
            has_default = value.default is not dataclasses.MISSING or value.default_factory is not dataclasses.MISSING
        else:
            has_default = value is not dataclasses.MISSING
        if seen_default and not has_default:
            return False  # dataclasses raises its own error for this
        seen_default = has_default
    return True


def _finish(cls: type) -> type:
    fields = dataclasses.fields(cls)
    # The fields each generated method would read, as dataclasses chooses them.
    cls._record_compared = staticmethod(_tuple_getter([f.name for f in fields if f.compare]))
    cls._record_hashed = staticmethod(_tuple_getter([f.name for f in fields if (f.compare if f.hash is None else f.hash)]))
    cls._record_shown = tuple(f.name for f in fields if f.repr)
    return cls


# ── __init__, compiled on first use ─────────────────────────────────────────────────────────────────

class _Factory:
    """Default of a parameter whose field has a default_factory, shown as dataclasses shows its own."""

    def __repr__(self) -> str:
        return "<factory>"


_NO_VALUE = _Factory()


def _init_on_first_use(cls: type, frozen: bool):
    def __init__(self, *args, **kwargs):
        init = cls.__init__ = _init_function(cls, frozen)
        init(self, *args, **kwargs)

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    return __init__


def _init_function(cls: type, frozen: bool):
    """The ``__init__`` dataclasses writes: ``object.__setattr__`` of each field for a frozen class, plain
    assignments otherwise; then ``__post_init__()`` when the class has one."""
    values = {"__record_set__": object.__setattr__, "__record_no_value__": _NO_VALUE}
    params, lines = [], []
    for n, f in enumerate(dataclasses.fields(cls)):
        value = f.name
        if f.default is not dataclasses.MISSING:
            values[f"__record_default_{n}__"] = f.default
            params.append(f"{f.name}=__record_default_{n}__")
        elif f.default_factory is not dataclasses.MISSING:
            values[f"__record_factory_{n}__"] = f.default_factory
            params.append(f"{f.name}=__record_no_value__")
            value = f"__record_factory_{n}__() if {f.name} is __record_no_value__ else {f.name}"
        else:
            params.append(f.name)
        lines.append(f"  __record_set__(__record_self__, {f.name!r}, {value})\n" if frozen
                     else f"  __record_self__.{f.name} = {value}\n")
    if hasattr(cls, "__post_init__"):
        lines.append("  __record_self__.__post_init__()\n")
    source = (f"def __record_make__({', '.join(values)}):\n"
              f" def __init__(__record_self__, {', '.join(params)}):\n{''.join(lines) or '  pass'}\n"
              f" return __init__\n")
    made: dict = {}
    exec(source, {}, made)
    init = made["__record_make__"](*values.values())
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = {f.name: f.type for f in dataclasses.fields(cls)} | {"return": None}
    return init


# ── methods shared by every record ───────────────────────────────────────────────────────────────────

def _frozen_setattr(self, name, value):
    # As dataclasses' frozen __setattr__: a subclass that is not a dataclass may set other attributes.
    if type(self) is self._record_class or name in self._record_names:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
    object.__setattr__(self, name, value)


def _frozen_delattr(self, name):
    if type(self) is self._record_class or name in self._record_names:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
    object.__delattr__(self, name)


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
