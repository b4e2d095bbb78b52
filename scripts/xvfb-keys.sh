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
# Needs: xvfb (xvfb-run), xauth, xdotool, imagemagick (import, convert);
# scripts/deps.sh xvfb installs them.
#
# Nothing is clicked at a fixed point: the window keeps the size it opens
# at, and each target is found on a screenshot by a colour of the theme
# (app/look) — the table's header, the sample's banner, the navigation's
# selected line, the red 覆盖 button — or reached by keys (the navigation
# moves with the arrow keys, Tab goes on into the view), so that another
# window size or layout moves nothing the script relies on.
#
# Settings: KEEP=1 keeps the working folder (screenshots, log) after a
# pass too; XKEYS_SIZE=1200x680 resizes the window first; XKEYS_TIMEOUT
# (seconds, default 900, a build included) stops a run that hangs.
set -eu

if [ -z "${XKEYS_INNER:-}" ]; then
	for tool in xvfb-run xauth xdotool import convert timeout; do
		command -v "$tool" >/dev/null || {
			echo "xvfb-keys: $tool is missing; scripts/deps.sh xvfb installs it (xvfb xauth xdotool imagemagick)" >&2
			exit 2
		}
	done
	export XKEYS_INNER=1
	limit="${XKEYS_TIMEOUT:-900}"
	status=0
	# a screen larger than any size the window opens at, so that all of it
	# is drawn and seen
	timeout -k 10 "$limit" xvfb-run -a -s '-screen 0 1600x1000x24' "$0" "$@" || status=$?
	if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
		echo "xvfb-keys: FAIL: stopped after $limit s (XKEYS_TIMEOUT): the window or a step hung" >&2
	fi
	exit "$status"
fi

export LANG="${LANG:-C.UTF-8}"
case "$LANG" in C | POSIX) export LANG=C.UTF-8 ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/xvfb-keys.XXXXXX")
echo "xvfb-keys: working folder $work"
t0=$(date +%s)
bin="${1:-}"
if [ -z "$bin" ]; then
	bin="$work/yusuan"
	(cd "$root" && go build -tags migrated_fynedo -o "$bin" .) || { echo "xvfb-keys: FAIL: the program did not build" >&2; exit 1; }
	echo "xvfb-keys: built in $(($(date +%s) - t0)) s"
fi
[ -x "$bin" ] || { echo "xvfb-keys: FAIL: no program at $bin" >&2; exit 2; }
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" XDG_RUNTIME_DIR="$work/run"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
mkdir -m 700 "$XDG_RUNTIME_DIR"
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
	echo "xvfb-keys: FAIL after $(($(date +%s) - start)) s: $*" >&2
	if [ -s "$work/window.log" ]; then
		echo "xvfb-keys: the window's log ends:" >&2
		tail -n 20 "$work/window.log" >&2
	fi
	echo "xvfb-keys: screenshots and the window's log are in $work" >&2
	finish
	exit 1
}
trap finish EXIT

elapsed() { echo "$(($(date +%s) - start)) s"; }
ok() { echo "ok  $* ($(elapsed))"; }

# Colours of the theme (app/look) the targets are found by.
headerBg='srgb(227,233,242)' # look.HeaderBg: a table's column headers
banner='srgb(253,240,213)'   # look.Banner: the sample's banner
selected='srgb(201,224,255)' # the navigation's selected line
danger='srgb(244,67,54)'     # a danger button (覆盖)

