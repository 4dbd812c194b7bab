#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian 12 machine that has the .NET 10 SDK.
# Installs what the tests need (idempotently), starts it on 127.0.0.1, runs every test project,
# stops what it started even when tests fail, and ends with one line: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

source scripts/test-services.sh
trap stop_test_services EXIT

install_packages chromium clamav-daemon redis-server || exit 1

# axe-core for the browser tests' accessibility checks (npm, from the lock file; skipped when already there).
if [ ! -f tests/Chat.E2E.Tests/axe/node_modules/axe-core/axe.min.js ]; then
    npm ci --prefix tests/Chat.E2E.Tests/axe --no-audit --no-fund --loglevel=error </dev/null >/dev/null || { echo "npm could not install axe-core"; exit 1; }
fi
start_test_services || exit 1

results="$root/artifacts/test-results"
# The browser tests write their servers' and browsers' warnings here; printed below when a test failed.
export CHAT_TEST_LOGS="$root/artifacts/test-logs"
rm -rf "$results" "$CHAT_TEST_LOGS"
mkdir -p "$results"

# The benchmarks are outside the solution but use its layers: building them here keeps them compiling.
dotnet build Chat.Enterprise.sln -c Debug -nologo -v quiet </dev/null \
    && dotnet build bench/Chat.Bench -c Debug -nologo -v quiet </dev/null
build_status=$?
if [ $build_status -ne 0 ]; then
    echo "Build failed."
    echo "0 passed, 1 failed"
    exit 1
fi

dotnet test Chat.Enterprise.sln --no-build -c Debug -nologo --logger trx </dev/null
test_status=$?

if [ $test_status -ne 0 ] && [ -s "$CHAT_TEST_LOGS/e2e.log" ]; then
    echo "Browser tests: the last warnings of their servers and browsers ($CHAT_TEST_LOGS/e2e.log):"
    tail -n 80 "$CHAT_TEST_LOGS/e2e.log" | cut -c1-400
fi

bash scripts/summarize-trx.sh "$results"
summary_status=$?
if [ $test_status -ne 0 ] || [ $summary_status -ne 0 ]; then
    exit 1
fi
