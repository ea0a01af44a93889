"""The publish guard refuses pages with external resources, local paths or tracebacks."""

from __future__ import annotations

import pytest

from smtoolkit.build.guard import page_problems, sanitize_error


@pytest.mark.parametrize(
    "snippet",
    [
        '<script src="https://cdn.example/require.js"></script>',
        '<img src="http://example.org/x.png">',
        "<img src=//example.org/x.png>",
        '<link href="https://fonts.example/css">',
        "<style>body{background:url('https://x.example/bg.png')}</style>",
        '<style>@import "theme.css";</style>',
        '<script src="local.js"></script>',
    ],
)
def test_external_resources_are_refused(snippet: str) -> None:
    """Any URL a browser would fetch, or any script file, blocks publishing."""
    assert page_problems(f"<html>{snippet}</html>", [])


def test_text_mentioning_a_url_is_fine() -> None:
    """A URL shown as text (e.g. a client's website in a table) is not a resource."""
    assert page_problems('<td>https://hallberg.example</td><a href="#sec-x">x</a>', []) == []


def test_local_paths_and_tracebacks_are_refused() -> None:
    """The engagement's folder or a traceback in the page blocks publishing."""
    assert page_problems("<p>/home/anna/engagements/acme</p>", ["/home/anna/engagements/acme"])
    assert page_problems("<pre>Traceback (most recent call last):</pre>", [])


def test_error_messages_lose_their_local_paths() -> None:
    """An error text for the index keeps the file name but not the folders."""
    text = "FileNotFoundError: [Errno 2] No such file: '/srv/consult/engagements/acme/data/x.csv'"
    cleaned = sanitize_error(text, ["/srv/consult/engagements/acme"])
    assert "/srv" not in cleaned
    assert "x.csv" in cleaned
