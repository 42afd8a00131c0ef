//! The command line, as clap reads it. Values the core knows how to parse (roles, states,
//! actions, time zones) are taken as text and handed to the core, so its words are the ones
//! users see when a value is wrong.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "copydesk",
    version,
    about = "Copydesk from a terminal: every desk operation, scriptable",
    after_help = "Exit status: 0 on success, 1 when the desk refused or failed, 2 for a malformed \
command line. A failure prints one line, `error: …`, on stderr; with --json, stdout also carries \
{\"error\":{\"code\":…,\"message\":…}}.\n\nTimes typed on the command line are in the desk's time \
zone (`settings show`); RFC 3339 with an explicit offset is also accepted."
)]
pub struct Cli {
    /// The desk's database file [default: $XDG_DATA_HOME/copydesk/desk.db, or
    /// ~/.local/share/copydesk/desk.db]
    #[arg(long, global = true, env = "COPYDESK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Act as this user (by name). A user with a passphrase gives it in COPYDESK_PASSPHRASE.
    #[arg(long = "as", global = true, env = "COPYDESK_USER", value_name = "USER")]
    pub as_user: Option<String>,

    /// Print exactly one JSON object or array on stdout instead of text for people.
    #[arg(long, global = true)]
    pub json: bool,

    /// Work on a team desk through its server (`copydesk login` first) instead of a desk file.
    #[arg(long, global = true, env = "COPYDESK_SERVER", value_name = "URL")]
    pub server: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new desk and its chief editor (passphrase from COPYDESK_NEW_PASSPHRASE, if set).
    Init {
        /// The desk's name, e.g. the publication's.
        #[arg(long = "desk", value_name = "NAME")]
        desk: String,
        /// IANA time zone, e.g. Europe/Paris.
        #[arg(long, value_name = "ZONE")]
        tz: String,
        /// Name of the first user, the chief editor.
        #[arg(long, value_name = "NAME")]
        chief: String,
        /// Create a team desk in this PostgreSQL database instead of a desk file; the chief's
        /// passphrase (COPYDESK_NEW_PASSPHRASE) is then required.
        #[arg(long, env = "COPYDESK_DATABASE", value_name = "URL")]
        database: Option<String>,
    },
    /// Serve a team desk on PostgreSQL over HTTP/JSON (its API: /api/openapi.json).
    #[command(
        long_about = "Serve a team desk kept in PostgreSQL over HTTP/JSON: the desk's operations, \
signing in and out, its changes as server-sent events, /health and /api/openapi.json. Any number \
of instances may serve one database; each also publishes due pieces into its --publish-folder. \
Without --tls-cert and --tls-key it speaks plain HTTP on a loopback address only, for a proxy \
on the same machine (Caddy, nginx) to front with TLS. Stops gracefully on Ctrl-C or SIGTERM."
    )]
    Serve {
        /// The team desk's database: postgres://user:password@host/dbname.
        #[arg(long, env = "COPYDESK_DATABASE", value_name = "URL")]
        database: String,
        /// Address and port to listen on.
        #[arg(long, default_value = "127.0.0.1:8440", value_name = "ADDR:PORT")]
        listen: String,
        /// Certificate chain (PEM) for HTTPS.
        #[arg(long, value_name = "FILE", requires = "tls_key")]
        tls_cert: Option<PathBuf>,
        /// The certificate's private key (PEM).
        #[arg(long, value_name = "FILE", requires = "tls_cert")]
        tls_key: Option<PathBuf>,
        /// Where this instance writes the published site.
        #[arg(long, value_name = "DIR")]
        publish_folder: PathBuf,
        /// Where this instance keeps secrets: the WordPress target's application password, in a
        /// file only its owner can read. Needed to publish to WordPress.
        #[arg(long, env = "COPYDESK_SECRETS_FOLDER", value_name = "DIR")]
        secrets_folder: Option<PathBuf>,
        /// On a database that holds no desk yet, wait for one to be pushed through this server
        /// (`copydesk push --server`), with a setup code it prints (or COPYDESK_SETUP_CODE).
        #[arg(long)]
        accept_push: bool,
        /// Log one JSON object a line instead of text.
        #[arg(long)]
        log_json: bool,
    },
    /// Sign in to a team desk's server (--server, --as); the session is kept in your config
    /// folder. Passphrase from COPYDESK_PASSPHRASE, or asked for.
    Login,
    /// Sign out of the team desk's server (--server): the session ends there too.
    Logout,
    /// Copy this desk file (--db) into an empty team desk (--database, or --server), then
    /// verify the copy.
    #[command(
        long_about = "Copy the desk file (--db) into an empty team desk: articles with every \
revision, contributors with their bio history, users, sessions, notes, the audit log, publishing \
jobs and settings. The copy is then verified (the count of everything, and a hash of every \
article's text) inside the same transaction: if anything differs, nothing is kept. Push into \
the database itself (--database URL), or through a server started on the empty database with \
`copydesk serve --accept-push` (--server URL, with the setup code it printed in \
COPYDESK_SETUP_CODE, or asked for): the file is sent whole, checked to have arrived intact, \
and copied in there."
    )]
    Push {
        /// The team desk's database: postgres://user:password@host/dbname. Or give --server.
        #[arg(long, env = "COPYDESK_DATABASE", value_name = "URL")]
        database: Option<String>,
    },
    /// User accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Contributors: the people who write, with or without an account.
    #[command(subcommand)]
    Contributor(ContributorCommand),
    /// Articles: write, edit, move through the workflow, read history.
    #[command(subcommand)]
    Article(ArticleCommand),
    /// Editorial notes on an article.
    #[command(subcommand)]
    Note(NoteCommand),
    /// Full-text search over articles (or contributors with --contributors).
    Search(SearchArgs),
    /// The audit log of workflow moves, newest first.
    Audit {
        /// Only this article's moves.
        #[arg(long, value_name = "ID")]
        article: Option<String>,
        /// Only this user's moves.
        #[arg(long, value_name = "NAME")]
        user: Option<String>,
        #[command(flatten)]
        page: PageArgs,
    },
    /// The publication calendar: scheduled and published pieces, and free slots.
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// Publish every piece whose time has come; the scheduler, to run from cron (needs no --as).
    #[command(
        name = "publish-due",
        long_about = "Publish every piece whose time has come, and write its pages into the \
publish folder. This is the scheduler: run it from cron, say every minute; it needs no --as. \
A piece published after its time is reported late (\"late by 2 h 5 min\").",
        after_help = "Exit status: 0 when every due job was carried out (or nothing was due); \
1 when any job failed: the report is printed first, then one `error: …` line, so cron notices. \
A failed job is tried again by a later run, after a backoff (`jobs list --state failed`, \
`jobs retry JOB_ID`)."
    )]
    PublishDue {
        /// Run as if it were TIME (desk's time zone, or RFC 3339) instead of now.
        #[arg(long, value_name = "TIME")]
        now: Option<String>,
    },
    /// The publishing jobs: one per scheduled piece, and their results.
    #[command(subcommand)]
    Jobs(JobsCommand),
    /// The static site in the publish folder.
    #[command(subcommand)]
    Site(SiteCommand),
    /// Write the desk's data in another format.
    #[command(subcommand)]
    Export(ExportCommand),
    /// The desk's settings: name, time zone, sections and their slots, publish folder.
    #[command(subcommand)]
    Settings(SettingsCommand),
    /// Copy the desk to FILE with SQLite's online backup, then check the copy.
    Backup {
        /// Where to write the copy; an existing file is never overwritten.
        file: PathBuf,
    },
    /// Check the database (integrity and foreign keys); non-zero exit when anything is wrong.
    Check,
    /// Import submissions (.txt, .md, .docx, .html) as submitted articles, as an editor or chief.
    #[command(
        long_about = "Import submissions (.txt, .md, .docx, .html) as articles in `submitted`, \
as an editor or the chief. For each file it prints what was recognised (headline, standfirst, \
byline, the bios found, the site furniture left out, warnings) and the new article's id. Each \
author is matched to a contributor on file by email, then by name (case, accents and spacing \
ignored), or created as a guest with the bio found. A bio found for a contributor on file is \
printed under the piece; the profile keeps its own unless --update-bios.",
        after_help = "Exit status: 0 when every file was imported (or, with --dry-run, could be); \
1 when any file was refused: each refused file is named with its problem, nothing of it is \
written, and the other files are imported all the same. With --json the report (the same \
`files` list, each with `recognised` and `imported`, or `error`) is then under `error.report`."
    )]
    Import {
        /// The files to import.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Show what would be imported and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Make the bio found the profile's bio for contributors already on file.
        #[arg(long)]
        update_bios: bool,
    },
    /// Fill the desk with a realistic sample (creates the database file if needed).
    Demo {
        #[arg(long, default_value_t = 60, value_name = "N")]
        articles: usize,
    },
    /// Build the benchmark desk in a temporary folder and measure it (needs no --db or --as);
    /// the folder is deleted afterwards unless --keep.
    Bench {
        #[arg(long, default_value_t = 100_000, value_name = "N")]
        articles: usize,
        /// Folder for the benchmark database [default: a temporary folder].
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Keep the benchmark desk afterwards and print where it is (`desk` in the JSON).
        #[arg(long)]
        keep: bool,
        /// Build and measure the desk on this empty team database (postgres://…) instead of a
        /// desk file.
        #[arg(long, value_name = "URL", conflicts_with = "instance")]
        database: Option<String>,
        /// Play editors against this `copydesk serve` (repeat for each instance) on a desk
        /// built by `bench --database` and served; the chief signs in as --as, passphrase from
        /// COPYDESK_PASSPHRASE [default: the bench desk's own].
        #[arg(long, value_name = "URL")]
        instance: Vec<String>,
        /// With --instance: how many editors.
        #[arg(long, default_value_t = 50, value_name = "N")]
        editors: usize,
        /// With --instance: for how long, in seconds.
        #[arg(long, default_value_t = 300, value_name = "S")]
        seconds: u64,
        /// With --instance: how many pieces fall due during the load.
        #[arg(long, default_value_t = 1000, value_name = "N")]
        due_pieces: usize,
        /// Instead of the benchmark desk: schedule N pieces due at one instant and publish them
        /// into a folder and, with --wordpress, to a WordPress site; pieces per second and how
        /// late the last one was.
        #[arg(long, value_name = "N", conflicts_with_all = ["instance", "database"])]
        push: Option<usize>,
        /// With --push: the WordPress site to push to (a test site: the pieces stay there). The
        /// user's application password is read from COPYDESK_WORDPRESS_PASSWORD.
        #[arg(long, value_name = "URL", requires = "push")]
        wordpress: Option<String>,
        /// With --wordpress: the WordPress user.
        #[arg(long, value_name = "NAME", requires = "wordpress")]
        wordpress_user: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct PageArgs {
    /// How many items per page.
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: u32,
    /// Continue after this cursor: the `next` printed with the previous page.
    #[arg(long, value_name = "CURSOR")]
    pub after: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user (the chief does); passphrase from COPYDESK_NEW_PASSPHRASE, if set.
    Add {
        name: String,
        /// contributor, editor or chief.
        #[arg(long, value_name = "ROLE")]
        role: String,
        /// The contributor this account writes as (id, email or name).
        #[arg(long, value_name = "ID_OR_NAME")]
        contributor: Option<String>,
    },
    /// List the desk's users.
    List,
    /// Set a passphrase from COPYDESK_NEW_PASSPHRASE, or remove it with --clear.
    Passphrase {
        name: String,
        #[arg(long)]
        clear: bool,
    },
    /// Change a user's role.
    Role { name: String, role: String },
}

/// Whether a contributor is on the staff or a guest; neither flag means "as it is" (or guest for
/// a new contributor, since most outside writers are).
#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct KindArgs {
    #[arg(long)]
    pub staff: bool,
    #[arg(long)]
    pub guest: bool,
}

