//! Closed vocabularies of the domain (tier, status, incident kind, role, stance, ...).
//! Each is parsed once from its string form; an unknown value is an error listing the allowed ones.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// An unknown value for one of the closed vocabularies.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {vocabulary} \"{value}\" (expected one of: {allowed})")]
pub struct UnknownValue {
    pub vocabulary: &'static str,
    pub value: String,
    pub allowed: String,
}

/// The unknown value as a catalogue message (`err-unknown-value`), for the reader's language.
impl From<UnknownValue> for crate::i18n::Message {
    fn from(e: UnknownValue) -> crate::i18n::Message {
        crate::i18n::Message::new("err-unknown-value")
            .with("vocabulary", e.vocabulary)
            .with("value", e.value)
            .with("allowed", e.allowed)
    }
}

macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $vocabulary:literal {
            $( $variant:ident => $text:literal, $label:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "&'static str")]
        pub enum $name {
            $( $variant ),+
        }

        impl $name {
            /// Every value, in the order of the vocabulary.
            pub const ALL: &'static [$name] = &[$( $name::$variant ),+];

            /// Every value's stored form, in the order of the vocabulary.
            pub const NAMES: &'static [&'static str] = &[$( $text ),+];

            /// The stored and serialised form.
            pub fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $text ),+ }
            }

            /// A human label for pages and reports (English).
            pub fn label(self) -> &'static str {
                match self { $( $name::$variant => $label ),+ }
            }

            /// The catalogue message naming the value in the reader's language
            /// (`enum-Tier-critical`, in `locales/*/enums.ftl`).
            pub fn message_id(self) -> &'static str {
                match self { $( $name::$variant => concat!("enum-", stringify!($name), "-", $text) ),+ }
            }
        }

        impl FromStr for $name {
            type Err = UnknownValue;
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                match value {
                    $( $text => Ok($name::$variant), )+
                    _ => Err(UnknownValue {
                        vocabulary: $vocabulary,
                        value: value.to_owned(),
                        allowed: [$( $text ),+].join(", "),
                    }),
                }
            }
        }

        impl TryFrom<String> for $name {
            type Error = UnknownValue;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                value.parse()
            }
        }

        impl From<$name> for &'static str {
            fn from(value: $name) -> Self {
                value.as_str()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// The OpenAPI schema: a string, one of the vocabulary's values.
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                crate::domain::schema::string_enum_schema(Self::NAMES)
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}

string_enum! {
    /// How precisely a date is known.
    DatePrecision, "date precision" {
        Day => "day", "day",
        Month => "month", "month",
        Year => "year", "year",
    }
}

string_enum! {
    /// How much a vendor matters to us.
    Tier, "tier" {
        Critical => "critical", "Critical",
        High => "high", "High",
        Medium => "medium", "Medium",
        Low => "low", "Low",
    }
}

string_enum! {
    /// Where a vendor stands in its relationship with us.
    VendorStatus, "vendor status" {
        Prospect => "prospect", "Prospect",
        Active => "active", "Active",
        UnderReview => "under_review", "Under review",
        Offboarding => "offboarding", "Offboarding",
        Offboarded => "offboarded", "Offboarded",
    }
}

string_enum! {
    /// How much a consumer relies on a product it depends on.
    Criticality, "criticality" {
        Critical => "critical", "Critical",
        High => "high", "High",
        Medium => "medium", "Medium",
        Low => "low", "Low",
    }
}

string_enum! {
    /// What kind of security incident happened.
    IncidentKind, "incident kind" {
        SupplyChainCompromise => "supply_chain_compromise", "Supply-chain compromise",
        CredentialTheft => "credential_theft", "Credential or certificate theft",
        SourceCodeTheft => "source_code_theft", "Source code theft",
        Intrusion => "intrusion", "Intrusion (unauthorised access)",
        DataBreach => "data_breach", "Data breach",
        Ransomware => "ransomware", "Ransomware",
        VulnerabilityExploitation => "vulnerability_exploitation", "Vulnerability exploitation",
        Outage => "outage", "Outage",
        Other => "other", "Other",
    }
}

string_enum! {
    /// The part a vendor or product played in an incident.
    InvolvementRole, "involvement role" {
        Origin => "origin", "Origin",
        Conduit => "conduit", "Conduit",
        Victim => "victim", "Victim",
    }
}

string_enum! {
    /// The STIX 2.1 opinion scale, applied to "this subject is trustworthy".
    Stance, "stance" {
        StronglyDisagree => "strongly-disagree", "Strongly disagree",
        Disagree => "disagree", "Disagree",
        Neutral => "neutral", "Neutral",
        Agree => "agree", "Agree",
        StronglyAgree => "strongly-agree", "Strongly agree",
    }
}

string_enum! {
    /// The action an assessment favours for its subject.
    FavouredAction, "favoured action" {
        Replace => "replace", "Replace",
        Retain => "retain", "Retain",
        Monitor => "monitor", "Monitor",
    }
}

