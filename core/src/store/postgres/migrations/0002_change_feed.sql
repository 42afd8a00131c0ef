-- Schema version 2: the change feed is read in commit-safe order. Identity values are handed out
-- as rows are inserted, not as transactions commit, so a reader following `id` alone could pass
-- an event whose transaction commits after a later one's. Each event now carries its
-- transaction's id; readers take only events of transactions older than every one still running
-- (pg_snapshot_xmin) and follow (xid, id), an order no later commit can fall behind.
ALTER TABLE desk_events ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX desk_events_by_xid ON desk_events (xid, id);
CREATE INDEX desk_events_by_time ON desk_events (at);

-- Where pruning stopped: a reader resuming from before it may have missed changes.
CREATE TABLE desk_events_pruned (
    xid xid8   NOT NULL,
    id  bigint NOT NULL
);
