# Sourced by the service scripts: stops the process a pid file names (and only that one), then removes the file.
# Killed daemons can linger here as zombies: a process in state Z counts as gone.
stop_by_pidfile() {
    local pidfile=$1
    [ -f "$pidfile" ] || return 0
    local pid state
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 50); do
        state=$(ps -o stat= -p "$pid" 2>/dev/null | tr -d ' ')
        { [ -z "$state" ] || [[ "$state" == Z* ]]; } && break
        sleep 0.1
    done
    rm -f "$pidfile"
}
