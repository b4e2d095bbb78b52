package cli

import (
	"fmt"
	"io"
	"strings"

	"yusuan/forms"
	"yusuan/forms/money"
)

// showSources is `yusuan show --from 部门.yusuan [表 [行 [栏]]]`: for every
// figure of a consolidated document (or the table, line or figure asked),
// the units it came from and how much each gave.
func showSources(e *Env, args []string) int {
	if len(args) == 0 || len(args) > 4 {
		e.errorf("用法：yusuan show --from 部门.yusuan [表 [行 [栏]]]（表用编号如 general 或表名，行用编码或行名，栏用栏目名或编号）")
		return ExitUsage
	}
	d, rep, err := load(args[0], "")
	if rep != nil {
		writeProblems(e, rep)
	}
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	if d.Merge == nil {
		e.errorf("“%s”不是汇总生成的文档，没有记录各数来自哪些单位（汇总用 yusuan merge）", args[0])
		return ExitUsage
	}
	sel := args[1:]
	w := e.Stdout
	fmt.Fprintf(w, "%s %d年部门预算：由 %d 个单位汇总\n", d.Meta.Name, d.Meta.Year, len(d.Merge.Units))
	if len(sel) == 0 {
		for _, u := range d.Merge.Units {
			file := ""
			if u.File != "" {
				file = "（文件 " + u.File + "）"
			}
			fmt.Fprintf(w, "  %s%s\n", u.Label(), file)
		}
	}
	if len(sel) > 0 && isInputsName(sel[0]) {
		writeInputSources(w, d, sel[1:])
		return ExitOK
	}
	tables := d.Tables
	if len(sel) > 0 {
		t, err := findTable(d, sel[0])
		if err != nil {
			e.errorf("%v", err)
			return ExitUsage
		}
		tables = []*forms.Table{t}
	}
	shown := 0
	for _, t := range tables {
		if !t.IsGrid() || t.Absent {
			continue
		}
		n, err := writeTableSources(w, d, t, sel)
		if err != nil {
			e.errorf("%v", err)
			return ExitUsage
		}
		shown += n
	}
	if len(sel) > 1 && shown == 0 {
		e.errorf("“%s”中找不到行“%s”", d.ShortTitle(tables[0]), sel[1])
		return ExitUsage
	}
	if len(sel) == 0 {
		writeInputSources(w, d, nil)
	}
	return ExitOK
}

// writeTableSources prints the figures of a table (or the line, or the
// figure, that sel asks for) with their units; it returns how many lines
// matched.
func writeTableSources(w io.Writer, d *forms.Document, t *forms.Table, sel []string) (int, error) {
	head := false
	matched := 0
	var colErr error
	found := false
	for _, p := range t.Panes {
		cols := p.AmountColumns()
		if len(sel) > 2 {
			ci, err := findColumn(p, sel[2])
			if err != nil {
				colErr = err
				continue
			}
			found = true
			cols = []int{ci}
		}
		for ri := range p.Rows {
			if len(sel) > 1 && !rowMatches(p, ri, sel[1]) {
				continue
			}
			matched++
			for _, ci := range cols {
				v := p.Rows[ri].Cells[ci].Value
				shares := p.Trace(ri, ci)
				if v == 0 && len(shares) == 0 && len(sel) < 3 {
					continue
				}
				if !head {
					fmt.Fprintf(w, "\n【%s】单位：%s\n", d.ShortTitle(t), t.Unit)
					head = true
				}
				writeFigure(w, d, fmt.Sprintf("%s“%s”", p.RowLabel(ri), p.ColumnLabel(ci)), v, shares)
			}
		}
	}
	if len(sel) > 2 && !found {
		return 0, fmt.Errorf("“%s”%v", d.ShortTitle(t), colErr)
	}
	return matched, nil
}

// writeFigure prints one figure and its units' shares, aligned.
func writeFigure(w io.Writer, d *forms.Document, where string, v money.Amount, shares []forms.Share) {
	fmt.Fprintf(w, "%s：%s\n", where, money.Format(v, false))
	width := 0
	for _, s := range shares {
		width = max(width, displayWidth(d.Merge.Units[s.Unit].Label()))
	}
	for _, s := range shares {
		fmt.Fprintf(w, "    %s  %s\n", pad(d.Merge.Units[s.Unit].Label(), width, false), pad(money.Format(s.Value, false), 14, true))
	}
	switch total := forms.TraceTotal(shares); {
	case len(shares) == 0 && v != 0:
		fmt.Fprintln(w, "    （没有来源单位：汇总后在本文档中填写的数）")
	case total != v:
		fmt.Fprintf(w, "    （各单位合计 %s，与表中数不同：汇总后在本文档中改过此数或其下级）\n", money.Format(total, false))
	}
}

