//! Watchlists and alerts: what each account watches and its rules, the alerts those rules
//! raise inside the change that caused them, the inbox, and the queue of webhook deliveries.

pub mod deliveries;
pub mod evaluate;
pub mod imported;
pub mod inbox;
pub mod payload;
pub mod rows;
pub mod watchlists;

pub use rows::{Alert, Attempt, Delivery, SubjectInfo, WatchItem, WatchRule, Watchlist};
