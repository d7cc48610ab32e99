//! `roster init [DIR]`: a new workspace from the built-in template, which passes
//! `check --strict` as written.

use super::Ctx;
use crate::error::{Error, Kind, Outcome, Result};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to create the workspace [default: the current folder]
    pub dir: Option<PathBuf>,
}

/// The template's files: (path in the workspace, contents).
pub const TEMPLATE: [(&str, &str); 6] = [
    ("workspace.toml", include_str!("../template/workspace.toml")),
    ("members.toml", include_str!("../template/members.toml")),
    ("clients.toml", include_str!("../template/clients.toml")),
    ("tests.toml", include_str!("../template/tests.toml")),
    ("profiles/admin.toml", include_str!("../template/profiles/admin.toml")),
    ("profiles/member.toml", include_str!("../template/profiles/member.toml")),
];

pub fn cmd_init(ctx: &Ctx, args: InitArgs) -> Result<Outcome> {
    let dir = args.dir.unwrap_or_else(|| ctx.cwd().to_path_buf());
    // Refuse before writing anything, so that no file is left half-made.
    for (name, _) in TEMPLATE {
        let path = dir.join(name);
        if path.exists() {
            return Err(Error::new(
                Kind::Refused,
                "exists",
                format!("`{}` already exists; nothing was written", path.display()),
            )
            .hint("choose an empty folder: `roster init NEW_DIR`"));
        }
    }
    std::fs::create_dir_all(dir.join("profiles"))
        .map_err(|e| Error::io(format!("cannot create `{}`", dir.display()), &e))?;
    for (name, text) in TEMPLATE {
        let path = dir.join(name);
        let mut file = std::fs::File::create_new(&path)
            .map_err(|e| Error::io(format!("cannot create `{}`", path.display()), &e))?;
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|e| Error::io(format!("cannot write `{}`", path.display()), &e))?;
    }
    if !ctx.quiet {
        let shown = dir.display();
        ctx.print(&format!(
            "created a workspace in `{shown}`: {}\nnext: edit members.toml (the owner is `owner`), then run `roster -w {shown} check`\n",
            TEMPLATE.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
        ))?;
    }
    Ok(Outcome::Success)
}
