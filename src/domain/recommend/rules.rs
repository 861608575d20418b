//! The decision rule table: named rules, tried in order, the first that holds decides.
//! Rules are ordered from the most to the least drastic decision and every score condition
//! is "score below a threshold", so a higher score never gives a more drastic decision.

use super::config::RecommendationConfig;
use super::reason::Reason;
use super::report::Decision;
use crate::domain::Criticality;

/// The facts a rule reads, computed once per product.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// The lower of the product's and its vendor's score (0..=100).
    pub score: f64,
    /// The higher of their uncertainties (0..=1).
    pub uncertainty: f64,
    /// The strongest criticality of its use (or the assumed one).
    pub criticality: Criticality,
    /// Title of a severe recent supply-chain compromise it (or its vendor) originated.
    pub supply_chain_origin: Option<String>,
    /// Title of a severe recent incident it took part in as origin or conduit.
    pub severe_incident: Option<String>,
    /// Title of any recent incident it took part in.
    pub recent_incident: Option<String>,
    /// Known analyst views favouring replace, monitor and retain.
    pub favour_replace: usize,
    pub favour_monitor: usize,
    pub favour_retain: usize,
}

impl Facts {
    fn graded(&self, c: &RecommendationConfig) -> bool {
        self.uncertainty < c.unknown_uncertainty
    }

    fn favoured(&self) -> usize {
        self.favour_replace + self.favour_monitor + self.favour_retain
    }

    /// More than half of the views that favour an action favour replacing.
    pub fn analysts_say_replace(&self) -> bool {
        self.favour_replace * 2 > self.favoured()
    }

    /// More than half favour replacing or monitoring.
    pub fn analysts_say_caution(&self) -> bool {
        (self.favour_replace + self.favour_monitor) * 2 > self.favoured()
    }
}

/// One row of the rule table.
pub struct Rule {
    pub name: &'static str,
    pub decision: Decision,
    /// The condition, as documented.
    pub when: &'static str,
    pub holds: fn(&Facts, &RecommendationConfig) -> bool,
    /// Why it fired, with the figures.
    pub why: fn(&Facts, &RecommendationConfig) -> Reason,
}

