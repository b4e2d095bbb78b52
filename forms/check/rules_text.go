package check

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"yusuan/forms"
	"yusuan/forms/classify"
	"yusuan/forms/money"
	"yusuan/forms/narrative"
)

// tref names a table figure: kind, side, row and column.
type tref struct {
	kind      forms.Kind
	side      forms.Side
	row, col  string
	label     string
	alternate *tref // where to read it when the first table is not provided
	// orElse is the other figure the same words may mean: “支出预算” is the
	// 本年支出 or, with 结转下年, the 支出总计 (西南大学); a share of income
	// is of the 本年收入 or of the 收入总计 (国家信访局)
	orElse *tref
}

// targetOf says which table figure a statement speaks of, and which figure
// its share (占…%) is of.
func (x *ctx) targetOf(st *stmtAmount) (part, whole *tref) {
	if (st.subject == subjUnknown || st.subject == subjTotal) && (st.sc == scFiscal || st.sc == scGeneral) {
		// "支出包括：一般公共服务支出170.00万元": a 类 named without （类）
		// (also 国有资本经营预算支出, a 类 whose name reads like a total)
		if _, ok := x.codeOfName(trimLeadWords(st.text)); ok {
			st.subject, st.className = subjClass, trimLeadWords(st.text)
		}
	}
	t := func(k forms.Kind, side forms.Side, row, col, label string) *tref {
		return &tref{kind: k, side: side, row: row, col: col, label: label}
	}
	sum := func(line, label string) *tref {
		return t(forms.KindSummary, forms.SideIn, line, forms.ColAmount, "收支总表"+label)
	}
	// subjects that mean the same table whatever the section
	sg := func(col, label string) *tref {
		return t(forms.KindSangong, forms.SideNone, forms.LineSangongCurrent, col, "“三公”经费表"+label)
	}
	if st.subject == subjItem {
		return x.itemTarget(st), nil
	}
	switch st.subject {
	case subjSangong:
		return sg(forms.ColTotal, "合计"), nil
	case subjAbroad:
		return sg("abroad", "因公出国（境）费"), nil
	case subjCar:
		return sg("car", "公务用车购置及运行费"), nil
	case subjCarBuy:
		return sg("car_buy", "公务用车购置费"), nil
	case subjCarRun:
		return sg("car_run", "公务用车运行费"), nil
	case subjReception:
		return sg("reception", "公务接待费"), nil
	}
	// a fund table: general, fund or soe, with personnel/public read from the
	// 基本支出表 when the table itself does not print them
	fundTable := func(k forms.Kind, name string) (*tref, *tref) {
		tot := t(k, forms.SideNone, forms.RowKeyTotal, forms.ColTotal, name+"合计")
		basic := t(k, forms.SideNone, forms.RowKeyTotal, forms.ColBasic, name+"基本支出")
		switch st.subject {
		case subjTotal, subjGeneralAppr, subjFundAppr, subjSOEAppr:
			return tot, nil
		case subjBasic:
			return basic, tot
		case subjProject:
			return t(k, forms.SideNone, forms.RowKeyTotal, forms.ColProject, name+"项目支出"), tot
		case subjPersonnel, subjPublic:
			col, label := forms.ColPersonnel, "人员经费"
			if st.subject == subjPublic {
				col, label = forms.ColPublic, "公用经费"
			}
			p := t(k, forms.SideNone, forms.RowKeyTotal, col, name+label)
			p.alternate = t(forms.KindBasic, forms.SideNone, forms.RowKeyTotal, col, "基本支出表"+label)
			return p, basic
		case subjClass:
			code, ok := x.codeOfName(st.className)
			if !ok {
				break
			}
			switch st.within {
			case subjBasic:
				// a 类's share of 基本支出: its 基本支出 column
				return t(k, forms.SideNone, code, forms.ColBasic, name+" "+code+"基本支出"), basic
			case subjProject:
				return t(k, forms.SideNone, code, forms.ColProject, name+" "+code+"项目支出"), t(k, forms.SideNone, forms.RowKeyTotal, forms.ColProject, name+"项目支出")
			}
			return t(k, forms.SideNone, code, forms.ColTotal, name+" "+code), tot
		}
		return nil, nil
	}
	exp := func(col, label string) *tref {
		return t(forms.KindExpense, forms.SideNone, forms.RowKeyTotal, col, "支出总表"+label)
	}
	switch st.sc {
	case scSummary, scIncome:
		// 基本支出 and 项目支出 stated with the totals (长春's 收支总表情况说明);
		// “财政拨款基本支出” is a part of them, not the 支出总表's
		if reFundSource.MatchString(st.text) {
			break
		}
		switch st.subject {
		case subjBasic:
			return exp(forms.ColBasic, "基本支出"), nil
		case subjProject:
			return exp(forms.ColProject, "项目支出"), nil
		}
	}
	switch st.sc {
	case scSummary:
		if st.subject == subjTotal {
			return sum(forms.LineInTotal, "收入总计"), nil
		}
	case scIncome:
		switch st.subject {
		case subjTotal:
			return sum(forms.LineInTotal, "收入总计"), nil
		case subjCurrent:
			return sum(forms.LineInCurrent, "本年收入合计"), sum(forms.LineInTotal, "收入总计")
		case subjInCarry:
			return sum(forms.LineInCarry, "财政拨款结转"), sum(forms.LineInTotal, "收入总计")
		}
		lines := map[subject]string{subjInGeneral: forms.LineInGeneral, subjInFund: forms.LineInFund, subjInSOE: forms.LineInSOE,
			subjInBusiness: "in.business", subjInOperating: "in.operating", subjInUpper: "in.upper", subjInAffiliated: "in.affiliated", subjInOther: "in.other"}
		if line, ok := lines[st.subject]; ok {
			whole := sum(forms.LineInCurrent, "本年收入合计")
			whole.orElse = sum(forms.LineInTotal, "收入总计")
			return sum(line, ""), whole
		}
	case scExpense:
		switch st.subject {
		case subjTotal:
			r := exp(forms.ColTotal, "合计")
			r.orElse = t(forms.KindSummary, forms.SideOut, forms.LineOutTotal, forms.ColAmount, "收支总表支出总计")
			return r, nil
		case subjBasic:
			return exp(forms.ColBasic, "基本支出"), exp(forms.ColTotal, "合计")
		case subjProject:
			return exp(forms.ColProject, "项目支出"), exp(forms.ColTotal, "合计")
		case subjPersonnel, subjPublic:
			return fundTable(forms.KindGeneral, "一般公共预算支出表")
		}
	case scFiscal:
		fis := func(side forms.Side, row, label string) *tref {
			return t(forms.KindFiscal, side, row, forms.ColAmount, "财政拨款收支总表"+label)
		}
		switch st.subject {
		case subjTotal:
			return fis(forms.SideIn, forms.LineInTotal, "收入总计"), nil
		case subjGeneralAppr, subjInGeneral:
			return fis(forms.SideIn, forms.LineInGeneral, "一般公共预算拨款"), nil
		case subjFundAppr, subjInFund:
			return fis(forms.SideIn, forms.LineInFund, "政府性基金预算拨款"), nil
		case subjSOEAppr, subjInSOE:
			return fis(forms.SideIn, forms.LineInSOE, "国有资本经营预算拨款"), nil
		case subjClass:
			if code, ok := x.codeOfName(st.className); ok && st.within == subjUnknown {
				return fis(forms.SideOut, code, " "+code), nil // the 类's whole: the table prints no parts
			}
		}
	case scGeneral:
		return fundTable(forms.KindGeneral, "一般公共预算支出表")
	case scBasic:
		bas := func(col, label string) *tref {
			r := t(forms.KindBasic, forms.SideNone, forms.RowKeyTotal, col, "基本支出表"+label)
			gcol := col
			if col == forms.ColTotal {
				gcol = forms.ColBasic
			}
			r.alternate = t(forms.KindGeneral, forms.SideNone, forms.RowKeyTotal, gcol, "一般公共预算支出表"+label)
			return r
		}
		if st.subject == subjUnknown {
			// “（一）工资福利支出911.21万元”: an economic 类 of the 基本支出
			name := trimLeadWords(strings.TrimLeft(reItemMark.ReplaceAllString(st.text, ""), "其中，"))
			if code, ok := x.doc.Catalog().CodeOfName(classify.Economic, name, 3, x.doc.Meta.Year, 10); ok {
				return t(forms.KindBasic, forms.SideNone, code, forms.ColTotal, "基本支出表 "+code), nil
			}
		}
		switch st.subject {
		case subjBasic, subjTotal:
			return bas(forms.ColTotal, "合计"), nil
		case subjPersonnel:
			return bas(forms.ColPersonnel, "人员经费"), bas(forms.ColTotal, "合计")
		case subjPublic:
			return bas(forms.ColPublic, "公用经费"), bas(forms.ColTotal, "合计")
		}
	case scFund:
		return fundTable(forms.KindFund, "政府性基金预算支出表")
	case scSOE:
		return fundTable(forms.KindSOE, "国有资本经营预算支出表")
	}
	return nil, nil
}

