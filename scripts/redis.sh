#!/usr/bin/env bash
# Starts or stops a Redis of our own on 127.0.0.1 (no persistence), for the scale-out tests.
#   scripts/redis.sh start DIR PORT   — starts redis-server with its files in DIR, waits for PONG
#   scripts/redis.sh stop DIR         — stops the Redis started with DIR (and only that one)
set -uo pipefail
source "$(dirname "$0")/pidfile.sh"

command=${1:?start or stop}
dir=${2:?a folder for this redis}

case "$command" in
start)
    port=${3:?a port}
    mkdir -p "$dir"
    redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
        --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" </dev/null >/dev/null 2>&1 || {
        echo "redis-server did not start"; exit 1; }
    for _ in $(seq 1 100); do
        [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = "PONG" ] && exit 0
        sleep 0.1
    done
    echo "Redis did not answer PING on port $port within 10 s"; tail -5 "$dir/redis.log" 2>/dev/null
    exit 1
    ;;
stop)
    stop_by_pidfile "$dir/redis.pid"
    ;;
*)
    echo "usage: scripts/redis.sh start DIR PORT | stop DIR"; exit 2 ;;
esac
