//! Ctrl-C and SIGTERM during a command that writes a file or imports: the temporary output
//! file is removed, one line says nothing was written (or imported), and the exit status is 130.

use super::CliError;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once, PoisonError};

/// What the interrupted command was doing, for its last line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    Export,
    Import,
}

struct State {
    work: Option<Work>,
    /// Temporary output files not yet renamed into place: removed on a signal.
    temps: Vec<PathBuf>,
    /// The file was renamed into place, or the import committed.
    done: bool,
}

static STATE: Mutex<State> = Mutex::new(State {
    work: None,
    temps: Vec::new(),
    done: false,
});

fn state() -> MutexGuard<'static, State> {
    STATE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Catches Ctrl-C and SIGTERM for the rest of the process, which is doing `work`.
pub fn install(work: Work) {
    state().work = Some(work);
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        if let Err(e) = ctrlc::set_handler(on_signal) {
            eprintln!("note: Ctrl-C will not be caught ({e})");
        }
    });
}

/// The work is done (the import committed): a later signal says so instead.
pub fn completed() {
    state().done = true;
}

/// Runs on the handler's thread. It waits for the lock, so a temporary file is never caught
/// half registered or half renamed. Exiting while the main thread is inside an import's
/// transaction commits nothing: SQLite ignores (and later rolls back) what was not committed,
/// PostgreSQL aborts the transaction of a connection that goes away.
fn on_signal() {
    let mut s = state();
    for temp in s.temps.drain(..) {
        // Already gone is fine; anything else cannot be helped at this point.
        let _ = std::fs::remove_file(temp);
    }
    let line = match (s.work, s.done) {
        (Some(Work::Import), false) => "interrupted; nothing was imported",
        (Some(Work::Import), true) => "interrupted after the import was committed",
        (_, false) => "interrupted; nothing was written",
        (_, true) => "interrupted after the output file was written",
    };
    let mut err = std::io::stderr().lock();
    if err.is_terminal() {
        // Clears the progress bar's line.
        let _ = write!(err, "\r\x1b[2K");
    }
    let _ = writeln!(err, "{line}");
    drop(err);
    std::process::exit(130);
}

/// A temporary sibling of an output file, registered so that a signal removes it, until
/// [`TempOutput::finish`] renames it into place (dropped unfinished, it is removed).
pub struct TempOutput {
    file: Option<tempfile::NamedTempFile>,
    target: PathBuf,
}

impl TempOutput {
    /// Creates the temporary file next to `target` (checking early that it can be written).
    pub fn create(target: &Path) -> Result<TempOutput, CliError> {
        if target.file_name().is_none() {
            return Err(CliError::Usage(format!(
                "--output {}: not a file path",
                target.display()
            )));
        }
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        // The usual mode of a new file, 0666 less the umask, as `File::create` gives: the
        // kernel applies the umask to the mode asked for (tempfile alone would ask for 0600).
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        // Created and registered under the lock: a signal sees both or neither.
        let mut s = state();
        let file = builder
            .tempfile_in(dir)
            .map_err(|source| write_error(target, source))?;
        s.temps.push(file.path().to_owned());
        Ok(TempOutput {
            file: Some(file),
            target: target.to_owned(),
        })
    }

    /// Writes `bytes`, syncs them and renames the file into place.
    pub fn finish(mut self, bytes: &[u8]) -> Result<(), CliError> {
        let target = self.target.clone();
        let err = |source| write_error(&target, source);
        let Some(mut file) = self.file.take() else {
            return Ok(());
        };
        file.write_all(bytes).map_err(err)?;
        file.as_file().sync_all().map_err(err)?;
        let temp = file.path().to_owned();
        let mut s = state();
        s.temps.retain(|t| *t != temp);
        match file.persist(&target) {
            Ok(_) => {
                s.done = true;
                Ok(())
            }
            // Dropping the returned file removes it.
            Err(e) => Err(err(e.error)),
        }
    }
}

impl Drop for TempOutput {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let mut s = state();
            s.temps.retain(|t| t != file.path());
            drop(file);
        }
    }
}

fn write_error(target: &Path, source: std::io::Error) -> CliError {
    CliError::Write {
        path: target.display().to_string(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_file_is_registered_until_renamed_or_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        let temp = TempOutput::create(&target).unwrap();
        let path = temp.file.as_ref().unwrap().path().to_owned();
        assert!(state().temps.contains(&path));
        temp.finish(b"a,b\n").unwrap();
        assert!(!state().temps.contains(&path));
        assert_eq!(std::fs::read(&target).unwrap(), b"a,b\n");

        let dropped = TempOutput::create(&dir.path().join("other.csv")).unwrap();
        let path = dropped.file.as_ref().unwrap().path().to_owned();
        drop(dropped);
        assert!(!state().temps.contains(&path));
        assert!(!path.exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
