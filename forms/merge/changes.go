package merge

import (
	"fmt"
	"strings"

	"yusuan/forms"
	"yusuan/forms/money"
)

// Change is a figure of the 部门's document that a new consolidation
// changed: where, from what to what, and whose share changed.
type Change struct {
	Table  string // the table as a clerk knows it ("一般公共预算支出表")
	Row    string // code and name, or the line's label
	Column string
	Old    money.Amount
	New    money.Amount
	Unit   money.Unit
	Units  []UnitChange
}

// UnitChange is one unit's share of a changed figure, before and after.
type UnitChange struct {
	Unit     string // code and name
	Old, New money.Amount
}

// String says the change in one line:
// 一般公共预算支出表 2013101 行政运行“人员经费”：567.09 → 600.00万元（324002 某单位 567.09 → 600.00）.
func (c Change) String() string {
	where := strings.TrimSpace(c.Table + " " + c.Row)
	if c.Column != "" {
		where += "“" + c.Column + "”"
	}
	s := fmt.Sprintf("%s：%s → %s%s", where, c.Old, c.New, c.Unit)
	if len(c.Units) > 0 {
		var parts []string
		for _, u := range c.Units {
			parts = append(parts, fmt.Sprintf("%s %s → %s", u.Unit, u.Old, u.New))
		}
		s += "（" + strings.Join(parts, "；") + "）"
	}
	return s
}

// Diff lists the figures that differ between two documents of one template
// (a consolidation and its new version), table by table, line by line, in
// the new document's order; lines that went are listed with their old
// figures going to zero.
func Diff(old, new *forms.Document) []Change {
	var out []Change
	for _, t := range new.Tables {
		if !t.IsGrid() {
			continue
		}
		ot := old.Table(t.ID)
		for pi, p := range t.Panes {
			var op *forms.Pane
			if ot != nil && !ot.Absent && pi < len(ot.Panes) {
				op = ot.Panes[pi]
			}
			out = append(out, diffPane(old, new, t, ot, p, op)...)
		}
	}
	return append(out, diffInputs(old.Inputs, new.Inputs)...)
}

func diffPane(old, new *forms.Document, t, ot *forms.Table, p, op *forms.Pane) []Change {
	var out []Change
	oldRows := map[string]int{}
	if op != nil {
		keys := rowKeys(op)
		for ri := range op.Rows {
			oldRows[keys[ri]] = ri
		}
	}
	conv := func(v money.Amount) money.Amount {
		if ot == nil || ot.Unit == t.Unit {
			return v
		}
		w, _ := money.Convert(v, ot.Unit, t.Unit)
		return w
	}
	cell := func(ri, ori int, key string) {
		ci := p.Col(key)
		var nv, ov money.Amount
		if ri >= 0 && !t.Absent {
			nv = p.Rows[ri].Cells[ci].Value
		}
		oci := -1
		if op != nil {
			oci = op.Col(key)
		}
		if ori >= 0 && oci >= 0 {
			ov = conv(op.Rows[ori].Cells[oci].Value)
		}
		if nv == ov {
			return
		}
		c := Change{Table: new.ShortTitle(t), Column: p.ColumnLabel(ci), Old: ov, New: nv, Unit: t.Unit}
		var before, after []forms.Share
		if ri >= 0 {
			c.Row = p.RowLabel(ri)
			after = p.Trace(ri, ci)
		} else {
			c.Row = op.RowLabel(ori)
		}
		if ori >= 0 && oci >= 0 {
			before = op.Trace(ori, oci)
		}
		c.Units = unitChanges(old.Merge, new.Merge, before, after, conv)
		out = append(out, c)
	}
	keys := rowKeys(p)
	seen := map[string]bool{}
	for ri := range p.Rows {
		ori, ok := oldRows[keys[ri]]
		if !ok {
			ori = -1
		}
		seen[keys[ri]] = true
		for _, ci := range p.AmountColumns() {
			cell(ri, ori, p.Columns[ci].Key)
		}
	}
	if op != nil {
		okeys := rowKeys(op)
		for ori := range op.Rows {
			if seen[okeys[ori]] {
				continue
			}
			for _, ci := range op.AmountColumns() {
				if p.Col(op.Columns[ci].Key) >= 0 {
					cell(-1, ori, op.Columns[ci].Key)
				}
			}
		}
	}
	return out
}

// rowKeys identify lines across two versions of a table: codes, fixed line
// keys, labels of lines without a code, a project's attributes.
func rowKeys(p *forms.Pane) []string {
	out := make([]string, len(p.Rows))
	dups := map[string]int{}
	for ri, r := range p.Rows {
		switch r.Type {
		case forms.RowClass, forms.RowUnit:
			out[ri] = "c:" + r.Key
		case forms.RowLoose:
			out[ri] = "n:" + r.Name
		case forms.RowProject:
			out[ri] = "p:" + projectKey(*r.Project, dups)
		default:
			out[ri] = "k:" + r.Key
		}
	}
	return out
}

