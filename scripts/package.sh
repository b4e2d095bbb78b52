#!/usr/bin/env bash
# Packages 预算公开助手 for the office PC with Fyne's packager (fyne.io/tools,
# pinned below), installing what is missing first:
#
#   scripts/package.sh windows  → dist/预算公开助手.exe: cross-compiled with
#       MinGW-w64 (cgo, for Fyne's GL driver), a GUI program (-H=windowsgui:
#       no console window), icon, manifest and version information (名称
#       预算公开助手, version from FyneApp.toml) embedded; checked afterwards
#       by internal/pecheck.
#   scripts/package.sh linux    → dist/预算公开助手.tar.xz: the program, a
#       .desktop file, the icon and a Makefile (sudo make install).
#
# Both are release builds (-trimpath, -s -w, Fyne's release tag) with
# -tags migrated_fynedo (from FyneApp.toml's [Migrations] fyneDo = true).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
export LANG="${LANG:-C.UTF-8}"

target="${1:-}"
case "$target" in
  windows | linux) ;;
  *) echo "用法：scripts/package.sh windows|linux" >&2; exit 2 ;;
esac

FYNE_TOOLS_VERSION=v1.7.4
./scripts/deps.sh "$target"

# The packager runs from a binary of its own rather than `go run …@version`:
# the Windows build needs CC set to the cross compiler in the packager's
# environment, and `go run` would compile the packager itself with it.
tooldir="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/yusuan-tools/fyne-$FYNE_TOOLS_VERSION"
fyne="$tooldir/fyne"
if [ ! -x "$fyne" ]; then
  echo "安装打包工具 fyne.io/tools $FYNE_TOOLS_VERSION …"
  GOBIN="$tooldir" go install "fyne.io/tools/cmd/fyne@$FYNE_TOOLS_VERSION"
fi

# The product name is FyneApp.toml's Name; the packager names its outputs so.
name="$(sed -n 's/^Name *= *"\(.*\)" *$/\1/p' FyneApp.toml | head -n 1)"
[ -n "$name" ] || { echo "FyneApp.toml 中没有 Name" >&2; exit 1; }

# The packager works in the source folder: it adds fyne_metadata_init.go
# (and, for Windows, fyne.syso and a manifest) for the build, and counts
# Build up in FyneApp.toml afterwards. Put everything back, also when the
# build fails or is interrupted: the build number is kept in git by hand.
stage="$(mktemp -d)"
cp FyneApp.toml "$stage/FyneApp.toml"
cleanup() {
  cp "$stage/FyneApp.toml" FyneApp.toml
  rm -f fyne_metadata_init.go fyne.syso FyneApp.ico yusuan.exe yusuan.exe.manifest
  rm -rf tmp-pkg
  rm -rf "$stage"
}
trap cleanup EXIT

mkdir -p dist
start=$SECONDS
case "$target" in
  windows)
    rm -f "$name.exe"
    echo "编译 Windows 程序（MinGW-w64 交叉编译；第一次编译 Fyne 图形驱动需要约 8 分钟）…"
    CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
      "$fyne" package --target windows --release
    mv -f "$name.exe" "dist/$name.exe"
    go run ./internal/pecheck/cmd/pecheck -product "$name" "dist/$name.exe"
    out="dist/$name.exe"
    ;;
  linux)
    rm -f "$name.tar.xz"
    echo "编译 Linux 程序并打包…"
    # --executable in the staging folder: the packager removes the program
    # it packaged, and would take ./yusuan (make build) for a stale one.
    "$fyne" package --target linux --release --executable "$stage/yusuan"
    mv -f "$name.tar.xz" "dist/$name.tar.xz"
    tar -tJf "dist/$name.tar.xz" | grep -q '\.desktop$' || { echo "打包结果中没有 .desktop 文件" >&2; exit 1; }
    out="dist/$name.tar.xz"
    ;;
esac
echo "已生成 $out（$(du -h "$out" | cut -f1)，用时 $((SECONDS - start)) 秒）"
