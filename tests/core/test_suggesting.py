"""Suggestions: the rules file (bad rules reported and skipped), tagged strings, accepting and rejecting."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from desktop.core.coding.importing import prepare_article
from desktop.core.coding.suggestion_commands import AcceptSuggestion, RejectSuggestion
from desktop.core.layers import Layer
from desktop.core.search.suggesting import TAGGED, Suggester, default_rules_path, load_rules
from desktop.core.search.user_patterns import UserPattern
from desktop.core.store import Store

CATEGORIES = ["project", "target", "measure"]
ORIGINAL = "青禾縣加快建設智慧產業園，到2025年產值增長8%以上。實施鄉(xiāng)村振興工程。"


def test_the_shipped_rules_load_and_cover_the_three_categories() -> None:
    rules, problems = load_rules(default_rules_path(), CATEGORIES)
    assert problems == []
    assert {rule.category_id for rule in rules} == set(CATEGORIES)


def test_a_bad_rule_is_reported_by_file_and_name_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(
        '[[rule]]\nname = "good"\ncategory = "target"\npattern = \'到20\\d{2}年\'\n'
        '[[rule]]\nname = "broken"\ncategory = "target"\npattern = "增长(\\\\d+"\n'
        '[[rule]]\nname = "stranger"\ncategory = "nothing"\npattern = "x"\n'
        '[[rule]]\ncategory = "target"\npattern = "y"\n',
        encoding="utf-8",
    )
    rules, problems = load_rules(path, CATEGORIES)
    assert [rule.name for rule in rules] == ["good"]
    assert len(problems) == 3
    assert problems[0].startswith(f"{path}: rule 2 (broken): bad pattern") and problems[0].endswith("skipped")
    assert "unknown category 'nothing'" in problems[1] and "rule 4: no name" in problems[2]
    path.write_text("[[rule]\n", encoding="utf-8")
    rules, problems = load_rules(path, CATEGORIES)
    assert rules == [] and problems[0].startswith(f"{path}: not valid TOML")


def test_accepted_suggestions_are_spans_exact_in_both_scripts(store: Store) -> None:
    [article_id] = store.articles.add([prepare_article(ORIGINAL, "a.txt", "utf-8")])
    document = store.document(article_id)
    rules, _ = load_rules(default_rules_path(), CATEGORIES)
    suggestions = Suggester(rules).suggest(document.article.text)
    by_rule = {s.source: document.article.text[s.start : s.end] for s in suggestions}
    assert by_rule["target-year"] == "到2025年" and by_rule["target-growth"] == "增长8%以上"
    assert by_rule["project-park"] == "智慧产业园"  # the verbs before the name are left out
    for suggestion in suggestions:
        span = document.span_at(suggestion.start, suggestion.end, suggestion.category_id, "ana")
        AcceptSuggestion(span, suggestion.source).do(store)
    stored = store.spans.of_article(article_id)
    assert len(stored) == len(suggestions)
    for span in stored:
        assert document.quotes_match(span)
        assert prepare_article(span.original_text, "x", "utf-8").text == span.text
    # Accepted ones are spans now: nothing is suggested twice.
    held = [(s.start, s.end, s.category_id) for s in stored]
    assert Suggester(rules).suggest(document.article.text, held) == []


def test_tagged_strings_are_suggested_where_untagged_and_rejections_stay(store: Store) -> None:
    [article_id] = store.articles.add([prepare_article("乡村振兴，乡村振兴战略，乡村", "a.txt", "utf-8")])
    document = store.document(article_id)
    store.spans.insert(document.span_at(0, 4, "project", "ana"))
    tagged = store.suggestions.tagged_strings((Layer("ana"),))
    assert store.suggestions.tagged_strings((Layer("someone else"),)) == []
    assert tagged == [("project", "乡村振兴", 1)]
    held = [(s.start, s.end, s.category_id) for s in store.spans.of_article(article_id)]
    [suggestion] = Suggester([], tagged).suggest(document.article.text, held)
    assert (suggestion.start, suggestion.end, suggestion.source) == (5, 9, TAGGED)
    reject = RejectSuggestion(article_id, 5, 9, "project", TAGGED)
    reject.do(store)
    assert Suggester([], tagged).suggest(document.article.text, held, store.suggestions.rejected(article_id)) == []
    [record] = store.suggestions.records([TAGGED])
    assert (record.accepted, record.rejected, record.acceptance) == (0, 1, 0.0)
    reject.undo(store)
    assert store.suggestions.rejected(article_id) == set()


def test_accepting_is_undone_with_its_log_and_a_source_can_be_switched_off(store: Store) -> None:
    [article_id] = store.articles.add([prepare_article("到2030年完成", "a.txt", "utf-8")])
    rules, _ = load_rules(default_rules_path(), CATEGORIES)
    [suggestion] = Suggester(rules).suggest(store.articles.text(article_id))
    accept = AcceptSuggestion(store.document(article_id).span_at(0, 6, "target", "ana"), suggestion.source)
    accept.do(store)
    assert store.suggestions.records(["target-year"])[0].accepted == 1
    accept.undo(store)
    assert store.spans.of_article(article_id) == []
    assert store.suggestions.records(["target-year"])[0].accepted == 0
    store.suggestions.switch("target-year", on=False)
    assert Suggester(rules, off=store.suggestions.switched_off()).suggest(store.articles.text(article_id)) == []
    assert store.suggestions.records(["target-year"])[0].switched_off


def test_a_rule_that_backtracks_is_left_out_for_that_text_and_named(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(
        '[[rule]]\nname = "runaway"\ncategory = "target"\npattern = "(a|aa)+$"\n'
        '[[rule]]\nname = "good"\ncategory = "project"\npattern = "产业园"\n',
        encoding="utf-8",
    )
    rules, problems = load_rules(path, CATEGORIES)
    assert problems == [] and len(rules) == 2
    # A shorter limit than the default's two seconds, to keep the test quick.
    quick = [replace(rule, pattern=UserPattern.compile(rule.pattern.pattern, timeout=0.3)) for rule in rules]
    suggester = Suggester(quick)
    text = "建设智慧产业园。\n" + "a" * 40 + "b"
    found = suggester.suggest(text)
    assert [(s.source, text[s.start : s.end]) for s in found] == [("good", "产业园")]
    assert len(suggester.problems) == 1 and "runaway" in suggester.problems[0] and "0.3 s" in suggester.problems[0]
