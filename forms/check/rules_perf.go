package check

import (
	"fmt"
	"strconv"
	"strings"

	"yusuan/forms"
	"yusuan/forms/money"
)

// indValue is an indicator value read apart: comparator, number, unit.
type indValue struct {
	cmp    string // ">=", "<=", "=", ">", "<" or ""
	micro  int64  // the number in millionths
	hasNum bool
	unit   string
}

// comparators are the ways clerks write a comparison, longest first.
var comparators = []struct{ word, cmp string }{
	{">=", ">="}, {"≥", ">="}, {"＞＝", ">="}, {"大于等于", ">="}, {"不低于", ">="}, {"不少于", ">="},
	{"<=", "<="}, {"≤", "<="}, {"＜＝", "<="}, {"小于等于", "<="}, {"不高于", "<="}, {"不超过", "<="},
	{"=", "="}, {"＝", "="}, {"等于", "="}, {">", ">"}, {"＞", ">"}, {"大于", ">"}, {"<", "<"}, {"＜", "<"}, {"小于", "<"},
}

// leadingNumber returns the decimal number at the start of s ("24" of "24次").
func leadingNumber(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && s[i] == '.' && s[i+1] >= '0' && s[i+1] <= '9' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	}
	return s[:i]
}

func parseIndicator(s string) indValue {
	s = normalize(s)
	var v indValue
	for _, c := range comparators {
		if strings.HasPrefix(s, c.word) {
			v.cmp, s = c.cmp, s[len(c.word):]
			break
		}
	}
	if m := leadingNumber(s); m != "" {
		whole, frac, _ := strings.Cut(m, ".")
		w, err := strconv.ParseInt(whole, 10, 64)
		if err == nil && w < 1_000_000_000 {
			frac = (frac + "000000")[:6]
			f, _ := strconv.ParseInt(frac, 10, 64)
			v.micro, v.hasNum = w*1_000_000+f, true
		}
		s = s[len(m):]
	}
	v.unit = strings.TrimSpace(s)
	return v
}

// capMicroWan is a cost cap in millionths of 万元, when the value is one
// (decision 20: a value without a comparator counts as a cap).
func (v indValue) capMicroWan() (int64, bool) {
	if !v.hasNum || (v.cmp != "" && v.cmp != "<=" && v.cmp != "<" && v.cmp != "=") {
		return 0, false
	}
	switch v.unit {
	case "万元":
		return v.micro, true
	case "元":
		return (v.micro + 5000) / 10000, true
	}
	return 0, false
}

func microWan(m int64) string {
	a := money.Amount((m + 5000) / 10000)
	return amt(a, money.WanYuan)
}

// perfForm is any 绩效 form seen by the P rules.
type perfForm struct {
	table  string
	name   string
	unit   string // the 单位's code, in a consolidated document
	grids  [][]forms.Indicator
	money  []forms.Fund
	labels []string // what each Fund is
	scored bool
}

// otherForms are the 绩效 forms other than the project forms: the 部门整体
// form and the 事前评估 forms, gathered once per check.
func (x *ctx) otherForms() []perfForm {
	if x.forms != nil {
		return x.forms
	}
	d := x.doc
	tableOf := func(k forms.Kind) string {
		if t := x.perfTable(k, ""); t != nil {
			return t.ID
		}
		return ""
	}
	out := []perfForm{}
	if f := d.Perf.Dept; f != nil {
		if id := tableOf(forms.KindPerfDept); id != "" {
			out = append(out, perfForm{table: id, name: "部门整体", grids: [][]forms.Indicator{f.Indicators}})
		}
	}
	for i, f := range d.Perf.Pre {
		if id := tableOf(forms.KindPerfPre); id != "" {
			name := f.Name
			if name == "" {
				name = fmt.Sprintf("第%d张", i+1)
			}
			out = append(out, perfForm{table: id, name: name, unit: f.Unit, grids: [][]forms.Indicator{f.AnnualGrid, f.WholeGrid},
				money: []forms.Fund{f.Annual, f.Whole}, labels: []string{"年度资金", "实施期资金"}, scored: true})
		}
	}
	x.forms = out
	return out
}

// projectTable is the id of the table that shows the project forms of a
// level ("" none).
func (x *ctx) projectTable(level string) string {
	if id, ok := x.levelTables[level]; ok {
		return id
	}
	id := ""
	if t := x.perfTable(forms.KindPerfProject, level); t != nil {
		id = t.ID
	}
	if x.levelTables == nil {
		x.levelTables = map[string]string{}
	}
	x.levelTables[level] = id
	return id
}

