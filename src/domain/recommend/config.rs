//! The recommendation rules' thresholds and the alternatives' weights. Defaults are documented
//! in docs/recommendations.md; a TOML file may override any of them (`from_toml`, checked).

use crate::domain::Criticality;
use serde::{Deserialize, Serialize};

/// Thresholds of the rule table and weights of the alternative ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RecommendationConfig {
    /// Below this score (the lower of the product's and its vendor's), a graded product used
    /// at `replace_min_criticality` or above is to be replaced.
    pub replace_below: f64,
    /// Below this score a graded product is kept only with compensating controls.
    pub controls_below: f64,
    /// Below this score a product is monitored rather than retained.
    pub monitor_below: f64,
    /// At or above this uncertainty the evidence is too thin to say the product is unknown.
    pub unknown_uncertainty: f64,
    /// At or above this uncertainty a product is monitored, never retained.
    pub uncertain_above: f64,
    /// The weakest criticality at which low trust means replacement.
    pub replace_min_criticality: Criticality,
    /// The criticality a product nobody uses (or used) is judged at.
    pub assumed_criticality: Criticality,
    /// An incident counts as recent (and active) for this many days after it became known.
    pub recent_days: i64,
    /// Incidents of this severity (1..=5) or more are severe.
    pub severe_severity: i32,
    /// A usage that ended this many days before the date or less still counts: the product
    /// is being replaced and the transition controls apply.
    pub recently_ended_days: i64,
    /// Weights of the alternatives' criteria (benefits), summing to 1.
    pub weight_trust: f64,
    pub weight_certainty: f64,
    pub weight_analysts: f64,
    /// Penalty per unit of shared-upstream exposure.
    pub penalty_exposure: f64,
    /// At most this many alternatives are listed.
    pub max_alternatives: usize,
}

impl Default for RecommendationConfig {
    fn default() -> Self {
        RecommendationConfig {
            replace_below: 30.0,
            controls_below: 50.0,
            monitor_below: 70.0,
            unknown_uncertainty: 0.9,
            uncertain_above: 0.5,
            replace_min_criticality: Criticality::High,
            assumed_criticality: Criticality::Medium,
            recent_days: 730,
            severe_severity: 4,
            recently_ended_days: 90,
            weight_trust: 0.5,
            weight_certainty: 0.25,
            weight_analysts: 0.25,
            penalty_exposure: 0.5,
            max_alternatives: 10,
        }
    }
}

/// A configuration the rules cannot work with.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("recommendation configuration: {0}")]
pub struct InvalidRecommendationConfig(pub String);

impl RecommendationConfig {
    /// Reads overrides from TOML text; missing keys keep their defaults.
    pub fn from_toml(text: &str) -> Result<Self, InvalidRecommendationConfig> {
        let config: RecommendationConfig =
            toml::from_str(text).map_err(|e| InvalidRecommendationConfig(e.to_string()))?;
        config.validate()?;
        Ok(config)
    }

    /// Checks ranges: thresholds ascend within 0..=100, weights within 0..=1 summing to 1.
    pub fn validate(&self) -> Result<(), InvalidRecommendationConfig> {
        let bad = |what: &str| Err(InvalidRecommendationConfig(what.to_owned()));
        let points = |x: f64| (0.0..=100.0).contains(&x);
        let unit = |x: f64| (0.0..=1.0).contains(&x);
        let thresholds = [self.replace_below, self.controls_below, self.monitor_below];
        if !thresholds.iter().all(|t| points(*t)) || !thresholds.windows(2).all(|w| w[0] <= w[1]) {
            return bad("replace_below ≤ controls_below ≤ monitor_below, within 0..=100");
        }
        if !unit(self.unknown_uncertainty) || !unit(self.uncertain_above) {
            return bad("unknown_uncertainty and uncertain_above must be within 0..=1");
        }
        if self.uncertain_above > self.unknown_uncertainty {
            return bad("uncertain_above must not exceed unknown_uncertainty");
        }
        if !(1..=36_500).contains(&self.recent_days)
            || !(0..=36_500).contains(&self.recently_ended_days)
        {
            return bad(
                "recent_days must be within 1..=36500, recently_ended_days within 0..=36500",
            );
        }
        if !(1..=5).contains(&self.severe_severity) {
            return bad("severe_severity must be within 1..=5");
        }
        let weights = [
            self.weight_trust,
            self.weight_certainty,
            self.weight_analysts,
            self.penalty_exposure,
        ];
        if !weights.iter().all(|w| unit(*w)) {
            return bad("weights and the exposure penalty must be within 0..=1");
        }
        let sum = self.weight_trust + self.weight_certainty + self.weight_analysts;
        if (sum - 1.0).abs() > 1e-6 {
            return bad("weight_trust + weight_certainty + weight_analysts must be 1");
        }
        if !(1..=100).contains(&self.max_alternatives) {
            return bad("max_alternatives must be within 1..=100");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_overridable() {
        RecommendationConfig::default().validate().unwrap();
        let c =
            RecommendationConfig::from_toml("replace_below = 20.0\nrecent_days = 365\n").unwrap();
        assert_eq!(c.replace_below, 20.0);
        assert_eq!(c.recent_days, 365);
        assert_eq!(c.controls_below, 50.0);
        let c = RecommendationConfig::from_toml("replace_min_criticality = \"critical\"").unwrap();
        assert_eq!(c.replace_min_criticality, Criticality::Critical);
        for bad in [
            "replace_below = 60.0",
            "monitor_below = 120.0",
            "weight_trust = 0.9",
            "severe_severity = 6",
            "colour = 1",
            "uncertain_above = 0.95",
            "replace_min_criticality = \"huge\"",
            "max_alternatives = 0",
        ] {
            assert!(RecommendationConfig::from_toml(bad).is_err(), "{bad}");
        }
    }
}
