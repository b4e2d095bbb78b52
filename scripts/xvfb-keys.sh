#!/bin/sh
# Real key presses in the real window: the program built with Fyne's GLFW
# driver runs under Xvfb on the sample, xdotool clicks and types, and the
# effect is read back from the file the window saves (yusuan show / grep).
# Fyne's test driver cannot tell what GLFW makes of a key (Ctrl+Z becomes
# fyne.ShortcutUndo before any widget sees it), so this is where the keys
# themselves are tested. Exits non-zero, with screenshots, when an effect
# is wrong.
#
#   scripts/xvfb-keys.sh [path/to/yusuan]
#
# Without a path it builds the program (go build -tags migrated_fynedo).
# Needs: xvfb (xvfb-run), xauth, xdotool, imagemagick (import).
# KEEP=1 keeps the working folder (screenshots, log) after a pass too.
set -eu

if [ -z "${XKEYS_INNER:-}" ]; then
	for tool in xvfb-run xdotool import; do
		command -v "$tool" >/dev/null || { echo "xvfb-keys: $tool is missing (apt-get install xvfb xauth xdotool imagemagick)" >&2; exit 2; }
	done
	XKEYS_INNER=1 exec xvfb-run -a -s '-screen 0 1366x768x24' "$0" "$@"
fi

export LANG="${LANG:-C.UTF-8}"
case "$LANG" in C | POSIX) export LANG=C.UTF-8 ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/xvfb-keys.XXXXXX")
bin="${1:-}"
if [ -z "$bin" ]; then
	bin="$work/yusuan"
	(cd "$root" && go build -tags migrated_fynedo -o "$bin" .)
fi
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
doc="$work/文档.yusuan"
"$bin" sample -o "$doc" >/dev/null

start=$(date +%s)
"$bin" "$doc" >"$work/window.log" 2>&1 &
gui=$!
shots=0
finish() {
	kill "$gui" 2>/dev/null || true
	wait "$gui" 2>/dev/null || true
}
fail() {
	shots=$((shots + 1))
	import -window root "$work/fail-$shots.png" 2>/dev/null || true
	echo "xvfb-keys: FAIL: $*" >&2
	echo "xvfb-keys: screenshots and the window's log in $work" >&2
	finish
	exit 1
}
trap finish EXIT

wid=$(timeout 60 xdotool search --sync --name '预算公开助手' | head -1) || fail "the window did not open"
# a known size, so that the points clicked below are where they were measured
xdotool windowmove "$wid" 0 0 windowsize "$wid" 1366 768
sleep 3

pause() { sleep "${1:-0.4}"; }
click() { xdotool mousemove --window "$wid" "$1" "$2" click 1; pause; }
key() { xdotool key --delay 60 "$@"; pause; }
typ() { xdotool type --delay 80 "$1"; pause; }

# save presses Ctrl+S and waits for the file to change.
save() {
	before=$(stat -c %Y.%s.%i "$doc")
	xdotool key ctrl+s
	i=0
	while [ "$(stat -c %Y.%s.%i "$doc")" = "$before" ]; do
		i=$((i + 1))
		[ $i -lt 50 ] || fail "Ctrl+S did not save the file ($1)"
		sleep 0.1
	done
	pause
}

# figure prints a line's figure in 收支预算总表 as the saved file has it.
figure() { "$bin" show "$doc" | awk -v row="$1" '$1 == row { print $2; exit }'; }

expect() { # what, line, figure wanted
	got=$(figure "$2")
	[ "$got" = "$3" ] || fail "$1: $2 is ${got:-missing}, expected $3"
	echo "ok  $1: $2 = $3"
}

# 1. the grid of the first table (收支预算总表): a click focuses it, the
# keys walk to 事业收入 and a figure goes in
click 420 400
key ctrl+Home
key Down Down Down Down Down Down Right
typ 12.34
key Return
save "after typing a figure"
expect "typing a figure + Enter, Ctrl+S" 事业收入 12.34

key ctrl+z
save "after Ctrl+Z"
expect "Ctrl+Z on the grid" 事业收入 0.00

key ctrl+y
save "after Ctrl+Y"
expect "Ctrl+Y on the grid" 事业收入 12.34

# 2. typing in a cell (the cursor went down to 事业单位经营收入): the first
# Ctrl+Z drops the typing, the second takes back the figure
typ 5
key ctrl+z
key ctrl+z
save "after Ctrl+Z twice while typing"
expect "first Ctrl+Z while typing drops the typing" 事业单位经营收入 0.00
expect "second Ctrl+Z while typing takes back the figure" 事业收入 0.00

key ctrl+shift+z
save "after Ctrl+Shift+Z"
expect "Ctrl+Shift+Z on the grid" 事业收入 12.34

# 3. nothing focused (a click on the banner): the window takes the keys
click 700 40
key ctrl+z
save "after Ctrl+Z with nothing focused"
expect "Ctrl+Z with nothing focused" 事业收入 0.00
key ctrl+y
save "after Ctrl+Y with nothing focused"
expect "Ctrl+Y with nothing focused" 事业收入 12.34

# 4. a text field (第一部分 一、主要职能): Ctrl+Z takes back the typing as
# one step, Ctrl+Y brings it back, Ctrl+S saves from the field
click 100 211
click 600 500
typ XKEYS
key ctrl+z
save "after Ctrl+Z in a text field"
grep -q XKEYS "$doc" && fail "Ctrl+Z in a text field: the typing was saved"
echo "ok  Ctrl+Z in a text field"
key ctrl+y
save "after Ctrl+Y in a text field"
grep -q XKEYS "$doc" || fail "Ctrl+Y in a text field: the typing is not in the file"
echo "ok  Ctrl+Y in a text field, Ctrl+S from the field"

# 5. another program writes the file (decision 33): Ctrl+S asks and leaves
# the file alone; 覆盖 then saves over it
"$bin" sample -o "$work/other.yusuan" >/dev/null
cp "$work/other.yusuan" "$doc"
xdotool key ctrl+s
sleep 1.5
import -window root "$work/asked.png"
cmp -s "$work/other.yusuan" "$doc" || fail "Ctrl+S saved over a file another program changed"
echo "ok  Ctrl+S over a change on disk asks first"
# 覆盖 is the red (danger) button of the question in the middle of the screen
set -- $(convert "$work/asked.png" -crop 566x768+400+0 +repage \
	-fill black +opaque 'srgb(244,67,54)' -fill white -opaque 'srgb(244,67,54)' \
	-trim -format '%w %h %X %Y' info: 2>/dev/null)
[ "${1:-0}" -gt 8 ] && [ "${2:-0}" -gt 8 ] || fail "no red 覆盖 button in the question"
xdotool mousemove $((400 + $3 + $1 / 2)) $(($4 + $2 / 2)) click 1
i=0
while cmp -s "$work/other.yusuan" "$doc"; do
	i=$((i + 1))
	[ $i -lt 50 ] || fail "覆盖 did not save"
	sleep 0.1
done
grep -q XKEYS "$doc" || fail "覆盖 did not save the window's document"
echo "ok  覆盖 saves"

end=$(date +%s)
echo "xvfb-keys: all keys did what they should ($((end - start)) s in the window)"
if [ -z "${KEEP:-}" ]; then
	trap - EXIT
	finish
	rm -rf "$work"
fi
