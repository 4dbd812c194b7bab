#!/usr/bin/env bash
# Adds up the TRX files of a test run and prints "N passed, N failed[, N skipped]".
# Exits non-zero when no test ran at all, so an empty run never looks green.
set -uo pipefail
read -r passed failed skipped < <(
    find "$1" -name '*.trx' -print0 | xargs -0 -r grep -ho '<Counters [^>]*>' |
    awk '
        function count(name,   m) { return match($0, name "=\"[0-9]+\"") ? substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3) + 0 : 0 }
        { p += count("passed"); f += count("failed") + count("error") + count("timeout") + count("aborted"); s += count("notExecuted") }
        END { print p + 0, f + 0, s + 0 }')
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ $((passed + failed)) -gt 0 ]