func isInputsName(s string) bool {
	return s == "inputs" || s == "情况说明补充信息" || s == "补充信息"
}

// writeInputSources prints the summed extra inputs with each unit's amount.
func writeInputSources(w io.Writer, d *forms.Document, sel []string) {
	opt := func(p *money.Amount) (money.Amount, bool) {
		if p == nil {
			return 0, false
		}
		return *p, true
	}
	fields := []struct {
		label string
		get   func(*forms.Inputs) (money.Amount, bool)
	}{
		{"上年收支总预算", func(in *forms.Inputs) (money.Amount, bool) { return opt(in.PrevTotal) }},
		{"上年“三公”经费", func(in *forms.Inputs) (money.Amount, bool) {
			if in.PrevSangong == nil {
				return 0, false
			}
			return in.PrevSangong.Total(), true
		}},
		{"机关运行经费", func(in *forms.Inputs) (money.Amount, bool) { return opt(in.Operating) }},
		{"上年机关运行经费", func(in *forms.Inputs) (money.Amount, bool) { return opt(in.PrevOperating) }},
		{"政府采购", func(in *forms.Inputs) (money.Amount, bool) {
			if in.Procurement == nil {
				return 0, false
			}
			return in.Procurement.TotalValue(), true
		}},
		{"事前绩效评估项目金额", func(in *forms.Inputs) (money.Amount, bool) {
			if in.PrePerf == nil {
				return 0, false
			}
			return in.PrePerf.Amount, true
		}},
	}
	head := false
	for _, f := range fields {
		if len(sel) > 0 && !strings.Contains(f.label, sel[0]) {
			continue
		}
		v, ok := f.get(&d.Inputs)
		if !ok {
			continue
		}
		var shares []forms.Share
		for i, u := range d.Merge.Units {
			if u.Inputs == nil {
				continue
			}
			if x, ok := f.get(u.Inputs); ok && x != 0 {
				shares = append(shares, forms.Share{Unit: i, Value: x})
			}
		}
		if !head {
			fmt.Fprintf(w, "\n【情况说明补充信息】单位：%s\n", money.WanYuan)
			head = true
		}
		writeFigure(w, d, f.label, v, shares)
	}
}

// findTable finds a table by id, title or part of its title.
func findTable(d *forms.Document, arg string) (*forms.Table, error) {
	var partial []*forms.Table
	for _, t := range d.Tables {
		if t.ID == arg || t.Title == arg || d.ShortTitle(t) == arg {
			return t, nil
		}
		if strings.Contains(t.Title, arg) {
			partial = append(partial, t)
		}
	}
	if len(partial) == 1 {
		return partial[0], nil
	}
	var names []string
	for _, t := range d.Tables {
		if t.IsGrid() {
			names = append(names, t.ID+"（"+d.ShortTitle(t)+"）")
		}
	}
	return nil, fmt.Errorf("找不到表“%s”；可用：%s", arg, strings.Join(names, "、"))
}

// rowMatches: a line by code, key, label or a project's 二级项目 name.
func rowMatches(p *forms.Pane, ri int, arg string) bool {
	r := p.Rows[ri]
	return r.Key == arg || r.Code == arg || r.Name == arg || p.Label(ri) == arg || p.RowLabel(ri) == arg ||
		(r.Project != nil && r.Project.L2 == arg)
}

// findColumn finds an amount column by key, label or group and label.
func findColumn(p *forms.Pane, arg string) (int, error) {
	var hits []int
	for _, ci := range p.AmountColumns() {
		c := p.Columns[ci]
		if c.Key == arg || p.ColumnLabel(ci) == arg {
			return ci, nil
		}
		if c.Label == arg {
			hits = append(hits, ci)
		}
	}
	if len(hits) == 1 {
		return hits[0], nil
	}
	var names []string
	for _, ci := range p.AmountColumns() {
		names = append(names, p.Columns[ci].Key+"（"+p.ColumnLabel(ci)+"）")
	}
	if len(hits) > 1 {
		return -1, fmt.Errorf("有几栏都叫“%s”，请用编号：%s", arg, strings.Join(names, "、"))
	}
	return -1, fmt.Errorf("没有栏目“%s”；可用：%s", arg, strings.Join(names, "、"))
}
