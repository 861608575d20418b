//! The portable diesel schema, shared by SQLite and PostgreSQL.
//! Keep in step with `migrations/{sqlite,postgres}/*/up.sql`.

diesel::table! {
    categories (id) {
        id -> Integer,
        slug -> Text,
        name -> Text,
        parent_id -> Nullable<Integer>,
        description -> Nullable<Text>,
    }
}

diesel::table! {
    vendors (id) {
        id -> Integer,
        slug -> Text,
        name -> Text,
        tier -> Text,
        status -> Text,
        website -> Nullable<Text>,
        description -> Nullable<Text>,
        synthetic -> Bool,
    }
}

diesel::table! {
    products (id) {
        id -> Integer,
        slug -> Text,
        vendor_id -> Integer,
        category_id -> Integer,
        name -> Text,
        description -> Nullable<Text>,
    }
}

diesel::table! {
    dependencies (id) {
        id -> Integer,
        consumer_vendor_id -> Nullable<Integer>,
        product_id -> Integer,
        since -> Nullable<Date>,
        until -> Nullable<Date>,
        criticality -> Text,
        purpose -> Nullable<Text>,
        since_precision -> Text,
        until_precision -> Text,
    }
}

diesel::table! {
    incidents (id) {
        id -> Integer,
        slug -> Text,
        title -> Text,
        kind -> Text,
        severity -> Integer,
        discovered_on -> Nullable<Date>,
        disclosed_on -> Nullable<Date>,
        resolved_on -> Nullable<Date>,
        threat_actor -> Nullable<Text>,
        summary -> Text,
        discovered_precision -> Text,
        disclosed_precision -> Text,
        resolved_precision -> Text,
    }
}

diesel::table! {
    incident_involvements (id) {
        id -> Integer,
        incident_id -> Integer,
        vendor_id -> Nullable<Integer>,
        product_id -> Nullable<Integer>,
        role -> Text,
        customers_affected -> Nullable<Integer>,
        description -> Nullable<Text>,
    }
}

diesel::table! {
    incident_timeline_events (id) {
        id -> Integer,
        incident_id -> Integer,
        occurred_on -> Date,
        title -> Text,
        description -> Nullable<Text>,
        occurred_precision -> Text,
    }
}

diesel::table! {
    incident_causes (id) {
        id -> Integer,
        cause_id -> Integer,
        effect_id -> Integer,
        description -> Nullable<Text>,
    }
}

diesel::table! {
    remediations (id) {
        id -> Integer,
        slug -> Text,
        vendor_id -> Integer,
        incident_id -> Nullable<Integer>,
        product_id -> Nullable<Integer>,
        replacement_product_id -> Nullable<Integer>,
        kind -> Text,
        taken_on -> Nullable<Date>,
        description -> Text,
        taken_precision -> Text,
    }
}

diesel::table! {
    analyst_firms (id) {
        id -> Integer,
        slug -> Text,
        name -> Text,
        website -> Nullable<Text>,
    }
}

diesel::table! {
    analysts (id) {
        id -> Integer,
        slug -> Text,
        firm_id -> Nullable<Integer>,
        name -> Text,
        title -> Nullable<Text>,
    }
}

diesel::table! {
    assessments (id) {
        id -> Integer,
        slug -> Text,
        analyst_id -> Integer,
        vendor_id -> Nullable<Integer>,
        product_id -> Nullable<Integer>,
        incident_id -> Nullable<Integer>,
        assessed_on -> Date,
        stance -> Text,
        favoured_action -> Nullable<Text>,
        quote -> Text,
        quote_language -> Text,
        translation -> Nullable<Text>,
        translation_language -> Nullable<Text>,
        magic_quadrant -> Nullable<Text>,
        wave_tier -> Nullable<Text>,
        assessed_precision -> Text,
    }
}

diesel::table! {
    sources (id) {
        id -> Integer,
        slug -> Text,
        title -> Text,
        publisher -> Text,
        url -> Nullable<Text>,
        language -> Text,
        published_on -> Nullable<Date>,
        reliability -> Text,
        credibility -> Integer,
        full_text -> Nullable<Text>,
        published_precision -> Text,
    }
}

diesel::table! {
    citations (id) {
        id -> Integer,
        source_id -> Integer,
        excerpt -> Text,
        locator -> Nullable<Text>,
        vendor_id -> Nullable<Integer>,
        product_id -> Nullable<Integer>,
        dependency_id -> Nullable<Integer>,
        incident_id -> Nullable<Integer>,
        involvement_id -> Nullable<Integer>,
        timeline_event_id -> Nullable<Integer>,
        incident_cause_id -> Nullable<Integer>,
        remediation_id -> Nullable<Integer>,
        analyst_id -> Nullable<Integer>,
        assessment_id -> Nullable<Integer>,
    }
}

diesel::table! {
    imported_packs (id) {
        id -> Integer,
        name -> Text,
        digest -> Text,
        imported_at -> Timestamp,
    }
}

