//! `roster init [DIR]`: a new workspace from the built-in template, which passes
//! `check --strict` as written, with the JSON Schemas of its files in
//! `.roster/schemas/` and a `.taplo.toml` that maps each file to its schema
//! (editors built on taplo then complete and check the files as they are typed).

use super::Ctx;
use crate::error::{Error, Kind, Outcome, Result};
use crate::json_schema;
use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster init my-practice                 a new workspace in my-practice/
  roster -w my-practice check --strict    the template passes as written"#)]
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

/// The folders the files go in, parents first.
const FOLDERS: [&str; 3] = ["profiles", ".roster", json_schema::WORKSPACE_DIR];

/// Every file `init` writes: (path in the workspace, contents).
fn files() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = TEMPLATE.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
    files.push((".taplo.toml".into(), json_schema::taplo_config("", json_schema::WORKSPACE_DIR)));
    for (name, text) in json_schema::all() {
        files.push((format!("{}/{name}", json_schema::WORKSPACE_DIR), text));
    }
    files
}

pub fn cmd_init(ctx: &Ctx, args: InitArgs) -> Result<Outcome> {
    ctx.refuse_rev("a new workspace")?;
    let dir = args.dir.unwrap_or_else(|| ctx.cwd().to_path_buf());
    let files = files();
    // Every target is checked before anything is written, so that a refusal
    // leaves no file behind; each folder again once it exists.
    for (name, _) in &files {
        refuse_existing(&dir.join(name))?;
    }
    for folder in FOLDERS {
        refuse_folder_outside(&dir, folder)?;
    }
    for folder in FOLDERS {
        std::fs::create_dir_all(dir.join(folder))
            .map_err(|e| Error::io(format!("cannot create `{}`", dir.join(folder).display()), &e))?;
        refuse_folder_outside(&dir, folder)?;
    }
    let mut written = Vec::new();
    for (name, text) in &files {
        let path = dir.join(name);
        // `create_new` never follows a link, not even a dangling one.
        let made = std::fs::File::create_new(&path)
            .map_err(|e| (format!("cannot create `{}`", path.display()), e))
            .and_then(|mut file| {
                written.push(path.clone());
                file.write_all(text.as_bytes())
                    .and_then(|()| file.sync_all())
                    .map_err(|e| (format!("cannot write `{}`", path.display()), e))
            });
        if let Err((what, e)) = made {
            // All or nothing: the files already made are removed again.
            for made in &written {
                let _ = std::fs::remove_file(made);
            }
            return Err(Error::io(what, &e).hint("nothing was kept; fix the cause, then run `roster init` again"));
        }
    }
    if !ctx.quiet {
        let shown = dir.display();
        ctx.print(&format!(
            "created a workspace in `{shown}`: {}, and .taplo.toml with the files' JSON Schemas in {} (for editors)\nnext: edit members.toml (the owner is `owner`), then run `roster -w {shown} check`\n",
            TEMPLATE.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", "),
            json_schema::WORKSPACE_DIR
        ))?;
    }
    Ok(Outcome::Success)
}

/// Refuses a name that holds anything, a link (even a dangling one) included.
fn refuse_existing(path: &Path) -> Result<()> {
    let Ok(meta) = std::fs::symlink_metadata(path) else { return Ok(()) };
    let what = match std::fs::read_link(path) {
        Ok(to) if meta.file_type().is_symlink() => format!(" (a link to `{}`)", to.display()),
        _ => String::new(),
    };
    Err(Error::new(Kind::Refused, "exists", format!("`{}` already exists{what}; nothing was written", path.display()))
        .hint("choose an empty folder: `roster init NEW_DIR`"))
}

/// Refuses a folder of the workspace (`profiles`, `.roster/schemas`) that is
/// a link leading outside `dir` (or to nothing): the files would be written there.
fn refuse_folder_outside(dir: &Path, name: &str) -> Result<()> {
    let folder = dir.join(name);
    let Ok(meta) = std::fs::symlink_metadata(&folder) else { return Ok(()) };
    if meta.is_dir() {
        return Ok(());
    }
    let shown = folder.display();
    let refuse = |why: String| {
        Err(Error::new(Kind::Environment, "io", format!("`{shown}` {why}; nothing was written"))
            .hint(format!("remove it, or make `{name}` a folder of the new workspace, then run `roster init` again")))
    };
    if !meta.file_type().is_symlink() {
        return refuse("is not a folder".into());
    }
    match (folder.canonicalize(), dir.canonicalize()) {
        (Ok(real), Ok(root)) if !real.starts_with(&root) => {
            refuse(format!("is a link to `{}`, outside the workspace", real.display()))
        }
        (Ok(real), _) if !real.is_dir() => refuse(format!("is a link to `{}`, which is not a folder", real.display())),
        (Ok(_), _) => Ok(()),
        (Err(_), _) => {
            let to = std::fs::read_link(&folder).unwrap_or_default();
            refuse(format!("is a link to `{}`, which does not exist", to.display()))
        }
    }
}