// projectPerfForm is a project form as the P rules see it.
func projectPerfForm(f *forms.ProjectPerf, table string) perfForm {
	return perfForm{table: table, name: f.Name, unit: f.Unit, grids: [][]forms.Indicator{f.Indicators},
		money: []forms.Fund{f.Money}, labels: projectLabels}
}

func (x *ctx) perfFinding(f perfForm, column, msg string, vals ...Value) {
	x.perfFindingSev(x.rule.Severity, f, column, msg, vals...)
}

func (x *ctx) perfFindingSev(sev Severity, f perfForm, column, msg string, vals ...Value) {
	x.found = append(x.found, Finding{Rule: x.rule.ID, Severity: sev, Table: f.table, Kind: x.doc.Table(f.table).Kind,
		Cells: []forms.CellRef{{Table: f.table, Row: f.name, Column: column}}, Message: msg, Values: vals, Units: formUnit(x.doc, f.unit)})
}

// projectLabels name a project form's one Fund.
var projectLabels = []string{"年度资金"}

func evalP1(x *ctx) { x.eachForm(slotP1, func(f perfForm) { p1(x, f) }) }

func p1(x *ctx, f perfForm) {
	for i, m := range f.money {
		if m.Total == nil || *m.Total == m.Fiscal+m.Other {
			continue
		}
		vals := []Value{{"总额", amt(*m.Total, money.WanYuan)}, {"财政拨款＋其他资金", amt(m.Fiscal+m.Other, money.WanYuan)}}
		// a form printed in 万元: each figure carries its rounding
		var t tally
		t.add(unitStep(money.WanYuan), 1+nonZero(m.Fiscal, m.Other), money.WanYuan)
		if diff := cents(*m.Total-m.Fiscal-m.Other, money.WanYuan); t.within(diff) {
			x.perfFindingSev(Hint, f, f.labels[i]+"总额", fmt.Sprintf("“%s”绩效表%s总额 %s 与财政拨款 %s ＋ 其他资金 %s %s", f.name, f.labels[i],
				amt(*m.Total, money.WanYuan), m.Fiscal, m.Other, t.note(diff, money.WanYuan)), vals...)
			continue
		}
		x.perfFinding(f, f.labels[i]+"总额", fmt.Sprintf("“%s”绩效表%s总额 %s ≠ 财政拨款 %s ＋ 其他资金 %s", f.name, f.labels[i],
			amt(*m.Total, money.WanYuan), m.Fiscal, m.Other), vals...)
	}
}

// countWords end the names of indicators that count things.
var countWords = []string{"次数", "人数", "个数", "件数", "批次", "份数", "场次", "户数", "台数"}

func isCount(l3 string) bool {
	l3 = strings.TrimSpace(l3)
	for _, w := range countWords {
		if strings.HasSuffix(l3, w) {
			return true
		}
	}
	return false
}

func evalP2(x *ctx) { x.eachForm(slotP2, func(f perfForm) { p2(x, f) }) }

func p2(x *ctx, f perfForm) {
	for _, grid := range f.grids {
		for _, ind := range grid {
			if strings.TrimSpace(ind.L3) == "" || hasPlaceholder(ind.L3) || strings.HasPrefix(ind.L3, "指标") {
				continue
			}
			where := func() string { return "“" + f.name + "”绩效表 三级指标“" + ind.L3 + "”" }
			if strings.TrimSpace(ind.Value) == "" {
				x.perfFinding(f, ind.L3, where()+"没有指标值")
				continue
			}
			v := parseIndicator(ind.Value)
			switch {
			case !v.hasNum:
			case v.cmp == "":
				x.perfFinding(f, ind.L3, fmt.Sprintf("%s的指标值“%s”缺少比较符（如 >=、<=、=）", where(), ind.Value), Value{"指标值", ind.Value})
			}
			if v.hasNum && v.unit == "" {
				x.perfFinding(f, ind.L3, fmt.Sprintf("%s的指标值“%s”缺少计量单位", where(), ind.Value), Value{"指标值", ind.Value})
			}
			if v.unit == "%" && isCount(ind.L3) {
				x.perfFinding(f, ind.L3, fmt.Sprintf("%s是计数指标，指标值“%s”却用百分比", where(), ind.Value), Value{"指标值", ind.Value})
			}
			if ind.Stage == "" {
				continue
			}
			s := parseIndicator(ind.Stage)
			if s.hasNum && v.hasNum && s.unit == v.unit && s.micro > v.micro && s.cmp != "" && (v.cmp == "" || sameDirection(s.cmp, v.cmp)) {
				x.perfFinding(f, ind.L3, fmt.Sprintf("%s的阶段性指标值“%s”比全年指标值“%s”还高", where(), ind.Stage, ind.Value),
					Value{"阶段性指标值", ind.Stage}, Value{"指标值", ind.Value})
			}
		}
	}
}

