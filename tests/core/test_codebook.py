"""The codebook: a tree of codes, keys in tree order, and every change an undoable command."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.core.codebook import Codebook, guid_for, split_path
from desktop.core.coding.codebook_commands import AddCategory, EditCategory, MoveCategory, RemoveCategory
from desktop.core.coding.importing import prepare_article
from desktop.core.document import Document
from desktop.core.models import Category
from desktop.core.store import Conflict, Refused, Store

TEXT = "加大财政资金投入，设立产业引导基金，完善人才培养体系。"


def tools_codebook(store: Store) -> None:
    """政策工具 > 供给型 > 资金投入 / 人才培养, 政策工具 > 环境型 (a heading that is not codable on top)."""
    store.categories.add("tools", "政策工具", "Policy tools", "#999999", codable=False)
    store.categories.add("supply", "供给型", "Supply", "#aa0000", parent_id="tools")
    store.categories.add("funding", "资金投入", "Funding", "#00aa00", parent_id="supply")
    store.categories.add("talent", "人才培养", "Talent", "#0000aa", parent_id="supply")
    store.categories.add("environment", "环境型", "Environment", "#aaaa00", parent_id="tools")


def tag(store: Store, start: int, end: int, category: str, who: str = "li") -> int:
    [article_id] = store.articles.ids() or store.articles.add([prepare_article(TEXT, "a.txt", "utf-8")])
    document: Document = store.document(article_id)
    span = store.spans.insert(document.span_at(start, end, category, who))
    assert span.id is not None
    return span.id


def categories_of_spans(store: Store) -> list[str]:
    return [row[0] for row in store.db.execute("select category_id from spans order by id")]


def test_a_new_database_has_the_three_defaults_with_keys_1_2_3(store: Store) -> None:
    assert [(c.id, c.label_zh, c.key, c.parent_id, c.codable) for c in store.categories.all()] == [
        ("project", "项目", "1", None, True),
        ("target", "目标", "2", None, True),
        ("measure", "措施", "3", None, True),
    ]
    assert store.categories.get("project").guid == guid_for("project")


def test_the_tree_in_order_with_paths_subtrees_and_keys_for_codable_categories_only(store: Store) -> None:
    tools_codebook(store)
    codebook = store.categories.codebook()
    assert [c.id for c in codebook] == [
        "project", "target", "measure", "tools", "supply", "funding", "talent", "environment"
    ]  # fmt: skip
    assert codebook.path("funding") == "政策工具 > 供给型 > 资金投入"
    assert codebook.path("funding", english=True) == "Policy tools > Supply > Funding"
    assert codebook.subtree("supply") == ["supply", "funding", "talent"]
    assert codebook.expand(["supply", "project"]) == ("supply", "funding", "talent", "project")
    assert codebook.by_path("政策工具>供给型 ＞ 人才培养").id == "talent"  # type: ignore[union-attr]
    # The heading gets no key; 1–9 and 0 go to codable categories in tree order.
    assert codebook.keys() == {
        "project": "1", "target": "2", "measure": "3", "supply": "4", "funding": "5", "talent": "6", "environment": "7"
    }  # fmt: skip
    assert codebook.totals({"funding": 2, "talent": 1, "supply": 1})["tools"] == 4


def test_keys_set_by_hand_win_and_a_taken_key_is_refused(store: Store) -> None:
    tools_codebook(store)
    store.categories.update("talent", shortcut="1")
    keys = store.categories.codebook().keys()
    assert keys["talent"] == "1" and keys["project"] == "2" and keys["environment"] == "7"
    with pytest.raises(Refused, match="already set on “人才培养”"):
        store.categories.update("funding", shortcut="1")
    with pytest.raises(Refused, match="not a key"):
        store.categories.update("funding", shortcut="q")
    store.categories.update("funding", shortcut="Alt+1")
    assert store.categories.get("funding").shortcut == "Alt+1"


def test_more_than_ten_codes_the_rest_have_no_key() -> None:
    codebook = Codebook(Category(f"c{i}", f"码{i}", f"c{i}", "#000000", "", i) for i in range(12))
    keys = codebook.keys()
    assert [keys[f"c{i}"] for i in range(12)] == [*"1234567890", "", ""]


def test_a_category_cannot_go_under_itself_or_its_own_sub_codes(store: Store) -> None:
    tools_codebook(store)
    with pytest.raises(Refused, match="under itself"):
        store.categories.move("supply", "funding", 0)
    with pytest.raises(Refused, match="under itself"):
        store.categories.move("supply", "supply", 0)
    assert store.categories.get("supply").parent_id == "tools"


def test_paths_split_as_excel_users_write_them() -> None:
    assert split_path(" 政策工具 >供给型> 资金投入 ") == ("政策工具", "供给型", "资金投入")
    assert split_path("政策工具 ＞ 环境型") == ("政策工具", "环境型")


def test_add_edit_and_move_undo_to_exactly_what_was_there(store: Store) -> None:
    tools_codebook(store)
    before = store.categories.all()
    add = AddCategory(Category("demand", "需求型", "Demand", "#123456", "", 0, "政府采购等", "tools"), index=1)
    add.do(store)
    assert [c.id for c in store.categories.codebook().children("tools")] == ["supply", "demand", "environment"]
    edit = EditCategory(store.categories.get("demand"), {"label_zh": "需求侧", "colour": "#654321"})
    edit.do(store)
    assert store.categories.get("demand").label_zh == "需求侧"
    move = MoveCategory("demand", None, 0)
    move.do(store)
    assert [c.id for c in store.categories.all()][:2] == ["demand", "project"]
    for command in (move, edit, add):
        command.undo(store)
    assert store.categories.all() == before


def test_merge_moves_every_span_and_sub_code_and_undo_puts_back_exactly_those(store: Store) -> None:
    tools_codebook(store)
    store.categories.add("grants", "补贴", "Grants", "#777777", parent_id="funding")
    ids = [tag(store, 0, 8, "funding"), tag(store, 9, 17, "talent"), tag(store, 18, 26, "funding", "wang")]
    before = store.categories.all()
    merge = RemoveCategory.merging("funding", "talent")
    change = merge.do(store)
    assert categories_of_spans(store) == ["talent", "talent", "talent"]
    assert "funding" not in store.categories.ids()
    assert store.categories.get("grants").parent_id == "talent"
    assert change.articles == (1,)
    merge.undo(store)
    assert categories_of_spans(store) == ["funding", "talent", "funding"]
    assert store.categories.all() == before
    assert [row[0] for row in store.db.execute("select id from spans order by id")] == ids


def test_delete_with_spans_moved_or_deleted_keeps_sub_codes_in_its_place_and_undoes(store: Store) -> None:
    tools_codebook(store)
    span_rows = lambda: store.db.execute("select * from spans order by id").fetchall()  # noqa: E731
    tag(store, 0, 8, "supply")
    tag(store, 9, 17, "funding")
    before, rows = store.categories.all(), span_rows()
    moved = RemoveCategory.deleting(store.categories.get("supply"), "measure")
    moved.do(store)
    assert categories_of_spans(store) == ["measure", "funding"]
    # Its sub-codes take its place under 政策工具, before 环境型.
    assert [c.id for c in store.categories.codebook().children("tools")] == ["funding", "talent", "environment"]
    moved.undo(store)
    assert store.categories.all() == before and span_rows() == rows
    deleted = RemoveCategory.deleting(store.categories.get("supply"), None)
    deleted.do(store)
    assert categories_of_spans(store) == ["funding"]
    deleted.undo(store)
    assert store.categories.all() == before and span_rows() == rows


def test_merging_into_a_sub_code_is_refused_and_nothing_changes(store: Store) -> None:
    tools_codebook(store)
    tag(store, 0, 8, "supply")
    with pytest.raises(Refused, match="own sub-codes"):
        RemoveCategory.merging("supply", "funding").do(store)
    assert categories_of_spans(store) == ["supply"] and "supply" in store.categories.ids()


def test_undoing_an_add_refuses_to_take_spans_tagged_with_it_since(store: Store) -> None:
    add = AddCategory(Category("new", "新码", "New", "#123456", "", 0))
    add.do(store)
    tag(store, 0, 4, "new")
    with pytest.raises(Conflict):
        add.undo(store)
    assert categories_of_spans(store) == ["new"]


def test_an_edit_over_another_windows_change_is_refused(store: Store) -> None:
    edit = EditCategory(store.categories.get("project"), {"label_zh": "工程"})
    store.categories.update("project", label_zh="项目（改）")
    with pytest.raises(Conflict):
        edit.do(store)
    assert store.categories.get("project").label_zh == "项目（改）"


def test_an_older_database_keeps_its_categories_keys_and_spans(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store.open(path) as store:
        tag(store, 0, 4, "measure")
    # Put the categories table back where schema m006 left it.
    with sqlite3.connect(path) as connection:
        connection.execute("update categories set shortcut = id || '' where 0")
        connection.execute("update categories set shortcut = case id when 'project' then '1' when 'target' then '2'"
                           " else '3' end")  # fmt: skip
        connection.execute("drop index idx_categories_parent")
        for column in ("description", "parent_id", "codable", "guid"):
            connection.execute(f"alter table categories drop column {column}")
        connection.execute("delete from _sqlite_migrations where name = 'm007_codebook'")
    connection.close()
    with Store.open(path) as store:
        categories = store.categories.all()
        assert [(c.id, c.shortcut, c.key, c.codable, c.guid) for c in categories] == [
            ("project", "1", "1", True, guid_for("project")),
            ("target", "2", "2", True, guid_for("target")),
            ("measure", "3", "3", True, guid_for("measure")),
        ]
        assert categories_of_spans(store) == ["measure"]


def test_the_codebook_read_once_is_read_again_after_any_change(tmp_path: Path) -> None:
    """Exports reuse one reading; a change by this store, by SQL or by another program is still seen."""
    path = tmp_path / "a.db"
    with Store.open(path) as store:
        first = store.categories.codebook()
        assert store.categories.codebook() is first
        store.categories.update("project", label_zh="工程")
        assert store.categories.codebook().by_id["project"].label_zh == "工程"
        store.db.execute("update categories set label_zh = '项目甲' where id = 'project'")
        assert store.categories.codebook().path("project") == "项目甲"
        with sqlite3.connect(path) as other:
            other.execute("update categories set label_zh = '项目乙' where id = 'project'")
        other.close()
        assert store.categories.all()[0].label_zh == "项目乙"
