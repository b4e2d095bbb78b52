package cli

import (
	"fmt"
	"slices"
	"strings"

	"yusuan/export/docin"
	"yusuan/export/pdf"
	"yusuan/export/xlsx"
	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/forms/narrative"
)

func init() {
	register(&command{
		name:    "import",
		usage:   "工作簿.xlsx或公开文本.pdf -o 文件 [--template 模板] [--text 文字] [--force]",
		summary: "读取工作簿（本程序导出的，或预算系统导出、手工填写的）或公开的 PDF，写成文档文件，并列出每张表读到了什么（PDF 的页码、行数、金额栏、单位）；读不了的单元格逐一列出；--text：文字部分（主要职能、机构设置、情况说明、名词解释）取自另一个文件（公开的 PDF，如北京的附件1 情况说明；文档；或文字稿）。文档正在别处打开时不写（--force 仍写）。退出码：0 至少识别一张表，2 无法读取、一张表也没识别或文档正被别处打开",
		run:     runImport,
	})
	register(&command{
		name:    "export",
		usage:   "[--xlsx 输出.xlsx [--into 表样.xlsx]] [--pdf 输出.pdf] [--strict] [--text 文字] 文件",
		summary: "导出标准格式的 Excel 工作簿和/或对外公开的 PDF 文本（文件可以是文档、工作簿或公开的 PDF；--text 的文字部分代替文档中的）；文档有错误时在标准错误提示，--strict 则拒绝导出（退出码 1）。输出须以 .xlsx / .pdf 结尾，只能新建或替换以前导出的同类文件，不能是输入文件、文档或其他文件（否则退出码 2，什么也不写）。--into：不写标准工作簿，而把各表的数填入财政局下发的表样（按表名、表头找到每张表，行不够时插入行，金额换算成表样的单位，文字页的 XX、x,xxx 等占位填入），表样其余内容原样保留，并列出填在哪里、哪些没能填入；--strict 时有没能填入的也拒绝导出（退出码 1）；表样无法读取时退出码 2",
		run:     runExport,
	})
}

func runImport(e *Env, args []string) int {
	p, err := parseArgs(args, []flagSpec{
		{key: "out", names: []string{"-o", "--output"}, hasValue: true},
		{key: "template", names: []string{"--template"}, hasValue: true},
		textFlag,
		forceFlag,
	})
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	if len(p.files) != 1 || p.values["out"] == "" {
		e.errorf("用法：yusuan import 工作簿.xlsx或公开文本.pdf -o 文件 [--template 模板] [--text 文字]")
		return ExitUsage
	}
	text, ok := textOption(e, p, "import")
	if !ok {
		return ExitUsage
	}
	release, ok := holdDocument(e, p.values["out"], p.set["force"])
	if !ok {
		return ExitUsage
	}
	defer release()
	d, rep, err := docin.Read(p.files[0], docin.Options{Template: p.values["template"]})
	if rep != nil {
		writeProblems(e, rep)
	}
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	if rep == nil {
		e.errorf("“%s”已是文档文件，不需要导入", p.files[0])
		return ExitUsage
	}
	fmt.Fprintf(e.Stdout, "按“%s”读取 %s（%d年，%s）：\n", d.Template.Name, p.files[0], d.Meta.Year, d.Meta.Name)
	found := map[string]xlsx.TableReport{}
	for _, t := range rep.Tables {
		found[t.TableID] = t
	}
	for i, t := range d.Tables {
		label := forms.ChineseNumber(i+1) + "、" + t.Title
		tr, ok := found[t.ID]
		if !ok {
			fmt.Fprintf(e.Stdout, "  %s：没有这张表\n", label)
			continue
		}
		what := fmt.Sprintf("%d 行，%d 个金额栏，单位：%s", tr.Rows, tr.Columns, tr.Unit)
		switch {
		case t.IsPrinted():
			what = fmt.Sprintf("%d 行，照原样保留（没有对应的表格种类，不参与审核）", len(t.Printed.Rows))
		case t.Printed != nil:
			what += fmt.Sprintf("，按“%s”审核", t.Kind.Def().Title)
		case !t.IsGrid():
			what = fmt.Sprintf("%d 份绩效表", tr.Rows)
		}
		from := "工作表“" + tr.Sheet + "”"
		if t.Printed != nil && len(t.Printed.Pages) > 0 {
			from = "第" + pageList(t.Printed.Pages) + "页"
		}
		fmt.Fprintf(e.Stdout, "  %s ← %s：%s\n", label, from, what)
	}
	if text != nil {
		text.apply(d)
		writeTextNote(e.Stdout, text)
	}
	if !save(e, p.values["out"], d) {
		return ExitUsage
	}
	if n := len(rep.Problems); n > 0 {
		fmt.Fprintf(e.Stdout, "已写出文档：%s（%d 处未能读取，已在标准错误列出）\n", p.values["out"], n)
	} else {
		fmt.Fprintf(e.Stdout, "已写出文档：%s\n", p.values["out"])
	}
	return ExitOK
}

