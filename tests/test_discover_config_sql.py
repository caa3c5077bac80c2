"""SQL scripts: the strings a migration or seed writes into a column named for a model (a default, an inserted row, an
UPDATE's new value) are read as a config key's value; conditions, queries, comments and other columns name nothing."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from modelpolicy.discover import discover, sqltext
from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.model import Kind

A, M = Kind.API, Kind.MODEL
Found = tuple[Kind, str, int]


def find(text: str, path: str = "migrations/001_init.sql") -> list[Found]:
    references = ConfigSource().find(text, FileContext(path, lambda value: False))
    return sorted(((r.kind, r.text, r.line) for r in references), key=lambda f: (f[2], f[1]))


def test_column_defaults_name_the_model_they_default_to() -> None:
    text = """\
CREATE TABLE IF NOT EXISTS workspaces (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    name TEXT NOT NULL DEFAULT 'Home',
    default_model TEXT NOT NULL CHECK (char_length(default_model) <= 1000) DEFAULT 'gpt-4o',
    embedding_model TEXT DEFAULT 'BAAI/bge-small-en-v1.5'
);
ALTER TABLE chats ADD COLUMN IF NOT EXISTS model TEXT NOT NULL DEFAULT 'claude-3-5-sonnet-20240620';
ALTER TABLE presets ALTER COLUMN "model" SET DEFAULT 'gpt-4o-mini';
"""
    assert find(text) == [
        (A, "gpt-4o", 4),
        (M, "BAAI/bge-small-en-v1.5", 5),
        (A, "claude-3-5-sonnet-20240620", 7),
        (A, "gpt-4o-mini", 8),
    ]


def test_inserted_rows_name_what_they_write_under_a_model_column() -> None:
    text = """\
-- seed data: the default is 'gpt-3.5-turbo' no more
INSERT INTO public.workspaces(user_id, is_home, name, default_model, default_prompt)
VALUES (NEW.id, TRUE, 'Home', 'gpt-4-1106-preview', 'You are a friendly, helpful AI assistant.');
INSERT INTO chats (name, model) VALUES
  ('Chat 1', 'gpt-4-turbo-preview'),
  ('It''s chat 2', 'mistral-large-latest');
"""
    assert find(text) == [(A, "gpt-4-1106-preview", 3), (A, "gpt-4-turbo-preview", 5), (A, "mistral-large-latest", 6)]


def test_an_update_names_the_value_it_sets_not_the_one_it_replaces() -> None:
    text = """\
UPDATE workspaces
SET default_model = 'gpt-4-turbo-preview', updated_at = now()
WHERE default_model = 'gpt-4-1106-preview';
UPDATE chats SET model = 'gpt-3.5-turbo' WHERE model IN ('gpt-3.5-turbo-1106', 'gpt-3.5-turbo-0613');
"""
    assert find(text) == [(A, "gpt-4-turbo-preview", 2), (A, "gpt-3.5-turbo", 4)]


def test_functions_bodies_are_read_as_statements() -> None:
    text = """\
CREATE OR REPLACE FUNCTION create_home() RETURNS TRIGGER AS $$
BEGIN
    INSERT INTO workspaces (user_id, default_model) VALUES (NEW.id, 'gpt-4o');
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""
    assert find(text) == [(A, "gpt-4o", 3)]


def test_mysql_and_sqlite_quoting() -> None:
    text = """\
CREATE TABLE `settings` (`id` INT, `default_model` VARCHAR(255) DEFAULT "gpt-4o");
INSERT INTO `chats` (`name`, `model`) VALUES ("Chat 1", "claude-3-haiku-20240307");
UPDATE "presets" SET "model" = 'gemini-1.5-pro' WHERE "model" = 'gemini-pro';
"""
    assert find(text, "db/schema.sql") == [
        (A, "gpt-4o", 1),
        (A, "claude-3-haiku-20240307", 2),
        (A, "gemini-1.5-pro", 3),
    ]


def test_look_alikes_name_nothing() -> None:
    text = """\
-- INSERT INTO chats (model) VALUES ('gpt-4o');
/* UPDATE chats SET model = 'gpt-4o'; */
SELECT * FROM chats WHERE model = 'gpt-4o';
DELETE FROM chats WHERE model = 'claude-2.1';
INSERT INTO chats VALUES ('x', 'gpt-4o');
INSERT INTO notes (title, body) VALUES ('gpt-4o', 'gpt-4o is the default');
INSERT INTO chats (name, model) SELECT name, 'gpt-4o' FROM old_chats;
CREATE TABLE t (model TEXT DEFAULT 'none', provider TEXT DEFAULT 'openai', prompt TEXT DEFAULT 'Use gpt-4o');
UPDATE profiles SET bio = 'I like gpt-4o' WHERE username = 'gpt-4o';
INSERT INTO models (model, local_path) VALUES ('./checkpoints/run1', 'meta-llama/Llama-3.1-8B');
"""
    assert find(text) == []


def test_unfinished_scripts_are_read_as_far_as_they_go() -> None:
    assert find("INSERT INTO chats (model) VALUES ('gpt-4o'") == [(A, "gpt-4o", 1)]
    assert find("UPDATE chats SET model = 'gpt-4o") == []
    assert find("CREATE TABLE t (model TEXT DEFAULT 'gpt-4o'") == [(A, "gpt-4o", 1)]
    assert find("INSERT INTO (((") == []
    assert find("DEFAULT 'gpt-4o'") == []


def test_a_scan_reads_sql_files(tmp_path: Path) -> None:
    (tmp_path / "supabase").mkdir()
    (tmp_path / "supabase" / "seed.sql").write_text("INSERT INTO chats (name, model) VALUES ('a', 'gpt-4o');\n")
    found = discover(tmp_path, [tmp_path])
    assert [(a.kind, a.id, [r.path for r in a.references]) for a in found.artefacts] == [
        (A, "gpt-4o", ["supabase/seed.sql"])
    ]


def test_an_added_column_without_the_word_column() -> None:
    assert find("ALTER TABLE chats ADD model TEXT DEFAULT 'gpt-4o';\n") == [(A, "gpt-4o", 1)]


_WORDS = ["INSERT", "INTO", "t", "(", ")", ",", "VALUES", "'gpt-4o'", "model", "UPDATE", "SET", "=", "DEFAULT"]
_PIECES = st.sampled_from([*_WORDS, ";", "'", "--", "/*", "$$"])


@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=40).map(" ".join))
def test_any_script_is_read_without_error_and_each_value_stands_at_its_quote(text: str) -> None:
    for group in sqltext.written(text):
        for value in group:
            assert text[value.offset] == "'" and value.column
