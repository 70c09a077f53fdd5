<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AdjudicationPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/review/adjudication_panel.py" line="161"/>
        <source>%1 of %n disagreement(s) decided</source>
        <translation>
            <numerusform>%1 of %n disagreement decided</numerusform>
            <numerusform>%1 of %n disagreements decided</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review/adjudication_panel.py" line="162"/>
        <source>%n agreed span(s) not yet accepted</source>
        <translation>
            <numerusform>%n agreed span not yet accepted</numerusform>
            <numerusform>%n agreed spans not yet accepted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="107"/>
        <source>%n article(s); spans: %2. n/a: not defined by the data. Percent agreement is not chance-corrected.</source>
        <translation>
            <numerusform>%n article; spans: %2. n/a: not defined by the data. Percent agreement is not chance-corrected.</numerusform>
            <numerusform>%n articles; spans: %2. n/a: not defined by the data. Percent agreement is not chance-corrected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="130"/>
        <source>Not every analyst finished the set (%1): the figures cover the %n article(s) all of them coded.</source>
        <translation>
            <numerusform>Not every analyst finished the set (%1): the figures cover the %n article all of them coded.</numerusform>
            <numerusform>Not every analyst finished the set (%1): the figures cover the %n articles all of them coded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/panes/annotation_controller.py" line="175"/>
        <source>%n span(s) no longer match the text at their offsets and are not shown (ids: %2)</source>
        <translation>
            <numerusform>%n span no longer matches the text at its offsets and is not shown (id: %2)</numerusform>
            <numerusform>%n spans no longer match the text at their offsets and are not shown (ids: %2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CodebookActions</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/codebook/codebook_actions.py" line="192"/>
        <source>“%1” has %n span(s). Move them to another code, or delete them with it?</source>
        <translation>
            <numerusform>“%1” has %n span. Move it to another code, or delete it with the code?</numerusform>
            <numerusform>“%1” has %n spans. Move them to another code, or delete them with it?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CodingRound</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/review/coding_round.py" line="133"/>
        <source>Sample “%1”: %n article(s), listed now</source>
        <translation>
            <numerusform>Sample “%1”: %n article, listed now</numerusform>
            <numerusform>Sample “%1”: %n articles, listed now</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommandWords</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/window/command_words.py" line="74"/>
        <source>Tag %n hit(s) of %1 as %2</source>
        <translation>
            <numerusform>Tag %n hit of %1 as %2</numerusform>
            <numerusform>Tag %n hits of %1 as %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window/command_words.py" line="79"/>
        <source>Take back %n tagged hit(s)</source>
        <translation>
            <numerusform>Take back %n tagged hit</numerusform>
            <numerusform>Take back %n tagged hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window/command_words.py" line="101"/>
        <source>Accept %n span(s) both analysts coded alike</source>
        <translation>
            <numerusform>Accept %n span both analysts coded alike</numerusform>
            <numerusform>Accept %n spans both analysts coded alike</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window/command_words.py" line="115"/>
        <source>Removed %n span(s)</source>
        <translation>
            <numerusform>Removed %n span</numerusform>
            <numerusform>Removed %n spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window/command_words.py" line="117"/>
        <source>kept %n changed since</source>
        <translation>
            <numerusform>kept %n changed since</numerusform>
            <numerusform>kept %n changed since</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window/command_words.py" line="119"/>
        <source>Added %n span(s)</source>
        <translation>
            <numerusform>Added %n span</numerusform>
            <numerusform>Added %n spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window/command_words.py" line="121"/>
        <source>skipped %n tagged already</source>
        <translation>
            <numerusform>skipped %n tagged already</numerusform>
            <numerusform>skipped %n tagged already</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window/command_words.py" line="123"/>
        <source>%n could not be put back: their ids are taken</source>
        <translation>
            <numerusform>%n could not be put back: its id is taken</numerusform>
            <numerusform>%n could not be put back: their ids are taken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window/command_words.py" line="125"/>
        <source>%n deleted already</source>
        <translation>
            <numerusform>%n deleted already</numerusform>
            <numerusform>%n deleted already</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CorpusDocks</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/search/corpus_docks.py" line="174"/>
        <source>%n hit(s) so far, counting…</source>
        <translation>
            <numerusform>%n hit so far, counting…</numerusform>
            <numerusform>%n hits so far, counting…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/search/corpus_docks.py" line="180"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/search/corpus_docks.py" line="180"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/search/corpus_docks.py" line="193"/>
        <source>Search index ready (%n article(s))</source>
        <translation>
            <numerusform>Search index ready (%n article)</numerusform>
            <numerusform>Search index ready (%n articles)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/search/corpus_docks.py" line="196"/>
        <source>Indexing for search: %1 / %n article(s)</source>
        <translation>
            <numerusform>Indexing for search: %1 / %n article</numerusform>
            <numerusform>Indexing for search: %1 / %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/search/corpus_docks.py" line="243"/>
        <source>Nothing to tag: %n hit(s) tagged already</source>
        <translation>
            <numerusform>Nothing to tag: %n hit tagged already</numerusform>
            <numerusform>Nothing to tag: %n hits tagged already</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="181"/>
        <source>The file gives other colours for %n code(s):</source>
        <translation>
            <numerusform>The file gives other colours for %n code:</numerusform>
            <numerusform>The file gives other colours for %n codes:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="229"/>
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Exported %n row to %1</numerusform>
            <numerusform>Exported %n rows to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassagesDock</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/search/passages_dock.py" line="135"/>
        <source>Wrote %n passage(s) to %1</source>
        <translation>
            <numerusform>Wrote %n passage to %1</numerusform>
            <numerusform>Wrote %n passages to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/reports/report_words.py" line="67"/>
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/reports/report_words.py" line="68"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReprocessDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/reprocess_dialog.py" line="65"/>
        <source>%n span(s) would fall in text the new pipeline removes; nothing can be re-processed.</source>
        <translation>
            <numerusform>%n span would fall in text the new pipeline removes; nothing can be re-processed.</numerusform>
            <numerusform>%n spans would fall in text the new pipeline removes; nothing can be re-processed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetrievalPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/search/retrieval_panel.py" line="202"/>
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n passage</numerusform>
            <numerusform>%n passages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudyDocks</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/reports/study_docks.py" line="237"/>
        <source>Wrote %n row(s) to %1</source>
        <translation>
            <numerusform>Wrote %n row to %1</numerusform>
            <numerusform>Wrote %n rows to %1</numerusform>
        </translation>
    </message>
</context>
</TS>
