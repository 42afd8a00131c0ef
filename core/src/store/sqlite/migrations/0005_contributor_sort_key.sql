-- Contributors sort by their names as a reader of the desk's language would file them: Šimić
-- among the S's, not after Z. The key is the sort name folded to lower-case ASCII
-- (`text::fold`), written by the desk with every change; existing rows get theirs as this
-- migration runs (see `migrations.rs`), since SQLite alone cannot fold.
ALTER TABLE contributors ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
DROP INDEX contributors_by_sort_name;
CREATE INDEX contributors_by_sort_key ON contributors (sort_key, pk);