#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct BioArgs {
    /// The bio printed under their pieces (Markdown).
    #[arg(long, value_name = "TEXT")]
    pub bio: Option<String>,
    /// Read the bio from a UTF-8 file (`-` for stdin).
    #[arg(long, value_name = "FILE")]
    pub bio_file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum ContributorCommand {
    /// Add a contributor (a guest unless --staff).
    Add {
        name: String,
        #[arg(long)]
        email: Option<String>,
        #[arg(long, default_value = "")]
        affiliation: String,
        #[command(flatten)]
        bio: BioArgs,
        #[command(flatten)]
        kind: KindArgs,
        /// How the name sorts, e.g. "Roe, Jane" [default: derived from the name].
        #[arg(long, value_name = "S")]
        sort_name: Option<String>,
        /// A link to their work or profile; repeat for several.
        #[arg(long = "link", value_name = "URL")]
        links: Vec<String>,
        /// Private notes for the desk.
        #[arg(long, default_value = "")]
        notes: String,
    },
    /// The directory, in sort-name order.
    List {
        #[command(flatten)]
        page: PageArgs,
    },
    /// One contributor with their bio history.
    Show { contributor: String },
    /// Contributors by email or by the start of their name (case and accents ignored).
    Find { query: String },
    /// Change a contributor; what is not given stays as it is.
    Edit {
        contributor: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long, value_name = "S")]
        sort_name: Option<String>,
        #[arg(long, conflicts_with = "no_email")]
        email: Option<String>,
        /// Remove the email address.
        #[arg(long)]
        no_email: bool,
        #[arg(long)]
        affiliation: Option<String>,
        #[command(flatten)]
        bio: BioArgs,
        #[command(flatten)]
        kind: KindArgs,
        /// Replace the links with these; repeat for several.
        #[arg(long = "link", value_name = "URL", conflicts_with = "no_links")]
        links: Vec<String>,
        /// Remove every link.
        #[arg(long)]
        no_links: bool,
        #[arg(long)]
        notes: Option<String>,
    },
    /// Move FROM's articles, bylines and account links to INTO, then remove FROM.
    Merge { from: String, into: String },
    /// Delete a contributor who has written nothing.
    Delete { contributor: String },
}

