//! `docs/api.md`, written from the operations themselves: a test fails when the committed file
//! is not what this renders, so an operation cannot be added without its documentation.

use super::{COMMON_ERRORS, operations};
use crate::error::ErrorCode;

const INTRO: &str = "\
# The desk's API

Every face of Copydesk reaches the desk through the same operations, defined once in the core
(`core/src/api/`): the desktop app's commands, the command-line tool, and the team desk's
server. Each operation is a type whose fields are its input; it runs as the signed-in user, and
the core authorises and validates everything it does. This file is written from those types
(`UPDATE_API_DOC=1 cargo test -p copydesk-core --lib api::doc`); a test fails when it is stale.

How each face calls an operation named `get_article` with input `{\"id\": \"…\"}`:

- the app: the command `get_article` with the argument `input` (`commands.getArticle({ id })`
  in `ui/src/lib/bindings.ts`, generated from the same types);
- Rust: `GetArticle { id }.run(&desk, &actor)`; the CLI's commands are made of these.

Values cross every boundary in one shape: instants are RFC 3339 in UTC with `Z`, bylines are
objects, ids are strings, and pages of a list are `{\"items\": [...], \"next\": cursor | null}`
(pass `next` back as `after` for the page after it).

## Before signing in

These belong to a window or a terminal rather than to the desk, so they are not operations:
opening or creating a desk (`init_desk` in the app, `copydesk init`), the accounts to pick from
(`sign_in_choices`), signing in and out (`sign_in`, `sign_out`; the CLI's `--as` and
`COPYDESK_PASSPHRASE`), what the window shows before anyone signs in (`desk_status`), reading
files chosen on this computer for an import (`preview_import_files`, which then runs
`preview_import`), the publisher (`copydesk publish-due`, the app's publisher task), and the
journal of unsaved text on this computer (`journal_keep`, `journal_list`, `journal_settle`,
`journal_discard`: the editor's text kept in a file in the app's data folder until the desk
confirms a save of it, and offered back when it never did).

## Errors

Every failure, on every face, is one body: `{\"code\", \"message\", \"field\"?, \"details\"?}`.
`code` is one of the codes below (a closed set the UI and scripts branch on), `message` one
sentence for a person, `field` the input at fault, `details` the conflict's current text, the
unmet checks of a move, or the two offsets of a time the clocks show twice. The CLI prints it as
`{\"error\": {...}}` under `--json`.
";

/// The whole of `docs/api.md`.
pub fn render() -> String {
    let mut out = String::from(INTRO);
    out.push_str("\n| code | meaning |\n|---|---|\n");
    for code in ErrorCode::ALL {
        out.push_str(&format!("| `{code}` | {} |\n", code.meaning()));
    }
    let common: Vec<String> = COMMON_ERRORS.iter().map(|c| format!("`{c}`")).collect();
    out.push_str(&format!(
        "\nAny operation may also answer {}.\n\n## Operations\n",
        common.join(", ")
    ));
    for op in operations() {
        out.push_str(&format!("\n### `{}`\n\n", op.name));
        for line in op.doc.lines() {
            out.push_str(line.trim());
            out.push('\n');
        }
        let fields = if op.fields.is_empty() {
            "nothing".to_string()
        } else {
            op.fields
                .iter()
                .map(|f| format!("`{}`", f.replace(" :", ":")))
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push_str(&format!("\n- input `{}`: {fields}\n", op.input));
        out.push_str(&format!("- output `{}`\n", op.output.replace(' ', "")));
        let errors: Vec<String> = op.errors.iter().map(|c| format!("`{c}`")).collect();
        out.push_str(&format!(
            "- errors: {}\n",
            if errors.is_empty() {
                "only those of every operation".to_string()
            } else {
                errors.join(", ")
            }
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_api_md_describes_every_operation_as_it_is() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/api.md");
        let fresh = render();
        if std::env::var_os("UPDATE_API_DOC").is_some() {
            std::fs::write(&path, &fresh).unwrap();
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "docs/api.md is stale: run `UPDATE_API_DOC=1 cargo test -p copydesk-core --lib api::doc` and commit it"
        );
        for op in operations() {
            assert!(
                committed.contains(&format!("### `{}`", op.name)),
                "{}",
                op.name
            );
        }
    }
}
