//! One writer or many readers per store, across processes, failing fast.
//!
//! Oxigraph allows one read-write process per store, and opening a store read-only
//! while another process writes it is undefined behaviour. So every process that
//! opens a store first takes an advisory lock on `<store>/cadre.lock`: exclusive for
//! a writer (`ingest`, a writable `serve`), shared for readers (`query`, `export`,
//! `person`, `serve`). The lock is never waited for: a busy store is an error that
//! names who holds it, read from `<store>/cadre.holders/<pid>` files that each
//! holder writes and removes. The operating system drops the lock when a process
//! dies, so a killed `cadre ingest` never leaves the store locked; a stale holder file
//! is ignored once its process is gone.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// Name of the lock file inside a store folder.
const LOCK_FILE: &str = "cadre.lock";
/// Folder of per-process holder descriptions inside a store folder.
const HOLDERS_DIR: &str = "cadre.holders";

/// How a process uses the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Many readers at once, no writer.
    Read,
    /// One writer, no reader.
    Write,
}

/// Why a lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process holds the store in a conflicting mode.
    #[error(
        "the store {store} is in use by {holders}; wait for it to finish or use another --store"
    )]
    Busy {
        /// The store folder.
        store: String,
        /// Who holds it ("cadre ingest (pid 1234, since 2026-11-23T19:04:55Z)").
        holders: String,
    },
    /// The lock file could not be created or locked.
    #[error("locking {path}: {source}")]
    Io {
        /// The file concerned.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// A held lock: released (and the holder file removed) on drop.
#[derive(Debug)]
pub struct StoreLock {
    _file: File,
    holder: PathBuf,
}

impl StoreLock {
    /// Takes the lock of the store in `dir` (created if missing) for `access`, or
    /// fails at once with [`LockError::Busy`] naming the holders.
    pub fn acquire(dir: &Path, access: Access) -> Result<Self, LockError> {
        let io = |path: &Path| {
            let path = path.display().to_string();
            move |source| LockError::Io { path, source }
        };
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let path = dir.join(LOCK_FILE);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io(&path))?;
        let taken = match access {
            Access::Read => file.try_lock_shared(),
            Access::Write => file.try_lock(),
        };
        match taken {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(LockError::Busy {
                    store: dir.display().to_string(),
                    holders: describe_holders(dir),
                })
            }
            Err(TryLockError::Error(e)) => return Err(io(&path)(e)),
        }
        let holders = dir.join(HOLDERS_DIR);
        std::fs::create_dir_all(&holders).map_err(io(&holders))?;
        let holder = holders.join(std::process::id().to_string());
        let mut f = File::create(&holder).map_err(io(&holder))?;
        writeln!(f, "{}", describe_self(access)).map_err(io(&holder))?;
        Ok(Self {
            _file: file,
            holder,
        })
    }
}

impl Drop for StoreLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.holder);
    }
}

/// "cadre ingest (pid 1234, writing, since 1790000000 s after the epoch)".
fn describe_self(access: Access) -> String {
    let args: Vec<String> = std::env::args().collect();
    let program = args
        .first()
        .map(|a| {
            Path::new(a)
                .file_name()
                .map_or(a.clone(), |n| n.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "cadre".into());
    let command = args.get(1).map(String::as_str).unwrap_or("");
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mode = match access {
        Access::Read => "reading",
        Access::Write => "writing",
    };
    format!(
        "{program} {command} (pid {}, {mode}, since {})",
        std::process::id(),
        format_utc(since)
    )
    .replace("  (", " (")
}

/// Joins the descriptions of live holders; "another process" when none is known.
fn describe_holders(dir: &Path) -> String {
    let mut found: Vec<String> = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir.join(HOLDERS_DIR)) {
        for entry in entries.flatten() {
            let alive = entry
                .file_name()
                .to_str()
                .and_then(|n| n.parse::<u32>().ok())
                .is_some_and(process_alive);
            if alive {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    found.push(text.trim().to_string());
                }
            }
        }
    }
    found.sort();
    if found.is_empty() {
        "another process".into()
    } else {
        found.join("; ")
    }
}

/// Whether a process with this id runs (always assumed where /proc is absent).
fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.is_dir() || proc.join(pid.to_string()).exists()
}

/// Seconds since the epoch as `YYYY-MM-DDTHH:MM:SSZ` (civil-from-days, proleptic
/// Gregorian).
fn format_utc(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readers_share_and_a_writer_excludes() {
        let dir = tempfile::tempdir().unwrap();
        let r1 = StoreLock::acquire(dir.path(), Access::Read).unwrap();
        let r2 = StoreLock::acquire(dir.path(), Access::Read).unwrap();
        let err = StoreLock::acquire(dir.path(), Access::Write).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("is in use by"), "{text}");
        assert!(
            text.contains(&format!("pid {}", std::process::id())),
            "{text}"
        );
        assert!(text.contains("reading"), "{text}");
        drop((r1, r2));
        let w = StoreLock::acquire(dir.path(), Access::Write).unwrap();
        let err = StoreLock::acquire(dir.path(), Access::Read).unwrap_err();
        assert!(err.to_string().contains("writing"), "{err}");
        drop(w);
        assert!(StoreLock::acquire(dir.path(), Access::Read).is_ok());
    }

    #[test]
    fn holder_files_are_removed_on_release() {
        let dir = tempfile::tempdir().unwrap();
        drop(StoreLock::acquire(dir.path(), Access::Write).unwrap());
        let left = std::fs::read_dir(dir.path().join(HOLDERS_DIR))
            .unwrap()
            .count();
        assert_eq!(left, 0);
    }

    #[test]
    fn utc_formatting_matches_known_instants() {
        assert_eq!(format_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(format_utc(1_795_460_695), "2026-11-23T19:04:55Z");
    }
}
