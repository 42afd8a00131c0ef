//! Moving a desk file to a team desk through its server (`copydesk push --server`), for a
//! newsroom whose database only the server can reach. A server started on an empty database to
//! wait for a desk takes one file, once, from whoever holds its setup code: the code stands in
//! for the database's address and password, which `push --database` needs and a contributor's
//! laptop should not hold. The file is checked to have arrived whole (its digest), opened as a
//! desk (an older file is brought up to date, a newer one refused), then copied in exactly as
//! `push --database` copies it, checked before anything commits.

use std::io::Read;
use std::path::Path;

use blake2::{Blake2s256, Digest};
use rand::Rng;

use super::{Desk, PushReport};
use crate::error::{Error, Result};

/// The one-time code a waiting server takes a desk file with.
#[derive(Clone, PartialEq, Eq)]
pub struct SetupCode(String);

/// Letters and digits that cannot be misread for one another when read out or copied by hand.
const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/// A code chosen by whoever starts the server is at least this long (after spaces and dashes
/// are dropped): a guess must not be worth trying.
const SHORTEST: usize = 16;

impl SetupCode {
    /// A new random code: 20 characters of 32 (100 bits), in groups of four.
    pub fn generate() -> SetupCode {
        let mut rng = rand::rng();
        let letters: Vec<u8> = (0..20)
            .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())])
            .collect();
        let groups: Vec<&str> = letters
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap_or_default())
            .collect();
        SetupCode(groups.join("-"))
    }

    /// A code chosen by whoever starts the server (`COPYDESK_SETUP_CODE`).
    pub fn chosen(text: &str) -> Result<SetupCode> {
        let code = text.trim();
        if normalise(code).chars().count() < SHORTEST {
            return Err(Error::invalid_field(
                "setup_code",
                format!(
                    "a setup code must have at least {SHORTEST} letters or digits, so that it cannot be guessed; leave COPYDESK_SETUP_CODE unset and the server makes one"
                ),
            ));
        }
        Ok(SetupCode(code.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `given` is this code, however it was spaced or cased when typed. Every character
    /// is compared whatever the first difference, so the time taken tells nothing.
    pub fn admits(&self, given: &str) -> bool {
        let (a, b) = (normalise(&self.0), normalise(given));
        let (a, b) = (a.as_bytes(), b.as_bytes());
        let mut differ = a.len() ^ b.len();
        for i in 0..a.len().max(b.len()) {
            let x = a.get(i).copied().unwrap_or(0);
            let y = b.get(i).copied().unwrap_or(0);
            differ |= usize::from(x ^ y);
        }
        differ == 0
    }
}

impl std::fmt::Debug for SetupCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SetupCode(<hidden>)")
    }
}

fn normalise(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// The digest a desk file is sent with and checked against on arrival (BLAKE2s-256, in hex).
pub fn file_digest(path: &Path) -> Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Blake2s256::new();
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

impl Desk {
    /// Takes a desk file sent to this team desk's server (a private copy: it may be brought up to
    /// date in place) and copies it into this empty database, checked as `push_into` checks it.
    /// `digest` is what the sender computed; a file that differs from it was damaged on the way
    /// and nothing is kept.
    pub fn take_desk_file(&self, file: &Path, digest: &str) -> Result<PushReport> {
        if file_digest(file)? != digest.trim().to_ascii_lowercase() {
            return Err(Error::invalid_field(
                "db",
                "the desk file arrived damaged (it differs from what was sent): nothing was kept in the team database; push it again",
            ));
        }
        if self.is_initialised()? {
            return Err(already_a_desk());
        }
        let problems = super::check_file(file).map_err(|e| not_a_desk_file(&e.to_string()))?;
        if !problems.is_empty() {
            return Err(not_a_desk_file(&problems.join("; ")));
        }
        let source = Desk::open(file, self.clock.clone())?;
        if !source.is_initialised()? {
            return Err(not_a_desk_file("it holds no desk"));
        }
        source.push_into(self)
    }
}

fn already_a_desk() -> Error {
    Error::invalid_field(
        "server",
        "the team desk already holds a desk: a desk file is pushed into an empty one only",
    )
}

fn not_a_desk_file(why: &str) -> Error {
    Error::invalid_field(
        "db",
        format!("what was sent is not a sound desk file ({why}): nothing was kept"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_code_is_long_grouped_and_new_each_time() {
        let a = SetupCode::generate();
        let b = SetupCode::generate();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 24, "{}", a.as_str());
        assert_eq!(a.as_str().split('-').count(), 5);
        assert!(
            a.as_str()
                .bytes()
                .all(|c| c == b'-' || ALPHABET.contains(&c))
        );
    }

    #[test]
    fn a_code_is_admitted_however_it_is_spaced_or_cased_and_nothing_else_is() {
        let code = SetupCode::chosen("7KQ4-M2XD-9PRT-WW3H").unwrap();
        assert!(code.admits("7KQ4-M2XD-9PRT-WW3H"));
        assert!(code.admits(" 7kq4 m2xd 9prt ww3h "));
        assert!(!code.admits("7KQ4-M2XD-9PRT-WW3"));
        assert!(!code.admits("7KQ4-M2XD-9PRT-WW3HX"));
        assert!(!code.admits("7KQ4-M2XD-9PRT-WW3J"));
        assert!(!code.admits(""));
    }

    #[test]
    fn a_chosen_code_too_short_to_be_safe_is_refused() {
        let e = SetupCode::chosen("1234-5678").unwrap_err();
        assert!(e.to_string().contains("at least 16"), "{e}");
        assert!(SetupCode::chosen("correct horse battery staple").is_ok());
    }

    #[test]
    fn the_code_is_never_printed_by_debug() {
        let code = SetupCode::generate();
        assert!(!format!("{code:?}").contains(code.as_str()));
    }

    #[test]
    fn the_digest_changes_with_any_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"one desk").unwrap();
        let first = file_digest(&path).unwrap();
        assert_eq!(first.len(), 64);
        std::fs::write(&path, b"one desj").unwrap();
        assert_ne!(file_digest(&path).unwrap(), first);
    }
}