// reFundSource: words that narrow a figure to one source of funds.
var reFundSource = regexp.MustCompile(`财政拨款|一般公共预算|政府性基金|国有资本|事业收入|其他收入|经营收入`)

// itemTarget is the table line of the 款 or 项 a chain names (“教育支出（类）
// 进修及培训（款）培训支出（项）”), found by name under its 类 in the table
// the section speaks of; nil when the table has no such line.
func (x *ctx) itemTarget(st *stmtAmount) *tref {
	kind, label := forms.KindGeneral, "一般公共预算支出表"
	switch st.sc {
	case scFund:
		kind, label = forms.KindFund, "政府性基金预算支出表"
	case scSOE:
		kind, label = forms.KindSOE, "国有资本经营预算支出表"
	case scExpense:
		kind, label = forms.KindExpense, "支出总表"
	case scGeneral, scFiscal:
	default:
		return nil // a section that names no table: which fund's 项 is unsaid
	}
	t := x.table(kind)
	if t == nil || t.Main() == nil {
		return nil
	}
	p := t.Main()
	lei, kuan, xiang := st.chain[0], st.chain[1], st.chain[2]
	kuanNames := []string{kuan}
	prefix := ""
	if lei != "" {
		if code, ok := x.codeOfName(lei); ok {
			prefix = code
		} else if kuan == "" {
			// 江苏 marks a 款 （类）: “住房改革支出（类）住房公积金（项）”,
			// “行政事业单位离退休（类）…（项）” (read as …支出)
			kuanNames = []string{lei, strings.TrimSuffix(lei, "支出")}
		}
	}
	// the one line of a length, under prefix, named name
	line := func(n int, prefix, name string) string {
		found := ""
		for _, r := range p.Rows {
			if r.Type == forms.RowClass && len(r.Code) == n && strings.HasPrefix(r.Code, prefix) && classify.SameName(r.Name, name) {
				if found != "" && found != r.Code {
					return ""
				}
				found = r.Code
			}
		}
		return found
	}
	code := ""
	for _, k := range kuanNames {
		if k != "" && code == "" {
			code = line(5, prefix, k)
		}
	}
	if code != "" && xiang != "" {
		code = line(7, code, xiang)
	}
	if code == "" {
		return nil
	}
	col, what := forms.ColTotal, ""
	switch st.within {
	case subjBasic:
		col, what = forms.ColBasic, "基本支出"
	case subjProject:
		col, what = forms.ColProject, "项目支出"
	}
	return &tref{kind: kind, side: forms.SideNone, row: code, col: col, label: label + " " + code + what}
}

