//! `roster schema [KIND] [--out DIR]`: the JSON Schemas (draft-07) of the
//! workspace files, for editors (`json_schema`). Without KIND or `--out`, the
//! kinds and the files they describe.

use super::Ctx;
use crate::error::{Error, Outcome, Result};
use crate::json_schema;
use crate::render::{Col, Records};
use crate::schema::{self, FileKind};
use crate::store::save::write_atomic;
use clap::Args;
use clap::builder::PossibleValuesParser;
use serde_json::json;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster schema members                 the JSON Schema of members.toml
  roster schema                         the kinds of file, and their schemas' names"#)]
pub struct SchemaArgs {
    /// Print (or write) only the schema of this kind of file
    #[arg(value_name = "KIND", value_parser = PossibleValuesParser::new(schema::FILES.iter().map(|f| f.kind)))]
    pub kind: Option<String>,

    /// Write each schema into this folder as KIND.schema.json (the folder is created if needed)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

pub fn cmd_schema(ctx: &Ctx, args: SchemaArgs) -> Result<Outcome> {
    let files: Vec<&FileKind> = match &args.kind {
        Some(kind) => schema::file_kind(kind).into_iter().collect(),
        None => schema::FILES.iter().collect(),
    };
    match (&args.out, &args.kind) {
        (Some(dir), _) => {
            let dir = if dir.is_absolute() { dir.clone() } else { ctx.cwd().join(dir) };
            std::fs::create_dir_all(&dir).map_err(|e| Error::io(format!("cannot create `{}`", ctx.shown(&dir)), &e))?;
            for file in &files {
                write_atomic(&dir.join(file.schema_file()), json_schema::file_text(file).as_bytes())?;
            }
            if !ctx.quiet {
                let names: Vec<String> = files.iter().map(|f| f.schema_file()).collect();
                ctx.print(&format!(
                    "wrote {} JSON Schema{} to `{}`: {}\n",
                    files.len(),
                    crate::store::plural(files.len()),
                    ctx.shown(&dir),
                    names.join(", ")
                ))?;
            }
        }
        (None, Some(_)) => {
            for file in &files {
                ctx.print_data(&json_schema::file_text(file))?;
            }
        }
        (None, None) => {
            let mut kinds = Records::new([("kind", Col::Text), ("files", Col::Text), ("schema", Col::Text)]);
            for file in &files {
                kinds.push(vec![json!(file.kind), json!(file.files), json!(file.schema_file())]);
            }
            ctx.show(&kinds)?;
            if !ctx.quiet {
                ctx.eprint("`roster schema KIND` prints one schema; `roster schema --out DIR` writes them all\n");
            }
        }
    }
    Ok(Outcome::Success)
}
