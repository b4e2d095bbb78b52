package cli

import (
	"fmt"
	"io"

	"yusuan/forms"
	"yusuan/forms/money"
)

func init() {
	register(&command{
		name:    "show",
		usage:   "文件、工作簿或PDF... [--text 文字] | --from 部门.yusuan [表 [行 [栏]]]",
		summary: "把文档（或工作簿）的每张表按表格单位排成文字打印出来；--from：汇总文档中每个数（或指定的表、行、栏的数）来自哪些单位、各多少（表用编号如 general 或表名，行用编码或行名，栏用栏目名或编号）；--text：用另一个文件（公开的 PDF、文档或文字稿）中的文字部分代替文档中的，并在表格后列出这些文字（只能与一个文档一起用）",
		run:     runShow,
	})
}

func runShow(e *Env, args []string) int {
	p, err := parseArgs(args, []flagSpec{{key: "from", names: []string{"--from"}}, textFlag})
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	if p.set["from"] {
		if p.set["text"] {
			e.errorf("--from 与 --text 不能一起使用")
			return ExitUsage
		}
		return showSources(e, p.files)
	}
	if len(p.files) == 0 {
		e.errorf("用法：yusuan show 文件...")
		return ExitUsage
	}
	text, ok := textOption(e, p, "show")
	if !ok {
		return ExitUsage
	}
	code := ExitOK
	for i, path := range p.files {
		d, rep, err := load(path, "")
		if rep != nil {
			writeProblems(e, rep)
		}
		if err != nil {
			e.errorf("%v", err)
			code = ExitUsage
			continue
		}
		if i > 0 {
			fmt.Fprintln(e.Stdout)
		}
		if text != nil {
			text.apply(d)
		}
		writeDocument(e.Stdout, d)
		if text != nil {
			writeTexts(e.Stdout, d, text)
		}
	}
	return code
}

// writeDocument prints the document's heading and every table in template order.
func writeDocument(w io.Writer, d *forms.Document) {
	title := fmt.Sprintf("%s %d年%s预算", d.Meta.Name, d.Meta.Year, d.LevelWord())
	if d.Meta.Sample {
		title += "（示例数据）"
	}
	fmt.Fprintf(w, "%s\n模板：%s\n", title, d.Template.Name)
	if d.Meta.Remark != "" {
		fmt.Fprintf(w, "说明：%s\n", d.Meta.Remark)
	}
	for i, t := range d.Tables {
		fmt.Fprintf(w, "\n%s、%s\n", forms.ChineseNumber(i+1), t.Title)
		writeTable(w, d, t)
	}
}

func writeTable(w io.Writer, d *forms.Document, t *forms.Table) {
	if t.Absent {
		fmt.Fprintln(w, "（本表未提供）")
		return
	}
	fmt.Fprintf(w, "%s    单位：%s\n", d.Meta.Name, t.Unit)
	if note := d.NoteOf(t); note != "" {
		fmt.Fprintln(w, note)
		if t.Empty() && t.IsGrid() && t.Def.Zero == "blank" {
			return
		}
	}
	if t.Printed != nil {
		if len(t.Printed.Pages) > 0 {
			fmt.Fprintf(w, "（照原样，第%s页）\n", pageList(t.Printed.Pages))
		}
		writeGrid(w, d.ShownGrid(t))
		return
	}
	if t.Layout() == forms.LayoutForm {
		writeForms(w, d, t)
		return
	}
	writeGrid(w, d.Grid(t))
}

// pageList says which pages a table stands on: "7", "7–9".
func pageList(pages []int) string {
	if len(pages) == 1 || pages[0] == pages[len(pages)-1] {
		return fmt.Sprint(pages[0])
	}
	return fmt.Sprintf("%d–%d", pages[0], pages[len(pages)-1])
}

// writeForms prints the 绩效 forms of a table.
func writeForms(w io.Writer, d *forms.Document, t *forms.Table) {
	switch t.Kind {
	case forms.KindPerfDept:
		if f := d.Perf.Dept; f != nil {
			fmt.Fprintf(w, "部门名称及编码：%s\n", f.NameCode)
			g := textColumns("任务名称", "主要内容")
			for _, task := range f.Tasks {
				addTextRow(g, task.Name, task.Content)
			}
			writeGrid(w, g)
			fmt.Fprintf(w, "年度重点工作：%s\n", f.KeyWork)
			writeGrid(w, indicatorGrid(f.Indicators, false))
		}
	case forms.KindPerfPre:
		for _, f := range d.Perf.Pre {
			fmt.Fprintf(w, "政策（项目）名称：%s    主管部门及编码：%s    计划实施期：%s\n", f.Name, f.Dept, f.Period)
			fmt.Fprintf(w, "年度资金总额：%s（其中：财政拨款 %s，其他资金 %s）    实施期资金总额：%s（其中：财政拨款 %s，其他资金 %s）\n",
				f.Annual.TotalValue(), f.Annual.Fiscal, f.Annual.Other, f.Whole.TotalValue(), f.Whole.Fiscal, f.Whole.Other)
			fmt.Fprintf(w, "年度目标：%s\n", f.AnnualGoal)
			writeGrid(w, indicatorGrid(f.AnnualGrid, true))
			fmt.Fprintf(w, "实施期目标：%s\n", f.WholeGoal)
			writeGrid(w, indicatorGrid(f.WholeGrid, true))
			fmt.Fprintf(w, "填报人：%s    联系电话：%s\n", f.Reporter, f.Phone)
		}
	case forms.KindPerfProject:
		for _, i := range d.Perf.ProjectsAt(t.Def.ProjectLevel) {
			f := d.Perf.Projects[i]
			fmt.Fprintf(w, "\n项目名称：%s（%s）", f.Name, f.Level)
			if f.Dept != "" {
				fmt.Fprintf(w, "    主管部门及编码：%s", f.Dept)
			}
			fmt.Fprintf(w, "\n项目资金（%s）：年度资金总额 %s，其中：财政拨款 %s，其他资金 %s\n", money.WanYuan,
				f.Money.TotalValue(), f.Money.Fiscal, f.Money.Other)
			fmt.Fprintf(w, "年度绩效目标：%s\n", f.Goal)
			writeGrid(w, indicatorGrid(f.Indicators, false))
		}
	}
}

func indicatorGrid(ind []forms.Indicator, scored bool) *forms.Grid {
	heads, rows := forms.IndicatorTable(ind, scored)
	g := textColumns(heads...)
	for _, r := range rows {
		addTextRow(g, r...)
	}
	return g
}
