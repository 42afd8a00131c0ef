//! The editorial workflow, declared once: who may move an article from where to where, and what
//! each move needs. Anything not in `TRANSITIONS` is refused.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::desk_time::spoken_desk_time;
use crate::model::{Action, Role, Section, State};

/// Who may make a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    /// A contributor-role user whose linked contributor is on the byline.
    Author,
    Editor,
    Chief,
    /// The publishing scheduler, at the due time.
    Scheduler,
}

/// What a move needs besides the right state and the right person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// A note saying why.
    Note,
    /// Headline, body and at least one byline contributor.
    Complete,
    /// The approval readiness checks: standfirst, bios, section and word limits, headline length.
    Ready,
    /// A publication time in the future, not before the embargo.
    Time,
    /// The scheduled time has come.
    Due,
    /// The embargo, if any, has passed.
    EmbargoPassed,
}

pub struct Transition {
    pub action: Action,
    pub from: &'static [State],
    pub to: State,
    pub who: &'static [Party],
    pub needs: &'static [Need],
}

use Party::*;
use State::*;

pub const TRANSITIONS: &[Transition] = &[
    Transition {
        action: Action::Submit,
        from: &[Draft],
        to: Submitted,
        who: &[Author, Editor, Chief],
        needs: &[Need::Complete],
    },
    Transition {
        action: Action::Claim,
        from: &[Submitted],
        to: InReview,
        who: &[Editor, Chief],
        needs: &[],
    },
    Transition {
        action: Action::RequestChanges,
        from: &[InReview],
        to: ChangesRequested,
        who: &[Editor, Chief],
        needs: &[Need::Note],
    },
    Transition {
        action: Action::Resubmit,
        from: &[ChangesRequested],
        to: Submitted,
        who: &[Author, Editor, Chief],
        needs: &[Need::Complete],
    },
    Transition {
        action: Action::Approve,
        from: &[InReview],
        to: Approved,
        who: &[Editor, Chief],
        needs: &[Need::Complete, Need::Ready],
    },
    Transition {
        action: Action::Reject,
        from: &[Submitted, InReview],
        to: Rejected,
        who: &[Editor, Chief],
        needs: &[Need::Note],
    },
    Transition {
        action: Action::Reopen,
        from: &[Rejected],
        to: Draft,
        who: &[Chief],
        needs: &[Need::Note],
    },
    Transition {
        action: Action::Schedule,
        // From scheduled: a reschedule, which moves the one publish job.
        from: &[Approved, Scheduled],
        to: Scheduled,
        who: &[Editor, Chief],
        needs: &[Need::Time],
    },
    Transition {
        action: Action::Unschedule,
        from: &[Scheduled],
        to: Approved,
        who: &[Editor, Chief],
        needs: &[],
    },
    Transition {
        action: Action::Publish,
        from: &[Scheduled],
        to: Published,
        who: &[Scheduler],
        needs: &[Need::Due, Need::EmbargoPassed],
    },
    Transition {
        action: Action::PublishNow,
        from: &[Approved, Scheduled],
        to: Published,
        who: &[Chief],
        needs: &[Need::EmbargoPassed],
    },
    // A published piece's corrected text goes out again, with the update note readers see.
    Transition {
        action: Action::Republish,
        from: &[Published],
        to: Published,
        who: &[Editor, Chief],
        needs: &[Need::Note, Need::Complete],
    },
    Transition {
        action: Action::Withdraw,
        from: &[Published],
        to: Withdrawn,
        who: &[Chief],
        needs: &[Need::Note],
    },
];

/// The one row of the table for `action`.
pub fn transition(action: Action) -> &'static Transition {
    TRANSITIONS
        .iter()
        .find(|t| t.action == action)
        .unwrap_or_else(|| unreachable!("every action has a row in TRANSITIONS"))
}

/// The parties a user is, for an article: a role, plus author when they are on its byline.
pub fn parties(role: Role, on_byline: bool) -> Vec<Party> {
    match role {
        Role::Chief => vec![Chief],
        Role::Editor => vec![Editor],
        Role::Contributor if on_byline => vec![Author],
        Role::Contributor => vec![],
    }
}

