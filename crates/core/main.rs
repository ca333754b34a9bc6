//! `cadre`: Vietnamese political news → knowledge graph. This file parses the
//! arguments (`cli`) and hands each command to its module under `commands/`; the
//! helpers they share (`store`, `progress`, `articles`, `output`) sit beside it, and
//! the work is done by the library crates.

mod articles;
mod cli;
mod commands;
mod input;
mod output;
mod progress;
mod store;
mod table;

use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use crate::cli::{Cli, Command};
use crate::commands::{
    bench, demo, eval, explain, export, extract, ingest, person, push, query, serve, site,
};

/// Exit code when some inputs were skipped but the rest was processed.
const EXIT_SKIPPED: u8 = 2;

/// Exit code when a query ran out of time (`--timeout`) or was refused because
/// earlier queries that ran out of time still run.
const EXIT_TIMEOUT: u8 = 3;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // A reader that stopped early (`cadre query … | head`) is not a failure; a
        // network peer that closed the connection is.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) && !e
                .chain()
                .any(|c| c.downcast_ref::<cadre_protocol::PushError>().is_some()) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}", error_chain(&e));
            let timed_out = e.chain().any(|c| {
                matches!(
                    c.downcast_ref::<cadre_kg::StoreError>(),
                    Some(cadre_kg::StoreError::Timeout(_) | cadre_kg::StoreError::Busy(_))
                )
            });
            if timed_out {
                ExitCode::from(EXIT_TIMEOUT)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// The error and its causes joined by ": ", leaving out a cause that its wrapper's
/// message already quotes (library errors often repeat their source).
fn error_chain(e: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if !parts.last().is_some_and(|p| p.ends_with(&text)) {
            parts.push(text);
        }
    }
    parts.join(": ")
}

/// Runs one command: the arguments clap parsed, handed to the command's module.
fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract {
            paths,
            format,
            out,
            limits,
            curation,
        } => extract::run(&paths, format, out.as_deref(), &limits, curation.as_deref()),
        Command::Ingest {
            paths,
            store,
            limits,
            curation,
            compact,
        } => ingest::run(&paths, &store, &limits, &curation, compact),
        Command::Query {
            sparql,
            file,
            saved,
            params,
            list,
            format,
            timeout,
            limit,
            store,
        } => {
            if list {
                query::list();
                return Ok(ExitCode::SUCCESS);
            }
            let (text, bound) = query::resolve(sparql, file, saved, &params)?;
            query::run(&text, &bound, format, timeout, limit, &store)
        }
        Command::Export {
            format,
            out,
            store,
            graph,
            curation,
        } => export::run(&store, format, &out, &graph, &curation),
        Command::Eval {
            gold,
            paths,
            only,
            errors,
            mins,
        } => eval::run(&gold, &paths, &only, errors, &mins),
        Command::Bench { task } => bench::run(task),
        Command::Person {
            name,
            province,
            store,
            curation,
        } => person::run(&name, province.as_deref(), &store, &curation),
        Command::Explain { node, store } => explain::run(&node, &store),
        Command::Serve {
            store,
            bind,
            timeout,
            writable,
        } => serve::run(&store, bind, timeout, writable),
        Command::Site { out, store } => site::run(&out, &store),
        Command::Push {
            url,
            user,
            timeout,
            store,
        } => push::run(&url, user, timeout, &store),
        Command::Demo { store, out, corpus } => demo::run(&store, &out, &corpus),
    }
}
