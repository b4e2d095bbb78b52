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
		usage:   "文件...",
		summary: "把文档的每张表按表格单位排成文字打印出来",
		run:     runShow,
	})
}

func runShow(e *Env, args []string) int {
	p, err := parseArgs(args, nil)
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	if len(p.files) == 0 {
		e.errorf("用法：yusuan show 文件...")
		return ExitUsage
	}
	code := ExitOK
	for i, path := range p.files {
		d, err := forms.Open(path)
		if err != nil {
			e.errorf("%v", err)
			code = ExitUsage
			continue
		}
		if i > 0 {
			fmt.Fprintln(e.Stdout)
		}
		writeDocument(e.Stdout, d)
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
	var g *textGrid
	switch t.Layout() {
	case forms.LayoutTwoSided:
		g = twoSidedGrid(t)
	case forms.LayoutForm:
		writeForms(w, d, t)
		return
	default:
		g = paneGrid(d, t, t.Main())
	}
	g.write(w)
}

// paneGrid lays out a single-pane table: code and name (or the project
// attributes, or the line label), then the printed amount columns.
func paneGrid(d *forms.Document, t *forms.Table, p *forms.Pane) *textGrid {
	g := &textGrid{}
	addCol := func(group, label string, right bool) {
		g.groups = append(g.groups, group)
		g.labels = append(g.labels, label)
		g.right = append(g.right, right)
	}
	layout := t.Layout()
	switch layout {
	case forms.LayoutClass:
		addCol("", orDefault(t.Def.CodeLabel, "编码"), false)
		addCol("", orDefault(t.Def.NameLabel, "名称"), false)
	case forms.LayoutFixed:
		addCol("", "项目", false)
	}
	var cols []int
	for ci, c := range p.Columns {
		if c.Hidden {
			continue
		}
		cols = append(cols, ci)
		addCol(c.Group, c.Label, !c.Text)
	}
	for ri, r := range p.Rows {
		var cells []string
		switch layout {
		case forms.LayoutClass:
			cells = append(cells, d.ShowCode(r.Code), p.Label(ri))
		case forms.LayoutFixed:
			cells = append(cells, p.Label(ri))
		}
		for _, ci := range cols {
			c := p.Columns[ci]
			if c.Text {
				cells = append(cells, r.Attr(c.Key))
				continue
			}
			cells = append(cells, t.Show(r.Cells[ci].Value))
		}
		if layout == forms.LayoutProjects && r.Type == forms.RowTotal {
			cells[0] = r.Name
		}
		g.rows = append(g.rows, cells)
	}
	return g
}

// twoSidedGrid prints 收入 and 支出 side by side, totals on one line.
func twoSidedGrid(t *forms.Table) *textGrid {
	in, out := t.Pane(forms.SideIn), t.Pane(forms.SideOut)
	g := &textGrid{}
	for _, p := range []*forms.Pane{in, out} {
		g.groups = append(g.groups, p.Title)
		g.labels = append(g.labels, orDefault(p.ItemLabel, "项目"))
		g.right = append(g.right, false)
		for _, c := range p.Columns {
			g.groups = append(g.groups, p.Title)
			g.labels = append(g.labels, c.Label)
			g.right = append(g.right, true)
		}
	}
	half := func(p *forms.Pane, ri int) []string {
		cells := make([]string, 1+len(p.Columns))
		if ri < 0 {
			return cells
		}
		cells[0] = p.Label(ri)
		for ci := range p.Columns {
			cells[1+ci] = t.Show(p.Rows[ri].Cells[ci].Value)
		}
		return cells
	}
	for _, pair := range t.SideBySide() {
		g.rows = append(g.rows, append(half(in, pair[0]), half(out, pair[1])...))
	}
	return g
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// writeForms prints the 绩效 forms of a table.
func writeForms(w io.Writer, d *forms.Document, t *forms.Table) {
	switch t.Kind {
	case forms.KindPerfDept:
		if f := d.Perf.Dept; f != nil {
			fmt.Fprintf(w, "部门名称及编码：%s\n", f.NameCode)
			g := &textGrid{groups: []string{"", ""}, labels: []string{"任务名称", "主要内容"}, right: []bool{false, false}}
			for _, task := range f.Tasks {
				g.rows = append(g.rows, []string{task.Name, task.Content})
			}
			g.write(w)
			fmt.Fprintf(w, "年度重点工作：%s\n", f.KeyWork)
			indicatorGrid(f.Indicators, false).write(w)
		}
	case forms.KindPerfPre:
		for _, f := range d.Perf.Pre {
			fmt.Fprintf(w, "政策（项目）名称：%s    主管部门及编码：%s    计划实施期：%s\n", f.Name, f.Dept, f.Period)
			fmt.Fprintf(w, "年度资金总额：%s（其中：财政拨款 %s，其他资金 %s）    实施期资金总额：%s（其中：财政拨款 %s，其他资金 %s）\n",
				f.Annual.TotalValue(), f.Annual.Fiscal, f.Annual.Other, f.Whole.TotalValue(), f.Whole.Fiscal, f.Whole.Other)
			fmt.Fprintf(w, "年度目标：%s\n", f.AnnualGoal)
			indicatorGrid(f.AnnualGrid, true).write(w)
			fmt.Fprintf(w, "实施期目标：%s\n", f.WholeGoal)
			indicatorGrid(f.WholeGrid, true).write(w)
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
			indicatorGrid(f.Indicators, false).write(w)
		}
	}
}

func indicatorGrid(ind []forms.Indicator, scored bool) *textGrid {
	g := &textGrid{labels: []string{"一级指标", "二级指标", "三级指标", "阶段性指标值", "指标值"}}
	if scored {
		g.labels = []string{"一级指标", "二级指标", "三级指标", "指标值", "评价标准", "指标分值"}
	}
	g.groups = make([]string, len(g.labels))
	g.right = make([]bool, len(g.labels))
	var prevL1, prevL2 string
	for _, x := range ind {
		l1, l2 := x.L1, x.L2
		if l1 == prevL1 {
			l1 = "" // printed once, as a merged cell would
			if l2 == prevL2 {
				l2 = ""
			}
		}
		prevL1, prevL2 = x.L1, x.L2
		if scored {
			g.rows = append(g.rows, []string{l1, l2, x.L3, x.Value, x.Standard, x.Score})
		} else {
			g.rows = append(g.rows, []string{l1, l2, x.L3, x.Stage, x.Value})
		}
	}
	return g
}
