//! Import: submissions read and recognised for review, then the reviewed drafts written.

use super::operation;
use crate::desk::{ImportDraft, ImportFile, ImportOutcome, ImportPreview, Imported};

operation! {
    /// Reads, recognises and matches each file (nothing is written): per file, what a review
    /// starts from, or why it cannot be imported. A user who may not import is refused the
    /// whole call.
    PreviewImport as "preview_import" {
        files: Vec<ImportFile>,
    } -> Vec<ImportOutcome<ImportPreview>>,
    errors: [Forbidden],
    run: |desk, actor, op| desk.preview_imports(actor, &op.files)
}

operation! {
    /// Writes each reviewed file as a submitted article, in order, one transaction each: per
    /// file, what it became, or why nothing of it was written.
    CommitImport as "commit_import" {
        drafts: Vec<ImportDraft>,
    } -> Vec<ImportOutcome<Imported>>,
    errors: [Forbidden],
    run: |desk, actor, op| desk.commit_imports(actor, &op.drafts)
}
