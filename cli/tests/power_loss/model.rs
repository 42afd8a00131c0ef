//! What a disk holds after a power cut, rebuilt from the records `powercut.c` wrote.
//!
//! A cut after record `k` keeps every write a completed sync covered (one recorded before that
//! sync's BEGIN, its END before `k`) and, depending on the [`Loss`], none, all or any part of the
//! writes no sync covered yet. A file created, removed or renamed is in the folder for sure only
//! once a sync of the folder covered it; after that, changes to the folder survive in order, up to
//! any point.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

const MAGIC: u32 = 0x5455_4350;
const HEADER: usize = 40;
/// The unit a disk writes whole: a write cut short keeps some of its sectors.
pub const SECTOR: u64 = 512;
/// A record the test itself appends: a save the CLI confirmed (its text in `name`).
pub const CONFIRM: u8 = 11;
/// A file's whole content, recorded as it was about to be removed.
const CHECK: u8 = 12;

#[derive(Debug, Clone)]
pub enum Op {
    Create {
        name: String,
        ino: u64,
    },
    Write {
        ino: u64,
        at: u64,
        data: Range<usize>,
    },
    Truncate {
        ino: u64,
        len: u64,
    },
    SyncBegin {
        ino: u64,
        id: u64,
    },
    SyncEnd {
        id: u64,
    },
    Unlink {
        name: String,
    },
    Rename {
        from: String,
        to: String,
    },
    FolderSyncBegin {
        id: u64,
    },
    FolderSyncEnd {
        id: u64,
    },
    Unsupported {
        what: String,
    },
    Confirm {
        what: String,
    },
    Check {
        name: String,
        data: Range<usize>,
    },
}

pub struct Log {
    pub bytes: Vec<u8>,
    pub ops: Vec<Op>,
}

/// What the disk does with the writes no sync covered when the power goes.
#[derive(Debug, Clone, Copy)]
pub enum Loss {
    /// Every one is lost (the model: writes after the last sync are dropped).
    AllUnsynced,
    /// Any of them may have reached the disk, in part (whole sectors) or not at all.
    Some(u64),
    /// All of them reached it: the disk as the processes left it (the model's self-check).
    Nothing,
    /// A disk that acknowledges syncs without writing: nothing after the start survives.
    /// Used to show the checks catch a lost save.
    SyncsIgnored,
    /// Syncs of the write-ahead logs acknowledged without writing, the rest honoured: what a
    /// desk with `synchronous = NORMAL` risks. Used to show a lost commit is seen.
    LogSyncsIgnored,
}

/// A small seeded generator: the cuts are repeatable from the seed a failure prints.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub fn coin(&mut self) -> bool {
        self.next() & 1 == 1
    }
}

fn u16_at(b: &[u8], i: usize) -> u16 {
    u16::from_le_bytes([b[i], b[i + 1]])
}
fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(b[i..i + 4].try_into().expect("4 bytes"))
}
fn u64_at(b: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"))
}

/// One record in the shim's layout, for the test's own CONFIRM records.
pub fn encode(op: u8, name: &str, ino: u64, a: u64, data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + name.len() + data.len());
    out.extend_from_slice(&MAGIC.to_le_bytes());
    out.push(op);
    out.push(0);
    out.extend_from_slice(&(name.len() as u16).to_le_bytes());
    out.extend_from_slice(&std::process::id().to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&ino.to_le_bytes());
    out.extend_from_slice(&a.to_le_bytes());
    out.extend_from_slice(&(data.len() as u64).to_le_bytes());
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(data);
    out
}

impl Log {
    /// Reads the records; a last record cut short (its writer killed mid-append) is left out.
    pub fn parse(bytes: Vec<u8>) -> Result<Log, String> {
        let mut ops = Vec::new();
        let mut i = 0;
        while i + HEADER <= bytes.len() {
            if u32_at(&bytes, i) != MAGIC {
                return Err(format!("record at byte {i}: bad magic"));
            }
            let op = bytes[i + 4];
            let name_len = usize::from(u16_at(&bytes, i + 6));
            let ino = u64_at(&bytes, i + 16);
            let a = u64_at(&bytes, i + 24);
            let data_len = usize::try_from(u64_at(&bytes, i + 32)).map_err(|e| e.to_string())?;
            let name_at = i + HEADER;
            let data_at = name_at + name_len;
            let end = data_at + data_len;
            if end > bytes.len() {
                break;
            }
            let name = String::from_utf8_lossy(&bytes[name_at..data_at]).into_owned();
            ops.push(match op {
                1 => Op::Create { name, ino },
                2 => Op::Write {
                    ino,
                    at: a,
                    data: data_at..end,
                },
                3 => Op::Truncate { ino, len: a },
                4 => Op::SyncBegin { ino, id: a },
                5 => Op::SyncEnd { id: a },
                6 => Op::Unlink { name },
                7 => {
                    let (from, to) = name.split_once('\0').ok_or("rename without two names")?;
                    Op::Rename {
                        from: from.to_string(),
                        to: to.to_string(),
                    }
                }
                8 => Op::FolderSyncBegin { id: a },
                9 => Op::FolderSyncEnd { id: a },
                10 => Op::Unsupported { what: name },
                CONFIRM => Op::Confirm { what: name },
                CHECK => Op::Check {
                    name,
                    data: data_at..end,
                },
                other => return Err(format!("record at byte {i}: unknown op {other}")),
            });
            i = end;
        }
        Ok(Log { bytes, ops })
    }
}

