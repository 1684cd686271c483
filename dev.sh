#!/usr/bin/env bash
# Kansli Desk: one entry point for setting up, running and testing.
#
#   ./dev.sh app [ARGS...]   set everything up and start the application
#                            (embedded SQLite database unless --database URL is given)
#   ./dev.sh test [ARGS...]  set everything up and run the whole test suite offscreen
#   ./dev.sh lint            ruff, ruff format --check, mypy, translation check
#   ./dev.sh setup           only set up (virtual environment, project, Qt libraries)
#
# Setting up creates .venv when it is missing, installs the project with its dev
# extra (again whenever pyproject.toml changes), and, when run as root on Debian
# or Ubuntu, installs the system libraries Qt needs (and pdftotext for the tests) if any
# are missing.
set -euo pipefail
cd "$(dirname "$0")"

VENV=${KANSLI_DESK_VENV:-.venv}
STAMP="$VENV/.kansli-desk-installed"
QT_PACKAGES=(
    libgl1 libegl1 libx11-6 libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
    libfreetype6 libglib2.0-0 libdbus-1-3 fonts-dejavu-core libcups2 libxcb-cursor0
    libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
    libxcb-render-util0 libxcb-image0 libxcb-xkb1
    poppler-utils  # pdftotext: the tests read back the text of the PDFs written
)

say() { printf 'dev.sh: %s\n' "$*" >&2; }

apt_install() {
    # Install Debian packages as root; refresh the package lists only if needed.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 || {
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
    }
}

install_system_libraries() {
    command -v dpkg-query >/dev/null || return 0
    local missing=() pkg
    for pkg in "${QT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "installing Qt's system libraries: ${missing[*]}"
        apt_install "${missing[@]}"
    else
        say "Qt may need these system packages (run as root to install them): ${missing[*]}"
    fi
}

find_python() {
    local candidate
    for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    say "Python 3.11 or newer is needed"
    return 1
}

create_venv() {
    [ -x "$VENV/bin/python" ] && return 0
    local python
    python=$(find_python)
    say "creating the virtual environment $VENV"
    if ! "$python" -m venv "$VENV" 2>/dev/null; then
        rm -rf "$VENV"
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            apt_install python3-venv
            "$python" -m venv "$VENV"
        else
            say "could not create a virtual environment (Debian: apt install python3-venv)"
            return 1
        fi
    fi
}

install_project() {
    local wanted
    wanted=$(sha256sum pyproject.toml | cut -d' ' -f1)
    if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$wanted" ]; then
        return 0
    fi
    say "installing Kansli Desk and its development tools into $VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
    "$VENV/bin/python" -m pip install --quiet -e '.[dev]'
    echo "$wanted" >"$STAMP"
}

setup() {
    install_system_libraries
    create_venv
    install_project
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
app)
    setup
    exec "$VENV/bin/kansli-desk" "$@"
    ;;
test)
    setup
    export QT_QPA_PLATFORM=offscreen
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
lint)
    setup
    "$VENV/bin/ruff" check .
    "$VENV/bin/ruff" format --check .
    "$VENV/bin/mypy"
    QT_QPA_PLATFORM=offscreen "$VENV/bin/python" tools/i18n.py check
    ;;
setup)
    setup
    ;;
*)
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
