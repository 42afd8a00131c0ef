//! `copydesk settings …`: the desk's name, time zone, sections with their publication slots,
//! the publish folder and the site's address.

use std::collections::BTreeMap;

use copydesk_core::ErrorCode;
use copydesk_core::api::{
    DeskSettings, DeskSettingsOp, PublishTarget, PublishingSettings, PublishingSettingsOp,
    PutSection, SectionPlan, SetPublishFolder, SetPublishTarget, SetSiteUrl, SetTimezone,
    TargetChoice, TestPublishTarget,
};
use copydesk_core::model::Slot;
use copydesk_core::slots::parse_slots;
use serde_json::Value;

use crate::args::{SetCommand, SettingsCommand, TargetCommand};
use crate::context::Ctx;
use crate::output::{CliResult, Failure, Reply, fields, or_dash, table, to_json};

pub fn run(ctx: &Ctx, cmd: SettingsCommand) -> CliResult<Reply> {
    match cmd {
        SettingsCommand::Show => {}
        SettingsCommand::TestTarget => {
            let check = ctx.call(TestPublishTarget {})?;
            if !check.ok {
                return Err(Failure::new(ErrorCode::CheckFailed, check.message));
            }
            return Ok(Reply::new(to_json(&check)?, check.message));
        }
        SettingsCommand::Set(SetCommand::Target(TargetCommand::Folder)) => {
            ctx.call(SetPublishTarget {
                target: TargetChoice::Folder,
            })?;
        }
        SettingsCommand::Set(SetCommand::Target(TargetCommand::Wordpress {
            url,
            user,
            keep_password,
        })) => {
            let password = if keep_password {
                None
            } else {
                Some(crate::input::secret(
                    "Application password",
                    "COPYDESK_WORDPRESS_PASSWORD",
                )?)
            };
            ctx.call(SetPublishTarget {
                target: TargetChoice::Wordpress {
                    url,
                    user,
                    password,
                },
            })?;
        }
        SettingsCommand::Set(SetCommand::Timezone { zone }) => {
            ctx.call(SetTimezone { zone })?;
        }
        SettingsCommand::Set(SetCommand::PublishFolder { dir }) => {
            ctx.call(SetPublishFolder {
                folder: dir.display().to_string(),
            })?;
        }
        SettingsCommand::Set(SetCommand::SiteUrl { url }) => {
            ctx.call(SetSiteUrl { url })?;
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
            // What is not mentioned keeps its value: changing one limit never clears the other,
            // and limits alone leave the slots as they are.
            let current = ctx
                .call(PublishingSettingsOp {})?
                .sections
                .into_iter()
                .find(|s| s.name.to_lowercase() == name.trim().to_lowercase());
            let keep = |given: Option<i64>, clear: bool, old: Option<i64>| match (given, clear) {
                (_, true) => None,
                (Some(n), false) => Some(n),
                (None, false) => old,
            };
            let plan = SectionPlan {
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
                slots: match (no_slots, slots.is_empty(), &current) {
                    (true, _, _) => Vec::new(),
                    (false, true, Some(c)) => c.slots.clone(),
                    (false, _, _) => slots,
                },
                name: current.map_or(name, |s| s.name),
            };
            ctx.call(PutSection { section: plan })?;
        }
    }
    let view = View {
        desk: ctx.call(DeskSettingsOp {})?,
        publishing: ctx.call(PublishingSettingsOp {})?,
    };
    Ok(Reply::new(view.json()?, view.text()))
}

/// The settings as `settings show` prints them: the desk's and the publishing settings.
struct View {
    desk: DeskSettings,
    publishing: PublishingSettings,
}

impl View {
    /// The desk's name and zone, with the publishing settings' sections (limits and slots),
    /// publish folder and site address.
    fn json(&self) -> CliResult<Value> {
        let mut v = to_json(&self.publishing)?;
        if let Value::Object(map) = &mut v {
            map.insert("name".into(), Value::String(self.desk.name.clone()));
            map.insert("timezone".into(), Value::String(self.desk.timezone.clone()));
        }
        Ok(v)
    }

    fn text(&self) -> String {
        let p = &self.publishing;
        let limit = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_else(|| "—".into());
        let mut out = fields(&[
            ("desk", self.desk.name.clone()),
            ("time zone", self.desk.timezone.clone()),
            (
                "publish folder",
                p.publish_folder.clone().unwrap_or_default(),
            ),
            ("site address", p.site_url.clone().unwrap_or_default()),
            ("publishes to", target_words(&p.target)),
        ]);
        let mut rows = vec![
            ["SECTION", "MIN WORDS", "MAX WORDS", "SLOTS"]
                .map(String::from)
                .to_vec(),
        ];
        rows.extend(p.sections.iter().map(|x| {
            let slots: Vec<Slot> = x
                .slots
                .iter()
                .flat_map(|label| parse_slots(label).unwrap_or_default())
                .collect();
            vec![
                x.name.clone(),
                limit(x.min_words),
                limit(x.max_words),
                or_dash(Some(&slot_specs(&slots))),
            ]
        }));
        out.push_str("\n\n");
        out.push_str(&table(&rows));
        out
    }
}

/// "the publish folder", or "WordPress at URL as USER" and where its password is kept (never the
/// password itself).
fn target_words(target: &PublishTarget) -> String {
    match target {
        PublishTarget::Folder => "the publish folder".into(),
        PublishTarget::Wordpress {
            url,
            user,
            password_kept,
            ..
        } => format!(
            "WordPress at {url} as {user}, {}",
            match password_kept {
                Some(place) => format!("its application password {}", place.words()),
                None => "no application password saved".into(),
            }
        ),
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
