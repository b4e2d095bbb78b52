#!/usr/bin/env bash
# Installs what building and testing 预算公开助手 needs and is missing:
# Debian packages for cgo/GL/X11 (as root, or through sudo), then Go modules.
# Safe to run again: it installs nothing that is already there.
#
# Arguments add what a packaging target needs besides:
#   windows  the MinGW-w64 cross compiler (make windows)
#   linux    xz, for the tar.xz package (make linux)
#   wine     Wine, Xvfb, ImageMagick and locales, to try the Windows program here
#            (make windows-wine)
#   xvfb     Xvfb, xauth, xdotool, ImageMagick and Mesa's software OpenGL, for the
#            real window under Xvfb (scripts/xvfb-keys.sh)
set -euo pipefail

export PATH="$PATH:/usr/local/go/bin"

# Fyne's GL driver (glfw 3.4) needs the X11 and Wayland headers; the PDF tests
# read the exported text with poppler's pdftotext.
packages=(gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
  libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev wayland-protocols
  poppler-utils)

for group in "$@"; do
  case "$group" in
    windows) packages+=(gcc-mingw-w64-x86-64) ;;
    linux) packages+=(xz-utils) ;;
    wine) # the libraries Wine's window (OpenGL under Xvfb) loads, which apt only recommends
      packages+=(wine wine64 xvfb xauth imagemagick locales libgl1 libgl1-mesa-dri libxcursor1
        libxi6 libxinerama1 libxrandr2 libxrender1 libxxf86vm1 libxcomposite1 libxfixes3) ;;
    xvfb) # the window draws with OpenGL: Mesa's software driver under Xvfb
      packages+=(xvfb xauth xdotool imagemagick libgl1 libgl1-mesa-dri) ;;
    *) echo "scripts/deps.sh：未知的参数“$group”（可用：windows、linux、wine、xvfb）" >&2; exit 2 ;;
  esac
done

if command -v dpkg >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "安装缺少的系统软件包：${missing[*]}"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
        echo "需要 root 权限安装：${missing[*]}" >&2; exit 1
      fi
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  echo "不是 Debian 系统：请自行安装 C 编译器和 OpenGL/X11 开发包（见 README）。" >&2
fi

if ! command -v go >/dev/null 2>&1; then
  echo "没有找到 Go（需要 1.26 或更新版本）：请先安装 Go。" >&2
  exit 1
fi
go mod download
