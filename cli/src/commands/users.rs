//! `copydesk user …`: accounts and roles.

use copydesk_core::api::{AddUser, ListUsers, NewUser, Role, SetPassphrase, SetRole, User};

use crate::args::UserCommand;
use crate::context::Ctx;
use crate::input::new_passphrase;
use crate::output::{CliResult, Failure, Reply, or_dash, table, to_json};

pub fn run(ctx: &Ctx, cmd: UserCommand) -> CliResult<Reply> {
    match cmd {
        UserCommand::Add {
            name,
            role,
            contributor,
        } => {
            let role: Role = role.parse()?;
            let passphrase = new_passphrase();
            let user = ctx.call(AddUser {
                user: NewUser {
                    name,
                    role,
                    contributor,
                    passphrase,
                },
            })?;
            let human = format!("added {} ({}) {}", user.name, user.role, user.id);
            Ok(Reply::new(to_json(&user)?, human))
        }
        UserCommand::List => {
            let users = ctx.call(ListUsers {})?;
            let mut rows = vec![vec![
                "ID".into(),
                "ROLE".into(),
                "PASSPHRASE".into(),
                "CONTRIBUTOR".into(),
                "NAME".into(),
            ]];
            rows.extend(users.iter().map(user_row));
            Ok(Reply::new(to_json(&users)?, table(&rows)))
        }
        UserCommand::Passphrase { name, clear } => {
            let new = new_passphrase();
            let new = match (clear, new) {
                (true, None) => None,
                (false, Some(p)) => Some(p),
                (true, Some(_)) => {
                    return Err(Failure::usage(
                        "--clear removes the passphrase: unset COPYDESK_NEW_PASSPHRASE or drop --clear",
                    ));
                }
                (false, None) => {
                    return Err(Failure::usage(
                        "set COPYDESK_NEW_PASSPHRASE to the new passphrase, or pass --clear to remove it",
                    ));
                }
            };
            let user = ctx.call(SetPassphrase {
                user: name,
                passphrase: new,
            })?;
            let human = if user.has_passphrase {
                format!("passphrase set for {}", user.name)
            } else {
                format!("{} now signs in without a passphrase", user.name)
            };
            Ok(Reply::new(to_json(&user)?, human))
        }
        UserCommand::Role { name, role } => {
            let role: Role = role.parse()?;
            let user = ctx.call(SetRole { user: name, role })?;
            let human = format!("{} is now {}", user.name, user.role);
            Ok(Reply::new(to_json(&user)?, human))
        }
    }
}

fn user_row(u: &User) -> Vec<String> {
    vec![
        u.id.clone(),
        u.role.to_string(),
        if u.has_passphrase { "yes" } else { "no" }.into(),
        or_dash(u.contributor_id.as_deref()),
        u.name.clone(),
    ]
}