// figOf reads a table figure, from the alternate table when the first is
// not provided or does not print the column (or the columns that make it).
func (x *ctx) figOf(r *tref) (fig, *forms.Table, bool) {
	for ; r != nil; r = r.alternate {
		t := x.table(r.kind)
		if t == nil {
			continue
		}
		p := t.Pane(r.side)
		if p == nil || !colCovered(p, r.col) {
			continue // absent is not zero
		}
		row := r.row
		if f, ok := figAt(t, p, p.RowIndex(row), r.col, r.label); ok {
			return f, t, true
		}
		classLine := t.Layout() == forms.LayoutTwoSided && r.side == forms.SideOut && len(row) == 3
		if (classLine || t.Layout() == forms.LayoutClass && r.row != forms.RowKeyTotal) && unlistedZero(p, row, r.col) {
			return zeroFig(t, row, printedKey(p, r.col), r.label), t, true // a 类 the table does not list: no money
		}
	}
	return fig{}, nil, false
}

// quote is the statement as the text writes it: “基本支出943.25万元”.
func (st *stmtAmount) quote() string { return st.text + st.num + string(st.unit) }

func (y *stmtYoY) quote() string { return y.text + y.num + string(y.unit) }

// fig is the statement's amount, graded at the precision it is written to.
func (st *stmtAmount) fig(label string) fig {
	return fig{v: st.value, u: st.unit, ref: st.ref, label: label, step: textStep(st.num, st.unit), text: true}
}

func (x *ctx) needText() bool {
	if !x.text().present {
		if x.doc.Template.Own && x.textSrc == nil {
			x.skipf("公开文本中没有情况说明（分开公布的，可用 --text 一并读取）")
		} else {
			x.skipf("情况说明为空")
		}
		return false
	}
	return true
}

// evalN1: every amount in the text equals the table figure it speaks of.
func evalN1(x *ctx) {
	if !x.needText() {
		return
	}
	pt := x.text()
	for _, st := range pt.amounts {
		if st.prevYear {
			continue
		}
		if st.subject == subjOperating {
			if op, ok := x.operatingStated(); ok {
				x.textEqual(st, "机关运行经费", st.fig("情况说明“"+st.text+"”"), op)
			}
			continue
		}
		if p := x.doc.Inputs.Procurement; p != nil {
			vals := map[subject]money.Amount{subjProcTotal: p.TotalValue(), subjProcGoods: p.Goods, subjProcWorks: p.Works, subjProcServices: p.Services}
			if v, ok := vals[st.subject]; ok {
				x.textEqual(st, "政府采购", st.fig("情况说明“"+st.text+"”"), fig{v: v, u: money.WanYuan, ref: forms.CellRef{Table: PartInputs, Row: "政府采购"}, label: "填写的政府采购数"})
				continue
			}
		}
		target, _ := x.targetOf(st)
		if target == nil {
			continue
		}
		tf, _, ok := x.figOf(target)
		if !ok {
			continue
		}
		a := st.fig("情况说明“" + st.text + "”")
		if target.orElse != nil && gapOf(a, tf).grade != same {
			if of, _, ok := x.figOf(target.orElse); ok && gapOf(a, of).grade == same {
				continue // the other figure the words may mean
			}
		}
		x.textEqual(st, "", a, tf)
	}
	x.sangongTextAddsUp()
}

// operatingStated is 机关运行经费 from the 三公 table or the extra input.
func (x *ctx) operatingStated() (fig, bool) {
	if sg := x.table(forms.KindSangong); sg != nil {
		if f, ok := cellFig(sg, forms.SideNone, forms.LineSangongCurrent, "operating", "“三公”经费表机关运行经费"); ok {
			return f, true
		}
	}
	if v := x.doc.Inputs.Operating; v != nil {
		return fig{v: *v, u: money.WanYuan, ref: forms.CellRef{Table: PartInputs, Row: "机关运行经费"}, label: "填写的机关运行经费"}, true
	}
	return fig{}, false
}

// textEqual grades a text amount a against the figure b it speaks of
// (decision 36): b rounded half up at the text's last decimal p is the
// text: right; within p (a truncated figure too): 提示 尾差; else 错误.
func (x *ctx) textEqual(st *stmtAmount, what string, a, b fig) {
	g := gapOf(a, b)
	if g.grade == same {
		return
	}
	cells := []forms.CellRef{a.ref, b.ref}
	vals := []Value{{"文字", amt(a.v, a.u)}, {b.label, amt(b.v, b.u)}}
	if g.grade == tail {
		x.addTextSev(Hint, st.part, cells, fmt.Sprintf("情况说明%s“%s”与%s %s %s", st.ref.Row, st.quote(), b.label, amt(b.v, b.u), g.note), vals...)
		return
	}
	x.addText(st.part, cells, fmt.Sprintf("情况说明%s“%s”与%s %s 不符，相差 %s", st.ref.Row, st.quote(), b.label, amt(b.v, b.u), fmtCents(abs64(g.diff), g.unit)), vals...)
}

// sangongTextAddsUp: without a 三公 table, the text's 三公 total must equal
// the items it states (decision 21).
func (x *ctx) sangongTextAddsUp() {
	if x.table(forms.KindSangong) != nil {
		return
	}
	var total *stmtAmount
	var items int64 // 元-cents
	var t tally     // each figure rounded at its own last printed decimal
	n := 0
	for _, st := range x.text().amounts {
		if st.prevYear {
			continue
		}
		switch st.subject {
		case subjSangong:
			if total == nil {
				total = st
			}
		case subjAbroad, subjCar, subjReception:
			items += cents(st.value, st.unit)
			t.add(textStep(st.num, st.unit), nonZero(st.value), st.unit)
			n++
		}
	}
	if total == nil || n == 0 {
		return
	}
	diff := cents(total.value, total.unit) - items
	if diff == 0 {
		return
	}
	t.add(textStep(total.num, total.unit), 1, total.unit)
	sum := fmtCents(items, total.unit)
	cells := []forms.CellRef{total.ref}
	vals := []Value{{"合计", amt(total.value, total.unit)}, {"各项之和", sum}}
	if t.within(diff) {
		x.addTextSev(Hint, total.part, cells, fmt.Sprintf("情况说明中“三公”经费 %s 与所列各项之和 %s %s", amt(total.value, total.unit), sum, t.note(diff, total.unit)), vals...)
		return
	}
	x.addText(total.part, cells, fmt.Sprintf("情况说明中“三公”经费 %s 不等于所列各项之和 %s", amt(total.value, total.unit), sum), vals...)
}

