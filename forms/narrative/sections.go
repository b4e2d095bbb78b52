package narrative

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"yusuan/forms"
	"yusuan/forms/money"
)

// writer drafts the sections of one document.
type writer struct {
	d    *forms.Document
	year string // "2022年"
	org  string // 部门 / 单位
}

func newWriter(d *forms.Document) *writer {
	return &writer{d: d, year: strconv.Itoa(d.Meta.Year) + "年", org: d.LevelWord()}
}

// table is the document's table of a kind, nil when the template has none
// or the document does not provide it.
func (w *writer) table(k forms.Kind) *forms.Table {
	t := w.d.First(k)
	if t == nil || t.Absent {
		return nil
	}
	return t
}

// fig is a figure with the unit of the table it comes from.
type fig struct {
	v       money.Amount
	u       money.Unit
	grouped bool // printed with thousands separators, as its table prints them
}

func (f fig) String() string { return money.Format(f.v, f.grouped) + string(f.u) }

// in is the figure in another unit (last year's inputs are in 万元).
func (f fig) in(u money.Unit) fig {
	v, err := money.Convert(f.v, f.u, u)
	if err != nil {
		return f
	}
	return fig{v, u, f.grouped}
}

func (w *writer) value(t *forms.Table, side forms.Side, row, col string) (fig, bool) {
	if t == nil {
		return fig{}, false
	}
	p := t.Pane(side)
	if p == nil {
		return fig{}, false
	}
	v, ok := p.Value(row, col)
	return fig{v, t.Unit, t.Grouped}, ok
}

// pct prints a share in hundredths of a percent: 1413 → "14.13%".
func pct(h int64) string {
	sign := ""
	if h < 0 {
		sign, h = "-", -h
	}
	return fmt.Sprintf("%s%d.%02d%%", sign, h/100, h%100)
}

// part is one piece of a breakdown: its words and its figure.
type part struct {
	label string
	f     fig
}

// shares writes "基本支出943.25万元，占14.13%；项目支出5734.20万元，占85.87%":
// the shares of one breakdown, adding to 100.00% when the parts add to the
// whole; no shares of a zero whole.
func shares(parts []part, whole fig, sep string) string {
	return strings.Join(shareTexts(parts, whole), sep)
}

// shareTexts is each part with its share, as shares writes them.
func shareTexts(parts []part, whole fig) []string {
	amounts := make([]money.Amount, len(parts))
	for i, p := range parts {
		amounts[i] = p.f.in(whole.u).v
	}
	var hs []int64
	if whole.v > 0 {
		hs = money.Shares(amounts, whole.v)
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = p.label + p.f.String()
		if hs != nil {
			out[i] += "，占" + pct(hs[i])
		}
	}
	return out
}

// change compares a figure with last year's: "，比上年增加5647.35万元",
// "，与上年持平", with the growth rate when asked and last year was not zero.
// It reports whether the figure changed (a reason must follow).
func change(now fig, last *money.Amount, rate bool) (string, bool) {
	prev := fig{*last, money.WanYuan, now.grouped}.in(now.u)
	delta := fig{now.v - prev.v, now.u, now.grouped}
	switch {
	case delta.v == 0:
		return "，与上年持平", false
	case delta.v > 0:
		s := "，比上年增加" + delta.String()
		if rate && prev.v > 0 {
			s += "，增长" + pct(money.Share(delta.v, prev.v))
		}
		return s, true
	default:
		delta.v = -delta.v
		s := "，比上年减少" + delta.String()
		if rate && prev.v > 0 {
			s += "，下降" + pct(money.Share(delta.v, prev.v))
		}
		return s, true
	}
}

// reasonOr is the clerk's reason (or use), or the gap asking for it. The
// words the sentence already has around it are taken off the clerk's text:
// "主要原因是新增项目。" reads "新增项目".
func reasonOr(reason, what string) string {
	r := strings.TrimSpace(reason)
	for _, lead := range []string{"主要原因是", "主要原因：", "原因是", "主要是", "主要用于", "用于"} {
		r = strings.TrimPrefix(r, lead)
	}
	r = strings.TrimRight(strings.TrimSpace(r), "。；，、：.;,:!！?？ ")
	if r != "" {
		return r
	}
	return gap(what)
}

