#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Quick-start command 2: install what is missing, build, and run every test.
#   1. a clang ASan+UBSan build of the libraries: unit tests, end-to-end tests and fuzz smoke runs;
#   2. the normal build (warnings as errors) with the GUI: qmllint, then every test.
# Long soaks (label "soak") and benchmarks are separate: see tests/README.md and bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

jobs=$(nproc)
export QT_QPA_PLATFORM=offscreen
# A PostgreSQL server for the receiver's PostgreSQL test suite (skipped when it cannot start).
# shellcheck source=scripts/test-postgres.sh
source scripts/test-postgres.sh
start_test_postgres || echo "test.sh: PostgreSQL could not be started; its suites will report SKIP"
trap stop_test_postgres EXIT

echo "== sanitizer build (clang, ASan+UBSan) =="
CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCHORUS_WERROR=ON -DCHORUS_SANITIZE=ON -DCHORUS_FUZZ=ON -DCHORUS_BUILD_GUI=OFF -DCHORUS_BUILD_BENCH=OFF
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j2 -LE soak

echo "== normal build (g++, warnings as errors, GUI) =="
cmake -S . -B build -G Ninja -DCHORUS_WERROR=ON
cmake --build build -j"$jobs"
# qmllint runs on every QML file. On Qt 6.4 it still reports warnings (unqualified access in
# delegates, and QColor-typed C++ properties it cannot resolve); they are printed, counted and
# tracked, and do not fail the run until they are cleared.
if ! cmake --build build --target all_qmllint > build/qmllint.log 2>&1; then
    grep -E 'Warning|Error' build/qmllint.log || true
    echo "test.sh: qmllint reported $(grep -c 'Warning' build/qmllint.log) warning(s) (not fatal yet)"
fi
ctest --test-dir build --output-on-failure -j2 -LE 'soak|fuzz'
