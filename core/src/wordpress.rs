//! The publication's WordPress site, through its REST API (`/wp/v2`): found at `/wp-json/` or, on a
//! site without pretty links, at `?rest_route=`; signed in with a user's application password.
//! Every failure says in words what is wrong, with WordPress's own message when it gave one.

use std::fmt;
use std::time::Duration;

use reqwest::blocking::{Client, Response};
use reqwest::{Method, StatusCode, Url};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// What kind of thing went wrong talking to WordPress: what the app branches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TargetProblem {
    /// Nothing answers at the address, or not in time.
    NoAnswer,
    /// The site's certificate does not verify.
    Certificate,
    /// Something answers, but it is not WordPress.
    NotWordpress,
    /// WordPress, with its REST API switched off or closed.
    RestDisabled,
    /// The user or the application password is not accepted.
    WrongPassword,
    /// The user may not publish posts.
    CannotPublish,
    /// WordPress refused a request, with its reason.
    Refused,
    /// The desk has no application password saved for the site.
    NoPassword,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WpError {
    pub problem: TargetProblem,
    pub message: String,
    /// WordPress's own error code, when it answered with one.
    pub code: Option<String>,
}

impl fmt::Display for WpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

fn fail(problem: TargetProblem, message: impl Into<String>) -> WpError {
    WpError {
        problem,
        message: message.into(),
        code: None,
    }
}

type WpResult<T> = std::result::Result<T, WpError>;

/// Where the REST API answers.
#[derive(Debug, Clone)]
enum Api {
    /// `https://site/wp-json/` + route.
    Pretty(Url),
    /// `https://site/?rest_route=` + route.
    Query(Url),
}

/// The user the desk signs in as, as WordPress sees them.
#[derive(Debug, Clone)]
pub struct WpUser {
    pub name: String,
    pub can_publish: bool,
}

/// A post as the desk writes it.
#[derive(Debug, Clone, Serialize)]
pub struct PostFields {
    pub title: String,
    pub excerpt: String,
    pub content: String,
    pub status: &'static str,
    pub slug: String,
    /// RFC 3339 with the desk's offset: WordPress stores the instant, shown in its own zone.
    pub date: String,
    pub categories: Vec<i64>,
    pub tags: Vec<i64>,
    /// Written only where the site registers them (wordpress/copydesk-bylines.php).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Value>,
}

/// A post as WordPress returned it.
#[derive(Debug, Clone)]
pub struct PostRef {
    pub id: i64,
    pub link: String,
}

/// A signed-in connection to one WordPress site.
pub struct WordPress {
    site: Url,
    api: Api,
    user: String,
    password: String,
    http: Client,
    timeout: Duration,
    /// The site's name, from the API's index.
    pub name: String,
}

impl fmt::Debug for WordPress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WordPress")
            .field("site", &self.site.as_str())
            .field("user", &self.user)
            .field("password", &"<hidden>")
            .finish()
    }
}

/// The error codes WordPress answers a refused application password with.
const PASSWORD_CODES: &[&str] = &[
    "incorrect_password",
    "invalid_username",
    "invalid_email",
    "application_passwords_disabled",
    "application_passwords_disabled_for_user",
];

/// Codes of plugins and settings that close the REST API.
const CLOSED_CODES: &[&str] = &[
    "rest_disabled",
    "rest_cannot_access",
    "rest_not_logged_in",
    "rest_login_required",
];

/// The address as typed, made absolute with a trailing slash: "https://news.example.org/".
pub fn site_address(typed: &str) -> Option<Url> {
    let typed = typed.trim();
    let url = Url::parse(typed).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
        return None;
    }
    let mut url = url;
    url.set_query(None);
    url.set_fragment(None);
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Some(url)
}

/// WordPress's messages may carry HTML (`<strong>Error:</strong> …`) and entities.
fn plain(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut in_tag = false;
    for c in message.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    decode_entities(out.trim())
}

/// The few entities WordPress writes into names and messages.
pub fn decode_entities(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#039;", "'")
        .replace("&#8217;", "’")
        .replace("&#8211;", "–")
        .replace("&amp;", "&")
}

