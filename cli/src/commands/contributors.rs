//! `copydesk contributor …`: the people who write.

use copydesk_core::api::{
    AddContributor, BioVersion, Contributor, ContributorBioHistory, ContributorEdit,
    ContributorKind, DeleteContributor, EditContributor, FindContributors, GetContributor,
    ListContributors, MergeContributors, NewContributor,
};
use serde_json::Value;

use crate::args::{BioArgs, ContributorCommand, KindArgs};
use crate::context::Ctx;
use crate::input::read_text;
use crate::output::{CliResult, Reply, fields, next_page, or_dash, table, time, to_json};

pub fn run(ctx: &Ctx, cmd: ContributorCommand) -> CliResult<Reply> {
    match cmd {
        ContributorCommand::Add {
            name,
            email,
            affiliation,
            bio,
            kind,
            sort_name,
            links,
            notes,
        } => {
            let bio = bio_text(&bio)?.unwrap_or_default();
            let c = ctx.call(AddContributor {
                contributor: NewContributor {
                    display_name: name,
                    sort_name,
                    email,
                    affiliation,
                    kind: kind_of(&kind).unwrap_or(ContributorKind::Guest),
                    bio,
                    links,
                    private_notes: notes,
                },
            })?;
            let human = format!("added {} ({}) {}", c.display_name, c.kind, c.id);
            Ok(Reply::new(to_json(&c)?, human))
        }
        ContributorCommand::List { page } => {
            let p = ctx.call(ListContributors {
                after: page.after,
                limit: page.limit,
            })?;
            let mut rows = vec![header()];
            rows.extend(p.items.iter().map(row));
            let mut human = table(&rows);
            if let Some(more) = next_page(&p.next) {
                human.push('\n');
                human.push_str(&more);
            }
            Ok(Reply::new(to_json(&p)?, human))
        }
        ContributorCommand::Show { contributor } => {
            let c = ctx.call(GetContributor { key: contributor })?;
            let history = ctx.call(ContributorBioHistory { key: c.id.clone() })?;
            let mut json = to_json(&c)?;
            if let Value::Object(map) = &mut json {
                map.insert("bio_history".into(), to_json(&history)?);
            }
            Ok(Reply::new(json, show(&c, &history, ctx)?))
        }
        ContributorCommand::Find { query } => {
            let found = ctx.call(FindContributors {
                query: query.clone(),
            })?;
            let mut rows = vec![header()];
            rows.extend(found.iter().map(row));
            let human = if found.is_empty() {
                format!("no contributor matches “{query}”")
            } else {
                table(&rows)
            };
            Ok(Reply::new(to_json(&found)?, human))
        }
        ContributorCommand::Edit {
            contributor,
            name,
            sort_name,
            email,
            no_email,
            affiliation,
            bio,
            kind,
            links,
            no_links,
            notes,
        } => {
            let edit = ContributorEdit {
                display_name: name,
                sort_name,
                email: if no_email {
                    Some(None)
                } else {
                    email.map(Some)
                },
                affiliation,
                kind: kind_of(&kind),
                bio: bio_text(&bio)?,
                links: if no_links {
                    Some(Vec::new())
                } else {
                    Some(links).filter(|l| !l.is_empty())
                },
                private_notes: notes,
            };
            let c = ctx.call(EditContributor {
                key: contributor,
                edit,
            })?;
            let human = format!("saved {} {}", c.display_name, c.id);
            Ok(Reply::new(to_json(&c)?, human))
        }
        ContributorCommand::Merge { from, into } => {
            let c = ctx.call(MergeContributors {
                from: from.clone(),
                into,
            })?;
            let human = format!("merged {from} into {} {}", c.display_name, c.id);
            Ok(Reply::new(to_json(&c)?, human))
        }
        ContributorCommand::Delete { contributor } => {
            // Resolved first so the answer can say whom it deleted, by id.
            let c = ctx.call(GetContributor { key: contributor })?;
            ctx.call(DeleteContributor { key: c.id.clone() })?;
            let human = format!("deleted {} {}", c.display_name, c.id);
            Ok(Reply::new(
                serde_json::json!({ "deleted": c.id, "display_name": c.display_name }),
                human,
            ))
        }
    }
}

fn bio_text(args: &BioArgs) -> CliResult<Option<String>> {
    match (&args.bio, &args.bio_file) {
        (Some(text), _) => Ok(Some(text.clone())),
        (None, Some(path)) => read_text(path).map(Some),
        (None, None) => Ok(None),
    }
}

fn kind_of(args: &KindArgs) -> Option<ContributorKind> {
    if args.staff {
        Some(ContributorKind::Staff)
    } else if args.guest {
        Some(ContributorKind::Guest)
    } else {
        None
    }
}

fn header() -> Vec<String> {
    ["ID", "KIND", "EMAIL", "NAME", "AFFILIATION"]
        .map(String::from)
        .to_vec()
}

fn row(c: &Contributor) -> Vec<String> {
    vec![
        c.id.clone(),
        c.kind.to_string(),
        or_dash(c.email.as_deref()),
        c.display_name.clone(),
        c.affiliation.clone(),
    ]
}

fn show(c: &Contributor, history: &[BioVersion], ctx: &Ctx) -> CliResult<String> {
    let tz = ctx.tz()?;
    let mut out = fields(&[
        ("name", c.display_name.clone()),
        ("id", c.id.clone()),
        ("sort name", c.sort_name.clone()),
        ("kind", c.kind.to_string()),
        ("email", c.email.clone().unwrap_or_default()),
        ("affiliation", c.affiliation.clone()),
        ("links", c.links.join(" ")),
        ("notes", c.private_notes.clone()),
        ("updated", time(c.updated_at, tz)),
        ("times in", tz.name().to_string()),
    ]);
    out.push_str("\n\nbio:\n");
    out.push_str(if c.bio.is_empty() { "(none)" } else { &c.bio });
    if !history.is_empty() {
        out.push_str("\n\nearlier bios (newest first):");
        for v in history {
            out.push_str(&format!(
                "\n- until {}{}: {}",
                time(v.replaced_at, tz),
                v.replaced_by
                    .as_deref()
                    .map(|u| format!(" (replaced by {u})"))
                    .unwrap_or_default(),
                if v.bio.is_empty() { "(none)" } else { &v.bio }
            ));
        }
    }
    Ok(out)
}