/// Longest headline the desk prints, in characters.
pub const MAX_HEADLINE_CHARS: usize = 110;

/// What the checks look at.
pub struct Facts<'a> {
    pub state: State,
    pub headline: &'a str,
    pub standfirst: &'a str,
    pub body: &'a str,
    pub word_count: i64,
    pub section: Option<&'a Section>,
    /// Byline names with whether each has a bio to print.
    pub byline: &'a [(String, bool)],
    pub note: Option<&'a str>,
    pub at: Option<DateTime<Utc>>,
    pub scheduled_at: Option<DateTime<Utc>>,
    pub embargo_until: Option<DateTime<Utc>>,
    pub now: DateTime<Utc>,
    /// The desk's zone, in which a check names a time.
    pub zone: Tz,
}

/// One line of a readiness checklist.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Check {
    /// What the move needs, in words.
    pub label: String,
    pub met: bool,
    /// The input the check is about (`headline`, `standfirst`, `body`, `byline`, `section`,
    /// `note`, `at`, `embargo_until`), when there is one: the UI focuses it.
    pub field: Option<String>,
}

fn check(out: &mut Vec<Check>, met: bool, field: Option<&str>, label: impl Into<String>) {
    out.push(Check {
        label: label.into(),
        met,
        field: field.map(str::to_string),
    });
}

/// A check worded two ways: what the move needs when it is there, and, when it is not, what is
/// missing or in the way, so that "cannot publish now: …" reads as the reason it is.
fn either(out: &mut Vec<Check>, met: bool, field: Option<&str>, needs: &str, missing: String) {
    check(
        out,
        met,
        field,
        if met { needs.to_string() } else { missing },
    );
}

/// Every condition of `t` for these facts, met or not, in the order an editor reads them.
pub fn checks(t: &Transition, f: &Facts) -> Vec<Check> {
    let mut out = Vec::new();
    if !t.from.contains(&f.state) {
        let from: Vec<&str> = t.from.iter().map(|s| s.words()).collect();
        check(
            &mut out,
            false,
            None,
            format!(
                "the article is {}; {} applies to {}",
                f.state.words(),
                t.action.words(),
                from.join(" or ")
            ),
        );
    }
    let when = |t: DateTime<Utc>| spoken_desk_time(t, f.now, f.zone);
    for need in t.needs {
        match need {
            Need::Note => either(
                &mut out,
                f.note.is_some_and(|n| !n.trim().is_empty()),
                Some("note"),
                "a note saying why",
                "no note saying why".into(),
            ),
            Need::Complete => {
                let has = |text: &str| !text.trim().is_empty();
                either(
                    &mut out,
                    has(f.headline),
                    Some("headline"),
                    "a headline",
                    "no headline".into(),
                );
                either(
                    &mut out,
                    has(f.body),
                    Some("body"),
                    "a body",
                    "no body text".into(),
                );
                either(
                    &mut out,
                    !f.byline.is_empty(),
                    Some("byline"),
                    "at least one contributor on the byline",
                    "no contributor on the byline".into(),
                );
            }
            Need::Ready => ready_checks(&mut out, f),
            Need::Time => match f.at {
                None => check(&mut out, false, Some("at"), "no publication time"),
                Some(at) => {
                    either(
                        &mut out,
                        at > f.now,
                        Some("at"),
                        "a publication time still to come",
                        format!("{} has passed: choose a time still to come", when(at)),
                    );
                    if let Some(embargo) = f.embargo_until {
                        either(
                            &mut out,
                            at >= embargo,
                            Some("at"),
                            "a publication time not before the embargo",
                            format!(
                                "{} is before the embargo: embargoed until {}, so choose that time or a later one",
                                when(at),
                                when(embargo)
                            ),
                        );
                    }
                }
            },
            Need::Due => either(
                &mut out,
                f.scheduled_at.is_some_and(|s| s <= f.now),
                None,
                "the scheduled time has come",
                match f.scheduled_at {
                    Some(s) => format!("not due until {}", when(s)),
                    None => "not scheduled".into(),
                },
            ),
            Need::EmbargoPassed => match f.embargo_until {
                Some(e) if e > f.now => check(
                    &mut out,
                    false,
                    Some("embargo_until"),
                    format!("embargoed until {}: it cannot go out before then", when(e)),
                ),
                Some(_) => check(
                    &mut out,
                    true,
                    Some("embargo_until"),
                    "the embargo has passed",
                ),
                None => check(&mut out, true, Some("embargo_until"), "no embargo"),
            },
        }
    }
    out
}