// classRows lists the 类 lines of a pane with a non-zero figure in col.
func classRows(t *forms.Table, side forms.Side, col string) []*forms.Row {
	if t == nil {
		return nil
	}
	p := t.Pane(side)
	if p == nil || p.Col(col) < 0 {
		return nil
	}
	ci := p.Col(col)
	var out []*forms.Row
	for _, r := range p.Rows {
		if r.Type == forms.RowClass && len(r.Code) == 3 && r.Cells[ci].Value != 0 {
			out = append(out, r)
		}
	}
	return out
}

// className writes a 类 the way the text names it: "一般公共服务（类）支出".
func className(name string) string {
	if base, ok := strings.CutSuffix(name, "支出"); ok && base != "" {
		return base + "（类）支出"
	}
	return name + "（类）"
}

func (w *writer) missingTable(k forms.Kind) []string {
	title := k.Def().Title
	if t := w.d.First(k); t != nil {
		title = t.Title
	}
	return []string{fmt.Sprintf("本%s未提供%s，%s。", w.org, title, gap("本节内容"))}
}

// summary: 收支预算总体情况.
func (w *writer) summary() []string {
	t := w.table(forms.KindSummary)
	if t == nil {
		return w.missingTable(forms.KindSummary)
	}
	var sources []string
	for _, p := range w.incomeSources(t) {
		sources = append(sources, p.label)
	}
	var classes []string
	for _, r := range classRows(t, forms.SideOut, forms.ColAmount) {
		classes = append(classes, r.Name)
	}
	first := w.d.Meta.Name + w.year + "的全部收入和支出都编入本" + w.org + "预算。"
	if len(sources) > 0 {
		first += "收入来源为" + strings.Join(sources, "、") + "。"
	}
	if len(classes) > 0 {
		first += fmt.Sprintf("支出分布在%s，共%d个功能分类科目（类）。", strings.Join(classes, "、"), len(classes))
	} else {
		first += "本年没有安排支出。"
	}
	lines := []string{first}
	total, _ := w.value(t, forms.SideIn, forms.LineInTotal, forms.ColAmount)
	s := w.year + "收支总预算" + total.String()
	if prev := w.d.Inputs.PrevTotal; prev != nil {
		c, changed := change(total, prev, false)
		s += c
		if changed {
			s += "，主要原因是" + reasonOr(w.d.Inputs.TotalReason, "收支总预算增减的主要原因")
		}
	} else {
		s += "，上年收支总预算为" + gap("上年收支总预算（万元）")
	}
	return append(lines, s+"。")
}

// lineName is a fixed line's label without its enumerator: "一、财政拨款收入"
// → "财政拨款收入".
func lineName(label string) string {
	return reEnumerator.ReplaceAllString(label, "")
}

