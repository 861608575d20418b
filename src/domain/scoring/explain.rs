//! Turns a score book into scores with explanations: each contribution's factors and its
//! effect in points (the score minus the score without it).

use super::engine::{Item, ScoreBook};
use super::input::{EvidenceKind, Subject};
use super::opinion::Evidence;
use super::report::{Contribution, ContributionKind, Grade, TrustScore};
use std::collections::BTreeMap;

impl ScoreBook<'_> {
    /// The explained score of one subject.
    pub fn explain(&self, subject: Subject) -> Option<TrustScore> {
        let s = self.index_of(subject)?;
        let config = self.config;
        let rounds = config.max_hops;
        let evidence = self.total_at(s, rounds);
        let opinion = self.opinion_of(evidence);
        let score = opinion.score();
        let without = |e: Evidence| score - self.opinion_of(e).score();
        let (d_items, v_items) = (&self.direct[s], &self.views[s]);
        let mut contributions: Vec<Contribution> = Vec::new();
        for item in d_items {
            let counted = item.counted();
            // Without the part that counts for an incident, the next heaviest part would.
            let successor = match (item.superseded, item.incident) {
                (false, Some(incident)) => d_items
                    .iter()
                    .filter(|o| o.incident == Some(incident) && o.key != item.key)
                    .map(|o| o.weighted().negative)
                    .fold(0.0, f64::max),
                _ => 0.0,
            };
            let rest = Evidence::new(
                evidence.positive - counted.positive,
                evidence.negative - counted.negative + successor,
            );
            contributions.push(self.contribution(item, item.share, without(rest)));
        }
        let n = v_items.len() as f64;
        if !v_items.is_empty() {
            let all: Vec<Evidence> = v_items.iter().map(Item::counted).collect();
            let mean = Evidence::average(&all);
            for (i, item) in v_items.iter().enumerate() {
                let others: Vec<Evidence> = all
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, e)| *e)
                    .collect();
                let others_mean = Evidence::average(&others);
                let rest = Evidence::new(
                    evidence.positive - mean.positive + others_mean.positive,
                    evidence.negative - mean.negative + others_mean.negative,
                );
                contributions.push(self.contribution(item, item.share / n, without(rest)));
            }
        }
        let inheritance = match subject {
            Subject::Vendor(_) => Some((s, 1.0)),
            Subject::Product(_) => self
                .vendor_of_subject(s)
                .map(|v| (v, config.vendor_to_product * config.hop_attenuation)),
        };
        if let Some((vendor, share)) = inheritance {
            for &e in &self.edges_of[vendor] {
                let dep = &self.input.dependencies[e];
                let (units, disbelief) = self.final_units(e);
                let units = units * share;
                let rest = Evidence::new(evidence.positive, evidence.negative - units);
                contributions.push(Contribution {
                    kind: ContributionKind::Dependency,
                    record_id: dep.id,
                    label: dep.label.english(),
                    about: dep.label.clone(),
                    superseded: false,
                    known_on: dep.since,
                    positive: false,
                    raw_weight: config.inheritance(dep.criticality),
                    share: disbelief * share,
                    decay: 1.0,
                    source_discount: 1.0,
                    weight: units,
                    effect: without(rest),
                    citations: Vec::new(),
                });
            }
        }
        contributions.sort_by(|a, b| {
            b.effect
                .abs()
                .total_cmp(&a.effect.abs())
                .then(a.kind.cmp(&b.kind))
                .then(a.record_id.cmp(&b.record_id))
        });
        let unknown = opinion.uncertainty >= config.unknown_uncertainty;
        Some(TrustScore {
            subject,
            as_of: self.as_of,
            model_version: config.model_version.clone(),
            score,
            grade: (!unknown).then(|| Grade::of(score, &config.grade_bands)),
            unknown,
            belief: opinion.belief,
            disbelief: opinion.disbelief,
            uncertainty: opinion.uncertainty,
            base_rate: opinion.base_rate,
            evidence,
            contributions,
        })
    }

    /// Every subject's explained score.
    pub fn explain_all(&self) -> BTreeMap<Subject, TrustScore> {
        self.subjects()
            .iter()
            .filter_map(|s| self.explain(*s).map(|t| (*s, t)))
            .collect()
    }

    fn contribution(&self, item: &Item, share: f64, effect: f64) -> Contribution {
        let record = self.record(item.record);
        let kind = match record.key.kind {
            EvidenceKind::Involvement => ContributionKind::Involvement,
            EvidenceKind::Remediation => ContributionKind::Remediation,
            EvidenceKind::Assessment => ContributionKind::Assessment,
        };
        let positive = item.raw.positive >= item.raw.negative;
        let raw_weight = if positive {
            item.raw.positive
        } else {
            item.raw.negative
        };
        let (label, weight) = if item.superseded {
            (
                format!(
                    "{} (not counted: a heavier part in the same incident counts)",
                    record.label.english()
                ),
                0.0,
            )
        } else {
            (
                record.label.english(),
                raw_weight * share * item.decay * item.discount,
            )
        };
        Contribution {
            kind,
            record_id: record.key.id,
            label,
            about: record.label.clone(),
            superseded: item.superseded,
            known_on: record.known_on,
            positive,
            raw_weight,
            share,
            decay: item.decay,
            source_discount: item.discount,
            weight,
            effect,
            citations: record.citations.clone(),
        }
    }
}

/// Scores every vendor and product as of `as_of`, from evidence known by then, explained.
pub fn score_all(
    input: &super::input::ScoringInput,
    as_of: chrono::NaiveDate,
    config: &super::config::ScoringConfig,
) -> BTreeMap<Subject, TrustScore> {
    ScoreBook::new(input, as_of, config).explain_all()
}
