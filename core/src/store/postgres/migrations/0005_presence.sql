-- Who has an article open, and since when: each open editor says so every few seconds, and
-- whether its person is typing. A row no longer refreshed counts for nothing (the desk reads only
-- those seen in the last seconds) and is cleared later; rows go with their article or user.
-- Not part of the change feed: presence is read by asking, every few seconds.
CREATE TABLE presence (
    article_pk bigint NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    user_pk    bigint NOT NULL REFERENCES users (pk) ON DELETE CASCADE,
    since      bigint NOT NULL,
    seen_at    bigint NOT NULL,
    typing_at  bigint,
    PRIMARY KEY (article_pk, user_pk)
);
CREATE INDEX presence_by_seen ON presence (seen_at);
