//! Subjective-logic binomial opinions and their link to beta evidence (r positive, s negative):
//! b = r/(r+s+W), d = s/(r+s+W), u = W/(r+s+W); the projected probability is b + a·u.

use serde::Serialize;

/// An opinion about "this subject is trustworthy".
#[derive(Debug, Clone, Copy, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Opinion {
    pub belief: f64,
    pub disbelief: f64,
    pub uncertainty: f64,
    pub base_rate: f64,
}

/// Evidence amounts: positive (r) and negative (s) units.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, utoipa::ToSchema)]
pub struct Evidence {
    pub positive: f64,
    pub negative: f64,
}

impl Evidence {
    pub fn new(positive: f64, negative: f64) -> Self {
        Evidence {
            positive: positive.max(0.0),
            negative: negative.max(0.0),
        }
    }

    pub fn scaled(self, factor: f64) -> Self {
        Evidence::new(self.positive * factor, self.negative * factor)
    }

    pub fn plus(self, other: Evidence) -> Self {
        Evidence::new(
            self.positive + other.positive,
            self.negative + other.negative,
        )
    }

    /// Averaging fusion of several sources' evidence: the mean, so a view repeated by
    /// several records counts once.
    pub fn average(items: &[Evidence]) -> Evidence {
        if items.is_empty() {
            return Evidence::default();
        }
        let n = items.len() as f64;
        let sum = items
            .iter()
            .fold(Evidence::default(), |acc, e| acc.plus(*e));
        sum.scaled(1.0 / n)
    }
}

impl Opinion {
    /// The opinion with no evidence at all: uncertainty 1.
    pub fn vacuous(base_rate: f64) -> Self {
        Opinion {
            belief: 0.0,
            disbelief: 0.0,
            uncertainty: 1.0,
            base_rate,
        }
    }

    /// The standard mapping from beta evidence with prior weight `w`.
    pub fn from_evidence(evidence: Evidence, w: f64, base_rate: f64) -> Self {
        let total = evidence.positive + evidence.negative + w;
        Opinion {
            belief: evidence.positive / total,
            disbelief: evidence.negative / total,
            uncertainty: w / total,
            base_rate,
        }
    }

    /// The projected probability that the subject is trustworthy, in [0, 1].
    pub fn projected(&self) -> f64 {
        (self.belief + self.base_rate * self.uncertainty).clamp(0.0, 1.0)
    }

    /// The score: projected probability × 100.
    pub fn score(&self) -> f64 {
        self.projected() * 100.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapping_sums_to_one_and_scores_the_base_rate_when_empty() {
        let o = Opinion::from_evidence(Evidence::new(3.0, 5.0), 2.0, 0.5);
        assert!((o.belief + o.disbelief + o.uncertainty - 1.0).abs() < 1e-12);
        assert!((o.belief - 0.3).abs() < 1e-12);
        assert!((o.disbelief - 0.5).abs() < 1e-12);
        let empty = Opinion::from_evidence(Evidence::default(), 2.0, 0.5);
        assert_eq!(empty, Opinion::vacuous(0.5));
        assert_eq!(empty.score(), 50.0);
    }

    #[test]
    fn averaging_counts_a_repeated_view_once() {
        let view = Evidence::new(0.0, 2.0);
        assert_eq!(Evidence::average(&[view, view, view]), view);
        assert_eq!(Evidence::average(&[]), Evidence::default());
    }
}
