//! Property tests of the recommendations: alternatives never hold the product or a product of
//! an origin vendor of the same incident, decisions are monotonic in the score, determinism.

#[cfg(test)]
mod tests {
    use super::super::context::{ProductContext, involved_vendor, recent, touches};
    use super::super::input::*;
    use super::super::rules::{Facts, decide};
    use super::super::{Decision, Recommendation, RecommendationConfig, recommend};
    use crate::domain::{
        Criticality, FavouredAction, IncidentKind, InvolvementRole, RemediationKind, Stance,
    };
    use chrono::NaiveDate;
    use proptest::prelude::*;

    const VENDORS: i32 = 4;
    const PRODUCTS: i32 = 8;

    fn day(offset: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Duration::days(offset)
    }

    fn score() -> impl Strategy<Value = ScoreSummary> {
        (0.0f64..=100.0, 0.0f64..=1.0)
            .prop_map(|(score, uncertainty)| ScoreSummary { score, uncertainty })
    }

    fn involvement() -> impl Strategy<Value = Involvement> {
        (
            proptest::option::of(0..VENDORS),
            proptest::option::of(0..PRODUCTS),
            0usize..3,
        )
            .prop_map(|(vendor, product, r)| Involvement {
                vendor: vendor.or(if product.is_none() { Some(0) } else { None }),
                product,
                role: InvolvementRole::ALL[r],
            })
    }

    fn incident(id: i32) -> impl Strategy<Value = IncidentInfo> {
        (
            0usize..IncidentKind::ALL.len(),
            1i32..=5,
            proptest::option::of(0i64..1200),
            proptest::collection::vec(involvement(), 1..4),
            proptest::option::of(0i32..4),
        )
            .prop_map(
                move |(k, severity, known, involvements, cause)| IncidentInfo {
                    id,
                    slug: format!("incident-{id}"),
                    title: format!("Incident {id}"),
                    kind: IncidentKind::ALL[k],
                    severity,
                    known_on: known.map(day),
                    involvements,
                    caused_by: cause.filter(|c| *c != id).into_iter().collect(),
                },
            )
    }

