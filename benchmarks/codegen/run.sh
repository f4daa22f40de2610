#!/usr/bin/env bash
# Times code generation and compilation of the same API (10 operations, 15 types) built three ways,
# in one run: Switchboard; the usual peers (openapi-generator's spring generator + the ascopes
# protobuf plugin with grpc-java); and an empty project as the floor. Prints medians and ratios.
#
#   ./mvnw -B install -DskipTests -Dinvoker.skip      # once, from the repository root
#   benchmarks/codegen/run.sh [runs]                   # default 5 runs per measurement
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd ../.. && pwd)"
runs="${1:-5}"
mvn=("$root/mvnw" -B -q)

# The peers build exactly what Switchboard exports from the contract.
"${mvn[@]}" -f switchboard/pom.xml generate-resources
mkdir -p peers/src/main/openapi peers/src/main/protobuf
cp switchboard/target/generated-resources/switchboard/META-INF/switchboard/library/openapi.yaml peers/src/main/openapi/
cp switchboard/target/generated-resources/switchboard/META-INF/switchboard/library/library.proto peers/src/main/protobuf/
# One online warm-up build each, so every plugin and dependency is local; then everything runs offline.
for project in empty switchboard peers; do
  "${mvn[@]}" -f "$project/pom.xml" clean compile
done

now() { date +%s%N; }

# median of the given numbers (milliseconds)
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# time_ms <project> <fresh|again> <phase>: one offline build; 'fresh' deletes target/ first (not timed)
time_ms() {
  local project="$1" state="$2" phase="$3"
  [ "$state" = fresh ] && rm -rf "$project/target"
  local start end
  start=$(now)
  "${mvn[@]}" -o -f "$project/pom.xml" "$phase" > /dev/null
  end=$(now)
  echo $(( (end - start) / 1000000 ))
}

declare -A result
for measurement in "fresh generate-sources" "fresh compile" "again compile"; do
  read -r state phase <<< "$measurement"
  declare -A samples=()
  for ((i = 0; i < runs; i++)); do
    for project in empty switchboard peers; do      # interleaved, so drift hits all alike
      samples[$project]="${samples[$project]:-} $(time_ms "$project" "$state" "$phase")"
    done
  done
  for project in empty switchboard peers; do
    # shellcheck disable=SC2086
    result["$project,$state $phase"]=$(median ${samples[$project]})
  done
  unset samples
done

echo
echo "median of $runs offline runs, in ms"
echo
echo "| build | empty (floor) | Switchboard | openapi-generator + protobuf/grpc |"
echo "| --- | ---: | ---: | ---: |"
for measurement in "fresh generate-sources" "fresh compile" "again compile"; do
  echo "| mvn ${measurement#* } (${measurement%% *}) | ${result[empty,$measurement]} | ${result[switchboard,$measurement]} | ${result[peers,$measurement]} |"
done
floor=${result[empty,fresh generate-sources]}
ours=$(( ${result[switchboard,fresh generate-sources]} - floor ))
theirs=$(( ${result[peers,fresh generate-sources]} - floor ))
echo
echo "generation overhead over the floor: Switchboard ${ours} ms, peers ${theirs} ms, ratio $(awk "BEGIN { printf \"%.2f\", $ours / $theirs }") (target <= 0.33)"
echo "no-change rebuild: Switchboard ${result[switchboard,again compile]} ms vs floor ${result[empty,again compile]} ms, ratio $(awk "BEGIN { printf \"%.2f\", ${result[switchboard,again compile]} / ${result[empty,again compile]} }")"
