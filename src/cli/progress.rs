//! What a long command is doing, on standard error: a bar (step, done of total) where the work
//! can be counted, a spinner where it cannot; drawn only when standard error is a terminal.
//! `TRUSTKB_PROGRESS=lines` prints each new step as a plain line instead (logs, tests).

use crate::store::pack::progress::ImportProgress;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// A running step shown to the person at the terminal; cleared when dropped.
pub struct Progress {
    bar: ProgressBar,
    /// The step shown, and whether it is counted (a bar) rather than a spinner.
    step: (String, bool),
    /// Print each new step as a line on standard error (`TRUSTKB_PROGRESS=lines`).
    lines: bool,
}

impl Progress {
    /// Starts showing `step` with a spinner.
    pub fn start(step: &str) -> Progress {
        let target = if std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(None, target);
        bar.enable_steady_tick(Duration::from_millis(120));
        let lines = std::env::var("TRUSTKB_PROGRESS").is_ok_and(|v| v == "lines");
        let mut progress = Progress {
            bar,
            step: (String::new(), true),
            lines,
        };
        progress.step(step);
        progress
    }

    /// Moves on to `step`, which cannot be counted: a spinner.
    pub fn step(&mut self, step: &str) {
        self.show(step, None);
    }

    /// Shows `step` with `done` of `total` items; a spinner when `total` is 0 (nothing to count).
    pub fn counted(&mut self, step: &str, done: usize, total: usize) {
        let total = (total > 0).then_some(total as u64);
        self.show(step, total);
        if total.is_some() {
            self.bar.set_position(done as u64);
        }
    }

    fn show(&mut self, step: &str, total: Option<u64>) {
        if self.step.0 == step && self.step.1 == total.is_some() {
            return;
        }
        let template = match total {
            Some(_) => "{msg} [{bar:30}] {pos}/{len} ({elapsed})",
            None => "{spinner} {msg} ({elapsed})",
        };
        // Message and length first: the new style never shows the old step's.
        self.bar.set_message(step.to_owned());
        match total {
            Some(n) => {
                self.bar.set_length(n);
                self.bar.set_position(0);
            }
            None => self.bar.unset_length(),
        }
        if let Ok(style) = ProgressStyle::with_template(template) {
            self.bar.set_style(style.progress_chars("=> "));
        }
        if self.lines {
            match total {
                Some(n) => eprintln!("trustkb: {step} ({n})"),
                None => eprintln!("trustkb: {step}"),
            }
        }
        self.step = (step.to_owned(), total.is_some());
    }
}

impl ImportProgress for Progress {
    fn at(&mut self, step: &'static str, done: usize, total: usize) {
        self.counted(step, done, total);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