string_enum! {
    /// What a vendor did in response to an incident.
    RemediationKind, "remediation kind" {
        RotateCredentials => "rotate_credentials", "Rotate credentials",
        RebuildServers => "rebuild_servers", "Rebuild or replace servers",
        DropProduct => "drop_product", "Drop a product",
        AddMonitoring => "add_monitoring", "Add monitoring",
        FinalReport => "final_report", "Publish a final report",
        Patch => "patch", "Patch",
        Other => "other", "Other",
    }
}

string_enum! {
    /// Admiralty (NATO) source reliability grade.
    Reliability, "source reliability" {
        A => "A", "A: completely reliable",
        B => "B", "B: usually reliable",
        C => "C", "C: fairly reliable",
        D => "D", "D: not usually reliable",
        E => "E", "E: unreliable",
        F => "F", "F: reliability cannot be judged",
    }
}

string_enum! {
    /// Gartner Magic Quadrant placement.
    MagicQuadrant, "Magic Quadrant quadrant" {
        Leaders => "leaders", "Leaders",
        Challengers => "challengers", "Challengers",
        Visionaries => "visionaries", "Visionaries",
        NichePlayers => "niche_players", "Niche players",
    }
}

string_enum! {
    /// Forrester Wave placement.
    WaveTier, "Forrester Wave tier" {
        Leaders => "leaders", "Leaders",
        StrongPerformers => "strong_performers", "Strong performers",
        Contenders => "contenders", "Contenders",
        Challengers => "challengers", "Challengers",
    }
}

string_enum! {
    /// What a user may do; each account has exactly one role.
    Role, "role" {
        Viewer => "viewer", "Viewer",
        Analyst => "analyst", "Analyst",
        Reviewer => "reviewer", "Reviewer",
        Admin => "admin", "Administrator",
    }
}

string_enum! {
    /// Through what a change reached the knowledge base, for the audit trail.
    Channel, "channel" {
        Ui => "ui", "Browser",
        Api => "api", "API",
        Cli => "cli", "Command line",
        Import => "import", "Import",
        System => "system", "System",
    }
}

string_enum! {
    /// What an audit record says happened.
    AuditAction, "audit action" {
        Create => "create", "Created",
        Update => "update", "Updated",
        Delete => "delete", "Deleted",
        SignIn => "sign_in", "Signed in",
        SignInFailed => "sign_in_failed", "Sign-in refused",
        SignOut => "sign_out", "Signed out",
    }
}

string_enum! {
    /// How sensitive the data a reviewed vendor or product would handle is.
    DataClassification, "data classification" {
        Public => "public", "Public",
        Internal => "internal", "Internal",
        Confidential => "confidential", "Confidential",
        Restricted => "restricted", "Restricted",
    }
}

string_enum! {
    /// Where a procurement review stands.
    ReviewStatus, "review status" {
        Open => "open", "Open",
        Decided => "decided", "Decided",
    }
}

string_enum! {
    /// What a procurement review decided.
    ReviewDecision, "review decision" {
        Approve => "approve", "Approve",
        ApproveWithConditions => "approve_with_conditions", "Approve with conditions",
        Reject => "reject", "Reject",
    }
}

string_enum! {
    /// Where a condition of an approval stands.
    ConditionStatus, "condition status" {
        Open => "open", "Open",
        Met => "met", "Met",
        Waived => "waived", "Waived",
    }
}

string_enum! {
    /// What a watchlist rule watches for; an alert has its rule's kind.
    WatchRuleKind, "watch rule kind" {
        ScoreBelow => "score_below", "Score falls below",
        ScoreDrop => "score_drop", "Score drops by",
        GradeChange => "grade_change", "Grade changes",
        NewIncident => "new_incident", "New incident",
        NewAssessment => "new_assessment", "New assessment",
    }
}

string_enum! {
    /// Where a webhook delivery of an alert stands.
    DeliveryStatus, "delivery status" {
        Pending => "pending", "Pending",
        Delivered => "delivered", "Delivered",
        Failed => "failed", "Failed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips_through_its_text() {
        for role in InvolvementRole::ALL {
            assert_eq!(role.as_str().parse::<InvolvementRole>(), Ok(*role));
        }
        for stance in Stance::ALL {
            assert_eq!(stance.as_str().parse::<Stance>(), Ok(*stance));
        }
    }

    #[test]
    fn unknown_value_lists_the_allowed_ones() {
        let err = "originator".parse::<InvolvementRole>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown involvement role \"originator\" (expected one of: origin, conduit, victim)"
        );
    }

    #[test]
    fn serde_uses_the_text_form() {
        let json = serde_json::to_string(&Stance::StronglyAgree).unwrap();
        assert_eq!(json, "\"strongly-agree\"");
        assert!(serde_json::from_str::<Tier>("\"huge\"").is_err());
    }
}
