-- Schema version 3: text is searched word by word, as on the desk file. PostgreSQL's parser reads
-- "<b>", "jane@example.org", "example.org/page" or "3.5" as whole tokens (or drops tags), so a
-- search for "example" or "script" missed what the desk file finds. The characters that build
-- such tokens become spaces before the text is parsed; accents are still removed by unaccent.
CREATE FUNCTION search_text(t text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT translate(unaccent(t), '<>@/.:_&=?#%+~|\', '                ')
$$;

CREATE OR REPLACE FUNCTION contributors_search_doc() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search :=
        setweight(to_tsvector('simple', search_text(NEW.display_name)), 'A') ||
        setweight(to_tsvector('simple', search_text(NEW.affiliation)), 'B') ||
        setweight(to_tsvector('simple', search_text(NEW.bio)), 'C');
    RETURN NEW;
END $$;

-- Everything indexed so far is indexed again: contributors now, articles before the next search.
UPDATE contributors SET display_name = display_name;
INSERT INTO search_pending (article_pk) SELECT article_pk FROM article_search
    ON CONFLICT DO NOTHING;
