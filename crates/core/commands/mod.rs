//! One module per `cadre` subcommand; each has a `run` that takes the parsed flags
//! and returns the exit code.

pub(crate) mod bench;
pub(crate) mod demo;
pub(crate) mod eval;
pub(crate) mod explain;
pub(crate) mod export;
pub(crate) mod extract;
pub(crate) mod ingest;
pub(crate) mod person;
pub(crate) mod push;
pub(crate) mod query;
pub(crate) mod serve;
pub(crate) mod site;
