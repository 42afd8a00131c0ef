-- Copydesk schema, version 1. Shipped migrations are never edited: add a new file instead.
-- Instants are INTEGER milliseconds since the Unix epoch, UTC. Public ids are UUIDv7 text;
-- integer `pk`s are internal join keys.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE sections (
    name      TEXT PRIMARY KEY COLLATE NOCASE,
    min_words INTEGER CHECK (min_words IS NULL OR min_words >= 0),
    max_words INTEGER CHECK (max_words IS NULL OR max_words >= 0),
    position  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE contributors (
    pk            INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL CHECK (display_name <> ''),
    sort_name     TEXT NOT NULL,
    name_key      TEXT NOT NULL,
    email         TEXT,
    affiliation   TEXT NOT NULL DEFAULT '',
    kind          TEXT NOT NULL CHECK (kind IN ('staff', 'guest')),
    bio           TEXT NOT NULL DEFAULT '',
    links         TEXT NOT NULL DEFAULT '[]',
    private_notes TEXT NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX contributors_by_name_key ON contributors (name_key);
CREATE INDEX contributors_by_sort_name ON contributors (sort_name COLLATE NOCASE, pk);
CREATE UNIQUE INDEX contributors_by_email ON contributors (email) WHERE email IS NOT NULL;

CREATE TABLE users (
    pk              INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    role            TEXT NOT NULL CHECK (role IN ('contributor', 'editor', 'chief')),
    passphrase_hash TEXT,
    contributor_pk  INTEGER REFERENCES contributors (pk),
    created_at      INTEGER NOT NULL
);
CREATE INDEX users_by_contributor ON users (contributor_pk) WHERE contributor_pk IS NOT NULL;

CREATE TABLE contributor_bio_history (
    pk             INTEGER PRIMARY KEY,
    contributor_pk INTEGER NOT NULL REFERENCES contributors (pk) ON DELETE CASCADE,
    bio            TEXT NOT NULL,
    replaced_at    INTEGER NOT NULL,
    replaced_by    INTEGER REFERENCES users (pk)
);
CREATE INDEX contributor_bio_history_by_contributor ON contributor_bio_history (contributor_pk, pk);

CREATE TABLE articles (
    pk               INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    slug             TEXT NOT NULL UNIQUE,
    headline         TEXT NOT NULL,
    standfirst       TEXT NOT NULL DEFAULT '',
    body             TEXT NOT NULL DEFAULT '',
    section          TEXT REFERENCES sections (name),
    tags             TEXT NOT NULL DEFAULT '[]',
    state            TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'in_review',
                         'changes_requested', 'approved', 'scheduled', 'published', 'rejected',
                         'withdrawn')),
    version          INTEGER NOT NULL,
    word_count       INTEGER NOT NULL,
    assigned_editor  INTEGER REFERENCES users (pk),
    approved_by      INTEGER REFERENCES users (pk),
    embargo_until    INTEGER,
    scheduled_at     INTEGER,
    published_at     INTEGER,
    created_by       INTEGER NOT NULL REFERENCES users (pk),
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    state_changed_at INTEGER NOT NULL
);
CREATE INDEX articles_by_state ON articles (state, state_changed_at);
CREATE INDEX articles_by_section ON articles (section, state_changed_at);
CREATE INDEX articles_by_section_state ON articles (section, state, state_changed_at);
CREATE INDEX articles_by_change ON articles (state_changed_at);

CREATE TABLE article_bylines (
    article_pk     INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    contributor_pk INTEGER NOT NULL REFERENCES contributors (pk),
    -- NULL: print the contributor's current bio. Set: the article's own text (frozen at publication).
    printed_bio    TEXT,
    PRIMARY KEY (article_pk, position)
) WITHOUT ROWID;
-- Also what keeps one contributor from standing twice on a byline.
CREATE UNIQUE INDEX article_bylines_by_contributor ON article_bylines (contributor_pk, article_pk);

CREATE TABLE related_articles (
    article_pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    related_pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    PRIMARY KEY (article_pk, position),
    UNIQUE (article_pk, related_pk)
) WITHOUT ROWID;

