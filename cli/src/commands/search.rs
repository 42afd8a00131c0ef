//! `copydesk search` and `copydesk audit`.

use chrono_tz::Tz;
use copydesk_core::api::{
    AuditLog, SearchArticles, SearchContributors, SearchFilter, SnippetPart, State,
    TransitionRecord,
};

use crate::args::{PageArgs, SearchArgs};
use crate::context::Ctx;
use crate::output::{CliResult, Reply, names, next_page, or_dash, table, time, to_json};

pub fn search(ctx: &Ctx, args: SearchArgs) -> CliResult<Reply> {
    if args.contributors {
        let hits = ctx.call(SearchContributors {
            text: args.query,
            limit: args.limit,
        })?;
        let human = if hits.is_empty() {
            "no contributors found".to_string()
        } else {
            hits.iter()
                .map(|h| {
                    format!(
                        "{}  {}{}\n    {}",
                        h.id,
                        h.display_name,
                        if h.affiliation.is_empty() {
                            String::new()
                        } else {
                            format!(", {}", h.affiliation)
                        },
                        snippet(&h.snippet)
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        return Ok(Reply::new(to_json(&hits)?, human));
    }
    let filter = SearchFilter {
        state: args.state.as_deref().map(str::parse::<State>).transpose()?,
        section: args.section,
    };
    let p = ctx.call(SearchArticles {
        text: args.query,
        filter,
        after: args.after,
        limit: args.limit,
    })?;
    let mut human = if p.items.is_empty() {
        "no articles found".to_string()
    } else {
        p.items
            .iter()
            .map(|h| {
                let byline = if h.byline.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", names(&h.byline))
                };
                format!(
                    "{}  {}  {}  {}{byline}\n    {}",
                    h.id,
                    h.state,
                    or_dash(h.section.as_deref()),
                    h.headline,
                    snippet(&h.snippet)
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    if let Some(more) = next_page(&p.next) {
        human.push('\n');
        human.push_str(&more);
    }
    Ok(Reply::new(to_json(&p)?, human))
}

/// A snippet on one line, the matched words in [brackets].
fn snippet(parts: &[SnippetPart]) -> String {
    let text: String = parts
        .iter()
        .map(|p| {
            if p.hit {
                format!("[{}]", p.text)
            } else {
                p.text.clone()
            }
        })
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn audit(
    ctx: &Ctx,
    article: Option<String>,
    user: Option<String>,
    page: PageArgs,
) -> CliResult<Reply> {
    let p = ctx.call(AuditLog {
        article,
        user,
        after: page.after,
        limit: page.limit,
    })?;
    let tz = ctx.tz()?;
    let mut human = if p.items.is_empty() {
        "no moves recorded".to_string()
    } else {
        let mut rows = vec![vec![
            format!("WHEN ({})", tz.name()),
            "WHO".into(),
            "ACTION".into(),
            "FROM → TO".into(),
            "ARTICLE".into(),
            "HEADLINE".into(),
        ]];
        rows.extend(p.items.iter().map(|r| audit_row(r, tz)));
        table(&rows)
    };
    if let Some(more) = next_page(&p.next) {
        human.push('\n');
        human.push_str(&more);
    }
    Ok(Reply::new(to_json(&p)?, human))
}

fn audit_row(r: &TransitionRecord, tz: Tz) -> Vec<String> {
    let headline = match &r.note {
        Some(n) => format!("{}  (note: {})", r.headline, one_line(n)),
        None => r.headline.clone(),
    };
    vec![
        time(r.at, tz),
        r.actor.clone().unwrap_or_else(|| "scheduler".into()),
        r.action.to_string(),
        format!("{} → {}", r.from, r.to),
        r.article_id.clone(),
        headline,
    ]
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
