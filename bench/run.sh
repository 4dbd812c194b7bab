#!/usr/bin/env bash
# Runs a benchmark in Release against a fresh database in a temp folder; the last line it prints is one JSON object.
#   ./bench/run.sh messaging [--sends N] [--warm-up-sends N] [--senders K] [--history-messages N]
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/run.sh <messaging> [options]" >&2; exit 2; }
dotnet build bench/Chat.Bench -c Release -nologo -v quiet >&2
exec dotnet bench/Chat.Bench/bin/Release/net10.0/Chat.Bench.dll "$@"