// unitChanges compares two units' shares of a figure by unit code.
func unitChanges(om, nm *forms.Consolidation, before, after []forms.Share, conv func(money.Amount) money.Amount) []UnitChange {
	if om == nil || nm == nil {
		return nil
	}
	type pair struct{ old, new money.Amount }
	byCode := map[string]*pair{}
	var order []string
	get := func(code string) *pair {
		if p, ok := byCode[code]; ok {
			return p
		}
		byCode[code] = &pair{}
		order = append(order, code)
		return byCode[code]
	}
	label := map[string]string{}
	for _, s := range after {
		u := nm.Units[s.Unit]
		get(u.Code).new = s.Value
		label[u.Code] = u.Label()
	}
	for _, s := range before {
		u := om.Units[s.Unit]
		get(u.Code).old = conv(s.Value)
		if label[u.Code] == "" {
			label[u.Code] = u.Label()
		}
	}
	var out []UnitChange
	for _, code := range order {
		if p := byCode[code]; p.old != p.new {
			out = append(out, UnitChange{Unit: label[code], Old: p.old, New: p.new})
		}
	}
	return out
}

// diffInputs lists the summed extra inputs that changed (万元).
func diffInputs(a, b forms.Inputs) []Change {
	var out []Change
	opt := func(p *money.Amount) money.Amount {
		if p == nil {
			return 0
		}
		return *p
	}
	sg := func(s *forms.Sangong) forms.Sangong {
		if s == nil {
			return forms.Sangong{}
		}
		return *s
	}
	pr := func(p *forms.Procurement) forms.Procurement {
		if p == nil {
			return forms.Procurement{}
		}
		return *p
	}
	pp := func(p *forms.PrePerfSummary) money.Amount {
		if p == nil {
			return 0
		}
		return p.Amount
	}
	for _, f := range []struct {
		label    string
		old, new money.Amount
	}{
		{"上年收支总预算", opt(a.PrevTotal), opt(b.PrevTotal)},
		{"上年因公出国（境）费", sg(a.PrevSangong).Abroad, sg(b.PrevSangong).Abroad},
		{"上年公务用车购置费", sg(a.PrevSangong).CarBuy, sg(b.PrevSangong).CarBuy},
		{"上年公务用车运行费", sg(a.PrevSangong).CarRun, sg(b.PrevSangong).CarRun},
		{"上年公务接待费", sg(a.PrevSangong).Reception, sg(b.PrevSangong).Reception},
		{"机关运行经费", opt(a.Operating), opt(b.Operating)},
		{"上年机关运行经费", opt(a.PrevOperating), opt(b.PrevOperating)},
		{"政府采购总额", pr(a.Procurement).TotalValue(), pr(b.Procurement).TotalValue()},
		{"政府采购货物", pr(a.Procurement).Goods, pr(b.Procurement).Goods},
		{"政府采购工程", pr(a.Procurement).Works, pr(b.Procurement).Works},
		{"政府采购服务", pr(a.Procurement).Services, pr(b.Procurement).Services},
		{"事前绩效评估项目金额", pp(a.PrePerf), pp(b.PrePerf)},
	} {
		if f.old != f.new {
			out = append(out, Change{Table: "情况说明补充信息", Row: f.label, Old: f.old, New: f.new, Unit: money.WanYuan})
		}
	}
	return out
}

// formChanges says which units' 绩效 forms changed in number.
func formChanges(old, new *forms.Document) []string {
	count := func(d *forms.Document) map[string][2]int {
		out := map[string][2]int{}
		for _, f := range d.Perf.Projects {
			c := out[f.Unit]
			c[0]++
			out[f.Unit] = c
		}
		for _, f := range d.Perf.Pre {
			c := out[f.Unit]
			c[1]++
			out[f.Unit] = c
		}
		return out
	}
	a, b := count(old), count(new)
	var out []string
	for _, u := range new.Merge.Units {
		if a[u.Code] != b[u.Code] {
			x, y := a[u.Code], b[u.Code]
			var parts []string
			if x[0] != y[0] {
				parts = append(parts, fmt.Sprintf("项目绩效目标表 %d 张 → %d 张", x[0], y[0]))
			}
			if x[1] != y[1] {
				parts = append(parts, fmt.Sprintf("事前绩效评估表 %d 张 → %d 张", x[1], y[1]))
			}
			out = append(out, u.Label()+"："+strings.Join(parts, "，"))
		}
	}
	return out
}
