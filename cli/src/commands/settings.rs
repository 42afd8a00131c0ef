//! `copydesk settings …`: the desk's name, time zone and sections.

use copydesk_core::model::{DeskSettings, Section};

use crate::args::{SetCommand, SettingsCommand};
use crate::context::Ctx;
use crate::output::{CliResult, Reply, table, to_json};

pub fn run(ctx: &Ctx, cmd: SettingsCommand) -> CliResult<Reply> {
    let settings = match cmd {
        // Settings are the desk's, not a user's: reading them needs nobody signed in.
        SettingsCommand::Show => ctx.desk.settings()?,
        SettingsCommand::Set(SetCommand::Timezone { zone }) => {
            let actor = ctx.actor()?;
            ctx.desk.set_timezone(&actor, &zone)?
        }
        SettingsCommand::Set(SetCommand::Section {
            name,
            min_words,
            max_words,
            no_min_words,
            no_max_words,
        }) => {
            let actor = ctx.actor()?;
            // A limit not mentioned keeps its value, so changing one never clears the other.
            let current = ctx
                .desk
                .settings()?
                .sections
                .into_iter()
                .find(|s| s.name.to_lowercase() == name.trim().to_lowercase());
            let keep = |given: Option<i64>, clear: bool, old: Option<i64>| match (given, clear) {
                (_, true) => None,
                (Some(n), false) => Some(n),
                (None, false) => old,
            };
            let section = Section {
                name,
                min_words: keep(
                    min_words,
                    no_min_words,
                    current.as_ref().and_then(|s| s.min_words),
                ),
                max_words: keep(
                    max_words,
                    no_max_words,
                    current.as_ref().and_then(|s| s.max_words),
                ),
            };
            ctx.desk.put_section(&actor, &section)?
        }
    };
    Ok(Reply::new(to_json(&settings)?, show(&settings)))
}

fn show(s: &DeskSettings) -> String {
    let limit = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_else(|| "—".into());
    let mut rows = vec![
        vec!["desk".to_string(), s.name.clone()],
        vec!["time zone".to_string(), s.timezone.clone()],
    ];
    let mut out = table(&rows);
    rows = vec![
        ["SECTION", "MIN WORDS", "MAX WORDS"]
            .map(String::from)
            .to_vec(),
    ];
    rows.extend(
        s.sections
            .iter()
            .map(|x| vec![x.name.clone(), limit(x.min_words), limit(x.max_words)]),
    );
    out.push_str("\n\n");
    out.push_str(&table(&rows));
    out
}