/// A file as the disk knows it: one life of an inode, from its creation (or the start) on.
struct Incarnation {
    /// A write-ahead log (its syncs are what `Loss::LogSyncsIgnored` ignores).
    log: bool,
    start: Vec<u8>,
    changes: Vec<(usize, Change)>,
    /// Where each completed sync of it began: the changes recorded before are on the disk.
    synced_before: Vec<usize>,
}

#[derive(Clone)]
enum Change {
    Write { at: u64, data: Range<usize> },
    Truncate { len: u64 },
}

enum FolderChange {
    Link(String, usize),
    Unlink(String),
    Rename(String, String),
}

/// The files at the start (name, inode, bytes), then the log: the folder's files after a cut
/// after `cut` records, under `loss`.
pub fn after_cut(
    start: &[(String, u64, Vec<u8>)],
    log: &Log,
    cut: usize,
    loss: Loss,
) -> Result<BTreeMap<String, Vec<u8>>, String> {
    let mut lives: Vec<Incarnation> = Vec::new();
    let mut current: HashMap<u64, usize> = HashMap::new();
    let mut linked: HashMap<String, usize> = HashMap::new();
    let mut at_start: BTreeMap<String, usize> = BTreeMap::new();
    for (name, ino, bytes) in start {
        lives.push(Incarnation {
            log: name.ends_with("-wal"),
            start: bytes.clone(),
            changes: Vec::new(),
            synced_before: Vec::new(),
        });
        current.insert(*ino, lives.len() - 1);
        linked.insert(name.clone(), lives.len() - 1);
        at_start.insert(name.clone(), lives.len() - 1);
    }
    let mut folder: Vec<(usize, FolderChange)> = Vec::new();
    let mut folder_synced_before: Vec<usize> = Vec::new();
    let mut begun: HashMap<u64, (usize, usize)> = HashMap::new();
    let mut folder_begun: HashMap<u64, usize> = HashMap::new();
    let life_of = |current: &HashMap<u64, usize>, ino: u64, i: usize| {
        current
            .get(&ino)
            .copied()
            .ok_or(format!("record {i}: a file the log never opened"))
    };
    for (i, op) in log.ops[..cut].iter().enumerate() {
        match op {
            Op::Create { name, ino } => {
                // Two openers can both see the file missing; the second created nothing.
                if current
                    .get(ino)
                    .is_some_and(|l| linked.get(name) == Some(l))
                {
                    continue;
                }
                lives.push(Incarnation {
                    log: name.ends_with("-wal"),
                    start: Vec::new(),
                    changes: Vec::new(),
                    synced_before: Vec::new(),
                });
                let life = lives.len() - 1;
                current.insert(*ino, life);
                linked.insert(name.clone(), life);
                folder.push((i, FolderChange::Link(name.clone(), life)));
            }
            Op::Write { ino, at, data } => {
                let life = life_of(&current, *ino, i)?;
                lives[life].changes.push((
                    i,
                    Change::Write {
                        at: *at,
                        data: data.clone(),
                    },
                ));
            }
            Op::Truncate { ino, len } => {
                let life = life_of(&current, *ino, i)?;
                lives[life]
                    .changes
                    .push((i, Change::Truncate { len: *len }));
            }
            Op::SyncBegin { ino, id } => {
                begun.insert(*id, (i, life_of(&current, *ino, i)?));
            }
            Op::SyncEnd { id } => {
                let (began, life) = begun
                    .remove(id)
                    .ok_or(format!("record {i}: a sync never begun"))?;
                lives[life].synced_before.push(began);
            }
            Op::Unlink { name } => {
                linked.remove(name);
                folder.push((i, FolderChange::Unlink(name.clone())));
            }
            Op::Rename { from, to } => {
                if let Some(life) = linked.remove(from) {
                    linked.insert(to.clone(), life);
                }
                folder.push((i, FolderChange::Rename(from.clone(), to.clone())));
            }
            Op::FolderSyncBegin { id } => {
                folder_begun.insert(*id, i);
            }
            Op::FolderSyncEnd { id } => {
                let began = folder_begun
                    .remove(id)
                    .ok_or(format!("record {i}: a folder sync never begun"))?;
                folder_synced_before.push(began);
            }
            Op::Unsupported { what } => {
                return Err(format!(
                    "record {i}: {what} on a watched file is not modelled"
                ));
            }
            Op::Confirm { .. } | Op::Check { .. } => {}
        }
    }

    let mut rng = Rng::new(match loss {
        Loss::Some(seed) => seed,
        _ => 0,
    });
    let durable_up_to = |points: &[usize]| match loss {
        Loss::SyncsIgnored => 0,
        _ => points.iter().copied().max().unwrap_or(0),
    };

    let mut names = at_start;
    let folder_point = durable_up_to(&folder_synced_before);
    let pending: Vec<&FolderChange> = folder
        .iter()
        .filter(|(i, _)| *i >= folder_point)
        .map(|(_, c)| c)
        .collect();
    let kept = match loss {
        Loss::AllUnsynced | Loss::SyncsIgnored | Loss::LogSyncsIgnored => 0,
        Loss::Nothing => pending.len(),
        Loss::Some(_) => rng.below(pending.len() as u64 + 1) as usize,
    };
    let durable = folder
        .iter()
        .filter(|(i, _)| *i < folder_point)
        .map(|(_, c)| c);
    for change in durable.chain(pending.into_iter().take(kept)) {
        match change {
            FolderChange::Link(name, life) => {
                names.insert(name.clone(), *life);
            }
            FolderChange::Unlink(name) => {
                names.remove(name);
            }
            FolderChange::Rename(from, to) => {
                if let Some(life) = names.remove(from) {
                    names.insert(to.clone(), life);
                }
            }
        }
    }

    let mut files = BTreeMap::new();
    for (name, life) in names {
        let life = &lives[life];
        let point = match loss {
            Loss::LogSyncsIgnored if life.log => 0,
            _ => durable_up_to(&life.synced_before),
        };
        let mut bytes = life.start.clone();
        for (i, change) in &life.changes {
            let on_disk = *i < point
                || match loss {
                    Loss::AllUnsynced | Loss::SyncsIgnored | Loss::LogSyncsIgnored => false,
                    Loss::Nothing => true,
                    Loss::Some(_) => rng.coin(),
                };
            if !on_disk {
                continue;
            }
            let torn = *i >= point && matches!(loss, Loss::Some(_)) && rng.below(4) == 0;
            apply(&mut bytes, change, &log.bytes, torn.then_some(&mut rng));
        }
        files.insert(name, bytes);
    }
    Ok(files)
}

