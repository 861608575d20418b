//! The scoring model's weights, half-lives and grade bands, with its version. Defaults are
//! documented in docs/scoring.md; a TOML file may override any of them (`ScoringConfig::from_toml`).

use crate::domain::{
    Credibility, Criticality, InvolvementRole, Reliability, RemediationKind, Stance,
};
use serde::{Deserialize, Serialize};

/// Everything the model needs to turn evidence into scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ScoringConfig {
    /// Changes whenever a default below changes, so stored scores say which model made them.
    pub model_version: String,
    /// Non-informative prior weight W of the beta/subjective-logic mapping.
    pub prior_weight: f64,
    /// Base rate a: the score of a subject nobody knows anything about is 100·a.
    pub base_rate: f64,
    /// Negative evidence units of an incident by severity 1..=5.
    pub severity_weights: [f64; 5],
    pub role_factor_origin: f64,
    pub role_factor_conduit: f64,
    pub role_factor_victim: f64,
    /// Reach: the weight is multiplied by 1 + log10(1 + customers) · reach_per_decade, at most reach_cap.
    pub reach_per_decade: f64,
    pub reach_cap: f64,
    /// Positive evidence units of each remediation kind.
    pub remediation_weights: RemediationWeights,
    /// Evidence units of an analyst view by stance: (positive, negative).
    pub stance_evidence: StanceEvidence,
    /// Half-lives in days: evidence weight halves every so many days after it became known.
    pub half_life_incident_days: f64,
    pub half_life_remediation_days: f64,
    pub half_life_assessment_days: f64,
    /// Source discount by Admiralty reliability A..=F and credibility 1..=6 (multiplied).
    pub reliability_discount: [f64; 6],
    pub credibility_discount: [f64; 6],
    /// Discount of evidence that no source supports.
    pub uncited_discount: f64,
    /// Share of a vendor's evidence that also bears on each of its products, and back.
    pub vendor_to_product: f64,
    pub product_to_vendor: f64,
    /// Supply chain: negative evidence units a consumer inherits per unit of an active
    /// dependency's disbelief, by the dependency's criticality (critical, high, medium, low).
    pub inheritance_units: [f64; 4],
    /// Each further hop multiplies inherited evidence by this.
    pub hop_attenuation: f64,
    /// How many hops risk travels along dependencies (and the bound on cycles).
    pub max_hops: usize,
    /// Lower bounds of grades A..=E (score points); below the last is F.
    pub grade_bands: [f64; 5],
    /// At or above this uncertainty the evidence is too thin or too old to grade: the
    /// subject is shown as "unknown" (its score is still given).
    pub unknown_uncertainty: f64,
}

/// Positive evidence units per remediation kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct RemediationWeights {
    pub rotate_credentials: f64,
    pub rebuild_servers: f64,
    pub drop_product: f64,
    pub add_monitoring: f64,
    pub final_report: f64,
    pub patch: f64,
    pub other: f64,
}

/// Evidence units (positive, negative) per stance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct StanceEvidence {
    pub strongly_agree: (f64, f64),
    pub agree: (f64, f64),
    pub neutral: (f64, f64),
    pub disagree: (f64, f64),
    pub strongly_disagree: (f64, f64),
}

impl Default for RemediationWeights {
    fn default() -> Self {
        RemediationWeights {
            rotate_credentials: 1.5,
            rebuild_servers: 1.5,
            drop_product: 1.0,
            add_monitoring: 1.0,
            final_report: 2.0,
            patch: 1.0,
            other: 0.5,
        }
    }
}

impl Default for StanceEvidence {
    fn default() -> Self {
        StanceEvidence {
            strongly_agree: (4.0, 0.0),
            agree: (2.0, 0.0),
            neutral: (0.5, 0.5),
            disagree: (0.0, 2.0),
            strongly_disagree: (0.0, 4.0),
        }
    }
}

