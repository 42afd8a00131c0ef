//! A team desk from Rust: the desk's operations over HTTP, with the server's refusals as the
//! same `ApiError` a desk file gives, and the server's own absence said in words.

mod follow;

use std::time::Duration;

use copydesk_core::api::{Operation, SignedIn, User};
use copydesk_core::{ApiError, ErrorCode};
use reqwest::StatusCode;
use reqwest::blocking::{RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

pub use follow::{Followed, Following};

/// How long one request may take before the server counts as gone.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
/// Sending a whole desk file and having it copied in and checked.
const PUSH_TIMEOUT: Duration = Duration::from_secs(6 * 3600);

/// A connection to one team desk's server, signed in or not.
#[derive(Debug, Clone)]
pub struct Client {
    base: String,
    http: reqwest::blocking::Client,
    token: Option<String>,
}

impl Client {
    /// A client for the server at `base` (`https://desk.example.org`, or `http://127.0.0.1:8440`).
    pub fn new(base: &str) -> Result<Client, ApiError> {
        let base = canonical_base(base)?;
        let http = reqwest::blocking::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(REQUEST_TIMEOUT)
            .user_agent(concat!("copydesk/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| {
                ApiError::new(
                    ErrorCode::Internal,
                    format!("cannot make an HTTP client: {e}"),
                )
            })?;
        Ok(Client {
            base,
            http,
            token: None,
        })
    }

    pub fn with_token(mut self, token: impl Into<String>) -> Client {
        self.token = Some(token.into());
        self
    }

    /// The server's address in one spelling, however it was typed (see `canonical_base`).
    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    fn request(&self, method: reqwest::Method, path: &str) -> RequestBuilder {
        let r = self.http.request(method, format!("{}{path}", self.base));
        match &self.token {
            Some(t) => r.bearer_auth(t),
            None => r,
        }
    }

    /// Sends a request and reads the answer as `T`, or the server's refusal.
    fn send<T: DeserializeOwned>(&self, request: RequestBuilder) -> Result<T, ApiError> {
        let response = request.send().map_err(|e| self.gone(&e))?;
        self.read(response)
    }

    fn read<T: DeserializeOwned>(&self, response: Response) -> Result<T, ApiError> {
        let status = response.status();
        let body = response.bytes().map_err(|e| self.gone(&e))?;
        if status.is_success() {
            let body: &[u8] = if status == StatusCode::NO_CONTENT {
                b"null"
            } else {
                &body
            };
            return serde_json::from_slice(body).map_err(|e| {
                ApiError::new(
                    ErrorCode::Internal,
                    format!(
                        "the server at {} answered in a shape this copydesk does not read ({e}): are both the same version?",
                        self.base
                    ),
                )
            });
        }
        Err(error_body(&body).unwrap_or_else(|| {
            ApiError::new(
                ErrorCode::Unavailable,
                format!(
                    "the server at {} answered {status} without the desk's error body: is this the desk's address, and is its proxy up?",
                    self.base
                ),
            )
        }))
    }

    /// A server that could not be reached, or stopped answering.
    fn gone(&self, e: &reqwest::Error) -> ApiError {
        let message = if let Some(why) = untrusted_certificate(e) {
            format!(
                "the desk's server at {} gave a certificate that does not verify ({why}): check the address; a desk with a certificate of its own must have it signed by an authority this computer trusts",
                self.base
            )
        } else if e.is_connect() {
            format!(
                "the desk's server at {} does not answer: check the address and that it is running",
                self.base
            )
        } else if e.is_timeout() {
            format!(
                "the desk's server at {} stopped answering during the request: it was either done whole or not at all; look before repeating it",
                self.base
            )
        } else {
            format!(
                "the connection to the desk's server at {} broke during the request ({e}): it was either done whole or not at all; look before repeating it",
                self.base
            )
        };
        ApiError::new(ErrorCode::Unavailable, message)
    }

    /// Runs one of the desk's operations as the signed-in user.
    pub fn call<O: Operation>(&self, op: &O) -> Result<O::Output, ApiError> {
        self.send(
            self.request(reqwest::Method::POST, &format!("/api/ops/{}", O::NAME))
                .json(op),
        )
    }

    /// Signs in; the client then acts as that user.
    pub fn sign_in(&mut self, name: &str, passphrase: &str) -> Result<SignedIn, ApiError> {
        #[derive(Serialize)]
        struct SignIn<'a> {
            name: &'a str,
            passphrase: &'a str,
        }
        let signed_in: SignedIn = self.send(
            self.http
                .post(format!("{}/api/session", self.base))
                .json(&SignIn { name, passphrase }),
        )?;
        self.token = Some(signed_in.token.clone());
        Ok(signed_in)
    }

    /// Signs out: the token stops working on the server at once.
    pub fn sign_out(&mut self) -> Result<(), ApiError> {
        let () = self.send(self.request(reqwest::Method::DELETE, "/api/session"))?;
        self.token = None;
        Ok(())
    }

    /// The user the token acts as.
    pub fn who(&self) -> Result<User, ApiError> {
        self.send(self.request(reqwest::Method::GET, "/api/session"))
    }

    /// Sends a desk file to a server waiting for one (`copydesk serve --accept-push`), with the
    /// setup code it printed and the file's digest; answers what the server copied and checked.
    pub fn push_desk_file<T: DeserializeOwned>(
        &self,
        file: &std::path::Path,
        digest: &str,
        setup_code: &str,
    ) -> Result<T, ApiError> {
        let opened = std::fs::File::open(file).and_then(|f| Ok((f.metadata()?.len(), f)));
        let (length, opened) = opened.map_err(|e| {
            ApiError::new(
                ErrorCode::Io,
                format!("cannot read {} to send it: {e}", file.display()),
            )
        })?;
        let address = format!("{}{}", self.base, copydesk_core::api::PUSH_PATH);
        // Asked first, so that a wrong code or a server that takes no file is said before the
        // whole file has gone over the wire.
        let () = self.send(
            self.http
                .get(&address)
                .header(copydesk_core::api::SETUP_CODE_HEADER, setup_code.trim()),
        )?;
        self.send(
            self.http
                .post(&address)
                .header(copydesk_core::api::SETUP_CODE_HEADER, setup_code.trim())
                .header(copydesk_core::api::DIGEST_HEADER, digest)
                .header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
                // A large desk takes a while to send and to copy in; the server checks the copy
                // before it answers.
                .timeout(PUSH_TIMEOUT)
                .body(reqwest::blocking::Body::sized(opened, length)),
        )
    }

    /// The server's health report, as it gives it.
    pub fn health(&self) -> Result<serde_json::Value, ApiError> {
        self.send(self.http.get(format!("{}/health", self.base)))
    }
}

