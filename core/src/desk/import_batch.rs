//! Import as a batch of files: each file is read, recognised or written on its own, and one
//! bad file never stops the others; who may import is no property of a file, so a refusal of
//! the user stops the whole batch. Every face imports through here.

use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

use super::import::{ImportDraft, ImportPreview, Imported};
use super::{Actor, Desk};
use crate::error::{ApiError, Error, Result};
use crate::import;

/// A submission as a face hands it over: the file's name (its extension says its format) and
/// its bytes, as base64.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportFile {
    pub name: String,
    #[serde(default)]
    pub content_base64: String,
    /// Why the face could not read the file, when it could not (a folder, too large, no
    /// permission): the desk reports it as that file's outcome, beside the others.
    #[serde(default)]
    pub unreadable: Option<String>,
}

impl ImportFile {
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> ImportFile {
        ImportFile {
            name: name.into(),
            content_base64: STANDARD.encode(bytes),
            unreadable: None,
        }
    }

    /// Reads a file from disk, refusing a folder or a file over the import limit before reading
    /// more of it than that; a file that cannot be read says why.
    pub fn load(path: &Path) -> ImportFile {
        let name = file_name(path);
        match import::load_file(path) {
            Ok(bytes) => ImportFile::from_bytes(name, &bytes),
            Err(e) => ImportFile {
                name,
                content_base64: String::new(),
                unreadable: Some(e.0),
            },
        }
    }

    fn bytes(&self) -> Result<Vec<u8>> {
        if let Some(problem) = &self.unreadable {
            return Err(Error::BadFile {
                file: self.name.clone(),
                problem: problem.clone(),
            });
        }
        STANDARD
            .decode(self.content_base64.trim())
            .map_err(|_| Error::BadFile {
                file: self.name.clone(),
                problem: "did not arrive whole: its content is not valid base64".into(),
            })
    }
}

/// The last part of a path, as the desk names the file in its messages.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// One file's outcome in a batch: what it became, or why nothing of it was written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportOutcome<T> {
    pub file: String,
    pub result: Option<T>,
    pub error: Option<ApiError>,
}

/// Keeps a file's failure beside the others; a refusal of the user fails the batch.
fn per_file<T>(file: String, outcome: Result<T>) -> Result<ImportOutcome<T>> {
    match outcome {
        Ok(value) => Ok(ImportOutcome {
            file,
            result: Some(value),
            error: None,
        }),
        Err(e @ (Error::Forbidden(_) | Error::Unauthenticated(_))) => Err(e),
        Err(e) => Ok(ImportOutcome {
            file,
            result: None,
            error: Some(e.into()),
        }),
    }
}

impl Desk {
    /// Reads, recognises and matches each file; nothing is written.
    pub fn preview_imports(
        &self,
        actor: &Actor,
        files: &[ImportFile],
    ) -> Result<Vec<ImportOutcome<ImportPreview>>> {
        files
            .iter()
            .map(|f| {
                let preview = f
                    .bytes()
                    .and_then(|bytes| self.preview_import(actor, &f.name, &bytes));
                per_file(f.name.clone(), preview)
            })
            .collect()
    }

    /// Writes each reviewed file as a submitted article, in order, one transaction each.
    pub fn commit_imports(
        &self,
        actor: &Actor,
        drafts: &[ImportDraft],
    ) -> Result<Vec<ImportOutcome<Imported>>> {
        drafts
            .iter()
            .map(|d| per_file(d.file.clone(), self.commit_import(actor, d)))
            .collect()
    }
}
