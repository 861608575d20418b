//! Property tests of the scoring engine (DESIGN.md section 4.7): bounds, monotonicity,
//! decay, order independence, determinism, the unknown state and termination on cycles.

#[cfg(test)]
mod tests {
    use super::super::input::*;
    use super::super::{ScoreBook, ScoringConfig, score_all};
    use crate::domain::{
        Credibility, Criticality, IncidentKind, InvolvementRole, Reliability, RemediationKind,
        Stance,
    };
    use chrono::NaiveDate;
    use proptest::prelude::*;

    const VENDORS: i32 = 5;
    const PRODUCTS: i32 = 8;

    fn day(offset: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Duration::days(offset)
    }

    fn as_of() -> NaiveDate {
        day(1500)
    }

    fn fact() -> impl Strategy<Value = Fact> {
        prop_oneof![
            (0usize..3, 1i32..=5, proptest::option::of(0i32..1_000_000)).prop_map(
                |(r, severity, customers_affected)| Fact::Involvement {
                    role: InvolvementRole::ALL[r],
                    severity,
                    customers_affected,
                    incident_kind: IncidentKind::Other,
                }
            ),
            (0usize..7).prop_map(|k| Fact::Remediation {
                kind: RemediationKind::ALL[k]
            }),
            (0usize..5).prop_map(|s| Fact::Assessment {
                stance: Stance::ALL[s]
            }),
        ]
    }

    fn record() -> impl Strategy<Value = EvidenceRecord> {
        (
            fact(),
            proptest::option::of(0..VENDORS),
            proptest::option::of(0..PRODUCTS),
            proptest::option::of(0i64..1600),
            0usize..6,
            1i64..=6,
            proptest::option::of(0i32..4),
        )
            .prop_map(|(fact, vendor, product, known, rel, cred, incident)| {
                let kind = match fact {
                    Fact::Involvement { .. } => EvidenceKind::Involvement,
                    Fact::Remediation { .. } => EvidenceKind::Remediation,
                    Fact::Assessment { .. } => EvidenceKind::Assessment,
                };
                let is_involvement = kind == EvidenceKind::Involvement;
                EvidenceRecord {
                    key: EvidenceKey { kind, id: 0 },
                    label: crate::domain::scoring::EvidenceLabel::Unnamed,
                    fact,
                    vendors: vendor.into_iter().collect(),
                    products: product.into_iter().collect(),
                    incident: incident.filter(|_| is_involvement),
                    known_on: known.map(day),
                    sources: vec![(Reliability::ALL[rel], Credibility::new(cred).unwrap())],
                    citations: Vec::new(),
                }
            })
    }

    fn edge() -> impl Strategy<Value = DependencyEdge> {
        (
            0..VENDORS,
            0..PRODUCTS,
            proptest::option::of(0i64..1600),
            proptest::option::of(0i64..1600),
            0usize..4,
        )
            .prop_map(
                |(consumer_vendor, product, since, until, c)| DependencyEdge {
                    id: 0,
                    consumer_vendor,
                    product,
                    since: since.map(day),
                    until: until.map(day),
                    criticality: Criticality::ALL[c],
                    label: crate::domain::scoring::EvidenceLabel::Unnamed,
                },
            )
    }

    fn input() -> impl Strategy<Value = ScoringInput> {
        (
            proptest::collection::vec(record(), 0..30),
            proptest::collection::vec(edge(), 0..12),
        )
            .prop_map(|(mut evidence, mut dependencies)| {
                for (i, r) in evidence.iter_mut().enumerate() {
                    r.key.id = i32::try_from(i).unwrap();
                }
                for (i, d) in dependencies.iter_mut().enumerate() {
                    d.id = i32::try_from(i).unwrap();
                }
                ScoringInput {
                    vendors: (0..VENDORS).collect(),
                    products: (0..PRODUCTS).map(|p| (p, p % VENDORS)).collect(),
                    evidence,
                    dependencies,
                }
            })
    }

    fn scores(input: &ScoringInput) -> Vec<(Subject, f64, f64)> {
        score_all(input, as_of(), &ScoringConfig::default())
            .into_values()
            .map(|s| (s.subject, s.score, s.uncertainty))
            .collect()
    }