// shareFigs returns the part and whole a stated share is computed from, in
// 元-cents: the tables' figures, or the text's own where a table is not
// provided.
func (x *ctx) shareFigs(st *stmtAmount) (part, whole int64, ok bool) {
	pt, wt := x.targetOf(st)
	if wt == nil {
		return 0, 0, false
	}
	if f, _, found := x.figOf(pt); found {
		part = f.cents()
	} else {
		part = cents(st.value, st.unit)
	}
	if f, _, found := x.figOf(wt); found {
		return part, f.cents(), true
	}
	// the whole as the text states it in the same section
	for _, o := range x.text().amounts {
		if o.sc == st.sc && o.part == st.part && !o.prevYear {
			ot, _ := x.targetOf(o)
			if ot != nil && ot.kind == wt.kind && ot.row == wt.row && ot.col == wt.col {
				return part, cents(o.value, o.unit), true
			}
		}
	}
	return 0, 0, false
}

// evalN2: every share recomputes from the tables (decisions 19, 36). At the
// decimals q the text prints, a stated share is right when it is the share
// rounded half up, or the value the largest-remainder breakdown of the
// shares stated together shows; one unit of q off either is a 提示 尾差.
func evalN2(x *ctx) {
	if !x.needText() {
		return
	}
	type share struct {
		st          *stmtAmount
		part, whole int64
		alt         int64 // the other whole the words may mean, 0 when none
	}
	groups := map[string][]share{}
	var order []string
	for _, st := range x.text().amounts {
		if st.pct == nil || st.prevYear {
			continue
		}
		part, whole, ok := x.shareFigs(st)
		if !ok || whole == 0 {
			continue // N-8 speaks of shares of zero
		}
		_, wt := x.targetOf(st)
		key := fmt.Sprint(st.part, st.sc, wt.kind, wt.side, wt.row, wt.col, family(st.subject))
		if _, seen := groups[key]; !seen {
			order = append(order, key)
		}
		var alt int64
		if wt.orElse != nil {
			if f, _, ok := x.figOf(wt.orElse); ok {
				alt = f.cents()
			}
		}
		groups[key] = append(groups[key], share{st, part, whole, alt})
	}
	for _, key := range order {
		g := groups[key]
		parts := make([]int64, len(g))
		for i, s := range g {
			parts[i] = s.part
		}
		adjusted := map[int][]int64{} // by decimals printed
		for i, s := range g {
			pc := s.st.pct
			want := money.ShareAt(s.part, s.whole, pc.q)
			adj, ok := adjusted[pc.q]
			if !ok {
				adj = money.SharesAt(parts, g[0].whole, pc.q)
				adjusted[pc.q] = adj
			}
			got := pc.units
			if got == want || got == adj[i] {
				continue
			}
			if s.alt != 0 && (got == money.ShareAt(s.part, s.alt, pc.q) || got == money.SharesAt(parts, s.alt, pc.q)[i]) {
				continue // a share of the other whole the words may mean
			}
			cells := []forms.CellRef{s.st.ref}
			vals := []Value{{"文字", pc.text}, {"计算", fmtPct(want, pc.q)}}
			if abs64(got-want) <= 1 || abs64(got-adj[i]) <= 1 {
				x.addTextSev(Hint, s.st.part, cells, fmt.Sprintf("情况说明%s“%s，占%s”：按表格计算为 %s，相差末位的 1 个单位（%s）（尾差）",
					s.st.ref.Row, s.st.quote(), pc.text, fmtPct(want, pc.q), fmtPct(1, pc.q)), vals...)
				continue
			}
			x.addText(s.st.part, cells, fmt.Sprintf("情况说明%s“%s，占%s”：按表格计算应占 %s", s.st.ref.Row, s.st.quote(), pc.text, fmtPct(want, pc.q)), vals...)
		}
	}
}

// family groups the subjects that make one breakdown: 基本/项目 of a total,
// 人员/公用 of 基本支出, the 类 of a total, the sources of 本年收入.
func family(s subject) string {
	switch s {
	case subjBasic, subjProject:
		return "基本项目"
	case subjPersonnel, subjPublic:
		return "人员公用"
	case subjClass:
		return "类"
	case subjInGeneral, subjInFund, subjInSOE, subjInBusiness, subjInOperating, subjInUpper, subjInAffiliated, subjInOther:
		return "收入来源"
	}
	return fmt.Sprint(int(s))
}

// lastYear is the prior-year figure of a statement, when the extra inputs give it.
func (x *ctx) lastYear(st *stmtAmount) (money.Amount, bool) {
	in := x.doc.Inputs
	switch st.subject {
	case subjTotal:
		if st.sc == scSummary && in.PrevTotal != nil {
			return *in.PrevTotal, true
		}
	case subjOperating:
		if in.PrevOperating != nil {
			return *in.PrevOperating, true
		}
	}
	if s := in.PrevSangong; s != nil {
		switch st.subject {
		case subjSangong:
			return s.Total(), true
		case subjAbroad:
			return s.Abroad, true
		case subjCar:
			return s.CarBuy + s.CarRun, true
		case subjCarBuy:
			return s.CarBuy, true
		case subjCarRun:
			return s.CarRun, true
		case subjReception:
			return s.Reception, true
		}
	}
	return 0, false
}