#[derive(Debug, Subcommand)]
pub enum ArticleCommand {
    /// Start a draft.
    New {
        #[arg(long)]
        headline: String,
        #[arg(long, default_value = "")]
        standfirst: String,
        /// The body, Markdown in a UTF-8 file (`-` for stdin).
        #[arg(long, value_name = "FILE")]
        body_file: Option<PathBuf>,
        /// A byline contributor (id, email or name); repeat, in order, for several.
        #[arg(long = "byline", value_name = "NAME_OR_ID")]
        bylines: Vec<String>,
        #[arg(long)]
        section: Option<String>,
        /// A tag; repeat for several.
        #[arg(long = "tag", value_name = "T")]
        tags: Vec<String>,
        /// A related article ("Check also"); repeat for several.
        #[arg(long = "related", value_name = "ID")]
        related: Vec<String>,
        /// Not to be published before this time (desk's time zone).
        #[arg(long, value_name = "TIME")]
        embargo: Option<String>,
    },
    /// Save changes made on version N; refused when the article has moved on since.
    Edit {
        id: String,
        /// The version your changes are based on (`article show` prints it).
        #[arg(long, value_name = "N")]
        base_version: i64,
        #[arg(long)]
        headline: Option<String>,
        #[arg(long)]
        standfirst: Option<String>,
        /// The new body, Markdown in a UTF-8 file (`-` for stdin).
        #[arg(long, value_name = "FILE")]
        body_file: Option<PathBuf>,
        #[arg(long, conflicts_with = "no_section")]
        section: Option<String>,
        /// Take the article out of its section.
        #[arg(long)]
        no_section: bool,
        /// Replace the tags with these; repeat for several.
        #[arg(long = "tag", value_name = "T", conflicts_with = "no_tags")]
        tags: Vec<String>,
        /// Remove every tag.
        #[arg(long)]
        no_tags: bool,
        /// Replace the byline with these contributors, in order.
        #[arg(long = "byline", value_name = "NAME_OR_ID")]
        bylines: Vec<String>,
        /// Replace the related articles with these.
        #[arg(long = "related", value_name = "ID", conflicts_with = "no_related")]
        related: Vec<String>,
        /// Remove every related article.
        #[arg(long)]
        no_related: bool,
        /// Set the embargo (desk's time zone).
        #[arg(long, value_name = "TIME", conflicts_with = "no_embargo")]
        embargo: Option<String>,
        /// Lift the embargo.
        #[arg(long)]
        no_embargo: bool,
        /// Record the revision as an autosave rather than a save.
        #[arg(long)]
        autosave: bool,
    },
    /// An article in full: metadata, byline with bios, body.
    Show { id: String },
    /// Articles, most recently moved first. With --json, the page is
    /// {"items":[…],"next":CURSOR|null} and every item's `cursor` is its page's `next`.
    List {
        /// Only articles in this state (draft, submitted, in_review, …).
        #[arg(long)]
        state: Option<String>,
        #[arg(long)]
        section: Option<String>,
        /// Only articles with this contributor (id, email or name) on the byline.
        #[arg(long, value_name = "NAME_OR_ID")]
        contributor: Option<String>,
        /// Only articles assigned to this editor (user name or id); needs --state or
        /// --contributor.
        #[arg(long, value_name = "USER")]
        editor: Option<String>,
        #[command(flatten)]
        page: PageArgs,
    },
    /// Make a workflow move: submit, claim, request-changes, resubmit, approve, reject, reopen,
    /// schedule (with --at TIME or --slot next), unschedule, publish-now, withdraw.
    Move {
        id: String,
        action: String,
        /// Why: required for request-changes, reject, reopen and withdraw.
        #[arg(long)]
        note: Option<String>,
        /// With schedule: when to publish (desk's time zone, or with an offset).
        #[arg(long, value_name = "TIME", conflicts_with = "slot")]
        at: Option<String>,
        /// With schedule: `next` takes the section's next free publication slot.
        #[arg(long, value_name = "next", value_parser = ["next"])]
        slot: Option<String>,
    },
    /// The checklist of a move for you on this article, ✓ or ✗ per line (exit 0 either way).
    Checks {
        id: String,
        action: String,
        /// The note you would give, so its check can pass.
        #[arg(long)]
        note: Option<String>,
    },
    /// The moves you can make on this article now, each with its checklist.
    Moves { id: String },
    /// The article's revisions, newest first.
    History {
        id: String,
        #[command(flatten)]
        page: PageArgs,
    },
    /// The text of one revision.
    Revision { id: String, number: i64 },
    /// Compare two revisions word by word: [-removed-] and {+added+}. Name them by number
    /// (FROM TO), or by milestone: `--submitted --published` compares the piece as submitted
    /// with the piece as published; a number and one milestone mix.
    Diff {
        id: String,
        from: Option<i64>,
        to: Option<i64>,
        /// The piece as last submitted.
        #[arg(long)]
        submitted: bool,
        /// The piece as last approved.
        #[arg(long)]
        approved: bool,
        /// The piece as readers have it now.
        #[arg(long)]
        published: bool,
    },
    /// Bring back a revision's text as a new revision (the byline stays).
    Restore { id: String, number: i64 },
}

