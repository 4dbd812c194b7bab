#!/usr/bin/env bash
# Adds up the TRX files of a test run and prints "N passed, N failed[, N skipped]".
# A test run that ended early (its test host crashed) counts as one failure even when none of its tests failed, and
# is named. Exits non-zero when no test ran at all, so an empty run never looks green.
set -uo pipefail
passed=0 failed=0 skipped=0
while IFS= read -r -d '' trx; do
    read -r p f s < <(grep -ho '<Counters [^>]*>' "$trx" |
        awk '
            function count(name,   m) { return match($0, name "=\"[0-9]+\"") ? substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3) + 0 : 0 }
            { p += count("passed"); f += count("failed") + count("error") + count("timeout") + count("aborted"); s += count("notExecuted") }
            END { print p + 0, f + 0, s + 0 }')
    outcome=$(grep -o '<ResultSummary outcome="[^"]*"' "$trx" | head -1 | cut -d'"' -f2)
    if [ "$outcome" != "Completed" ] && [ "$f" -eq 0 ]; then
        echo "The test run in $(basename "$(dirname "$trx")") ended early (outcome ${outcome:-missing}): counted as one failure."
        f=1
    fi
    passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done < <(find "$1" -name '*.trx' -print0)
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ $((passed + failed)) -gt 0 ]