// evalN3: year-on-year: the difference, its word and its growth rate agree
// with this year's and last year's figures.
func evalN3(x *ctx) {
	if !x.needText() {
		return
	}
	for _, st := range x.text().amounts {
		y := st.yoy
		if y == nil {
			continue
		}
		// everything in the statement's unit: the difference may be written
		// in another, last year's input is in 万元
		this := st.value
		signed := y.delta
		if y.unit != "" && y.unit != st.unit {
			signed, _ = money.Convert(signed, y.unit, st.unit)
		}
		if y.word == "减少" {
			signed = -signed
		}
		what := fmt.Sprintf("情况说明%s“%s，%s”", st.ref.Row, st.quote(), y.quote())
		prev, known := x.lastYear(st)
		if known {
			given := prev // in 万元, to two decimals
			prev, _ = money.Convert(prev, money.WanYuan, st.unit)
			want := this - prev
			if want != signed || (want == 0) != (y.word == "持平") {
				if note, ok := yoyTail(st, given); ok {
					// within the rounding: say so, and still check the rate
					x.addTextSev(Hint, st.part, []forms.CellRef{st.ref}, fmt.Sprintf("%s：本年 %s 减上年 %s 为 %s，与所写增减额%s", what, this, prev, amt(want, st.unit), note),
						Value{"文字", y.word + amt(y.delta, y.unit)}, Value{"计算", amt(want, st.unit)})
				} else {
					word := "增加"
					if want < 0 {
						word = "减少"
					} else if want == 0 {
						word = "持平"
					}
					x.addText(st.part, []forms.CellRef{st.ref}, fmt.Sprintf("%s：本年 %s，上年 %s，应为%s %s", what, this, prev, word, amt(abs(want), st.unit)),
						Value{"文字", y.word + amt(y.delta, y.unit)}, Value{"应为", word + amt(abs(want), st.unit)})
					continue
				}
			}
		} else {
			prev = this - signed
		}
		if y.word == "持平" && y.delta != 0 || y.word != "持平" && y.delta == 0 {
			x.addText(st.part, []forms.CellRef{st.ref}, fmt.Sprintf("%s：变动为零时应写“持平”", what), Value{"文字", y.word})
			continue
		}
		if y.pct == nil {
			continue
		}
		if (y.word == "增加") != (y.pctWord == "增长" || y.pctWord == "增加") {
			x.addText(st.part, []forms.CellRef{st.ref}, fmt.Sprintf("%s：%s 与%s%s 方向相反", what, y.word, y.pctWord, y.pct.text), Value{"文字", y.pctWord + y.pct.text})
			continue
		}
		if prev == 0 {
			x.addText(st.part, []forms.CellRef{st.ref}, fmt.Sprintf("%s：上年为零，不应写增长率 %s", what, y.pct.text), Value{"文字", y.pct.text})
			continue
		}
		// a rate at the decimals printed; one unit of the last off is 尾差
		q := y.pct.q
		want := money.ShareAt(cents(abs(signed), st.unit), cents(prev, st.unit), q)
		switch got := y.pct.units; {
		case got == want:
		case abs64(got-want) <= 1:
			x.addTextSev(Hint, st.part, []forms.CellRef{st.ref}, fmt.Sprintf("%s：%s%s 按所写金额计算为 %s（%s ÷ 上年 %s），相差末位的 1 个单位（%s）（尾差）",
				what, y.pctWord, y.pct.text, fmtPct(want, q), abs(signed), prev, fmtPct(1, q)),
				Value{"文字", y.pct.text}, Value{"计算", fmtPct(want, q)})
		default:
			x.addText(st.part, []forms.CellRef{st.ref}, fmt.Sprintf("%s：%s%s 应为 %s（%s ÷ 上年 %s）", what, y.pctWord, y.pct.text, fmtPct(want, q), abs(signed), prev),
				Value{"文字", y.pct.text}, Value{"计算", fmtPct(want, q)})
		}
	}
}

// yoyTail grades a year-on-year difference that does not match: this year
// (as written) − last year (given in 万元) − the difference (as written),
// each rounded at its last decimal. It returns the 尾差 clause when the
// rounding explains the mismatch.
func yoyTail(st *stmtAmount, prev money.Amount) (string, bool) {
	y := st.yoy
	yu := y.unit
	if yu == "" {
		yu = st.unit
	}
	delta := cents(y.delta, yu)
	if y.word == "减少" {
		delta = -delta
	}
	diff := cents(st.value, st.unit) - cents(prev, money.WanYuan) - delta
	if diff == 0 {
		return "", false // only the word is wrong
	}
	var t tally
	t.add(textStep(st.num, st.unit), 1, st.unit)
	t.add(unitStep(money.WanYuan), nonZero(prev), money.WanYuan)
	if y.num != "" {
		t.add(textStep(y.num, yu), nonZero(y.delta), yu)
	}
	if !t.within(diff) {
		return "", false
	}
	return t.note(diff, st.unit), true
}

// evalN4: each 增加/减少 is followed by its reason.
func evalN4(x *ctx) {
	if !x.needText() {
		return
	}
	for _, st := range x.text().amounts {
		// a change of 0 has nothing to explain (its wording is N-3's)
		if y := st.yoy; y != nil && y.word != "持平" && !y.reason && y.delta != 0 {
			x.addText(st.part, []forms.CellRef{st.ref}, fmt.Sprintf("情况说明%s“%s，%s”没有说明增减原因（主要原因是……）", st.ref.Row, st.quote(), y.quote()),
				Value{"文字", y.quote()})
		}
	}
}

// evalN5: the 三公 text states every item, 购置费 and 运行费 apart.
func evalN5(x *ctx) {
	if !x.needText() {
		return
	}
	said := map[subject]bool{}
	var ref forms.CellRef
	pt := x.text()
	for s := range pt.itemParas {
		said[s] = true
	}
	for _, st := range pt.amounts {
		// an item is stated wherever its amount is (长沙 states them under
		// 其他重要事项), and 公务用车 购置 and 运行 split
		if st.sc == scSangong || st.subject == subjSangong || slices.Contains(sangongSubjects, st.subject) {
			said[st.subject] = true
			if ref.Table == "" {
				ref = st.ref
			}
		}
	}
	if !said[subjSangong] && !said[subjAbroad] && !said[subjReception] && !said[subjCar] {
		x.skipf("情况说明没有“三公”经费一节")
		return
	}
	var missing []string
	for _, it := range []struct {
		s    subject
		name string
	}{{subjAbroad, "因公出国（境）费"}, {subjCarBuy, "公务用车购置费"}, {subjCarRun, "公务用车运行费"}, {subjReception, "公务接待费"}} {
		if !said[it.s] {
			missing = append(missing, it.name)
		}
	}
	if len(missing) > 0 {
		x.addText(ref.Table, []forms.CellRef{ref}, fmt.Sprintf("情况说明的“三公”经费部分没有分别说明：%s", strings.Join(missing, "、")), Value{"缺少", strings.Join(missing, "、")})
	}
}

