//! Sample desks: a small readable one to explore the app with, and the benchmark desk that every
//! performance figure is measured on (see DESIGN.md, "The benchmark desk").

mod words;

use chrono::{DateTime, Duration, Utc};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

use crate::desk::{
    ArchivedArticle, ArchivedRevision, ArchivedTransition, ArticleEdit, BylineEntry, MoveArgs,
    NewArticle, NewContributor, NewUser,
};
use crate::error::Result;
use crate::model::{Action, ContributorKind, Role, SaveReason, State};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

use crate::clock::ManualClock;
use crate::{Actor, Desk};
use words::*;

/// Seeded text and people: the same seed gives the same desk.
pub struct Sampler {
    rng: StdRng,
    vocabulary: Vec<String>,
    /// Cumulative Zipf weights over `vocabulary`.
    cumulative: Vec<f64>,
}

impl Sampler {
    pub fn new(seed: u64) -> Sampler {
        let mut rng = StdRng::seed_from_u64(seed);
        let mut vocabulary: Vec<String> = COMMON.iter().map(|w| w.to_string()).collect();
        while vocabulary.len() < 30_000 {
            let n = rng.random_range(2..=4);
            let w: String = (0..n)
                .map(|_| *SYLLABLES.choose(&mut rng).unwrap_or(&"a"))
                .collect();
            vocabulary.push(w);
        }
        let mut total = 0.0;
        let cumulative = (1..=vocabulary.len())
            .map(|rank| {
                total += 1.0 / (rank as f64).powf(1.05);
                total
            })
            .collect();
        Sampler {
            rng,
            vocabulary,
            cumulative,
        }
    }

    /// The word of the invented vocabulary at frequency rank `rank` (0 is the most common).
    pub fn word_at(&self, rank: usize) -> &str {
        &self.vocabulary[rank.min(self.vocabulary.len() - 1)]
    }

