//! Deterministic STIX identifiers (UUIDv5 in trustkb's namespace from type and slug), fixed
//! timestamps, and the Admiralty credibility ↔ STIX confidence scale.

use crate::store::pack::date::PackDate;
use uuid::Uuid;

/// trustkb's UUIDv5 namespace: UUIDv5 of "trustkb" in the URL namespace, fixed forever.
pub fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"https://trustkb.invalid/stix")
}

/// `TYPE--UUIDv5(namespace, "TYPE:KEY")`: the same record always gets the same id.
pub fn stix_id(kind: &str, key: &str) -> String {
    let uuid = Uuid::new_v5(&namespace(), format!("{kind}:{key}").as_bytes());
    format!("{kind}--{uuid}")
}

/// The timestamp of records without a date of their own (the Unix epoch).
pub const EPOCH: &str = "1970-01-01T00:00:00.000Z";

/// A STIX timestamp at midnight UTC of a (possibly partial) pack date; the epoch without one.
pub fn timestamp(date: Option<PackDate>) -> String {
    date.map(|d| format!("{}T00:00:00.000Z", d.date().format("%Y-%m-%d")))
        .unwrap_or_else(|| EPOCH.to_owned())
}

/// STIX 2.1 appendix "Admiralty Credibility" scale: 1 → 90, 2 → 70, 3 → 50, 4 → 30, 5 → 10,
/// 6 (truth cannot be judged) → no confidence.
pub fn confidence(credibility: i32) -> Option<u8> {
    match credibility {
        1 => Some(90),
        2 => Some(70),
        3 => Some(50),
        4 => Some(30),
        5 => Some(10),
        _ => None,
    }
}

/// The reverse mapping of the same appendix: 80–100 → 1, 60–79 → 2, 40–59 → 3, 20–39 → 4,
/// 0–19 → 5, no confidence → 6.
pub fn credibility(confidence: Option<u8>) -> i32 {
    match confidence {
        Some(80..) => 1,
        Some(60..=79) => 2,
        Some(40..=59) => 3,
        Some(20..=39) => 4,
        Some(_) => 5,
        None => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_typed() {
        let a = stix_id("identity", "vendor:mimecast");
        assert_eq!(a, stix_id("identity", "vendor:mimecast"));
        assert!(a.starts_with("identity--"));
        assert_ne!(a, stix_id("identity", "vendor:cisco"));
    }

    #[test]
    fn confidence_round_trips_every_grade() {
        for grade in 1..=6 {
            assert_eq!(credibility(confidence(grade)), grade);
        }
    }
}