    fn input() -> impl Strategy<Value = RecommendInput> {
        (
            proptest::collection::vec((0..VENDORS, 0i32..3), PRODUCTS as usize),
            proptest::collection::vec(
                (
                    proptest::option::of(0..VENDORS),
                    0..PRODUCTS,
                    proptest::option::of(0i64..1200),
                    proptest::option::of(0i64..1200),
                    0usize..4,
                ),
                0..10,
            ),
            (0i32..4).prop_flat_map(|n| (0..n).map(incident).collect::<Vec<_>>()),
            proptest::collection::vec(
                (
                    0..PRODUCTS,
                    0usize..5,
                    proptest::option::of(0usize..3),
                    0i64..1200,
                    any::<bool>(),
                ),
                0..5,
            ),
            proptest::collection::vec(score(), (VENDORS + PRODUCTS) as usize),
            proptest::collection::vec((0usize..7, 0i32..4, 0..VENDORS, 0i64..1200), 0..4),
            800i64..1300,
        )
            .prop_map(
                |(products, usages, incidents, views, scores, remediations, as_of)| {
                    let mut input = RecommendInput {
                        as_of: day(as_of),
                        ..RecommendInput::default()
                    };
                    for v in 0..VENDORS {
                        input.vendors.insert(
                            v,
                            VendorInfo {
                                slug: format!("v{v}"),
                                name: format!("Vendor {v}"),
                            },
                        );
                        input.vendor_scores.insert(v, scores[v as usize]);
                    }
                    for c in 0..3 {
                        input.categories.insert(
                            c,
                            CategoryInfo {
                                slug: format!("c{c}"),
                                name: format!("Category {c}"),
                            },
                        );
                    }
                    for (p, (vendor, category)) in products.into_iter().enumerate() {
                        let p = p as i32;
                        input.products.insert(
                            p,
                            ProductInfo {
                                slug: format!("p{p}"),
                                name: format!("Product {p}"),
                                vendor,
                                category,
                            },
                        );
                        input
                            .product_scores
                            .insert(p, scores[(VENDORS + p) as usize]);
                    }
                    for (i, (consumer, product, since, until, c)) in usages.into_iter().enumerate()
                    {
                        input.usages.push(Usage {
                            id: i as i32,
                            consumer: consumer.map_or(Consumer::Organisation, Consumer::Vendor),
                            product,
                            since: since.map(day),
                            until: until.map(day),
                            criticality: Criticality::ALL[c],
                        });
                    }
                    input.incidents = incidents;
                    for (i, (p, s, act, on, on_vendor)) in views.into_iter().enumerate() {
                        input.assessments.push(AssessmentInfo {
                            id: i as i32,
                            slug: format!("a{i}"),
                            firm: None,
                            analyst: format!("Analyst {i}"),
                            analyst_title: None,
                            assessed_on: day(on),
                            subject: if on_vendor {
                                AssessedSubject::Vendor(p % VENDORS)
                            } else {
                                AssessedSubject::Product(p)
                            },
                            stance: Stance::ALL[s],
                            favoured_action: act.map(|a| FavouredAction::ALL[a]),
                            quote: "q".into(),
                            quote_language: "en".into(),
                            translation: None,
                            translation_language: None,
                            citations: Vec::new(),
                        });
                    }
                    for (i, (k, incident, vendor, on)) in remediations.into_iter().enumerate() {
                        input.remediations.push(RemediationInfo {
                            id: i as i32,
                            slug: format!("r{i}"),
                            kind: RemediationKind::ALL[k],
                            incident: Some(incident),
                            vendor,
                            product: None,
                            replacement: None,
                            known_on: Some(day(on)),
                            description: "done".into(),
                            citations: Vec::new(),
                        });
                    }
                    input
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn alternatives_never_hold_the_product_or_an_origin_vendor_of_its_incidents(input in input()) {
            let config = RecommendationConfig::default();
            for (&id, product) in &input.products {
                let r = recommend(&input, id, &config).unwrap();
                let origins: Vec<i32> = input
                    .incidents
                    .iter()
                    .filter(|i| recent(&input, i, &config))
                    .filter(|i| i.involvements.iter().any(|inv| touches(inv, id, product.vendor)))
                    .flat_map(|i| i.involvements.iter())
                    .filter(|inv| inv.role == InvolvementRole::Origin)
                    .filter_map(|inv| involved_vendor(&input, inv))
                    .collect();
                for alt in &r.alternatives {
                    prop_assert_ne!(&alt.product, &product.slug);
                    let alt_product = input.products.values().find(|p| p.slug == alt.product).unwrap();
                    prop_assert!(!origins.contains(&alt_product.vendor), "{} offered", alt.product);
                    prop_assert_eq!(alt_product.category, product.category);
                }
                let ranks: Vec<usize> = r.alternatives.iter().map(|a| a.rank).collect();
                prop_assert_eq!(ranks, (1..=r.alternatives.len()).collect::<Vec<_>>());
            }
        }

        #[test]
        fn a_higher_score_never_gives_a_more_drastic_decision(
            input in input(),
            low in 0.0f64..=100.0,
            raise in 0.0f64..=100.0,
        ) {
            let config = RecommendationConfig::default();
            let high = (low + raise).min(100.0);
            for &id in input.products.keys() {
                let with = |s: f64| {
                    let mut i = input.clone();
                    let vendor = i.products[&id].vendor;
                    i.product_scores.get_mut(&id).unwrap().score = s;
                    i.vendor_scores.get_mut(&vendor).unwrap().score = 100.0;
                    recommend(&i, id, &config).unwrap().decision
                };
                prop_assert!(with(high) <= with(low), "product {id}: {low} → {high}");
            }
        }

        #[test]
        fn the_rule_table_is_monotonic_and_never_retains_the_unknown(
            low in 0.0f64..=100.0,
            raise in 0.0f64..=100.0,
            uncertainty in 0.0f64..=1.0,
            c in 0usize..4,
            flags in (any::<bool>(), any::<bool>(), any::<bool>()),
            favour in (0usize..3, 0usize..3, 0usize..3),
        ) {
            let config = RecommendationConfig::default();
            let facts = |score: f64| Facts {
                score,
                uncertainty,
                criticality: Criticality::ALL[c],
                supply_chain_origin: flags.0.then(|| "X".to_owned()),
                severe_incident: (flags.0 || flags.1).then(|| "X".to_owned()),
                recent_incident: (flags.0 || flags.1 || flags.2).then(|| "X".to_owned()),
                favour_replace: favour.0,
                favour_monitor: favour.1,
                favour_retain: favour.2,
            };
            let high = (low + raise).min(100.0);
            let (a, b) = (decide(&facts(low), &config), decide(&facts(high), &config));
            prop_assert!(b.decision <= a.decision, "{} → {}", a.name, b.name);
            if uncertainty >= config.unknown_uncertainty {
                prop_assert_ne!(a.decision, Decision::Retain);
            }
            if flags.0 {
                prop_assert!(a.decision >= Decision::RetainWithControls);
            }
        }

        #[test]
        fn output_is_deterministic_and_replacements_come_with_transition_controls(input in input()) {
            let config = RecommendationConfig::default();
            for &id in input.products.keys() {
                let a = recommend(&input, id, &config).unwrap();
                let b = recommend(&input.clone(), id, &config).unwrap();
                prop_assert_eq!(&a, &b);
                if a.decision == Decision::Replace {
                    prop_assert!(a.controls.iter().any(|c| c.transition));
                }
                if a.unknown {
                    prop_assert_ne!(a.decision, Decision::Retain);
                }
            }
        }

        #[test]
        fn evidence_from_after_the_date_is_ignored(input in input()) {
            let config = RecommendationConfig::default();
            let mut later = input.clone();
            later.incidents.iter_mut().for_each(|i| {
                if i.known_on.is_none_or(|d| d > input.as_of) {
                    i.known_on = Some(input.as_of + chrono::Duration::days(1));
                }
            });
            later.assessments.push(AssessmentInfo {
                id: 999,
                slug: "later".into(),
                firm: None,
                analyst: "Later".into(),
                analyst_title: None,
                assessed_on: input.as_of + chrono::Duration::days(1),
                subject: AssessedSubject::Product(0),
                stance: Stance::StronglyDisagree,
                favoured_action: Some(FavouredAction::Replace),
                quote: "q".into(),
                quote_language: "en".into(),
                translation: None,
                translation_language: None,
                citations: Vec::new(),
            });
            for &id in input.products.keys() {
                prop_assert_eq!(recommend(&input, id, &config), recommend(&later, id, &config));
            }
        }

        #[test]
        fn the_decision_alone_agrees_with_the_full_engine(input in input()) {
            let config = RecommendationConfig::default();
            let mut full: Vec<(i32, Decision)> = super::super::recommend_in_use(&input, &config)
                .into_iter()
                .map(|r| {
                    let id = input.products.iter().find(|(_, p)| p.slug == r.product).unwrap().0;
                    (*id, r.decision)
                })
                .collect();
            full.sort();
            prop_assert_eq!(super::super::decide_in_use(&input, &config), full);
        }

        #[test]
        fn the_lookup_finds_the_context_a_scan_finds(input in input()) {
            let config = RecommendationConfig::default();
            let lookup = super::super::lookup::Lookup::new(&input, &config);
            for &id in input.products.keys() {
                let scanned = ProductContext::new(&input, id, &config);
                let looked_up = lookup.context(&input, id, &config);
                prop_assert_eq!(format!("{scanned:?}"), format!("{looked_up:?}"));
            }
        }

        #[test]
        fn needing_action_lists_the_full_engines_first_actions(input in input(), limit in 0usize..6) {
            let config = RecommendationConfig::default();
            let full: Vec<Recommendation> = super::super::recommend_in_use(&input, &config)
                .into_iter()
                .filter(Recommendation::needs_action)
                .take(limit)
                .collect();
            prop_assert_eq!(super::super::needing_action(&input, &config, limit), full);
        }

        #[test]
        fn a_portfolio_page_is_a_slice_of_the_full_list(
            input in input(),
            offset in 0usize..6,
            limit in 0usize..6,
        ) {
            let config = RecommendationConfig::default();
            let full = super::super::recommend_in_use(&input, &config);
            let portfolio = super::super::Portfolio::new(input.clone(), &config);
            let page = portfolio.page(offset, limit);
            prop_assert_eq!(page.total, full.len());
            prop_assert_eq!(
                page.needing_action,
                full.iter().filter(|r| r.needs_action()).count()
            );
            let slice: Vec<Recommendation> = full.into_iter().skip(offset).take(limit).collect();
            prop_assert_eq!(page.items, slice);
            for (id, product) in &input.products {
                prop_assert_eq!(
                    portfolio.product(&product.slug),
                    super::super::recommend(&input, *id, &config)
                );
            }
        }
    }

    #[test]
    fn context_of_an_unknown_product_is_none() {
        let input = RecommendInput::default();
        assert!(ProductContext::new(&input, 1, &RecommendationConfig::default()).is_none());
    }
}
