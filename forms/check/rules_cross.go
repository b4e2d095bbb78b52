package check

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"yusuan/forms"
	"yusuan/forms/classify"
	"yusuan/forms/money"
)

// summaryToIncome relates the 收支总表 income lines to the 收入总表 columns.
var summaryToIncome = []struct{ line, col string }{
	{forms.LineInTotal, forms.ColTotal}, {forms.LineInCurrent, "cur"}, {forms.LineInFiscal, "cur_fiscal"},
	{forms.LineInGeneral, "cur_general"}, {forms.LineInFund, "cur_fund"}, {forms.LineInSOE, "cur_soe"},
	{"in.special", "cur_special"}, {"in.business", "cur_business"}, {"in.operating", "cur_operating"},
	{"in.upper", "cur_upper"}, {"in.affiliated", "cur_affiliated"}, {"in.other", "cur_other"},
}

func evalX1(x *ctx) {
	ts, ok := x.need(forms.KindSummary, forms.KindIncome)
	if !ok {
		return
	}
	sum, inc := ts[0], ts[1]
	in, ip := sum.Pane(forms.SideIn), inc.Main()
	what := shortTitle(x.doc, sum) + "与" + shortTitle(x.doc, inc)
	compared := false
	for _, m := range summaryToIncome {
		ri, ci := in.RowIndex(m.line), ip.Col(m.col)
		if ri < 0 || ci < 0 {
			continue
		}
		a, ok1 := cellFig(sum, forms.SideIn, m.line, forms.ColAmount, "收支总表“"+in.Label(ri)+"”")
		b, ok2 := cellFig(inc, forms.SideNone, forms.RowKeyTotal, m.col, "收入总表合计行“"+ip.Columns[ci].Label+"”")
		if ok1 && ok2 {
			x.equalFigs(sum, what, a, b)
			compared = true
		}
	}
	if !compared {
		x.skipf("%s没有共同列出的收入项目", what)
	}
}

// classLines maps 类 codes to their rows in a pane.
func classLines(p *forms.Pane) map[string]int {
	m := map[string]int{}
	for ri, r := range p.Rows {
		if r.Type == forms.RowClass && len(r.Code) == 3 {
			m[r.Code] = ri
		}
	}
	return m
}

