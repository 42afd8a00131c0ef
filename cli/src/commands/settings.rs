//! `copydesk settings …`: the desk's name, time zone, sections with their publication slots,
//! the publish folder and the site's address.

use std::collections::BTreeMap;
use std::path::PathBuf;

use copydesk_core::model::{DeskSettings, Section, Slot};
use copydesk_core::slots::{parse_slots, slot_label};
use copydesk_core::store;
use serde_json::{Value, json};

use crate::args::{SetCommand, SettingsCommand};
use crate::context::Ctx;
use crate::output::{CliResult, Reply, fields, or_dash, table, to_json};

/// The key under which the core keeps the site's address (it has no reader for it yet).
const KEY_SITE_URL: &str = "site_url";

pub fn run(ctx: &Ctx, cmd: SettingsCommand) -> CliResult<Reply> {
    match cmd {
        // Settings are the desk's, not a user's: reading them needs nobody signed in.
        SettingsCommand::Show => {}
        SettingsCommand::Set(SetCommand::Timezone { zone }) => {
            let actor = ctx.actor()?;
            ctx.desk.set_timezone(&actor, &zone)?;
        }
        SettingsCommand::Set(SetCommand::PublishFolder { dir }) => {
            let actor = ctx.actor()?;
            ctx.desk.set_publish_folder(&actor, &dir)?;
        }
        SettingsCommand::Set(SetCommand::SiteUrl { url }) => {
            let actor = ctx.actor()?;
            ctx.desk.set_site_url(&actor, &url)?;
        }
        SettingsCommand::Set(SetCommand::Section {
            name,
            min_words,
            max_words,
            no_min_words,
            no_max_words,
            slots,
            no_slots,
        }) => {
            let actor = ctx.actor()?;
            // Every slot is read before anything is written, so a mistyped one changes nothing.
            for spec in &slots {
                parse_slots(spec)?;
            }
            // A limit not mentioned keeps its value, so changing one never clears the other.
            let current = ctx
                .desk
                .settings()?
                .sections
                .into_iter()
                .find(|s| s.name.to_lowercase() == name.trim().to_lowercase());
            let limits_given =
                min_words.is_some() || max_words.is_some() || no_min_words || no_max_words;
            let name = match current {
                // Only slots to change: the section stays exactly as it is.
                Some(found) if !limits_given => found.name,
                current => {
                    let keep =
                        |given: Option<i64>, clear: bool, old: Option<i64>| match (given, clear) {
                            (_, true) => None,
                            (Some(n), false) => Some(n),
                            (None, false) => old,
                        };
                    let section = Section {
                        name: current.as_ref().map_or(name, |s| s.name.clone()),
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
                    ctx.desk.put_section(&actor, &section)?;
                    section.name
                }
            };
            if !slots.is_empty() || no_slots {
                ctx.desk.set_section_slots(&actor, &name, &slots)?;
            }
        }
    }
    let view = View::read(ctx)?;
    Ok(Reply::new(view.json()?, view.text()))
}

/// The settings as `settings show` prints them.
struct View {
    settings: DeskSettings,
    slots: Vec<Vec<Slot>>,
    publish_folder: Option<PathBuf>,
    site_url: Option<String>,
}

impl View {
    /// Reads what the settings screen shows. Slots and the site's address are read straight
    /// from the store: the core's readers want a signed-in user, and `settings show` needs none.
    fn read(ctx: &Ctx) -> CliResult<View> {
        let settings = ctx.desk.settings()?;
        let (slots, site_url) = ctx.desk.store().read(|tx| {
            let mut slots = Vec::with_capacity(settings.sections.len());
            for s in &settings.sections {
                slots.push(store::slots::list(tx, &s.name)?);
            }
            Ok((slots, store::settings::get_value(tx, KEY_SITE_URL)?))
        })?;
        Ok(View {
            publish_folder: ctx.desk.publish_folder().ok(),
            settings,
            slots,
            site_url,
        })
    }

    /// The core's settings, each section with `slots` ("Mon 08:00", …), plus `publish_folder`
    /// and `site_url`.
    fn json(&self) -> CliResult<Value> {
        let mut v = to_json(&self.settings)?;
        if let Some(Value::Array(sections)) = v.get_mut("sections") {
            for (section, slots) in sections.iter_mut().zip(&self.slots) {
                if let Value::Object(map) = section {
                    let labels: Vec<String> = slots.iter().map(|s| slot_label(*s)).collect();
                    map.insert("slots".into(), json!(labels));
                }
            }
        }
        if let Value::Object(map) = &mut v {
            map.insert("publish_folder".into(), json!(self.publish_folder));
            map.insert("site_url".into(), json!(self.site_url));
        }
        Ok(v)
    }

    fn text(&self) -> String {
        let s = &self.settings;
        let limit = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_else(|| "—".into());
        let mut out = fields(&[
            ("desk", s.name.clone()),
            ("time zone", s.timezone.clone()),
            (
                "publish folder",
                self.publish_folder
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
            ),
            ("site address", self.site_url.clone().unwrap_or_default()),
        ]);
        let mut rows = vec![
            ["SECTION", "MIN WORDS", "MAX WORDS", "SLOTS"]
                .map(String::from)
                .to_vec(),
        ];
        rows.extend(s.sections.iter().zip(&self.slots).map(|(x, slots)| {
            vec![
                x.name.clone(),
                limit(x.min_words),
                limit(x.max_words),
                or_dash(Some(&slot_specs(slots))),
            ]
        }));
        out.push_str("\n\n");
        out.push_str(&table(&rows));
        out
    }
}

/// Slots written back the way they are typed: "Mon-Fri 08:00 12:00; Sat,Sun 10:30".
fn slot_specs(slots: &[Slot]) -> String {
    // Days of each time, then times sharing the same days.
    let mut days_at: BTreeMap<u16, Vec<u8>> = BTreeMap::new();
    for s in slots {
        days_at.entry(s.minute).or_default().push(s.weekday);
    }
    let mut groups: Vec<(Vec<u8>, Vec<u16>)> = Vec::new();
    for (minute, mut days) in days_at {
        days.sort_unstable();
        days.dedup();
        match groups.iter_mut().find(|(d, _)| *d == days) {
            Some((_, minutes)) => minutes.push(minute),
            None => groups.push((days, vec![minute])),
        }
    }
    groups
        .iter()
        .map(|(days, minutes)| {
            let times: Vec<String> = minutes
                .iter()
                .map(|m| format!("{:02}:{:02}", m / 60, m % 60))
                .collect();
            format!("{} {}", day_list(days), times.join(" "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// "Mon-Fri", "Sat,Sun", "Mon-Wed,Fri" or "daily", for sorted weekdays 1–7.
fn day_list(days: &[u8]) -> String {
    const NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    if days.len() == 7 {
        return "daily".into();
    }
    let name = |d: u8| NAMES[usize::from(d.clamp(1, 7) - 1)];
    let mut parts = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len() && days[j + 1] == days[j] + 1 {
            j += 1;
        }
        match j - i {
            0 => parts.push(name(days[i]).to_string()),
            1 => parts.push(format!("{},{}", name(days[i]), name(days[j]))),
            _ => parts.push(format!("{}-{}", name(days[i]), name(days[j]))),
        }
        i = j + 1;
    }
    parts.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn specs(text: &[&str]) -> String {
        let mut slots: Vec<Slot> = text.iter().flat_map(|t| parse_slots(t).unwrap()).collect();
        slots.sort();
        slots.dedup();
        slot_specs(&slots)
    }

    #[test]
    fn slots_read_back_as_they_are_typed() {
        assert_eq!(specs(&["Mon-Fri 08:00"]), "Mon-Fri 08:00");
        assert_eq!(specs(&["Mon-Fri 08:00 12:00"]), "Mon-Fri 08:00 12:00");
        assert_eq!(
            specs(&["Mon-Fri 08:00", "Sat,Sun 10:30"]),
            "Mon-Fri 08:00; Sat,Sun 10:30"
        );
        assert_eq!(specs(&["Mon-Wed,Fri 07:15"]), "Mon-Wed,Fri 07:15");
        assert_eq!(specs(&["daily 06:00"]), "daily 06:00");
        assert_eq!(specs(&[]), "");
    }

    #[test]
    fn what_is_printed_parses_to_the_same_slots() {
        for typed in [
            &["Mon,Wed-Sun 09:00 18:30", "Tue 07:00"][..],
            &["Sat 23:59"],
        ] {
            let mut slots: Vec<Slot> = typed.iter().flat_map(|t| parse_slots(t).unwrap()).collect();
            slots.sort();
            let printed = slot_specs(&slots);
            let mut again: Vec<Slot> = printed
                .split("; ")
                .flat_map(|t| parse_slots(t).unwrap())
                .collect();
            again.sort();
            assert_eq!(again, slots, "{printed}");
        }
    }
}
