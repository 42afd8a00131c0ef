//! People who write: staff and guests, with their bios and the history of those bios.

use chrono::{DateTime, Utc};

use crate::error::Result;
use crate::model::{BioVersion, Contributor, ContributorKind};

/// The stored form of a contributor, as the engine has validated it.
pub(crate) struct ContributorRow<'a> {
    pub id: &'a str,
    pub display_name: &'a str,
    pub sort_name: &'a str,
    /// The sort name folded (`text::fold`): what lists order by.
    pub sort_key: &'a str,
    pub name_key: &'a str,
    pub email: Option<&'a str>,
    pub affiliation: &'a str,
    pub kind: ContributorKind,
    pub bio: &'a str,
    pub links: &'a [String],
    pub private_notes: &'a str,
    pub at: DateTime<Utc>,
}

pub(crate) trait Contributors {
    fn insert(&self, c: &ContributorRow) -> Result<i64>;

    fn update(&self, pk: i64, c: &ContributorRow) -> Result<()>;

    fn get_by_pk(&self, pk: i64) -> Result<Option<(i64, Contributor)>>;

    fn get_by_id(&self, id: &str) -> Result<Option<(i64, Contributor)>>;

    fn get_by_email(&self, email: &str) -> Result<Option<(i64, Contributor)>>;

    /// Contributors whose folded name equals `name_key`, then those whose folded name starts with it.
    fn find_by_name_key(&self, name_key: &str, limit: i64) -> Result<Vec<(i64, Contributor)>>;

    /// One page of the directory in sort-name order, after the (sort name, pk) key given.
    fn list(&self, after: Option<(&str, i64)>, limit: i64) -> Result<Vec<(i64, Contributor)>>;

    fn add_bio_history(
        &self,
        pk: i64,
        old_bio: &str,
        at: DateTime<Utc>,
        by_user_pk: Option<i64>,
    ) -> Result<()>;

    /// Earlier bios, newest first.
    fn list_bio_history(&self, pk: i64) -> Result<Vec<BioVersion>>;

    fn count_articles(&self, pk: i64) -> Result<i64>;

    fn delete(&self, pk: i64) -> Result<()>;

    /// Moves every byline of `from` to `into`; where both sign one article, `into` keeps its place.
    /// Returns the articles whose byline changed.
    fn move_bylines(&self, from: i64, into: i64) -> Result<Vec<i64>>;

    /// The articles on which this contributor's byline prints their current bio (not frozen).
    fn articles_following_bio(&self, pk: i64) -> Result<Vec<i64>>;

    fn articles_of(&self, pk: i64) -> Result<Vec<i64>>;
}