fn transport(site: &Url, e: &reqwest::Error, timeout: Duration) -> WpError {
    let mut chain = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        chain.push_str(": ");
        chain.push_str(&s.to_string());
        source = s.source();
    }
    if chain.to_lowercase().contains("certificate") {
        return fail(
            TargetProblem::Certificate,
            format!(
                "The certificate of {site} does not verify, so the desk will not send the \
                 password there ({chain})."
            ),
        );
    }
    if e.is_timeout() {
        return fail(
            TargetProblem::NoAnswer,
            format!(
                "WordPress at {site} did not answer within {} s.",
                timeout.as_secs().max(1)
            ),
        );
    }
    fail(
        TargetProblem::NoAnswer,
        format!("Nothing answers at {site}: check the address and that the site is up ({chain})."),
    )
}

impl WordPress {
    /// Finds the site's REST API and checks that WordPress takes the user's password.
    pub fn connect(site: &str, user: &str, password: &str, timeout: Duration) -> WpResult<Self> {
        let url = site_address(site).ok_or_else(|| {
            fail(
                TargetProblem::NotWordpress,
                format!("“{site}” is not a web address: write it like https://news.example.org/"),
            )
        })?;
        let http = Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .user_agent(concat!("Copydesk/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| transport(&url, &e, timeout))?;
        let mut wp = WordPress {
            site: url.clone(),
            api: Api::Query(url.clone()),
            user: user.to_string(),
            password: password.to_string(),
            http,
            timeout,
            name: String::new(),
        };
        let candidates = [
            Api::Pretty(url.join("wp-json/").unwrap_or_else(|_| url.clone())),
            Api::Query(url.clone()),
        ];
        for api in candidates {
            wp.api = api;
            let response = wp.send(Method::GET, "/", &[], None)?;
            let status = response.status();
            let Ok(index) = response.json::<Value>() else {
                continue;
            };
            if let Some(namespaces) = index.get("namespaces").and_then(Value::as_array) {
                if !namespaces.iter().any(|n| n == "wp/v2") {
                    return Err(fail(
                        TargetProblem::RestDisabled,
                        format!("{url} is WordPress, but its REST API offers no posts (wp/v2)."),
                    ));
                }
                wp.name = decode_entities(index["name"].as_str().unwrap_or_default());
                return Ok(wp);
            }
            if let Some(e) = refusal(&index, status, &wp.user) {
                return Err(e);
            }
        }
        // No API answered: tell a closed WordPress from something else by its home page.
        let home = wp
            .http
            .get(url.clone())
            .send()
            .and_then(Response::text)
            .map_err(|e| transport(&url, &e, timeout))?;
        if ["wp-content/", "wp-includes/", "api.w.org"]
            .iter()
            .any(|mark| home.contains(mark))
        {
            return Err(fail(
                TargetProblem::RestDisabled,
                format!(
                    "{url} is a WordPress site, but its REST API does not answer: it may be \
                     switched off by a plugin or by the server. Copydesk publishes through it."
                ),
            ));
        }
        Err(fail(
            TargetProblem::NotWordpress,
            format!("{url} answers, but it is not a WordPress site."),
        ))
    }

    fn endpoint(&self, route: &str, query: &[(&str, &str)]) -> Url {
        let mut url = match &self.api {
            Api::Pretty(base) => base
                .join(route.trim_start_matches('/'))
                .unwrap_or_else(|_| base.clone()),
            Api::Query(base) => {
                let mut u = base.clone();
                u.query_pairs_mut().append_pair("rest_route", route);
                u
            }
        };
        if !query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (k, v) in query {
                pairs.append_pair(k, v);
            }
        }
        url
    }

    fn send(
        &self,
        method: Method,
        route: &str,
        query: &[(&str, &str)],
        body: Option<&Value>,
    ) -> WpResult<Response> {
        let mut request = self
            .http
            .request(method, self.endpoint(route, query))
            .basic_auth(&self.user, Some(&self.password));
        if let Some(body) = body {
            request = request.json(body);
        }
        request
            .send()
            .map_err(|e| transport(&self.site, &e, self.timeout))
    }

    /// A request whose answer must be a success: anything else becomes its problem.
    fn call(
        &self,
        method: Method,
        route: &str,
        query: &[(&str, &str)],
        body: Option<&Value>,
    ) -> WpResult<Value> {
        let response = self.send(method, route, query, body)?;
        let status = response.status();
        let text = response
            .text()
            .map_err(|e| transport(&self.site, &e, self.timeout))?;
        let value: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        if status.is_success() {
            if value.is_null() {
                return Err(fail(
                    TargetProblem::NotWordpress,
                    format!(
                        "{} answered {route} with something that is not WordPress's JSON.",
                        self.site
                    ),
                ));
            }
            return Ok(value);
        }
        Err(refusal(&value, status, &self.user).unwrap_or_else(|| {
            fail(
                TargetProblem::Refused,
                format!("WordPress answered {status} to {route}, with no reason given."),
            )
        }))
    }

    /// The signed-in user and whether they may publish.
    pub fn me(&self) -> WpResult<WpUser> {
        let me = self.call(Method::GET, "/wp/v2/users/me", &[("context", "edit")], None)?;
        Ok(WpUser {
            name: decode_entities(me["name"].as_str().unwrap_or(&self.user)),
            can_publish: me["capabilities"]["publish_posts"].as_bool() == Some(true),
        })
    }

    /// Whether the site registers Copydesk's post meta (the byline plugin is installed).
    pub fn has_byline_meta(&self) -> WpResult<bool> {
        let schema = self.call(Method::OPTIONS, "/wp/v2/posts", &[], None)?;
        Ok(schema["schema"]["properties"]["meta"]["properties"]
            .get("copydesk_byline")
            .is_some())
    }

    /// The post whose content starts with `marker`, in any state but the bin.
    pub fn find_post(&self, search: &str, marker: &str) -> WpResult<Option<PostRef>> {
        let found = self.call(
            Method::GET,
            "/wp/v2/posts",
            &[
                ("search", search),
                ("status", "publish,future,draft,pending,private"),
                ("context", "edit"),
                ("per_page", "100"),
            ],
            None,
        )?;
        Ok(found.as_array().and_then(|posts| {
            posts
                .iter()
                .find(|p| {
                    p["content"]["raw"]
                        .as_str()
                        .is_some_and(|c| c.contains(marker))
                })
                .and_then(post_ref)
        }))
    }

    pub fn create_post(&self, post: &PostFields) -> WpResult<PostRef> {
        let body = serde_json::to_value(post).unwrap_or(Value::Null);
        let made = self.call(Method::POST, "/wp/v2/posts", &[], Some(&body))?;
        post_ref(&made).ok_or_else(|| {
            fail(
                TargetProblem::Refused,
                "WordPress made the post but did not say its id.",
            )
        })
    }

    /// Updates the post; `None` when WordPress no longer has it (deleted for good).
    pub fn update_post(&self, id: i64, fields: &Value) -> WpResult<Option<PostRef>> {
        match self.call(
            Method::POST,
            &format!("/wp/v2/posts/{id}"),
            &[],
            Some(fields),
        ) {
            Ok(post) => Ok(post_ref(&post)),
            Err(e) if e.code.as_deref() == Some("rest_post_invalid_id") => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The id of the category or tag named `name`, made when the site has none.
    pub fn term(&self, taxonomy: &str, name: &str) -> WpResult<i64> {
        let route = format!("/wp/v2/{taxonomy}");
        let found = self.call(
            Method::GET,
            &route,
            &[("search", name), ("per_page", "100")],
            None,
        )?;
        let wanted = name.trim().to_lowercase();
        if let Some(id) = found.as_array().and_then(|terms| {
            terms
                .iter()
                .find(|t| {
                    decode_entities(t["name"].as_str().unwrap_or_default()).to_lowercase() == wanted
                })
                .and_then(|t| t["id"].as_i64())
        }) {
            return Ok(id);
        }
        match self.call(
            Method::POST,
            &route,
            &[],
            Some(&json!({ "name": name.trim() })),
        ) {
            Ok(made) => made["id"].as_i64().ok_or_else(|| {
                fail(
                    TargetProblem::Refused,
                    format!("WordPress made {taxonomy} “{name}” but did not say its id."),
                )
            }),
            Err(e) => Err(e),
        }
    }

    /// The post's page, as a reader of the site gets it.
    pub fn public_page(&self, link: &str) -> WpResult<String> {
        self.http
            .get(link)
            .send()
            .and_then(Response::text)
            .map_err(|e| transport(&self.site, &e, self.timeout))
    }
}

fn post_ref(post: &Value) -> Option<PostRef> {
    Some(PostRef {
        id: post["id"].as_i64()?,
        link: post["link"].as_str().unwrap_or_default().to_string(),
    })
}

/// What a WordPress error body says, as a problem; `None` when it is not one.
fn refusal(body: &Value, status: StatusCode, user: &str) -> Option<WpError> {
    let code = body.get("code").and_then(Value::as_str)?;
    let mut e = problem_of(code, body, status, user);
    e.code = Some(code.to_string());
    Some(e)
}

fn problem_of(code: &str, body: &Value, status: StatusCode, user: &str) -> WpError {
    let message = plain(body["message"].as_str().unwrap_or_default());
    if PASSWORD_CODES.contains(&code) || status == StatusCode::UNAUTHORIZED {
        return fail(
            TargetProblem::WrongPassword,
            format!(
                "WordPress does not accept the user “{user}” with this application password: \
                 {message} Make a new application password on the user's profile page in \
                 WordPress and save it here."
            ),
        );
    }
    if CLOSED_CODES.contains(&code) && status != StatusCode::NOT_FOUND {
        return fail(
            TargetProblem::RestDisabled,
            format!("WordPress's REST API is closed to the desk: {message} ({code})"),
        );
    }
    if status == StatusCode::FORBIDDEN {
        return fail(
            TargetProblem::CannotPublish,
            format!("WordPress does not let “{user}” do this: {message} ({code})"),
        );
    }
    fail(
        TargetProblem::Refused,
        format!(
            "WordPress refused: {message} ({code}, HTTP {})",
            status.as_u16()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_made_absolute_with_a_trailing_slash() {
        let a = |t: &str| site_address(t).map(|u| u.to_string());
        assert_eq!(
            a(" https://news.example.org ").as_deref(),
            Some("https://news.example.org/")
        );
        assert_eq!(
            a("http://127.0.0.1:8080/blog?x=1#top").as_deref(),
            Some("http://127.0.0.1:8080/blog/")
        );
        assert_eq!(a("news.example.org"), None);
        assert_eq!(a("ftp://news.example.org/"), None);
        assert_eq!(a("https://"), None);
    }

    #[test]
    fn wordpress_errors_become_problems_in_words() {
        let e = |code: &str, status: u16| {
            refusal(
                &json!({"code": code, "message": "<strong>Error:</strong> The provided password is an invalid application password."}),
                StatusCode::from_u16(status).unwrap(),
                "desk",
            )
            .unwrap()
        };
        let wrong = e("incorrect_password", 401);
        assert_eq!(wrong.problem, TargetProblem::WrongPassword);
        assert!(wrong.message.contains("“desk”"), "{}", wrong.message);
        assert!(
            wrong.message.contains("Error: The provided password"),
            "tags gone, words kept: {}",
            wrong.message
        );
        assert_eq!(e("rest_disabled", 403).problem, TargetProblem::RestDisabled);
        assert_eq!(
            e("rest_cannot_publish", 403).problem,
            TargetProblem::CannotPublish
        );
        let refused = e("rest_invalid_param", 400);
        assert_eq!(refused.problem, TargetProblem::Refused);
        assert!(refused.message.contains("rest_invalid_param, HTTP 400"));
        assert!(refusal(&json!({"id": 3}), StatusCode::OK, "desk").is_none());
    }

    #[test]
    fn names_lose_wordpress_entities() {
        assert_eq!(decode_entities("Arts &amp; Letters"), "Arts & Letters");
        assert_eq!(
            plain("<b>Sorry</b>, you &lt;can&gt;not."),
            "Sorry, you <can>not."
        );
    }

    #[test]
    fn nothing_listening_is_no_answer() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .unwrap();
        let e = WordPress::connect(
            &format!("http://127.0.0.1:{port}/"),
            "desk",
            "secret",
            Duration::from_secs(5),
        )
        .unwrap_err();
        assert_eq!(e.problem, TargetProblem::NoAnswer);
        assert!(
            e.message
                .starts_with("Nothing answers at http://127.0.0.1:")
        );
        assert!(!e.message.contains("secret"));
    }
}
