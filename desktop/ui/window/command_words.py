"""What a step of the undo history and its outcome are called in the window, in the interface's language.

The core names its commands in English for logs and the command line, by ids. In the window a
command reads by the labels of its codes and fields (``Undo tag “乡村振兴” as 项目``), and counts
take Qt's plural forms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.core.analysts.verdicts import Decision
from desktop.core.coding.article_commands import EditArticleNote, SetMetadata
from desktop.core.coding.batch_commands import TagHits, UndoBatch
from desktop.core.coding.codebook_commands import AddCategory, EditCategory, MoveCategory, RemoveCategory
from desktop.core.coding.commands import (
    AddSpan,
    Change,
    ChangeCategory,
    ChangeStatus,
    Command,
    DeleteSpan,
    EditNote,
    MoveSpan,
    shortened,
)
from desktop.core.coding.suggestion_commands import AcceptSuggestion, RejectSuggestion
from desktop.ui.widgets.labels import status_label

if TYPE_CHECKING:
    from desktop.core.analysts.adjudication import Adjudicate

Names = Callable[[str], str]  # a code's id -> its label in the interface's language


def _quoted(text: str) -> str:
    return f"“{shortened(text)}”"


class CommandWords(QObject):
    """The phrases, in one translation context (a class, so that lupdate sees their plural forms)."""

    def command_text(self, command: Command, code: Names, field: Names) -> str:
        """The step as the Edit menu and the history name it."""
        if isinstance(command, AddSpan | AcceptSuggestion):
            words = self.tr("Tag %1 as %2") if isinstance(command, AddSpan) else self.tr("Accept %1 as %2")
            return words.replace("%1", _quoted(command.span.text)).replace("%2", code(command.span.category_id))
        if isinstance(command, DeleteSpan):
            return self.tr("Delete %1").replace("%1", _quoted(command.span.text))
        if isinstance(command, ChangeCategory):
            return (
                self.tr("Change %1 to %2")
                .replace("%1", _quoted(command.span.text))
                .replace("%2", code(command.category_id))
            )
        if isinstance(command, EditNote):
            return self.tr("Edit the note of %1").replace("%1", _quoted(command.span.text))
        if isinstance(command, MoveSpan):
            return self.tr("Move the ends of %1").replace("%1", _quoted(command.span.text))
        if isinstance(command, ChangeStatus):
            return self.tr("Mark the article %1").replace("%1", status_label(command.status))
        if isinstance(command, EditArticleNote):
            return self.tr("Edit the article's note")
        if isinstance(command, SetMetadata):
            return (
                self.tr("Set %1 to %2").replace("%1", field(command.field_name)).replace("%2", _quoted(command.value))
            )
        if isinstance(command, TagHits):
            count = len(command.planned.spans)
            return (
                self.tr("Tag %n hit(s) of %1 as %2", "", count)
                .replace("%1", _quoted(command.query))
                .replace("%2", code(command.category_id))
            )
        if isinstance(command, UndoBatch):
            return self.tr("Take back %n tagged hit(s)", "", command.batch.tagged)
        if isinstance(command, AddCategory):
            return self.tr("Add the code %1").replace("%1", code(command.category.id))
        if isinstance(command, EditCategory):
            return self.tr("Edit the code %1").replace("%1", code(command.before.id))
        if isinstance(command, MoveCategory):
            return self.tr("Move the code %1").replace("%1", code(command.category_id))
        if isinstance(command, RemoveCategory):
            if command.merge:
                merged = self.tr("Merge the code %1 into %2").replace("%1", code(command.category_id))
                return merged.replace("%2", code(command.spans_to or ""))
            return self.tr("Delete the code %1").replace("%1", code(command.category_id))
        if isinstance(command, RejectSuggestion):
            return self.tr("Reject the suggestion %1").replace("%1", code(command.category_id))
        from desktop.core.analysts.adjudication import Adjudicate  # loaded by the first round, not at start

        if isinstance(command, Adjudicate):
            return self._adjudication_text(command)
        return command.describe()

    def _adjudication_text(self, command: Adjudicate) -> str:
        if all(d.decision == Decision.AGREED.value for d in command.decided):
            return self.tr("Accept %n span(s) both analysts coded alike", "", len(command.decided))
        names = {
            Decision.FIRST.value: self.tr("keep %1's spans").replace("%1", command.first),
            Decision.SECOND.value: self.tr("keep %1's spans").replace("%1", command.second),
            Decision.BOTH.value: self.tr("keep both analysts' spans"),
            Decision.NEITHER.value: self.tr("keep neither analyst's spans"),
        }
        decision = command.decided[0].decision if command.decided else ""
        return self.tr("Decide a disagreement: %1").replace("%1", names.get(decision, decision))

    def batch_outcome(self, change: Change) -> str:
        """What a batch step did (tagging hits, taking them back, adjudicating), for the status bar."""
        count = len(change.spans)
        if change.removed:
            parts = [self.tr("Removed %n span(s)", "", count)]
            if change.kept:
                parts.append(self.tr("kept %n changed since", "", change.kept))
        else:
            parts = [self.tr("Added %n span(s)", "", count)]
            if change.skipped:
                parts.append(self.tr("skipped %n tagged already", "", change.skipped))
            if change.kept:
                parts.append(self.tr("%n could not be put back: their ids are taken", "", change.kept))
        if change.gone:
            parts.append(self.tr("%n deleted already", "", change.gone))
        return self.tr("; ").join(parts)


_words: CommandWords | None = None


def _phrases() -> CommandWords:
    global _words
    if _words is None:
        _words = CommandWords()
    return _words


def command_text(command: Command, code: Names, field: Names) -> str:
    """The step as the Edit menu and the history name it."""
    return _phrases().command_text(command, code, field)


def batch_outcome(change: Change) -> str:
    """What a batch step did (tagging hits, taking them back, adjudicating), for the status bar."""
    return _phrases().batch_outcome(change)