-- Every save of an article. `content` is the full snapshot when number = key_number, otherwise a
-- delta against revision number - 1; chain_bytes sums the deltas since the key snapshot. Keyed
-- by (article, number) alone: most rows are small deltas, and one tree serves every lookup.
CREATE TABLE revisions (
    article_pk    INTEGER NOT NULL REFERENCES articles (pk),
    number        INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    author_pk     INTEGER NOT NULL REFERENCES users (pk),
    at            INTEGER NOT NULL,
    reason        TEXT NOT NULL CHECK (reason IN ('autosave', 'save', 'transition', 'restore')),
    restored_from INTEGER,
    key_number    INTEGER NOT NULL,
    chain_bytes   INTEGER NOT NULL,
    -- A hash of the full snapshot, checked whenever the text is rebuilt.
    content_hash  INTEGER NOT NULL,
    content       BLOB NOT NULL,
    PRIMARY KEY (article_pk, number)
) WITHOUT ROWID;

-- The audit log: append-only, enforced below.
CREATE TABLE transitions (
    pk         INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    article_pk INTEGER NOT NULL REFERENCES articles (pk),
    action     TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state   TEXT NOT NULL,
    actor_pk   INTEGER REFERENCES users (pk),
    at         INTEGER NOT NULL,
    note       TEXT
);
CREATE INDEX transitions_by_article ON transitions (article_pk, pk);
CREATE INDEX transitions_by_actor ON transitions (actor_pk, pk);
CREATE TRIGGER transitions_no_update BEFORE UPDATE ON transitions
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER transitions_no_delete BEFORE DELETE ON transitions
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TABLE notes (
    pk          INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    article_pk  INTEGER NOT NULL REFERENCES articles (pk),
    parent_pk   INTEGER REFERENCES notes (pk),
    -- 0 for a thread's first note, its parent's depth + 1 for a reply.
    depth       INTEGER NOT NULL DEFAULT 0 CHECK (depth >= 0),
    author_pk   INTEGER NOT NULL REFERENCES users (pk),
    body        TEXT NOT NULL CHECK (body <> ''),
    anchor      TEXT,
    created_at  INTEGER NOT NULL,
    resolved_at INTEGER,
    resolved_by INTEGER REFERENCES users (pk)
);
CREATE INDEX notes_by_article ON notes (article_pk, pk);

-- Search over articles: headline, standfirst, body, and the byline's names and printed bios.
-- Contentless: the text lives once, in `articles`; rows are replaced by rowid, so the store
-- indexes an article when it is written and autosaves can defer that to `search_pending`.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    headline, standfirst, body, byline,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Bulk loads index a whole batch in one statement: let it build in memory (16 MB) before it
-- writes a segment, instead of the default 1 MB.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);

-- Articles whose text changed (by autosave) since they were last indexed.
CREATE TABLE search_pending (
    article_pk INTEGER PRIMARY KEY REFERENCES articles (pk)
);

-- Search over contributors. External content: edits are rare and go through these triggers.
CREATE VIRTUAL TABLE contributors_fts USING fts5 (
    display_name, affiliation, bio,
    content = 'contributors', content_rowid = 'pk',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER contributors_fts_insert AFTER INSERT ON contributors
BEGIN
    INSERT INTO contributors_fts (rowid, display_name, affiliation, bio)
    VALUES (new.pk, new.display_name, new.affiliation, new.bio);
END;
CREATE TRIGGER contributors_fts_update AFTER UPDATE OF display_name, affiliation, bio ON contributors
BEGIN
    INSERT INTO contributors_fts (contributors_fts, rowid, display_name, affiliation, bio)
    VALUES ('delete', old.pk, old.display_name, old.affiliation, old.bio);
    INSERT INTO contributors_fts (rowid, display_name, affiliation, bio)
    VALUES (new.pk, new.display_name, new.affiliation, new.bio);
END;
CREATE TRIGGER contributors_fts_delete AFTER DELETE ON contributors
BEGIN
    INSERT INTO contributors_fts (contributors_fts, rowid, display_name, affiliation, bio)
    VALUES ('delete', old.pk, old.display_name, old.affiliation, old.bio);
END;
