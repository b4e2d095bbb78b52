package check

import (
	"fmt"
	"strings"

	"yusuan/forms"
	"yusuan/forms/classify"
	"yusuan/forms/money"
)

// identities reports every figure kept as given at a computed position that
// differs from the sum it stands for: down (a total line against the lines it
// adds up) and across (a total column against the columns it adds up). Cells
// the program computes agree by construction; what arrives from outside may not.
// In a rounded table a difference within the rounding of the printed terms
// (the total and each non-zero part) is a 提示 尾差 (decision 36).
// A total some of whose parts the table does not print is not checked
// (decision 1). It reports whether the pane has any identity to check.
func (x *ctx) identities(t *forms.Table, p *forms.Pane, down, across bool, rows func(*forms.Row) bool) (possible bool) {
	if p == nil {
		return false
	}
	name := shortTitle(x.doc, t)
	if down && p.Kind().Layout != forms.LayoutTwoSided && p.Kind().Layout != forms.LayoutFixed {
		possible = true // lines listed by the data: a 合计 line always adds them up
	}
	for ri, r := range p.Rows {
		if rows != nil && !rows(r) {
			continue
		}
		downOK := down && r.Computed() && x.rowComplete(p, ri)
		for ci, c := range p.Columns {
			if c.Text {
				continue
			}
			acrossOK := across && c.Computed() && x.colComplete(p, ci)
			possible = possible || downOK || acrossOK
			if !r.Cells[ci].Entered {
				continue
			}
			v := r.Cells[ci].Value
			if downOK {
				var sum money.Amount
				k := 1
				cells := []forms.CellRef{ref(t, p, ri, ci)}
				for _, j := range r.Parts() {
					sum += p.Rows[j].Cells[ci].Value
					k += nonZero(p.Rows[j].Cells[ci].Value)
					cells = append(cells, ref(t, p, j, ci))
				}
				if sum != v {
					what := childrenLabel(p, r) + "合计"
					self := strings.TrimSuffix(strings.TrimPrefix(rowName(p, ri), "“"), "”行") + "行"
					vals := []Value{{what, amt(sum, t.Unit)}, {self, amt(v, t.Unit)}}
					if note, ok := tailOf(t, sum-v, k); ok {
						x.addSev(Hint, t, cells, fmt.Sprintf("%s %s%s：%s %s 与%s %s %s", name, rowName(p, ri), colName(p, ci), what, sum, self, v, note), vals...)
					} else {
						x.add(t, cells, fmt.Sprintf("%s %s%s：%s %s ≠ %s %s，相差 %s", name, rowName(p, ri), colName(p, ci),
							what, sum, self, v, amt(abs(sum-v), t.Unit)), vals...)
					}
				}
			}
			if acrossOK {
				var sum money.Amount
				k := 1
				var labels []string
				cells := []forms.CellRef{ref(t, p, ri, ci)}
				for _, j := range c.Parts() {
					sum += r.Cells[j].Value
					k += nonZero(r.Cells[j].Value)
					labels = append(labels, p.Columns[j].Label)
					cells = append(cells, ref(t, p, ri, j))
				}
				if sum != v {
					what := strings.Join(labels, "＋")
					col := strings.TrimSuffix(colName(p, ci), "列")
					vals := []Value{{what, amt(sum, t.Unit)}, {p.Columns[ci].Label, amt(v, t.Unit)}}
					if note, ok := tailOf(t, sum-v, k); ok {
						x.addSev(Hint, t, cells, fmt.Sprintf("%s %s：%s ＝ %s 与%s %s %s", name, rowName(p, ri), what, sum, col, v, note), vals...)
					} else {
						x.add(t, cells, fmt.Sprintf("%s %s：%s ＝ %s ≠ %s %s，相差 %s", name, rowName(p, ri), what, sum, col, v, amt(abs(sum-v), t.Unit)), vals...)
					}
				}
			}
		}
	}
	return possible
}

// tailOf grades a difference between a total and the k−1 printed terms it
// adds up in a table: the 尾差 clause when the table's rounding explains it.
func tailOf(t *forms.Table, diff money.Amount, k int) (string, bool) {
	var tl tally
	tl.add(tableStep(t), k, t.Unit)
	c := cents(diff, t.Unit)
	if !tl.within(c) {
		return "", false
	}
	return tl.note(c, t.Unit), true
}

