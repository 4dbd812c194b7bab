#!/usr/bin/env bash
# Starts or stops a clamd of our own on 127.0.0.1, with a one-line test signature database (freshclam cannot
# download signatures here; see ../shared/notes/services.md).
#   scripts/clamd.sh start DIR PORT [MB] — writes DIR/clamd.conf and the database, starts clamd, waits for PONG; it
#                                      takes streams up to MB megabytes (default 25: the app's Files:MaxMegabytes)
#   scripts/clamd.sh stop DIR         — stops the clamd started with DIR (and only that one)
set -uo pipefail
source "$(dirname "$0")/pidfile.sh"

command=${1:?start or stop}
dir=${2:?a folder for this clamd}

# The EICAR test file's 68 bytes as hex: the repository never holds the string itself.
eicar_hex=58354f2150254041505b345c505a58353428505e2937434329377d2445494341522d5354414e444152442d414e544956495255532d544553542d46494c452124482b482a

ping_clamd() {
    /usr/bin/python3 - "$1" <<'PY'
import socket, sys
try:
    with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1) as s:
        s.sendall(b"zPING\0")
        sys.exit(0 if s.recv(16).startswith(b"PONG") else 1)
except OSError:
    sys.exit(1)
PY
}

case "$command" in
start)
    port=${3:?a port}
    # In step with the largest file the app accepts, so every file it takes can be scanned (FilesOptions.MaxMegabytes).
    max_mb=${4:-25}
    mkdir -p "$dir/db"
    echo "Chat.Test.Eicar:0:*:$eicar_hex" > "$dir/db/chat-test.ndb"
    # Streams over the limit are refused with an error, never answered OK unscanned (AlertExceedsMax).
    cat > "$dir/clamd.conf" <<CONF
DatabaseDirectory $dir/db
TCPSocket $port
TCPAddr 127.0.0.1
PidFile $dir/clamd.pid
LogFile $dir/clamd.log
Foreground yes
MaxFileSize ${max_mb}M
StreamMaxLength ${max_mb}M
MaxScanSize $((max_mb * 4))M
AlertExceedsMax yes
CONF
    # In the foreground, in its own session: no daemon parent whose exit status can go wrong, no terminal or pipe held.
    setsid clamd --config-file="$dir/clamd.conf" </dev/null >"$dir/clamd.out" 2>&1 &
    pid=$!
    # Loading the engine takes well under a second idle, but seconds while CI runs every test project at once.
    for _ in $(seq 1 300); do
        ping_clamd "$port" && exit 0
        state=$(ps -o stat= -p "$pid" 2>/dev/null | tr -d ' ')
        if [ -z "$state" ] || [[ "$state" == Z* ]]; then
            echo "clamd exited while starting:"; cat "$dir/clamd.out"; tail -5 "$dir/clamd.log" 2>/dev/null
            exit 1
        fi
        sleep 0.1
    done
    echo "clamd did not answer PING on port $port within 30 s"; tail -5 "$dir/clamd.log" 2>/dev/null
    exit 1
    ;;
stop)
    stop_by_pidfile "$dir/clamd.pid"
    ;;
*)
    echo "usage: scripts/clamd.sh start DIR PORT | stop DIR"; exit 2 ;;
esac
