#!/bin/bash
# The window's memory over a clerk's session, measured (issue 15): the real
# program under Xvfb at 1280×720 opens the large synthetic document, takes
# 20 figures in 5 tables, exports the workbook and the PDF, then opens the
# sample in its place; VmRSS (from /proc) is printed after each step, and
# the peak (VmHWM) at the end.
#
#   scripts/session-rss.sh [path/to/yusuan]
#
# Without a path it builds the program. Needs xvfb-run, xdotool and
# imagemagick (scripts/deps.sh xvfb). Not part of the tests: it measures.
# Targets are found as scripts/xvfb-keys.sh finds them (by the theme's
# colours, and by keys); the toolbar's export buttons and the file
# dialog's entries are clicked where the 1200×680 window puts them.
set -eu
if [ -z "${SESSION_INNER:-}" ]; then
	export SESSION_INNER=1
	exec timeout -k 10 1200 xvfb-run -a -s '-screen 0 1280x720x24' "$0" "$@"
fi
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/session-rss.XXXXXX")
bin="${1:-}"
if [ -z "$bin" ]; then
	bin="$work/yusuan"
	(cd "$root" && go build -tags migrated_fynedo -o "$bin" .)
fi
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config"
mkdir -p "$XDG_CONFIG_HOME/fyne/cn.yusuan.budget" "$work/docs"
# a dialog opens in the document's folder (the large one's: docs, home and it),
# else in the folder last used (docs, which holds only the sample)
echo "{\"lastFolder\":\"$work/docs\"}" >"$XDG_CONFIG_HOME/fyne/cn.yusuan.budget/preferences.json"
"$bin" sample --large -o "$work/large.yusuan" >/dev/null
"$bin" sample -o "$work/docs/示例.yusuan" >/dev/null

GODEBUG="${GODEBUG:-}" "$bin" "$work/large.yusuan" >"$work/window.log" 2>&1 &
gui=$!
trap 'kill $gui 2>/dev/null || true' EXIT
rss() { echo "$1: $(awk '/VmRSS/ { printf "%d MB", $2 / 1024 } /VmHWM/ { hwm = $2 } END { printf " (peak so far %d MB)", hwm / 1024 }' /proc/$gui/status)"; }
headerBg='srgb(227,233,242)'
selected='srgb(201,224,255)'
box() {
	import -window root "$work/look.png" 2>/dev/null || return 1
	# shellcheck disable=SC2046
	set -- $(convert "$work/look.png" ${2:+-crop "$2" +repage} -fill black +opaque "$1" -fill white -opaque "$1" \
		-trim -format '%w %h %X %Y' info: 2>/dev/null)
	[ $# -eq 4 ] && [ "$1" -gt 1 ] && [ "$2" -gt 1 ] || return 1
	bw=$1 bh=$2 bx=$3 by=$4
}
waitbox() {
	for _ in $(seq 1 200); do box "$1" "${2:-}" && return 0; sleep 0.3; done
	echo "session-rss: $1 did not show" >&2
	exit 1
}
key() { xdotool key --delay 60 "$@"; sleep 0.4; }

wid=$(xdotool search --sync --name '预算公开助手' | head -1)
xdotool windowmove "$wid" 0 0
waitbox "$headerBg"
sleep 2
rss "opened the large document"

# 20 figures in 5 tables: the navigation moves with the arrow keys from the
# table shown; a click under a table's header focuses its grid
for t in 1 2 3 4 5; do
	waitbox "$selected" "300x2000+0+0"
	xdotool mousemove $((bx + bw / 2)) $((by + bh / 2)) click 1
	sleep 0.4
	key Down space
	sleep 2
	waitbox "$headerBg"
	xdotool mousemove $((bx + 40)) $((by + bh + 18)) click 1
	sleep 0.4
	key ctrl+Home
	for e in 1 2 3 4; do
		key Down Down End
		xdotool type --delay 80 "1$t$e"
		key Return
	done
done
sleep 2
rss "after 20 figures in 5 tables"
[ -n "${HEAPSIG:-}" ] && kill -USR1 $gui && sleep 2

# export: the toolbar button, 仍然导出 (the large document has 错误: the
# question's blue button), Enter on the name, then Enter on the message
primary='srgb(41,111,246)'
export1() {
	xdotool mousemove "$1" 47 click 1
	sleep 2
	waitbox "$primary"
	xdotool mousemove $((bx + bw / 2)) $((by + bh / 2)) click 1
	sleep 2
	key Return
	# (beside the document: an export goes to its folder)
	for _ in $(seq 1 240); do ls "$work/"*"$2" >/dev/null 2>&1 && break; sleep 0.5; done
	sleep 3
	key Return
	sleep 3
}
export1 430 .xlsx
rss "after exporting the workbook"
export1 535 .pdf
rss "after exporting the PDF"

# Ctrl+S (else Ctrl+O asks first), Ctrl+O, the sample
key ctrl+s
sleep 5
key ctrl+o
sleep 2
# (the dialog opens in the document's folder, where docs is the second
# entry: a click goes into it, and a double click on its first file, in
# the same place, opens the sample)
sleep 2
xdotool mousemove 450 189 # the second line of the list
sleep 0.3
xdotool click 1
sleep 2
xdotool click --repeat 2 --delay 120 1
sleep 8
if ! xdotool search --name '示例' >/dev/null 2>&1; then
	echo "session-rss: the sample did not open" >&2
fi
rss "after opening the sample in its place"
sleep 82
rss "80 s later (the window gives memory back 75 s after a document or an export is done)"
[ -n "${HEAPSIG:-}" ] && kill -USR1 $gui && sleep 2
echo "session-rss: the window's log is $work/window.log"
echo "peak: $(awk '/VmHWM/ { printf "%d MB", $2 / 1024 }' /proc/$gui/status)"
import -window root "$work/end.png"
echo "session-rss: the screen at the end is $work/end.png"
