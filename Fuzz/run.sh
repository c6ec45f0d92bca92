#!/usr/bin/env bash
# Builds a libFuzzer harness with the pure modules it reads (LinkagesCSV and LinkagesDomain,
# compiled straight from Sources: `swift build` cannot link fuzzer executables) and runs it.
#   Fuzz/run.sh extract|column-map|dates|question-bank|directory|walkthrough [SECONDS] [more libFuzzer flags]
# Starts from the seed inputs in Fuzz/corpus/TARGET; new inputs it finds stay in
# .build/fuzz/corpus-TARGET (out of git); a crash is written to .build/fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?"which harness: extract, column-map, dates, question-bank, directory or walkthrough"}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
case "$target" in
  extract) harness=Fuzz/ExtractFuzz.swift ;;
  column-map) harness=Fuzz/ColumnMapFuzz.swift ;;
  dates) harness=Fuzz/DateFuzz.swift ;;
  question-bank) harness=Fuzz/QuestionBankFuzz.swift ;;
  directory) harness="Fuzz/DirectoryFuzz.swift Sources/LinkagesStore/Directory/HSDSDirectory.swift" ;;
  walkthrough) harness="Fuzz/WalkthroughFuzz.swift Sources/LinkagesTUI/Training/Walkthrough.swift Sources/LinkagesTUI/Training/KeyScript.swift Sources/LinkagesTUI/Core/Key.swift" ;;
  *) echo "no harness named $target" >&2; exit 2 ;;
esac
mkdir -p .build/fuzz/crashes ".build/fuzz/corpus-$target"
binary=.build/fuzz/$target
sources=$(find Sources/LinkagesCSV Sources/LinkagesDomain -name '*.swift' | sort)
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name LinkagesFuzz $sources $harness -o "$binary"
"$binary" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix=.build/fuzz/crashes/ -max_len=65536 "$@" \
  ".build/fuzz/corpus-$target" "Fuzz/corpus/$target"