/// The rule table (docs/recommendations.md section 2). Order matters: first match wins.
pub static RULES: &[Rule] = &[
    Rule {
        name: "distrusted",
        decision: Decision::Replace,
        when: "graded (uncertainty < unknown_uncertainty), score < replace_below, used at replace_min_criticality or above",
        holds: |f, c| {
            f.graded(c) && f.score < c.replace_below && f.criticality <= c.replace_min_criticality
        },
        why: |f, c| Reason::Distrusted {
            score: f.score,
            threshold: c.replace_below,
            criticality: f.criticality,
        },
    },
    Rule {
        name: "compromised-analysts-replace",
        decision: Decision::Replace,
        when: "origin or conduit of a severe recent incident, most analyst views favour replace, score < controls_below",
        holds: |f, c| {
            f.severe_incident.is_some() && f.analysts_say_replace() && f.score < c.controls_below
        },
        why: |f, c| Reason::CompromisedAnalystsReplace {
            incident: f.severe_incident.clone(),
            replace: f.favour_replace,
            favoured: f.favoured(),
            score: f.score,
            threshold: c.controls_below,
        },
    },
    Rule {
        name: "supply-chain-origin",
        decision: Decision::RetainWithControls,
        when: "origin of a severe recent supply-chain compromise (whatever the score)",
        holds: |f, _| f.supply_chain_origin.is_some(),
        why: |f, _| Reason::SupplyChainOrigin {
            incident: f.supply_chain_origin.clone(),
        },
    },
    Rule {
        name: "severe-incident",
        decision: Decision::RetainWithControls,
        when: "origin or conduit of a severe recent incident, score < controls_below",
        holds: |f, c| f.severe_incident.is_some() && f.score < c.controls_below,
        why: |f, c| Reason::SevereIncident {
            incident: f.severe_incident.clone(),
            score: f.score,
            threshold: c.controls_below,
        },
    },
    Rule {
        name: "weak-trust",
        decision: Decision::RetainWithControls,
        when: "graded, score < controls_below",
        holds: |f, c| f.graded(c) && f.score < c.controls_below,
        why: |f, c| Reason::WeakTrust {
            score: f.score,
            threshold: c.controls_below,
        },
    },
    Rule {
        name: "uncertain",
        decision: Decision::Monitor,
        when: "uncertainty ≥ uncertain_above (an unknown product is never retained)",
        holds: |f, c| f.uncertainty >= c.uncertain_above,
        why: |f, c| {
            if f.uncertainty >= c.unknown_uncertainty {
                Reason::Unknown {
                    uncertainty: f.uncertainty,
                    threshold: c.unknown_uncertainty,
                }
            } else {
                Reason::Uncertain {
                    uncertainty: f.uncertainty,
                    threshold: c.uncertain_above,
                }
            }
        },
    },
    Rule {
        name: "recent-incident",
        decision: Decision::Monitor,
        when: "took part in a recent incident (any role, any severity)",
        holds: |f, _| f.recent_incident.is_some(),
        why: |f, _| Reason::RecentIncident {
            incident: f.recent_incident.clone(),
        },
    },
    Rule {
        name: "analysts-caution",
        decision: Decision::Monitor,
        when: "most analyst views favour replace or monitor",
        holds: |f, _| f.analysts_say_caution(),
        why: |f, _| Reason::AnalystsCaution {
            caution: f.favour_replace + f.favour_monitor,
            favoured: f.favoured(),
        },
    },
    Rule {
        name: "middling-trust",
        decision: Decision::Monitor,
        when: "score < monitor_below",
        holds: |f, c| f.score < c.monitor_below,
        why: |f, c| Reason::MiddlingTrust {
            score: f.score,
            threshold: c.monitor_below,
        },
    },
    Rule {
        name: "trusted",
        decision: Decision::Retain,
        when: "otherwise",
        holds: |_, _| true,
        why: |f, c| Reason::Trusted {
            score: f.score,
            threshold: c.monitor_below,
            uncertainty: f.uncertainty,
        },
    },
];

/// The first rule that holds (the last rule always does).
pub fn decide(facts: &Facts, config: &RecommendationConfig) -> &'static Rule {
    RULES
        .iter()
        .find(|r| (r.holds)(facts, config))
        .unwrap_or(&RULES[RULES.len() - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(score: f64, uncertainty: f64) -> Facts {
        Facts {
            score,
            uncertainty,
            criticality: Criticality::High,
            supply_chain_origin: None,
            severe_incident: None,
            recent_incident: None,
            favour_replace: 0,
            favour_monitor: 0,
            favour_retain: 0,
        }
    }

    #[test]
    fn rules_are_ordered_from_the_most_drastic_and_end_with_a_catch_all() {
        assert!(RULES.windows(2).all(|w| w[0].decision >= w[1].decision));
        let last = &RULES[RULES.len() - 1];
        assert_eq!(last.decision, Decision::Retain);
        let names: std::collections::BTreeSet<&str> = RULES.iter().map(|r| r.name).collect();
        assert_eq!(names.len(), RULES.len(), "rule names are unique");
    }

    #[test]
    fn typical_cases() {
        let c = RecommendationConfig::default();
        assert_eq!(decide(&facts(12.0, 0.2), &c).name, "distrusted");
        assert_eq!(decide(&facts(50.0, 1.0), &c).name, "uncertain");
        assert_eq!(decide(&facts(90.0, 0.1), &c).name, "trusted");
        assert_eq!(decide(&facts(60.0, 0.3), &c).name, "middling-trust");
        let mut low_crit = facts(12.0, 0.2);
        low_crit.criticality = Criticality::Low;
        assert_eq!(decide(&low_crit, &c).name, "weak-trust");
        let mut origin = facts(95.0, 0.05);
        origin.supply_chain_origin = Some("X".into());
        assert_eq!(decide(&origin, &c).decision, Decision::RetainWithControls);
        let mut unknown_origin = facts(50.0, 1.0);
        unknown_origin.supply_chain_origin = Some("X".into());
        assert_eq!(
            decide(&unknown_origin, &c).decision,
            Decision::RetainWithControls
        );
    }
}