diesel::table! {
    score_snapshots (id) {
        id -> Integer,
        vendor_id -> Nullable<Integer>,
        product_id -> Nullable<Integer>,
        as_of -> Date,
        model_version -> Text,
        score -> Double,
        belief -> Double,
        disbelief -> Double,
        uncertainty -> Double,
        grade -> Nullable<Text>,
        unknown -> Bool,
        explanation -> Text,
        computed_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> Integer,
        email -> Text,
        role -> Text,
        password_hash -> Text,
        must_change_password -> Bool,
        created_at -> Timestamp,
        password_changed_at -> Timestamp,
        last_login_at -> Nullable<Timestamp>,
        disabled_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    sessions (id) {
        id -> Integer,
        token_hash -> Text,
        user_id -> Integer,
        csrf_token -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        address -> Text,
        user_agent -> Text,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Integer,
        token_hash -> Text,
        user_id -> Integer,
        name -> Text,
        prefix -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    login_attempts (id) {
        id -> Integer,
        email -> Text,
        address -> Text,
        attempted_at -> Timestamp,
        succeeded -> Bool,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Integer,
        occurred_at -> Timestamp,
        actor_user_id -> Nullable<Integer>,
        actor -> Text,
        channel -> Text,
        address -> Nullable<Text>,
        action -> Text,
        entity -> Text,
        entity_id -> Text,
        label -> Text,
        before_json -> Nullable<Text>,
        after_json -> Nullable<Text>,
    }
}

diesel::table! {
    reviews (id) {
        id -> Integer,
        vendor_id -> Nullable<Integer>,
        product_id -> Nullable<Integer>,
        purpose -> Text,
        data_classification -> Text,
        annual_spend_minor -> Nullable<BigInt>,
        currency -> Nullable<Text>,
        requester -> Text,
        due_on -> Date,
        status -> Text,
        opened_by -> Text,
        opened_at -> Timestamp,
        decision -> Nullable<Text>,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        rationale -> Nullable<Text>,
        re_review_on -> Nullable<Date>,
        snapshot -> Nullable<Text>,
    }
}

diesel::table! {
    review_conditions (id) {
        id -> Integer,
        review_id -> Integer,
        text -> Text,
        owner -> Text,
        due_on -> Date,
        status -> Text,
    }
}

diesel::table! {
    watchlists (id) {
        id -> Integer,
        owner_id -> Integer,
        name -> Text,
        webhook_url -> Nullable<Text>,
        webhook_secret -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    watch_items (id) {
        id -> Integer,
        watchlist_id -> Integer,
        vendor_id -> Nullable<Integer>,
        product_id -> Nullable<Integer>,
    }
}

diesel::table! {
    watch_rules (id) {
        id -> Integer,
        watchlist_id -> Integer,
        kind -> Text,
        threshold -> Nullable<Integer>,
    }
}

diesel::table! {
    alerts (id) {
        id -> Integer,
        watchlist_id -> Integer,
        owner_id -> Integer,
        rule_id -> Nullable<Integer>,
        kind -> Text,
        threshold -> Nullable<Integer>,
        subject_kind -> Text,
        subject_id -> Integer,
        subject_slug -> Text,
        subject_name -> Text,
        vendor_slug -> Text,
        old_score -> Nullable<Double>,
        new_score -> Nullable<Double>,
        old_grade -> Nullable<Text>,
        new_grade -> Nullable<Text>,
        record_slug -> Nullable<Text>,
        record_title -> Nullable<Text>,
        report_id -> Nullable<Integer>,
        created_at -> Timestamp,
        read_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Integer,
        alert_id -> Integer,
        watchlist_id -> Integer,
        url -> Text,
        event -> Text,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        created_at -> Timestamp,
        next_attempt_at -> Timestamp,
        last_status_code -> Nullable<Integer>,
        last_error -> Nullable<Text>,
        delivered_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    webhook_attempts (id) {
        id -> Integer,
        delivery_id -> Integer,
        attempted_at -> Timestamp,
        status_code -> Nullable<Integer>,
        error -> Nullable<Text>,
        duration_ms -> Integer,
    }
}

diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(products -> vendors (vendor_id));
diesel::joinable!(products -> categories (category_id));
diesel::joinable!(dependencies -> products (product_id));
diesel::joinable!(incident_involvements -> incidents (incident_id));
diesel::joinable!(incident_timeline_events -> incidents (incident_id));
diesel::joinable!(analysts -> analyst_firms (firm_id));
diesel::joinable!(assessments -> analysts (analyst_id));
diesel::joinable!(citations -> sources (source_id));
diesel::joinable!(review_conditions -> reviews (review_id));
diesel::joinable!(watch_items -> watchlists (watchlist_id));
diesel::joinable!(watch_rules -> watchlists (watchlist_id));
diesel::joinable!(alerts -> watchlists (watchlist_id));
diesel::joinable!(webhook_deliveries -> watchlists (watchlist_id));
diesel::joinable!(webhook_attempts -> webhook_deliveries (delivery_id));

diesel::table! {
    kb_generation (id) {
        id -> Integer,
        value -> BigInt,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    categories,
    vendors,
    products,
    dependencies,
    incidents,
    incident_involvements,
    incident_timeline_events,
    incident_causes,
    remediations,
    analyst_firms,
    analysts,
    assessments,
    sources,
    citations,
    imported_packs,
    score_snapshots,
    users,
    sessions,
    api_tokens,
    login_attempts,
    audit_log,
    reviews,
    review_conditions,
    watchlists,
    watch_items,
    watch_rules,
    alerts,
    webhook_deliveries,
    webhook_attempts,
    kb_generation,
);