// childrenLabel says what a total line adds up: 各类, 各款, 所属各单位 …
func childrenLabel(p *forms.Pane, r *forms.Row) string {
	parts := r.Parts()
	if len(parts) == 0 {
		return "下级各行"
	}
	first := p.Rows[parts[0]]
	switch first.Type {
	case forms.RowClass:
		switch len(first.Code) {
		case 3:
			return "各类"
		case 5:
			return "各款"
		case 7:
			return "各项"
		}
	case forms.RowUnit:
		return "所属各单位"
	case forms.RowProject:
		switch r.Type {
		case forms.RowL1:
			return "所属二级项目"
		case forms.RowTypeSum:
			return "该类型各项目"
		}
		return "各项目"
	}
	return "所含各行"
}

func keyIn(keys ...string) func(*forms.Row) bool {
	return func(r *forms.Row) bool {
		for _, k := range keys {
			if r.Key == k {
				return true
			}
		}
		return false
	}
}

// eachTable runs f on every provided table of the kinds; the rule is
// skipped when none of them is in the document.
func (x *ctx) eachTable(f func(t *forms.Table), kinds ...forms.Kind) {
	any := false
	for _, k := range kinds {
		for _, t := range x.doc.TablesOf(k) {
			if t.Absent {
				continue
			}
			any = true
			f(t)
		}
	}
	if !any {
		var names []string
		for _, k := range kinds {
			names = append(names, k.Def().Title)
		}
		x.skipf("文档中没有%s", strings.Join(names, "、"))
	}
}

func evalT11(x *ctx) {
	ts, ok := x.need(forms.KindSummary)
	if !ok {
		return
	}
	t := ts[0]
	in, ok1 := cellFig(t, forms.SideIn, forms.LineInTotal, forms.ColAmount, "收入总计")
	out, ok2 := cellFig(t, forms.SideOut, forms.LineOutTotal, forms.ColAmount, "支出总计")
	if !ok1 || !ok2 {
		x.skipf("收支总表没有收入总计或支出总计行")
		return
	}
	x.equalFigs(t, shortTitle(x.doc, t), in, out)
}

func evalT12(x *ctx) {
	x.eachIdentities(func(t *forms.Table) bool {
		return x.identities(t, t.Pane(forms.SideIn), true, false, keyIn(forms.LineInCurrent, forms.LineInFiscal, "in.unit"))
	}, func(t *forms.Table) string {
		return shortTitle(x.doc, t) + "收入方没有列出可核对的本年收入合计、财政拨款收入或单位资金收入（及其所含各行）"
	}, forms.KindSummary)
}

func evalT13(x *ctx) {
	x.eachIdentities(func(t *forms.Table) bool {
		in := x.identities(t, t.Pane(forms.SideIn), true, false, keyIn(forms.LineInTotal))
		out := x.identities(t, t.Pane(forms.SideOut), true, true, keyIn(forms.LineOutTotal, forms.LineOutCurrent))
		return in || out
	}, func(t *forms.Table) string {
		return shortTitle(x.doc, t) + "没有列出可核对的收入总计、支出总计或本年支出合计（及其所含各行、各栏）"
	}, forms.KindSummary)
}

func evalT21(x *ctx) {
	x.eachIdentities(func(t *forms.Table) bool { return x.identities(t, t.Main(), true, true, nil) }, x.columnGapOf, forms.KindIncome)
}

func evalT31(x *ctx) {
	x.eachIdentities(func(t *forms.Table) bool { return x.identities(t, t.Main(), false, true, nil) }, x.columnGapOf, forms.KindExpense)
}

func evalT41(x *ctx) {
	x.eachIdentities(func(t *forms.Table) bool {
		possible := false
		for _, p := range t.Panes {
			possible = x.identities(t, p, true, true, nil) || possible
		}
		in, ok1 := cellFig(t, forms.SideIn, forms.LineInTotal, forms.ColAmount, "收入总计")
		out, ok2 := cellFig(t, forms.SideOut, forms.LineOutTotal, forms.ColAmount, "支出总计")
		if ok1 && ok2 {
			x.equalFigs(t, shortTitle(x.doc, t), in, out)
			possible = true
		}
		return possible
	}, func(t *forms.Table) string {
		return shortTitle(x.doc, t) + "没有列出可核对的总计、合计行或合计栏"
	}, forms.KindFiscal)
}

func evalT51(x *ctx) {
	x.eachIdentities(func(t *forms.Table) bool { return x.identities(t, t.Main(), false, true, nil) }, x.columnGapOf,
		forms.KindGeneral, forms.KindFund, forms.KindSOE)
}

func evalT61(x *ctx) {
	x.eachIdentities(func(t *forms.Table) bool { return x.identities(t, t.Main(), false, true, nil) }, x.columnGapOf, forms.KindBasic)
}

func evalT71(x *ctx) {
	x.eachIdentities(func(t *forms.Table) bool { return x.identities(t, t.Main(), false, true, nil) }, x.columnGapOf, forms.KindSangong)
}

