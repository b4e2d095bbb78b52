package forms

import (
	"strings"

	"yusuan/forms/classify"
	"yusuan/forms/money"
)

// Table is one table of a document: the template's layout with the
// document's rows and figures. Two-sided tables have two panes (收入, 支出);
// the others one.
type Table struct {
	ID    string
	Kind  Kind
	Def   *TableDef
	Unit  money.Unit
	Title string // with year and 部门/单位 filled in
	// Grouped says whether amounts print with thousands separators.
	Grouped bool
	Panes   []*Pane
	// Note is the clerk's (or the imported) empty-table note; "" means the
	// template's note, printed when the table has no figures.
	Note string
	// Absent marks a table of the template that the document does not
	// provide (a workbook without that sheet): its checks are skipped, and
	// it is not read as zero.
	Absent bool
	// Printed is the table as a published document printed it, when it was
	// read from one (nil otherwise, and once the table is edited).
	Printed *Printed
}

// Show formats an amount as the table prints it: two decimals, thousands
// separators and blank-or-0.00 zeros as the template says.
func (t *Table) Show(v money.Amount) string {
	if v == 0 && t.Def.Zero == "blank" {
		return ""
	}
	return money.Format(v, t.Grouped)
}

// ShowCode prints a code as the template prints codes ("2013101" or "201 31 01").
func (d *Document) ShowCode(code string) string {
	if d.Template.CodeStyle == "spaced" {
		return classify.Spaced(code)
	}
	return code
}

// Pane is a grid: columns, rows, and the cells where they cross.
type Pane struct {
	Side      Side
	Title     string // 收入 / 支出 for two-sided tables
	ItemLabel string // header of the label column of two-sided tables
	Columns   []*Column
	Rows      []*Row

	kind     *KindDef
	def      *TableDef
	classFmt string // label pattern of 类 lines in two-sided tables
	byKey    map[string]int
	order    []int // rows that add up others, children before parents
	colOrd   []int // computed columns, children before parents
}

// Column is a printed column. Text columns (projects) carry no amounts.
type Column struct {
	Key    string
	Label  string
	Group  string
	Hidden bool
	Text   bool
	sumOf  []int // nearest present descendants; nil: entered by the clerk
}

// Computed reports whether the column adds up other columns.
func (c *Column) Computed() bool { return c.sumOf != nil }

// Parts lists the column indexes this column adds up.
func (c *Column) Parts() []int { return c.sumOf }

// RowType says what a row stands for.
type RowType int

const (
	RowLine    RowType = iota // a fixed line of the template (本年收入合计 …)
	RowClass                  // a classification code (类/款/项)
	RowUnit                   // a 部门 or 单位 (收入总表 in unit rows)
	RowProject                // a project (二级项目) line
	RowL1                     // subtotal of one 一级项目
	RowTypeSum                // subtotal of one 项目类型
	RowTotal                  // the table's 合计 line
	RowLoose                  // a line without a code, kept as printed
)

// Project holds a project line's text attributes.
type Project struct {
	Type string // 类型
	L1   string // 一级项目
	L2   string // 二级项目
	Unit string // 项目单位
	Func string // 功能分类科目 code the project is budgeted under
}

// Row is one line of a pane.
type Row struct {
	Key     string // unique within the table
	Type    RowType
	Code    string // classification or unit code (digits), "" for others
	Name    string // as printed (科目名称, 单位名称, subtotal label, line label)
	Align   string // two-sided tables: lines sharing a printed line across sides
	Project *Project
	Cells   []Cell // one per pane column (text columns unused)
	// From holds, in a consolidated (汇总) document, the units' figures
	// summed into this row, by column index (Pane.Trace derives a total's).
	From map[int][]Share

	sumOf []int
}

// Cell is an amount. At a computed position (a total line or column) Value
// is the computed sum unless Entered is set: then Value is a figure that
// arrived from outside and differed from the sum, kept as given for the
// checks to report.
type Cell struct {
	Value   money.Amount
	Entered bool
}

// Computed reports whether the row adds up other rows.
func (r *Row) Computed() bool { return r.sumOf != nil }

