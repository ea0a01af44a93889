r"""Vectorized tokenizing of mention texts: fold case and umlauts, split into words, key each word.

Monitoring exports can hold millions of mentions, so nothing here loops over rows in
Python. A batch of strings is joined with NUL separators into one UTF-8 byte buffer and
everything else is numpy on that buffer:

- **Folding.** ASCII ``A-Z`` and the Latin-1 capitals ``À-Þ`` become lower case; ``ä``,
  ``ö``, ``ü`` (and their capitals) become ``ae``, ``oe``, ``ue`` and ``ß`` becomes ``ss``
  (same byte length, so positions stay put). So ``MÜLLER``, ``Müller`` and ``Mueller``
  are one word, and so are ``Straße``, ``STRASSE`` and ``strasse``.
- **Words** are maximal runs of ASCII letters, digits and ``_`` (the ``\\w`` of regular
  expressions) and of non-ASCII letters: characters encoded with two bytes from U+00C0 on
  (Latin, Greek, Cyrillic, ...) and with three bytes outside U+2000-U+2FFF (general
  punctuation such as „ “ – …, symbols and arrows). Everything else separates words:
  spaces, ASCII punctuation, ``-``, ``'``, ``@``, ``#``, emoji. So ``Hallberg-Pumpen``
  is the two words ``hallberg`` and ``pumpen``, ``#Rückruf`` is ``rueckruf``, and
  ``@hallberg_pumpen`` is the one word ``hallberg_pumpen``.
- **Keys.** Each word gets a 64-bit key. A word of up to 8 bytes *is* its key (its bytes
  read as a little-endian integer: no collisions). Longer words are keyed by mixing up
  to three 8-byte blocks and the length with the SplitMix64 finalizer; two different
  long words share a key with probability about 2⁻⁶⁴. Vocabulary words (lexicons,
  keywords, stop words) are keyed by the same function, so a lookup is an integer
  hash-table probe.

:func:`tokenize` returns one :class:`Tokens` per batch; :func:`keys_of` keys single
words; :func:`fold` is the same folding for Python strings (used for display only).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = [
    "Tokens",
    "fold",
    "fold_fast",
    "iter_batches",
    "keys_of",
    "phrase_keys",
    "tokenize",
    "word_spans",
]

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]
I32 = npt.NDArray[np.int32]
Bool = npt.NDArray[np.bool_]

_PAD = 32  # zero bytes after the buffer, so 8-byte reads past a word's end stay inside

#: Lower-case table for single bytes: ASCII A-Z -> a-z, everything else unchanged.
_LOWER = np.arange(256, dtype=np.uint8)
_LOWER[ord("A") : ord("Z") + 1] += 32

#: Second byte after 0xC3 (U+00C0-U+00FF): capitals À-Þ (not ×) -> small letters.
_LATIN1_LOWER = np.arange(256, dtype=np.uint8)
for _b in range(0x80, 0x9F):
    if _b != 0x97:
        _LATIN1_LOWER[_b] = _b + 0x20

#: Umlauts and ß after lower-casing: second byte -> two ASCII bytes replacing 0xC3 and it.
_UMLAUTS = {0xA4: b"ae", 0xB6: b"oe", 0xBC: b"ue", 0x9F: b"ss"}

#: Bytes that start or are a word character (continuation bytes are decided by their lead).
_WORD = np.zeros(256, dtype=np.bool_)
for _c in b"abcdefghijklmnopqrstuvwxyz0123456789_":
    _WORD[_c] = True
_WORD[0xC3:0xE0] = True  # two-byte characters from U+00C0 (U+0080-U+00BF start with 0xC2)
_WORD[0xE0:0xF0] = True  # three-byte characters ...
_WORD[0xE2] = False  # ... except U+2000-U+2FFF: punctuation, symbols, arrows

_MASKS = np.array([(1 << (8 * n)) - 1 for n in range(8)] + [(1 << 64) - 1], dtype=np.uint64)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_SEED = np.uint64(0x9E3779B97F4A7C15)


def _mix(z: U64) -> U64:
    """The SplitMix64 finalizer, element-wise (wrapping uint64 arithmetic)."""
    z = (z ^ (z >> np.uint64(30))) * _MIX1
    z = (z ^ (z >> np.uint64(27))) * _MIX2
    result: U64 = z ^ (z >> np.uint64(31))
    return result


@dataclass(frozen=True)
class Tokens:
    """The words of a batch of strings, in order.

    ``entry[i]`` is the index (within the batch) of the string word ``i`` comes from,
    ``key[i]`` its key, ``after_at[i]`` whether an ``@`` stands right before it (a handle).
    ``first[i]`` is its first (folded) byte; ``exclamations[j]`` counts the ``!`` in string ``j``.
    """

    entry: I32
    key: U64
    after_at: Bool
    first: npt.NDArray[np.uint8]
    exclamations: I32
    count: int

    def __len__(self) -> int:
        return len(self.key)


def _encode(strings: Sequence[str]) -> tuple[npt.NDArray[np.uint8], int]:
    joined = "\x00".join(strings)
    raw = joined.encode("utf-8", "replace")
    buf = np.zeros(len(raw) + 1 + _PAD, dtype=np.uint8)
    buf[1 : len(raw) + 1] = np.frombuffer(raw, dtype=np.uint8)
    return buf, len(raw) + 1


def _in_range(buf: npt.NDArray[np.uint8], low: int, count: int) -> Bool:
    """``low <= buf < low + count`` in one comparison (uint8 arithmetic wraps around).

    Much faster than a 256-entry lookup table, which numpy indexes through an int64 copy.
    """
    result: Bool = (buf - np.uint8(low)) < np.uint8(count)
    return result


def _fold_bytes(buf: npt.NDArray[np.uint8], high: I64) -> None:
    """Lower-case and fold umlauts in place (see the module docstring); ``high``: bytes ≥ 0x80."""
    buf += _in_range(buf, ord("A"), 26).view(np.uint8) * np.uint8(32)
    leads = high[buf[high] == 0xC3]
    if not len(leads):
        return
    second = leads + 1
    buf[second] = _LATIN1_LOWER[buf[second]]
    for code, ascii_pair in _UMLAUTS.items():
        hit = leads[buf[second] == code]
        buf[hit] = ascii_pair[0]
        buf[hit + 1] = ascii_pair[1]


def _word_mask(buf: npt.NDArray[np.uint8], high: I64) -> Bool:
    mask = _in_range(buf, ord("a"), 26)
    mask |= _in_range(buf, ord("0"), 10)
    mask |= buf == ord("_")
    if len(high):
        values = buf[high]
        mask[high] = _WORD[values]
        cont = high[(values & 0xC0) == 0x80]
        for _ in range(3):  # a continuation byte belongs to the lead up to 3 bytes before
            mask[cont] = mask[cont - 1]
    return mask


def _keys(buf: npt.NDArray[np.uint8], start: I64, length: I64) -> U64:
    words = np.ndarray(shape=(len(buf) - 8,), dtype="<u8", buffer=buf.data, strides=(1,))
    key: U64 = words[start] & _MASKS[np.minimum(length, 8)]
    long = np.flatnonzero(length > 8)
    if len(long):
        s, n = start[long], length[long]
        h = _mix(key[long] ^ _SEED)
        for block in (8, 16):
            part = np.where(n > block, words[s + block] & _MASKS[np.clip(n - block, 0, 8)], 0)
            h = _mix(h ^ part.astype(np.uint64))
        key[long] = _mix(h ^ n.astype(np.uint64))
    return key


def tokenize(strings: Sequence[str]) -> Tokens:
    """Split ``strings`` into folded words with their keys (vectorized, see the module docstring)."""
    strings = list(strings)
    if not strings:
        empty = np.zeros(0, dtype=np.int32)
        return Tokens(empty, np.zeros(0, np.uint64), np.zeros(0, bool), np.zeros(0, np.uint8), empty, 0)
    buf, end = _encode(strings)
    separators = np.flatnonzero(buf[:end] == 0)
    if len(separators) != len(strings):  # a string holds NUL itself: blank those out
        strings = [s.replace("\x00", " ") for s in strings]
        buf, end = _encode(strings)
        separators = np.flatnonzero(buf[:end] == 0)
    high = np.flatnonzero(buf >= 0x80)
    _fold_bytes(buf, high)
    mask = _word_mask(buf, high)
    edges = np.flatnonzero(mask[1:] != mask[:-1]) + 1
    start = edges[0::2].astype(np.int64)
    stop = edges[1::2].astype(np.int64)
    per_entry = np.diff(np.append(np.searchsorted(start, separators), len(start)))
    entry = np.repeat(np.arange(len(strings), dtype=np.int32), per_entry)
    bangs = np.flatnonzero(buf[:end] == ord("!"))
    exclamations = np.bincount(
        np.searchsorted(separators, bangs, side="right") - 1, minlength=len(strings)
    ).astype(np.int32)
    return Tokens(
        entry=entry,
        key=_keys(buf, start, stop - start),
        after_at=buf[start - 1] == ord("@"),
        first=buf[start],
        exclamations=exclamations,
        count=len(strings),
    )


def phrase_keys(phrases: Sequence[str]) -> list[tuple[int, ...]]:
    """The key sequence of each phrase (``"Kessler Fluidtechnik"`` -> two keys)."""
    tokens = tokenize(phrases)
    out: list[list[int]] = [[] for _ in phrases]
    for entry, key in zip(tokens.entry.tolist(), tokens.key.tolist(), strict=True):
        out[entry].append(key)
    return [tuple(k) for k in out]


def keys_of(words: Sequence[str]) -> U64:
    """The key of each single word; raises ValueError for an entry that is not one word."""
    sequences = phrase_keys(words)
    bad = [w for w, k in zip(words, sequences, strict=True) if len(k) != 1]
    if bad:
        raise ValueError(f"not single words: {bad[:5]}")
    return np.array([k[0] for k in sequences], dtype=np.uint64)


def iter_batches(count: int, size: int) -> Iterator[slice]:
    """Slices of ``range(count)`` of at most ``size`` items."""
    for begin in range(0, count, size):
        yield slice(begin, min(begin + size, count))


_FOLD_TABLE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_WORD_RE = re.compile(r"[^\W]+")


def fold(text: str) -> str:
    """Fold a Python string like the byte folding above (for display and tests, not hot paths)."""
    lowered = "".join(ch.lower() if ch < "\u00ff" and ch != "\u00d7" else ch for ch in text)
    return lowered.translate(_FOLD_TABLE)


def fold_fast(text: str) -> str:
    """:func:`fold` for long strings, in C: ``str.lower`` folds a few more capitals (Greek, ...)."""
    return text.lower().translate(_FOLD_TABLE)


def word_spans(text: str) -> list[tuple[int, int]]:
    r"""Start and end of each word of ``text`` as :func:`tokenize` sees it (approximately: ``\\w+``)."""
    return [m.span() for m in _WORD_RE.finditer(text)]