    pub fn range(&mut self, r: std::ops::RangeInclusive<usize>) -> usize {
        self.rng.random_range(r)
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p.clamp(0.0, 1.0))
    }

    fn pick<'a>(&mut self, list: &'a [&'a str]) -> &'a str {
        list.choose(&mut self.rng).copied().unwrap_or("")
    }

    fn zipf_word(&mut self) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = self.rng.random::<f64>() * total;
        let i = self
            .cumulative
            .partition_point(|c| *c < x)
            .min(self.vocabulary.len() - 1);
        &self.vocabulary[i]
    }

    /// `n` distinct person names.
    pub fn names(&mut self, n: usize) -> Vec<String> {
        let mut out = Vec::with_capacity(n);
        let mut seen = std::collections::HashSet::new();
        let initials = "ABCDEFGHJKLMNPRSTVW";
        while out.len() < n {
            let first = self.pick(FIRST_NAMES);
            let last = self.pick(LAST_NAMES);
            let name = if seen.len() < FIRST_NAMES.len() * LAST_NAMES.len() / 2 {
                format!("{first} {last}")
            } else {
                let i = self.rng.random_range(0..initials.len());
                format!("{first} {}. {last}", &initials[i..=i])
            };
            if seen.insert(name.clone()) {
                out.push(name);
            }
        }
        out
    }

    /// A bio of 40 to 80 words, printed under the contributor's pieces.
    pub fn bio(&mut self, name: &str) -> String {
        let first = name.split_whitespace().next().unwrap_or(name);
        let mut bio = format!(
            "{name} is a {} at {}, where the work centres on {} and {}.",
            self.pick(POSITIONS),
            self.pick(INSTITUTIONS),
            self.pick(TOPICS),
            self.pick(TOPICS)
        );
        let target = self.range(40..=80);
        let extras = [
            format!(
                " Before that, {first} advised {} in {}.",
                self.pick(ACTORS),
                self.pick(PLACES)
            ),
            format!(
                " {first} has written for regional and international outlets on {}.",
                self.pick(TOPICS)
            ),
            format!(
                " Their most recent book examines {} around {}.",
                self.pick(TOPICS),
                self.pick(PLACES)
            ),
            format!(
                " {first} holds a doctorate from {}.",
                self.pick(INSTITUTIONS)
            ),
            format!(
                " They divide their time between {} and {}.",
                self.pick(PLACES),
                self.pick(PLACES)
            ),
            format!(
                " {first} is a frequent commentator on {}.",
                self.pick(TOPICS)
            ),
        ];
        for extra in extras.iter().cycle() {
            if crate::text::word_count(&bio) >= target {
                break;
            }
            bio.push_str(extra);
        }
        bio
    }

    /// A readable opinion paragraph for the demo desk.
    fn readable_sentence(&mut self) -> String {
        format!(
            "In {}, {} {} {}, {}.",
            self.pick(PLACES),
            self.pick(ACTORS),
            self.pick(VERBS),
            self.pick(OBJECTS),
            self.pick(CLAUSES)
        )
    }

    pub fn readable_body(&mut self, words: usize) -> String {
        let mut paragraphs = Vec::new();
        let mut count = 0;
        while count < words {
            let n = self.range(2..=4);
            let p: Vec<String> = (0..n).map(|_| self.readable_sentence()).collect();
            let p = p.join(" ");
            count += crate::text::word_count(&p);
            paragraphs.push(p);
        }
        paragraphs.join("\n\n")
    }

    pub fn readable_headline(&mut self) -> String {
        let place = self.pick(PLACES);
        let topic = self.pick(TOPICS);
        match self.range(0..=3) {
            0 => format!("What {place} gets wrong about {topic}"),
            1 => format!("The quiet fight over {topic} in {place}"),
            2 => format!("{place} cannot afford to ignore {topic}"),
            _ => format!("Why {topic} will decide the next election in {place}"),
        }
    }

    /// Op-ed-length text of varied vocabulary (Zipf-distributed), for the benchmark.
    pub fn bench_body(&mut self, words: usize) -> String {
        let mut out = String::with_capacity(words * 7);
        let mut in_sentence = 0;
        let mut sentence_len = self.range(8..=25);
        let mut in_paragraph = 0;
        for i in 0..words {
            let w = self.zipf_word().to_string();
            if in_sentence == 0 {
                if i > 0 {
                    out.push_str(if in_paragraph == 0 { "\n\n" } else { " " });
                }
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    out.extend(f.to_uppercase());
                    out.push_str(c.as_str());
                }
            } else {
                out.push(' ');
                out.push_str(&w);
            }
            in_sentence += 1;
            if in_sentence >= sentence_len || i + 1 == words {
                out.push('.');
                in_sentence = 0;
                sentence_len = self.range(8..=25);
                in_paragraph = (in_paragraph + 1) % self.range(3..=6);
            }
        }
        out
    }

    pub fn bench_headline(&mut self) -> String {
        let n = self.range(5..=10);
        let words: Vec<String> = (0..n).map(|_| self.zipf_word().to_string()).collect();
        let mut h = words.join(" ");
        if let Some(f) = h.get(..1) {
            h = f.to_uppercase() + &h[1..];
        }
        h
    }

    /// One word of `body` replaced: the kind of edit an autosave records.
    pub fn one_word_edit(&mut self, body: &str) -> String {
        let spaces: Vec<usize> = body.match_indices(' ').map(|(i, _)| i).collect();
        if spaces.len() < 2 {
            return format!("{body} more");
        }
        let k = self.rng.random_range(0..spaces.len() - 1);
        let (start, end) = (spaces[k] + 1, spaces[k + 1]);
        let word = self.zipf_word().to_string();
        format!("{}{}{}", &body[..start], word, &body[end..])
    }
}

/// What the demo created.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SampleReport {
    pub users: Vec<String>,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub contributors: usize,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub articles: usize,
}