/// A server's address in one spelling: as the URL standard writes it (scheme and host in lower
/// case, no default port), without a trailing slash; `https://Desk.example.org:443/` and
/// `https://desk.example.org` are the same desk, and what is kept under one is found under the
/// other. What is no server address is refused, next to the field.
pub fn canonical_base(base: &str) -> Result<String, ApiError> {
    let trimmed = base.trim().trim_end_matches('/');
    let url = reqwest::Url::parse(trimmed).map_err(|e| {
        field(
            ErrorCode::Usage,
            "server",
            format!(
                "“{base}” is not a server address ({e}): give one like https://desk.example.org"
            ),
        )
    })?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(field(
            ErrorCode::Usage,
            "server",
            format!("“{base}” is not a server address: give one like https://desk.example.org"),
        ));
    }
    Ok(url.as_str().trim_end_matches('/').to_string())
}

/// Why the server's certificate was refused, when that is why the connection failed.
fn untrusted_certificate(e: &reqwest::Error) -> Option<String> {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        if let Some(rustls::Error::InvalidCertificate(why)) = c.downcast_ref::<rustls::Error>() {
            return Some(match why {
                rustls::CertificateError::UnknownIssuer => {
                    "signed by an authority this computer does not know".to_string()
                }
                rustls::CertificateError::NotValidForName
                | rustls::CertificateError::NotValidForNameContext { .. } => {
                    "made out for another address".to_string()
                }
                rustls::CertificateError::Expired
                | rustls::CertificateError::ExpiredContext { .. } => "expired".to_string(),
                other => format!("{other:?}"),
            });
        }
        // An I/O error carries the TLS error inside it (an I/O error in an I/O error, even),
        // not as its source.
        cause = match c
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
            None => c.source(),
        };
    }
    None
}

/// The desk's error body in `body`. A newer server may send details this copydesk does not
/// know: the code, the sentence and the field are still read, the details left out, rather than
/// taking a refusal for a server away.
fn error_body(body: &[u8]) -> Option<ApiError> {
    #[derive(serde::Deserialize)]
    struct Bare {
        code: ErrorCode,
        message: String,
        #[serde(default)]
        field: Option<String>,
    }
    serde_json::from_slice::<ApiError>(body).ok().or_else(|| {
        let bare: Bare = serde_json::from_slice(body).ok()?;
        let mut error = ApiError::new(bare.code, bare.message);
        error.field = bare.field;
        Some(error)
    })
}

fn field(code: ErrorCode, name: &str, message: String) -> ApiError {
    let mut e = ApiError::new(code, message);
    e.field = Some(name.to_string());
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_with_details_this_copydesk_does_not_know_is_still_a_refusal() {
        let newer = br#"{"code":"invalid_input","message":"no such hour","field":"at","details":{"kind":"a_kind_from_later","x":1}}"#;
        let read = error_body(newer).expect("the code and the sentence are read");
        assert_eq!(read.code, ErrorCode::InvalidInput);
        assert_eq!(read.message, "no such hour");
        assert_eq!(read.field.as_deref(), Some("at"));
        assert!(read.details.is_none());
        let known = br#"{"code":"not_found","message":"no such article"}"#;
        assert_eq!(error_body(known).unwrap().code, ErrorCode::NotFound);
        assert!(error_body(b"<html>502 Bad Gateway</html>").is_none());
    }

    #[test]
    fn one_server_typed_two_ways_has_one_address() {
        let plain = Client::new("https://desk.example.org").unwrap();
        for typed in [
            "https://Desk.Example.org",
            " HTTPS://desk.example.org:443/ ",
            "https://desk.example.org/",
        ] {
            assert_eq!(Client::new(typed).unwrap().base(), plain.base(), "{typed}");
        }
        assert_eq!(plain.base(), "https://desk.example.org");
        assert_eq!(
            canonical_base("http://127.0.0.1:8440/").unwrap(),
            "http://127.0.0.1:8440"
        );
        assert_eq!(
            canonical_base("https://Example.org/Desk/").unwrap(),
            "https://example.org/Desk"
        );
        assert_ne!(
            canonical_base("https://desk.example.org:8443").unwrap(),
            plain.base()
        );
        let none = canonical_base("desk example org").unwrap_err();
        assert_eq!(none.field.as_deref(), Some("server"));
    }
}
