//! Importing incidents with their involvements, timelines and causes, then dependencies,
//! remediations and assessments, checking the rules between fields as it goes.

use super::super::date::{date_of, precision_of};
use super::{At, Importer, Kind, Target, audit_values, with_field};
use crate::domain::{Slug, check_date_order};
use crate::store::insert::*;
use crate::store::pack::error::PackError;
use crate::store::pack::format::*;
use diesel::prelude::*;

impl Importer<'_> {
    pub(super) fn incidents(
        &mut self,
        file: &str,
        records: &[PackIncident],
    ) -> Result<(), PackError> {
        for (i, r) in records.iter().enumerate() {
            self.tick();
            let at = At::new(file, "incidents", i, Some(r.slug.as_str()));
            let discovered = date_of(r.discovered_on);
            let mut valid = true;
            let partial = |d: Option<crate::store::pack::date::PackDate>| d.map(|d| d.0);
            for (name, date) in [
                ("disclosed_on", r.disclosed_on),
                ("resolved_on", r.resolved_on),
            ] {
                if let Err(e) = check_date_order(
                    "discovered_on",
                    partial(r.discovered_on),
                    name,
                    partial(date),
                ) {
                    self.issue(&at, name, e.to_string());
                    valid = false;
                }
            }
            let row = NewIncident {
                slug: r.slug.as_str(),
                title: r.title.as_str(),
                kind: r.kind.as_str(),
                severity: r.severity.get(),
                discovered_on: discovered,
                disclosed_on: date_of(r.disclosed_on),
                resolved_on: date_of(r.resolved_on),
                discovered_precision: precision_of(r.discovered_on),
                disclosed_precision: precision_of(r.disclosed_on),
                resolved_precision: precision_of(r.resolved_on),
                threat_actor: r.threat_actor.as_ref().map(|t| t.as_str()),
                summary: r.summary.as_str(),
            };
            let id = if valid {
                self.insert_if_ok(|c| insert_returning_id!(c, incidents, &row))?
            } else {
                None
            };
            self.define_created(Kind::Incident, &r.slug, id, r)?;
            self.finish(&at, id, "incidents", &r.citations, Target::Incident)?;
        }
        Ok(())
    }

    pub(super) fn incident_children(
        &mut self,
        file: &str,
        records: &[PackIncident],
    ) -> Result<(), PackError> {
        for (i, r) in records.iter().enumerate() {
            let at = At::new(file, "incidents", i, Some(r.slug.as_str()));
            let incident = self
                .ids
                .get(&(Kind::Incident, r.slug.to_string()))
                .copied()
                .flatten();
            for (j, inv) in r.involvements.iter().enumerate() {
                let at = at.child("involvements", j);
                if inv.vendor.is_none() && inv.product.is_none() {
                    self.issue(
                        &at,
                        "vendor",
                        "an involvement needs a `vendor`, a `product` or both",
                    );
                    continue;
                }
                let vendor = self.resolve_opt(Kind::Vendor, inv.vendor.as_ref(), &at, "vendor")?;
                let product =
                    self.resolve_opt(Kind::Product, inv.product.as_ref(), &at, "product")?;
                let resolved = inv.vendor.is_none() == vendor.is_none()
                    && inv.product.is_none() == product.is_none();
                let id = match (incident, resolved) {
                    (Some(incident_id), true) => {
                        let row = NewInvolvement {
                            incident_id,
                            vendor_id: vendor,
                            product_id: product,
                            role: inv.role.as_str(),
                            customers_affected: inv.customers_affected.map(|c| c.get()),
                            description: inv.description.as_ref().map(|t| t.as_str()),
                        };
                        self.insert_if_ok(|c| insert_returning_id!(c, incident_involvements, &row))?
                    }
                    _ => None,
                };
                let subject = inv.vendor.as_ref().or(inv.product.as_ref());
                let label = match subject {
                    Some(s) => format!("{}: {} {s}", r.slug, inv.role),
                    None => format!("{}: {}", r.slug, inv.role),
                };
                let values = with_field(audit_values(inv), "incident", r.slug.as_str());
                self.audit("incident_involvement", id, &label, &values)?;
                self.finish(
                    &at,
                    id,
                    "incident involvements",
                    &inv.citations,
                    Target::Involvement,
                )?;
            }
            for (j, ev) in r.timeline.iter().enumerate() {
                let at = at.child("timeline", j);
                let id = match incident {
                    Some(incident_id) => {
                        let row = NewTimelineEvent {
                            incident_id,
                            occurred_on: ev.on.date(),
                            occurred_precision: precision_of(Some(ev.on)),
                            title: ev.title.as_str(),
                            description: ev.description.as_ref().map(|t| t.as_str()),
                        };
                        self.insert_if_ok(|c| {
                            insert_returning_id!(c, incident_timeline_events, &row)
                        })?
                    }
                    None => None,
                };
                let values = with_field(audit_values(ev), "incident", r.slug.as_str());
                self.audit("incident_timeline_event", id, ev.title.as_str(), &values)?;
                self.finish(
                    &at,
                    id,
                    "timeline events",
                    &ev.citations,
                    Target::TimelineEvent,
                )?;
            }
            for (j, cause) in r.caused_by.iter().enumerate() {
                let at = at.child("caused_by", j);
                if cause.incident == r.slug {
                    self.issue(&at, "incident", "an incident cannot cause itself");
                    continue;
                }
                if r.caused_by[..j]
                    .iter()
                    .any(|earlier| earlier.incident == cause.incident)
                {
                    self.issue(
                        &at,
                        "incident",
                        format!("\"{}\" is already listed as a cause", cause.incident),
                    );
                    continue;
                }
                let cause_id = self.resolve(Kind::Incident, &cause.incident, &at, "incident")?;
                let id = match (cause_id, incident) {
                    (Some(cause_id), Some(effect_id)) => {
                        if self.closes_cycle(cause_id, effect_id)? {
                            self.issue(
                                &at,
                                "incident",
                                format!(
                                    "\"{}\" causing \"{}\" would close a cycle: \"{}\" already leads to \"{}\"",
                                    cause.incident, r.slug, r.slug, cause.incident
                                ),
                            );
                            continue;
                        }
                        let row = NewCause {
                            cause_id,
                            effect_id,
                            description: cause.description.as_ref().map(|t| t.as_str()),
                        };
                        self.insert_if_ok(|c| insert_returning_id!(c, incident_causes, &row))?
                    }
                    _ => None,
                };
                let label = format!("{} → {}", cause.incident, r.slug);
                let values = serde_json::json!({
                    "cause": cause.incident,
                    "effect": r.slug,
                    "description": cause.description,
                });
                self.audit("incident_cause", id, &label, &values)?;
                self.finish(&at, id, "causal links", &cause.citations, Target::Cause)?;
            }
        }
        Ok(())
    }

    /// Whether `cause → effect` would close a cycle with the links stored so far (those of
    /// the database and of this pack; the pack's are stored as they are read).
    fn closes_cycle(&mut self, cause: i32, effect: i32) -> Result<bool, PackError> {
        use crate::store::schema::incident_causes::dsl as ic;
        let links: Vec<(i32, i32)> = ic::incident_causes
            .select((ic::cause_id, ic::effect_id))
            .load(&mut *self.conn)?;
        Ok(matches!(
            crate::domain::causal::check_link(&links, cause, effect),
            Err(crate::domain::causal::LinkProblem::Cycle(_))
        ))
    }

    pub(super) fn dependencies(
        &mut self,
        file: &str,
        records: &[PackDependency],
    ) -> Result<(), PackError> {
        for (i, r) in records.iter().enumerate() {
            self.tick();
            let at = At::new(file, "dependencies", i, None);
            let consumer = if r.consumer == ORGANISATION_CONSUMER {
                Some(None)
            } else {
                match Slug::parse(r.consumer.as_str()) {
                    Ok(slug) => self
                        .resolve(Kind::Vendor, &slug, &at, "consumer")?
                        .map(Some),
                    Err(_) => {
                        let msg = format!(
                            "\"{}\" is neither a vendor slug nor \"{ORGANISATION_CONSUMER}\"",
                            r.consumer
                        );
                        self.issue(&at, "consumer", msg);
                        None
                    }
                }
            };
            let product = self.resolve(Kind::Product, &r.product, &at, "product")?;
            let (since, until) = (date_of(r.since), date_of(r.until));
            let dates_ok = match check_date_order(
                "since",
                r.since.map(|d| d.0),
                "until",
                r.until.map(|d| d.0),
            ) {
                Ok(()) => true,
                Err(e) => {
                    self.issue(&at, "until", e.to_string());
                    false
                }
            };
            let id = match (consumer, product, dates_ok) {
                (Some(consumer_vendor_id), Some(product_id), true) => {
                    let row = NewDependency {
                        consumer_vendor_id,
                        product_id,
                        since,
                        until,
                        since_precision: precision_of(r.since),
                        until_precision: precision_of(r.until),
                        criticality: r.criticality.as_str(),
                        purpose: r.purpose.as_ref().map(|t| t.as_str()),
                    };
                    self.insert_if_ok(|c| insert_returning_id!(c, dependencies, &row))?
                }
                _ => None,
            };
            let label = format!("{} → {}", r.consumer, r.product);
            self.audit("dependency", id, &label, r)?;
            self.finish(&at, id, "dependencies", &r.citations, Target::Dependency)?;
        }
        Ok(())
    }

    pub(super) fn remediations(
        &mut self,
        file: &str,
        records: &[PackRemediation],
    ) -> Result<(), PackError> {
        for (i, r) in records.iter().enumerate() {
            self.tick();
            let at = At::new(file, "remediations", i, Some(r.slug.as_str()));
            let vendor = self.resolve(Kind::Vendor, &r.vendor, &at, "vendor")?;
            let incident =
                self.resolve_opt(Kind::Incident, r.incident.as_ref(), &at, "incident")?;
            let product = self.resolve_opt(Kind::Product, r.product.as_ref(), &at, "product")?;
            let replacement = self.resolve_opt(
                Kind::Product,
                r.replacement_product.as_ref(),
                &at,
                "replacement_product",
            )?;
            if r.product.is_some() && r.product == r.replacement_product {
                self.issue(
                    &at,
                    "replacement_product",
                    "the replacement must differ from the product",
                );
            }
            let resolved = r.incident.is_none() == incident.is_none()
                && r.product.is_none() == product.is_none()
                && r.replacement_product.is_none() == replacement.is_none();
            let id = match (vendor, resolved) {
                (Some(vendor_id), true) => {
                    let row = NewRemediation {
                        slug: r.slug.as_str(),
                        vendor_id,
                        incident_id: incident,
                        product_id: product,
                        replacement_product_id: replacement,
                        kind: r.kind.as_str(),
                        taken_on: date_of(r.taken_on),
                        taken_precision: precision_of(r.taken_on),
                        description: r.description.as_str(),
                    };
                    self.insert_if_ok(|c| insert_returning_id!(c, remediations, &row))?
                }
                _ => None,
            };
            self.define_created(Kind::Remediation, &r.slug, id, r)?;
            self.finish(&at, id, "remediations", &r.citations, Target::Remediation)?;
        }
        Ok(())
    }

    pub(super) fn assessments(
        &mut self,
        file: &str,
        records: &[PackAssessment],
    ) -> Result<(), PackError> {
        for (i, r) in records.iter().enumerate() {
            self.tick();
            let at = At::new(file, "assessments", i, Some(r.slug.as_str()));
            let subjects = [
                r.vendor.is_some(),
                r.product.is_some(),
                r.incident.is_some(),
            ];
            let mut valid = true;
            if subjects.iter().filter(|s| **s).count() != 1 {
                self.issue(
                    &at,
                    "vendor",
                    "an assessment needs exactly one subject: `vendor`, `product` or `incident`",
                );
                valid = false;
            }
            if r.translation.is_some() != r.translation_language.is_some() {
                self.issue(
                    &at,
                    "translation_language",
                    "give `translation` and `translation_language` together",
                );
                valid = false;
            }
            let analyst = self.resolve(Kind::Analyst, &r.analyst, &at, "analyst")?;
            let vendor = self.resolve_opt(Kind::Vendor, r.vendor.as_ref(), &at, "vendor")?;
            let product = self.resolve_opt(Kind::Product, r.product.as_ref(), &at, "product")?;
            let incident =
                self.resolve_opt(Kind::Incident, r.incident.as_ref(), &at, "incident")?;
            let subject_found = vendor.is_some() || product.is_some() || incident.is_some();
            let id = match (analyst, valid && subject_found) {
                (Some(analyst_id), true) => {
                    let row = NewAssessment {
                        slug: r.slug.as_str(),
                        analyst_id,
                        vendor_id: vendor,
                        product_id: product,
                        incident_id: incident,
                        assessed_on: r.assessed_on.date(),
                        assessed_precision: precision_of(Some(r.assessed_on)),
                        stance: r.stance.as_str(),
                        favoured_action: r.favoured_action.map(|a| a.as_str()),
                        quote: r.quote.as_str(),
                        quote_language: r.quote_language.as_str(),
                        translation: r.translation.as_ref().map(|t| t.as_str()),
                        translation_language: r.translation_language.as_ref().map(|l| l.as_str()),
                        magic_quadrant: r.magic_quadrant.map(|q| q.as_str()),
                        wave_tier: r.wave_tier.map(|w| w.as_str()),
                    };
                    self.insert_if_ok(|c| insert_returning_id!(c, assessments, &row))?
                }
                _ => None,
            };
            self.define_created(Kind::Assessment, &r.slug, id, r)?;
            self.finish(&at, id, "assessments", &r.citations, Target::Assessment)?;
        }
        Ok(())
    }
}
