-- "In review: mine": an editor's queue is read by assigned editor and state, newest change first.
CREATE INDEX articles_by_editor ON articles (assigned_editor, state, state_changed_at);
