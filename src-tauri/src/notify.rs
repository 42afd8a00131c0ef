//! Desktop notifications on a team desk: a piece I wrote gets changes requested or is
//! published; a piece is submitted to the desk I edit. Decided from the article as the server
//! gives it after each change it announces, once per move (a state the window already told of
//! is not told again), only for moves made in the last minutes (an old state first seen now
//! is not news), and never for a move the user made themselves (an editor submitting a guest's
//! piece, a chief publishing her own).

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use copydesk_core::api::{Article, Role, State, TransitionRecord, User};

/// A move older than this, first seen now, is not news.
const NEWS_FOR: Duration = Duration::minutes(2);

/// What to show: a title and a line, about an article (opened when the notification is clicked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Told {
    pub title: String,
    pub body: String,
    pub article: String,
}

/// Who made the move that put `article` in its state, from the newest entry of its audit log
/// (`None`: the scheduler, or a log that has moved on since the article was read).
pub fn moved_by(newest: Option<TransitionRecord>, article: &Article) -> Option<String> {
    newest
        .filter(|t| t.article_id == article.id && t.to == article.state)
        .and_then(|t| t.actor)
}

/// The states already told of, by article.
#[derive(Default)]
pub struct Notices {
    seen: HashMap<String, State>,
}

impl Notices {
    /// What to tell `me` of `article` as it stands at `now`, if anything. `moved_by` names who
    /// made the article's latest move (`None`: the scheduler); it is asked only when there is
    /// something to tell, since it costs the server a question.
    pub fn news(
        &mut self,
        article: &Article,
        me: &User,
        now: DateTime<Utc>,
        moved_by: impl FnOnce() -> Option<String>,
    ) -> Option<Told> {
        let before = self.seen.insert(article.id.clone(), article.state);
        if before == Some(article.state) || article.state_changed_at < now - NEWS_FOR {
            return None;
        }
        let headline = if article.headline.trim().is_empty() {
            "Untitled"
        } else {
            article.headline.trim()
        };
        let mine = me
            .contributor_id
            .as_deref()
            .is_some_and(|c| article.byline.iter().any(|b| b.contributor_id == c));
        let told = |title: &str, body: String| {
            Some(Told {
                title: title.to_string(),
                body,
                article: article.id.clone(),
            })
        };
        let told = match article.state {
            State::ChangesRequested if mine => told(
                "Changes requested",
                format!("“{headline}”: open it in Copydesk to read the note."),
            ),
            State::Published if mine => told("Published", format!("“{headline}” is out.")),
            State::Submitted if !mine && matches!(me.role, Role::Editor | Role::Chief) => {
                let by: Vec<&str> = article.byline.iter().map(|b| b.name.as_str()).collect();
                let by = if by.is_empty() {
                    String::new()
                } else {
                    format!(" by {}", by.join(" and "))
                };
                told("Submitted to the desk", format!("“{headline}”{by}."))
            }
            _ => None,
        }?;
        (moved_by().as_deref() != Some(me.name.as_str())).then_some(told)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::TimeZone;
    use copydesk_core::api::{Action, BylineEntry, NewArticle};
    use copydesk_core::desk::{MoveArgs, NewContributor, NewUser};
    use copydesk_core::{Desk, ManualClock, NewDesk};

    use super::*;

    /// A desk with a chief, an editor and Jane, who writes as the contributor Jane Roe.
    fn desk() -> (Desk, Arc<ManualClock>, [copydesk_core::Actor; 3]) {
        let clock = Arc::new(ManualClock::new(
            Utc.with_ymd_and_hms(2026, 12, 5, 9, 0, 0).unwrap(),
        ));
        let desk = Desk::open_in_memory(clock.clone()).unwrap();
        let chief = desk
            .init(&NewDesk {
                name: "The Meridian".into(),
                timezone: "Europe/Paris".into(),
                chief_name: "Claire".into(),
                chief_passphrase: None,
            })
            .unwrap();
        let jane = desk
            .add_contributor(&chief, &NewContributor::guest("Jane Roe"))
            .unwrap();
        let user = |name: &str, role, contributor| {
            desk.add_user(
                &chief,
                &NewUser {
                    name: name.into(),
                    role,
                    contributor,
                    passphrase: None,
                },
            )
            .unwrap();
            desk.sign_in(name, None).unwrap()
        };
        let editor = user("Eddie", Role::Editor, None);
        let author = user("jane", Role::Contributor, Some(jane.id));
        (desk, clock, [chief, editor, author])
    }

    #[test]
    fn the_writer_hears_of_changes_requested_and_publication_and_the_editor_of_submissions() {
        let (desk, clock, [chief, editor, author]) = desk();
        let piece = NewArticle {
            headline: "Harbour wall".into(),
            body: "The wall is old.".into(),
            byline: vec![BylineEntry::named("Jane Roe")],
            ..Default::default()
        };
        let a = desk.create_article(&author, &piece).unwrap();
        let mv = |by: &copydesk_core::Actor, action, note: Option<&str>| {
            let args = MoveArgs {
                note: note.map(str::to_string),
                at: None,
            };
            desk.move_article(by, &a.id, action, &args).unwrap()
        };
        let (mut hers, mut his) = (Notices::default(), Notices::default());
        let (jane, eddie) = (author.user.clone(), editor.user.clone());
        let now = || desk.now();
        let by_for = |reader| asker(&desk, reader, &a.id);

        let submitted = mv(&author, Action::Submit, None);
        assert_eq!(
            hers.news(&submitted, &jane, now(), by_for(&author)),
            None,
            "her own move"
        );
        let told = his
            .news(&submitted, &eddie, now(), by_for(&editor))
            .expect("the editor is told");
        assert_eq!(told.title, "Submitted to the desk");
        assert_eq!(told.body, "“Harbour wall” by Jane Roe.");
        assert_eq!(told.article, a.id, "a click opens the piece");
        // The same state again (a note added, say) is not news.
        assert_eq!(his.news(&submitted, &eddie, now(), by_for(&editor)), None);

        mv(&editor, Action::Claim, None);
        let sent_back = mv(&editor, Action::RequestChanges, Some("Add a standfirst."));
        let told = hers
            .news(&sent_back, &jane, now(), by_for(&author))
            .expect("the writer is told");
        assert_eq!(told.title, "Changes requested");
        assert_eq!(his.news(&sent_back, &eddie, now(), by_for(&editor)), None);

        // A move long past, first seen now, is not news.
        clock.advance(Duration::minutes(5));
        let mut late = Notices::default();
        assert_eq!(late.news(&sent_back, &jane, now(), by_for(&author)), None);
        let _ = chief;
    }

    /// Who made the article's newest move, asked of the desk as the shell asks it, by `reader`.
    fn last_mover(desk: &Desk, reader: &copydesk_core::Actor, id: &str) -> Option<String> {
        let log = desk.audit(reader, Some(id), None, None, 1).unwrap();
        let article = desk.get_article(reader, id).unwrap();
        moved_by(log.items.into_iter().next(), &article)
    }

    /// A guest's piece the editor keyed in and submitted for her, as it stands after the move.
    fn keyed_in_and_submitted(desk: &Desk, editor: &copydesk_core::Actor) -> Article {
        let piece = NewArticle {
            headline: "Tram fares".into(),
            body: "Fares rise in May.".into(),
            byline: vec![BylineEntry::named("Jane Roe")],
            ..Default::default()
        };
        let a = desk.create_article(editor, &piece).unwrap();
        let args = MoveArgs::default();
        desk.move_article(editor, &a.id, Action::Submit, &args)
            .unwrap()
    }

    /// The question of who moved the article, as `Notices::news` is handed it.
    fn asker<'a>(
        desk: &'a Desk,
        reader: &'a copydesk_core::Actor,
        id: &'a str,
    ) -> impl FnOnce() -> Option<String> + 'a {
        move || last_mover(desk, reader, id)
    }

    #[test]
    fn a_log_that_has_moved_on_since_the_article_was_read_names_nobody() {
        let (desk, _clock, [chief, editor, _author]) = desk();
        let submitted = keyed_in_and_submitted(&desk, &editor);
        let a = &submitted;
        let newest = || {
            let log = desk.audit(&chief, Some(&a.id), None, None, 1).unwrap();
            log.items.into_iter().next()
        };
        assert_eq!(moved_by(newest(), &submitted).as_deref(), Some("Eddie"));
        // The chief claims it meanwhile: the log's newest move is not the one that submitted it.
        desk.move_article(&chief, &a.id, Action::Claim, &MoveArgs::default())
            .unwrap();
        assert_eq!(moved_by(newest(), &submitted), None);
    }

    #[test]
    fn nobody_is_told_of_a_move_they_made_themselves() {
        let (desk, _clock, [chief, editor, _author]) = desk();
        let claire = chief.user.clone();
        let eddie = editor.user.clone();
        // Eddie keys in a guest's piece and submits it for her: news to the chief, not to him.
        let submitted = keyed_in_and_submitted(&desk, &editor);
        let a = &submitted;
        let by_for = |reader| asker(&desk, reader, &a.id);
        let (mut his, mut hers) = (Notices::default(), Notices::default());
        assert_eq!(
            his.news(&submitted, &eddie, desk.now(), by_for(&editor)),
            None
        );
        let told = hers.news(&submitted, &claire, desk.now(), by_for(&chief));
        assert_eq!(
            told.map(|t| t.title).as_deref(),
            Some("Submitted to the desk")
        );
        // Nor is the question of who moved it asked when there is nothing to tell.
        let mut asked = false;
        let again = his.news(&submitted, &eddie, desk.now(), || {
            asked = true;
            None
        });
        assert_eq!((again, asked), (None, false));
    }
}
