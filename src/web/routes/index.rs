//! Which route pattern a path is for, by comparing segments: the access gate and the metrics
//! need every request's pattern, and actix's own lookup runs a regular expression per route.
//!
//! Static paths are registered before patterns with parameters (see `configure`), so a
//! static path wins over a pattern it also matches (`/vendors/new` over `/vendors/{slug}`).

use std::collections::HashSet;
use std::sync::LazyLock;

/// One `/`-separated part of a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Literal(&'static str),
    /// `{name}`, maybe between literal text (`{table}.csv`): one segment with that text
    /// around a non-empty value.
    Segment {
        prefix: &'static str,
        suffix: &'static str,
    },
    /// `{name:.*}` at the end: the rest of the path, slashes included.
    Tail,
}

/// The route table's paths, indexed for lookup.
pub struct RouteIndex {
    statics: HashSet<&'static str>,
    /// Patterns with parameters, in registration order.
    dynamic: Vec<(&'static str, Vec<Part>)>,
}

impl RouteIndex {
    /// Indexes `paths` (distinct, in registration order).
    pub fn new(paths: &[&'static str]) -> RouteIndex {
        let mut statics = HashSet::new();
        let mut dynamic = Vec::new();
        for &path in paths {
            if is_static(path) {
                statics.insert(path);
            } else {
                dynamic.push((path, parts(path)));
            }
        }
        RouteIndex { statics, dynamic }
    }

    /// The pattern `path` is routed to, if any.
    pub fn pattern_of(&self, path: &str) -> Option<&'static str> {
        if let Some(pattern) = self.statics.get(path) {
            return Some(*pattern);
        }
        let rest = path.strip_prefix('/')?;
        self.dynamic
            .iter()
            .find(|(_, parts)| matches(parts, rest))
            .map(|(pattern, _)| *pattern)
    }
}

/// Whether `path` has no parameter.
pub fn is_static(path: &str) -> bool {
    !path.contains('{')
}

fn parts(pattern: &'static str) -> Vec<Part> {
    pattern
        .trim_start_matches('/')
        .split('/')
        .map(|part| match (part.split_once('{'), part.rsplit_once('}')) {
            (Some((prefix, param)), Some((_, suffix))) if param.ends_with(":.*}") => {
                debug_assert!(prefix.is_empty() && suffix.is_empty(), "{pattern}");
                Part::Tail
            }
            (Some((prefix, _)), Some((_, suffix))) => Part::Segment { prefix, suffix },
            _ => Part::Literal(part),
        })
        .collect()
}

/// Whether `rest` (the path after its leading `/`) matches the pattern's parts.
fn matches(parts: &[Part], rest: &str) -> bool {
    let mut segments = rest.split('/');
    for part in parts {
        let Some(segment) = segments.next() else {
            return false;
        };
        let fits = match part {
            Part::Literal(literal) => segment == *literal,
            Part::Segment { prefix, suffix } => {
                segment.len() > prefix.len() + suffix.len()
                    && segment.starts_with(prefix)
                    && segment.ends_with(suffix)
            }
            // The rest of the path, whatever it holds (`parts` ends with a tail).
            Part::Tail => return true,
        };
        if !fits {
            return false;
        }
    }
    segments.next().is_none()
}

static INDEX: LazyLock<RouteIndex> = LazyLock::new(|| RouteIndex::new(&super::paths()));

/// The route pattern of `path` in the application's route table.
pub fn pattern_of(path: &str) -> Option<&'static str> {
    INDEX.pattern_of(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::dev::ResourceDef;

    /// Paths that exercise every pattern: each with its parameters filled in, plus near
    /// misses (a segment more or less, an empty parameter, a trailing slash).
    fn probes(paths: &[&'static str]) -> Vec<String> {
        let mut probes = vec![
            "/".to_owned(),
            String::new(),
            "/nothing/here".to_owned(),
            "//".to_owned(),
        ];
        for path in paths {
            let filled: Vec<String> = path
                .split('/')
                .map(|part| match part.strip_prefix('{') {
                    Some(p) if p.ends_with(":.*}") => "a/b.css".to_owned(),
                    Some(_) => "x-1".to_owned(),
                    None => part.to_owned(),
                })
                .collect();
            let filled = filled.join("/");
            probes.push(format!("{filled}/extra"));
            probes.push(format!("{filled}/"));
            probes.push(filled.replace("x-1", ""));
            probes.push(filled.replace("a/b.css", ""));
            probes.push(filled);
            probes.push((*path).to_owned());
        }
        probes
    }

    #[test]
    fn finds_the_pattern_actix_routes_to() {
        let paths = crate::web::routes::paths();
        let index = RouteIndex::new(&paths);
        let defs: Vec<(&str, ResourceDef)> =
            paths.iter().map(|p| (*p, ResourceDef::new(*p))).collect();
        let probes = probes(&paths);
        assert!(probes.len() > 5 * paths.len());
        for probe in &probes {
            let actix = defs
                .iter()
                .find(|(_, def)| def.is_match(probe))
                .map(|(p, _)| *p);
            assert_eq!(index.pattern_of(probe), actix, "{probe:?}");
        }
    }

    #[test]
    fn a_static_path_wins_over_a_pattern_it_matches() {
        let index = RouteIndex::new(&["/vendors/{slug}", "/vendors/new", "/docs/{tail:.*}"]);
        assert_eq!(index.pattern_of("/vendors/new"), Some("/vendors/new"));
        assert_eq!(index.pattern_of("/vendors/acme"), Some("/vendors/{slug}"));
        assert_eq!(index.pattern_of("/vendors/"), None);
        assert_eq!(index.pattern_of("/vendors/acme/x"), None);
        assert_eq!(index.pattern_of("/docs/"), Some("/docs/{tail:.*}"));
        assert_eq!(index.pattern_of("/docs/a/b"), Some("/docs/{tail:.*}"));
        assert_eq!(index.pattern_of("/docs"), None);
    }
}
