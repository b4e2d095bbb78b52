#!/bin/sh
# A finance bureau's batch: yusuan check over a folder of 1,000 workbooks
# made like the ones departments send — each corpus disclosure (14
# localities, their own table families, 元 and 万元) read and written out
# as a workbook, plus the sample and the 全国通用 and 上海 templates' —
# copied round to 1,000 files. Prints the rate and the peak memory
# (/usr/bin/time -v); the check runs over all cores.
#
#   scripts/batch-check.sh [path/to/yusuan-cli] [count]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin="${1:-}"
count="${2:-1000}"
work=$(mktemp -d "${TMPDIR:-/tmp}/batch-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
if [ -z "$bin" ]; then
	bin="$work/yusuan-cli"
	(cd "$root" && CGO_ENABLED=0 go build -tags nogui -o "$bin" .)
fi
mkdir -p "$work/src" "$work/books"
n=0
for pdf in "$root"/internal/corpus/files/*/*.pdf; do
	n=$((n + 1))
	"$bin" export --xlsx "$work/src/$n.xlsx" "$pdf" >/dev/null 2>&1 || rm -f "$work/src/$n.xlsx"
done
"$bin" sample -o "$work/s.yusuan" >/dev/null
"$bin" export --xlsx "$work/src/sample.xlsx" "$work/s.yusuan" >/dev/null 2>&1
set -- "$work"/src/*.xlsx
kinds=$#
i=0
while [ $i -lt "$count" ]; do
	for f in "$work"/src/*.xlsx; do
		[ $i -lt "$count" ] || break
		cp "$f" "$work/books/$(printf %04d $i).xlsx"
		i=$((i + 1))
	done
done
echo "batch-check: $count workbooks from $kinds distinct ones ($(du -sh "$work/books" | cut -f1)), $(nproc) cores"
/usr/bin/time -v "$bin" check "$work"/books/*.xlsx >"$work/out.txt" 2>"$work/time.txt" || true
secs=$(awk -F': ' '/Elapsed/ { split($2, t, ":"); s = 0; for (k = 1; k <= length(t); k++) s = s * 60 + t[k]; print s }' "$work/time.txt")
peak=$(awk -F': ' '/Maximum resident/ { printf "%d", $2 / 1024 }' "$work/time.txt")
echo "batch-check: $secs s, $(awk -v n="$count" -v s="$secs" -v c="$(nproc)" 'BEGIN { printf "%.0f workbooks a second (%.0f per core)", n / s, n / s / c }'), peak $peak MB"
grep -c "^错误\|错误 [1-9]" "$work/out.txt" >/dev/null 2>&1 || true
