#!/usr/bin/env bash
# Runs a benchmark in Release against a fresh database in a temp folder; the last line it prints is one JSON object.
#   ./bench/run.sh messaging [--sends N] [--warm-up-sends N] [--senders K] [--history-messages N]
#   ./bench/run.sh files [--uploads N] [--megabytes M]     (starts its own clamd, as the tests do)
#   ./bench/run.sh search [--messages N]
#   ./bench/run.sh fanout --clients N --senders K --rate R --duration S [--messagepack]   (starts the app in Release)
#   ./bench/run.sh circuits --users N    (starts the app in Release; N headless Blazor circuits on a channel page)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
[ $# -ge 1 ] || { echo "usage: bench/run.sh <messaging|files|search|fanout|circuits> [options]" >&2; exit 2; }
dotnet build bench/Chat.Bench -c Release -nologo -v quiet >&2
if [ "$1" = fanout ] || [ "$1" = circuits ]; then
    dotnet build src/Chat.Web -c Release -nologo -v quiet >&2
fi
bench=(dotnet bench/Chat.Bench/bin/Release/net10.0/Chat.Bench.dll)

if [ "$1" = files ]; then
    source scripts/test-services.sh
    install_packages clamav-daemon >&2
    clamd_dir="$services_dir/bench-clamd"
    clamd_port=$(free_port)
    trap 'bash scripts/clamd.sh stop "$clamd_dir" >&2' EXIT
    bash scripts/clamd.sh start "$clamd_dir" "$clamd_port" >&2
    "${bench[@]}" "$@" --clamd "127.0.0.1:$clamd_port"
else
    exec "${bench[@]}" "$@"
fi
