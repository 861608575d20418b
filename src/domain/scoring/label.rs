//! What a piece of evidence is, as structured data: the web layer words it in the reader's
//! language, and `english()` gives the English line the API and the command line show.

use crate::domain::{Criticality, InvolvementRole, RemediationKind, Stance};

/// The subject of one line of a score's explanation.
#[derive(
    Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[serde(tag = "label", rename_all = "snake_case")]
pub enum EvidenceLabel {
    /// A part played in an incident: "Origin in SolarWinds Orion supply-chain compromise".
    Involvement {
        role: InvolvementRole,
        incident: String,
    },
    /// "Rotate credentials: all certificates reissued".
    Remediation {
        kind: RemediationKind,
        description: String,
    },
    /// "Jane Doe (Gartner): agree"; `analyst` is `None` when the analyst is not recorded.
    Assessment {
        analyst: Option<String>,
        stance: Stance,
    },
    /// "Depends on Orion (SolarWinds), high criticality".
    Dependency {
        product: String,
        vendor: String,
        criticality: Criticality,
    },
    /// Evidence without a description (synthetic data).
    #[default]
    Unnamed,
}

impl EvidenceLabel {
    /// The line in English.
    pub fn english(&self) -> String {
        match self {
            EvidenceLabel::Involvement { role, incident } => {
                format!("{} in {incident}", role.label())
            }
            EvidenceLabel::Remediation { kind, description } => {
                format!("{}: {description}", kind.label())
            }
            EvidenceLabel::Assessment { analyst, stance } => format!(
                "{}: {}",
                analyst.as_deref().unwrap_or("Unknown analyst"),
                stance.label().to_lowercase()
            ),
            EvidenceLabel::Dependency {
                product,
                vendor,
                criticality,
            } => format!(
                "Depends on {product} ({vendor}), {} criticality",
                criticality.label().to_lowercase()
            ),
            EvidenceLabel::Unnamed => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_lines_read_as_before() {
        let origin = EvidenceLabel::Involvement {
            role: InvolvementRole::Origin,
            incident: "Orion compromise".into(),
        };
        assert_eq!(origin.english(), "Origin in Orion compromise");
        let dep = EvidenceLabel::Dependency {
            product: "Orion".into(),
            vendor: "SolarWinds".into(),
            criticality: Criticality::High,
        };
        assert_eq!(
            dep.english(),
            "Depends on Orion (SolarWinds), high criticality"
        );
        let view = EvidenceLabel::Assessment {
            analyst: None,
            stance: Stance::Agree,
        };
        assert_eq!(view.english(), "Unknown analyst: agree");
    }
}
