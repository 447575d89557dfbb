#!/usr/bin/env bash
# Builds the libFuzzer target of the HTTP parsers (request_fuzzer.cc) with clang and runs it for a
# bounded time from a small seed corpus; exits non-zero on a crash, a sanitizer report or a broken
# contract (the target aborts). CTest runs it as HttpFuzz.* (tests/CMakeLists.txt).
#   tests/http/fuzz/run.sh SOURCE_DIR BUILD_DIR SECONDS
set -euo pipefail
src=$1
build=$2
seconds=${3:-60}
out="$build/fuzz"
mkdir -p "$out/corpus"
binary="$out/request_fuzzer"
sources=(tests/http/fuzz/request_fuzzer.cc src/http/query.cc src/http/request_parser.cc
  src/http/internal/beast_request.cc src/http/messages.cc src/http/json_text.cc src/http/http_server.cc
  src/http/static_files.cc src/core/unicode.cc src/core/messages.cc src/core/status.cc)
rebuild=0
[[ -x "$binary" ]] || rebuild=1
for file in "${sources[@]}" src/http/*.h src/http/internal/*.h; do
  [[ "$src/$file" -nt "$binary" ]] && rebuild=1
done
if [[ $rebuild == 1 ]]; then
  (cd "$src" && clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I"$build/module-include/http" -I"$build/module-include/core" "${sources[@]}" -lz -pthread -o "$binary")
fi
# Seeds: a few well-formed requests and query strings, so the fuzzer starts inside the grammar.
printf 'GET /api/waarden?indicator=vt_meldingen&regio=GM0153 HTTP/1.1\r\nHost: x\r\n\r\n' >"$out/corpus/seed-get"
printf 'POST /api/inloggen HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}' \
  >"$out/corpus/seed-post"
printf 'POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n0\r\n\r\n' >"$out/corpus/seed-chunked"
printf 'a=1&b=%%20x+y&c=%%C3%%A9' >"$out/corpus/seed-query"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  "$binary" -max_total_time="$seconds" -max_len=16384 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
  "$out/corpus" 2>&1 | tail -n 25
exit "${PIPESTATUS[0]}"
