# Sourced by test.sh: installs and starts what the tests need, and stops only what it started.
# Later capabilities add their services (clamd, Redis, SMTP sink) here the same way.

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

start_test_services() {
    mkdir -p "$services_dir"
    # Playwright drives Debian's Chromium; the package cannot download a browser here.
    export CHAT_E2E_CHROMIUM="${CHAT_E2E_CHROMIUM:-/usr/bin/chromium}"
    [ -x "$CHAT_E2E_CHROMIUM" ] || { echo "Chromium not found at $CHAT_E2E_CHROMIUM"; return 1; }
    return 0
}

stop_test_services() {
    # Nothing long-running yet: Chromium is started and stopped by the tests themselves.
    return 0
}