// Parts lists the row indexes this row adds up.
func (r *Row) Parts() []int { return r.sumOf }

// Attr returns a text attribute of a project line by column key.
func (r *Row) Attr(key string) string {
	if r.Project == nil {
		if key == AttrL1 && r.Type == RowL1 {
			return r.Name
		}
		if key == AttrType && r.Type == RowTypeSum {
			return r.Name
		}
		return ""
	}
	switch key {
	case AttrType:
		return r.Project.Type
	case AttrL1:
		return r.Project.L1
	case AttrL2:
		return r.Project.L2
	case AttrUnit:
		return r.Project.Unit
	case AttrFunc:
		return r.Project.Func
	}
	return ""
}

// Pane returns the pane on a side, or nil.
func (t *Table) Pane(side Side) *Pane {
	for _, p := range t.Panes {
		if p.Side == side {
			return p
		}
	}
	return nil
}

// Main is the table's only pane (or the 收入 side of a two-sided table).
func (t *Table) Main() *Pane {
	if len(t.Panes) == 0 {
		return nil
	}
	return t.Panes[0]
}

// Layout is the kind's layout.
func (t *Table) Layout() Layout {
	if d := t.Kind.Def(); d != nil {
		return d.Layout
	}
	return ""
}

// IsGrid reports whether the table is a grid of amounts (not 绩效 forms,
// not a table kept only as printed).
func (t *Table) IsGrid() bool { return t.Layout() != LayoutForm && t.Layout() != LayoutPrinted }

// Empty reports whether every amount of the table is zero.
func (t *Table) Empty() bool {
	for _, p := range t.Panes {
		for _, r := range p.Rows {
			for ci, c := range p.Columns {
				if !c.Text && r.Cells[ci].Value != 0 {
					return false
				}
			}
		}
	}
	return true
}

// Col returns a column's index by key, or -1 when the table does not
// publish it (absent is not zero).
func (p *Pane) Col(key string) int {
	for i, c := range p.Columns {
		if c.Key == key {
			return i
		}
	}
	return -1
}

// Row returns a row by key, or nil.
func (p *Pane) Row(key string) *Row {
	if i, ok := p.byKey[key]; ok {
		return p.Rows[i]
	}
	return nil
}

// RowIndex returns a row's index by key, or -1.
func (p *Pane) RowIndex(key string) int {
	if i, ok := p.byKey[key]; ok {
		return i
	}
	return -1
}

// Value returns the figure at (row key, column key); ok is false when the
// row or column is absent.
func (p *Pane) Value(rowKey, colKey string) (money.Amount, bool) {
	ri, ci := p.RowIndex(rowKey), p.Col(colKey)
	if ri < 0 || ci < 0 || p.Columns[ci].Text {
		return 0, false
	}
	return p.Rows[ri].Cells[ci].Value, true
}

// IsComputed reports whether a cell's position is computed (a total line or
// a total column), whatever its current value.
func (p *Pane) IsComputed(ri, ci int) bool {
	return p.Rows[ri].sumOf != nil || p.Columns[ci].sumOf != nil
}

// Kind is the definition of the pane's table kind.
func (p *Pane) Kind() *KindDef { return p.kind }

// Def is the template's definition of the pane's table.
func (p *Pane) Def() *TableDef { return p.def }

// AmountColumns lists the indexes of the amount columns.
func (p *Pane) AmountColumns() []int {
	var out []int
	for i, c := range p.Columns {
		if !c.Text {
			out = append(out, i)
		}
	}
	return out
}

// Label is what a row's label column prints: the name, or for the 类 lines of
// a two-sided table the template's pattern ("{序号}、{名称}") with the line's
// ordinal among the 类 lines.
func (p *Pane) Label(ri int) string {
	r := p.Rows[ri]
	if r.Type != RowClass || p.classFmt == "" || p.kind.Layout != LayoutTwoSided {
		return r.Name
	}
	n := 0
	for _, x := range p.Rows[:ri+1] {
		if x.Type == RowClass {
			n++
		}
	}
	return strings.NewReplacer("{序号}", ChineseNumber(n), "{名称}", r.Name).Replace(p.classFmt)
}
