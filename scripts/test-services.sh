# Sourced by test.sh: installs and starts what the tests need, and stops only what it started.
# Later capabilities add their services (SMTP sink) here the same way.

services_dir="${root:-$(pwd)}/.test-services"
apt_updated=0

install_packages() {
    local missing=()
    for package in "$@"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0

    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing ${missing[*]} (apt)…"
    if [ $apt_updated -eq 0 ]; then
        $sudo apt-get update -qq </dev/null >/dev/null || return 1
        apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        -o DPkg::Lock::Timeout=300 "${missing[@]}" </dev/null >/dev/null
}

free_port() {
    /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start_test_services() {
    mkdir -p "$services_dir"
    # Playwright drives Debian's Chromium; the package cannot download a browser here.
    export CHAT_E2E_CHROMIUM="${CHAT_E2E_CHROMIUM:-/usr/bin/chromium}"
    [ -x "$CHAT_E2E_CHROMIUM" ] || { echo "Chromium not found at $CHAT_E2E_CHROMIUM"; return 1; }

    # A clamd of our own with a test signature; tests reach it through CHAT_TEST_CLAMD.
    local clamd_port
    clamd_port=$(free_port) || return 1
    bash "$root/scripts/clamd.sh" stop "$services_dir/clamd"
    bash "$root/scripts/clamd.sh" start "$services_dir/clamd" "$clamd_port" || return 1
    export CHAT_TEST_CLAMD="127.0.0.1:$clamd_port"

    # A Redis of our own for the scale-out tests (two nodes); tests reach it through CHAT_TEST_REDIS.
    local redis_port
    redis_port=$(free_port) || return 1
    bash "$root/scripts/redis.sh" stop "$services_dir/redis"
    bash "$root/scripts/redis.sh" start "$services_dir/redis" "$redis_port" || return 1
    export CHAT_TEST_REDIS="127.0.0.1:$redis_port"
    return 0
}

stop_test_services() {
    # Chromium is started and stopped by the tests themselves.
    bash "$root/scripts/clamd.sh" stop "$services_dir/clamd"
    bash "$root/scripts/redis.sh" stop "$services_dir/redis"
    return 0
}
