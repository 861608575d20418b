//! The overview page's counts and most recent incidents.

use super::PageRequest;
use super::incidents::list_incidents;
use crate::domain::views::Overview;
use crate::store::schema::*;
use crate::store::{DbConnection, StoreError};
use diesel::prelude::*;

/// Record counts and the five most recent incidents.
pub fn overview(conn: &mut DbConnection) -> Result<Overview, StoreError> {
    Ok(Overview {
        vendors: vendors::table.count().get_result(conn)?,
        products: products::table.count().get_result(conn)?,
        incidents: incidents::table.count().get_result(conn)?,
        assessments: assessments::table.count().get_result(conn)?,
        sources: sources::table.count().get_result(conn)?,
        citations: citations::table.count().get_result(conn)?,
        recent_incidents: list_incidents(conn, PageRequest::new(Some(5), None))?.items,
    })
}