# box COLOUR [CROP]: sets bw bh bx by to the box around every pixel of
# exactly that colour on the screen (in CROP, WxH+X+Y, when given); false
# when there is none.
box() {
	import -window root "$work/look.png" 2>/dev/null || return 1
	cx=0 cy=0
	if [ -n "${2:-}" ]; then
		cx=${2#*+}
		cy=${cx#*+}
		cx=${cx%%+*}
	fi
	# shellcheck disable=SC2046
	set -- $(convert "$work/look.png" ${2:+-crop "$2" +repage} -fill black +opaque "$1" -fill white -opaque "$1" \
		-trim -format '%w %h %X %Y' info: 2>/dev/null)
	[ $# -eq 4 ] && [ "$1" -gt 1 ] && [ "$2" -gt 1 ] || return 1
	bw=$1 bh=$2 bx=$((cx + $3)) by=$((cy + $4))
}

# waitbox COLOUR WHAT [CROP]: waits (up to 30 s) for the colour to show.
waitbox() {
	deadline=$(($(date +%s) + 30))
	until box "$1" "${3:-}"; do
		[ "$(date +%s)" -lt "$deadline" ] || fail "$2 did not show (no $1 on the screen)"
		sleep 0.3
	done
}

# gone COLOUR WHAT: waits (up to 10 s) for the colour to go.
gone() {
	deadline=$(($(date +%s) + 10))
	while box "$1"; do
		[ "$(date +%s)" -lt "$deadline" ] || fail "$2"
		sleep 0.3
	done
}

wid=$(timeout 60 xdotool search --sync --name '预算公开助手' | head -1) || fail "the window did not open"
[ -n "$wid" ] || fail "the window did not open"
xdotool windowmove "$wid" 0 0
if [ -n "${XKEYS_SIZE:-}" ]; then
	xdotool windowsize "$wid" "${XKEYS_SIZE%x*}" "${XKEYS_SIZE#*x}"
	sleep 1 # laid out again at that size
fi
xdotool windowfocus "$wid" 2>/dev/null || true
# the first table (收支预算总表) is drawn: the window is ready
waitbox "$headerBg" "the first table's header"
size=$(xdotool getwindowgeometry "$wid" | awk '/Geometry/ { print $2 }')
echo "xvfb-keys: the window is $size, drawn after $(elapsed)"

pause() { sleep "${1:-0.4}"; }
click() { xdotool mousemove "$1" "$2" click 1; pause; }
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
	ok "$1: $2 = $3"
}

# 1. the grid of the first table (收支预算总表): a click on its first line,
# under the column headers, focuses it; the keys walk to 事业收入 and a
# figure goes in
waitbox "$headerBg" "the first table's header"
hx=$bx hy=$((by + bh + 18))
click $((bx + 40)) $((by + bh + 18))
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

# 3. nothing focused (a click on the sample's banner): the window takes
# the keys
waitbox "$banner" "the sample's banner"
click $((bx + bw / 2)) $((by + bh / 2))
key ctrl+z
save "after Ctrl+Z with nothing focused"
expect "Ctrl+Z with nothing focused" 事业收入 0.00
key ctrl+y
save "after Ctrl+Y with nothing focused"
expect "Ctrl+Y with nothing focused" 事业收入 12.34

# 3b. back on the grid: Ctrl+D fills 事业收入 down into the line under it
# (Shift+↓ makes the block), Ctrl+Z takes it back; Ctrl+F finds a line by
# its name, Esc gives the grid the keys again
click $((hx + 40)) "$hy"
key ctrl+Home
key Down Down Down Down Down Down Right
key shift+Down
key ctrl+d
save "after Ctrl+D"
expect "Ctrl+D fills down" 事业单位经营收入 12.34
key ctrl+z
save "after Ctrl+Z of the fill"
expect "Ctrl+Z takes the fill back" 事业单位经营收入 0.00
key ctrl+Home
key ctrl+f
typ 上级补助
# xdotool types a character the keymap lacks by remapping a spare key,
# one at a time: give the last one time to arrive before Enter
pause 1.5
key Return
pause 0.8
key Escape Right
typ 3.21
key Return
save "after Ctrl+F, Esc and a figure"
expect "Ctrl+F finds the line, Esc goes back to the grid" 上级补助收入 3.21

# 3c. the editing keys of 键盘操作 on 事业收入 (12.34): F2 edits the figure
# in place, Esc drops an edit, Ctrl+C / Ctrl+V copy a figure to the line
# below, Delete clears it, Shift+Enter goes back up, Ctrl+A + Delete clears
# the table and Ctrl+Z brings it back
key ctrl+Home
key Down Down Down Down Down Down Right
key F2 BackSpace BackSpace BackSpace BackSpace BackSpace
typ 4.56
key Return
save "after F2"
expect "F2 edits the cell in place" 事业收入 4.56
key shift+Return
typ 7.77
key Escape
save "after Esc"
expect "Esc drops the typing, Shift+Enter went up" 事业收入 4.56
key ctrl+c Down ctrl+v
save "after Ctrl+C, Ctrl+V"
expect "Ctrl+C / Ctrl+V copy a figure" 事业单位经营收入 4.56
key Delete
save "after Delete"
expect "Delete clears the cell" 事业单位经营收入 0.00
key ctrl+a Delete
save "after Ctrl+A, Delete"
expect "Ctrl+A + Delete clears the table" 事业收入 0.00
key ctrl+z
save "after Ctrl+Z of the clearing"
expect "Ctrl+Z brings the table back" 事业收入 4.56
# Ctrl+X cuts 事业收入 and Ctrl+V puts it on the line below; Home goes to
# the line's first cell, so Tab comes back to the figure
key ctrl+Home
key Down Down Down Down Down Down Right
key ctrl+x Down ctrl+v
save "after Ctrl+X, Ctrl+V"
expect "Ctrl+X cuts the figure" 事业收入 0.00
expect "Ctrl+V puts it below" 事业单位经营收入 4.56
key Home Tab
typ 6.78
key Return
save "after Home, Tab and a figure"
expect "Home, then Tab to the figure" 事业单位经营收入 6.78

# 3d. the moving keys of 键盘操作 on 收支预算总表: each step starts at the
# table's first cell (Ctrl+Home) and types where the key took the cursor;
# a key that did nothing leaves the cursor on a line label (or a computed
# total), where typing is refused, and the figure expected is not there.
# The 支出 side's lines: 一、… 二十四、 (rows 0–23), 本年支出合计 (24),
# 结转下年支出 (25), 支出总计 (the last row, 28); 事业收入 is row 6.
out() { "$bin" show "$doc" | awk -v row="$1" '/^一、/ && on == 0 { on = 1 } /^二、2/ { exit } on { for (i = 1; i < NF; i++) if ($i == row) { print $(i + 1); exit } }'; }
outexpect() { # what, 支出 line, figure wanted
	got=$(out "$2")
	[ "$got" = "$3" ] || fail "$1: $2 is ${got:-missing}, expected $3"
	ok "$1: $2 = $3"
}
# the 支出 line that holds a figure
holding() { "$bin" show "$doc" | awk -v v="$1" '/^二、2/ { exit } { for (i = 2; i <= NF; i++) if ($i == v && $(i - 1) ~ /、/) { print $(i - 1); exit } }'; }
key ctrl+Home
key Down Down Down Down Down Down Down Right
key BackSpace
save "after Backspace"
expect "Backspace clears the cell" 事业单位经营收入 0.00
key ctrl+z
save "after Ctrl+Z of Backspace"
expect "Ctrl+Z brings it back" 事业单位经营收入 6.78
key ctrl+Home
key Down Down Down Down Down Down Right Tab shift+Tab
typ 2.22
key Return
save "after Tab, Shift+Tab"
expect "Shift+Tab goes back a column" 事业收入 2.22
key ctrl+Home
key Down Down Down Down Down Down End
typ 1.23
key Return
save "after End"
outexpect "End goes to the line's last cell" 七、文化旅游体育与传媒支出 1.23
key ctrl+Home
key Down Down Down Down Down Down Down Down Down Down Down ctrl+Right
typ 1.11
key Return
save "after Ctrl+Right"
outexpect "Ctrl+Right goes to the right edge" 十二、城乡社区支出 1.11
key ctrl+Home
key Down Down Down Down Down Down End ctrl+Left Right
typ 3.33
key Return
save "after Ctrl+Left"
expect "Ctrl+Left goes to the left edge" 事业收入 3.33
key ctrl+Home
key End ctrl+Down Up Up Up Up Up
typ 5.55
key Return
save "after Ctrl+Down"
outexpect "Ctrl+Down goes to the bottom edge" 二十四、其他支出 5.55
key ctrl+Up Down Down Down Down Down Down Down Down Down Down Down
typ 6.66
key Return
save "after Ctrl+Up"
outexpect "Ctrl+Up goes to the top edge" 十二、城乡社区支出 6.66
key ctrl+Home
key End Next
typ 7.77
key Return
save "after PageDown"
paged=$(holding 7.77)
case "$paged" in
"" | 一、* | 二、* | 三、*) fail "PageDown: 7.77 went to ${paged:-no 支出 line}, not a page down" ;;
esac
ok "PageDown moves a page: 7.77 went to $paged"
key Prior
typ 8.12
key Return
save "after PageUp"
outexpect "PageUp moves the page back (to the line under the first)" 二、外交支出 8.12
# a double click edits the cell it falls on (a single click only moves the
# cursor there): Home then goes to the start of the figure being edited
key ctrl+Home
key Down Down Down Down Down Down Right
waitbox "$headerBg" "the first table's header"
waitbox "srgb(30,111,217)" "the cursor cell's outline" "${bw}x600+${bx}+${by}"
cx=$((bx + bw / 2)) cy=$((by + bh / 2))
key Down
xdotool mousemove "$cx" "$cy" click --repeat 2 --delay 120 1
pause
key Home
typ 1
key Return
save "after a double click"
expect "a double click edits the cell" 事业收入 13.33

# 4. a text field (第一部分 一、主要职能): Ctrl+Z takes back the typing as
# one step, Ctrl+Y brings it back, Ctrl+S saves from the field. A click on
# the navigation's selected line (一、收支预算总表) focuses it; three lines
# up is 主要职能 (封面, 第一部分, 主要职能, 机构设置, 第二部分, 一、…);
# Space opens it and Tab goes on into its text.
waitbox "$selected" "the navigation's selected line" "${hx}x2000+0+0"
click $((bx + bw / 2)) $((by + bh / 2))
key Up Up Up space
gone "$headerBg" "Up Up Up Space in the navigation did not leave the table for 主要职能"
key Tab
typ XKEYS
key ctrl+z
save "after Ctrl+Z in a text field"
grep -q XKEYS "$doc" && fail "Ctrl+Z in a text field: the typing was saved"
ok "Ctrl+Z in a text field"
key ctrl+y
save "after Ctrl+Y in a text field"
grep -q XKEYS "$doc" || fail "Ctrl+Y in a text field: the typing is not in the file"
ok "Ctrl+Y in a text field, Ctrl+S from the field"

# 5. another program writes the file (decision 33): Ctrl+S asks and leaves
# the file alone; 覆盖 then saves over it
"$bin" sample -o "$work/other.yusuan" >/dev/null
cp "$work/other.yusuan" "$doc"
xdotool key ctrl+s
# 覆盖 is the question's red (danger) button
waitbox "$danger" "the question 覆盖 / 另存为 / 取消 after Ctrl+S"
import -window root "$work/asked.png"
[ "$bw" -ge 20 ] && [ "$bw" -le 200 ] && [ "$bh" -ge 16 ] && [ "$bh" -le 80 ] ||
	fail "the red found (${bw}x${bh} at $bx,$by) is no button"
cmp -s "$work/other.yusuan" "$doc" || fail "Ctrl+S saved over a file another program changed"
ok "Ctrl+S over a change on disk asks first"
click $((bx + bw / 2)) $((by + bh / 2))
i=0
while cmp -s "$work/other.yusuan" "$doc"; do
	i=$((i + 1))
	[ $i -lt 50 ] || fail "覆盖 did not save"
	sleep 0.1
done
grep -q XKEYS "$doc" || fail "覆盖 did not save the window's document"
ok "覆盖 saves"

# 6. Ctrl+- deletes a line (一般公共预算支出表 2013102, which holds money:
# the red 删除 confirms) and Ctrl+Z brings it back. The navigation's
# selected line is 主要职能 now; seven lines down is 五、一般公共预算支出表
# the line's last figure in 五、…一般公共预算支出表 (支出总表 lists the code too)
line() { "$bin" show "$doc" | awk -v row="$1" '/^五、/ { on = 1; next } /^[六七八九十]、/ { on = 0 } on && $1 == row { print $NF; exit }'; }
waitbox "$selected" "the navigation's selected line" "${hx}x2000+0+0"
click $((bx + bw / 2)) $((by + bh / 2))
key Down Down Down Down Down Down Down space
waitbox "$headerBg" "the 一般公共预算支出表's header"
click $((bx + 40)) $((by + bh + 18))
key ctrl+Home
key Down Down Down Down
key ctrl+minus
waitbox "$danger" "the red 删除 of the question"
click $((bx + bw / 2)) $((by + bh / 2))
save "after Ctrl+- and 删除"
[ -z "$(line 2013102)" ] || fail "Ctrl+-: 2013102 is still in the table"
ok "Ctrl+- deletes the line"
key ctrl+z
save "after Ctrl+Z of the deletion"
[ "$(line 2013102)" = "4926.10" ] || fail "Ctrl+Z after Ctrl+-: 2013102 is $(line 2013102)"
ok "Ctrl+Z brings the line back"

# 6b. The mouse on a wide table (一般公共预算支出表 is wider than the view):
# Shift+wheel scrolls the figures sideways while 科目编码 and 名称 stay, so
# that a click at the right end of the first line lands in 项目支出 (the
# wheel alone would scroll the lines); then 2013102's 项目支出 is typed
prefs="$XDG_CONFIG_HOME/fyne/cn.yusuan.budget/preferences.json"
waitbox "$headerBg" "the 一般公共预算支出表's header"
xdotool mousemove $((bx + bw - 60)) $((by + bh + 80))
pause
xdotool keydown shift click --repeat 12 --delay 40 5 keyup shift
pause 1
waitbox "$headerBg" "the 一般公共预算支出表's header"
click $((bx + bw - 30)) $((by + bh + 8))
key Down Down Down Down
typ 10
key Return
save "after Shift+wheel"
got=$("$bin" show "$doc" | awk '/^五、/ { on = 1; next } /^[六七八九十]、/ { on = 0 } on && $1 == "2013102" { print $3, $NF; exit }')
[ "$got" = "10.00 10.00" ] || fail "Shift+wheel: 2013102's 合计 and last figure are $got, expected 项目支出 10.00 (the click missed the last column: no sideways scroll)"
ok "Shift+wheel scrolls the figures sideways (2013102 项目支出 = 10.00)"
key ctrl+z
save "after Ctrl+Z of the 项目支出"

# 6c. Dragging the line between two column labels widens the left column;
# the width is remembered (preferences); a double click on the line fits
# the column again. The line is found on the screen: the first gap of the
# window's background in the header's bottom row of pixels.
waitbox "$headerBg" "the 一般公共预算支出表's header"
import -window root "$work/look.png"
gap=$(convert "$work/look.png" -crop "${bw}x1+${bx}+$((by + bh - 3))" +repage txt:- |
	awk -v bg="$headerBg" -F'[,: ]+' 'NR > 1 && $1 > 10 && index($0, bg) == 0 { if (start == "") start = $1; end = $1; next } start != "" { print int((start + end) / 2); exit }')
[ -n "$gap" ] || fail "no line between the header's first two columns"
ex=$((bx + gap)) ey=$((by + bh - 8))
xdotool mousemove "$ex" "$ey" mousedown 1
xdotool mousemove $((ex + 10)) "$ey" mousemove $((ex + 30)) "$ey" mousemove $((ex + 60)) "$ey" mouseup 1
i=0
until grep -q '"列宽:general:[^]]*"[0-9]' "$prefs" 2>/dev/null; do
	i=$((i + 1))
	[ $i -lt 50 ] || fail "dragging the column line remembered no width ($prefs)"
	sleep 0.1
done
ok "dragging a header line sets the column's width (remembered)"
xdotool mousemove $((ex + 60)) "$ey" click --repeat 2 --delay 100 1
i=0
while grep -q '"列宽:general:[^]]*"[0-9]' "$prefs" 2>/dev/null; do
	i=$((i + 1))
	[ $i -lt 50 ] || fail "a double click on the column line did not fit the column again"
	sleep 0.1
done
ok "a double click on the line fits the column again"

# 7. Alt+↓ / Alt+↑ move a project line (项目支出表, four lines below the
# 一般公共预算支出表 in the navigation): 市委专项接待费 goes below 资料印刷费
# and back
first() { "$bin" show "$doc" | awk '/^九、/ { on = 1; next } /^十、/ { on = 0 } on && $2 == "服务保障" && NF > 5 { print $3; exit }'; }
waitbox "$selected" "the navigation's selected line" "${hx}x2000+0+0"
click $((bx + bw / 2)) $((by + bh / 2))
key Down Down Down Down space
waitbox "$headerBg" "the 项目支出表's header"
click $((bx + 40)) $((by + bh + 18))
key ctrl+Home
key Down Down Down Down Down
key alt+Down
save "after Alt+Down"
[ "$(first)" = "资料印刷费" ] || fail "Alt+Down: the first line of 服务保障 is $(first)"
ok "Alt+Down moves a project down"
key alt+Up
save "after Alt+Up"
[ "$(first)" = "市委专项接待费" ] || fail "Alt+Up: the first line of 服务保障 is $(first)"
ok "Alt+Up moves it back"

# 8. Ctrl+O and Ctrl+N open their dialogs (window shortcuts, passed on by
# the grid): the dialog's shade covers the sample's banner. A dialog has no
# key that closes it, so the window is started again between the two.
key ctrl+o
gone "$banner" "Ctrl+O opened no dialog (the banner is still unshaded)"
ok "Ctrl+O opens the 打开 dialog"
finish
"$bin" "$doc" >>"$work/window.log" 2>&1 &
gui=$!
xdotool search --sync --name '预算公开助手' >/dev/null 2>&1 || true
sleep 1
wid=$(xdotool search --name '预算公开助手' | tail -1)
xdotool windowmove "$wid" 0 0
xdotool windowfocus "$wid" 2>/dev/null || true
waitbox "$headerBg" "the first table's header, started again"
click $((bx + 40)) $((by + bh + 18))
waitbox "$banner" "the sample's banner, started again"
# the wheel over a field of the 情况说明 scrolls the page (Fyne's entries
# kept the wheel for themselves): the navigation wheeled to its end shows
# 第三部分 情况说明 at its foot; its 本节补充信息 blocks are tinted as a
# table's header is
xdotool mousemove 120 400
xdotool click --repeat 6 --delay 100 5
sleep 1
click 100 590
waitbox "$headerBg" "the 情况说明's 本节补充信息"
top0=$by
xdotool mousemove $((bx + bw / 2)) $((by + 40)) # over 上年收支总预算's entry
sleep 0.5
xdotool click --repeat 8 --delay 150 5
sleep 1
waitbox "$headerBg" "the 本节补充信息 after the wheel"
[ "$by" -lt $((top0 - 50)) ] || fail "the wheel over an entry did not scroll the 情况说明 (its first 本节补充信息 at y $top0, then $by)"
ok "the wheel over an entry scrolls the 情况说明"
key ctrl+n
gone "$banner" "Ctrl+N opened no dialog (the banner is still unshaded)"
ok "Ctrl+N opens the 新建 dialog"
key Escape
waitbox "$banner" "the sample's banner after Esc (the 新建 dialog closed)"
ok "Esc closes the 新建 dialog"

echo "xvfb-keys: all keys did what they should ($(elapsed) in the window at $size, $(($(date +%s) - t0)) s in all)"
if [ -z "${KEEP:-}" ]; then
	trap - EXIT
	finish
	rm -rf "$work"
fi