/// Fills an initialised desk with a small, readable sample through the desk's own operations:
/// staff and guest contributors with bios, accounts for each role, and `articles` pieces in every
/// state with edits, notes and history.
pub fn fill_demo_desk(
    desk: &Desk,
    chief: &Actor,
    articles: usize,
    seed: u64,
) -> Result<SampleReport> {
    let until = desk.now();
    match desk.file() {
        // A desk in a file: write the sample through a second connection whose clock walks the
        // past three weeks, so the desk reads like one that has been worked at for a while.
        Some(path) => {
            let clock = Arc::new(ManualClock::new(until - Duration::days(SPAN_DAYS)));
            let past = Desk::open(path, clock.clone())?;
            let walk: &dyn Fn(DateTime<Utc>) = &|t| clock.set(t);
            fill(&past, Some(walk), until, chief, articles, seed)
        }
        None => fill(desk, None, until, chief, articles, seed),
    }
}

/// How far back the sample desk's history reaches.
const SPAN_DAYS: i64 = 21;

/// `walk` moves the clock of `desk` through the past, when the sample is written as history.
fn fill(
    desk: &Desk,
    walk: Option<&dyn Fn(DateTime<Utc>)>,
    until: DateTime<Utc>,
    chief: &Actor,
    articles: usize,
    seed: u64,
) -> Result<SampleReport> {
    let set_time = |t| {
        if let Some(walk) = walk {
            walk(t);
        }
    };
    let start = until - Duration::days(SPAN_DAYS);
    let gap = Duration::days(SPAN_DAYS) / (articles as i32 + 1);
    let mut s = Sampler::new(seed);
    let names = s.names(12);
    let mut contributor_ids = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let kind = if i < 3 {
            ContributorKind::Staff
        } else {
            ContributorKind::Guest
        };
        let bio = if i == names.len() - 1 {
            String::new()
        } else {
            s.bio(name)
        };
        let email = format!(
            "{}@example.org",
            crate::text::slugify(name).replace('-', ".")
        );
        let c = desk.add_contributor(
            chief,
            &NewContributor {
                email: Some(email),
                affiliation: s.pick(INSTITUTIONS).trim_start_matches("the ").to_string(),
                kind,
                bio,
                ..NewContributor::guest(name.as_str())
            },
        )?;
        contributor_ids.push(c.id);
    }
    let mut users = Vec::new();
    let mut account = |name: &str, role: Role, contributor: Option<&str>| -> Result<Actor> {
        if desk.sign_in(name, None).is_err() {
            desk.add_user(
                chief,
                &NewUser {
                    name: name.to_string(),
                    role,
                    contributor: contributor.map(str::to_string),
                    passphrase: None,
                },
            )?;
        }
        users.push(name.to_string());
        desk.sign_in(name, None)
    };
    let editors = [
        account("Maya Editor", Role::Editor, None)?,
        account("Tom Editor", Role::Editor, None)?,
    ];
    let authors = [
        account(&names[3], Role::Contributor, Some(&contributor_ids[3]))?,
        account(&names[4], Role::Contributor, Some(&contributor_ids[4]))?,
    ];
    let sections = ["Opinion", "Analysis", "News"];
    let plan = [
        State::Published,
        State::Published,
        State::Published,
        State::Scheduled,
        State::Approved,
        State::InReview,
        State::Submitted,
        State::ChangesRequested,
        State::Draft,
        State::Rejected,
        State::Withdrawn,
        State::Submitted,
    ];
    for i in 0..articles {
        // Article i is written at its own point of the span, and moves along in tenths of it.
        let written = start + gap * (i as i32 + 1);
        let at_step = |k: i32| set_time(written + gap * k / 10);
        at_step(0);
        let state = plan[i % plan.len()];
        let author_index = i % authors.len();
        let (writer, byline): (&Actor, Vec<BylineEntry>) = if i % 3 == 0 {
            (
                &authors[author_index],
                vec![BylineEntry::named(
                    contributor_ids[3 + author_index].clone(),
                )],
            )
        } else {
            let c = &contributor_ids[i % (contributor_ids.len() - 1)];
            let mut b = vec![BylineEntry::named(c.clone())];
            if i % 7 == 0 {
                b.push(BylineEntry::named(
                    contributor_ids[(i + 1) % (contributor_ids.len() - 1)].clone(),
                ));
            }
            (&editors[i % 2], b)
        };
        let section = sections[i % sections.len()];
        let words = match section {
            "Opinion" => s.range(650..=1100),
            "Analysis" => s.range(900..=1500),
            _ => s.range(300..=900),
        };
        let editor = &editors[(i + 1) % 2];
        let a = desk.create_article(
            writer,
            &NewArticle {
                headline: s.readable_headline(),
                standfirst: format!("{} {}", s.readable_sentence(), "The desk's view, in brief."),
                body: s.readable_body(words),
                section: Some(section.into()),
                tags: vec![s.pick(TOPICS).to_string()],
                byline,
                ..Default::default()
            },
        )?;
        at_step(1);
        desk.save_article(
            writer,
            &a.id,
            a.version,
            &ArticleEdit {
                body: Some(s.one_word_edit(&a.body)),
                ..Default::default()
            },
            SaveReason::Autosave,
        )?;
        let note = |text: &str| MoveArgs {
            note: Some(text.into()),
            at: None,
        };
        let step = std::cell::Cell::new(1);
        let go = |action: Action, who: &Actor, args: &MoveArgs| {
            step.set(step.get() + 1);
            at_step(step.get());
            desk.move_article(who, &a.id, action, args)
        };
        if state == State::Draft {
            continue;
        }
        go(Action::Submit, writer, &MoveArgs::default())?;
        if state == State::Submitted {
            continue;
        }
        go(Action::Claim, editor, &MoveArgs::default())?;
        match state {
            State::InReview => {
                desk.add_note(
                    editor,
                    &a.id,
                    "Can we source the figure in the third paragraph?",
                    None,
                    None,
                )?;
                continue;
            }
            State::ChangesRequested => {
                go(
                    Action::RequestChanges,
                    editor,
                    &note("Please tighten the second half and add a source for the figures."),
                )?;
                continue;
            }
            State::Rejected => {
                go(
                    Action::Reject,
                    editor,
                    &note("Too close to a piece we ran last week."),
                )?;
                continue;
            }
            _ => {}
        }
        go(Action::Approve, editor, &MoveArgs::default())?;
        match state {
            State::Approved => {}
            State::Scheduled => {
                let at = until + Duration::days(1 + (i as i64 % 10)) + Duration::hours(2);
                go(
                    Action::Schedule,
                    editor,
                    &MoveArgs {
                        note: None,
                        at: Some(at),
                    },
                )?;
            }
            State::Published | State::Withdrawn => {
                go(Action::PublishNow, chief, &MoveArgs::default())?;
                if state == State::Withdrawn {
                    go(
                        Action::Withdraw,
                        chief,
                        &note("Withdrawn at the author's request pending a correction."),
                    )?;
                }
                // Written as history, its page is written when it went out, as the desk's
                // publisher would have done then: a new sample desk does not open on weeks-late
                // jobs. Written now, its job is due now and the publisher takes it on time.
                if walk.is_some() {
                    desk.publish_due()?;
                }
            }
            _ => {}
        }
    }
    set_time(until);
    Ok(SampleReport {
        users,
        contributors: names.len(),
        articles,
    })
}

