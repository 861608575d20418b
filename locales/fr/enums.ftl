# Noms des valeurs des vocabulaires fermés (niveau, statut, type d'incident, rôle, ...).

## DatePrecision
enum-DatePrecision-day = jour
enum-DatePrecision-month = mois
enum-DatePrecision-year = année

## Tier
enum-Tier-critical = Critique
enum-Tier-high = Élevé
enum-Tier-medium = Moyen
enum-Tier-low = Faible

## VendorStatus
enum-VendorStatus-prospect = Prospect
enum-VendorStatus-active = Actif
enum-VendorStatus-under_review = En revue
enum-VendorStatus-offboarding = En sortie
enum-VendorStatus-offboarded = Sorti

## Criticality
enum-Criticality-critical = Critique
enum-Criticality-high = Élevée
enum-Criticality-medium = Moyenne
enum-Criticality-low = Faible

## IncidentKind
enum-IncidentKind-supply_chain_compromise = Compromission de la chaîne d'approvisionnement
enum-IncidentKind-credential_theft = Vol d'identifiants ou de certificats
enum-IncidentKind-source_code_theft = Vol de code source
enum-IncidentKind-intrusion = Intrusion (accès non autorisé)
enum-IncidentKind-data_breach = Fuite de données
enum-IncidentKind-ransomware = Rançongiciel
enum-IncidentKind-vulnerability_exploitation = Exploitation de vulnérabilité
enum-IncidentKind-outage = Panne
enum-IncidentKind-other = Autre

## InvolvementRole
enum-InvolvementRole-origin = Origine
enum-InvolvementRole-conduit = Vecteur
enum-InvolvementRole-victim = Victime

## Stance
enum-Stance-strongly-disagree = Pas du tout d'accord
enum-Stance-disagree = Pas d'accord
enum-Stance-neutral = Neutre
enum-Stance-agree = D'accord
enum-Stance-strongly-agree = Tout à fait d'accord

## FavouredAction
enum-FavouredAction-replace = Remplacer
enum-FavouredAction-retain = Conserver
enum-FavouredAction-monitor = Surveiller

## RemediationKind
enum-RemediationKind-rotate_credentials = Renouveler les identifiants
enum-RemediationKind-rebuild_servers = Reconstruire ou remplacer les serveurs
enum-RemediationKind-drop_product = Abandonner un produit
enum-RemediationKind-add_monitoring = Ajouter une surveillance
enum-RemediationKind-final_report = Publier un rapport final
enum-RemediationKind-patch = Corriger
enum-RemediationKind-other = Autre

## Reliability
enum-Reliability-A = A : totalement fiable
enum-Reliability-B = B : habituellement fiable
enum-Reliability-C = C : assez fiable
enum-Reliability-D = D : pas toujours fiable
enum-Reliability-E = E : peu fiable
enum-Reliability-F = F : fiabilité impossible à juger

## MagicQuadrant
enum-MagicQuadrant-leaders = Leaders
enum-MagicQuadrant-challengers = Challengers
enum-MagicQuadrant-visionaries = Visionnaires
enum-MagicQuadrant-niche_players = Acteurs de niche

## WaveTier
enum-WaveTier-leaders = Leaders
enum-WaveTier-strong_performers = Acteurs performants
enum-WaveTier-contenders = Prétendants
enum-WaveTier-challengers = Challengers

## Role
enum-Role-viewer = Lecteur
enum-Role-analyst = Analyste
enum-Role-reviewer = Réviseur
enum-Role-admin = Administrateur

## Channel
enum-Channel-ui = Navigateur
enum-Channel-api = API
enum-Channel-cli = Ligne de commande
enum-Channel-import = Import
enum-Channel-system = Système

## AuditAction
enum-AuditAction-create = Création
enum-AuditAction-update = Modification
enum-AuditAction-delete = Suppression
enum-AuditAction-sign_in = Connexion
enum-AuditAction-sign_in_failed = Échec de connexion
enum-AuditAction-sign_out = Déconnexion

## Credibility (Admiralty)
credibility-1 = confirmée par d'autres sources
credibility-2 = probablement vraie
credibility-3 = possiblement vraie
credibility-4 = douteuse
credibility-5 = improbable
credibility-6 = véracité impossible à juger

## DataClassification
enum-DataClassification-public = Publique
enum-DataClassification-internal = Interne
enum-DataClassification-confidential = Confidentielle
enum-DataClassification-restricted = Restreinte

## ReviewStatus
enum-ReviewStatus-open = Ouverte
enum-ReviewStatus-decided = Décidée

## ReviewDecision
enum-ReviewDecision-approve = Approuver
enum-ReviewDecision-approve_with_conditions = Approuver sous conditions
enum-ReviewDecision-reject = Refuser

## ConditionStatus
enum-ConditionStatus-open = Ouverte
enum-ConditionStatus-met = Remplie
enum-ConditionStatus-waived = Levée

enum-WatchRuleKind-score_below = Score sous un seuil
enum-WatchRuleKind-score_drop = Baisse du score
enum-WatchRuleKind-grade_change = Changement de note
enum-WatchRuleKind-new_incident = Nouvel incident
enum-WatchRuleKind-new_assessment = Nouvelle évaluation

enum-DeliveryStatus-pending = En attente
enum-DeliveryStatus-delivered = Livrée
enum-DeliveryStatus-failed = Échouée
