#!/usr/bin/env bash
# Mutation run for the safety suite (docs/safety-testing.md): for each build/mutations/*.patch,
# copy the working tree to a temporary folder, apply the patch there, run the fault-schedule
# property suite, and report "caught" if it fails, "MISSED" if it passes. Exits 1 if any
# mutation is missed (or does not apply/compile: "BROKEN").
#
# usage: build/run-mutations.sh [patch ...]        (default: every build/mutations/*.patch; the
#        patches in build/mutations/equivalent/ are variants this suite cannot observe, see the doc)
# The surefire report of each run (violations, shrunk schedule as YAML) is copied to
# target/mutations/<name>.txt (or $MUTATION_REPORTS).
# env:   SAFETY_TRIES     tries per property (default: the module's default, 150)
#        MUTATION_TEST    test class to run (default: FaultScheduleProperties)
#        MUTATION_MODULE  module that holds it (default: experiments; sim-raft for RaftSafetyProperties)
# A patch whose first line is "# mutation-test: MODULE TESTCLASS" is run against that suite instead
# (a Raft-core rule the golden scripts pin down exactly, such as one pending configuration change).
set -u -o pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
test_class="${MUTATION_TEST:-FaultScheduleProperties}"
module="${MUTATION_MODULE:-experiments}"
tries_arg=()
if [ -n "${SAFETY_TRIES:-}" ]; then tries_arg=("-Dsafety.tries=${SAFETY_TRIES}" "-Draft.properties.tries=${SAFETY_TRIES}"); fi
if [ "$#" -gt 0 ]; then patches=("$@"); else patches=("$root"/build/mutations/*.patch); fi

reports="${MUTATION_REPORTS:-$root/target/mutations}"
mkdir -p "$reports"
missed=0
printf '%-40s %-8s %7s  %s\n' "mutation" "result" "seconds" "first finding"
for patch in "${patches[@]}"; do
  name="$(basename "$patch" .patch)"
  work="$(mktemp -d "${TMPDIR:-/tmp}/stormglass-mutation-${name}.XXXXXX")"
  # the working tree without build output or git metadata
  tar -C "$root" --exclude=./.git --exclude='*/target' --exclude=./target -cf - . | tar -C "$work" -xf -
  start=$(date +%s)
  if ! patch -s -p1 -d "$work" < "$patch" > "$work/patch.log" 2>&1; then
    printf '%-40s %-8s %7s  %s\n' "$name" "BROKEN" "-" "patch does not apply (see $work/patch.log)"
    missed=$((missed + 1))
    continue
  fi
  read -r tag patch_module patch_test < "$patch"
  if [ "$tag" = "#" ] && [ "$patch_module" = "mutation-test:" ]; then
    read -r _ _ patch_module patch_test < "$patch"
  else
    patch_module="$module"; patch_test="$test_class"
  fi
  (cd "$work" && mvn -B -o -q -pl "$patch_module" -am test -Dtest="$patch_test" -Dsurefire.failIfNoSpecifiedTests=false \
      "${tries_arg[@]}" > "$work/mvn.log" 2>&1)
  status=$?
  secs=$(( $(date +%s) - start ))
  report="$(ls "$work/$patch_module"/target/surefire-reports/*."${patch_test}".txt 2>/dev/null | head -1)"
  [ -n "$report" ] && cp "$report" "$reports/$name.txt"
  # the replayable scenario of the shrunk failure ('./stormglass run' it on the patched tree)
  for f in "$work/$patch_module"/target/safety-failures/*.yaml; do [ -f "$f" ] && cp "$f" "$reports/$name-$(basename "$f")"; done
  if [ "$status" -eq 0 ]; then
    printf '%-40s %-8s %7s  %s\n' "$name" "MISSED" "$secs" "suite passed"
    missed=$((missed + 1))
  elif [ -z "$report" ]; then
    printf '%-40s %-8s %7s  %s\n' "$name" "BROKEN" "$secs" "did not compile or run (see $work/mvn.log)"
    missed=$((missed + 1))
  else
    finding="$(grep -m1 -A2 'fault schedule broke the cluster:' "$report" | tail -2 | sed -e 's/^ *//' | tr '\n' ' ' | cut -c1-170)"
    [ -n "$finding" ] || finding="$(grep -m1 -E 'AssertionError|Exception' "$report" | sed -e 's/^ *//' | cut -c1-150)"
    printf '%-40s %-8s %7s  %s\n' "$name" "caught" "$secs" "${finding:-suite failed}"
    rm -rf "$work"
  fi
done
exit $(( missed > 0 ? 1 : 0 ))
