# shellcheck shell=bash disable=SC2154  # $emulator and $work come from the driver
# Sourced by the bench drivers: altcraft-emulator as its own process, its request log kept.
#
#   emulator_start LOG ARGS...   starts "$emulator" --port 0 ARGS (without --quiet it prints one
#                                line per request); waits for its "listening on" line (reading
#                                its output as it comes, no polling) and sets emulator_base and
#                                emulator_pid. The rest of its output goes to LOG.
#   emulator_stop                SIGTERM, then waits until the emulator and its log are done:
#                                after it, LOG holds every request the emulator received.
#   emulator_requests LOG        "METHOD COUNT" lines: requests per API method in LOG.
#
# Needs: $emulator (the binary), $work (a private directory), a die() function.

emulator_pid=
emulator_base=
emulator_drain_pid=
emulator_serial=0

emulator_start() {
  local log=$1
  shift
  emulator_serial=$((emulator_serial + 1))
  local fifo=$work/emulator-$emulator_serial.fifo
  mkfifo "$fifo"
  "$emulator" --port 0 "$@" >"$fifo" 2>"$log.err" &
  emulator_pid=$!
  local fd line=
  exec {fd}<"$fifo"
  rm -f "$fifo"
  # Its first line names the port; generating many campaigns comes first, hence the long wait.
  IFS= read -r -t 120 -u "$fd" line || true
  cat <&"$fd" >"$log" &
  emulator_drain_pid=$!
  exec {fd}<&-
  emulator_base=$(sed -n 's|^Altcraft emulator listening on \(http://127\.0\.0\.1:[0-9]*/\)$|\1|p' <<<"$line")
  # It prints that line once it listens: no request is needed to know it is up (and none
  # that the benchmark did not make appears in its log).
  [ -n "$emulator_base" ] || die "the emulator printed no 'listening on' line: ${line:-nothing} $(cat "$log.err")"
}

emulator_stop() {
  if [ -n "$emulator_pid" ]; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  if [ -n "$emulator_drain_pid" ]; then
    wait "$emulator_drain_pid" 2>/dev/null || true
  fi
  emulator_pid=
  emulator_drain_pid=
}

emulator_requests() {
  sed -n 's|.* POST /api/v1\.1/scampaigns/\([a-z_]*\).*|\1|p' "$1" | sort | uniq -c | awk '{print $2, $1}'
}
