package cli

import (
	"fmt"

	"yusuan/export/into"
	"yusuan/forms"
)

// exportInto fills the bureau's 表样 and says what went where. With strict,
// anything left unplaced refuses the export (nothing is written).
func exportInto(e *Env, d *forms.Document, tmpl, out string, strict bool) int {
	f, rep, err := into.Fill(d, tmpl)
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	defer f.Close()
	if strict && !rep.Complete() {
		writeIntoReport(e, rep, true)
		e.errorf("表样中有 %d 处没能填入，按 --strict 未导出", len(rep.Unplaced))
		return ExitFound
	}
	if err := into.Save(f, out); err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	writeIntoReport(e, rep, false)
	fmt.Fprintf(e.Stdout, "已填入表样：%s → %s\n", tmpl, out)
	return ExitOK
}

func writeIntoReport(e *Env, rep *into.Report, onlyUnplaced bool) {
	if !onlyUnplaced {
		fmt.Fprintf(e.Stdout, "按“%s”的表格识别表样，填入：\n", rep.Family)
		for _, p := range rep.Placed {
			fmt.Fprintf(e.Stdout, "  %s\n", p)
		}
		if rep.Inserted > 0 {
			fmt.Fprintf(e.Stdout, "  共插入 %d 行（复制上一行的格式）\n", rep.Inserted)
		}
		if len(rep.TextFindings) > 0 {
			fmt.Fprintf(e.Stdout, "填好的文字（表样的措辞）审核：\n")
			for _, t := range rep.TextFindings {
				fmt.Fprintf(e.Stdout, "  %s\n", t)
			}
		}
		if rep.Formulas > 0 {
			fmt.Fprintf(e.Stdout, "  表样中的 %d 个公式保留为公式（已按填入的数算出结果，打开时 Excel 会重算）\n", rep.Formulas)
		}
		if rep.Rounded > 0 {
			fmt.Fprintf(e.Stdout, "  %d 个数换算成表样的单位时四舍五入\n", rep.Rounded)
		}
	}
	if len(rep.Unplaced) > 0 {
		fmt.Fprintf(e.Stderr, "没能填入（%d 处）：\n", len(rep.Unplaced))
		for _, u := range rep.Unplaced {
			fmt.Fprintf(e.Stderr, "  %s\n", u)
		}
	}
}
