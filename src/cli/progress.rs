//! What a long command is doing, on standard error: a spinner with the current step and the
//! time spent, drawn only when standard error is a terminal (scripts and tests see nothing).

use indicatif::{ProgressBar, ProgressStyle};
use std::time::Duration;

/// A running step shown to the person at the terminal; cleared when dropped.
pub struct Progress(ProgressBar);

impl Progress {
    /// Starts showing `step`.
    pub fn start(step: &str) -> Progress {
        let bar = ProgressBar::new_spinner();
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
            bar.set_style(style);
        }
        bar.set_message(step.to_owned());
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress(bar)
    }

    /// Moves on to `step`.
    pub fn step(&self, step: &str) {
        self.0.set_message(step.to_owned());
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}
