//! Controls that more than one view carries: the time control (`time`, on the map and the
//! ranked bars) and the share bar and embed footer (`share`). Views import these; no view
//! imports another view.

pub mod share;
pub mod time;
