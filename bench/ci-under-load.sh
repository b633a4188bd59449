#!/bin/sh
# CI on a busy machine (not a test): clones the committed HEAD into a new folder, starts
# BURNERS CPU-bound processes (`node -e 'for(;;){}'`, default 2: one per core here), runs
# `CI=true sh .ci/run` there as CI does, stops the burners by their PIDs and prints the run's
# result, its total and per-step time, and the CPU the burners took. BURNERS=0 is the idle
# run to compare with.
#
#   sh bench/ci-under-load.sh            both cores busy
#   BURNERS=0 sh bench/ci-under-load.sh  idle
#
# The clone is left in the folder it names (its .next and node_modules are large: delete it
# when done). Exit status: CI's.
set -u
repo=$(cd "$(dirname "$0")/.." && pwd)
burners=${BURNERS:-2}
clone=$(mktemp -d /tmp/ci-under-load.XXXXXX)
log="$clone.log"
git clone -q "$repo" "$clone"
echo "clone: $clone ($(git -C "$clone" rev-parse --short HEAD)), log: $log, burners: $burners"

pids=""
stop_burners() {
  [ -n "$pids" ] && kill $pids 2>/dev/null
  pids=""
}
trap stop_burners EXIT
trap 'stop_burners; exit 130' INT TERM

i=0
while [ "$i" -lt "$burners" ]; do
  node -e 'for(;;){}' &
  pids="$pids $!"
  i=$((i + 1))
done

# Seconds of CPU (user + system) a process has used, from /proc/PID/stat.
cpu_seconds() {
  ticks=$(awk '{ print $14 + $15 }' "/proc/$1/stat")
  echo $((ticks / $(getconf CLK_TCK)))
}

start=$(date +%s)
status=0
# In the background and waited for, so a TERM or Ctrl-C stops the burners at once (a shell runs
# its traps only between commands, and `wait` is one it interrupts).
(cd "$clone" && CI=true sh .ci/run) > "$log" 2>&1 &
wait $! || status=$?
total=$(( $(date +%s) - start ))
for pid in $pids; do
  echo "burner $pid: $(cpu_seconds "$pid") s of CPU in $total s"
done
stop_burners

grep -E '^<== |^ +[0-9]+ (passed|failed|skipped|flaky)|Tests .*(passed|failed)' "$log" | sed 's/\x1b\[[0-9;]*m//g'
echo "CI exit $status in $total s (log: $log)"
exit "$status"
