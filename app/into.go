package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"yusuan/export/into"
)

// describeInto says what a fill of the bureau's 表样 placed and what it
// left, in short: the full list is long for a dialog, the first lines of
// each part tell the clerk where to look.
func describeInto(rep *into.Report, tmpl, path string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "已把文档填入表样“%s”，写到：%s\n", filepath.Base(tmpl), path)
	fmt.Fprintf(&b, "填入 %d 处", len(rep.Placed))
	if rep.Inserted > 0 {
		fmt.Fprintf(&b, "，插入 %d 行（照上一行的格式）", rep.Inserted)
	}
	if rep.Rounded > 0 {
		fmt.Fprintf(&b, "，%d 个数换算成表样的单位时四舍五入", rep.Rounded)
	}
	if rep.Formulas > 0 {
		fmt.Fprintf(&b, "，表样的 %d 个公式保留", rep.Formulas)
	}
	b.WriteString("。")
	list := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n\n%s（%d 处）：", title, len(lines))
		for _, l := range lines[:min(len(lines), 8)] {
			b.WriteString("\n·" + l) // no space: Fyne would break the line after the dot
		}
		if len(lines) > 8 {
			fmt.Fprintf(&b, "\n……其余 %d 处可用命令 yusuan export --into 查看全部", len(lines)-8)
		}
	}
	list("没能填入，请在表样中补上", rep.Unplaced)
	list("按表样的措辞审核", rep.TextFindings)
	return b.String()
}