#[derive(Debug, Subcommand)]
pub enum NoteCommand {
    /// Add a note, or a reply to one.
    Add {
        article: String,
        text: String,
        #[arg(long, value_name = "NOTE_ID")]
        reply_to: Option<String>,
        /// The passage the note is about.
        #[arg(long, value_name = "TEXT")]
        anchor: Option<String>,
    },
    /// An article's notes as threads.
    List { article: String },
    /// Mark a note resolved.
    Resolve { note: String },
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    pub query: String,
    #[arg(long, conflicts_with = "contributors")]
    pub state: Option<String>,
    #[arg(long, conflicts_with = "contributors")]
    pub section: Option<String>,
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: u32,
    #[arg(long, value_name = "CURSOR", conflicts_with = "contributors")]
    pub after: Option<String>,
    /// Search contributors (names, affiliations, bios) instead of articles.
    #[arg(long)]
    pub contributors: bool,
}

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Name, time zone, publish folder, and sections with their word limits and slots.
    Show,
    /// Change a setting (the chief does).
    #[command(subcommand)]
    Set(SetCommand),
    /// Try where pieces are published, as the publisher would, and say what is wrong if anything
    /// is (exit status 1 then).
    TestTarget,
}

#[derive(Debug, Subcommand)]
pub enum SetCommand {
    /// The desk's time zone (IANA name); stored times stay the same instants.
    Timezone { zone: String },
    /// Where `publish-due` and `site build` write the site; the folder is created.
    PublishFolder { dir: PathBuf },
    /// The address the site is served from, e.g. https://news.example.org/ (feeds link to it).
    SiteUrl { url: String },
    /// Where published pieces go: the publish folder (the static site), or a WordPress site.
    #[command(subcommand)]
    Target(TargetCommand),
    /// Add a section or change its word limits and publication slots; what is not given stays
    /// as it is.
    Section {
        name: String,
        #[arg(long, value_name = "N", conflicts_with = "no_min_words")]
        min_words: Option<i64>,
        #[arg(long, value_name = "N", conflicts_with = "no_max_words")]
        max_words: Option<i64>,
        /// Remove the lower limit.
        #[arg(long)]
        no_min_words: bool,
        /// Remove the upper limit.
        #[arg(long)]
        no_max_words: bool,
        /// A publication slot in the desk's zone, like "Mon-Fri 08:00" or "Sat,Sun 10:30 16:00";
        /// repeat for several. Replaces the section's slots.
        #[arg(long = "slot", value_name = "DAYS TIMES", conflicts_with = "no_slots")]
        slots: Vec<String>,
        /// Remove every publication slot of the section.
        #[arg(long)]
        no_slots: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum TargetCommand {
    /// Write the static site into the publish folder (the default).
    Folder,
    /// Push pieces to a WordPress site through its REST API. The user's application password
    /// (made on their profile page in WordPress) is read from COPYDESK_WORDPRESS_PASSWORD, else
    /// asked for on the terminal, else read as one line from standard input; it is kept out of
    /// the desk's database and never printed.
    Wordpress {
        /// The site's address, e.g. https://news.example.org/
        #[arg(long)]
        url: String,
        /// The WordPress user the desk publishes as (Editor or Author role).
        #[arg(long)]
        user: String,
        /// Keep the application password saved before instead of asking for one.
        #[arg(long)]
        keep_password: bool,
    },
}

/// The window of a calendar or an export, in the desk's zone.
#[derive(Debug, Args)]
pub struct WindowArgs {
    /// From this date or time (desk's time zone) [default: today, 00:00].
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Up to, not including, this date or time; a bare date means its 00:00 [default: 31 days
    /// after --from].
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// Pieces scheduled or published in the window, in time order (a piece sharing its
    /// section's slot with another is marked), then the sections' free slots.
    List {
        #[command(flatten)]
        window: WindowArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum JobsCommand {
    /// The publishing jobs, latest due first.
    List {
        /// Only jobs in this state: pending, running, done, failed or cancelled.
        #[arg(long)]
        state: Option<String>,
        #[command(flatten)]
        page: PageArgs,
    },
    /// Make a failed job due again now (a publication not before its own time); the next
    /// `publish-due` carries it out.
    Retry {
        #[arg(value_name = "JOB_ID")]
        job: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum SiteCommand {
    /// Write the whole site again from the desk: every published piece, contributor pages,
    /// the front page, the feeds and the sitemap.
    Build,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The publication calendar as an iCalendar file (times in UTC), written to FILE whole or
    /// not at all; an existing FILE is replaced.
    Ics {
        file: PathBuf,
        #[command(flatten)]
        window: WindowArgs,
    },
}