/// The model's self-check: wherever the shim recorded a file's content as it was about to be
/// removed, the records before it rebuild exactly that content. Answers how many were checked.
pub fn removed_files_match(start: &[(String, u64, Vec<u8>)], log: &Log) -> Result<usize, String> {
    let mut checked = 0;
    for (i, op) in log.ops.iter().enumerate() {
        if let Op::Check { name, data } = op {
            let files = after_cut(start, log, i, Loss::Nothing)?;
            let rebuilt = files.get(name).map(Vec::as_slice).unwrap_or_default();
            if rebuilt != &log.bytes[data.clone()] {
                return Err(format!(
                    "record {i}: {name} rebuilt as {} bytes, on disk {} bytes, not the same",
                    rebuilt.len(),
                    data.len()
                ));
            }
            checked += 1;
        }
    }
    Ok(checked)
}

/// Applies one change; a torn write keeps only some of its sectors.
fn apply(bytes: &mut Vec<u8>, change: &Change, log: &[u8], torn: Option<&mut Rng>) {
    match change {
        Change::Truncate { len } => bytes.resize(*len as usize, 0),
        Change::Write { at, data } => {
            let data = &log[data.clone()];
            let mut pieces: Vec<(u64, &[u8])> = Vec::new();
            let mut offset = *at;
            let mut rest = data;
            while !rest.is_empty() {
                let room = (SECTOR - offset % SECTOR) as usize;
                let (piece, more) = rest.split_at(room.min(rest.len()));
                pieces.push((offset, piece));
                offset += piece.len() as u64;
                rest = more;
            }
            let mut torn = torn;
            for (offset, piece) in pieces {
                if torn.as_deref_mut().is_some_and(|rng| !rng.coin()) {
                    continue;
                }
                let start = offset as usize;
                if bytes.len() < start + piece.len() {
                    bytes.resize(start + piece.len(), 0);
                }
                bytes[start..start + piece.len()].copy_from_slice(piece);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INO: u64 = 7;

    /// A log built by hand: each entry one record in the shim's layout.
    fn log(records: &[(u8, &str, u64, u64, &[u8])]) -> Log {
        let bytes = records
            .iter()
            .flat_map(|(op, name, ino, a, data)| encode(*op, name, *ino, *a, data))
            .collect();
        Log::parse(bytes).expect("parses")
    }

    fn start() -> Vec<(String, u64, Vec<u8>)> {
        vec![("desk.db".to_string(), INO, vec![b'.'; 1024])]
    }

    fn file(files: &BTreeMap<String, Vec<u8>>) -> &[u8] {
        files.get("desk.db").expect("the file")
    }

    #[test]
    fn a_synced_write_stays_and_one_after_the_sync_is_lost() {
        let l = log(&[
            (2, "", INO, 0, b"AAAA"),
            (4, "", INO, 1, b""),
            (5, "", INO, 1, b""),
            (2, "", INO, 4, b"BBBB"),
        ]);
        let lost = after_cut(&start(), &l, 4, Loss::AllUnsynced).expect("model");
        assert_eq!(&file(&lost)[..8], b"AAAA....");
        let kept = after_cut(&start(), &l, 4, Loss::Nothing).expect("model");
        assert_eq!(&file(&kept)[..8], b"AAAABBBB");
        let ignored = after_cut(&start(), &l, 4, Loss::SyncsIgnored).expect("model");
        assert_eq!(&file(&ignored)[..8], b"........");
    }

    #[test]
    fn a_sync_counts_once_it_ends_and_covers_only_what_was_written_before_it_began() {
        let l = log(&[
            (2, "", INO, 0, b"AAAA"),
            (4, "", INO, 1, b""),
            (2, "", INO, 4, b"BBBB"),
            (5, "", INO, 1, b""),
        ]);
        let mid_sync = after_cut(&start(), &l, 3, Loss::AllUnsynced).expect("model");
        assert_eq!(&file(&mid_sync)[..8], b"........");
        let after = after_cut(&start(), &l, 4, Loss::AllUnsynced).expect("model");
        assert_eq!(&file(&after)[..8], b"AAAA....");
    }

    #[test]
    fn a_new_file_is_there_for_sure_only_once_its_folder_is_synced() {
        let l = log(&[
            (1, "desk.db-wal", 9, 0, b""),
            (2, "", 9, 0, b"WAL!"),
            (4, "", 9, 2, b""),
            (5, "", 9, 2, b""),
            (8, "", 0, 3, b""),
            (9, "", 0, 3, b""),
            (6, "desk.db-wal", 0, 0, b""),
        ]);
        let before = after_cut(&start(), &l, 4, Loss::AllUnsynced).expect("model");
        assert!(!before.contains_key("desk.db-wal"));
        let synced = after_cut(&start(), &l, 6, Loss::AllUnsynced).expect("model");
        assert_eq!(
            synced.get("desk.db-wal").map(Vec::as_slice),
            Some(&b"WAL!"[..])
        );
        // Removed but the folder not synced since: it may come back.
        let removed = after_cut(&start(), &l, 7, Loss::AllUnsynced).expect("model");
        assert!(removed.contains_key("desk.db-wal"));
        let removed = after_cut(&start(), &l, 7, Loss::Nothing).expect("model");
        assert!(!removed.contains_key("desk.db-wal"));
    }

    #[test]
    fn a_torn_write_keeps_whole_sectors_of_old_or_new() {
        let new = vec![b'N'; 4096];
        let l = log(&[(2, "", INO, 0, &new)]);
        let start = vec![("desk.db".to_string(), INO, vec![b'.'; 4096])];
        let mut kinds = std::collections::BTreeSet::new();
        for seed in 0..64 {
            let files = after_cut(&start, &l, 1, Loss::Some(seed)).expect("model");
            let bytes = file(&files);
            assert_eq!(bytes.len(), 4096);
            for sector in bytes.chunks(SECTOR as usize) {
                assert!(
                    sector.iter().all(|b| *b == sector[0]),
                    "a sector mixes old and new bytes"
                );
            }
            let new_sectors = bytes
                .chunks(SECTOR as usize)
                .filter(|s| s[0] == b'N')
                .count();
            kinds.insert(match new_sectors {
                0 => "none",
                8 => "all",
                _ => "part",
            });
        }
        assert_eq!(
            kinds.len(),
            3,
            "over 64 seeds a write is lost, kept and torn: {kinds:?}"
        );
    }

    #[test]
    fn a_record_cut_short_is_left_out_and_an_unmodelled_call_is_an_error() {
        let mut bytes = encode(2, "", INO, 0, b"AAAA");
        bytes.extend_from_slice(&encode(2, "", INO, 4, b"BBBB")[..30]);
        assert_eq!(Log::parse(bytes).expect("parses").ops.len(), 1);
        let l = log(&[(10, "writev", INO, 0, b"")]);
        assert!(after_cut(&start(), &l, 1, Loss::AllUnsynced).is_err());
    }
}
