#!/usr/bin/env bash
# Saves a PNG of each page of the web UI over the demo corpus into
# docs/screenshots/, for the README. Needs Chromium (apt-get install
# chromium), or CROSSCHECK_CHROMIUM pointing at a Chrome or Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
go run ./scripts/screenshots -out docs/screenshots "$@"
