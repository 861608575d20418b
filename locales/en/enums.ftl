# Names of the closed vocabularies' values (tier, status, incident kind, role, ...).

## DatePrecision
enum-DatePrecision-day = day
enum-DatePrecision-month = month
enum-DatePrecision-year = year

## Tier
enum-Tier-critical = Critical
enum-Tier-high = High
enum-Tier-medium = Medium
enum-Tier-low = Low

## VendorStatus
enum-VendorStatus-prospect = Prospect
enum-VendorStatus-active = Active
enum-VendorStatus-under_review = Under review
enum-VendorStatus-offboarding = Offboarding
enum-VendorStatus-offboarded = Offboarded

## Criticality
enum-Criticality-critical = Critical
enum-Criticality-high = High
enum-Criticality-medium = Medium
enum-Criticality-low = Low

## IncidentKind
enum-IncidentKind-supply_chain_compromise = Supply-chain compromise
enum-IncidentKind-credential_theft = Credential or certificate theft
enum-IncidentKind-source_code_theft = Source code theft
enum-IncidentKind-intrusion = Intrusion (unauthorised access)
enum-IncidentKind-data_breach = Data breach
enum-IncidentKind-ransomware = Ransomware
enum-IncidentKind-vulnerability_exploitation = Vulnerability exploitation
enum-IncidentKind-outage = Outage
enum-IncidentKind-other = Other

## InvolvementRole
enum-InvolvementRole-origin = Origin
enum-InvolvementRole-conduit = Conduit
enum-InvolvementRole-victim = Victim

## Stance
enum-Stance-strongly-disagree = Strongly disagree
enum-Stance-disagree = Disagree
enum-Stance-neutral = Neutral
enum-Stance-agree = Agree
enum-Stance-strongly-agree = Strongly agree

## FavouredAction
enum-FavouredAction-replace = Replace
enum-FavouredAction-retain = Retain
enum-FavouredAction-monitor = Monitor

## RemediationKind
enum-RemediationKind-rotate_credentials = Rotate credentials
enum-RemediationKind-rebuild_servers = Rebuild or replace servers
enum-RemediationKind-drop_product = Drop a product
enum-RemediationKind-add_monitoring = Add monitoring
enum-RemediationKind-final_report = Publish a final report
enum-RemediationKind-patch = Patch
enum-RemediationKind-other = Other

## Reliability
enum-Reliability-A = A: completely reliable
enum-Reliability-B = B: usually reliable
enum-Reliability-C = C: fairly reliable
enum-Reliability-D = D: not usually reliable
enum-Reliability-E = E: unreliable
enum-Reliability-F = F: reliability cannot be judged

## MagicQuadrant
enum-MagicQuadrant-leaders = Leaders
enum-MagicQuadrant-challengers = Challengers
enum-MagicQuadrant-visionaries = Visionaries
enum-MagicQuadrant-niche_players = Niche players

## WaveTier
enum-WaveTier-leaders = Leaders
enum-WaveTier-strong_performers = Strong performers
enum-WaveTier-contenders = Contenders
enum-WaveTier-challengers = Challengers

## Role
enum-Role-viewer = Viewer
enum-Role-analyst = Analyst
enum-Role-reviewer = Reviewer
enum-Role-admin = Administrator

## Channel
enum-Channel-ui = Browser
enum-Channel-api = API
enum-Channel-cli = Command line
enum-Channel-import = Import
enum-Channel-system = System

## AuditAction
enum-AuditAction-create = Created
enum-AuditAction-update = Updated
enum-AuditAction-delete = Deleted
enum-AuditAction-sign_in = Signed in
enum-AuditAction-sign_in_failed = Sign-in refused
enum-AuditAction-sign_out = Signed out

## Credibility (Admiralty)
credibility-1 = confirmed by other sources
credibility-2 = probably true
credibility-3 = possibly true
credibility-4 = doubtful
credibility-5 = improbable
credibility-6 = truth cannot be judged

## DataClassification
enum-DataClassification-public = Public
enum-DataClassification-internal = Internal
enum-DataClassification-confidential = Confidential
enum-DataClassification-restricted = Restricted

## ReviewStatus
enum-ReviewStatus-open = Open
enum-ReviewStatus-decided = Decided

## ReviewDecision
enum-ReviewDecision-approve = Approve
enum-ReviewDecision-approve_with_conditions = Approve with conditions
enum-ReviewDecision-reject = Reject

## ConditionStatus
enum-ConditionStatus-open = Open
enum-ConditionStatus-met = Met
enum-ConditionStatus-waived = Waived

enum-WatchRuleKind-score_below = Score falls below
enum-WatchRuleKind-score_drop = Score drops by
enum-WatchRuleKind-grade_change = Grade changes
enum-WatchRuleKind-new_incident = New incident
enum-WatchRuleKind-new_assessment = New assessment

enum-DeliveryStatus-pending = Pending
enum-DeliveryStatus-delivered = Delivered
enum-DeliveryStatus-failed = Failed