// useFacts are what some 项 are for: words a description of their use must
// not contain (another 科目's purpose) and words it should contain.
var useFacts = map[string]struct{ wrong, want []string }{
	"2080505": {wrong: []string{"离退休", "离、退休", "退休", "离休"}, want: []string{"养老"}},
	"2210201": {wrong: []string{"医疗", "养老"}, want: []string{"公积金"}},
	"2101101": {wrong: []string{"公积金", "养老"}, want: []string{"医疗"}},
}

// mayNotFit: a use names a purpose some 项 is not for (useFacts' wrong
// words); without one, N-6 finds nothing about it.
func mayNotFit(use string) bool {
	for _, f := range useFacts {
		for _, w := range f.wrong {
			if strings.Contains(use, w) {
				return true
			}
		}
	}
	return false
}

// evalN6: the use described for a 类 fits the 项 it holds.
func evalN6(x *ctx) {
	if !x.needText() {
		return
	}
	gen := x.table(forms.KindGeneral)
	if gen == nil {
		gen = x.table(forms.KindExpense)
	}
	if gen == nil {
		x.skipf("没有一般公共预算支出表")
		return
	}
	p := gen.Main()
	if p == nil {
		x.skipf("没有一般公共预算支出表")
		return
	}
	// the uses the text states, against the codes of the table's lines (not
	// its figures); a use that has none of the words that do not fit a 项
	// fits whatever the 类 holds, and is passed over
	var stated strings.Builder
	for _, u := range x.text().uses {
		if mayNotFit(u.use) {
			stated.WriteString(u.name + "\x00" + u.use + "\x00" + u.ref.Table + "\x00" + u.ref.Row + "\x00" + u.ref.Column + "\x01")
		}
	}
	memoOn(x, "uses "+gen.ID, []string{tableToken(gen, true)}, stated.String(), func() struct{} { n6(x, p); return struct{}{} })
}

func n6(x *ctx, p *forms.Pane) {
	for _, u := range x.text().uses {
		code, ok := x.codeOfName(u.name)
		if !ok {
			continue
		}
		var items []string
		for _, r := range p.Rows {
			if r.Type == forms.RowClass && len(r.Code) == 7 && strings.HasPrefix(r.Code, code) {
				items = append(items, r.Code)
			}
		}
		if len(items) == 0 {
			continue
		}
		fits := false
		var wrong []string
		for _, item := range items {
			f, known := useFacts[item]
			if !known {
				fits = true // a 项 we know nothing about may explain the use
				continue
			}
			bad := false
			for _, w := range f.wrong {
				if strings.Contains(u.use, w) {
					bad = true
					wrong = append(wrong, w)
					break
				}
			}
			if !bad {
				fits = true
			}
		}
		if !fits {
			x.addText(PartExplanation, []forms.CellRef{u.ref}, fmt.Sprintf("情况说明%s称%s“主要用于%s”，但该类下的科目（%s）不是这个用途（“%s”属于别的科目）", u.ref.Row, u.name, u.use, strings.Join(items, "、"), wrong[0]),
				Value{"用途", u.use}, Value{"科目", strings.Join(items, "、")})
		}
	}
}

// textLoc says where a text field stands ("项目“X”绩效表" + "指标“Y”"),
// built into words only when a finding needs them.
type textLoc struct{ project, base, field, l3 string }

func (l textLoc) String() string {
	s := l.base + l.field
	if l.project != "" {
		s = "项目“" + l.project + "”绩效表" + s
	}
	if l.l3 != "" {
		s += "指标“" + l.l3 + "”"
	}
	return s
}

// textVisit is told a text field: the part it belongs to, where it stands,
// its text.
type textVisit func(part string, loc textLoc, text string)

// otherTexts visits the text fields of the 名词解释 and of the 绩效 forms
// other than the project forms, with their part names and where they stand.
func (x *ctx) otherTexts(visit textVisit) {
	d := x.doc
	for _, t := range d.Text.Glossary {
		visit(PartGlossary, textLoc{base: "名词解释“" + t.Term + "”"}, t.Definition)
	}
	perfTable := x.perfTableID
	if f := d.Perf.Dept; f != nil {
		id, base := perfTable(forms.KindPerfDept, ""), "部门整体绩效表"
		visit(id, textLoc{base: base}, f.NameCode)
		visit(id, textLoc{base: base, field: "年度重点工作"}, f.KeyWork)
		for _, t := range f.Tasks {
			visit(id, textLoc{base: base, field: "任务“" + t.Name + "”"}, t.Name+"："+t.Content)
		}
		gridText(visit, id, textLoc{base: base}, f.Indicators)
	}
	for i, f := range d.Perf.Pre {
		id, base := perfTable(forms.KindPerfPre, ""), fmt.Sprintf("事前绩效评估表第%d张", i+1)
		for _, s := range []string{f.Name, f.Dept, f.Period, f.AnnualGoal, f.WholeGoal, f.Reporter, f.Phone} {
			visit(id, textLoc{base: base}, s)
		}
		gridText(visit, id, textLoc{base: base}, f.AnnualGrid)
		gridText(visit, id, textLoc{base: base}, f.WholeGrid)
	}
}

// projectText visits the text fields of a project form shown in table id.
func projectText(visit textVisit, id string, f *forms.ProjectPerf) {
	at := textLoc{project: f.Name}
	visit(id, at, f.Name)
	visit(id, at, f.Dept)
	visit(id, textLoc{project: f.Name, field: "年度绩效目标"}, f.Goal)
	gridText(visit, id, at, f.Indicators)
}

