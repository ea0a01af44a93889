"""Vectorized tokenizing and keyword matching of check 06 against hand-made texts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from smtoolkit.checks.monitoring.data import Group, compile_matcher, match
from smtoolkit.checks.monitoring.text import fold, keys_of, phrase_keys, tokenize


def words(text: str) -> list[int]:
    """The keys of the words of one text."""
    return [int(k) for k in tokenize([text]).key]


def test_case_umlauts_and_sharp_s_fold_to_one_word() -> None:
    """MÜLLER, Müller and Mueller are one word; so are Straße, STRASSE and strasse."""
    assert words("MÜLLER") == words("Müller") == words("Mueller") == words("mueller")
    assert words("Straße") == words("STRASSE") == words("strasse")
    assert words("ÄRGER Öl Übel") == words("aerger oel uebel")
    assert fold("Größe ÄÖÜ") == "groesse aeoeue"


def test_words_are_split_on_punctuation_hyphens_and_typographic_quotes() -> None:
    """Hallberg-Pumpen is two words; „Rückruf“ and #Rückruf are the word rueckruf; _ joins."""
    assert words("Hallberg-Pumpen") == words("hallberg pumpen")
    assert words("„Rückruf“ – #Rückruf!") == words("rueckruf rueckruf")
    assert len(words("@hallberg_pumpen")) == 1
    assert words("Kessler's") == words("kessler s")
    assert words("café") != words("cafe")


def test_short_words_are_their_bytes_and_long_words_are_stable() -> None:
    """A word of up to 8 bytes is its little-endian bytes; a long word keys the same everywhere."""
    assert words("ab") == [ord("a") + 256 * ord("b")]
    long = "Fernwärmeversorgungsunternehmen"
    first = words(long)
    assert first == words(f"x {long} y")[1:2] == words(long.upper())
    assert words(long) != words(long + "s")
    assert len(set(keys_of(["abcdefghi", "abcdefghj", "abcdefgh", "abcdefghij" * 3]).tolist())) == 4


def test_entries_exclamations_and_handles_are_tracked() -> None:
    """Each word knows its string; ! are counted per string; a word after @ is marked."""
    tokens = tokenize(["Super!!", "", "Frage an @Hallberg heute"])
    assert tokens.count == 3
    assert tokens.entry.tolist() == [0, 2, 2, 2, 2]
    assert tokens.exclamations.tolist() == [2, 0, 0]
    assert tokens.after_at.tolist() == [False, False, False, True, False]


def test_nul_characters_inside_a_text_do_not_shift_the_strings() -> None:
    """A NUL inside a text (our separator) is blanked so the next string keeps its index."""
    tokens = tokenize(["a\x00b", "c"])
    assert tokens.entry.tolist() == [0, 0, 1]


def test_empty_batch_gives_no_words() -> None:
    """No strings, no words."""
    tokens = tokenize([])
    assert tokens.count == 0 and len(tokens) == 0


def test_phrases_match_only_as_whole_word_sequences() -> None:
    """Kessler Fluidtechnik must appear in order; Hallberg does not match Hallbergs or Hallbergpumpe."""
    groups = [
        Group("brand", "brand", "Hallberg", ("Hallberg",)),
        Group("competitor_0", "competitor", "Kessler", ("Kessler Fluidtechnik",)),
    ]
    texts = [
        "Neue Pumpe von HALLBERG",
        "Hallbergpumpe und Hallbergs Ventil",
        "Kessler Fluidtechnik wächst",
        "Fluidtechnik von Kessler",
        "kessler-fluidtechnik.de berichtet",
        "Kessler. Fluidtechnik",
    ]
    member = match(tokenize(texts), compile_matcher(groups))
    assert member[:, 0].tolist() == [True, False, False, False, False, False]
    assert member[:, 1].tolist() == [False, False, True, False, True, True]


def test_a_phrase_does_not_run_across_two_strings() -> None:
    """The last word of one mention and the first of the next are no phrase."""
    groups = [Group("competitor_0", "competitor", "Norder", ("Norder Pumpenwerke",))]
    member = match(tokenize(["bei Norder", "Pumpenwerke gibt es"]), compile_matcher(groups))
    assert member[:, 0].tolist() == [False, False]


def test_phrase_keys_split_keywords_like_texts() -> None:
    """A keyword is keyed by the same rules as the texts it is looked for in."""
    assert phrase_keys(["AV-200", "@hallberg_pumpen"]) == [
        tuple(words("av 200")),
        tuple(words("hallberg_pumpen")),
    ]
    with pytest.raises(ValueError, match="not single words"):
        keys_of(["two words"])


def test_tokenizing_is_vectorized_over_many_strings() -> None:
    """100,000 strings are split in one call with the same result as one by one."""
    base = ["Die Pumpe läuft leise", "Hotline ist eine Katastrophe!", "Great support"]
    texts = base * 33_334
    tokens = tokenize(texts)
    per_entry = np.bincount(tokens.entry, minlength=len(texts))
    assert per_entry[:3].tolist() == [4, 4, 2] and tokens.count == len(texts)
    assert pd.Series(tokens.key[:10]).tolist() == [k for t in base for k in words(t)]
