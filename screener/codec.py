"""Documents and Candidates to compact JSON and back, so a session can store them and rebuild them exactly."""

from __future__ import annotations

import dataclasses
import functools
import json
import types
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from screener.models import Box, Candidate, Document, Line, Mention, Span

__all__ = ["candidate_from_json", "candidate_to_json", "document_from_json", "document_to_json"]

T = TypeVar("T")
Decoder = Callable[[Any], Any]


def _line_to_list(line: Line) -> list[object]:
    box = line.box
    return [line.text, line.page, box.x0, box.top, box.x1, box.bottom, line.size, line.bold, line.section,
            line.is_heading]  # fmt: skip


def _line_from_list(v: list[Any]) -> Line:
    return Line(v[0], v[1], Box(v[2], v[3], v[4], v[5]), v[6], v[7], v[8], v[9])


def _span_to_list(span: Span) -> list[object]:
    box = span.box
    return [span.text, span.page, box.x0, box.top, box.x1, box.bottom, span.section]


def _span_from_list(v: list[Any]) -> Span:
    return Span(v[0], v[1], Box(v[2], v[3], v[4], v[5]), v[6])


def _mention_to_list(mention: Mention) -> list[object]:
    return [mention.kind, mention.topic, *_span_to_list(mention.span)]


def _mention_from_list(v: list[Any]) -> Mention:
    return Mention(v[0], v[1], _span_from_list(v[2:]))


# The types a session holds by the thousand are written as flat arrays: a tenth of the work of the
# generic field-by-field path, and a smaller file.
_COMPACT: dict[type, tuple[Callable[[Any], object], Decoder]] = {
    Line: (_line_to_list, _line_from_list),
    Span: (_span_to_list, _span_from_list),
    Mention: (_mention_to_list, _mention_from_list),
}


# The function `_encode` uses for each type met, chosen once per type rather than once per value.
_ENCODERS: dict[type, Callable[[Any], object]] = {}


def _encode(value: object) -> object:
    """Dataclasses become objects that leave out fields still at their default; tuples lists; dates ISO text."""
    encoder = _ENCODERS.get(type(value))
    if encoder is None:
        encoder = _ENCODERS[type(value)] = _encoder(type(value))
    return encoder(value)


def _encoder(cls: type) -> Callable[[Any], object]:
    if cls in _COMPACT:
        return _COMPACT[cls][0]
    if dataclasses.is_dataclass(cls):
        return _dataclass_encoder(cls)
    if issubclass(cls, tuple):
        return lambda values: [_encode(item) for item in values]
    if issubclass(cls, date):
        return date.isoformat
    return _as_is


def _dataclass_encoder(cls: type) -> Callable[[Any], object]:
    defaults = _defaults(cls)

    def encode(value: Any) -> dict[str, object]:
        encoded: dict[str, object] = {}
        for name, default in defaults:
            item = getattr(value, name)
            if item is not default and item != default:
                encoded[name] = _encode(item)
        return encoded

    return encode


@functools.cache
def _defaults(cls: type) -> tuple[tuple[str, object], ...]:
    # A sentinel that equals nothing stands in for "no default", so such a field is always written.
    return tuple(
        (f.name, f.default if f.default is not dataclasses.MISSING else object()) for f in dataclasses.fields(cls)
    )


@functools.cache
def _decoder(hint: Any) -> Decoder:
    """A function rebuilding a value of type `hint` from what `_encode` made of it."""
    origin = get_origin(hint)
    if hint in _COMPACT:
        return _COMPACT[hint][1]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass_decoder(hint)
    if origin is tuple:
        return _tuple_decoder(get_args(hint))
    if origin in (Union, types.UnionType):
        present = [arg for arg in get_args(hint) if arg is not type(None)]
        inner = _decoder(present[0]) if len(present) == 1 else _as_is
        return lambda value: None if value is None else inner(value)
    if hint is date:
        return date.fromisoformat
    if hint is float:
        return float  # JSON writes 12.0 as 12.0, but a hand-edited or older row may hold 12
    return _as_is  # str, int, bool and Literal values are stored as themselves


def _as_is(value: Any) -> Any:
    return value


def _tuple_decoder(args: tuple[Any, ...]) -> Decoder:
    if len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        return lambda values: tuple(item(value) for value in values)
    items = [_decoder(arg) for arg in args]
    return lambda values: tuple(decode(value) for decode, value in zip(items, values, strict=True))


def _dataclass_decoder(cls: type) -> Decoder:
    hints = get_type_hints(cls)
    fields = {f.name: _decoder(hints[f.name]) for f in dataclasses.fields(cls)}

    def decode(encoded: dict[str, Any]) -> Any:
        # Keys this version does not know (written by a newer one) are left out rather than refused.
        return cls(**{name: fields[name](value) for name, value in encoded.items() if name in fields})

    return decode


def _to_json(value: object) -> str:
    encoded = _encode(value)
    text = json.dumps(encoded, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (a file name in another encoding, a broken PDF string) is no UTF-8; as a \u escape it
        # is stored as plain text and decodes to the same string.
        return json.dumps(encoded, ensure_ascii=True, separators=(",", ":"))
    return text


def _from_json(cls: type[T], text: str) -> T:
    hint: object = cls
    decoded: T = _decoder(hint)(json.loads(text))
    return decoded


def document_to_json(document: Document) -> str:
    return _to_json(document)


def document_from_json(text: str) -> Document:
    return _from_json(Document, text)


def candidate_to_json(candidate: Candidate) -> str:
    return _to_json(candidate)


def candidate_from_json(text: str) -> Candidate:
    return _from_json(Candidate, text)
