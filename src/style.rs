//! How output looks on its stream: colour (on only when asked, or when the
//! stream is a terminal and `NO_COLOR` is unset), and the width tables fit.

use anstyle::{AnsiColor, Style};
use std::io::IsTerminal;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// Paints text, or leaves it plain; and says how wide a table may be.
#[derive(Clone, Copy, Debug)]
pub struct Paint {
    pub enabled: bool,
    /// The columns a table should fit in (`render::Records::table` shortens
    /// free text to fit, then lets the table be wider): the terminal's width,
    /// else `COLUMNS`; `None` for a pipe without `COLUMNS` (nothing is shortened).
    pub width: Option<usize>,
}

impl Paint {
    pub fn plain() -> Paint {
        Paint { enabled: false, width: None }
    }

    /// Plain, for tables that must fit in `width` columns (tests).
    pub fn plain_width(width: usize) -> Paint {
        Paint { enabled: false, width: Some(width) }
    }

    pub fn for_stdout(choice: ColorChoice) -> Paint {
        let terminal = std::io::stdout().is_terminal();
        Paint { width: table_width(terminal), ..Paint::decide(choice, terminal) }
    }

    pub fn for_stderr(choice: ColorChoice) -> Paint {
        Paint::decide(choice, std::io::stderr().is_terminal())
    }

    fn decide(choice: ColorChoice, terminal: bool) -> Paint {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Paint {
            enabled: match choice {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => terminal && !no_color,
            },
            width: None,
        }
    }

    pub fn apply(&self, style: Style, text: &str) -> String {
        if self.enabled { format!("{}{text}{}", style.render(), style.render_reset()) } else { text.to_string() }
    }

    pub fn error(&self) -> Style {
        Style::new().bold().fg_color(Some(AnsiColor::Red.into()))
    }
    pub fn warning(&self) -> Style {
        Style::new().bold().fg_color(Some(AnsiColor::Yellow.into()))
    }
    pub fn ok(&self) -> Style {
        Style::new().bold().fg_color(Some(AnsiColor::Green.into()))
    }
    pub fn accent(&self) -> Style {
        Style::new().bold().fg_color(Some(AnsiColor::Blue.into()))
    }
    pub fn bold(&self) -> Style {
        Style::new().bold()
    }
}

/// The width of stdout for tables: the terminal's own when stdout is one (as
/// clap does for help), else the `COLUMNS` variable when it holds a number
/// (`COLUMNS=80 roster member list | less`), else none.
fn table_width(terminal: bool) -> Option<usize> {
    // comfy-table asks the terminal (through crossterm) when stdout is one.
    let measured = if terminal { comfy_table::Table::new().width().map(usize::from) } else { None };
    measured
        .filter(|&w| w > 0)
        .or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<usize>().ok()).filter(|&w| w > 0))
}