impl Default for ScoringConfig {
    fn default() -> Self {
        ScoringConfig {
            model_version: "sl-1".into(),
            prior_weight: 2.0,
            base_rate: 0.5,
            severity_weights: [1.0, 2.0, 4.0, 6.0, 8.0],
            role_factor_origin: 1.0,
            role_factor_conduit: 0.6,
            role_factor_victim: 0.3,
            reach_per_decade: 0.25,
            reach_cap: 2.0,
            remediation_weights: RemediationWeights::default(),
            stance_evidence: StanceEvidence::default(),
            half_life_incident_days: 365.0,
            half_life_remediation_days: 365.0,
            half_life_assessment_days: 540.0,
            reliability_discount: [1.0, 0.85, 0.7, 0.5, 0.3, 0.5],
            credibility_discount: [1.0, 0.85, 0.7, 0.5, 0.3, 0.5],
            uncited_discount: 0.3,
            vendor_to_product: 0.5,
            product_to_vendor: 0.5,
            inheritance_units: [4.0, 3.0, 2.0, 1.0],
            hop_attenuation: 0.5,
            max_hops: 4,
            grade_bands: [85.0, 70.0, 55.0, 40.0, 25.0],
            unknown_uncertainty: 0.9,
        }
    }
}

/// A configuration that cannot produce meaningful scores.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("scoring configuration: {0}")]
pub struct InvalidConfig(pub String);

impl ScoringConfig {
    /// Reads overrides from TOML text; missing keys keep their defaults.
    pub fn from_toml(text: &str) -> Result<Self, InvalidConfig> {
        let config: ScoringConfig =
            toml::from_str(text).map_err(|e| InvalidConfig(e.to_string()))?;
        config.validate()?;
        Ok(config)
    }

    /// Checks ranges: weights non-negative, factors in [0, 1], bands descending.
    pub fn validate(&self) -> Result<(), InvalidConfig> {
        let bad = |what: &str| Err(InvalidConfig(what.to_owned()));
        let unit = |x: f64| (0.0..=1.0).contains(&x);
        // Bounded so that sums of a million records stay far from overflow and uncertainty > 0.
        let nonneg = |x: f64| (0.0..=1000.0).contains(&x);
        if !(0.01..=100.0).contains(&self.prior_weight) {
            return bad("prior_weight must be within 0.01..=100");
        }
        if !unit(self.base_rate) {
            return bad("base_rate must be within 0..=1");
        }
        let r = &self.remediation_weights;
        let s = &self.stance_evidence;
        let listed = [
            r.rotate_credentials,
            r.rebuild_servers,
            r.drop_product,
            r.add_monitoring,
            r.final_report,
            r.patch,
            r.other,
            s.strongly_agree.0,
            s.strongly_agree.1,
            s.agree.0,
            s.agree.1,
            s.neutral.0,
            s.neutral.1,
            s.disagree.0,
            s.disagree.1,
            s.strongly_disagree.0,
            s.strongly_disagree.1,
            self.reach_per_decade,
        ];
        let mut weights = self
            .severity_weights
            .iter()
            .chain(&self.inheritance_units)
            .chain(&listed);
        if !weights.all(|w| nonneg(*w)) {
            return bad("weights must be within 0..=1000");
        }
        let factors = [
            self.role_factor_origin,
            self.role_factor_conduit,
            self.role_factor_victim,
            self.uncited_discount,
            self.vendor_to_product,
            self.product_to_vendor,
            self.hop_attenuation,
        ];
        if !factors
            .iter()
            .chain(&self.reliability_discount)
            .chain(&self.credibility_discount)
            .copied()
            .all(unit)
        {
            return bad("factors and discounts must be within 0..=1");
        }
        if !(1.0..=10.0).contains(&self.reach_cap) {
            return bad("reach_cap must be within 1..=10");
        }
        let half_lives = [
            self.half_life_incident_days,
            self.half_life_remediation_days,
            self.half_life_assessment_days,
        ];
        if !half_lives.iter().all(|h| (1.0..=36_500.0).contains(h)) {
            return bad("half-lives must be within 1..=36500 days");
        }
        if !self.grade_bands.windows(2).all(|w| w[0] > w[1])
            || !self.grade_bands.iter().all(|b| (0.0..=100.0).contains(b))
        {
            return bad("grade_bands must descend within 0..=100");
        }
        if !unit(self.unknown_uncertainty) {
            return bad("unknown_uncertainty must be within 0..=1");
        }
        if self.max_hops > 16 {
            return bad("max_hops must be at most 16");
        }
        Ok(())
    }