// gridText visits the text of an indicator grid.
func gridText(visit textVisit, id string, at textLoc, ind []forms.Indicator) {
	for _, i := range ind {
		for _, s := range [...]string{i.L3, i.Stage, i.Value, i.Standard} {
			if s != "" {
				at.l3 = i.L3
				visit(id, at, s)
			}
		}
	}
}

var (
	reYear = regexp.MustCompile(`(\d{4})年`)
	// reYearRange: what stands before the second year of a period
	// (“2026年至2027年”, “2026年-2027年”, “2026—2027年”)
	reYearRange = regexp.MustCompile(`\d{4}年?(?:至|到|-|—|－|～|~)$`)
	reOrgList   = regexp.MustCompile(`(\d+|[一二三四五六七八九十百]+)个(?:内设)?机构[^。\d]*?[：:]`)
	reParen     = regexp.MustCompile(`（[^）]*）|\([^)]*\)`)
)

// endsYearRange: s ends as the first half of a period (reYearRange). The
// pattern reads at most its last ten bytes (four digits, 年, a three-byte
// mark), so only those are given to it: matched against the whole text
// before each year, the 情况说明 took time that grew with its square.
func endsYearRange(s string) bool {
	return reYearRange.MatchString(s[max(0, len(s)-16):])
}

// sections the 情况说明 must have, by the words its headings or text use.
var requiredSections = []struct {
	name  string
	words []string       // in the text
	more  *regexp.Regexp // in the text, where a word alone would match too much
	heads []string       // in a heading only
	not   string         // …and not in a heading that has this too
}{
	// each under the names the localities give it: 收支总表情况说明 (长春),
	// 部门预算收入 (深圳, not 一般公共预算收入), 预算收支总体情况 (福州),
	// 财政拨款情况说明 (重庆), （四）财政拨款支出预算情况说明 (西南大学) …
	{name: "收支预算总体情况", words: []string{"收支预算总体", "收支总体", "收支总预算", "收支总表情况", "收支预算总表"}, heads: []string{"收支预算情况"}, not: "财政拨款"},
	{name: "收入预算情况", words: []string{"收入预算", "收入总表情况", "收入总体"}, more: regexp.MustCompile(`(?:^|[^共])预算收入`)},
	{name: "支出预算情况", words: []string{"支出预算", "支出总表情况", "支出总体"}, more: regexp.MustCompile(`(?:^|[^共])预算支出`)},
	{name: "财政拨款收支预算情况", words: []string{"财政拨款收支"}, heads: []string{"财政拨款"}},
	{name: "一般公共预算拨款（支出）情况", words: []string{"一般公共预算拨款", "一般公共预算支出"}},
	{name: "一般公共预算基本支出情况", words: []string{"基本支出"}},
	{name: "“三公”经费情况", words: []string{"三公"}},
	{name: "政府性基金预算支出情况", words: []string{"政府性基金"}},
	{name: "预算绩效管理情况", words: []string{"绩效"}},
	{name: "机关运行经费", words: []string{"机关运行经费", "单位运行经费"}},
	{name: "政府采购情况", words: []string{"政府采购"}},
	{name: "国有资产占有使用情况", words: []string{"国有资产", "车辆"}},
}

// n7Event is what N-7 found in a text field, with the key it is reported
// once for ("" every time).
type n7Event struct {
	key string
	f   Finding
}