func sortedKeys(ms ...map[string]int) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range ms {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

// classFig is the figure of a 类 line in a column (printed, or exactly
// made of printed columns), or a zero standing for a 类 the table does not
// list where that means it has no money. ok is false when the table does
// not print the column, or leaves the 类 unknown: absent is not zero.
func classFig(t *forms.Table, p *forms.Pane, lines map[string]int, code, col, label string) (fig, bool) {
	if !colCovered(p, col) {
		return fig{}, false
	}
	ri, listed := lines[code]
	if !listed {
		if !unlistedZero(p, code, col) {
			return fig{}, false
		}
		return zeroFig(t, code, printedKey(p, col), label), true
	}
	return figAt(t, p, ri, col, label)
}

func evalX2(x *ctx) {
	ts, ok := x.need(forms.KindSummary, forms.KindExpense)
	if !ok {
		return
	}
	sum, exp := ts[0], ts[1]
	out, ep := sum.Pane(forms.SideOut), exp.Main()
	sl, el := classLines(out), classLines(ep)
	what := shortTitle(x.doc, sum) + "与" + shortTitle(x.doc, exp)
	compared := false
	for _, code := range sortedKeys(sl, el) {
		a, ok1 := classFig(sum, out, sl, code, forms.ColAmount, "收支总表 "+code)
		b, ok2 := classFig(exp, ep, el, code, forms.ColTotal, "支出总表 "+code+" 合计")
		if ok1 && ok2 {
			x.equalFigs(sum, what+" 类 "+code, a, b)
			compared = true
		}
	}
	a, ok1 := figOfCell(sum, forms.SideOut, forms.LineOutCurrent, forms.ColAmount, "收支总表本年支出合计")
	b, ok2 := figOfCell(exp, forms.SideNone, forms.RowKeyTotal, forms.ColTotal, "支出总表合计")
	if ok1 && ok2 {
		x.equalFigs(sum, what, a, b)
		compared = true
	}
	if !compared && !colCovered(ep, forms.ColTotal) {
		x.skipf("%s", columnGap(x.doc, exp, ep))
	} else if !compared && !colCovered(out, forms.ColAmount) {
		x.skipf("%s支出方没有列出%s栏", shortTitle(x.doc, sum), kindColumnLabel(out, forms.ColAmount))
	}
}

func evalX3(x *ctx) {
	ts, ok := x.need(forms.KindSummary, forms.KindFiscal)
	if !ok {
		return
	}
	sum, fis := ts[0], ts[1]
	what := shortTitle(x.doc, sum) + "与" + shortTitle(x.doc, fis)
	compared := false
	whole := fundsWithCarry(sum)
	for _, line := range []string{forms.LineInGeneral, forms.LineInFund, forms.LineInSOE, forms.LineInCarry} {
		a, ok1 := cellFig(sum, forms.SideIn, line, forms.ColAmount, "收支总表“"+lineLabel(sum, forms.SideIn, line)+"”")
		b, ok2 := cellFig(fis, forms.SideIn, line, forms.ColAmount, "财政拨款收支总表“"+lineLabel(fis, forms.SideIn, line)+"”")
		carry := strings.Replace(line, "in.", "in.carry_", 1)
		if c, ok := fis.Pane(forms.SideIn).Value(carry, forms.ColAmount); whole && ok2 && ok && c != 0 {
			// the 收支总表 prints each fund's whole money (重庆's
			// “一般公共预算资金”), this year's and carried over alike
			b.v += c
			b.terms = 2
			b.label += "＋“上年结转" + lineLabel(fis, forms.SideIn, carry) + "”"
		}
		if ok1 && ok2 {
			x.equalFigs(sum, what, a, b)
			compared = true
		}
	}
	if !compared {
		x.skipf("%s没有共同列出的财政拨款收入或结转行", what)
	}
}

// fundsWithCarry: a 收支总表 that prints no carried-over line at all,
// while its 合计 is the whole (重庆): its lines of the funds hold each fund's
// money with what was carried over.
func fundsWithCarry(sum *forms.Table) bool {
	in := sum.Pane(forms.SideIn)
	if in == nil {
		return false
	}
	for _, k := range []string{"in.carry_all", forms.LineInCarry, "in.carry_other", forms.LineInCurrent} {
		if in.RowIndex(k) >= 0 {
			return false
		}
	}
	return true
}

func lineLabel(t *forms.Table, side forms.Side, key string) string {
	p := t.Pane(side)
	if p == nil {
		return key
	}
	if ri := p.RowIndex(key); ri >= 0 {
		return p.Label(ri)
	}
	return key
}

// fundMoney reports whether the 财政拨款收支总表 shows money of a fund
// ("fund" or "soe") this year or carried over; known is false when a line
// it would show it on is not printed.
func fundMoney(fis *forms.Table, fund string) (has, known bool) {
	in := fis.Pane(forms.SideIn)
	if in == nil {
		return false, false
	}
	known = true
	for _, line := range []string{"in." + fund, "in.carry_" + fund} {
		v, ok := lineValue(in, line, forms.ColAmount)
		known = known && ok
		has = has || v != 0
	}
	return has, known || has
}

// generalPart is the 一般公共预算 part of a line of the 支出 side of the
// 财政拨款收支总表: its own column where the table prints one; otherwise
// the line less the 政府性基金 and 国有资本经营 parts, known from their tables
// or zero when the fund has no money. ok is false when it cannot be known;
// terms counts the printed figures it is made of, col is the column read.
func (x *ctx) generalPart(fis *forms.Table, row string) (v money.Amount, terms int, col string, ok bool) {
	out := fis.Pane(forms.SideOut)
	if out == nil {
		return 0, 0, "", false
	}
	if v, ok := out.Value(row, "general"); ok {
		return v, 1, "general", true
	}
	if v, ok = out.Value(row, forms.ColAmount); !ok {
		if row != forms.LineOutCarry {
			return 0, 0, "", false
		}
		if v, ok = lineValue(out, row, forms.ColAmount); !ok {
			return 0, 0, "", false // 结转下年 neither printed nor shown to be nothing
		}
		return v, 0, forms.ColAmount, true
	}
	terms = 1
	for _, f := range []struct {
		fund string
		kind forms.Kind
	}{{"fund", forms.KindFund}, {"soe", forms.KindSOE}} {
		has, known := fundMoney(fis, f.fund)
		if !known {
			return 0, 0, "", false
		}
		if !has {
			continue
		}
		t := x.table(f.kind)
		if t == nil || row == forms.LineOutCarry || t.Main() == nil {
			return 0, 0, "", false
		}
		key := row
		if row == forms.LineOutTotal || row == forms.LineOutCurrent {
			key = forms.RowKeyTotal
		}
		tp := t.Main()
		var part money.Amount
		if ri := tp.RowIndex(key); ri >= 0 {
			pv, known := valueAt(tp, ri, forms.ColTotal)
			if !known {
				return 0, 0, "", false
			}
			part = pv.v
		} else if !unlistedZero(tp, key, forms.ColTotal) {
			return 0, 0, "", false
		}
		part, _ = money.Convert(part, t.Unit, fis.Unit)
		v -= part
		terms += nonZero(part)
	}
	return v, terms, forms.ColAmount, true
}

// nonZero is 1 for a figure printed non-blank: a term of an identity.
func nonZero(vs ...money.Amount) int {
	n := 0
	for _, v := range vs {
		if v != 0 {
			n++
		}
	}
	return n
}

func evalX4(x *ctx) {
	ts, ok := x.need(forms.KindFiscal, forms.KindGeneral)
	if !ok {
		return
	}
	fis, gen := ts[0], ts[1]
	out, gp := fis.Pane(forms.SideOut), gen.Main()
	fl, gl := classLines(out), classLines(gp)
	what := shortTitle(x.doc, fis) + "与" + shortTitle(x.doc, gen)
	if out == nil || gp == nil {
		x.skipf("%s没有支出方", shortTitle(x.doc, fis))
		return
	}
	if !colCovered(gp, forms.ColTotal) {
		x.skipf("%s", columnGap(x.doc, gen, gp))
		return
	}
	// 一般公共预算拨款：本年 + 上年结转 − 结转下年 = 一般公共预算支出表合计
	in := fis.Pane(forms.SideIn)
	cur, ok1 := lineValue(in, forms.LineInGeneral, forms.ColAmount)
	carry, ok2 := lineValue(in, "in.carry_general", forms.ColAmount)
	next, nextTerms, _, known := x.generalPart(fis, forms.LineOutCarry)
	b, ok3 := figOfCell(gen, forms.SideNone, forms.RowKeyTotal, forms.ColTotal, "一般公共预算支出表合计")
	// 中央部门 print this year's appropriation only (年初预算数) in the
	// 一般公共预算支出表, while the 财政拨款收支总表 spends the carried-over
	// money too: each 类 is then at most the 财政拨款收支总表's
	currentOnly := ok1 && ok2 && known && ok3 && carry != next && b.v == cur
	compared := false
	for _, code := range sortedKeys(fl, gl) {
		b, ok := classFig(gen, gp, gl, code, forms.ColTotal, "一般公共预算支出表 "+code+" 合计")
		if !ok {
			continue
		}
		col := forms.ColAmount
		if out.Col(col) < 0 {
			col = "general"
		}
		a := zeroFig(fis, code, col, "财政拨款收支总表 "+code+" 一般公共预算部分")
		if ri, ok := fl[code]; ok {
			v, terms, col, known := x.generalPart(fis, code)
			if !known {
				continue
			}
			a.v, a.terms, a.ref = v, terms, ref(fis, out, ri, out.Col(col))
		} else if out.Col(col) < 0 || !unlistedZero(out, code, col) {
			continue // the 支出 side does not say the 类 has no money
		}
		compared = true
		if currentOnly {
			if carry > next {
				x.atMost(fis, what+" 类 "+code+"（一般公共预算支出表只列本年拨款）", b, a)
			}
			continue
		}
		x.equalFigs(fis, what+" 类 "+code, a, b)
	}
	if !ok1 || !ok2 || !known || !ok3 {
		if !compared {
			x.skipf("%s没有列出一般公共预算拨款的本年收入、上年结转或结转下年", shortTitle(x.doc, fis))
		}
		return
	}
	if currentOnly {
		return // the total is this year's appropriation, as printed
	}
	a := tableFig(fis, cur+carry-next, forms.CellRef{Table: fis.ID, Row: lineLabel(fis, forms.SideIn, forms.LineInGeneral), Column: forms.ColAmount},
		"一般公共预算拨款（本年＋上年结转－结转下年）")
	a.terms = nonZero(cur, carry)
	if next != 0 {
		a.terms += nextTerms
	}
	a.terms = max(a.terms, 1)
	x.equalFigs(fis, what, a, b)
}

func evalX5(x *ctx) {
	fis := x.table(forms.KindFiscal)
	if fis == nil {
		x.skipf("没有财政拨款收支总表")
		return
	}
	out, in := fis.Pane(forms.SideOut), fis.Pane(forms.SideIn)
	ran, provided := false, false
	for _, f := range []struct {
		fund, name string
		kind       forms.Kind
	}{{"fund", "政府性基金", forms.KindFund}, {"soe", "国有资本经营", forms.KindSOE}} {
		t := x.table(f.kind)
		if t == nil || out == nil || in == nil {
			continue
		}
		provided = true
		b, ok := figOfCell(t, forms.SideNone, forms.RowKeyTotal, forms.ColTotal, shortTitle(x.doc, t)+"合计")
		if !ok {
			continue // the fund table's 合计 is not printed
		}
		var a fig
		if v, ok := out.Value(forms.LineOutTotal, f.fund); ok {
			a, _ = cellFig(fis, forms.SideOut, forms.LineOutTotal, f.fund, "财政拨款收支总表 支出总计 "+f.name)
			a.v = v
		} else {
			// this year's and carried money of the fund, when none of it is
			// carried to next year
			carryOut, ok := lineValue(out, forms.LineOutCarry, forms.ColAmount)
			has, known := fundMoney(fis, f.fund)
			if !ok || !known || carryOut != 0 && has {
				continue // the fund's share of 结转下年 is not printed
			}
			cur, ok1 := lineValue(in, "in."+f.fund, forms.ColAmount)
			carry, ok2 := lineValue(in, "in.carry_"+f.fund, forms.ColAmount)
			if !ok1 || !ok2 {
				continue
			}
			a = tableFig(fis, cur+carry, forms.CellRef{Table: fis.ID, Row: lineLabel(fis, forms.SideIn, "in."+f.fund), Column: forms.ColAmount},
				"财政拨款收支总表 "+f.name+"预算拨款（本年＋上年结转）")
			a.terms = max(nonZero(cur, carry), 1)
		}
		ran = true
		x.equalFigs(fis, shortTitle(x.doc, fis)+"与"+shortTitle(x.doc, t), a, b)
	}
	switch {
	case !provided:
		x.skipf("没有政府性基金表或国有资本经营表")
	case !ran:
		x.skipf("政府性基金表、国有资本经营表与财政拨款收支总表没有共同列出的数")
	}
}

// onlyGeneral reports whether the department's only money is 一般公共预算拨款.
// In a document's own table list, a line or column not printed may hold
// money: the answer is then yes only when the printed totals show it.
func (x *ctx) onlyGeneral() bool {
	if t := x.table(forms.KindSummary); t != nil {
		in := t.Pane(forms.SideIn)
		ci := -1
		if in != nil {
			ci = in.Col(forms.ColAmount)
		}
		if x.own() && in != nil {
			total, ok1 := in.Value(forms.LineInTotal, forms.ColAmount)
			general, ok2 := in.Value(forms.LineInGeneral, forms.ColAmount)
			if ok1 && ok2 {
				return total == general
			}
		} else if ci >= 0 {
			for _, r := range in.Rows {
				switch r.Key {
				case forms.LineInGeneral, forms.LineInFiscal, forms.LineInCurrent, forms.LineInTotal:
					continue
				}
				if r.Cells[ci].Value != 0 && !r.Computed() {
					return false
				}
			}
			return true
		}
	}
	if t := x.table(forms.KindIncome); t != nil && t.Main() != nil {
		p := t.Main()
		ri := p.RowIndex(forms.RowKeyTotal)
		if ri < 0 {
			return false
		}
		if x.own() {
			total, ok1 := p.Value(forms.RowKeyTotal, forms.ColTotal)
			cur, ok2 := p.Value(forms.RowKeyTotal, "cur_general")
			prev, _ := p.Value(forms.RowKeyTotal, "prev_general") // not printed: the total shows whether there is other money
			return ok1 && ok2 && total == cur+prev
		}
		for ci, c := range p.Columns {
			switch c.Key {
			case forms.ColTotal, "cur", "cur_fiscal", "cur_general", "prev", "prev_general":
				continue
			}
			if c.Text {
				continue
			}
			if p.Rows[ri].Cells[ci].Value != 0 {
				return false
			}
		}
		return true
	}
	return false
}

func codedRows(p *forms.Pane) map[string]int {
	m := map[string]int{}
	for ri, r := range p.Rows {
		if r.Type == forms.RowClass || r.Type == forms.RowTotal {
			key := r.Code
			if r.Type == forms.RowTotal {
				key = forms.RowKeyTotal
			}
			if _, dup := m[key]; !dup {
				m[key] = ri
			}
		}
	}
	return m
}

// x6Lines are the lines X-6 compares, worked out from the two tables'
// codes (their shapes) once.
type x6Lines struct {
	er, gr map[string]int
	keys   []x6Key
	any    bool // the tables list any line at all
}

type x6Key struct {
	key  string
	e, g int // the line in each table, -1 when not listed
}

func newX6Lines(ep, gp *forms.Pane) *x6Lines {
	l := &x6Lines{er: codedRows(ep), gr: codedRows(gp)}
	keys := sortedKeys(l.er, l.gr)
	l.any = len(keys) > 0
	for _, key := range keys {
		e, inE := l.er[key]
		g, inG := l.gr[key]
		if (!inE && listsBelow(l.er, key)) || (!inG && listsBelow(l.gr, key)) {
			continue // one table lists this level's lines, the other only the lines below it
		}
		if !inE {
			e = -1
		}
		if !inG {
			g = -1
		}
		l.keys = append(l.keys, x6Key{key, e, g})
	}
	return l
}

// amountCol is a printed amount column's index, or -1.
func amountCol(p *forms.Pane, key string) int {
	if ci := p.Col(key); ci >= 0 && !p.Columns[ci].Text {
		return ci
	}
	return -1
}

func evalX6(x *ctx) {
	ts, ok := x.need(forms.KindExpense, forms.KindGeneral)
	if !ok {
		return
	}
	exp, gen := ts[0], ts[1]
	ep, gp := exp.Main(), gen.Main()
	equal := x.onlyGeneral()
	lines := memo(x, "lines", []string{tableToken(exp, true), tableToken(gen, true)}, func() *x6Lines { return newX6Lines(ep, gp) })
	er, gr := lines.er, lines.gr
	what := shortTitle(x.doc, exp) + "与" + shortTitle(x.doc, gen)
	compared := false
	cols := [...]string{forms.ColTotal, forms.ColBasic, forms.ColProject}
	var ce, cg [len(cols)]int
	for i, col := range cols {
		ce[i], cg[i] = amountCol(ep, col), amountCol(gp, col)
	}
	for _, k := range lines.keys {
		key := k.key
		for i, col := range cols {
			if exp.Unit == gen.Unit && k.e >= 0 && k.g >= 0 && ce[i] >= 0 && cg[i] >= 0 &&
				ep.Rows[k.e].Cells[ce[i]].Value == gp.Rows[k.g].Cells[cg[i]].Value {
				compared = true // both printed and equal: nothing to report (most lines, read fast)
				continue
			}
			a, ok1 := classFig(exp, ep, er, key, col, "")
			b, ok2 := classFig(gen, gp, gr, key, col, "")
			if !ok1 || !ok2 {
				continue
			}
			compared = true
			if g := gapOf(a, b); g.diff == 0 || (!equal && g.diff >= 0) {
				continue // labels are made only for what is reported
			}
			label := key
			if key == forms.RowKeyTotal {
				label = "合计"
			}
			a.label = "支出总表 " + label + " " + kindColumnLabel(ep, col)
			b.label = "一般公共预算支出表 " + label + " " + kindColumnLabel(gp, col)
			if equal {
				x.equalFigs(exp, what+"（本部门只有一般公共预算拨款，两表应一致）", a, b)
			} else {
				x.atMost(exp, what+"（一般公共预算部分不应超过全部资金）", b, a)
			}
		}
	}
	if !compared && lines.any {
		x.skipf("%s没有共同列出的合计、基本支出或项目支出栏", what)
	}
}

// listsBelow reports whether a table lists any code under the given one.
func listsBelow(rows map[string]int, code string) bool {
	for c := range rows {
		if classify.IsAncestor(code, c) {
			return true
		}
	}
	return false
}

func evalX7(x *ctx) {
	ts, ok := x.need(forms.KindGeneral, forms.KindBasic)
	if !ok {
		return
	}
	gen, bas := ts[0], ts[1]
	gp, bp := gen.Main(), bas.Main()
	if gp == nil || bp == nil {
		x.skipf("%s或%s没有可核对的栏目", shortTitle(x.doc, gen), shortTitle(x.doc, bas))
		return
	}
	what := shortTitle(x.doc, gen) + "与" + shortTitle(x.doc, bas)
	gt, bt := gp.RowIndex(forms.RowKeyTotal), bp.RowIndex(forms.RowKeyTotal)
	compared := false
	// 基本支出 = 基本支出表合计, either read as 人员经费 + 公用经费 where its
	// table prints those and not the total (the kind's definition); when
	// both are so made, the two comparisons below already say it
	gb, ok1 := figAt(gen, gp, gt, forms.ColBasic, "一般公共预算支出表基本支出")
	bb, ok2 := figAt(bas, bp, bt, forms.ColTotal, "基本支出表合计")
	if ok1 && ok2 && (gp.Col(forms.ColBasic) >= 0 || bp.Col(forms.ColTotal) >= 0) {
		x.equalFigs(gen, what, gb, bb)
		compared = true
	}
	for _, m := range []struct{ col, label string }{{forms.ColPersonnel, "人员经费"}, {forms.ColPublic, "公用经费"}} {
		a, ok1 := cellFig(gen, forms.SideNone, forms.RowKeyTotal, m.col, "一般公共预算支出表"+m.label)
		b, ok2 := cellFig(bas, forms.SideNone, forms.RowKeyTotal, m.col, "基本支出表"+m.label)
		if ok1 && ok2 {
			x.equalFigs(gen, what, a, b)
			compared = true
		}
	}
	if !compared {
		x.skipf("%s没有共同列出的基本支出、人员经费或公用经费", what)
	}
}

// projectFunds adds a row's figures in the columns; n counts those printed.
func projectFunds(p *forms.Pane, ri int, cols ...string) (s money.Amount, n int) {
	for _, c := range cols {
		if ci := p.Col(c); ci >= 0 {
			v := p.Rows[ri].Cells[ci].Value
			s += v
			n += nonZero(v)
		}
	}
	return s, n
}

func evalX8(x *ctx) {
	prj := x.table(forms.KindProjects)
	if prj == nil || prj.Main() == nil {
		x.skipf("没有项目支出表")
		return
	}
	exp, gen := x.table(forms.KindExpense), x.table(forms.KindGeneral)
	if exp != nil && exp.Main() == nil {
		exp = nil
	}
	if gen != nil && gen.Main() == nil {
		gen = nil
	}
	if exp == nil && gen == nil {
		x.skipf("没有支出总表和一般公共预算支出表")
		return
	}
	pp := prj.Main()
	total := pp.RowIndex(forms.RowKeyTotal)
	compared := false
	if exp != nil {
		a, ok1 := cellFig(exp, forms.SideNone, forms.RowKeyTotal, forms.ColProject, "支出总表项目支出")
		b, ok2 := figAt(prj, pp, total, forms.ColTotal, "项目支出表合计")
		if ok1 && ok2 {
			x.equalFigs(exp, shortTitle(x.doc, exp)+"与"+shortTitle(x.doc, prj), a, b)
			compared = true
		}
	}
	// the 一般公共预算 money of the projects: this year's and carried
	generalCols := []string{"cur_general", "carry_general"}
	projectGeneral := total >= 0 && pp.Col(generalCols[0]) >= 0 && pp.Col(generalCols[1]) >= 0
	if gen != nil && projectGeneral {
		a, ok := cellFig(gen, forms.SideNone, forms.RowKeyTotal, forms.ColProject, "一般公共预算支出表项目支出")
		v, n := projectFunds(pp, total, generalCols...)
		b := tableFig(prj, v, ref(prj, pp, total, pp.Col(generalCols[0])), "项目支出表一般公共预算（本年＋结转）")
		b.terms = max(n, 1)
		if ok {
			x.equalFigs(gen, shortTitle(x.doc, gen)+"与"+shortTitle(x.doc, prj), a, b)
			compared = true
		}
	}
	// per 功能分类 code: the projects budgeted under a 项 add up to its 项目支出
	var target *forms.Table
	var cols []string
	switch {
	case exp != nil && exp.Main().Col(forms.ColProject) >= 0 && colCovered(pp, forms.ColTotal):
		target, cols = exp, []string{forms.ColTotal}
	case gen != nil && gen.Main().Col(forms.ColProject) >= 0 && projectGeneral:
		target, cols = gen, generalCols
	}
	if target == nil {
		if !compared {
			x.skipf("%s与支出表没有共同列出的项目支出数", shortTitle(x.doc, prj))
		}
		return
	}
	// the projects by code, from the table's shape; the sums from its figures
	groups := memo(x, "groups", []string{tableToken(prj, true)}, func() *x8Groups { return newX8Groups(pp) })
	reads := []string{tableToken(target, false), tableToken(prj, false)}
	memo(x, "codes "+target.ID+" "+strings.Join(cols, "+"), reads, func() struct{} {
		x8Codes(x, prj, target, cols, groups)
		return struct{}{}
	})
}

// x8Groups are the project lines by the 功能分类 code they are budgeted
// under, in code order, and the lines without one.
type x8Groups struct {
	codes  []string
	rowsOf map[string][]int
	noFunc []int
}

func newX8Groups(pp *forms.Pane) *x8Groups {
	g := &x8Groups{rowsOf: map[string][]int{}}
	for ri, r := range pp.Rows {
		if r.Type != forms.RowProject {
			continue
		}
		if r.Project.Func == "" {
			g.noFunc = append(g.noFunc, ri)
			continue
		}
		if _, ok := g.rowsOf[r.Project.Func]; !ok {
			g.codes = append(g.codes, r.Project.Func)
		}
		g.rowsOf[r.Project.Func] = append(g.rowsOf[r.Project.Func], ri)
	}
	sort.Strings(g.codes)
	return g
}

// x8Codes: the projects budgeted under a 项 add up to its 项目支出.
func x8Codes(x *ctx, prj, target *forms.Table, cols []string, g *x8Groups) {
	pp := prj.Main()
	for _, ri := range g.noFunc {
		x.add(prj, []forms.CellRef{ref(prj, pp, ri, -1)}, fmt.Sprintf("%s %s 没有填功能分类科目，无法与%s的项级科目核对", shortTitle(x.doc, prj), rowName(pp, ri), shortTitle(x.doc, target)))
	}
	printed := make([]int, len(cols))
	for j, c := range cols {
		printed[j] = amountCol(pp, c)
	}
	tp := target.Main()
	lines := codedRows(tp)
	for _, code := range g.codes {
		var sum money.Amount
		var terms int
		for _, ri := range g.rowsOf[code] {
			for j, c := range cols {
				if ci := printed[j]; ci >= 0 {
					v := pp.Rows[ri].Cells[ci].Value
					sum += v
					terms += nonZero(v)
					continue
				}
				pv, _ := valueAt(pp, ri, c) // covered: checked by evalX8
				sum += pv.v
				terms += pv.terms
			}
		}
		a, ok := classFig(target, tp, lines, code, forms.ColProject, "")
		if !ok {
			continue // the code is not listed, and its 项目支出 not known to be nothing
		}
		b := tableFig(prj, sum, forms.CellRef{}, "")
		b.terms = max(terms, 1)
		if gapOf(a, b).diff == 0 {
			continue
		}
		a.label = shortTitle(x.doc, target) + " " + code + " 项目支出"
		b.label = "项目支出表中列在 " + code + " 的项目合计"
		cells := []forms.CellRef{a.ref}
		for _, ri := range g.rowsOf[code] {
			cells = append(cells, ref(prj, pp, ri, pp.Col(printedKey(pp, cols[0]))))
		}
		b.ref = cells[1]
		n := len(x.found)
		x.equalFigs(target, shortTitle(x.doc, target)+"与"+shortTitle(x.doc, prj)+" 科目 "+code, a, b)
		if len(x.found) > n {
			x.found[len(x.found)-1].Cells = cells
		}
	}
}

// sangongItems relates the 三公 items to the economic codes of the 基本支出表.
var sangongItems = []struct{ code, col, label string }{
	{"30212", "abroad", "因公出国（境）费"},
	{"31013", "car_buy", "公务用车购置费"},
	{"30231", "car_run", "公务用车运行费"},
	{"30217", "reception", "公务接待费"},
}

// basicRowFig is a 基本支出表 line's money: its 合计, or where the table
// does not print one, the 人员经费 and 公用经费 it prints. Without one of
// them the sum is only part of the line's money; a part that exceeds the
// 三公 item is still an excess, so it serves for X-9's "part ≤ whole".
func basicRowFig(t *forms.Table, p *forms.Pane, ri int, label string) (fig, bool) {
	if f, ok := figAt(t, p, ri, forms.ColTotal, label); ok {
		return f, true
	}
	var v money.Amount
	terms, ci := 0, -1
	for _, key := range []string{forms.ColPersonnel, forms.ColPublic} {
		if c := p.Col(key); c >= 0 {
			v += p.Rows[ri].Cells[c].Value
			terms += nonZero(p.Rows[ri].Cells[c].Value)
			if ci < 0 || p.Rows[ri].Cells[c].Value != 0 {
				ci = c
			}
		}
	}
	if ci < 0 {
		return fig{}, false
	}
	f := tableFig(t, v, ref(t, p, ri, ci), label)
	f.terms = max(terms, 1)
	return f, true
}

// sangongWhole is the 三公 table column an item is compared with: the
// item's own, or where the table does not print it, 公务用车购置及运行费
// for 购置费 and 运行费 (their sum is within it). A 合计 printed without the
// items is not used: the four items against it say little, and a 三公
// table printing nothing else is more likely misread.
func sangongWhole(p *forms.Pane, col string) string {
	if p.Col(col) >= 0 {
		return col
	}
	if c, ok := p.Kind().Column(p.Side, col); ok && c.Parent == "car" && p.Col("car") >= 0 {
		return "car"
	}
	return ""
}

func evalX9(x *ctx) {
	ts, ok := x.need(forms.KindSangong, forms.KindBasic)
	if !ok {
		return
	}
	sg, bas := ts[0], ts[1]
	bp, sp := bas.Main(), sg.Main()
	if bp == nil || sp == nil || sp.RowIndex(forms.LineSangongCurrent) < 0 {
		x.skipf("%s没有列出本年预算数", shortTitle(x.doc, sg))
		return
	}
	// items grouped by the column they are compared with, in item order
	type group struct {
		parts []fig
		label string // the 三公 figure's name
	}
	groups := map[string]*group{}
	var order []string
	comparable := false
	for _, it := range sangongItems {
		whole := sangongWhole(sp, it.col)
		if whole == "" {
			continue
		}
		comparable = true
		ri := bp.RowIndex(it.code)
		if ri < 0 {
			continue // not listed: no money under it
		}
		part, ok := basicRowFig(bas, bp, ri, "基本支出表 "+it.code+" "+bp.Rows[ri].Name)
		if !ok {
			continue
		}
		g := groups[whole]
		if g == nil {
			g = &group{label: sangongWholeLabels[whole]}
			if whole == it.col {
				g.label = it.label
			}
			groups[whole] = g
			order = append(order, whole)
		}
		g.parts = append(g.parts, part)
	}
	if !comparable {
		x.skipf("%s没有列出因公出国（境）费、公务用车购置及运行费或公务接待费", shortTitle(x.doc, sg))
		return
	}
	what := shortTitle(x.doc, bas) + "与“三公”经费表（基本支出中的这一项是“三公”经费的一部分）"
	for _, key := range order {
		g := groups[key]
		whole, ok := cellFig(sg, forms.SideNone, forms.LineSangongCurrent, key, "“三公”经费表"+g.label)
		if !ok {
			continue
		}
		part := g.parts[0]
		cells := []forms.CellRef{part.ref}
		if len(g.parts) > 1 {
			var names []string
			for _, p := range g.parts[1:] {
				part.v += p.v
				part.terms += p.terms
				cells = append(cells, p.ref)
			}
			for _, p := range g.parts {
				names = append(names, strings.TrimPrefix(p.label, "基本支出表 "))
			}
			part.label = "基本支出表 " + strings.Join(names, "、")
		}
		n := len(x.found)
		x.atMost(bas, what, part, whole)
		if len(x.found) > n && len(cells) > 1 {
			x.found[len(x.found)-1].Cells = append(cells, whole.ref)
		}
	}
}

// sangongWholeLabels name the 三公 columns that add items up.
var sangongWholeLabels = map[string]string{"car": "公务用车购置及运行费"}

// operatingFigure is 机关运行经费 as the document states it: the 三公
// table's column (Shanghai) or the extra input, else the text.
func (x *ctx) operatingFigure() (fig, bool) {
	if f, ok := x.operatingStated(); ok {
		return f, true
	}
	for _, st := range x.text().amounts {
		if st.subject == subjOperating && !st.prevYear {
			return st.fig("情况说明中的机关运行经费"), true
		}
	}
	return fig{}, false
}

func evalX10(x *ctx) {
	op, ok := x.operatingFigure()
	if !ok {
		x.skipf("没有单独填写机关运行经费（按公用经费计）")
		return
	}
	// 公用经费 from the 基本支出表, or the 一般公共预算支出表 where that is
	// not provided or does not print it
	for _, c := range []struct {
		kind  forms.Kind
		label string
	}{{forms.KindBasic, "基本支出表公用经费"}, {forms.KindGeneral, "一般公共预算支出表公用经费"}} {
		t := x.table(c.kind)
		if t == nil {
			continue
		}
		if pub, ok := cellFig(t, forms.SideNone, forms.RowKeyTotal, forms.ColPublic, c.label); ok {
			if hasInstitutions(x) {
				// 机关运行经费 is the offices' part of the 公用经费; the
				// 事业单位 (烟台's 事业运行 line) have theirs too
				x.atMost(t, "机关运行经费与公用经费（部门含事业单位，前者不应超过后者）", op, pub)
				return
			}
			x.equalFigs(t, "机关运行经费与公用经费（行政单位和参公单位两者应一致）", op, pub)
			return
		}
	}
	x.skipf("没有列出公用经费的表")
}

// hasInstitutions: the department spends on a 项 of 事业单位, so its 公用经费
// are not all the offices'.
func hasInstitutions(x *ctx) bool {
	for _, k := range []forms.Kind{forms.KindGeneral, forms.KindExpense} {
		t := x.table(k)
		if t == nil || t.Main() == nil {
			continue
		}
		for _, r := range t.Main().Rows {
			if r.Type == forms.RowClass && len(r.Code) == 7 && institutionLine(r.Name) {
				return true
			}
		}
	}
	return false
}

// institutionLine: a 项 only 事业单位 spend on: 事业运行, 机构运行 (科学技术),
// 气象事业机构, 事业单位医疗, 事业单位离退休 (not 机关事业单位…, which
// offices pay too).
func institutionLine(name string) bool {
	for _, w := range []string{"事业运行", "机构运行", "事业机构"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return strings.HasPrefix(name, "事业单位")
}

// projectCounts counts the 一级项目 (by name) and the 二级项目 of a 项目支出表.
func projectCounts(pp *forms.Pane) (l1, l2 int) {
	names := map[string]bool{}
	last := ""
	for _, r := range pp.Rows {
		if r.Type != forms.RowProject {
			continue
		}
		l2++
		// the lines of one 一级项目 stand together: its name is looked up
		// once for them
		if n := r.Project.L1; n != "" && n != last {
			names[n], last = true, n
		}
	}
	return len(names), l2
}

// textProjectCounts compares the 绩效 section's counts and sums with the
// project table.
func (x *ctx) textProjectCounts(prj *forms.Table) {
	pp := prj.Main()
	if pp == nil {
		return
	}
	counts := memo(x, "counts", []string{tableToken(prj, true)}, func() [2]int {
		l1, l2 := projectCounts(pp)
		return [2]int{l1, l2}
	})
	total, totalOK := figOfCell(prj, forms.SideNone, forms.RowKeyTotal, forms.ColTotal, "项目支出表合计")
	for _, c := range x.text().counts {
		want := -1
		switch c.what {
		case "一级项目":
			want = counts[0]
		case "二级项目":
			want = counts[1]
		}
		if want >= 0 && c.n != want {
			x.addText(c.part, []forms.CellRef{c.ref}, fmt.Sprintf("情况说明称%s共 %d 项，项目支出表列有 %d 项", c.what, c.n, want),
				Value{"文字", fmt.Sprint(c.n)}, Value{"项目支出表", fmt.Sprint(want)})
		}
		if c.sumSet && totalOK {
			x.equalFigs(prj, "情况说明中的"+c.what+"金额与项目支出表", fig{v: c.sum, u: c.unit, ref: c.ref, label: "文字", step: textStep(c.num, c.unit), text: true}, total)
		}
	}
}

// x11Lines are a 项目支出表's project lines by name: 二级 (and, in a
// consolidated document, by name and unit) and 一级.
type x11Lines struct {
	owners         []string
	l2rows, l1rows map[string]int
	lines          []int // the 一级 and 二级 lines, in order
}

// x11Group names an 一级项目 of a unit.
func x11Group(l1, unit string) string { return classify.FoldName(l1) + "\x00" + unit }

// x11Part is what X-11 read of one project form: the line it goes with
// (-1: none) and, for a 二级 form, its 一级 and its 年度资金总额; kept
// with the form, the generation of the table's shape it was matched in and
// the line's figure it was compared with (fig, figOK).
type x11Part struct {
	ri    int
	group string
	total money.Amount
	level string
	shape uint64
	fig   money.Amount
	figOK bool
}

// x11Form compares a project form with its line of the 项目支出表.
func x11Form(x *ctx, f *forms.ProjectPerf, pt, prj *forms.Table, idx *x11Lines, l1Shares map[int][]forms.Share) x11Part {
	pp := prj.Main()
	v := x11Part{ri: -1, level: f.Level, total: f.Money.TotalValue()}
	formRef := forms.CellRef{Table: pt.ID, Row: f.Name, Column: "年度资金总额"}
	ri, ok := -1, false
	if f.Level == forms.ProjectLevel1 {
		ri, ok = idx.l1rows[classify.FoldName(f.Name)]
	} else if ri, ok = idx.l2rows[classify.FoldName(f.Name)+"\x00"+f.Unit]; !ok {
		ri, ok = idx.l2rows[classify.FoldName(f.Name)]
	}
	if !ok {
		x.addForm(pt, *f, []forms.CellRef{formRef}, fmt.Sprintf("绩效表“%s”（%s）在%s中找不到同名项目", f.Name, f.Level, shortTitle(x.doc, prj)), Value{"项目", f.Name})
		return v
	}
	v.ri = ri
	if f.Level == forms.ProjectLevel2 {
		v.group = x11Group(pp.Rows[ri].Project.L1, f.Unit)
	}
	a := fig{v: f.Money.TotalValue(), u: money.WanYuan, ref: formRef, label: "绩效表年度资金总额"}
	b, ok := figAt(prj, pp, ri, forms.ColTotal, "项目支出表金额")
	v.fig, v.figOK = b.v, ok
	if !ok {
		return v // the table prints no amount to compare with
	}
	if f.Level == forms.ProjectLevel1 && f.Unit != "" && x.doc.Merge != nil {
		ci := pp.Col(forms.ColTotal)
		if ci < 0 {
			return v // a unit's part is traced through a printed 合计 only
		}
		shares, ok := l1Shares[ri]
		if !ok {
			shares = pp.Trace(ri, ci)
			l1Shares[ri] = shares
		}
		b.v, b.label = unitShare(x.doc, shares, f.Unit), "项目支出表中本单位的金额"
	}
	n := len(x.found)
	x.equalFigs(pt, "项目“"+f.Name+"”的绩效表与"+shortTitle(x.doc, prj), a, b)
	x.formUnits(n, f.Unit)
	return v
}

// x11Forms are the lines that have a form, the 一级 (of a unit) some of
// whose 二级 lines have none, and the sums of the 二级 forms by 一级.
type x11Forms struct {
	hasForm    []bool
	incomplete map[string]bool
	l2Forms    map[string]money.Amount // 一级 name and unit → Σ its 二级 forms
	l2Terms    map[string]int          // and how many of them are printed non-zero
}

func newX11Forms(pp *forms.Pane, idx *x11Lines, parts []*x11Part) *x11Forms {
	a := &x11Forms{hasForm: make([]bool, len(pp.Rows)), incomplete: map[string]bool{}, l2Forms: map[string]money.Amount{}, l2Terms: map[string]int{}}
	for _, v := range parts {
		if v == nil || v.ri < 0 {
			continue
		}
		a.hasForm[v.ri] = true
		if v.level == forms.ProjectLevel2 {
			a.l2Forms[v.group] += v.total
			a.l2Terms[v.group] += nonZero(v.total)
		}
	}
	for _, ri := range idx.lines {
		if r := pp.Rows[ri]; r.Type == forms.RowProject && !a.hasForm[ri] {
			a.incomplete[x11Group(r.Project.L1, idx.owners[ri])] = true
		}
	}
	return a
}

func newX11Lines(d *forms.Document, pp *forms.Pane) *x11Lines {
	l := &x11Lines{owners: make([]string, len(pp.Rows)), l2rows: map[string]int{}, l1rows: map[string]int{}}
	for ri, r := range pp.Rows {
		if r.Type == forms.RowProject || r.Type == forms.RowL1 {
			l.lines = append(l.lines, ri)
		}
		switch r.Type {
		case forms.RowProject:
			l.owners[ri] = d.LineUnit(r)
			k := classify.FoldName(r.Project.L2)
			l.l2rows[k] = ri
			if l.owners[ri] != "" {
				l.l2rows[k+"\x00"+l.owners[ri]] = ri
			}
		case forms.RowL1:
			l.l1rows[classify.FoldName(r.Name)] = ri
		}
	}
	return l
}

func evalX11(x *ctx) {
	prj := x.table(forms.KindProjects)
	if prj == nil || prj.Main() == nil || x.doc.First(forms.KindPerfProject) == nil {
		x.skipf("没有项目支出表或项目绩效表")
		return
	}
	pp := prj.Main()
	// In a consolidated document each project line and each form is one
	// unit's: a form goes with its unit's line of that name, and an 一级
	// form with its unit's part of the 一级 line (several units may share
	// an 一级项目). The lines by name come from the table's shape (in a
	// consolidated document a line's unit is read from where its figures
	// came from, so from the whole table).
	lines := tableToken(prj, x.doc.Merge == nil)
	idx := memo(x, "lines", []string{lines}, func() *x11Lines { return newX11Lines(x.doc, pp) })
	// each form against its line: a form's part is kept with the form, the
	// shape it was matched in and the figure it was compared with
	ci := amountCol(pp, forms.ColTotal)
	figure := func(ri int) (money.Amount, bool) {
		if ci >= 0 {
			return pp.Rows[ri].Cells[ci].Value, true
		}
		v, ok := valueAt(pp, ri, forms.ColTotal)
		return v.v, ok
	}
	keep := x.memo != nil && x.doc.Merge == nil
	var shapeGen uint64
	if keep {
		shapeGen = x.memo.gens[lines]
	}
	l1Shares := map[int][]forms.Share{} // an 一级 line's units, worked out once
	parts := make([]*x11Part, len(x.doc.Perf.Projects))
	var seen []formSeen
	if keep {
		seen = x.seenForms()
	}
	for i := range x.doc.Perf.Projects {
		f := &x.doc.Perf.Projects[i]
		if !keep {
			if id := x.projectTable(f.Level); id != "" {
				v := x11Form(x, f, x.doc.Table(id), prj, idx, l1Shares)
				parts[i] = &v
			}
			continue
		}
		e := &seen[i]
		if e.table == "" {
			continue // no table of the template shows forms of this level
		}
		if v := &e.x11; e.done[slotX11] && v.shape == shapeGen {
			if v.ri < 0 {
				x.found = append(x.found, e.found[slotX11]...)
				parts[i] = v
				continue
			}
			if fig, figOK := figure(v.ri); fig == v.fig && figOK == v.figOK {
				x.found = append(x.found, e.found[slotX11]...)
				parts[i] = v
				continue
			}
		}
		n := len(x.found)
		e.x11 = x11Form(x, f, x.doc.Table(e.table), prj, idx, l1Shares)
		e.x11.shape = shapeGen
		e.found[slotX11], e.done[slotX11] = slices.Clone(x.found[n:]), true
		parts[i] = &e.x11
	}
	// which lines have a form, and the 二级 forms' sums by 一级: from the
	// forms and the lines they go with, not from the figures
	reads := []string{"perf", lines}
	agg := memo(x, "forms", reads, func() *x11Forms { return newX11Forms(pp, idx, parts) })
	memo(x, "without", reads, func() struct{} {
		name := shortTitle(x.doc, prj)
		for _, ri := range idx.lines {
			if agg.hasForm[ri] {
				continue
			}
			r := pp.Rows[ri]
			n := r.Name
			level := forms.ProjectLevel1
			if r.Type == forms.RowProject {
				n, level = r.Project.L2, forms.ProjectLevel2
			}
			x.add(prj, []forms.CellRef{ref(prj, pp, ri, pp.Col(printedKey(pp, forms.ColTotal)))}, fmt.Sprintf("%s中的%s“%s”没有绩效目标表", name, level, n), Value{"项目", n})
		}
		return struct{}{}
	})
	// an 一级 form adds up its 二级 forms, when every 二级 line has one
	memo(x, "level1", reads, func() struct{} {
		for i := range x.doc.Perf.Projects {
			f := &x.doc.Perf.Projects[i]
			if f.Level != forms.ProjectLevel1 {
				continue
			}
			g := x11Group(f.Name, f.Unit)
			if agg.incomplete[g] {
				continue
			}
			pt := x.perfTable(forms.KindPerfProject, f.Level)
			if sum, ok := agg.l2Forms[g]; ok && pt != nil {
				n := len(x.found)
				x.equalFigs(pt, "一级项目“"+f.Name+"”的绩效表与其二级项目绩效表",
					fig{v: f.Money.TotalValue(), u: money.WanYuan, ref: forms.CellRef{Table: pt.ID, Row: f.Name, Column: "年度资金总额"}, label: "一级项目年度资金总额"},
					fig{v: sum, u: money.WanYuan, ref: forms.CellRef{Table: pt.ID, Row: f.Name}, label: "二级项目年度资金总额合计", terms: max(agg.l2Terms[g], 1)})
				x.formUnits(n, f.Unit)
			}
		}
		return struct{}{}
	})
	x.textProjectCounts(prj)
}

// evalX11Text is X-11's part about the 情况说明: the project counts.
func evalX11Text(x *ctx) {
	if prj := x.table(forms.KindProjects); prj != nil {
		x.textProjectCounts(prj)
	}
}

func evalX12(x *ctx) {
	ran := false
	if p := x.doc.Inputs.Procurement; p != nil {
		ran = true
		parts := p.Goods + p.Works + p.Services
		if p.TotalValue() != parts {
			// figures given in 万元 to two decimals: each may carry its rounding
			var t tally
			t.add(unitStep(money.WanYuan), 1+nonZero(p.Goods, p.Works, p.Services), money.WanYuan)
			cells := []forms.CellRef{{Table: "inputs", Row: "政府采购"}}
			vals := []Value{{"总额", amt(p.TotalValue(), money.WanYuan)}, {"分项合计", amt(parts, money.WanYuan)}}
			if diff := cents(p.TotalValue()-parts, money.WanYuan); t.within(diff) {
				x.addTextSev(Hint, "inputs", cells, fmt.Sprintf("政府采购总额 %s 与货物 %s ＋ 工程 %s ＋ 服务 %s ＝ %s %s",
					amt(p.TotalValue(), money.WanYuan), p.Goods, p.Works, p.Services, amt(parts, money.WanYuan), t.note(diff, money.WanYuan)), vals...)
			} else {
				x.addText("inputs", cells, fmt.Sprintf("政府采购总额 %s ≠ 货物 %s ＋ 工程 %s ＋ 服务 %s ＝ %s",
					amt(p.TotalValue(), money.WanYuan), p.Goods, p.Works, p.Services, amt(parts, money.WanYuan)), vals...)
			}
		}
	}
	for _, pr := range x.text().procurements {
		ran = true
		parts := pr.goods + pr.works + pr.services
		if pr.total == parts {
			continue
		}
		// each figure of the text is rounded at its own last printed decimal
		var t tally
		t.add(pr.steps[0], 1, pr.unit)
		for i, v := range []money.Amount{pr.goods, pr.works, pr.services} {
			t.add(pr.steps[i+1], nonZero(v), pr.unit)
		}
		cells := []forms.CellRef{pr.ref}
		vals := []Value{{"总额", amt(pr.total, pr.unit)}, {"分项合计", amt(parts, pr.unit)}}
		if diff := cents(pr.total-parts, pr.unit); t.within(diff) {
			x.addTextSev(Hint, pr.part, cells, fmt.Sprintf("情况说明：政府采购预算总额 %s 与货物 %s ＋ 工程 %s ＋ 服务 %s ＝ %s %s",
				amt(pr.total, pr.unit), pr.goods, pr.works, pr.services, amt(parts, pr.unit), t.note(diff, pr.unit)), vals...)
			continue
		}
		x.addText(pr.part, cells, fmt.Sprintf("情况说明：政府采购预算总额 %s ≠ 货物 %s ＋ 工程 %s ＋ 服务 %s ＝ %s",
			amt(pr.total, pr.unit), pr.goods, pr.works, pr.services, amt(parts, pr.unit)), vals...)
	}
	if !ran {
		x.skipf("没有政府采购数据")
	}
}

// nameUse is a printed name of a code somewhere in the document.
type nameUse struct {
	name  string
	where string
	ref   forms.CellRef
	table *forms.Table
}

// evalX13 reads the codes and names of the tables (not their figures) and
// the 类 the 情况说明 names: a figure typed in leaves its findings as they were.
func evalX13(x *ctx) {
	var reads []string
	for _, t := range x.doc.Tables {
		reads = append(reads, tableToken(t, true))
	}
	// A 类 the text names as a table names it (or as the text named it
	// before) adds nothing: only the other names, and where they stand,
	// can change what X-13 finds.
	printed := memo(x, "printed", reads, func() map[string]map[string]bool { return functionalNames(x) })
	var news strings.Builder
	said := map[string]map[string]bool{}
	for _, m := range x.text().classNames {
		code, ok := x.codeOfName(m.name)
		if !ok {
			continue
		}
		k := classify.FoldName(m.name)
		if printed[code][k] || said[code][k] {
			continue
		}
		if said[code] == nil {
			said[code] = map[string]bool{}
		}
		said[code][k] = true
		news.WriteString(m.name + "\x00" + m.ref.Table + "\x00" + m.ref.Row + "\x00" + m.ref.Column + "\x01")
	}
	memoOn(x, "names", reads, news.String(), func() struct{} { x13(x); return struct{}{} })
}

// functionalNames are the names (folded) each 功能分类 code is printed
// with in the tables, as X-13 reads them.
func functionalNames(x *ctx) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, t := range x.doc.Tables {
		if t.Absent || t.Kind.Def().Scheme != classify.Functional {
			continue
		}
		for _, p := range codedPanes(t) {
			for _, r := range p.Rows {
				if r.Type != forms.RowClass || r.Name == "" {
					continue
				}
				if out[r.Code] == nil {
					out[r.Code] = map[string]bool{}
				}
				out[r.Code][classify.FoldName(r.Name)] = true
			}
		}
	}
	return out
}

func x13(x *ctx) {
	uses := map[classify.Scheme]map[string][]nameUse{classify.Functional: {}, classify.Economic: {}}
	for _, t := range x.doc.Tables {
		if t.Absent {
			continue
		}
		title := shortTitle(x.doc, t)
		for _, p := range codedPanes(t) {
			scheme := t.Kind.Def().Scheme
			for ri, r := range p.Rows {
				if r.Type != forms.RowClass || r.Name == "" {
					continue
				}
				uses[scheme][r.Code] = append(uses[scheme][r.Code], nameUse{r.Name, title, ref(t, p, ri, -1), t})
			}
		}
	}
	for _, m := range x.text().classNames {
		if code, ok := x.codeOfName(m.name); ok {
			uses[classify.Functional][code] = append(uses[classify.Functional][code], nameUse{m.name, "情况说明", m.ref, nil})
		}
	}
	year := x.doc.Meta.Year
	listed := map[classify.Scheme][]classify.Entry{} // the year's list, read once when a code is not in it
	unknown := map[*forms.Table][]unknownUse{}       // codes the list does not know, by table
	defer func() { x.unknownCodes(unknown, listed) }()
	for _, scheme := range []classify.Scheme{classify.Functional, classify.Economic} {
		codes := make([]string, 0, len(uses[scheme]))
		for c := range uses[scheme] {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		for _, code := range codes {
			us := uses[scheme][code]
			distinct := map[string]nameUse{}
			var order []string
			for _, u := range us {
				k := classify.FoldName(u.name)
				if _, ok := distinct[k]; !ok {
					distinct[k] = u
					order = append(order, k)
				}
			}
			if len(order) > 1 {
				var cells []forms.CellRef
				var vals []Value
				var desc []string
				for _, k := range order {
					u := distinct[k]
					cells = append(cells, u.ref)
					vals = append(vals, Value{u.where, u.name})
					desc = append(desc, u.where+"作“"+u.name+"”")
				}
				x.addSev(Error, us[0].table, cells, fmt.Sprintf("科目 %s 的名称前后不一致：%s", code, strings.Join(desc, "，")), vals...)
			}
			cat := x.doc.Catalog()
			want, known := cat.Name(scheme, code, year)
			if !known {
				if listed[scheme] == nil {
					listed[scheme] = cat.Entries(scheme, year)
				}
				if u := firstInTable(us); u != nil && !(scheme == classify.Economic && len(code) > 5) {
					unknown[u.table] = append(unknown[u.table], unknownUse{scheme, code, *u})
				}
				continue
			}
			// decision 40: against a name sourced for the year a different
			// one is an 错误; against the list's best knowledge, a 警告
			sev := Warning
			if cat.Sourced(scheme, code, year) {
				sev = Error
			}
			for _, k := range order {
				u := distinct[k]
				if k == classify.FoldName(want) || u.table == nil {
					continue
				}
				msg := fmt.Sprintf("%s 科目 %s 印作“%s”，%d 年科目名称为“%s”", u.where, code, u.name, year, want)
				if e, ok := cat.WhenNamed(scheme, code, u.name); ok && e.ToYear != 0 && e.ToYear < year {
					msg += fmt.Sprintf("（“%s”是 %d 年及以前的名称）", u.name, e.ToYear)
				}
				x.addSev(sev, u.table, []forms.CellRef{u.ref}, msg, Value{"印出的名称", u.name}, Value{fmt.Sprintf("%d年名称", year), want})
			}
		}
	}
}

// unknownUse is a code printed in a table that the list does not know.
type unknownUse struct {
	scheme classify.Scheme
	code   string
	use    nameUse
}

// firstInTable is the first use of a code in a table (not in the text).
func firstInTable(us []nameUse) *nameUse {
	for i := range us {
		if us[i].table != nil {
			return &us[i]
		}
	}
	return nil
}

// unknownCodes: a code printed in a table that the list does not know for
// the year is a 提示 naming the nearest known code (decision 40: a sibling
// under the same parent, else the parent). The shipped list is not
// complete, so this is never more than a hint; a table with many such
// codes (a locality's own 项, a list not imported) gets one hint listing
// them, not one each. A 7-digit economic code is a local detail.
func (x *ctx) unknownCodes(unknown map[*forms.Table][]unknownUse, listed map[classify.Scheme][]classify.Entry) {
	year := x.doc.Meta.Year
	for _, t := range x.doc.Tables {
		us := unknown[t]
		if len(us) == 0 {
			continue
		}
		entries := func(s classify.Scheme) []classify.Entry {
			if listed[s] == nil {
				listed[s] = x.doc.Catalog().Entries(s, year)
			}
			return listed[s]
		}
		const each = 3
		if len(us) <= each {
			for _, u := range us {
				msg := fmt.Sprintf("%s 科目 %s“%s”不在本程序的 %d 年科目表中", u.use.where, u.code, u.use.name, year)
				if near, ok := x.doc.Catalog().Nearest(entries(u.scheme), u.scheme, u.code, year); ok {
					msg += fmt.Sprintf("，最接近的已知科目是 %s %s", near.Code, near.Name)
				}
				msg += "；请核对编码，或从“文件 → 导入科目表…”补全科目表"
				x.addSev(Hint, t, []forms.CellRef{u.use.ref}, msg, Value{"编码", u.code})
			}
			continue
		}
		var cells []forms.CellRef
		var codes []string
		for _, u := range us {
			cells = append(cells, u.use.ref)
			if len(codes) < 10 {
				codes = append(codes, u.code)
			}
		}
		more := ""
		if len(us) > len(codes) {
			more = " 等"
		}
		x.addSev(Hint, t, cells, fmt.Sprintf("%s有 %d 个科目不在本程序的 %d 年科目表中（%s%s）；请核对编码，或从“文件 → 导入科目表…”补全科目表",
			us[0].use.where, len(us), year, strings.Join(codes, "、"), more), Value{"个数", fmt.Sprint(len(us))})
	}
}

// codeOfName finds the 类 code a name stands for, in any year's list.
func (x *ctx) codeOfName(name string) (string, bool) {
	return x.doc.Catalog().CodeOfName(classify.Functional, name, 3, x.doc.Meta.Year, 10)
}

// fundWords are the words an empty-table note of a kind must name.
var fundWords = map[forms.Kind]string{
	forms.KindGeneral: "一般公共预算", forms.KindFund: "政府性基金", forms.KindSOE: "国有资本经营",
	forms.KindSangong: "三公", forms.KindProjects: "项目", forms.KindPerfPre: "事前绩效评估",
}

// fundKinds are the tables of one fund each: the note of one must not speak
// of another's fund.
var fundKinds = []forms.Kind{forms.KindGeneral, forms.KindFund, forms.KindSOE}

func evalX14(x *ctx) {
	for _, t := range x.doc.Tables {
		if t.Absent {
			continue
		}
		name := shortTitle(x.doc, t)
		cell := []forms.CellRef{{Table: t.ID, Row: "空表说明"}}
		if t.Kind == forms.KindPerfPre {
			for i, f := range x.doc.Perf.Pre {
				if blankPreForm(f) {
					x.add(t, []forms.CellRef{{Table: t.ID, Row: fmt.Sprintf("第%d张", i+1)}}, fmt.Sprintf("%s印的是未填写的空白表样；没有事前绩效评估项目时应只印空表说明", name))
				}
			}
		}
		if t.Note == "" || !t.IsGrid() {
			continue
		}
		if !t.Empty() {
			x.add(t, cell, fmt.Sprintf("%s有数据，却印了空表说明“%s”", name, t.Note), Value{"说明", t.Note})
			continue
		}
		own, ok := fundWords[t.Kind]
		if !ok {
			continue
		}
		if !strings.Contains(t.Note, own) {
			x.add(t, cell, fmt.Sprintf("%s的空表说明“%s”没有提到%s", name, t.Note, own), Value{"说明", t.Note})
			continue
		}
		if !slices.Contains(fundKinds, t.Kind) {
			continue
		}
		for _, k := range fundKinds {
			if other := fundWords[k]; k != t.Kind && strings.Contains(t.Note, other) {
				x.add(t, cell, fmt.Sprintf("%s的空表说明“%s”提到了%s，说的是别的表", name, t.Note, other), Value{"说明", t.Note})
			}
		}
	}
}

// blankPreForm: a 事前评估 form published unfilled (no name, no money,
// template placeholders).
func blankPreForm(f forms.PrePerf) bool {
	if strings.TrimSpace(f.Name) != "" || f.Annual.TotalValue() != 0 || f.Whole.TotalValue() != 0 {
		return false
	}
	return hasPlaceholder(f.Period) || hasPlaceholder(f.AnnualGoal) || hasPlaceholder(f.Reporter) || len(f.AnnualGrid) > 0
}
