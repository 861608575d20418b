//! The routes of the browser's pages, their forms and the static assets, each with the
//! permission it requires (the API's routes are in `api.rs`).

use super::{RouteRule, Verb, rule};
use crate::domain::accounts::Permission;
use crate::web::{
    account, admin, assets, audit, audit_csv, blast, compare, concentration, curate, curation,
    exports, health, language, login, pages, recommendations, report, search,
};
use Permission::{Administer, Curate, Public, Read, ReadAudit, Session};
use Verb::{Get, Post};
use actix_web::web;

/// The pages' routes.
pub(super) static PAGE_ROUTES: &[RouteRule] = &[
    rule(Get, "/healthz", Public, || web::to(health::healthz)),
    rule(Get, "/readyz", Public, || web::to(health::readyz)),
    rule(Get, "/metrics", Public, || web::to(health::metrics)),
    rule(Get, "/static/app.css", Public, || {
        web::to(assets::stylesheet)
    }),
    rule(Get, "/static/{fingerprint}/app.css", Public, || {
        web::to(assets::fingerprinted_stylesheet)
    }),
    rule(Get, "/language/{code}", Public, || {
        web::to(language::switch)
    }),
    rule(Get, "/login", Public, || web::to(login::form)),
    rule(Post, "/login", Public, || web::to(login::sign_in)),
    rule(Post, "/logout", Session, || web::to(login::sign_out)),
    rule(Get, "/account/password", Session, || {
        web::to(account::password_form)
    }),
    rule(Post, "/account/password", Session, || {
        web::to(account::change_password)
    }),
    rule(Get, "/account", Read, || web::to(account::show)),
    rule(Post, "/account/tokens", Read, || web::to(account::create)),
    rule(Post, "/account/tokens/{id}/revoke", Read, || {
        web::to(account::revoke)
    }),
    rule(Get, "/admin/users", Administer, || web::to(admin::list)),
    rule(Post, "/admin/users", Administer, || web::to(admin::add)),
    rule(Post, "/admin/users/{id}/role", Administer, || {
        web::to(admin::change_role)
    }),
    rule(Post, "/admin/users/{id}/disable", Administer, || {
        web::to(admin::disable)
    }),
    rule(Post, "/admin/users/{id}/enable", Administer, || {
        web::to(admin::enable)
    }),
    rule(Post, "/admin/users/{id}/reset-password", Administer, || {
        web::to(admin::reset_password)
    }),
    rule(Get, "/", Read, || web::to(pages::index)),
    rule(Get, "/reviews", Read, || {
        web::to(crate::web::reviews::list::list)
    }),
    rule(Get, "/reviews/new", Permission::Review, || {
        web::to(crate::web::reviews::open::form)
    }),
    rule(Post, "/reviews/new", Permission::Review, || {
        web::to(crate::web::reviews::open::submit)
    }),
    rule(Get, "/reviews/{id}", Read, || {
        web::to(crate::web::reviews::show::page)
    }),
    rule(Get, "/reviews/{id}/report.pdf", Read, || {
        web::to(crate::web::reviews::pdf::pdf)
    }),
    rule(Post, "/reviews/{id}/decision", Permission::Review, || {
        web::to(crate::web::reviews::decide::submit)
    }),
    rule(
        Post,
        "/reviews/{id}/conditions/{cid}",
        Permission::Review,
        || web::to(crate::web::reviews::condition::submit),
    ),
    rule(Get, "/imports", Curate, || {
        web::to(crate::web::imports::form)
    }),
    rule(Post, "/imports", Curate, || {
        web::to(crate::web::imports::submit)
    })
    .csrf_in_handler(),
    rule(Get, "/imports/template.xlsx", Curate, || {
        web::to(crate::web::imports::template_xlsx)
    }),
    rule(Get, "/imports/template/{table}.csv", Curate, || {
        web::to(crate::web::imports::template_csv)
    }),
    rule(Get, "/vendors", Read, || web::to(pages::vendors)),
    rule(Get, "/vendors/new", Curate, || {
        web::to(curation::vendor_new::form)
    }),
    rule(Post, "/vendors/new", Curate, || {
        web::to(curation::vendor_new::submit)
    }),
    rule(Get, "/vendors/{slug}", Read, || web::to(pages::vendor)),
    rule(Get, "/vendors/{slug}/report", Read, || {
        web::to(report::page)
    }),
    rule(Get, "/vendors/{slug}/report.pdf", Read, || {
        web::to(report::pdf)
    }),
    rule(Get, "/vendors/{slug}/products/new", Curate, || {
        web::to(curation::product_new::form)
    }),
    rule(Post, "/vendors/{slug}/products/new", Curate, || {
        web::to(curation::product_new::submit)
    }),
    rule(Get, "/vendors/{slug}/delete", Curate, || {
        web::to(curation::delete::vendor_confirm)
    }),
    rule(Post, "/vendors/{slug}/delete", Curate, || {
        web::to(curation::delete::vendor_delete)
    }),
    rule(Get, "/products/{slug}/delete", Curate, || {
        web::to(curation::delete::product_confirm)
    }),
    rule(Post, "/products/{slug}/delete", Curate, || {
        web::to(curation::delete::product_delete)
    }),
    rule(Get, "/vendors/{slug}/edit", Curate, || {
        web::to(curate::edit_form)
    }),
    rule(Post, "/vendors/{slug}/edit", Curate, || {
        web::to(curate::edit_submit)
    }),
    rule(Get, "/incidents", Read, || web::to(pages::incidents)),
    rule(Get, "/incidents/new", Curate, || {
        web::to(curation::incident_new::form)
    }),
    rule(Post, "/incidents/new", Curate, || {
        web::to(curation::incident_new::submit)
    }),
    rule(Get, "/incidents/{slug}", Read, || web::to(pages::incident)),
    rule(Get, "/incidents/{slug}/remediations/new", Curate, || {
        web::to(curation::remediation_new::form)
    }),
    rule(Post, "/incidents/{slug}/remediations/new", Curate, || {
        web::to(curation::remediation_new::submit)
    }),
    rule(Get, "/incidents/{slug}/edit", Curate, || {
        web::to(curation::incident_edit::edit_form)
    }),
    rule(Post, "/incidents/{slug}/edit", Curate, || {
        web::to(curation::incident_edit::edit_submit)
    }),
    rule(Get, "/incidents/{slug}/delete", Curate, || {
        web::to(curation::incident_edit::delete_confirm)
    }),
    rule(Post, "/incidents/{slug}/delete", Curate, || {
        web::to(curation::incident_edit::delete_submit)
    }),
    rule(Get, "/remediations/{slug}/edit", Curate, || {
        web::to(curation::remediation_edit::edit_form)
    }),
    rule(Post, "/remediations/{slug}/edit", Curate, || {
        web::to(curation::remediation_edit::edit_submit)
    }),
    rule(Get, "/remediations/{slug}/delete", Curate, || {
        web::to(curation::remediation_edit::delete_confirm)
    }),
    rule(Post, "/remediations/{slug}/delete", Curate, || {
        web::to(curation::remediation_edit::delete_submit)
    }),
    rule(Get, "/products/{slug}/edit", Curate, || {
        web::to(curation::product_edit::edit_form)
    }),
    rule(Post, "/products/{slug}/edit", Curate, || {
        web::to(curation::product_edit::edit_submit)
    }),
    rule(Get, "/vendors/{slug}/dependencies/new", Curate, || {
        web::to(curation::dependency_form::new_form)
    }),
    rule(Post, "/vendors/{slug}/dependencies/new", Curate, || {
        web::to(curation::dependency_form::new_submit)
    }),
    rule(Get, "/dependencies/{id}/edit", Curate, || {
        web::to(curation::dependency_form::edit_form)
    }),
    rule(Post, "/dependencies/{id}/edit", Curate, || {
        web::to(curation::dependency_form::edit_submit)
    }),
    rule(Get, "/dependencies/{id}/delete", Curate, || {
        web::to(curation::record_delete::dependency_confirm)
    }),
    rule(Post, "/dependencies/{id}/delete", Curate, || {
        web::to(curation::record_delete::dependency_delete)
    }),
    rule(Get, "/analysts", Read, || web::to(curation::analysts::list)),
    rule(Get, "/analysts/new", Curate, || {
        web::to(curation::analyst_form::new_form)
    }),
    rule(Post, "/analysts/new", Curate, || {
        web::to(curation::analyst_form::new_submit)
    }),
    rule(Get, "/analysts/{slug}/edit", Curate, || {
        web::to(curation::analyst_form::edit_form)
    }),
    rule(Post, "/analysts/{slug}/edit", Curate, || {
        web::to(curation::analyst_form::edit_submit)
    }),
    rule(Get, "/analysts/{slug}/delete", Curate, || {
        web::to(curation::record_delete::analyst_confirm)
    }),
    rule(Post, "/analysts/{slug}/delete", Curate, || {
        web::to(curation::record_delete::analyst_delete)
    }),
    rule(Get, "/analyst-firms/new", Curate, || {
        web::to(curation::firm_form::new_form)
    }),
    rule(Post, "/analyst-firms/new", Curate, || {
        web::to(curation::firm_form::new_submit)
    }),
    rule(Get, "/analyst-firms/{slug}/edit", Curate, || {
        web::to(curation::firm_form::edit_form)
    }),
    rule(Post, "/analyst-firms/{slug}/edit", Curate, || {
        web::to(curation::firm_form::edit_submit)
    }),
    rule(Get, "/analyst-firms/{slug}/delete", Curate, || {
        web::to(curation::record_delete::firm_confirm)
    }),
    rule(Post, "/analyst-firms/{slug}/delete", Curate, || {
        web::to(curation::record_delete::firm_delete)
    }),
    rule(Get, "/assessments/new", Curate, || {
        web::to(curation::assessment_form::new_form)
    }),
    rule(Post, "/assessments/new", Curate, || {
        web::to(curation::assessment_form::new_submit)
    }),
    rule(Get, "/assessments/{slug}/edit", Curate, || {
        web::to(curation::assessment_form::edit_form)
    }),
    rule(Post, "/assessments/{slug}/edit", Curate, || {
        web::to(curation::assessment_form::edit_submit)
    }),
    rule(Get, "/assessments/{slug}/delete", Curate, || {
        web::to(curation::record_delete::assessment_confirm)
    }),
    rule(Post, "/assessments/{slug}/delete", Curate, || {
        web::to(curation::record_delete::assessment_delete)
    }),
    rule(Get, "/score-changes/{id}", Read, || {
        web::to(curation::score_report::show)
    }),
    rule(Get, "/vendors/{slug}/blast-radius", Read, || {
        web::to(blast::vendor_page)
    }),
    rule(Get, "/products/{slug}/blast-radius", Read, || {
        web::to(blast::product_page)
    }),
    rule(Get, "/incidents/{slug}/blast-radius", Read, || {
        web::to(blast::incident_page)
    }),
    rule(Get, "/concentration", Read, || web::to(concentration::page)),
    rule(Get, "/exports/portfolio.xlsx", Read, || {
        web::to(exports::portfolio_xlsx)
    }),
    rule(Get, "/exports/vendors.csv", Read, || {
        web::to(exports::vendors_csv)
    }),
    rule(Get, "/exports/products.csv", Read, || {
        web::to(exports::products_csv)
    }),
    rule(Get, "/exports/incidents.csv", Read, || {
        web::to(exports::incidents_csv)
    }),
    rule(Get, "/recommendations", Read, || {
        web::to(recommendations::page_list)
    }),
    rule(Get, "/products/{slug}/recommendation", Read, || {
        web::to(recommendations::page_product)
    }),
    rule(Get, "/sources", Read, || web::to(pages::sources)),
    rule(Get, "/sources/new", Curate, || {
        web::to(curation::source_form::new_form)
    }),
    rule(Post, "/sources/new", Curate, || {
        web::to(curation::source_form::new_submit)
    }),
    rule(Get, "/sources/{id}", Read, || web::to(pages::source)),
    rule(Get, "/sources/{id}/edit", Curate, || {
        web::to(curation::source_form::edit_form)
    }),
    rule(Post, "/sources/{id}/edit", Curate, || {
        web::to(curation::source_form::edit_submit)
    }),
    rule(Get, "/sources/{id}/delete", Curate, || {
        web::to(curation::removal::source_confirm)
    }),
    rule(Post, "/sources/{id}/delete", Curate, || {
        web::to(curation::removal::source_delete)
    }),
    rule(Get, "/sources/{id}/citations/new", Curate, || {
        web::to(curation::citation_new::form)
    }),
    rule(Post, "/sources/{id}/citations/new", Curate, || {
        web::to(curation::citation_new::submit)
    }),
    rule(Get, "/citations/new", Curate, || {
        web::to(curation::citation_new::choose)
    }),
    rule(Post, "/citations/{id}/delete", Curate, || {
        web::to(curation::citation_new::delete)
    }),
    rule(Get, "/incidents/{slug}/timeline/new", Curate, || {
        web::to(curation::timeline_form::new_form)
    }),
    rule(Post, "/incidents/{slug}/timeline/new", Curate, || {
        web::to(curation::timeline_form::new_submit)
    }),
    rule(Get, "/timeline/{id}/edit", Curate, || {
        web::to(curation::timeline_form::edit_form)
    }),
    rule(Post, "/timeline/{id}/edit", Curate, || {
        web::to(curation::timeline_form::edit_submit)
    }),
    rule(Get, "/timeline/{id}/delete", Curate, || {
        web::to(curation::removal::event_confirm)
    }),
    rule(Post, "/timeline/{id}/delete", Curate, || {
        web::to(curation::removal::event_delete)
    }),
    rule(Get, "/incidents/{slug}/causes/new", Curate, || {
        web::to(curation::cause_new::form)
    }),
    rule(Post, "/incidents/{slug}/causes/new", Curate, || {
        web::to(curation::cause_new::submit)
    }),
    rule(Get, "/causes/{id}/delete", Curate, || {
        web::to(curation::removal::link_confirm)
    }),
    rule(Post, "/causes/{id}/delete", Curate, || {
        web::to(curation::removal::link_delete)
    }),
    rule(Get, "/watchlists", Read, || {
        web::to(crate::web::watchlists::list)
    }),
    rule(Post, "/watchlists", Read, || {
        web::to(crate::web::watchlists::create)
    }),
    rule(Get, "/watchlists/{id}", Read, || {
        web::to(crate::web::watchlists::show::show)
    }),
    rule(Post, "/watchlists/{id}/delete", Read, || {
        web::to(crate::web::watchlists::delete)
    }),
    rule(Post, "/watchlists/{id}/name", Read, || {
        web::to(crate::web::watchlists::show::rename_submit)
    }),
    rule(Post, "/watchlists/{id}/items", Read, || {
        web::to(crate::web::watchlists::show::add_item_submit)
    }),
    rule(Post, "/watchlists/{id}/items/{item}/delete", Read, || {
        web::to(crate::web::watchlists::show::remove_item_submit)
    }),
    rule(Post, "/watchlists/{id}/rules", Read, || {
        web::to(crate::web::watchlists::show::add_rule_submit)
    }),
    rule(Post, "/watchlists/{id}/rules/{rule}/delete", Read, || {
        web::to(crate::web::watchlists::show::remove_rule_submit)
    }),
    rule(Post, "/watchlists/{id}/webhook", Read, || {
        web::to(crate::web::watchlists::show::set_webhook_submit)
    }),
    rule(Post, "/watchlists/{id}/webhook/secret", Read, || {
        web::to(crate::web::watchlists::show::regenerate_secret_submit)
    }),
    rule(Post, "/watchlists/{id}/webhook/delete", Read, || {
        web::to(crate::web::watchlists::show::clear_webhook_submit)
    }),
    rule(Get, "/alerts", Read, || {
        web::to(crate::web::watchlists::inbox::inbox)
    }),
    rule(Post, "/alerts/read-all", Read, || {
        web::to(crate::web::watchlists::inbox::read_all)
    }),
    rule(Post, "/alerts/{id}/read", Read, || {
        web::to(crate::web::watchlists::inbox::read_one)
    }),
    rule(Get, "/search", Read, || web::to(search::page)),
    rule(Get, "/compare", Read, || web::to(compare::page)),
    rule(Get, "/audit", ReadAudit, || web::to(audit::page)),
    rule(Get, "/audit.csv", ReadAudit, || web::to(audit_csv::csv)),
];
