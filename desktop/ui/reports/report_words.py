"""A report table as the window shows it: headings, codes, layers and caption in the interface's language.

The core names columns for files and scripts (``category``, ``spans``, code ids); the window reads
the same table with translated headings, codes by their label paths and a caption of its own.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QObject

from desktop.core.codebook import Codebook
from desktop.core.corpus.reporting import NO_VALUE, PER_ARTICLE, ReportKind, ReportRequest, Table
from desktop.core.layers import CONSENSUS
from desktop.core.metadata import MetadataField
from desktop.ui.widgets.i18n import current_language
from desktop.ui.widgets.labels import field_label
from desktop.ui.window.layer_choice import shown


class ShownTable(NamedTuple):
    headings: list[str]
    codes: dict[str, str]  # code id -> its label path
    layers: dict[str, str]  # a layer's name in files -> as the window says it
    code_columns: frozenset[int]  # columns whose cells are code ids ("a; b" in the coding table)
    caption: str


class ReportWords(QObject):
    def shown(
        self, table: Table, request: ReportRequest, codebook: Codebook, fields: list[MetadataField]
    ) -> ShownTable:
        english = not current_language().startswith("zh")
        codes = {category.id: codebook.path(category.id, english=english) for category in codebook}
        named = self._column_names()
        headings = [named.get(column) or codes.get(column) or column for column in table.columns]
        code_columns = {i for i, column in enumerate(table.columns) if column in ("category", "codes")}
        layers = {layer.name: self._layer(layer.name, layer.analyst, layer.study) for layer in request.layers}
        return ShownTable(headings, codes, layers, frozenset(code_columns), self._caption(table, request, fields))

    def _column_names(self) -> dict[str, str]:
        return {
            "layer": self.tr("Layer"),
            "category": self.tr("Code"),
            "spans": self.tr("Spans"),
            "articles": self.tr("Articles"),
            "share": self.tr("Share"),
            "total": self.tr("Total"),
            "article_id": self.tr("Article no."),
            "article_title": self.tr("Title"),
            "unit_id": self.tr("Unit"),
            "unit_text": self.tr("Unit text"),
            "codes": self.tr("Codes"),
            "annotator": self.tr("Analyst"),
            NO_VALUE: self.tr("(no value)"),
        }

    def _layer(self, name: str, analyst: str, study: bool) -> str:
        if study:
            return self.tr("Study layer (%1)").replace("%1", analyst)
        return self.tr("Consensus") if analyst == CONSENSUS else name

    def _caption(self, table: Table, request: ReportRequest, fields: list[MetadataField]) -> str:
        kind = request.kind
        if kind is ReportKind.FREQUENCIES:
            spans = self.tr("%n span(s)", "", table.figures.get("spans", 0))
            articles = self.tr("%n article(s)", "", table.figures.get("articles", 0))
            what = self.tr("%1 in %2").replace("%1", spans).replace("%2", articles)
        elif kind is ReportKind.MATRIX:
            what = self.tr("Whether each code occurs in each article (1 or 0)") if request.once else ""
            what = what or self.tr("Spans per article and code")
        elif kind is ReportKind.CROSSTAB:
            by = {f.name: field_label(f) for f in fields}.get(request.by, self.tr("Year"))
            what = self.tr("Articles per code and %1") if request.once else self.tr("Spans per code and %1")
            what = what.replace("%1", by)
        elif kind is ReportKind.COOCCURRENCE:
            if request.by == PER_ARTICLE:
                what = self.tr("Articles holding both codes (on the diagonal: articles holding the code)")
            else:
                what = self.tr("Coding units holding both codes (on the diagonal: units holding the code)")
        else:
            what = self.tr("One row per coded unit and analyst")
        return self.tr("%1; %2").replace("%1", what).replace("%2", shown(request.layers, full=True))
