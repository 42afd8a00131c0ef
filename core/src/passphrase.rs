//! Passphrases, stored only as argon2id hashes.

use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};

use crate::error::{Error, Result};

pub const MIN_CHARS: usize = 8;

pub fn hash(passphrase: &str) -> Result<String> {
    if passphrase.chars().count() < MIN_CHARS {
        return Err(Error::invalid(format!(
            "a passphrase needs at least {MIN_CHARS} characters"
        )));
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(passphrase.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| {
            Error::invalid_field(
                "passphrase",
                format!("the passphrase could not be hashed: {e}"),
            )
        })
}

pub fn verify(stored_hash: &str, passphrase: &str) -> Result<bool> {
    let parsed = PasswordHash::new(stored_hash)
        .map_err(|e| Error::Corrupt(format!("a stored passphrase hash is unreadable: {e}")))?;
    Ok(Argon2::default()
        .verify_password(passphrase.as_bytes(), &parsed)
        .is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_are_argon2id() {
        let h = hash("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify(&h, "correct horse battery").unwrap());
        assert!(!verify(&h, "wrong horse battery").unwrap());
        assert_eq!(hash("short").unwrap_err().code(), "invalid_input");
    }
}
