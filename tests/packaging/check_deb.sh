#!/usr/bin/env bash
# Builds the Debian package from BUILD_DIR (packaging/build-deb.sh --from) and checks it as a
# distribution and a user would: the desktop entry and AppStream metadata validate, lintian
# finds no error and no warning, and the executable extracted from the package, outside
# the build tree, runs, validates the samples the package installed and opens the window.
#
#   check_deb.sh SOURCE_DIR BUILD_DIR VERSION
set -euo pipefail
source_dir=$1 build=$2 version=$3

for tool in desktop-file-validate appstreamcli lintian dpkg-deb dpkg-shlibdeps fakeroot; do
    command -v "$tool" > /dev/null ||
        { echo "$tool is missing: run packaging/install-deps.sh" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

package=$("$source_dir/packaging/build-deb.sh" --from "$build" "$work/out" 2> "$work/build.log") ||
    { cat "$work/build.log" >&2; fail "build-deb.sh failed"; }
[ "$(basename "$package")" = "plugin-studio_${version}_amd64.deb" ] ||
    fail "unexpected package name $(basename "$package")"
echo "built $(basename "$package") ($(stat -c %s "$package") bytes)"

# Control fields: the library packages come from dpkg-shlibdeps, the SQLite driver by hand.
depends=$(dpkg-deb -f "$package" Depends)
for wanted in libqt6widgets6 libqscintilla2-qt6 libcurl4 libqt6sql6-sqlite; do
    grep -q "$wanted" <<< "$depends" || fail "Depends lacks $wanted: $depends"
done
[ "$(dpkg-deb -f "$package" Section)" = devel ] || fail "Section is not devel"

root="$work/root"
dpkg-deb -x "$package" "$root"
for file in usr/bin/plugin-studio \
    usr/share/applications/io.github.plugin_studio.PluginStudio.desktop \
    usr/share/metainfo/io.github.plugin_studio.PluginStudio.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/plugin-studio.svg \
    usr/share/icons/hicolor/48x48/apps/plugin-studio.png \
    usr/share/icons/hicolor/256x256/apps/plugin-studio.png \
    usr/share/man/man1/plugin-studio.1.gz \
    usr/share/bash-completion/completions/plugin-studio \
    usr/share/zsh/vendor-completions/_plugin-studio \
    usr/share/doc/plugin-studio/copyright \
    usr/share/plugin-studio/samples/repo/community-plugins.json; do
    [ -f "$root/$file" ] || fail "the package has no /$file"
done

desktop-file-validate "$root/usr/share/applications/io.github.plugin_studio.PluginStudio.desktop" ||
    fail "desktop-file-validate"
appstreamcli validate --no-net \
    "$root/usr/share/metainfo/io.github.plugin_studio.PluginStudio.metainfo.xml" ||
    fail "appstreamcli validate"

# Lintian: no error and no warning. What it only notes (I:) is kept on purpose: the samples'
# README.md files are samples, not the package's documentation; the hardening notes
# (fortify, bindnow) follow the project's compiler flags, not the packaging.
lintian --tag-display-limit 0 "$package" > "$work/lintian.log" 2>&1 || true
cat "$work/lintian.log"
if grep -qE '^[EW]: ' "$work/lintian.log"; then
    fail "lintian reports errors or warnings"
fi

# The extracted executable runs on its own: no rpath into a build tree, no LD_LIBRARY_PATH.
if readelf -d "$root/usr/bin/plugin-studio" | grep -qE 'RPATH|RUNPATH'; then
    fail "usr/bin/plugin-studio carries an rpath"
fi
run() { env -u LD_LIBRARY_PATH -C "$work" "$root/usr/bin/plugin-studio" "$@"; }
reported=$(run --version) || fail "--version exited $?"
[[ $reported == "plugin-studio $version"* ]] || fail "--version said '$reported'"
run validate "$root/usr/share/plugin-studio/samples/repo" > "$work/validate.log" 2>&1 ||
    { cat "$work/validate.log" >&2; fail "validate on the installed samples exited non-zero"; }
grep -q "0 errors" "$work/validate.log" || fail "validate: $(cat "$work/validate.log")"
# An error in a copy of the samples is still found, and fails: the command really validates.
cp -r "$root/usr/share/plugin-studio/samples/repo" "$work/broken"
sed -i '0,/"id": "[^"]*"/s//"id": 42/' "$work/broken/community-plugins.json"
code=0
run validate "$work/broken" > "$work/broken.log" 2>&1 || code=$?
[ "$code" = 1 ] && grep -q "error: \[PS102\]" "$work/broken.log" ||
    fail "validate on a broken copy exited $code: $(cat "$work/broken.log")"
# The window opens from the package too (offscreen) and makes its working copy of the
# samples it finds beside bin/ (bin/../share/plugin-studio/samples).
data="$work/data"
mkdir -m 700 "$work/runtime"
env -u LD_LIBRARY_PATH HOME="$work" XDG_RUNTIME_DIR="$work/runtime" PLUGIN_STUDIO_DATA_DIR="$data" \
    QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="qt.qpa.*=false" \
    "$root/usr/bin/plugin-studio" > "$work/window.log" 2>&1 &
window=$!
copy="$data/sample-repository/community-plugins.json"
for _ in $(seq 600); do # until the copy is there, or the window is gone (a minute at most)
    [ -f "$copy" ] && break
    kill -0 "$window" 2> /dev/null || break
    sleep 0.1
done
kill -0 "$window" 2> /dev/null || { cat "$work/window.log" >&2; fail "the window exited"; }
kill "$window"
wait "$window" || true
cmp -s "$copy" "$root/usr/share/plugin-studio/samples/repo/community-plugins.json" ||
    fail "the window made no copy of the installed samples"
echo "package ok: lintian clean, metadata valid, the extracted executable runs"
