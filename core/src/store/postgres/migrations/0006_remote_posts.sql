-- The post each piece became on a publication's WordPress site, by the site's address: a retried
-- or republished piece updates this post instead of making a second one. Rows go with their
-- article; another site (the target changed) gets posts of its own.
CREATE TABLE remote_posts (
    article_pk bigint NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    site       text NOT NULL,
    post_id    text NOT NULL,
    pushed_at  bigint NOT NULL,
    PRIMARY KEY (article_pk, site)
);
