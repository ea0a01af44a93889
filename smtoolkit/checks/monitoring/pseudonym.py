"""Pseudonyms for authors: stable per engagement, not reversible without the engagement's key.

An author's alias is the first 8 hex digits of HMAC-SHA256(key, normalized name), shown
as "Autor 3F9A2C1B" / "Author 3F9A2C1B". The name is normalized (folded as in
:func:`smtoolkit.checks.monitoring.text.fold`, a leading ``@`` dropped, spaces collapsed),
so ``@Klaus_Wagner`` and ``klaus_wagner`` are one author.

The key is the engagement's slug plus a random salt stored in ``<engagement>/.pseudonym-key``
(32 random bytes as hex). The file is created the first time monitoring data is analysed
(created exclusively, so two notebooks running at once agree on one key) and is kept with
the engagement: the same author keeps the same alias in every page and every rebuild. Keep
the file with the engagement and never send it to the client: whoever has it can test
guessed names against the aliases. Where the folder is read-only and has no key yet, the
key is the slug alone (aliases stay stable but are only as secret as the slug); the page
says so.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

from smtoolkit.checks.monitoring.text import fold

__all__ = ["KEY_FILE", "Masker", "alias", "engagement_key", "normalize_author"]

KEY_FILE = ".pseudonym-key"
_SPACES = re.compile(r"\s+")


def normalize_author(name: str) -> str:
    """The form of an author name that is hashed (folded, no leading @, single spaces)."""
    return _SPACES.sub(" ", fold(name).strip().lstrip("@").strip())


def alias(name: str, key: bytes) -> str:
    """The 8-hex-digit alias of ``name`` under ``key`` (upper case)."""
    digest = hmac.new(key, normalize_author(name).encode("utf-8"), hashlib.sha256).hexdigest()
    return digest[:8].upper()


def engagement_key(folder: Path, slug: str) -> tuple[bytes, bool]:
    """The HMAC key of an engagement and whether it holds a stored secret salt.

    Creates ``<folder>/.pseudonym-key`` when it does not exist yet.
    """
    path = folder / KEY_FILE
    if not path.is_file():
        # Write a complete temporary file, then link it into place: the link fails when
        # another process was first, and nobody ever reads a half-written key.
        temporary = folder / f".pseudonym-key.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        try:
            temporary.write_text(secrets.token_hex(32) + "\n", encoding="ascii")
            os.chmod(temporary, 0o600)
            with contextlib.suppress(FileExistsError):
                os.link(temporary, path)
        except OSError:
            return slug.encode("utf-8"), False
        finally:
            temporary.unlink(missing_ok=True)
    try:
        salt = path.read_text(encoding="ascii").strip()
    except OSError:
        return slug.encode("utf-8"), False
    if not salt:
        return slug.encode("utf-8"), False
    return f"{slug}:{salt}".encode(), True


_HANDLE = re.compile(r"@[\w.]+")
_WORDS = re.compile(r"\w+")


class Masker:
    """Replaces author names and @handles in a text shown on a page by their aliases.

    Names are matched as whole word sequences, folded (so ``Martin Vogt``, ``MARTIN VOGT``
    and ``martin vogt`` are one name); every ``@handle`` is replaced whether or not its
    owner wrote a mention. Only the few texts a page shows pass through here.
    """

    def __init__(self, authors: list[str], key: bytes, label: str = "{code}") -> None:
        self.key = key
        self.label = label
        self.names: dict[tuple[str, ...], str] = {}
        for name in authors:
            words = tuple(_WORDS.findall(fold(name)))
            if words:
                self.names.setdefault(words, name)
        self.longest = max((len(w) for w in self.names), default=0)

    def alias(self, name: str) -> str:
        """The display alias of ``name``."""
        return self.label.format(code=alias(name, self.key))

    def __call__(self, text: str) -> str:
        """``text`` with every known author name and every @handle replaced by an alias."""
        text = _HANDLE.sub(lambda m: "@" + self.alias(m.group(0)), text)
        spans = [(m.start(), m.end(), fold(m.group(0))) for m in _WORDS.finditer(text)]
        out: list[str] = []
        position = 0
        index = 0
        while index < len(spans):
            for length in range(min(self.longest, len(spans) - index), 0, -1):
                words = tuple(s[2] for s in spans[index : index + length])
                name = self.names.get(words)
                if name is not None:
                    start, end = spans[index][0], spans[index + length - 1][1]
                    out.append(text[position:start])
                    out.append(self.alias(name))
                    position = end
                    index += length
                    break
            else:
                index += 1
        out.append(text[position:])
        return "".join(out)