fn ready_checks(out: &mut Vec<Check>, f: &Facts) {
    either(
        out,
        !f.standfirst.trim().is_empty(),
        Some("standfirst"),
        "a standfirst",
        "no standfirst".into(),
    );
    let missing: Vec<&str> = f
        .byline
        .iter()
        .filter(|(_, has_bio)| !has_bio)
        .map(|(name, _)| name.as_str())
        .collect();
    if missing.is_empty() {
        either(
            out,
            !f.byline.is_empty(),
            Some("byline"),
            "a bio for every byline contributor",
            "no bio to print: the byline is empty".into(),
        );
    } else {
        check(
            out,
            false,
            Some("byline"),
            format!("no bio to print for {}", missing.join(", ")),
        );
    }
    let chars = f.headline.chars().count();
    either(
        out,
        chars <= MAX_HEADLINE_CHARS,
        Some("headline"),
        &format!("a headline of at most {MAX_HEADLINE_CHARS} characters"),
        format!("a headline of {chars} characters: at most {MAX_HEADLINE_CHARS} are printed"),
    );
    match f.section {
        None => check(out, false, Some("section"), "no section"),
        Some(s) => {
            let words = f.word_count;
            let low = s.min_words.is_none_or(|m| words >= m);
            let high = s.max_words.is_none_or(|m| words <= m);
            let limits = match (s.min_words, s.max_words) {
                (Some(a), Some(b)) => format!("{}–{} words", grouped(a), grouped(b)),
                (Some(a), None) => format!("at least {} words", grouped(a)),
                (None, Some(b)) => format!("at most {} words", grouped(b)),
                (None, None) => "any length".to_string(),
            };
            // Off by how much, and where the limits are changed: the writer knows what to do.
            let off = match (s.min_words, s.max_words) {
                (Some(m), _) if words < m => Some(format!("{} too few", grouped(m - words))),
                (_, Some(m)) if words > m => Some(format!("{} too many", grouped(words - m))),
                _ => None,
            };
            let label = match off {
                None => format!("a length inside {}'s limits ({limits})", s.name),
                Some(off) => format!(
                    "{} words, {off} for {} ({limits}); the chief sets the limits in Settings",
                    grouped(words),
                    s.name
                ),
            };
            check(out, low && high, Some("body"), label);
        }
    }
}

/// A count as people write it: 1,500.
fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(586), "586");
        assert_eq!(grouped(1500), "1,500");
        assert_eq!(grouped(1234567), "1,234,567");
    }

    #[test]
    fn every_action_has_exactly_one_row() {
        for action in Action::ALL {
            assert_eq!(
                TRANSITIONS.iter().filter(|t| t.action == *action).count(),
                1,
                "{action}"
            );
        }
    }

    #[test]
    fn the_table_matches_the_brief() {
        let rows: Vec<(&str, Vec<&str>, &str)> = TRANSITIONS
            .iter()
            .map(|t| {
                (
                    t.action.as_str(),
                    t.from.iter().map(|s| s.as_str()).collect(),
                    t.to.as_str(),
                )
            })
            .collect();
        assert!(rows.contains(&("reject", vec!["submitted", "in_review"], "rejected")));
        assert!(rows.contains(&("publish-now", vec!["approved", "scheduled"], "published")));
        assert_eq!(transition(Action::Reopen).who, &[Chief]);
        assert_eq!(transition(Action::Publish).who, &[Scheduler]);
    }

    #[test]
    fn a_contributor_off_the_byline_is_nobody() {
        assert!(parties(Role::Contributor, false).is_empty());
        assert_eq!(parties(Role::Contributor, true), vec![Author]);
    }
}
