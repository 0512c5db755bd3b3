"""Text edits for the accuracy suite: each finds its place by printed text, never a line number.

An edit is a frozen value with a ``__call__(text) -> text`` and a short ``describe()`` for the
report.  An edit that cannot find its text raises :class:`EditError`: a change to the document
breaks the case loudly instead of planting nothing.

>>> Replace("631.71", "631.17", after="本年收入合计")("本年收入合计\\t27\\t631.71\\n631.71")
'本年收入合计\\t27\\t631.17\\n631.71'
>>> Replace("x", "y")("abc")  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
...
accuracy.edits.EditError: 'x' not found
"""

from __future__ import annotations

from collections.abc import Callable

import attrs


class EditError(LookupError):
    """An edit's text (or its anchor) is not in the document."""


def _start(text: str, after: str | None) -> int:
    """The offset just past the first occurrence of ``after`` (0 without an anchor)."""
    if after is None:
        return 0
    at = text.find(after)
    if at < 0:
        raise EditError(f"anchor {after!r} not found")
    return at + len(after)


@attrs.frozen
class Replace:
    """Replace ``find`` by ``replace``: its first ``count`` occurrences after the anchor
    ``after`` (``count=0``: every occurrence after it).  Fewer than ``count`` is an error."""

    find: str
    replace: str
    after: str | None = None
    count: int = 1

    def __call__(self, text: str) -> str:
        start = _start(text, self.after)
        head, tail = text[:start], text[start:]
        found = tail.count(self.find)
        if found == 0 or found < self.count:
            where = f" after {self.after!r}" if self.after else ""
            raise EditError(f"{self.find!r} not found{where}" if not found else
                            f"{self.find!r} found {found} times{where}, not {self.count}")
        return head + tail.replace(self.find, self.replace, self.count or -1)

    def describe(self) -> str:
        where = f" after “{self.after}”" if self.after else ""
        every = " (every occurrence)" if self.count == 0 else (
            f" ({self.count} occurrences)" if self.count > 1 else "")
        return f"“{_show(self.find)}” → “{_show(self.replace)}”{where}{every}"


@attrs.frozen
class Drop:
    """Drop the text from the first ``start`` (after the anchor ``after``) up to, not
    including, the next ``end`` after it (``end=None``: the end of ``start``'s line)."""

    start: str
    end: str | None = None
    after: str | None = None

    def __call__(self, text: str) -> str:
        origin = _start(text, self.after)
        begin = text.find(self.start, origin)
        if begin < 0:
            raise EditError(f"{self.start!r} not found")
        if self.end is None:
            stop = text.find("\n", begin)
            stop = len(text) if stop < 0 else stop + 1
        else:
            stop = text.find(self.end, begin + len(self.start))
            if stop < 0:
                raise EditError(f"{self.end!r} not found after {self.start!r}")
        return text[:begin] + text[stop:]

    def describe(self) -> str:
        what = f"the line “{_show(self.start)}”" if self.end is None else (
            f"from “{_show(self.start)}” up to “{_show(self.end)}”")
        return f"drop {what}" + (f" after “{self.after}”" if self.after else "")


@attrs.frozen
class Duplicate:
    """Print the text from ``start`` up to ``end`` twice (a block copied again)."""

    start: str
    end: str
    after: str | None = None

    def __call__(self, text: str) -> str:
        origin = _start(text, self.after)
        begin = text.find(self.start, origin)
        stop = text.find(self.end, begin + 1) if begin >= 0 else -1
        if begin < 0 or stop < 0:
            raise EditError(f"block {self.start!r}…{self.end!r} not found")
        return text[:stop] + text[begin:stop] + text[stop:]

    def describe(self) -> str:
        return f"print the block from “{_show(self.start)}” up to “{_show(self.end)}” twice"


@attrs.frozen
class Lines:
    """Apply ``change`` to every line of the part from the anchor ``after`` up to ``until``
    (both texts; None: the whole document's start or end).  The change must alter something."""

    change: Callable[[str], str]
    what: str
    after: str | None = None
    until: str | None = None

    def __call__(self, text: str) -> str:
        begin = _start(text, self.after)
        end = len(text) if self.until is None else text.find(self.until, begin)
        if end < 0:
            raise EditError(f"{self.until!r} not found")
        part = text[begin:end]
        changed = "\n".join(self.change(line) for line in part.split("\n"))
        if changed == part:
            raise EditError(f"{self.what}: nothing changed")
        return text[:begin] + changed + text[end:]

    def describe(self) -> str:
        return self.what


@attrs.frozen
class All:
    """Several edits, applied in order (one mistake or one harmless change made in many places)."""

    edits: tuple[Replace | Drop | Duplicate | Lines, ...]

    def __call__(self, text: str) -> str:
        for edit in self.edits:
            text = edit(text)
        return text

    def describe(self) -> str:
        return "; ".join(e.describe() for e in self.edits)


Edit = Replace | Drop | Duplicate | Lines | All


def _show(s: str) -> str:
    """Tabs and line breaks made visible for the report."""
    s = s.replace("\t", "⇥").replace("\n", "⏎").replace("\f", "␌")
    return s if len(s) <= 60 else s[:57] + "…"