    pub fn severity_weight(&self, severity: i32) -> f64 {
        let index = usize::try_from(severity.clamp(1, 5) - 1).unwrap_or(0);
        self.severity_weights[index]
    }

    pub fn role_factor(&self, role: InvolvementRole) -> f64 {
        match role {
            InvolvementRole::Origin => self.role_factor_origin,
            InvolvementRole::Conduit => self.role_factor_conduit,
            InvolvementRole::Victim => self.role_factor_victim,
        }
    }

    /// 1 when the reach is unknown; grows with the order of magnitude of customers affected.
    pub fn reach_factor(&self, customers: Option<i32>) -> f64 {
        match customers {
            None => 1.0,
            Some(n) => (1.0 + (1.0 + f64::from(n.max(0))).log10() * self.reach_per_decade)
                .min(self.reach_cap),
        }
    }

    pub fn remediation_weight(&self, kind: RemediationKind) -> f64 {
        let w = &self.remediation_weights;
        match kind {
            RemediationKind::RotateCredentials => w.rotate_credentials,
            RemediationKind::RebuildServers => w.rebuild_servers,
            RemediationKind::DropProduct => w.drop_product,
            RemediationKind::AddMonitoring => w.add_monitoring,
            RemediationKind::FinalReport => w.final_report,
            RemediationKind::Patch => w.patch,
            RemediationKind::Other => w.other,
        }
    }

    pub fn stance_evidence(&self, stance: Stance) -> (f64, f64) {
        let s = &self.stance_evidence;
        match stance {
            Stance::StronglyAgree => s.strongly_agree,
            Stance::Agree => s.agree,
            Stance::Neutral => s.neutral,
            Stance::Disagree => s.disagree,
            Stance::StronglyDisagree => s.strongly_disagree,
        }
    }

    /// Admiralty discount of one source grade.
    pub fn source_discount(&self, reliability: Reliability, credibility: Credibility) -> f64 {
        let r = match reliability {
            Reliability::A => 0,
            Reliability::B => 1,
            Reliability::C => 2,
            Reliability::D => 3,
            Reliability::E => 4,
            Reliability::F => 5,
        };
        let c = usize::try_from(credibility.get() - 1).unwrap_or(5).min(5);
        self.reliability_discount[r] * self.credibility_discount[c]
    }

    pub fn inheritance(&self, criticality: Criticality) -> f64 {
        match criticality {
            Criticality::Critical => self.inheritance_units[0],
            Criticality::High => self.inheritance_units[1],
            Criticality::Medium => self.inheritance_units[2],
            Criticality::Low => self.inheritance_units[3],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_overridable() {
        ScoringConfig::default().validate().unwrap();
        let c =
            ScoringConfig::from_toml("base_rate = 0.4\nhalf_life_incident_days = 120.0\n").unwrap();
        assert_eq!(c.base_rate, 0.4);
        assert_eq!(c.half_life_incident_days, 120.0);
        assert_eq!(c.prior_weight, 2.0);
        assert!(ScoringConfig::from_toml("base_rate = 2.0").is_err());
        assert!(ScoringConfig::from_toml("grade_bands = [10.0, 20.0, 30.0, 40.0, 50.0]").is_err());
        assert!(ScoringConfig::from_toml("colour = 1").is_err());
        assert!(ScoringConfig::from_toml("prior_weight = 5e-324").is_err());
        assert!(
            ScoringConfig::from_toml("severity_weights = [1.0, 2.0, 4.0, 6.0, 1e308]").is_err()
        );
        assert!(ScoringConfig::from_toml("half_life_incident_days = 0.0").is_err());
    }

    #[test]
    fn reach_grows_by_decade_and_is_capped() {
        let c = ScoringConfig::default();
        assert_eq!(c.reach_factor(None), 1.0);
        assert!(c.reach_factor(Some(9)) < c.reach_factor(Some(9_999)));
        assert_eq!(c.reach_factor(Some(i32::MAX)), c.reach_cap);
    }
}