func evalT101(x *ctx) {
	x.eachIdentities(func(t *forms.Table) bool { return x.identities(t, t.Main(), true, true, nil) }, x.columnGapOf, forms.KindProjects)
}

// eachIdentities runs check on every provided table of the kinds; when no
// table has an identity left to check (its totals or their parts not
// printed), the rule is skipped saying what each table lacks.
func (x *ctx) eachIdentities(check func(t *forms.Table) bool, gap func(t *forms.Table) string, kinds ...forms.Kind) {
	possible := false
	var gaps []string
	x.eachTable(func(t *forms.Table) {
		if tablePart(x, t, false, func() bool { return check(t) }) {
			possible = true
		} else {
			gaps = append(gaps, gap(t))
		}
	}, kinds...)
	if !possible && len(gaps) > 0 {
		x.skipf("%s", strings.Join(gaps, "；"))
	}
}

// columnGapOf says what a single-pane table lacks for its column identities.
func (x *ctx) columnGapOf(t *forms.Table) string {
	if p := t.Main(); p != nil {
		return columnGap(x.doc, t, p)
	}
	return shortTitle(x.doc, t) + "没有可核对的栏目"
}

// classKinds are the tables listing classification codes.
var classKinds = []forms.Kind{forms.KindExpense, forms.KindGeneral, forms.KindFund, forms.KindSOE, forms.KindBasic, forms.KindIncome}

func evalH1(x *ctx) {
	x.eachTable(func(t *forms.Table) {
		if t.Kind == forms.KindIncome {
			return // T2-1 covers the 收入总表
		}
		tablePart(x, t, false, func() bool { return x.identities(t, t.Main(), true, false, nil) })
	}, classKinds...)
}

// codedPanes lists the panes of a table that list classification codes.
func codedPanes(t *forms.Table) []*forms.Pane {
	var p *forms.Pane
	switch t.Layout() {
	case forms.LayoutClass:
		if t.Def.RowsAreUnits() {
			return nil
		}
		p = t.Main()
	case forms.LayoutTwoSided:
		p = t.Pane(forms.SideOut)
	}
	if p == nil {
		return nil
	}
	return []*forms.Pane{p}
}

// evalH2: codes of the right length and scheme, every line with a code, no
// code twice, and each code under its parent in printed order.
func evalH2(x *ctx) {
	x.eachTable(func(t *forms.Table) { tablePart(x, t, true, func() struct{} { h2(x, t); return struct{}{} }) }, kCoded...)
}

// h2 is H-2 on one table: it reads the codes and names, not the figures.
func h2(x *ctx, t *forms.Table) {
	name := shortTitle(x.doc, t)
	if t.Layout() == forms.LayoutClass && t.Def.RowsAreUnits() {
		if p := t.Main(); p != nil {
			x.duplicates(t, p, name)
		}
		return
	}
	scheme := t.Kind.Def().Scheme
	for _, p := range codedPanes(t) {
		x.duplicates(t, p, name)
		var stack []string // codes of the printed lines above, parents first
		for ri, r := range p.Rows {
			switch r.Type {
			case forms.RowLoose:
				x.add(t, []forms.CellRef{ref(t, p, ri, -1)}, fmt.Sprintf("%s 第 %d 行“%s”没有科目编码（常见于把上级科目重复印了一行）", name, ri+1, r.Name),
					Value{"行", r.Name})
				continue
			case forms.RowClass:
			default:
				continue
			}
			if s, ok := classify.SchemeOf(r.Code); !ok || s != scheme {
				x.add(t, []forms.CellRef{ref(t, p, ri, -1)}, fmt.Sprintf("%s %s：编码“%s”不是%s编码", name, rowName(p, ri), r.Code, scheme.Title()), Value{"编码", r.Code})
				continue
			}
			level, err := classify.LevelOf(scheme, r.Code)
			if err != nil && localDetail(scheme, r.Code, stack) {
				// 重庆 details economic 款 locally (3010201 规范性津补贴
				// under 30102 津贴补贴): a level below the 款, not a slip
				level, err = classify.Xiang, nil
			}
			if err != nil {
				x.add(t, []forms.CellRef{ref(t, p, ri, -1)}, fmt.Sprintf("%s %s：%v", name, rowName(p, ri), err), Value{"编码", r.Code})
				continue
			}
			if t.Layout() == forms.LayoutTwoSided && level != classify.Lei {
				x.add(t, []forms.CellRef{ref(t, p, ri, -1)}, fmt.Sprintf("%s %s：这里只列类级科目", name, rowName(p, ri)), Value{"编码", r.Code})
			}
			for len(stack) > 0 && len(stack[len(stack)-1]) >= len(r.Code) {
				stack = stack[:len(stack)-1]
			}
			if len(stack) > 0 && !strings.HasPrefix(r.Code, stack[len(stack)-1]) {
				parent := stack[len(stack)-1]
				x.add(t, []forms.CellRef{ref(t, p, ri, -1), {Table: t.ID, Row: parent}},
					fmt.Sprintf("%s %s 排在科目 %s 之下，但编码不以 %s 开头", name, rowName(p, ri), parent, parent),
					Value{"编码", r.Code}, Value{"上级编码", parent})
			}
			stack = append(stack, r.Code)
		}
	}
}

