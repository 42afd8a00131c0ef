-- Sign-in sessions of a team desk (and of any desk signed into by token): the token itself is
-- never stored, only its hash. Failed sign-ins are counted per user and per address, so that
-- guessing slows down whichever instance is asked.

CREATE TABLE sessions (
    pk           INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    user_pk      INTEGER NOT NULL REFERENCES users (pk),
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    address      TEXT,
    revoked_at   INTEGER
);
CREATE INDEX sessions_by_user ON sessions (user_pk, created_at);

CREATE TABLE sign_in_failures (
    key       TEXT PRIMARY KEY,
    failures  INTEGER NOT NULL,
    last_at   INTEGER NOT NULL
);