// evalN7: required parts present, no placeholder text, no year after the
// budget year, and counts stated in words that match the lists they
// introduce. The text fields are visited in order: 部门概况, the 情况说明,
// the 名词解释 and the 绩效 forms; what the fields other than the 情况说明
// hold is kept while the text parts and the forms (each project form on
// its own) are as they were.
func evalN7(x *ctx) {
	d := x.doc
	// one placeholder and one year finding per place: the first field there
	// that has one reports it
	reported := map[string]bool{}
	replay := func(evs []n7Event) {
		for _, e := range evs {
			if e.key != "" {
				if reported[e.key] {
					continue
				}
				reported[e.key] = true
			}
			x.found = append(x.found, e.f)
		}
	}
	// field adds what a text field holds wrong to the findings and gives
	// the key of each (no func values: it runs on every field of ten
	// thousand forms)
	field := func(part string, loc textLoc, text string) (keys []string) {
		switch part {
		case PartFunctions, PartOrganization:
			if strings.TrimSpace(text) == "" && !tablesOnly(d) {
				x.addText(part, []forms.CellRef{{Table: part}}, fmt.Sprintf("部门概况缺少“%s”", loc.String()))
				keys = append(keys, "")
			}
		}
		if text == "" {
			return keys
		}
		if hasPlaceholder(text) {
			where := loc.String()
			for _, ph := range placeholders {
				if !strings.Contains(text, ph) {
					continue
				}
				if ph == narrative.GapPrefix {
					// the generated text's gaps: say what each asks for
					asks := narrative.GapAsks(text)
					x.addText(part, []forms.CellRef{{Table: part, Row: where}}, fmt.Sprintf("%s还有 %d 处待补充：%s", where, len(asks), strings.Join(asks, "；")),
						Value{"待补充", strings.Join(asks, "；")})
				} else {
					x.addText(part, []forms.CellRef{{Table: part, Row: where}}, fmt.Sprintf("%s中有未替换的占位文字“%s”", where, ph), Value{"占位文字", ph})
				}
				keys = append(keys, "ph"+part+where)
				break
			}
		}
		if strings.Contains(text, "年") {
			norm := normalize(text)
			for _, m := range reYear.FindAllStringSubmatchIndex(norm, -1) {
				if endsYearRange(norm[:m[0]]) {
					continue // “2026年至2027年”: the end of a project's period
				}
				if y, _ := strconv.Atoi(norm[m[2]:m[3]]); y > d.Meta.Year && y < 2200 {
					where := loc.String()
					x.addText(part, []forms.CellRef{{Table: part, Row: where}}, fmt.Sprintf("%s写有 %d 年，晚于预算年度 %d 年", where, y, d.Meta.Year), Value{"年份", norm[m[2]:m[3]]})
					keys = append(keys, "y"+part+where)
					break
				}
			}
		}
		if strings.Contains(text, "机构") {
			n := len(x.found)
			x.listCounts(part, loc.String(), text)
			for range x.found[n:] {
				keys = append(keys, "")
			}
		}
		return keys
	}
	// the fields visited add their findings, and keys the keys of those
	var keys []string
	visitField := func(part string, loc textLoc, text string) { keys = append(keys, field(part, loc, text)...) }
	// take gives what the fields visited found since n as events, to replay
	take := func(n int) []n7Event {
		var evs []n7Event
		for j, f := range x.found[n:] {
			evs = append(evs, n7Event{keys[j], f})
		}
		x.found, keys = x.found[:n], keys[:0]
		return evs
	}
	record := func(fields func(visit textVisit)) []n7Event {
		n := len(x.found)
		fields(visitField)
		return take(n)
	}
	replay(memo(x, "overview", []string{"text"}, func() []n7Event {
		return record(func(visit textVisit) {
			visit(PartFunctions, textLoc{base: "主要职能"}, d.Text.Functions)
			visit(PartOrganization, textLoc{base: "机构设置"}, d.Text.Organization)
		})
	}))
	explanation := x.text().source // the generated 情况说明, or the text given
	replay(record(func(visit textVisit) { visit(PartExplanation, textLoc{base: "情况说明"}, explanation) }))
	replay(memo(x, "others", []string{"text", "perf"}, func() []n7Event { return record(x.otherTexts) }))
	if x.memo == nil {
		for i := range d.Perf.Projects {
			f := &d.Perf.Projects[i]
			id := x.perfTableID(forms.KindPerfProject, f.Level)
			replay(record(func(visit textVisit) { projectText(visit, id, f) }))
		}
	} else {
		seen := x.seenForms()
		for i := range seen {
			e := &seen[i]
			if !e.done[slotN7] {
				id := e.table
				if id == "" {
					id = string(forms.KindPerfProject) // as perfTableID names it
				}
				n := len(x.found)
				projectText(visitField, id, &d.Perf.Projects[i])
				e.events, e.done[slotN7] = take(n), true
			}
			replay(e.events)
		}
	}
	if strings.TrimSpace(explanation) != "" {
		norm := normalize(explanation)
		var missing []string
		has := map[string]bool{}
		headings := x.text().headings // the text parsed is the one visited
		for _, s := range requiredSections {
			for _, w := range s.words {
				has[s.name] = has[s.name] || strings.Contains(norm, w)
			}
			has[s.name] = has[s.name] || s.more != nil && s.more.MatchString(norm)
			for _, h := range headings {
				for _, w := range s.heads {
					has[s.name] = has[s.name] || strings.Contains(h, w) && (s.not == "" || !strings.Contains(h, s.not))
				}
			}
		}
		// the income and the expense stated one after the other are the
		// overall picture (北京 has no section of that name)
		has[requiredSections[0].name] = has[requiredSections[0].name] || has[requiredSections[1].name] && has[requiredSections[2].name]
		for _, s := range requiredSections {
			if !has[s.name] {
				missing = append(missing, s.name)
			}
		}
		if len(missing) > 0 {
			x.addText(PartExplanation, []forms.CellRef{{Table: PartExplanation}}, "情况说明缺少以下内容："+strings.Join(missing, "、"), Value{"缺少", strings.Join(missing, "、")})
		}
	}
	if len(d.GlossaryOf()) == 0 {
		x.addText(PartGlossary, []forms.CellRef{{Table: PartGlossary}}, "名词解释为空")
	}
}

// tablesOnly: a published document read without any text (北京 publishes
// its tables and its 情况说明 as two files): its 部门概况 is elsewhere.
func tablesOnly(d *forms.Document) bool {
	t := d.Text
	return d.Template.Own && strings.TrimSpace(t.Functions+t.Organization+t.Explanation) == ""
}

// listCounts: "内设 17 个机构，分别为：A、B…" names as many as it says.
func (x *ctx) listCounts(part, where, text string) {
	norm := normalize(text)
	for _, loc := range reOrgList.FindAllStringSubmatchIndex(norm, -1) {
		said := chineseOrDigits(norm[loc[2]:loc[3]])
		rest := strings.TrimLeft(norm[loc[1]:], "\n")
		if end := strings.IndexAny(rest, "。\n"); end >= 0 {
			rest = rest[:end]
		}
		rest = reParen.ReplaceAllString(rest, "")
		items, last := 0, ""
		for _, it := range strings.Split(rest, "、") {
			if strings.TrimSpace(it) != "" {
				items, last = items+1, it
			}
		}
		if a, b, ok := strings.Cut(last, "和"); ok && items < said && strings.TrimSpace(a) != "" && strings.TrimSpace(b) != "" {
			items++ // “…、机关服务中心和信息中心”: the last two joined by 和 (when one more is said)
		}
		if said >= 0 && items > 1 && items != said {
			x.addText(part, []forms.CellRef{{Table: part, Row: where}}, fmt.Sprintf("%s称内设 %d 个机构，随后列出了 %d 个", where, said, items),
				Value{"文字", fmt.Sprint(said)}, Value{"列出", fmt.Sprint(items)})
		}
	}
}

// chineseOrDigits reads "17" or "十七"; -1 when it cannot.
func chineseOrDigits(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	for n := 1; n <= 99; n++ {
		if forms.ChineseNumber(n) == s {
			return n
		}
	}
	return -1
}

// evalN8: no share of a zero total.
func evalN8(x *ctx) {
	if !x.needText() {
		return
	}
	for _, st := range x.text().amounts {
		if st.pct == nil {
			continue
		}
		if _, whole, ok := x.shareFigs(st); ok && whole == 0 {
			x.addText(st.part, []forms.CellRef{st.ref}, fmt.Sprintf("情况说明%s“%s，占%s”：总数为零，不宜再写占比", st.ref.Row, st.quote(), st.pct.text),
				Value{"文字", "占" + st.pct.text})
		}
	}
}
