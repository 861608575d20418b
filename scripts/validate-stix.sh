#!/usr/bin/env bash
# Runs the OASIS STIX 2.1 validator (stix2-validator, from PyPI) on the seed's STIX exports:
# the whole knowledge base, one vendor and one incident. Exits non-zero on any error.
# Usage: scripts/validate-stix.sh [TRUSTKB_BINARY]   (default: target/debug/trustkb)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-target/debug/trustkb}"
validator="${TRUSTKB_STIX_VALIDATOR:-.ci/tools/stix/bin/stix2_validator}"
if [ ! -x "$validator" ]; then
  python3 -m venv .ci/tools/stix
  .ci/tools/stix/bin/pip install --quiet stix2-validator==3.3.2
  validator=.ci/tools/stix/bin/stix2_validator
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export TRUSTKB_DATABASE_URL="sqlite://$work/kb.db" TRUSTKB_LOG=warn
"$bin" seed >/dev/null
"$bin" export --format stix --output "$work/kb.json"
"$bin" export --format stix --vendor mimecast --output "$work/vendor.json"
"$bin" export --format stix --incident mimecast-certificate-compromise-2021 --output "$work/incident.json"
"$validator" "$work/kb.json" "$work/vendor.json" "$work/incident.json"