    fn with_extra(input: &ScoringInput, mut extra: EvidenceRecord) -> ScoringInput {
        let mut more = input.clone();
        extra.key.id = 10_000;
        more.evidence.push(extra);
        more
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn scores_stay_within_bounds_and_opinions_sum_to_one(input in input()) {
            for s in score_all(&input, as_of(), &ScoringConfig::default()).values() {
                prop_assert!((0.0..=100.0).contains(&s.score), "{}", s.score);
                prop_assert!((s.belief + s.disbelief + s.uncertainty - 1.0).abs() < 1e-9);
                prop_assert!(s.belief >= 0.0 && s.disbelief >= 0.0 && s.uncertainty > 0.0);
            }
        }

        #[test]
        fn negative_evidence_never_raises_a_score(input in input(), extra in record(), severity in 1i32..=5, role in 0usize..3) {
            let mut extra = extra;
            extra.key.kind = EvidenceKind::Involvement;
            extra.fact = Fact::Involvement { role: InvolvementRole::ALL[role], severity, customers_affected: None, incident_kind: IncidentKind::Other };
            let before = scores(&input);
            let after = scores(&with_extra(&input, extra));
            for (b, a) in before.iter().zip(&after) {
                prop_assert!(a.1 <= b.1 + 1e-9, "{:?}: {} -> {}", b.0, b.1, a.1);
            }
        }

        #[test]
        fn positive_evidence_never_lowers_a_score(input in input(), extra in record(), kind in 0usize..7) {
            let mut extra = extra;
            extra.key.kind = EvidenceKind::Remediation;
            extra.incident = None;
            extra.fact = Fact::Remediation { kind: RemediationKind::ALL[kind] };
            let before = scores(&input);
            let after = scores(&with_extra(&input, extra));
            for (b, a) in before.iter().zip(&after) {
                prop_assert!(a.1 + 1e-9 >= b.1, "{:?}: {} -> {}", b.0, b.1, a.1);
            }
        }

        #[test]
        fn older_evidence_weighs_less(severity in 1i32..=5, early in 0i64..700, gap in 1i64..700, vendor in 0..VENDORS) {
            let make = |known: i64| ScoringInput {
                vendors: (0..VENDORS).collect(),
                products: Vec::new(),
                evidence: vec![EvidenceRecord {
                    key: EvidenceKey { kind: EvidenceKind::Involvement, id: 1 },
                    label: crate::domain::scoring::EvidenceLabel::Unnamed,
                    fact: Fact::Involvement { role: InvolvementRole::Origin, severity, customers_affected: None, incident_kind: IncidentKind::Other },
                    vendors: vec![vendor],
                    products: Vec::new(),
                    incident: Some(1),
                    known_on: Some(day(known)),
                    sources: Vec::new(),
                    citations: Vec::new(),
                }],
                dependencies: Vec::new(),
            };
            let old = score_all(&make(early), as_of(), &ScoringConfig::default());
            let recent = score_all(&make(early + gap), as_of(), &ScoringConfig::default());
            let key = Subject::Vendor(vendor);
            prop_assert!(old[&key].score > recent[&key].score, "old {} recent {}", old[&key].score, recent[&key].score);
            prop_assert!(old[&key].uncertainty > recent[&key].uncertainty);
        }

        #[test]
        fn order_of_the_input_does_not_matter(input in input(), seed in any::<u64>()) {
            let mut shuffled = input.clone();
            let n = shuffled.evidence.len();
            let m = shuffled.dependencies.len();
            if n > 1 { shuffled.evidence.rotate_left((seed as usize) % n); shuffled.evidence.reverse(); }
            if m > 1 { shuffled.dependencies.rotate_left((seed as usize) % m); shuffled.dependencies.reverse(); }
            shuffled.products.reverse();
            shuffled.vendors.reverse();
            prop_assert_eq!(scores(&input), scores(&shuffled));
        }

        #[test]
        fn scoring_is_deterministic(input in input()) {
            let a = score_all(&input, as_of(), &ScoringConfig::default());
            let b = score_all(&input, as_of(), &ScoringConfig::default());
            let flat = |m: &std::collections::BTreeMap<Subject, super::super::TrustScore>| serde_json::to_string(&m.values().collect::<Vec<_>>()).unwrap();
            prop_assert_eq!(flat(&a), flat(&b));
        }

        #[test]
        fn adding_evidence_incrementally_equals_a_full_recomputation(input in input(), extra in record()) {
            let config = ScoringConfig::default();
            let mut extra = extra;
            extra.key.id = 10_000;
            let mut book = ScoreBook::new(&input, as_of(), &config);
            book.add_evidence(extra.clone());
            let full = with_extra(&input, extra);
            let expected = ScoreBook::new(&full, as_of(), &config);
            for s in expected.subjects() {
                prop_assert_eq!(book.opinion(*s), expected.opinion(*s), "{:?}", s);
            }
        }

        #[test]
        fn a_vendors_neighbourhood_scores_it_as_the_whole_input_does(input in input(), hops in 1usize..=4, vendor in 0..VENDORS, days in 0i64..1600) {
            let config = ScoringConfig { max_hops: hops, ..ScoringConfig::default() };
            let date = day(days);
            let near = input.around(&super::super::InputIndex::new(&input), vendor, hops);
            let whole = ScoreBook::new(&input, date, &config);
            let part = ScoreBook::new(&near, date, &config);
            let mut subjects = vec![Subject::Vendor(vendor)];
            subjects.extend(input.products.iter().filter(|(_, v)| *v == vendor).map(|(p, _)| Subject::Product(*p)));
            for s in subjects {
                let (a, b) = (whole.explain(s), part.explain(s));
                prop_assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap(), "{:?}", s);
            }
        }

