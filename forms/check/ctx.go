package check

import (
	"fmt"
	"strconv"
	"strings"

	"yusuan/forms"
	"yusuan/forms/money"
)

// ctx is what a rule sees while it runs.
type ctx struct {
	doc     *forms.Document
	rule    *Rule
	found   []Finding
	skip    string
	textSrc *TextSource
	parsed  *parsedText
	forms   []perfForm // the 绩效 forms but the project forms, gathered once per check
	// the tables showing the project forms, by level
	levelTables map[string]string
	memo        *memoStore // kept parts of the rules' work (nil: none kept)
	aligned     []formSeen // the project forms lined up with those last seen (formmemo.go)
}

// skipf marks the rule as not run, with the reason the result lists.
func (x *ctx) skipf(format string, args ...any) {
	if x.skip == "" {
		x.skip = fmt.Sprintf(format, args...)
	}
}

// table returns the document's table of a kind when it is in the template
// and provided (absent is not zero), or nil.
func (x *ctx) table(k forms.Kind) *forms.Table {
	t := x.doc.First(k)
	if t == nil || t.Absent {
		return nil
	}
	return t
}

// need returns the tables of the given kinds, or skips the rule when one is
// not in the template or not provided, or when all of them are empty
// (nothing to relate). A table with figures beside an empty one is still
// compared: that is exactly the mismatch to report.
func (x *ctx) need(kinds ...forms.Kind) ([]*forms.Table, bool) {
	var out []*forms.Table
	empty := 0
	for _, k := range kinds {
		t := x.doc.First(k)
		switch {
		case t == nil:
			x.skipf("模板中没有%s", k.Def().Title)
			return nil, false
		case t.Absent:
			x.skipf("未提供%s", shortTitle(x.doc, t))
			return nil, false
		}
		if t.Empty() {
			empty++
		}
		out = append(out, t)
	}
	if empty == len(out) {
		x.skipf("%s没有数据", titles(x.doc, out))
		return nil, false
	}
	return out, true
}

func titles(d *forms.Document, ts []*forms.Table) string {
	var names []string
	for _, t := range ts {
		names = append(names, shortTitle(d, t))
	}
	return strings.Join(names, "、")
}

// shortTitle is a table's title without the year ("支出预算总表").
func shortTitle(d *forms.Document, t *forms.Table) string {
	return strings.TrimPrefix(t.Title, strconv.Itoa(d.Meta.Year)+"年")
}

// add records a finding of the running rule.
func (x *ctx) add(t *forms.Table, cells []forms.CellRef, msg string, vals ...Value) {
	x.addSev(x.rule.Severity, t, cells, msg, vals...)
}

func (x *ctx) addSev(sev Severity, t *forms.Table, cells []forms.CellRef, msg string, vals ...Value) {
	f := Finding{Rule: x.rule.ID, Severity: sev, Cells: cells, Message: msg, Values: vals}
	if t != nil {
		f.Table, f.Kind = t.ID, t.Kind
	}
	x.found = append(x.found, f)
}

// addText records a finding about a text part.
func (x *ctx) addText(part string, cells []forms.CellRef, msg string, vals ...Value) {
	x.addTextSev(x.rule.Severity, part, cells, msg, vals...)
}

func (x *ctx) addTextSev(sev Severity, part string, cells []forms.CellRef, msg string, vals ...Value) {
	x.found = append(x.found, Finding{Rule: x.rule.ID, Severity: sev, Table: part, Cells: cells, Message: msg, Values: vals})
}

// ref names a cell for findings: the row's code, or its label.
func ref(t *forms.Table, p *forms.Pane, ri, ci int) forms.CellRef {
	r := p.Rows[ri]
	row := r.Code
	if row == "" {
		row = p.Label(ri)
		if r.Type == forms.RowProject {
			row = r.Project.L2
		}
	}
	col := ""
	if ci >= 0 {
		col = p.Columns[ci].Key
	}
	return forms.CellRef{Table: t.ID, Row: row, Column: col}
}

// rowName is how a message names a row: “201 一般公共服务支出”行, “合计”行.
func rowName(p *forms.Pane, ri int) string {
	r := p.Rows[ri]
	label := p.Label(ri)
	if r.Type == forms.RowProject {
		label = r.Project.L2
	}
	if r.Code != "" {
		return fmt.Sprintf("“%s %s”行", r.Code, label)
	}
	return fmt.Sprintf("“%s”行", label)
}