// localDetail: a 7-digit economic code printed under its own 款 (the
// stack holds the codes of the lines above, parents first).
func localDetail(scheme classify.Scheme, code string, stack []string) bool {
	if scheme == classify.Functional || len(code) != 7 {
		return false
	}
	for _, c := range stack {
		if c == code[:5] {
			return true
		}
	}
	return false
}

func (x *ctx) duplicates(t *forms.Table, p *forms.Pane, name string) {
	first := map[string]int{}
	for ri, r := range p.Rows {
		if r.Code == "" {
			continue
		}
		if j, ok := first[r.Code]; ok {
			x.add(t, []forms.CellRef{ref(t, p, j, -1), ref(t, p, ri, -1)}, fmt.Sprintf("%s 编码 %s 出现两次（第 %d 行和第 %d 行）", name, r.Code, j+1, ri+1), Value{"编码", r.Code})
			continue
		}
		first[r.Code] = ri
	}
}

// evalH3: a detail line printed equal to its total while its siblings carry
// money (seen in real documents: 30299 printed equal to 302).
func evalH3(x *ctx) {
	x.eachTable(func(t *forms.Table) { tablePart(x, t, false, func() struct{} { h3(x, t); return struct{}{} }) },
		forms.KindExpense, forms.KindGeneral, forms.KindFund, forms.KindSOE, forms.KindBasic)
}

func h3(x *ctx, t *forms.Table) {
	p := t.Main()
	if p == nil || t.Def.RowsAreUnits() {
		return
	}
	for ri, r := range p.Rows {
		parts := r.Parts()
		if r.Type == forms.RowTotal || len(parts) < 2 {
			continue
		}
		for ci, c := range p.Columns {
			v := r.Cells[ci].Value
			if c.Text || v == 0 {
				continue
			}
			for _, k := range parts {
				if p.Rows[k].Cells[ci].Value != v {
					continue
				}
				others := false
				for _, o := range parts {
					others = others || (o != k && p.Rows[o].Cells[ci].Value != 0)
				}
				if others {
					x.add(t, []forms.CellRef{ref(t, p, k, ci), ref(t, p, ri, ci)},
						fmt.Sprintf("%s %s%s %s 与上级%s相同，而同级其他科目也有金额：可能把合计数抄进了明细", shortTitle(x.doc, t), rowName(p, k), colName(p, ci), v, rowName(p, ri)),
						Value{"明细", amt(v, t.Unit)}, Value{"上级", amt(v, t.Unit)})
				}
			}
		}
	}
}

// evalH4: a 款 or 项 listed without the 类 or 款 above it (the table then
// does not publish that level's total).
func evalH4(x *ctx) {
	x.eachTable(func(t *forms.Table) { tablePart(x, t, true, func() struct{} { h4(x, t); return struct{}{} }) },
		forms.KindExpense, forms.KindGeneral, forms.KindFund, forms.KindSOE, forms.KindBasic)
}

// h4 is H-4 on one table: it reads the codes, not the figures.
func h4(x *ctx, t *forms.Table) {
	p := t.Main()
	if p == nil || t.Def.RowsAreUnits() {
		return
	}
	listed := map[string]bool{}
	for _, r := range p.Rows {
		if r.Code != "" {
			listed[r.Code] = true
		}
	}
	reported := map[string]bool{}
	for ri, r := range p.Rows {
		if r.Type != forms.RowClass {
			continue
		}
		parent := classify.Parent(r.Code)
		if parent == "" || listed[parent] || reported[parent] {
			continue
		}
		reported[parent] = true
		name, _ := x.doc.Catalog().Name(t.Kind.Def().Scheme, parent, x.doc.Meta.Year)
		x.add(t, []forms.CellRef{ref(t, p, ri, -1)}, fmt.Sprintf("%s 列出了 %s，但没有列出其上级科目 %s %s", shortTitle(x.doc, t), rowName(p, ri), parent, name),
			Value{"上级编码", parent})
	}
}
