//! Following a team desk's changes: the server-sent events of `/api/events`, read line by line,
//! resumed from the last event's id after a broken connection.

use std::io::{BufRead, BufReader};

use copydesk_core::desk::DeskChange;
use copydesk_core::{ApiError, ErrorCode};

use crate::Client;

/// One thing the stream said.
#[derive(Debug, Clone, PartialEq)]
pub enum Followed {
    /// Where the feed stands: resume from here.
    Position(String),
    Change(DeskChange),
    /// Changes were missed (away too long): reload everything.
    Missed {
        position: String,
    },
    /// The session ended (signed out, revoked, expired).
    SignedOut(ApiError),
    /// A change this copydesk cannot read (a newer server's, say): passed over, so that the
    /// stream goes on from `position`; what it changed is only seen by reloading everything.
    Unreadable {
        position: String,
        problem: String,
    },
}

/// An open stream of changes.
pub struct Following {
    client: Client,
    lines: Option<BufReader<reqwest::blocking::Response>>,
    /// The last position heard: a reconnect resumes from it.
    pub position: Option<String>,
}

impl Client {
    /// Opens the stream of changes after `position` (from now when `None`).
    pub fn follow(&self, position: Option<&str>) -> Result<Following, ApiError> {
        let mut f = Following {
            client: Client {
                // A stream has no overall time limit; it stays open for as long as it is read.
                http: reqwest::blocking::Client::builder()
                    .connect_timeout(std::time::Duration::from_secs(10))
                    .build()
                    .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?,
                ..self.clone()
            },
            lines: None,
            position: position.map(str::to_string),
        };
        f.connect()?;
        Ok(f)
    }
}

impl Following {
    fn connect(&mut self) -> Result<(), ApiError> {
        let mut request = self
            .client
            .request(reqwest::Method::GET, "/api/events")
            .header("accept", "text/event-stream");
        if let Some(p) = &self.position {
            request = request.header("last-event-id", p);
        }
        let response = request.send().map_err(|e| self.client.gone(&e))?;
        if !response.status().is_success() {
            return Err(self.client.read::<serde_json::Value>(response).unwrap_err());
        }
        self.lines = Some(BufReader::new(response));
        Ok(())
    }

    /// The next thing the server says; a dropped connection is reopened once from the last
    /// position before it counts as the server gone.
    pub fn next_event(&mut self) -> Result<Followed, ApiError> {
        loop {
            match self.read_event()? {
                Some(event) => return Ok(event),
                None => self.connect()?,
            }
        }
    }

    /// Reads one event; `None` when the connection ended.
    fn read_event(&mut self) -> Result<Option<Followed>, ApiError> {
        let Some(lines) = self.lines.as_mut() else {
            return Ok(None);
        };
        let (mut name, mut data, mut id) = (String::new(), String::new(), None);
        loop {
            let mut line = String::new();
            let read = lines.read_line(&mut line);
            match read {
                Ok(0) | Err(_) => {
                    self.lines = None;
                    return Ok(None);
                }
                Ok(_) => {}
            }
            let line = line.trim_end_matches(['\n', '\r']);
            if line.is_empty() {
                if name.is_empty() && data.is_empty() {
                    continue;
                }
                if let Some(id) = id.take() {
                    self.position = Some(id);
                }
                let event = std::mem::take(&mut name);
                let payload = std::mem::take(&mut data);
                return Ok(Some(self.interpret(&event, &payload)?));
            }
            if line.starts_with(':') {
                continue;
            }
            let (key, value) = line.split_once(':').unwrap_or((line, ""));
            let value = value.strip_prefix(' ').unwrap_or(value);
            match key {
                "event" => name = value.to_string(),
                "data" => {
                    if !data.is_empty() {
                        data.push('\n');
                    }
                    data.push_str(value);
                }
                "id" => id = Some(value.to_string()),
                _ => {}
            }
        }
    }

    fn interpret(&self, event: &str, data: &str) -> Result<Followed, ApiError> {
        let position = self.position.clone().unwrap_or_default();
        let unreadable = |e: serde_json::Error| {
            ApiError::new(
                ErrorCode::Internal,
                format!("the server sent a change this copydesk does not read ({e})"),
            )
        };
        Ok(match event {
            "position" => Followed::Position(position),
            "signed_out" => Followed::SignedOut(serde_json::from_str(data).map_err(unreadable)?),
            "desk" if data.contains("\"missed\":true") => Followed::Missed { position },
            _ => match serde_json::from_str(data) {
                Ok(change) => Followed::Change(change),
                Err(e) => Followed::Unreadable {
                    position,
                    problem: unreadable(e).message,
                },
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};

    use super::*;

    /// A server of one stream: the events given, then the connection closes.
    fn serve_once(events: &'static str) -> String {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            let (mut conn, _) = listener.accept().unwrap();
            let mut request = [0u8; 4096];
            let _ = conn.read(&mut request);
            let head =
                "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n";
            conn.write_all(head.as_bytes()).unwrap();
            conn.write_all(events.as_bytes()).unwrap();
        });
        format!("http://{address}")
    }

    #[test]
    fn a_change_this_copydesk_cannot_read_is_passed_over_and_the_next_one_read() {
        let server = serve_once(concat!(
            "event: position\nid: 4\ndata: {}\n\n",
            "event: desk\nid: 5\ndata: {\"kind\":\"hologram\"}\n\n",
            "event: desk\nid: 6\ndata: {\"kind\":\"article\",\"subject\":\"a1\",",
            "\"at\":\"2026-12-05T10:00:00Z\",\"position\":\"6\"}\n\n",
        ));
        let mut stream = Client::new(&server).unwrap().follow(None).unwrap();
        assert_eq!(stream.next_event().unwrap(), Followed::Position("4".into()));
        match stream.next_event().unwrap() {
            Followed::Unreadable { position, problem } => {
                assert_eq!(position, "5");
                assert!(problem.contains("does not read"), "{problem}");
            }
            other => panic!("{other:?}"),
        }
        match stream.next_event().unwrap() {
            Followed::Change(change) => {
                assert_eq!(change.subject.as_deref(), Some("a1"));
                assert_eq!(stream.position.as_deref(), Some("6"));
            }
            other => panic!("{other:?}"),
        }
    }
}
