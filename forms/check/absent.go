package check

import (
	"fmt"
	"strings"

	"yusuan/forms"
	"yusuan/forms/money"
)

// Absent is not zero (decision 1). A document read from a published
// document has a table list of its own that keeps only what each table
// printed; a shipped template's tables are its locality's whole layout.
// The helpers here let a rule read a figure only where the table printed
// it, or where the kind defines it exactly from figures it printed (基本支出
// as 人员经费 + 公用经费), and say what is missing when it cannot.

// own reports whether the document's table list is its own (decision 38).
func (x *ctx) own() bool { return x.doc.Template != nil && x.doc.Template.Own }

// childColumns lists the kind's columns that add up into key on the pane's side.
func childColumns(p *forms.Pane, key string) []string {
	var out []string
	for _, c := range p.Kind().Columns[p.Side] {
		if c.Parent == key && !c.Text {
			out = append(out, c.Key)
		}
	}
	return out
}

// kindColumnLabel is a column's printed label, or the kind's name for it.
func kindColumnLabel(p *forms.Pane, key string) string {
	if ci := p.Col(key); ci >= 0 {
		return p.Columns[ci].Label
	}
	if c, ok := p.Kind().Column(p.Side, key); ok {
		return c.Label
	}
	return key
}

// colCovered reports whether the pane prints a column, or every column it
// is the sum of, down to printed ones.
func colCovered(p *forms.Pane, key string) bool {
	if ci := p.Col(key); ci >= 0 {
		return !p.Columns[ci].Text
	}
	kids := childColumns(p, key)
	for _, k := range kids {
		if !colCovered(p, k) {
			return false
		}
	}
	return len(kids) > 0
}

// printedKey is the column a finding about key points at: key when
// printed, else the first printed column key is made of ("" when none).
func printedKey(p *forms.Pane, key string) string {
	if p.Col(key) >= 0 {
		return key
	}
	for _, k := range childColumns(p, key) {
		if pk := printedKey(p, k); pk != "" {
			return pk
		}
	}
	return ""
}

// childLines lists the kind's fixed lines that add up into key on the pane's side.
func childLines(p *forms.Pane, key string) []forms.LineDef {
	var out []forms.LineDef
	for _, l := range p.Kind().Lines {
		if l.Parent == key && l.Side == p.Side {
			out = append(out, l)
		}
	}
	return out
}

// lineCovered reports whether the pane prints a fixed line, or every line
// it is the sum of. The 类 lines count as printed: a 类 not listed has no money.
func lineCovered(p *forms.Pane, l forms.LineDef) bool {
	if l.Classes || p.RowIndex(l.Key) >= 0 {
		return true
	}
	kids := childLines(p, l.Key)
	for _, k := range kids {
		if !lineCovered(p, k) {
			return false
		}
	}
	return len(kids) > 0
}

// colComplete reports whether a computed column's parts, as printed, are all
// of what the kind adds up into it. In a document's own table list a part
// not printed is unknown, so the column's identity cannot be checked.
func (x *ctx) colComplete(p *forms.Pane, ci int) bool {
	if !x.own() {
		return true
	}
	for _, k := range childColumns(p, p.Columns[ci].Key) {
		if !colCovered(p, k) {
			return false
		}
	}
	return true
}

// rowComplete is colComplete for the fixed lines of two-sided tables; the
// lines of class and project tables are listed by the data (a 科目 or a
// project not listed has no money).
func (x *ctx) rowComplete(p *forms.Pane, ri int) bool {
	r := p.Rows[ri]
	if !x.own() || r.Type != forms.RowLine {
		return true
	}
	for _, l := range childLines(p, r.Key) {
		if !lineCovered(p, l) {
			return false
		}
	}
	return true
}

// val is a figure read from a pane: a printed cell, or the exact sum the
// kind defines it as, of printed cells.
type val struct {
	v     money.Amount
	terms int // printed non-zero figures it is made of
	ri    int // the row and column a finding points at
	ci    int
}

// valueAt reads a row's figure in a column: printed, or the sum of the
// columns the kind adds up into it when all of them are covered. ok is
// false when it cannot be known from what the table printed.
func valueAt(p *forms.Pane, ri int, key string) (val, bool) {
	if ri < 0 || ri >= len(p.Rows) {
		return val{}, false
	}
	if ci := p.Col(key); ci >= 0 {
		if p.Columns[ci].Text {
			return val{}, false
		}
		v := p.Rows[ri].Cells[ci].Value
		return val{v: v, terms: nonZero(v), ri: ri, ci: ci}, true
	}
	kids := childColumns(p, key)
	if len(kids) == 0 {
		return val{}, false
	}
	out := val{ri: ri, ci: -1}
	for _, k := range kids {
		part, ok := valueAt(p, ri, k)
		if !ok {
			return val{}, false
		}
		out.v += part.v
		out.terms += part.terms
		if out.ci < 0 {
			out.ci = part.ci
		}
	}
	return out, true
}

