"""The tokenizer, kept importable here for check 06's modules; it lives in :mod:`smtoolkit.sentiment.text`."""

from smtoolkit.sentiment.text import Tokens, fold, iter_batches, keys_of, phrase_keys, tokenize, word_spans

__all__ = ["Tokens", "fold", "iter_batches", "keys_of", "phrase_keys", "tokenize", "word_spans"]
