//! Helpers shared by the fuzz targets of `fuzz_targets/`: what the knowledge base is taken to
//! hold when a bulk import file's references are resolved (no database in a fuzz target).

use trustkb::bulk::rows::{Known, Names};

/// A few recorded vendors, products, categories and one dependency, so that rows naming
/// them are checked as far as the importer would check them.
pub fn known() -> Known {
    let names = |pairs: &[(&str, &str)]| {
        Names::new(
            pairs
                .iter()
                .map(|(slug, name)| ((*slug).to_owned(), (*name).to_owned())),
        )
    };
    Known {
        vendors: names(&[("acme", "Acme"), ("northwind", "Northwind Traders")]),
        products: names(&[("acme-mail", "Acme Mail")]),
        categories: names(&[("email-security", "Email security"), ("cloud", "Cloud")]),
        dependencies: [("@organisation".to_owned(), "acme-mail".to_owned())]
            .into_iter()
            .collect(),
    }
}
