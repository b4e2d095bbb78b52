package forms

import (
	"slices"
	"strconv"
	"strings"

	"yusuan/forms/money"
)

// Consolidation says that a document is a 部门's 汇总 of its units'
// documents (本级 and 所属单位) and which units they were: the shares of the
// figures name a unit by its index in Units. A document that is not a
// consolidation has none.
type Consolidation struct {
	Units []MergeUnit `json:"units"`
}

// MergeUnit is one unit summed into a consolidated document.
type MergeUnit struct {
	Code string `json:"code" bound:"name"`           // 单位代码
	Name string `json:"name" bound:"name"`           // 单位名称
	File string `json:"file,omitempty" bound:"name"` // the file it was read from (base name)
	Self bool   `json:"self,omitempty"`              // 本级: the 部门's own document
	// Inputs are the unit's amounts among the 情况说明's extra inputs, which
	// were summed into the document's (nil: the unit gave none).
	Inputs *Inputs `json:"inputs,omitempty"`
}

// Label names a unit as lists show it: code and name.
func (u MergeUnit) Label() string {
	s := strings.TrimSpace(u.Code + " " + u.Name)
	if u.Self {
		s += "（本级）"
	}
	return s
}

// UnitIndex returns a unit's index by code, or -1.
func (c *Consolidation) UnitIndex(code string) int {
	if c == nil {
		return -1
	}
	for i, u := range c.Units {
		if u.Code == code {
			return i
		}
	}
	return -1
}

// Share is one unit's part of a consolidated figure, in the table's unit.
type Share struct {
	Unit  int // index in Consolidation.Units
	Value money.Amount
}

// SortShares puts shares in unit order and adds up those of one unit.
func SortShares(s []Share) []Share {
	slices.SortStableFunc(s, func(a, b Share) int { return a.Unit - b.Unit })
	out := s[:0]
	for _, x := range s {
		if n := len(out); n > 0 && out[n-1].Unit == x.Unit {
			out[n-1].Value += x.Value
			continue
		}
		out = append(out, x)
	}
	return out
}

// OwnShares is what the units gave at a cell itself, not under it: at a
// computed column, what they gave at the columns it adds up. At a total
// line it is what units gave there because they listed no lines below it.
func (p *Pane) OwnShares(ri, ci int) []Share {
	acc := map[int]money.Amount{}
	p.ownInto(ri, ci, acc)
	out := make([]Share, 0, len(acc))
	for u, v := range acc {
		out = append(out, Share{u, v})
	}
	slices.SortFunc(out, func(a, b Share) int { return a.Unit - b.Unit })
	return out
}

// Trace lists the units whose figures make up a cell of a consolidated
// document and how much each gave, in unit order: at a figure the units gave
// their amounts, at a total the units' amounts under it. Shares that add up
// to zero are left out. Nil for a document that is not a consolidation.
// When the clerk changed a figure after consolidating, the shares no longer
// add up to it (TraceTotal tells).
func (p *Pane) Trace(ri, ci int) []Share {
	if ri < 0 || ri >= len(p.Rows) || ci < 0 || ci >= len(p.Columns) || p.Columns[ci].Text {
		return nil
	}
	acc := map[int]money.Amount{}
	p.trace(ri, ci, acc)
	var out []Share
	for u, v := range acc {
		if v != 0 {
			out = append(out, Share{u, v})
		}
	}
	slices.SortFunc(out, func(a, b Share) int { return a.Unit - b.Unit })
	return out
}

func (p *Pane) trace(ri, ci int, acc map[int]money.Amount) {
	r := p.Rows[ri]
	p.ownInto(ri, ci, acc)
	for _, k := range r.sumOf {
		p.trace(k, ci, acc)
	}
}

func (p *Pane) ownInto(ri, ci int, acc map[int]money.Amount) {
	for _, s := range p.Rows[ri].From[ci] {
		acc[s.Unit] += s.Value
	}
	for _, k := range p.Columns[ci].sumOf {
		p.ownInto(ri, k, acc)
	}
}

// TraceTotal adds up shares.
func TraceTotal(s []Share) money.Amount {
	var t money.Amount
	for _, x := range s {
		t += x.Value
	}
	return t
}

// HasShares reports whether any row of the pane carries units' shares.
func (p *Pane) HasShares() bool {
	for _, r := range p.Rows {
		if len(r.From) > 0 {
			return true
		}
	}
	return false
}

// Locate finds the cell a finding or a command names (CellRef: table id, row
// code, key or label — a project's 二级项目 name — and column key). A
// reference without a column gives the row's first amount column; ok is
// false when the table or row is not there.
func (d *Document) Locate(ref CellRef) (pane, ri, ci int, ok bool) {
	t := d.Table(ref.Table)
	if t == nil {
		return 0, 0, 0, false
	}
	for pi, p := range t.Panes {
		ri := p.RowIndex(ref.Row)
		if ri < 0 {
			for i, r := range p.Rows {
				if r.Code == ref.Row || p.Label(i) == ref.Row || (r.Project != nil && r.Project.L2 == ref.Row) {
					ri = i
					break
				}
			}
		}
		if ri < 0 {
			continue
		}
		ci := p.Col(ref.Column)
		if ci < 0 {
			cols := p.AmountColumns()
			if len(cols) == 0 {
				continue
			}
			ci = cols[0]
		}
		return pi, ri, ci, true
	}
	return 0, 0, 0, false
}

// RowLabel names a line as lists of figures do: its code and name, a
// project's 二级项目, or the line's label.
func (p *Pane) RowLabel(ri int) string {
	r := p.Rows[ri]
	switch {
	case r.Code != "":
		return strings.TrimSpace(r.Code + " " + r.Name)
	case r.Type == RowProject:
		return r.Project.L2
	}
	return p.Label(ri)
}

// ColumnLabel names a column with its group ("本年收入一般公共预算").
func (p *Pane) ColumnLabel(ci int) string {
	c := p.Columns[ci]
	if c.Group != "" && c.Group != c.Label {
		return c.Group + c.Label
	}
	return c.Label
}

// ShortTitle is a table's title without the year ("支出预算总表").
func (d *Document) ShortTitle(t *Table) string {
	return strings.TrimPrefix(t.Title, strconv.Itoa(d.Meta.Year)+"年")
}

// LineUnit is, in a consolidated document, the code of the unit a line came
// from when one unit alone gave it (a project line is always one unit's);
// "" elsewhere.
func (d *Document) LineUnit(r *Row) string {
	if d.Merge == nil {
		return ""
	}
	unit := -1
	for _, shares := range r.From {
		for _, s := range shares {
			if unit >= 0 && s.Unit != unit {
				return ""
			}
			unit = s.Unit
		}
	}
	if unit < 0 || unit >= len(d.Merge.Units) {
		return ""
	}
	return d.Merge.Units[unit].Code
}
