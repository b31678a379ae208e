#!/usr/bin/env bash
# Installs the Debian packages the project needs, when any is missing. Sourced by the other
# scripts; safe to run again. Uses sudo when not root.
set -euo pipefail

TL_PACKAGES=(
    # build (clang for the fuzzers)
    gcc clang meson ninja-build pkg-config
    libcairo2-dev libpango1.0-dev libcsv-dev libpng-dev zlib1g-dev libdeflate-dev
    # locales: ICU (dates, numbers, calendars; loaded when a chart asks for a locale) and
    # gettext (msgfmt checks the catalogs of po/); json-glib (JSON and JSON Lines input)
    libicu-dev gettext libjson-glib-dev
    # fonts the default font chain uses (fonts/fc-config.c): Latin, Devanagari, Arabic, Hebrew
    # and symbols; Japanese; emoji
    fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
    # tools the tests validate output with, and memcheck
    librsvg2-bin poppler-utils libxml2-utils python3 valgrind time
    # PostScript and EPS output are checked by converting them (ps2pdf)
    ghostscript
    # the Pandoc filter pandoc/timeline.lua is tested with Debian's pandoc (tests/test-pandoc.sh;
    # it checks the LaTeX text, and a PDF too when pdflatex is there)
    pandoc
    # the Python module's tests (tests/python): DataFrames, and a notebook executed by
    # jupyter nbconvert, which needs a Python kernel
    python3-pandas jupyter-nbconvert python3-ipykernel
)

# What turns a report into PDF with pandoc (pdflatex and the fonts of pandoc's LaTeX template),
# when asked for: tl_install_deps "${TL_PANDOC_PDF_PACKAGES[@]}" (docs/pandoc.md).
# shellcheck disable=SC2034 # used by the caller
TL_PANDOC_PDF_PACKAGES=(texlive-latex-base texlive-latex-recommended lmodern)

# What bench/run.sh compares against, when asked to install it (bench/run.sh --install).
# shellcheck disable=SC2034 # used by bench/run.sh
TL_BENCH_PACKAGES=(gnuplot-nox python3-matplotlib)

# Installs the packages named (default: TL_PACKAGES) that are missing.
# shellcheck disable=SC2120 # the arguments are optional
tl_install_deps() {
    local missing=() wanted=("$@")
    [ ${#wanted[@]} -gt 0 ] || wanted=("${TL_PACKAGES[@]}")
    for p in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    # shellcheck disable=SC2119 # TL_PACKAGES, not the script's arguments
    tl_install_deps
fi