// figAt is valueAt as a figure of table t labelled for findings.
func figAt(t *forms.Table, p *forms.Pane, ri int, key, label string) (fig, bool) {
	v, ok := valueAt(p, ri, key)
	if !ok {
		return fig{}, false
	}
	f := tableFig(t, v.v, ref(t, p, v.ri, v.ci), label)
	f.terms = max(v.terms, 1)
	return f, true
}

// figOfCell is figAt by side and row key.
func figOfCell(t *forms.Table, side forms.Side, row, key, label string) (fig, bool) {
	p := t.Pane(side)
	if p == nil {
		return fig{}, false
	}
	return figAt(t, p, p.RowIndex(row), key, label)
}

// columnGap says which columns a table does not print for its identities
// to be checked: the kind's total when absent, else the parts of the first
// printed total that are not covered.
func columnGap(d *forms.Document, t *forms.Table, p *forms.Pane) string {
	name := shortTitle(d, t)
	for _, c := range p.Kind().Columns[p.Side] {
		if c.Text || len(childColumns(p, c.Key)) == 0 {
			continue
		}
		if p.Col(c.Key) < 0 {
			if c.Parent == "" {
				return fmt.Sprintf("%s没有列出%s栏", name, kindColumnLabel(p, c.Key))
			}
			continue
		}
		var missing []string
		for _, k := range childColumns(p, c.Key) {
			if !colCovered(p, k) {
				missing = append(missing, kindColumnLabel(p, k))
			}
		}
		if len(missing) > 0 {
			return fmt.Sprintf("%s没有列出%s栏", name, strings.Join(missing, "、"))
		}
	}
	return fmt.Sprintf("%s列出的栏目之间没有可核对的合计关系", name)
}

// printedParts lists the printed columns a column is, or is exactly made
// of; nil when it is not covered.
func printedParts(p *forms.Pane, key string) []int {
	if ci := p.Col(key); ci >= 0 {
		if p.Columns[ci].Text {
			return nil
		}
		return []int{ci}
	}
	kids := childColumns(p, key)
	var out []int
	for _, k := range kids {
		parts := printedParts(p, k)
		if parts == nil {
			return nil
		}
		out = append(out, parts...)
	}
	return out
}

// unlistedZero reports whether a code a table does not list has no money in
// a column: the line that would hold it (its nearest listed parent, the 合计
// line, or on a two-sided table the line the 类 lines add up into) is zero
// there, or equals the lines it lists. A table that lists no 类 under a
// 本年支出合计 of 100 does not say that each 类 is zero.
func unlistedZero(p *forms.Pane, code, col string) bool {
	cols := printedParts(p, col)
	if cols == nil {
		return false
	}
	holder := -1
	if p.Kind().Layout == forms.LayoutTwoSided {
		holder = classHolder(p)
	} else {
		for n := len(code) - 1; n > 0 && holder < 0; n-- {
			if ri := p.RowIndex(code[:n]); ri >= 0 && p.Rows[ri].Code == code[:n] {
				holder = ri
			}
		}
		if holder < 0 {
			holder = p.RowIndex(forms.RowKeyTotal)
		}
	}
	if holder < 0 {
		return false
	}
	r := p.Rows[holder]
	for _, ci := range cols {
		c := r.Cells[ci]
		if c.Value != 0 && (!r.Computed() || c.Entered) {
			return false
		}
	}
	return true
}

// classHolder is the line of a two-sided pane the 类 lines add up into: the
// one that lists them, else the nearest printed line above where they
// would stand (-1: none).
func classHolder(p *forms.Pane) int {
	for ri, r := range p.Rows {
		for _, j := range r.Parts() {
			if p.Rows[j].Type == forms.RowClass {
				return ri
			}
		}
	}
	for _, l := range p.Kind().Lines {
		if !l.Classes || l.Side != p.Side {
			continue
		}
		for key := l.Parent; key != ""; {
			if ri := p.RowIndex(key); ri >= 0 {
				return ri
			}
			ld, ok := p.Kind().Line(key)
			if !ok {
				break
			}
			key = ld.Parent
		}
	}
	return -1
}

// lineValue reads a fixed line of a two-sided pane in a column: printed, or
// zero where the table shows it has no money: the nearest printed line it
// adds up into is zero there, or equals the lines printed under it (the
// lines not printed then hold nothing; amounts are not negative). ok is
// false when the table leaves it unknown.
func lineValue(p *forms.Pane, key, col string) (money.Amount, bool) {
	if p == nil {
		return 0, false
	}
	if v, ok := p.Value(key, col); ok {
		return v, true
	}
	ci := p.Col(col)
	if ci < 0 || p.Columns[ci].Text {
		return 0, false
	}
	l, ok := p.Kind().Line(key)
	for ok && l.Parent != "" {
		if ri := p.RowIndex(l.Parent); ri >= 0 {
			r := p.Rows[ri]
			c := r.Cells[ci]
			return 0, c.Value == 0 || r.Computed() && !c.Entered
		}
		l, ok = p.Kind().Line(l.Parent)
	}
	return 0, false
}
