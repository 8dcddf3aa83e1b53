#!/usr/bin/env bash
# Mutation run for the safety suite (docs/safety-testing.md): for each build/mutations/*.patch,
# copy the working tree to a temporary folder, apply the patch there, run the fault-schedule
# property suite, and report "caught" if it fails, "MISSED" if it passes. Exits 1 if any
# mutation is missed (or does not apply/compile: "BROKEN"; or the build failed but no test reported
# a failure, e.g. a test fork that died: "UNCLEAR", its folder kept).
#
# usage: build/run-mutations.sh [patch ...]        (default: every build/mutations/*.patch; the
#        patches in build/mutations/equivalent/ are variants this suite cannot observe, see the doc;
#        each names the lower-level test that catches it in a "Suite: <module> <TestClass>" line of
#        its header, which this script follows, as it does for any patch with such a line, e.g. a
#        Raft-core rule the golden scripts pin down exactly, such as one pending configuration change)
# The surefire report of each run (violations, shrunk schedule as YAML) is copied to
# target/mutations/<name>.txt (or $MUTATION_REPORTS).
# Prints per variant: the result, the wall seconds (compiling the patched module included), the
# faults left in each shrunk schedule ("3:2 5:1 5-spares:3": two faults at 3 members, one at 5, three
# in the membership property's schedule; "-" if that property passed or the failure came from a fixed
# schedule) and the first finding.
# env:   SAFETY_TRIES     tries per property (default: the module's default, 150)
#        MUTATION_TEST    test classes to run (default: FaultScheduleProperties,FaultScheduleExamplesTest,ReadPathNemesesTest:
#                         the random schedules and the fixed ones, regressions and targeted nemeses included)
#        SAFETY_SHRINK_SECONDS  bound on jqwik's shrinking per property (default: the module's, 90 s)
#        SAFETY_SEED      the properties' jqwik seed (default: the experiments pom's fixed one, the schedules
#                         mvn verify tries; "random" for a fresh draw per variant)
#        MUTATION_FRESH   1: build the copy from scratch (default: reuse this tree's compiled classes,
#                         so only the patched module and the tests are compiled again)
#        MUTATION_MODULE  module that holds it (default: experiments; sim-raft for RaftSafetyProperties)
set -u -o pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
default_test="${MUTATION_TEST:-FaultScheduleProperties,FaultScheduleExamplesTest,ReadPathNemesesTest}"
default_module="${MUTATION_MODULE:-experiments}"
tries_arg=()
if [ -n "${SAFETY_TRIES:-}" ]; then tries_arg=("-Dsafety.tries=${SAFETY_TRIES}" "-Draft.properties.tries=${SAFETY_TRIES}"); fi
if [ -n "${SAFETY_SHRINK_SECONDS:-}" ]; then tries_arg+=("-Dsafety.shrink.seconds=${SAFETY_SHRINK_SECONDS}"); fi
if [ -n "${SAFETY_SEED:-}" ]; then tries_arg+=("-Dsafety.seed=${SAFETY_SEED}"); fi
# reusing classes: recompile only the sources the patch made stale, not every module downstream of them
# (a patch changes method bodies, never a signature or a constant)
compile_arg=()
if [ "${MUTATION_FRESH:-0}" != 1 ]; then compile_arg=("-Dmaven.compiler.useIncrementalCompilation=false"); fi
if [ "$#" -gt 0 ]; then patches=("$@"); else patches=("$root"/build/mutations/*.patch); fi

reports="${MUTATION_REPORTS:-$root/target/mutations}"
mkdir -p "$reports"
missed=0
printf '%-46s %-8s %7s %-9s %s\n' "mutation" "result" "seconds" "shrunk" "first finding"
for patch in "${patches[@]}"; do
  name="$(basename "$patch" .patch)"
  work="$(mktemp -d "${TMPDIR:-/tmp}/stormglass-mutation-${name}.XXXXXX")"
  # the working tree without build output or git metadata
  tar -C "$root" --exclude=./.git --exclude='*/target' --exclude=./target -cf - . | tar -C "$work" -xf -
  if [ "${MUTATION_FRESH:-0}" != 1 ]; then
    # compiled classes with their timestamps: maven recompiles only what the patch makes stale
    (cd "$root" && find . -path ./.git -prune -o -type d \( -path './*/target/classes' -o -path './*/target/test-classes' \
        -o -path './*/target/maven-status' \) -print | tar -cf - -T -) | tar -C "$work" -xf -
  fi
  # a "Suite: <module> <TestClass>" header line names the suite that catches this variant
  suite="$(grep -m1 -E '^Suite: ' "$patch" | sed -e 's/^Suite: *//')"
  module="${suite%% *}"; test_class="${suite#* }"
  if [ -z "$suite" ]; then module="$default_module"; test_class="$default_test"; fi
  start=$(date +%s)
  if ! patch -s -p1 -d "$work" < "$patch" > "$work/patch.log" 2>&1; then
    printf '%-46s %-8s %7s %-9s %s\n' "$name" "BROKEN" "-" "-" "patch does not apply (see $work/patch.log)"
    missed=$((missed + 1))
    continue
  fi
  (cd "$work" && mvn -B -o -q -pl "$module" -am test -Dtest="$test_class" -Dsurefire.failIfNoSpecifiedTests=false \
      "${compile_arg[@]}" "${tries_arg[@]}" > "$work/mvn.log" 2>&1)
  status=$?
  secs=$(( $(date +%s) - start ))
  report=""
  if ls "$work/$module"/target/surefire-reports/*.txt > /dev/null 2>&1; then
    report="$reports/$name.txt"
    cat "$work/$module"/target/surefire-reports/*.txt > "$report"
  fi
  # the replayable scenario of the shrunk failure ('./stormglass run' it on the patched tree):
  # members-<n>.yaml, members-<n>-spares.yaml for the membership property
  shrunk=""
  for f in "$work/$module"/target/safety-failures/members-*.yaml; do
    [ -f "$f" ] || continue
    label="$(basename "$f" .yaml)"; label="${label#members-}"
    cp "$f" "$reports/$name-$(basename "$f")"
    shrunk="$shrunk$label:$(grep -c -E '^  - at:' "$f") "
  done
  shrunk="${shrunk:--}"
  if [ "$status" -eq 0 ]; then
    printf '%-46s %-8s %7s %-9s %s\n' "$name" "MISSED" "$secs" "-" "suite passed"
    missed=$((missed + 1))
  elif [ -z "$report" ]; then
    printf '%-46s %-8s %7s %-9s %s\n' "$name" "BROKEN" "$secs" "-" "did not compile or run (see $work/mvn.log)"
    missed=$((missed + 1))
  else
    finding="$(grep -m1 -A2 'fault schedule broke the cluster:' "$report" | tail -2 | sed -e 's/^ *//' | tr '\n' ' ' | cut -c1-170)"
    [ -n "$finding" ] || finding="$(grep -m1 -E 'AssertionError|AssertionFailedError|Exception|expected' "$report" | sed -e 's/^ *//' | cut -c1-150)"
    if [ -z "$finding" ]; then
      # the build failed but no test reported a failure (a test fork that died, a timeout): not a catch
      printf '%-46s %-8s %7s %-9s %s\n' "$name" "UNCLEAR" "$secs" "-" "no test failed; see $work/mvn.log"
      missed=$((missed + 1))
      continue
    fi
    printf '%-46s %-8s %7s %-9s %s\n' "$name" "caught" "$secs" "$shrunk" "$finding"
    rm -rf "$work"
  fi
done
exit $(( missed > 0 ? 1 : 0 ))
