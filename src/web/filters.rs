//! Askama filters for the templates: dates as precisely as known, language names, anchors.
//! Templates import them through the `filters` module in scope of each template struct.

use crate::domain::PartialDate;

/// "16 Mar 2021", "Jan 2021" or "2021", as precisely as the date is known.
#[askama::filter_fn]
pub fn day(date: &PartialDate, _: &dyn askama::Values) -> askama::Result<String> {
    Ok(date.human())
}

/// Like `day`, or an en dash when the date is unknown.
#[askama::filter_fn]
pub fn day_or_dash(date: &Option<PartialDate>, _: &dyn askama::Values) -> askama::Result<String> {
    Ok(date.map_or_else(|| "–".to_owned(), |d| d.human()))
}

/// " · paragraph 4, 12": the distinct locators of a list of citations, in order.
#[askama::filter_fn]
pub fn locators(
    citations: &[crate::domain::views::CitationView],
    _: &dyn askama::Values,
) -> askama::Result<String> {
    let mut seen: Vec<&str> = Vec::new();
    for c in citations {
        if let Some(l) = c.locator.as_deref()
            && !seen.contains(&l)
        {
            seen.push(l);
        }
    }
    if seen.is_empty() {
        return Ok(String::new());
    }
    let all_paragraphs = seen.iter().all(|l| l.starts_with("paragraph "));
    let joined = if all_paragraphs {
        let numbers: Vec<&str> = seen
            .iter()
            .map(|l| l.trim_start_matches("paragraph "))
            .collect();
        let word = if numbers.len() == 1 {
            "paragraph"
        } else {
            "paragraphs"
        };
        format!("{word} {}", numbers.join(", "))
    } else {
        seen.join(", ")
    };
    Ok(format!(" · {joined}"))
}

/// A score or percentage with one decimal: "54.8".
#[askama::filter_fn]
pub fn points(value: &f64, _: &dyn askama::Values) -> askama::Result<String> {
    Ok(format!("{value:.1}"))
}

/// A share as a percentage: 0.194 → "19%".
#[askama::filter_fn]
pub fn percent(value: &f64, _: &dyn askama::Values) -> askama::Result<String> {
    Ok(format!("{:.0}%", value * 100.0))
}

/// A signed effect in score points: "+6.5", "−18.7".
#[askama::filter_fn]
pub fn signed(value: &f64, _: &dyn askama::Values) -> askama::Result<String> {
    Ok(if *value < 0.0 {
        format!("−{:.1}", -value)
    } else {
        format!("+{value:.1}")
    })
}

/// A factor with up to three decimals: "0.844".
#[askama::filter_fn]
pub fn factor(value: &f64, _: &dyn askama::Values) -> askama::Result<String> {
    Ok(format!("{value:.3}"))
}

/// The English name of a language code ("fr" → "French"); unknown codes are shown as is.
#[askama::filter_fn]
pub fn language(code: &str, _: &dyn askama::Values) -> askama::Result<String> {
    let primary = code.split('-').next().unwrap_or(code);
    let name = match primary {
        "fr" => "French",
        "en" => "English",
        "de" => "German",
        "es" => "Spanish",
        "it" => "Italian",
        "nl" => "Dutch",
        "pt" => "Portuguese",
        "ja" => "Japanese",
        "zh" => "Chinese",
        "ru" => "Russian",
        _ => return Ok(code.to_owned()),
    };
    Ok(name.to_owned())
}

/// The fragment of a source page a locator points to: "paragraph 5" → "p-5".
#[askama::filter_fn]
pub fn anchor(locator: &str, _: &dyn askama::Values) -> askama::Result<String> {
    Ok(match locator.strip_prefix("paragraph ") {
        Some(n) if n.chars().all(|c| c.is_ascii_digit()) => format!("p-{n}"),
        _ => "text".to_owned(),
    })
}

/// A calendar date: "16 Mar 2021".
#[askama::filter_fn]
pub fn plain_day(date: &chrono::NaiveDate, _: &dyn askama::Values) -> askama::Result<String> {
    Ok(date.format("%-d %b %Y").to_string())
}

/// What kind of evidence a contribution is, for people.
#[askama::filter_fn]
pub fn kind_label(
    kind: &crate::domain::scoring::ContributionKind,
    _: &dyn askama::Values,
) -> askama::Result<String> {
    use crate::domain::scoring::ContributionKind;
    Ok(match kind {
        ContributionKind::Involvement => "Incident involvement",
        ContributionKind::Remediation => "Remediation",
        ContributionKind::Assessment => "Analyst view (averaged with the others)",
        ContributionKind::Dependency => "Inherited through a dependency",
    }
    .to_owned())
}