func sameDirection(a, b string) bool {
	up := func(c string) bool { return c == ">=" || c == ">" }
	down := func(c string) bool { return c == "<=" || c == "<" }
	return (up(a) && up(b)) || (down(a) && down(b)) || a == b
}

func evalP3(x *ctx) { x.eachForm(slotP3, func(f perfForm) { p3(x, f) }) }

func p3(x *ctx, f perfForm) {
	if len(f.money) == 0 {
		return
	}
	budget := int64(f.money[0].TotalValue()) * 10000 // millionths of 万元
	var sum int64
	var caps []string
	for _, ind := range f.grids[0] {
		if !strings.Contains(ind.L2, "成本") || strings.TrimSpace(ind.L3) == "" {
			continue
		}
		c, ok := parseIndicator(ind.Value).capMicroWan()
		if !ok {
			continue
		}
		sum += c
		caps = append(caps, ind.L3+ind.Value)
		if c > budget {
			x.perfFinding(f, ind.L3, fmt.Sprintf("“%s”绩效表成本指标“%s%s”超过年度资金总额 %s", f.name, ind.L3, ind.Value, amt(f.money[0].TotalValue(), money.WanYuan)),
				Value{"成本上限", microWan(c)}, Value{"年度资金总额", amt(f.money[0].TotalValue(), money.WanYuan)})
		}
	}
	if len(caps) > 1 && sum > budget {
		x.perfFinding(f, "成本指标", fmt.Sprintf("“%s”绩效表各成本指标上限合计 %s，超过年度资金总额 %s（%s）", f.name, microWan(sum),
			amt(f.money[0].TotalValue(), money.WanYuan), strings.Join(caps, "、")),
			Value{"成本指标合计", microWan(sum)}, Value{"年度资金总额", amt(f.money[0].TotalValue(), money.WanYuan)})
	}
}

// level1Groups are the 一级指标 every grid needs, with the names they go by.
var level1Groups = []struct {
	name  string
	names []string
}{
	{"产出指标", []string{"产出指标"}},
	{"效益指标", []string{"效益指标", "效果指标"}},
	{"满意度指标", []string{"满意度指标"}},
}

func evalP4(x *ctx) { x.eachForm(slotP4, func(f perfForm) { p4(x, f) }) }

func p4(x *ctx, f perfForm) {
	for gi, grid := range f.grids {
		if f.scored && gi == 1 && len(grid) == 0 {
			continue // 实施期 grid only for projects longer than a year
		}
		var empty []string
		for _, g := range level1Groups {
			has := false
			for _, ind := range grid {
				for _, n := range g.names {
					if ind.L1 == n && strings.TrimSpace(ind.L3) != "" && !strings.HasPrefix(ind.L3, "指标") {
						has = true
					}
				}
			}
			if !has {
				empty = append(empty, g.name)
			}
		}
		if len(empty) > 0 {
			x.perfFinding(f, "绩效指标", fmt.Sprintf("“%s”绩效表的%s没有三级指标", f.name, strings.Join(empty, "、")), Value{"缺少", strings.Join(empty, "、")})
		}
		if f.scored {
			var total int64
			for _, ind := range grid {
				if v := parseIndicator(ind.Score); v.hasNum {
					total += v.micro
				}
			}
			if total != 100_000_000 {
				x.perfFinding(f, "指标分值", fmt.Sprintf("“%s”事前评估表的指标分值合计 %s 分，应为 100 分", f.name, fmtMicro(total)),
					Value{"分值合计", fmtMicro(total)})
			}
		}
	}
}

// fmtMicro writes millionths as a plain decimal ("97.5").
func fmtMicro(m int64) string {
	s := strconv.FormatInt(m/1_000_000, 10)
	if frac := strings.TrimRight(fmt.Sprintf("%06d", abs64(m%1_000_000)), "0"); frac != "" {
		s += "." + frac
	}
	return s
}
