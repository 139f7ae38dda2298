#!/usr/bin/env bash
# Retakes the README's xvfb-*.png screenshots: starts a demo server, runs the real desktop client in
# a real X window under Xvfb and drives it with the mouse and keyboard (ScreenTour, in the client's
# test sources), grabbing each picture from the X display with ImageMagick's `import`.
#
#   docs/screenshots/take-screenshots.sh [OUT_DIR]      (default: docs/screenshots)
#
# Needs: Java 17+, Maven, xvfb-run, xdotool, ImageMagick. Builds what is missing (offline if it can).
# SCREEN sets the virtual screen (default 1366x768x24, a common till monitor); the client opens at
# its default window size inside it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$(mkdir -p "${1:-$ROOT/docs/screenshots}" && cd "${1:-$ROOT/docs/screenshots}" && pwd)"
SCREEN="${SCREEN:-1366x768x24}"
cd "$ROOT"

for tool in java mvn xvfb-run xdotool import curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "take-screenshots: $tool is needed" >&2; exit 2; }
done

mvn_offline() { mvn -B -q -o "$@" || mvn -B -q "$@"; }

echo "take-screenshots: building..." >&2
TEST_CP_FILE="$ROOT/desktop-client/target/test-classpath.txt"
# One reactor run, so the client's test class path names the sibling modules' fresh jars (each
# module writes the file in turn; the client comes last).
mvn_offline -DskipTests package dependency:build-classpath -pl desktop-client -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$TEST_CP_FILE"

WORK="$(mktemp -d -t admitone-screens.XXXXXX)"
PORT="${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
SERVER_CP="$(ls "$ROOT"/sync-server/target/sync-server-*.jar | grep -v -- '-tests.jar' | head -n 1):$(cat "$ROOT/sync-server/target/runtime-classpath.txt")"

java -Xmx512m -cp "$SERVER_CP" com.admitone.server.ServerMain --port "$PORT" --data "$WORK/server" --demo \
  > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
cleanup() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

for _ in $(seq 1 240); do
  curl -sf "http://localhost:$PORT/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; echo "take-screenshots: the demo server did not start" >&2; exit 1; }
  sleep 0.5
done
echo "take-screenshots: demo server on port $PORT; touring the client under Xvfb ($SCREEN)..." >&2

CLIENT_CP="$ROOT/desktop-client/target/test-classes:$ROOT/desktop-client/target/classes:$(cat "$TEST_CP_FILE")"
xvfb-run -a -s "-screen 0 $SCREEN" \
  java -Xmx768m -Dprism.order=sw -Duser.language=en -Duser.country=GB \
    -cp "$CLIENT_CP" com.admitone.client.screens.ScreenTour \
    --server "http://localhost:$PORT" --out "$OUT" --work "$WORK/clients"
