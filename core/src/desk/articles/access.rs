//! Who may do what with an article: the text's editors by state and role, and the moves the
//! workflow table offers them. One place decides; the faces show what it decided.

use chrono::{DateTime, Utc};

use crate::desk::moves::{Subject, options};
use crate::error::{Error, Result};
use crate::model::{Access, Byline, Role, State};
use crate::store::Tx;
use crate::store::articles::ArticleRow;
use crate::store::users::UserRow;

/// Why `me` may not change the article's text now, or `None` when they may: the author while it
/// is theirs to write, staff until publication and for corrections after it.
fn edit_refusal(me: &UserRow, row: &ArticleRow, on_byline: bool) -> Option<String> {
    if row.state == State::Withdrawn {
        return Some("the article is withdrawn: its text is closed".into());
    }
    match me.user.role {
        // Staff correct a published piece here; readers see it once it is republished.
        Role::Editor | Role::Chief => None,
        Role::Contributor if row.state == State::Published => {
            Some("the article is published: the desk corrects it and republishes it".into())
        }
        Role::Contributor if !matches!(row.state, State::Draft | State::ChangesRequested) => {
            Some(format!(
                "the article is {}: its author can edit it in draft or when changes are requested",
                row.state.words()
            ))
        }
        Role::Contributor if !on_byline => {
            Some(format!("{} is not on this article's byline", me.user.name))
        }
        Role::Contributor => None,
    }
}

/// Refuses a change of text `me` may not make.
pub(in crate::desk) fn may_edit_text(conn: &dyn Tx, me: &UserRow, row: &ArticleRow) -> Result<()> {
    let on_byline = match me.contributor_pk {
        Some(c) => conn.articles().has_byline_contributor(row.pk, c)?,
        None => false,
    };
    match edit_refusal(me, row, on_byline) {
        Some(why) => Err(Error::forbidden(why)),
        None => Ok(()),
    }
}

/// What `me` may do with the article at `now`.
pub(super) fn access(
    conn: &dyn Tx,
    me: &UserRow,
    row: &ArticleRow,
    byline: &[(i64, Byline)],
    now: DateTime<Utc>,
) -> Result<Access> {
    let subject = Subject::read(conn, row, byline)?;
    let refusal = edit_refusal(me, row, subject.is_author(me));
    Ok(Access {
        can_edit_text: refusal.is_none(),
        edit_refusal: refusal,
        moves: options(me, &subject, None, now),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::articles::test_rows::{article, user};

    #[test]
    fn the_text_is_the_authors_to_write_and_the_desks_to_correct() {
        let author = user(Role::Contributor);
        let editor = user(Role::Editor);
        for state in State::ALL.iter().copied() {
            let a = article(state);
            let author_may = edit_refusal(&author, &a, true).is_none();
            assert_eq!(
                author_may,
                matches!(state, State::Draft | State::ChangesRequested),
                "{state}"
            );
            assert!(edit_refusal(&author, &a, false).is_some(), "{state}");
            assert_eq!(
                edit_refusal(&editor, &a, false).is_none(),
                state != State::Withdrawn,
                "{state}"
            );
        }
    }
}
