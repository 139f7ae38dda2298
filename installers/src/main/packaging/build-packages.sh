#!/usr/bin/env bash
# Builds the Linux packages of AdmitOne from the jars Maven has just built (run by the installers
# module in the package phase, so `./admitone package` and `mvn -B verify` both get here):
#
#   admitone-client_V_amd64.deb, admitone-client-V.x86_64.rpm   jpackage, with a jlink runtime
#   admitone-client-V-linux-x64.tar.gz                          the same app image, portable
#   admitone-server_V_amd64.deb                                 dpkg-deb: jlink runtime, fat jar, systemd unit
#   admitone-server-V.jar                                       the runnable fat jar (java -jar)
#
# The same jpackage call (jpackage_common below) builds .msi/.exe on Windows and .dmg/.pkg on
# macOS; see docs/installers.md. The .rpm is skipped, with a message, when rpmbuild is missing.
#
# Usage: build-packages.sh VERSION CLIENT_JAR CLIENT_CLASSPATH_FILE SERVER_FAT_JAR OUT_DIR
set -euo pipefail

[[ $# -eq 5 ]] || { echo "usage: $0 VERSION CLIENT_JAR CLIENT_CLASSPATH_FILE SERVER_FAT_JAR OUT_DIR" >&2; exit 2; }
VERSION="$1"; CLIENT_JAR="$2"; CLIENT_CP_FILE="$3"; SERVER_JAR="$4"; OUT="$5"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ICON="$HERE/../icons/admitone.png"
WORK="$OUT/work"

say() { echo "[packages] $*"; }
die() { echo "[packages] ERROR: $*" >&2; exit 1; }
elapsed() { echo "$(( $(date +%s) - START ))s"; }
START=$(date +%s)

for tool in jlink jpackage dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is needed to build the Linux packages (apt-get install ${tool/jlink/openjdk-17-jdk-headless})"
done
[[ -f "$CLIENT_JAR" && -f "$CLIENT_CP_FILE" && -f "$SERVER_JAR" ]] || die "build the client and the server first (mvn -B -DskipTests package)"

# Package versions must be numeric: 0.1.0-SNAPSHOT becomes version 0.1.0, release 0.<build time>,
# which sorts below the 0.1.0 release (release 1), so installing the release upgrades a snapshot.
NUMERIC="${VERSION%%-*}"
if [[ "$VERSION" == *-SNAPSHOT ]]; then RELEASE="0.$(date -u +%Y%m%d%H%M)"; else RELEASE=1; fi
DEB_ARCH="$(dpkg --print-architecture 2>/dev/null || echo amd64)"

rm -rf "$OUT"
mkdir -p "$WORK"

# ---------------------------------------------------------------- runtime (jlink)
# One runtime for both the client and the server (jlink is the slow step; the server would save only
# a few MB). Modules from jdeps over the jars (jdeps --print-module-deps; the modular jars' own
# "requires"), plus what is only reached by reflection or service loading: jdk.crypto.ec (TLS to
# the server or PostgreSQL), jdk.zipfs (Jetty serves the API docs from inside a jar), jdk.charsets
# and jdk.localedata (dates and money in the venue's language), jdk.management (JMX of the server).
# Not compressed by jlink: the packages compress it better and it starts faster.
# The module list and options are in jlink.options, shared with the Windows and macOS builds.
RUNTIME="$WORK/runtime"
say "jlink: Java runtime"
jlink @"$HERE/jlink.options" --output "$RUNTIME"

# ---------------------------------------------------------------- client app image (jpackage)
# Every jar goes on the class path, as in development and the tests (JavaFX included: its
# platform jars carry the Linux natives, which JavaFX loads from the jar).
INPUT="$WORK/client-input"
mkdir -p "$INPUT"
cp "$CLIENT_JAR" "$INPUT/"
IFS=: read -r -a CLIENT_JARS < "$CLIENT_CP_FILE" || true  # one line, no newline at its end
cp "${CLIENT_JARS[@]}" "$INPUT/"
[[ $(ls "$INPUT" | wc -l) -eq $(( ${#CLIENT_JARS[@]} + 1 )) ]] || die "two jars of the client have the same file name"
MAIN_JAR="$(basename "$CLIENT_JAR")"

# client/jpackage.options: name, vendor, main class, JVM options; the same on every OS
jpackage_common=(@"$HERE/client/jpackage.options" --app-version "$NUMERIC")
say "jpackage: client app image ($(elapsed))"
jpackage --type app-image "${jpackage_common[@]}" --dest "$WORK/image" \
  --input "$INPUT" --main-jar "$MAIN_JAR" --runtime-image "$RUNTIME" --icon "$ICON"
APP="$WORK/image/AdmitOne"
"$APP/bin/AdmitOne" --version >/dev/null || die "the packaged client does not start (AdmitOne --version failed)"

say "portable app image ($(elapsed))"
tar -C "$WORK/image" -czf "$OUT/admitone-client-$VERSION-linux-x64.tar.gz" AdmitOne

# gzip, not dpkg's default xz: the jars inside are compressed already, and xz takes minutes in CI
export DPKG_DEB_COMPRESSOR_TYPE=gzip
linux_common=(
  # from an app image jpackage takes no launcher options (main class, JVM options), only the names
  --app-image "$APP" --name AdmitOne --vendor AdmitOne --copyright AdmitOne
  --description "AdmitOne box office, gate and school trips" --app-version "$NUMERIC" --dest "$OUT" --icon "$ICON"
  @"$HERE/client/jpackage-linux.options" --linux-app-release "$RELEASE"
)
say "jpackage: client .deb ($(elapsed))"
# JavaFX loads GTK 3 and X11 at run time (jpackage cannot see that from the jars).
jpackage --type deb "${linux_common[@]}" --linux-deb-maintainer support@admitone.example \
  --linux-package-deps "libgtk-3-0 | libgtk-3-0t64, libxtst6, libgl1"
if command -v rpmbuild >/dev/null 2>&1; then
  say "jpackage: client .rpm ($(elapsed))"
  jpackage --type rpm "${linux_common[@]}" --linux-rpm-license-type Proprietary \
    --linux-package-deps "gtk3, libXtst, mesa-libGL"
else
  say "SKIPPED the client .rpm: rpmbuild is not installed (apt-get install rpm, or dnf install rpm-build)"
fi

# ---------------------------------------------------------------- server .deb (dpkg-deb)
say "server .deb ($(elapsed))"
SRV="$HERE/server"
ROOT="$WORK/server-deb"
HOME_DIR="$ROOT/opt/admitone-server"
mkdir -p "$ROOT/DEBIAN" "$HOME_DIR/bin" "$HOME_DIR/lib" "$ROOT/usr/bin" "$ROOT/lib/systemd/system" \
  "$ROOT/etc/admitone" "$ROOT/usr/share/doc/admitone-server"
cp -a "$RUNTIME" "$HOME_DIR/runtime"
cp "$SERVER_JAR" "$HOME_DIR/lib/admitone-server.jar"
install -m 0755 "$SRV/admitone-server" "$HOME_DIR/bin/admitone-server"
# relative, so that the link also works in an unpacked copy (dpkg-deb -x into any folder)
ln -s ../../opt/admitone-server/bin/admitone-server "$ROOT/usr/bin/admitone-server"
install -m 0644 "$SRV/admitone-server.service" "$ROOT/lib/systemd/system/admitone-server.service"
install -m 0640 "$SRV/admitone-server.env" "$SRV/admitone-server.properties" "$ROOT/etc/admitone/"
install -m 0644 "$SRV/README.Debian" "$ROOT/usr/share/doc/admitone-server/README.Debian"
install -m 0644 "$SRV/deb/conffiles" "$ROOT/DEBIAN/conffiles"
install -m 0755 "$SRV/deb/postinst" "$SRV/deb/prerm" "$SRV/deb/postrm" "$ROOT/DEBIAN/"
SIZE_KB=$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
sed -e "s/@VERSION@/$NUMERIC-$RELEASE/" -e "s/@ARCH@/$DEB_ARCH/" -e "s/@SIZE@/$SIZE_KB/" \
  "$SRV/deb/control.in" > "$ROOT/DEBIAN/control"
fakeroot dpkg-deb --build "$ROOT" "$OUT/admitone-server_$NUMERIC-${RELEASE}_$DEB_ARCH.deb" >/dev/null

cp "$SERVER_JAR" "$OUT/admitone-server-$VERSION.jar"
rm -rf "$WORK"

say "done in $(elapsed):"
(cd "$OUT" && for f in *; do printf '[packages]   %6s  %s\n' "$(du -h "$f" | cut -f1)" "$f"; done)
