-- The post each piece became on a publication's WordPress site, by the site's address: a retried
-- or republished piece updates this post instead of making a second one. Rows go with their
-- article; another site (the target changed) gets posts of its own.
CREATE TABLE remote_posts (
    article_pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    site       TEXT NOT NULL,
    post_id    TEXT NOT NULL,
    pushed_at  INTEGER NOT NULL,
    PRIMARY KEY (article_pk, site)
);
