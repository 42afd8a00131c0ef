-- Scheduling and publishing: the outbox of publish jobs, sections' publication slots, and the
-- indexes the calendar reads.

-- One row per publication (or page rewrite) to carry out. Scheduling writes it in the same
-- transaction as the move; publishers claim due jobs atomically and record the result.
CREATE TABLE publish_jobs (
    pk          INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    article_pk  INTEGER NOT NULL REFERENCES articles (pk),
    -- publish: move a scheduled article to published and write its page. render: write the pages
    -- of an article already published or withdrawn (publish now, withdrawal).
    kind        TEXT NOT NULL CHECK (kind IN ('publish', 'render')),
    due_at      INTEGER NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed', 'cancelled')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    -- When the job may next be claimed: its due time, or after a failure the end of the backoff.
    next_try_at INTEGER NOT NULL,
    -- A running job whose publisher vanished may be claimed again once its lease runs out.
    lease_until INTEGER,
    claimed_by  TEXT,
    -- Who scheduled it: the publication's revision is written in their name.
    created_by  INTEGER NOT NULL REFERENCES users (pk),
    created_at  INTEGER NOT NULL,
    finished_at INTEGER,
    late_ms     INTEGER,
    error       TEXT
);
-- At most one open job per article: rescheduling moves it, it never adds a second.
CREATE UNIQUE INDEX publish_jobs_open ON publish_jobs (article_pk)
    WHERE state IN ('pending', 'running', 'failed');
CREATE INDEX publish_jobs_next ON publish_jobs (next_try_at) WHERE state IN ('pending', 'failed');
CREATE INDEX publish_jobs_leased ON publish_jobs (lease_until) WHERE state = 'running';
CREATE INDEX publish_jobs_by_state ON publish_jobs (state, due_at);
CREATE INDEX publish_jobs_by_due ON publish_jobs (due_at);

-- Articles already scheduled before the outbox existed get their job now.
INSERT INTO publish_jobs (id, article_pk, kind, due_at, state, next_try_at, created_by, created_at)
SELECT 'migrated-' || a.id, a.pk, 'publish', a.scheduled_at, 'pending', a.scheduled_at,
       coalesce(a.assigned_editor, a.approved_by, a.created_by), a.state_changed_at
  FROM articles a
 WHERE a.state = 'scheduled' AND a.scheduled_at IS NOT NULL;

-- A section's recurring publication times, in the desk's zone: weekday 1 = Monday … 7 = Sunday.
CREATE TABLE section_slots (
    section TEXT NOT NULL REFERENCES sections (name) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    minute  INTEGER NOT NULL CHECK (minute BETWEEN 0 AND 1439),
    PRIMARY KEY (section, weekday, minute)
) WITHOUT ROWID;

-- The version whose text the site prints: staff may correct a published piece, and the
-- correction goes out when it is republished.
ALTER TABLE articles ADD COLUMN published_version INTEGER;
UPDATE articles SET published_version = version WHERE state IN ('published', 'withdrawn');

-- A bio frozen at publication from the contributor's (not the article's own text) follows the
-- contributor again when the piece is republished.
ALTER TABLE article_bylines ADD COLUMN follows_bio INTEGER NOT NULL DEFAULT 0;
UPDATE article_bylines SET follows_bio = 1
 WHERE printed_bio IS NOT NULL
   AND article_pk IN (SELECT pk FROM articles WHERE state IN ('published', 'withdrawn'))
   AND printed_bio = (SELECT bio FROM contributors c WHERE c.pk = article_bylines.contributor_pk);

-- The calendar reads these alone: `section` is stored after the body, so reaching it in the table
-- would walk each body's overflow pages.
CREATE INDEX articles_by_schedule ON articles (scheduled_at, state, section, id, headline)
    WHERE scheduled_at IS NOT NULL;
CREATE INDEX articles_by_publication ON articles (published_at, state, section, id, headline)
    WHERE published_at IS NOT NULL;