/// The benchmark desk's people: `n` contributors with 40–80-word bios, each with an email.
pub fn bench_contributors(s: &mut Sampler, n: usize) -> Vec<(String, String, String)> {
    s.names(n)
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let bio = s.bio(&name);
            (name, format!("writer{i}@bench.example"), bio)
        })
        .collect()
}

/// The benchmark's people, as guest contributors to add.
pub fn as_guests(people: &[(String, String, String)]) -> Vec<NewContributor> {
    people
        .iter()
        .map(|(name, email, bio)| NewContributor {
            email: Some(email.clone()),
            bio: bio.clone(),
            ..NewContributor::guest(name)
        })
        .collect()
}

/// One archived article of the benchmark desk, in the DESIGN.md proportions: about 90 %
/// published, 3 % scheduled over the next two months, 3 % submitted or in review, 4 % drafts;
/// about 10 revisions each.
pub fn bench_article(
    s: &mut Sampler,
    now: DateTime<Utc>,
    contributor_emails: &[String],
    chief: &str,
    editor: &str,
) -> ArchivedArticle {
    let roll = s.range(0..=99);
    let state = match roll {
        0..=89 => State::Published,
        90..=92 => State::Scheduled,
        93..=94 => State::Submitted,
        95 => State::InReview,
        _ => State::Draft,
    };
    let created = now - Duration::minutes(s.range(60..=60 * 24 * 365 * 3) as i64);
    let length = s.range(600..=1200);
    let mut body = s.bench_body(length);
    let revisions_wanted = s.range(6..=14);
    let mut revisions = Vec::with_capacity(revisions_wanted);
    let mut at = created;
    for n in 0..revisions_wanted {
        if n > 0 {
            body = s.one_word_edit(&body);
        }
        at += Duration::minutes(s.range(1..=30) as i64);
        revisions.push(ArchivedRevision {
            body: body.clone(),
            author: editor.to_string(),
            at,
            reason: if n == 0 {
                SaveReason::Save
            } else {
                SaveReason::Autosave
            },
        });
    }
    let mut transitions = Vec::new();
    let mut step = |action, from, to, who: &str| {
        at += Duration::minutes(s.range(5..=600) as i64);
        transitions.push(ArchivedTransition {
            action,
            from,
            to,
            actor: Some(who.to_string()),
            at,
            note: None,
        });
    };
    let path: &[(Action, State, State)] = match state {
        State::Draft => &[],
        State::Submitted => &[(Action::Submit, State::Draft, State::Submitted)],
        State::InReview => &[
            (Action::Submit, State::Draft, State::Submitted),
            (Action::Claim, State::Submitted, State::InReview),
        ],
        _ => &[
            (Action::Submit, State::Draft, State::Submitted),
            (Action::Claim, State::Submitted, State::InReview),
            (Action::Approve, State::InReview, State::Approved),
        ],
    };
    for (action, from, to) in path {
        step(*action, *from, *to, editor);
    }
    let mut scheduled_at = None;
    let mut published_at = None;
    match state {
        State::Published => {
            step(Action::PublishNow, State::Approved, State::Published, chief);
            published_at = transitions.last().map(|t| t.at);
        }
        State::Scheduled => {
            step(Action::Schedule, State::Approved, State::Scheduled, editor);
            scheduled_at = Some(now + Duration::minutes(s.range(60..=60 * 24 * 60) as i64));
        }
        _ => {}
    }
    let contributors = contributor_emails.len().max(1);
    let mut byline = vec![contributor_emails[s.range(0..=contributors - 1)].clone()];
    if s.chance(0.08) {
        let second = contributor_emails[s.range(0..=contributors - 1)].clone();
        if second != byline[0] {
            byline.push(second);
        }
    }
    let unclaimed = matches!(state, State::Submitted | State::Draft);
    let standfirst_length = s.range(18..=35);
    ArchivedArticle {
        headline: s.bench_headline(),
        standfirst: s.bench_body(standfirst_length),
        section: Some(["News", "Opinion", "Analysis"][s.range(0..=2)].to_string()),
        tags: vec![s.zipf_word().to_string()],
        byline,
        state,
        revisions,
        transitions,
        created_by: editor.to_string(),
        assigned_editor: (!unclaimed).then(|| editor.to_string()),
        approved_by: matches!(state, State::Published | State::Scheduled)
            .then(|| editor.to_string()),
        scheduled_at,
        published_at,
    }
}

#[cfg(test)]
mod tests;