func colName(p *forms.Pane, ci int) string {
	c := p.Columns[ci]
	if c.Group != "" && (c.Label == "小计" || c.Label == "合计" || sameLabelInGroups(p, c.Label)) {
		return fmt.Sprintf("“%s %s”列", c.Group, c.Label)
	}
	return fmt.Sprintf("“%s”列", c.Label)
}

// sameLabelInGroups: a label printed under two groups needs its group to be told apart.
func sameLabelInGroups(p *forms.Pane, label string) bool {
	n := 0
	for _, c := range p.Columns {
		if c.Label == label {
			n++
		}
	}
	return n > 1
}

// fig is a figure with its unit and where it stands.
type fig struct {
	v     money.Amount
	u     money.Unit
	ref   forms.CellRef
	label string
	// step is d, one unit of the last decimal printed, in 元-cents (0: 0.01
	// of u); terms is how many printed figures v adds up (0: one); text
	// marks an amount stated in the text, graded at its own precision.
	step  int64
	terms int
	text  bool
}

func amt(v money.Amount, u money.Unit) string { return money.FormatWithUnit(v, u) }

// tableFig is a figure of a table, printed to the table's d.
func tableFig(t *forms.Table, v money.Amount, ref forms.CellRef, label string) fig {
	return fig{v: v, u: t.Unit, ref: ref, label: label, step: tableStep(t)}
}

// equalFigs reports a ≠ b with the message "what: a.label A ≠ b.label B，相差 D";
// a difference within the rounding of the printed figures is a 提示 尾差.
func (x *ctx) equalFigs(t *forms.Table, what string, a, b fig) {
	g := gapOf(a, b)
	if g.grade == same {
		return
	}
	cells := []forms.CellRef{a.ref, b.ref}
	vals := []Value{{a.label, amt(a.v, a.u)}, {b.label, amt(b.v, b.u)}}
	if g.grade == tail {
		x.addSev(Hint, t, cells, fmt.Sprintf("%s：%s %s 与%s %s %s", what, a.label, amt(a.v, a.u), b.label, amt(b.v, b.u), g.note), vals...)
		return
	}
	x.add(t, cells, fmt.Sprintf("%s：%s %s ≠ %s %s，相差 %s", what, a.label, money.Format(a.v, false), b.label, money.Format(b.v, false), fmtCents(abs64(g.diff), g.unit)), vals...)
}

// atMost reports a > b ("part ≤ whole"); an excess within the rounding of
// the printed figures is a 提示 尾差.
func (x *ctx) atMost(t *forms.Table, what string, part, whole fig) {
	g := gapOf(part, whole)
	if g.grade == same || g.diff <= 0 {
		return
	}
	cells := []forms.CellRef{part.ref, whole.ref}
	vals := []Value{{part.label, amt(part.v, part.u)}, {whole.label, amt(whole.v, whole.u)}}
	head := fmt.Sprintf("%s：%s %s 超过%s %s，", what, part.label, amt(part.v, part.u), whole.label, amt(whole.v, whole.u))
	if g.grade == tail {
		x.addSev(Hint, t, cells, head+g.note, vals...)
		return
	}
	x.add(t, cells, head+"多 "+fmtCents(g.diff, g.unit), vals...)
}

func abs(a money.Amount) money.Amount {
	if a < 0 {
		return -a
	}
	return a
}

// cellFig is a figure of a table cell by row and column key; ok is false
// when the row or column is absent.
func cellFig(t *forms.Table, side forms.Side, row, col, label string) (fig, bool) {
	p := t.Pane(side)
	if p == nil {
		return fig{}, false
	}
	ri, ci := p.RowIndex(row), p.Col(col)
	if ri < 0 || ci < 0 {
		return fig{}, false
	}
	return tableFig(t, p.Rows[ri].Cells[ci].Value, ref(t, p, ri, ci), label), true
}

// zeroFig stands for a line a table does not list (a 类 with no money).
func zeroFig(t *forms.Table, row, col, label string) fig {
	return tableFig(t, 0, forms.CellRef{Table: t.ID, Row: row, Column: col}, label)
}

// perfTable is the provided table that shows 绩效 forms of a kind (and, for
// project forms, of a level), or nil.
func (x *ctx) perfTable(k forms.Kind, level string) *forms.Table {
	for _, t := range x.doc.TablesOf(k) {
		if !t.Absent && (t.Def.ProjectLevel == "" || t.Def.ProjectLevel == level) {
			return t
		}
	}
	return nil
}

// perfTableID is perfTable's id, or the kind when the template has no such table.
func (x *ctx) perfTableID(k forms.Kind, level string) string {
	if t := x.perfTable(k, level); t != nil {
		return t.ID
	}
	return string(k)
}
