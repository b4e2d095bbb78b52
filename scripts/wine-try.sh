#!/usr/bin/env bash
# Tries the Windows program (make windows) under Wine on this Debian machine:
# its commands (sample, check, export), then its window under Xvfb, with a
# screenshot in dist/wine-window.png. A look before it reaches an office
# PC, not a substitute for one. With --commands, the commands only (CI runs
# that: about a minute with Wine's installation; the window's screenshot
# depends on timing).
#
# Wine 8.0 (Debian 12) lacks bcryptprimitives.dll, which every program built
# with Go 1.24 or later loads when it starts ("fatal error:
# bcryptprimitives.dll not found"); Windows 10 and 11 have it. The Wine
# prefix here gets a stand-in built from packaging/wine/bcryptprimitives.c.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
wait_window="${WAIT_WINDOW:-30}" # seconds for the window to come up
window=1
case "${1:-}" in
  --commands) window=0 ;;
  "") ;;
  *) echo "用法：scripts/wine-try.sh [--commands]" >&2; exit 2 ;;
esac

./scripts/deps.sh wine
# Wine takes the Windows language from LANG, and needs that locale here to
# hand Chinese file names through: run as on a Chinese Windows.
if ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; then
  echo "生成 zh_CN.UTF-8 语言环境（Wine 用它传递中文文件名）"
  localedef -i zh_CN -c -f UTF-8 zh_CN.UTF-8
fi
export LANG=zh_CN.UTF-8
unset LC_ALL
name="$(sed -n 's/^Name *= *"\(.*\)" *$/\1/p' FyneApp.toml | head -n 1)"
exe="$PWD/dist/$name.exe"
[ -f "$exe" ] || { echo "没有 $exe：先运行 make windows" >&2; exit 1; }

work="$PWD/dist/wine"
rm -rf "$work"
mkdir -p "$work"
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
echo "准备 Wine 环境 $WINEPREFIX …"
xvfb-run -a wine wineboot --init >/dev/null 2>&1
sys32="$WINEPREFIX/drive_c/windows/system32"
if [ ! -e "$sys32/bcryptprimitives.dll" ]; then
  echo "这个 Wine 没有 bcryptprimitives.dll，放入替代品（packaging/wine/bcryptprimitives.c）"
  ./scripts/deps.sh windows
  x86_64-w64-mingw32-gcc -shared -O2 -o "$sys32/bcryptprimitives.dll" \
    packaging/wine/bcryptprimitives.c -ladvapi32
fi

cd "$work"
# A GUI-subsystem program has no console of its own: what it prints reaches
# a file or a pipe it is redirected to (as here), not a console window.
echo "命令行：sample、check、export"
xvfb-run -a wine "$exe" sample -o 示例.yusuan >sample.txt 2>&1
[ -s 示例.yusuan ] || { cat sample.txt; echo "sample 没有写出文档" >&2; exit 1; }
rc=0
xvfb-run -a wine "$exe" check 示例.yusuan >check.txt 2>&1 || rc=$?
tail -n 1 check.txt
[ "$rc" -eq 0 ] || { echo "check 的退出码是 $rc（应为 0）" >&2; exit 1; }
xvfb-run -a wine "$exe" export 示例.yusuan --xlsx 示例.xlsx --pdf 示例.pdf >export.txt 2>&1
[ -s 示例.xlsx ] && [ -s 示例.pdf ] || { cat export.txt; echo "export 没有写出工作簿和 PDF" >&2; exit 1; }
echo "  已写出 $(du -h 示例.xlsx | cut -f1) 工作簿、$(du -h 示例.pdf | cut -f1) PDF"

[ "$window" -eq 1 ] || exit 0

echo "窗口：打开 示例.yusuan，${wait_window} 秒后截图"
# The first window in a new Wine prefix is drawn only in part (Wine's own
# first start): start it once and end it, then look at the second start.
cat >window.sh <<EOF
#!/usr/bin/env bash
wine "$exe" 示例.yusuan >window.txt 2>&1 &
sleep 15
wineserver -k || true
sleep 1
wine "$exe" 示例.yusuan >window.txt 2>&1 &
sleep $wait_window
import -window root "$work/../wine-window.png"
wineserver -k || true
EOF
chmod +x window.sh
xvfb-run -a -s "-screen 0 1366x860x24" ./window.sh
echo "截图：dist/wine-window.png"
