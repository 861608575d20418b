//! Loading rows by sets of ids into maps, the building block that avoids N+1 queries.

use crate::store::rows::*;
use crate::store::{DbConnection, StoreError};
use diesel::prelude::*;
use std::collections::{BTreeSet, HashMap};

macro_rules! rows_by_ids {
    ($fn_name:ident, $table:ident, $row:ty) => {
        /// Loads the rows with these ids, keyed by id.
        pub fn $fn_name(
            conn: &mut DbConnection,
            ids: impl IntoIterator<Item = i32>,
        ) -> Result<HashMap<i32, $row>, StoreError> {
            use crate::store::schema::$table;
            let ids: BTreeSet<i32> = ids.into_iter().collect();
            if ids.is_empty() {
                return Ok(HashMap::new());
            }
            let ids: Vec<i32> = ids.into_iter().collect();
            let rows: Vec<$row> = $table::table
                .filter($table::id.eq_any(&ids))
                .select(<$row>::as_select())
                .load(conn)?;
            Ok(rows.into_iter().map(|r| (r.id, r)).collect())
        }
    };
}

rows_by_ids!(vendors_by_id, vendors, VendorRow);
rows_by_ids!(products_by_id, products, ProductRow);
rows_by_ids!(categories_by_id, categories, CategoryRow);
rows_by_ids!(incidents_by_id, incidents, IncidentRow);
rows_by_ids!(analysts_by_id, analysts, AnalystRow);
rows_by_ids!(firms_by_id, analyst_firms, FirmRow);
rows_by_ids!(dependencies_by_id, dependencies, DependencyRow);
rows_by_ids!(involvements_by_id, incident_involvements, InvolvementRow);
rows_by_ids!(
    timeline_events_by_id,
    incident_timeline_events,
    TimelineEventRow
);
rows_by_ids!(causes_by_id, incident_causes, CauseRow);
rows_by_ids!(remediations_by_id, remediations, RemediationRow);
rows_by_ids!(assessments_by_id, assessments, AssessmentRow);

macro_rules! all_rows {
    ($fn_name:ident, $table:ident, $row:ty) => {
        /// Loads every row of the table, in id (insertion) order.
        pub fn $fn_name(conn: &mut DbConnection) -> Result<Vec<$row>, StoreError> {
            use crate::store::schema::$table;
            Ok($table::table
                .select(<$row>::as_select())
                .order($table::id)
                .load(conn)?)
        }
    };
}

all_rows!(all_dependencies, dependencies, DependencyRow);
all_rows!(all_involvements, incident_involvements, InvolvementRow);
all_rows!(
    all_timeline_events,
    incident_timeline_events,
    TimelineEventRow
);
all_rows!(all_causes, incident_causes, CauseRow);

/// Looks a row up in a map loaded by the functions above; a miss means a broken reference.
pub fn get<'m, T>(map: &'m HashMap<i32, T>, id: i32, what: &str) -> Result<&'m T, StoreError> {
    map.get(&id)
        .ok_or_else(|| StoreError::Corrupt(format!("{what} {id} is referenced but missing")))
}
