//! Colour for terminals: on only when asked, or when the stream is a terminal
//! and `NO_COLOR` is unset.

use anstyle::{AnsiColor, Style};
use std::io::IsTerminal;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// Paints text, or leaves it plain.
#[derive(Clone, Copy, Debug)]
pub struct Paint {
    pub enabled: bool,
}

impl Paint {
    pub fn plain() -> Paint {
        Paint { enabled: false }
    }

    pub fn for_stdout(choice: ColorChoice) -> Paint {
        Paint::decide(choice, std::io::stdout().is_terminal())
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