        #[test]
        fn evidence_from_the_future_is_ignored(input in input()) {
            let mut cut = input.clone();
            cut.evidence.retain(|r| r.known_on.is_some_and(|d| d <= as_of()));
            prop_assert_eq!(scores(&input), scores(&cut));
        }
    }

    #[test]
    fn no_evidence_means_unknown_at_the_base_rate() {
        let input = ScoringInput {
            vendors: vec![1],
            products: vec![(2, 1)],
            evidence: Vec::new(),
            dependencies: Vec::new(),
        };
        for s in score_all(&input, as_of(), &ScoringConfig::default()).values() {
            assert_eq!(s.uncertainty, 1.0);
            assert_eq!(s.score, 50.0);
            assert!(s.unknown);
            assert_eq!(s.grade, None);
        }
    }

    #[test]
    fn risk_travels_along_dependencies_and_cycles_terminate() {
        // Vendor 0 makes product 0 and depends on product 1 (vendor 1), which depends on product 0.
        let bad = EvidenceRecord {
            key: EvidenceKey {
                kind: EvidenceKind::Involvement,
                id: 1,
            },
            label: crate::domain::scoring::EvidenceLabel::Unnamed,
            fact: Fact::Involvement {
                role: InvolvementRole::Origin,
                severity: 5,
                customers_affected: None,
                incident_kind: IncidentKind::SupplyChainCompromise,
            },
            vendors: vec![1],
            products: vec![1],
            incident: Some(1),
            known_on: Some(day(10)),
            sources: Vec::new(),
            citations: Vec::new(),
        };
        let edge = |id, consumer, product| DependencyEdge {
            id,
            consumer_vendor: consumer,
            product,
            since: None,
            until: None,
            criticality: Criticality::Critical,
            label: crate::domain::scoring::EvidenceLabel::Unnamed,
        };
        let input = ScoringInput {
            vendors: vec![0, 1, 2],
            products: vec![(0, 0), (1, 1)],
            evidence: vec![bad],
            dependencies: vec![edge(1, 0, 1), edge(2, 1, 0)],
        };
        let s = score_all(&input, as_of(), &ScoringConfig::default());
        let consumer = &s[&Subject::Vendor(0)];
        assert!(
            consumer.score < 50.0,
            "the consumer inherits risk: {}",
            consumer.score
        );
        assert!(
            consumer
                .contributions
                .iter()
                .any(|c| c.kind == super::super::ContributionKind::Dependency && c.effect < 0.0)
        );
        assert_eq!(
            s[&Subject::Vendor(2)].score,
            50.0,
            "an unrelated vendor is untouched"
        );
        assert!(s.values().all(|t| (0.0..=100.0).contains(&t.score)));

        // A dependency that ended before the date carries nothing.
        let mut ended = input.clone();
        ended.dependencies[0].until = Some(day(5));
        let e = score_all(&ended, as_of(), &ScoringConfig::default());
        assert!(e[&Subject::Vendor(0)].score > consumer.score);
    }
}
