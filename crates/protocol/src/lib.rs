//! cadre over HTTP: a SPARQL 1.1 Protocol endpoint serving the embedded store
//! ([`endpoint`]) and a Graph Store Protocol client that hands the article graphs to
//! an external SPARQL engine ([`push`]).

pub mod endpoint;
pub mod push;

pub use endpoint::{respond, serve, EndpointConfig, ServeError};
pub use push::{push, Credentials, PushError, PushStats};
