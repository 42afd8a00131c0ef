-- Contributors sort by their names as a reader of the desk's language would file them: Šimić
-- among the S's, not after Z. The key is the sort name folded to lower-case ASCII
-- (`text::fold`, the same as on a desk file), written by the desk with every change; existing
-- rows get theirs as this migration runs (see `migrations.rs`). Compared byte by byte ("C"), as
-- SQLite does, so both stores file names alike.
ALTER TABLE contributors ADD COLUMN sort_key text NOT NULL DEFAULT '';
DROP INDEX contributors_by_sort_name;
CREATE INDEX contributors_by_sort_key ON contributors (sort_key COLLATE "C", pk);
