//! Progress on stderr for long work (reading a large workspace, its rules, a
//! batch's lines, an import's rows, a change's validation and write): drawn
//! only when stderr is a terminal and `-q` is not given, never into a pipe or
//! a CI log.
//!
//! The work says where it is with [`phase`] and [`set`], from wherever it
//! runs (the loader, the rules, a command), without a handle passed down: the
//! one bar is the process's. Unless [`enable`] was called, every call is one
//! relaxed atomic load, so the work pays nothing in a pipe (nor in the
//! benchmark). When enabled, the bar is drawn only once the work has taken
//! [`DELAY`], so a command on a small workspace never flashes one, and it is
//! cleared ([`clear`]) before anything else is printed.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long work runs before its bar is drawn.
pub const DELAY: Duration = Duration::from_millis(300);

static ENABLED: AtomicBool = AtomicBool::new(false);
static BAR: Mutex<Option<ProgressBar>> = Mutex::new(None);

/// What a phase counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Nothing: a spinner and the message.
    None,
    /// Bytes of a file.
    Bytes,
    /// Lines of a batch, rows of an import.
    Items,
}

/// Turns progress on for this process: `roster` calls it once, with whether
/// stderr is a terminal and `-q` was not given.
pub fn enable(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// Whether stderr should get a bar: a terminal, and no `-q`.
pub fn wanted(quiet: bool) -> bool {
    use std::io::IsTerminal;
    !quiet && std::io::stderr().is_terminal()
}

/// Starts a phase of the work: `message`, and how many `unit`s it has (`len`).
pub fn phase(message: impl Into<String>, len: u64, unit: Unit) {
    if !ENABLED.load(Ordering::Relaxed) {
        return;
    }
    let mut bar = lock();
    let bar = bar.get_or_insert_with(start);
    bar.set_style(style(unit));
    bar.set_length(len);
    bar.set_position(0);
    bar.set_message(message.into());
}

/// Moves the bar on by `delta` (work done on several threads at once).
pub fn advance(delta: u64) {
    if !ENABLED.load(Ordering::Relaxed) {
        return;
    }
    if let Some(bar) = lock().as_ref() {
        bar.inc(delta);
    }
}

/// How far the phase is. Cheap enough to call every few items; callers of a
/// tight loop call it every hundred or so.
pub fn set(position: u64) {
    if !ENABLED.load(Ordering::Relaxed) {
        return;
    }
    if let Some(bar) = lock().as_ref() {
        bar.set_position(position);
    }
}

/// Removes the bar from the terminal (before output, an error, or at the end).
pub fn clear() {
    if !ENABLED.load(Ordering::Relaxed) {
        return;
    }
    if let Some(bar) = lock().take() {
        bar.finish_and_clear();
    }
}

fn lock() -> std::sync::MutexGuard<'static, Option<ProgressBar>> {
    // A panic while holding it leaves nothing half-done worth refusing.
    BAR.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A bar drawn nowhere yet; a thread draws it on stderr once the work has
/// taken [`DELAY`], unless it was cleared by then.
fn start() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
    std::thread::spawn(|| {
        std::thread::sleep(DELAY);
        if let Some(bar) = lock().as_ref() {
            bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(10));
            bar.enable_steady_tick(Duration::from_millis(100));
        }
    });
    bar
}

fn style(unit: Unit) -> ProgressStyle {
    let template = match unit {
        Unit::None => "{spinner} {msg}",
        Unit::Bytes => "{spinner} {msg} [{bar:30}] {binary_bytes}/{binary_total_bytes}",
        Unit::Items => "{spinner} {msg} [{bar:30}] {human_pos}/{human_len}",
    };
    ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_spinner()).progress_chars("=> ")
}
