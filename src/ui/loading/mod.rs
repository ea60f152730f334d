//! Loading on the page's side, one module per part: the jobs' state ([`jobs`]), the queue
//! ([`queue`]), the loading workers ([`workers`]), reading on the page without a worker
//! ([`on_page`]), downloads ([`streaming`]) and what a finished job does to the report
//! ([`results`]). The page only receives progress and finished files; it never parses.

pub mod jobs;
pub mod on_page;
pub mod queue;
pub mod results;
pub mod streaming;
pub mod workers;

pub use jobs::{Job, Target};
pub use on_page::yield_now;
pub use queue::{cancel, enqueue, stop_all};
