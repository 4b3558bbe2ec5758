#!/usr/bin/env bash
# Score the engine on the development sets beside the project (../shared). Not part of the test run.
set -euo pipefail
cd "$(dirname "$0")/.."
TALLY="${TALLY:-.venv/bin/tally}"
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(seed-000 timebank-dev facts-dev-a facts-dev-b isaf-dev gva-dev wikimpacts-dev)
python3 ../shared/eval/run.py --cmd "$TALLY batch" "${sets[@]}"