var reEnumerator = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、]\s*|（\d+）)`)

// income: 收入预算情况.
func (w *writer) income() []string {
	t := w.table(forms.KindSummary)
	if t == nil {
		return w.missingTable(forms.KindSummary)
	}
	total, _ := w.value(t, forms.SideIn, forms.LineInTotal, forms.ColAmount)
	if total.v == 0 {
		return []string{w.year + "没有安排收入。"}
	}
	// 本年收入 (the whole, in a template without that line) and what comes
	// from earlier years: 财政拨款结转, 其他收入结转结余, 用事业基金弥补收支差额
	current, hasCurrent := w.value(t, forms.SideIn, forms.LineInCurrent, forms.ColAmount)
	if !hasCurrent {
		current = total
	}
	carries := w.lines(t, carryLines)
	s := w.year + "收入预算" + total.String()
	if len(carries) == 0 {
		s += "，全部为本年收入。"
	} else {
		s += "，其中" + shares(append([]part{{"本年收入", current}}, carries...), total, "；") + "。"
	}
	lines := []string{s}
	if parts := w.incomeSources(t); len(parts) > 0 {
		lines = append(lines, "本年收入中，"+shares(parts, current, "；")+"。")
	}
	return lines
}

// carryLines are the 收支总表's lines of money from earlier years.
var carryLines = map[string]bool{forms.LineInCarry: true, "in.carry_other": true, "in.fundgap": true}

// lines lists the 收支总表's income lines among keys that hold money.
func (w *writer) lines(t *forms.Table, keys map[string]bool) []part {
	in := t.Pane(forms.SideIn)
	var out []part
	for ri, r := range in.Rows {
		if !keys[r.Key] {
			continue
		}
		if f, ok := w.value(t, forms.SideIn, r.Key, forms.ColAmount); ok && f.v != 0 {
			out = append(out, part{lineName(in.Label(ri)), f})
		}
	}
	return out
}

// incomeSources are this year's income lines that hold money: the lines
// nothing else adds up, apart from those of earlier years.
func (w *writer) incomeSources(t *forms.Table) []part {
	keys := map[string]bool{}
	for _, r := range t.Pane(forms.SideIn).Rows {
		if r.Type == forms.RowLine && !r.Computed() && !carryLines[r.Key] {
			keys[r.Key] = true
		}
	}
	return w.lines(t, keys)
}

// basicSplit is 人员经费, 公用经费 and their whole: from the general table
// (the 基本支出表 when it does not print them), or the other way round for
// the 基本支出 section — the tables the checks compare each section with.
func (w *writer) basicSplit(basicFirst bool) (personnel, public, basic fig, ok bool) {
	fromGeneral := func() (fig, fig, fig, bool) {
		g := w.table(forms.KindGeneral)
		pe, ok1 := w.value(g, forms.SideNone, forms.RowKeyTotal, forms.ColPersonnel)
		pu, ok2 := w.value(g, forms.SideNone, forms.RowKeyTotal, forms.ColPublic)
		b, ok3 := w.value(g, forms.SideNone, forms.RowKeyTotal, forms.ColBasic)
		return pe, pu, b, ok1 && ok2 && ok3
	}
	fromBasic := func() (fig, fig, fig, bool) {
		b := w.table(forms.KindBasic)
		pe, ok1 := w.value(b, forms.SideNone, forms.RowKeyTotal, forms.ColPersonnel)
		pu, ok2 := w.value(b, forms.SideNone, forms.RowKeyTotal, forms.ColPublic)
		tot, ok3 := w.value(b, forms.SideNone, forms.RowKeyTotal, forms.ColTotal)
		return pe, pu, tot, ok1 && ok2 && ok3
	}
	first, second := fromGeneral, fromBasic
	if basicFirst {
		first, second = fromBasic, fromGeneral
	}
	if personnel, public, basic, ok = first(); ok {
		return
	}
	return second()
}

// basicProject writes the 基本/项目 split of a fund table's total, and the
// 人员/公用 split of its 基本支出.
func (w *writer) basicProject(t *forms.Table, lead string) []string {
	total, _ := w.value(t, forms.SideNone, forms.RowKeyTotal, forms.ColTotal)
	basic, okB := w.value(t, forms.SideNone, forms.RowKeyTotal, forms.ColBasic)
	project, okP := w.value(t, forms.SideNone, forms.RowKeyTotal, forms.ColProject)
	s := lead + total.String()
	if okB && okP {
		s += "。其中" + shares([]part{{"基本支出", basic}, {"项目支出", project}}, total, "；")
	}
	lines := []string{s + "。"}
	if pe, pu, whole, ok := w.basicSplit(false); ok && okB && whole.in(basic.u).v == basic.v && basic.v != 0 {
		lines = append(lines, "基本支出中，"+shares([]part{{"人员经费", pe}, {"公用经费", pu}}, whole, "；")+"。")
	}
	return lines
}

// expense: 支出预算情况.
func (w *writer) expense() []string {
	t := w.table(forms.KindExpense)
	if t == nil {
		return w.missingTable(forms.KindExpense)
	}
	return w.basicProject(t, w.year+"支出预算")
}

// fiscal: 财政拨款收支预算情况.
func (w *writer) fiscal() []string {
	t := w.table(forms.KindFiscal)
	if t == nil {
		return w.missingTable(forms.KindFiscal)
	}
	total, _ := w.value(t, forms.SideIn, forms.LineInTotal, forms.ColAmount)
	s := w.year + "财政拨款收支总预算" + total.String() + "。"
	var funds []string
	for i, l := range []struct{ key, label string }{
		{forms.LineInGeneral, "一般公共预算拨款"}, {forms.LineInFund, "政府性基金预算拨款"}, {forms.LineInSOE, "国有资本经营预算拨款"},
	} {
		if f, ok := w.value(t, forms.SideIn, l.key, forms.ColAmount); ok && (f.v != 0 || i == 0) {
			funds = append(funds, l.label+f.String())
		}
	}
	if carry, ok := w.value(t, forms.SideIn, forms.LineInCarry, forms.ColAmount); ok && carry.v != 0 {
		funds = append(funds, "上年结转"+carry.String())
	}
	s += "收入方面，" + strings.Join(funds, "，") + "。"
	var classes []string
	for _, r := range classRows(t, forms.SideOut, forms.ColAmount) {
		v, _ := w.value(t, forms.SideOut, r.Key, forms.ColAmount)
		classes = append(classes, r.Name+v.String())
	}
	if len(classes) > 0 {
		s += "支出方面，按功能分类：" + strings.Join(classes, "，") + "。"
	}
	return []string{s}
}

// general: 一般公共预算拨款情况, with a paragraph for each 类.
func (w *writer) general() []string {
	t := w.table(forms.KindGeneral)
	if t == nil {
		return w.missingTable(forms.KindGeneral)
	}
	total, _ := w.value(t, forms.SideNone, forms.RowKeyTotal, forms.ColTotal)
	if total.v == 0 {
		return []string{w.year + "没有安排一般公共预算拨款支出。"}
	}
	lines := w.basicProject(t, w.year+"一般公共预算拨款支出")
	rows := classRows(t, forms.SideNone, forms.ColTotal)
	parts := make([]part, len(rows))
	for i, r := range rows {
		v, _ := w.value(t, forms.SideNone, r.Key, forms.ColTotal)
		parts[i] = part{className(r.Name), v}
	}
	if len(parts) > 0 {
		lines = append(lines, "按支出功能分类：")
	}
	for i, text := range shareTexts(parts, total) {
		use := reasonOr(w.d.Inputs.ClassUses[rows[i].Code], "该类支出的主要用途")
		lines = append(lines, text+"，主要用于"+use+"。")
	}
	return lines
}

// basic: 一般公共预算基本支出情况, with the economic items that have money.
func (w *writer) basic() []string {
	personnel, public, basic, ok := w.basicSplit(true)
	if !ok {
		return w.missingTable(forms.KindBasic)
	}
	lines := []string{fmt.Sprintf("%s一般公共预算基本支出%s，其中人员经费%s，公用经费%s。", w.year, basic, personnel, public)}
	t := w.table(forms.KindBasic)
	if t == nil {
		return lines
	}
	items := func(col string) []string {
		p := t.Main()
		ci := p.Col(col)
		if ci < 0 {
			return nil
		}
		var names []string
		for _, level := range []int{5, 3} { // 款 names, or 类 names when no 款 is listed
			for _, r := range p.Rows {
				if r.Type == forms.RowClass && len(r.Code) == level && r.Cells[ci].Value != 0 {
					names = append(names, r.Name)
				}
			}
			if len(names) > 0 {
				break
			}
		}
		return names
	}
	if names := items(forms.ColPersonnel); len(names) > 0 {
		lines = append(lines, "人员经费用于"+strings.Join(names, "、")+"。")
	}
	if names := items(forms.ColPublic); len(names) > 0 {
		lines = append(lines, "公用经费用于"+strings.Join(names, "、")+"。")
	}
	return lines
}

// sangong: “三公”经费情况, every item with last year's comparison.
func (w *writer) sangong() []string {
	t := w.table(forms.KindSangong)
	if t == nil {
		return w.missingTable(forms.KindSangong)
	}
	get := func(col string) fig {
		f, _ := w.value(t, forms.SideNone, forms.LineSangongCurrent, col)
		return f
	}
	prev := w.d.Inputs.PrevSangong
	reason := reasonOr(w.d.Inputs.SangongReason, "“三公”经费增减的主要原因")
	reasonGiven := false
	compare := func(now fig, last money.Amount) string {
		if prev == nil {
			return ""
		}
		c, changed := change(now, &last, false)
		if changed {
			if reasonGiven {
				c += "，主要原因同上"
			} else {
				c += "，主要原因是" + reason
				reasonGiven = true
			}
		}
		return c
	}
	total := get(forms.ColTotal)
	s := w.year + "“三公”经费预算" + total.String()
	if prev != nil {
		s += compare(total, prev.Total())
	} else {
		s += "，上年预算数为" + gap("上年“三公”经费预算数（分项）")
	}
	items := []string{
		"因公出国（境）费" + get("abroad").String(),
		"公务用车购置费" + get("car_buy").String(),
		"公务用车运行费" + get("car_run").String(),
		"公务接待费" + get("reception").String(),
	}
	if prev != nil {
		items[0] += compare(get("abroad"), prev.Abroad)
		items[1] += compare(get("car_buy"), prev.CarBuy)
		items[2] += compare(get("car_run"), prev.CarRun)
		items[3] += compare(get("reception"), prev.Reception)
	}
	return []string{s + "。", "其中：" + strings.Join(items, "；") + "。"}
}

// fund: 政府性基金 (or 国有资本经营) 预算支出情况; the standard sentence when
// there is none.
func (w *writer) fund(k forms.Kind) []string {
	t := w.table(k)
	what := map[forms.Kind]string{forms.KindFund: "政府性基金预算", forms.KindSOE: "国有资本经营预算"}[k]
	var total fig
	if t == nil && w.d.First(k) != nil {
		return w.missingTable(k) // in the template, not provided: not zero (decision 1)
	}
	if t != nil {
		total, _ = w.value(t, forms.SideNone, forms.RowKeyTotal, forms.ColTotal)
	}
	if t == nil || total.v == 0 {
		return []string{fmt.Sprintf("%s%s没有使用%s拨款安排的支出，%s支出表为空表。", w.d.Meta.Name, w.year, what, what)}
	}
	lines := w.basicProject(t, w.year+what+"支出")
	// 人员/公用 above are the general table's: a fund states only its own
	lines = lines[:1]
	var classes []string
	for _, r := range classRows(t, forms.SideNone, forms.ColTotal) {
		v, _ := w.value(t, forms.SideNone, r.Key, forms.ColTotal)
		classes = append(classes, className(r.Name)+v.String())
	}
	if len(classes) > 0 {
		lines = append(lines, "按支出功能分类："+strings.Join(classes, "，")+"。")
	}
	return lines
}

// perf: 预算绩效管理情况, counted from the project table and the forms.
func (w *writer) perf() []string {
	var lines []string
	if t := w.table(forms.KindProjects); t != nil {
		l1 := map[string]bool{}
		l2, last := 0, ""
		for _, r := range t.Main().Rows {
			if r.Type == forms.RowProject {
				l2++
				// the lines of one 一级项目 stand together: its name is
				// looked up once for them
				if n := r.Project.L1; n != "" && n != last {
					l1[n], last = true, n
				}
			}
		}
		total, _ := w.value(t, forms.SideNone, forms.RowKeyTotal, forms.ColTotal)
		if l2 == 0 {
			lines = append(lines, w.year+"没有安排项目支出。")
		} else {
			line := fmt.Sprintf("%s纳入预算绩效管理的一级项目共%d项，二级项目共%d项，金额合计%s。", w.year, len(l1), l2, total)
			// the 部门's own share beside its units' (as published: 其中部门本级…)
			if n, amount := w.ownProjects(t); w.d.Meta.Level == forms.LevelDept {
				line += fmt.Sprintf("其中部门本级的二级项目%d项，金额合计%s。", n, fig{v: amount, u: t.Unit, grouped: t.Grouped})
			}
			lines = append(lines, line)
		}
		if n := len(w.d.Perf.Projects); n > 0 {
			lines = append(lines, fmt.Sprintf("本%s已编制项目支出绩效目标表%d张。", w.org, n))
		}
	} else {
		lines = append(lines, "纳入预算绩效管理的项目："+gap("一级、二级项目个数和金额")+"。")
	}
	count, amount := len(w.d.Perf.Pre), money.Amount(0)
	for _, f := range w.d.Perf.Pre {
		amount += f.Annual.TotalValue()
	}
	known := w.table(forms.KindPerfPre) != nil // the forms say how many, even none
	if in := w.d.Inputs.PrePerf; in != nil {
		count, amount, known = in.Count, in.Amount, true
	}
	switch {
	case !known:
		lines = append(lines, "开展事前绩效评估的项目："+gap("事前绩效评估项目个数和金额")+"。")
	default: // none is stated as a count too, as published (0项，0万元)
		lines = append(lines, fmt.Sprintf("开展事前绩效评估的项目%d项，金额合计%s。", count, fig{v: amount, u: money.WanYuan}))
	}
	return lines
}

// ownProjects counts the 部门本级's 二级项目 of the project table (those
// whose 项目单位 is the 部门 itself, or names none) and their 合计.
func (w *writer) ownProjects(t *forms.Table) (int, money.Amount) {
	p := t.Main()
	total := p.Col(forms.ColTotal)
	n, amount := 0, money.Amount(0)
	for _, r := range p.Rows {
		if r.Type != forms.RowProject {
			continue
		}
		if u := r.Project.Unit; u != "" && u != w.d.Meta.Name {
			continue
		}
		n++
		if total >= 0 && total < len(r.Cells) {
			amount += r.Cells[total].Value
		}
	}
	return n, amount
}

// other: 其他重要事项 — 机关运行经费, 政府采购, 国有资产.
func (w *writer) other() []string {
	in := w.d.Inputs
	lines := []string{"（一）机关运行经费"}
	op, ok := w.operating()
	if ok {
		s := w.year + "机关运行经费财政拨款预算" + op.String()
		if in.PrevOperating != nil {
			c, changed := change(op, in.PrevOperating, true)
			s += c
			if changed {
				s += "，主要原因是" + reasonOr(in.OperatingReason, "机关运行经费增减的主要原因")
			}
		} else {
			s += "，上年预算数为" + gap("上年机关运行经费（万元）")
		}
		lines = append(lines, s+"。")
	} else {
		lines = append(lines, w.year+"机关运行经费财政拨款预算"+gap("机关运行经费（万元）")+"。")
	}
	lines = append(lines, "（二）政府采购情况")
	if p := in.Procurement; p != nil {
		wan := func(v money.Amount) string { return fig{v: v, u: money.WanYuan}.String() }
		lines = append(lines, fmt.Sprintf("%s政府采购预算总额%s，其中政府采购货物预算%s、政府采购工程预算%s、政府采购服务预算%s。",
			w.year, wan(p.TotalValue()), wan(p.Goods), wan(p.Works), wan(p.Services)))
	} else {
		lines = append(lines, w.year+"政府采购预算"+gap("政府采购预算总额及货物、工程、服务各类金额")+"。")
	}
	lines = append(lines, "（三）国有资产占有使用情况")
	if a := in.Assets; a != nil {
		v := a.Vehicles
		lines = append(lines, fmt.Sprintf("截至%d年底，本%s共有车辆%d辆，其中领导干部用车%d辆、一般公务用车%d辆、一般执法执勤用车%d辆、特种专业技术用车%d辆、其他用车%d辆；单位价值200万元以上的大型设备%d套。",
			w.d.Meta.Year-1, w.org, v.Total(), v.Leader, v.General, v.Enforcement, v.Special, v.Other, a.Equipment))
		lines = append(lines, fmt.Sprintf("%s拟购置车辆%d辆，拟购置单位价值200万元以上的大型设备%d套。", w.year, a.PlanVehicles, a.PlanEquipment))
	} else {
		lines = append(lines, fmt.Sprintf("截至%d年底的车辆和大型设备情况：%s。", w.d.Meta.Year-1, gap("按用途分的车辆数、单位价值200万元以上的大型设备数和本年购置计划")))
	}
	return lines
}

// Operating is 机关运行经费 as the 情况说明 states it, in 万元 (what a
// bureau's 表样 sentence asks for too).
func Operating(d *forms.Document) (money.Amount, bool) {
	f, ok := newWriter(d).operating()
	if !ok {
		return 0, false
	}
	w, err := money.Convert(f.v, f.u, money.WanYuan)
	return w, err == nil
}

// operating is 机关运行经费: the 三公 table's column, the clerk's input, or
// 公用经费 when neither gives it.
func (w *writer) operating() (fig, bool) {
	if t := w.table(forms.KindSangong); t != nil {
		if f, ok := w.value(t, forms.SideNone, forms.LineSangongCurrent, "operating"); ok && f.v != 0 {
			return f, true
		}
	}
	if v := w.d.Inputs.Operating; v != nil {
		return fig{v: *v, u: money.WanYuan}, true
	}
	_, public, _, ok := w.basicSplit(false)
	return public, ok
}