func writeProblems(e *Env, rep *xlsx.Report) {
	for _, pr := range rep.Problems {
		fmt.Fprintf(e.Stderr, "提示：%s\n", pr)
	}
}

func runExport(e *Env, args []string) int {
	p, err := parseArgs(args, []flagSpec{
		{key: "xlsx", names: []string{"--xlsx"}, hasValue: true},
		{key: "pdf", names: []string{"--pdf"}, hasValue: true},
		{key: "strict", names: []string{"--strict"}},
		{key: "into", names: []string{"--into"}, hasValue: true},
		textFlag,
	})
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	if len(p.files) != 1 || (p.values["xlsx"] == "" && p.values["pdf"] == "") {
		e.errorf("用法：yusuan export [--xlsx 输出.xlsx [--into 表样.xlsx]] [--pdf 输出.pdf] [--strict] 文件（至少给出 --xlsx 或 --pdf）")
		return ExitUsage
	}
	var outs []forms.Export
	if out := p.values["xlsx"]; out != "" {
		outs = append(outs, forms.Export{Format: forms.FormatXLSX, Path: out})
	}
	if out := p.values["pdf"]; out != "" {
		outs = append(outs, forms.Export{Format: forms.FormatPDF, Path: out})
	}
	if p.set["into"] && strings.TrimSpace(p.values["into"]) == "" {
		e.errorf("--into 后面要给出财政局下发的表样（.xlsx 文件）")
		return ExitUsage
	}
	if p.values["into"] != "" && p.values["xlsx"] == "" {
		e.errorf("--into 要与 --xlsx 输出.xlsx 一起用：表样填好后写到 --xlsx 给出的文件")
		return ExitUsage
	}
	inputs := p.files
	if path, ok := p.values["into"]; ok {
		inputs = append(slices.Clone(inputs), path) // the 表样 is read, never written
	}
	if path, ok := p.values["text"]; ok {
		inputs = append(slices.Clone(inputs), path) // never written over either
	}
	if err := forms.CheckExports(outs, inputs); err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	text, ok := textOption(e, p, "export")
	if !ok {
		return ExitUsage
	}
	d, rep, err := load(p.files[0], "")
	if rep != nil {
		writeProblems(e, rep)
	}
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	if text != nil {
		text.apply(d)
		writeTextNote(e.Stdout, text)
	}
	res := check.Document(d)
	if n := res.Count(check.Error); n > 0 {
		if p.set["strict"] {
			e.errorf("文档有 %d 项错误，按 --strict 未导出（用 yusuan check %s 查看）", n, p.files[0])
			return ExitFound
		}
		fmt.Fprintf(e.Stderr, "警告：文档有 %d 项错误，仍已导出；请用 yusuan check %s 查看并改正\n", n, p.files[0])
	}
	// 【请填写：…】 left in the text would be printed in the public PDF
	if gaps := narrative.Gaps(d); len(gaps) > 0 {
		if p.set["strict"] {
			e.errorf("%s。按 --strict 未导出", narrative.DescribeGaps(gaps))
			return ExitFound
		}
		fmt.Fprintf(e.Stderr, "警告：%s；这些【请填写】会照样印出\n", narrative.DescribeGaps(gaps))
	}
	if tmpl := p.values["into"]; tmpl != "" {
		if code := exportInto(e, d, tmpl, p.values["xlsx"], p.set["strict"]); code != ExitOK {
			return code
		}
	} else if out := p.values["xlsx"]; out != "" {
		if err := xlsx.Export(d, out); err != nil {
			e.errorf("%v", err)
			return ExitUsage
		}
		fmt.Fprintf(e.Stdout, "已导出工作簿：%s（%d 张表）\n", out, countProvided(d))
	}
	if out := p.values["pdf"]; out != "" {
		r, err := pdf.Export(d, out)
		if err != nil {
			e.errorf("%v", err)
			return ExitUsage
		}
		for _, w := range r.Warnings {
			fmt.Fprintf(e.Stderr, "警告：%s\n", w)
		}
		fmt.Fprintf(e.Stdout, "已导出 PDF：%s（%d 页）\n", out, r.Pages)
	}
	return ExitOK
}

func countProvided(d *forms.Document) int {
	n := 0
	for _, t := range d.Tables {
		if !t.Absent {
			n++
		}
	}
	return n
}
