package forms

import (
	"fmt"
	"slices"
	"strings"

	"yusuan/forms/classify"
	"yusuan/forms/money"
)

// Key of the 合计 line of class and project tables.
const RowKeyTotal = "total"

// link works out, from the rows and columns present, which cells add up
// which: a column adds up its nearest present descendant columns, a line its
// nearest present descendant lines (by code prefix, by the kind's line
// tree, or by project group). Call after the rows or columns change.
func (p *Pane) link() {
	p.byKey = make(map[string]int, len(p.Rows))
	for i, r := range p.Rows {
		p.byKey[r.Key] = i
		r.sumOf = nil
	}
	p.linkColumns()
	switch p.kind.Layout {
	case LayoutClass:
		p.linkByCode()
	case LayoutTwoSided, LayoutFixed:
		p.linkByLineTree()
	case LayoutProjects:
		p.linkProjects()
	}
	p.orderRows()
}

func (p *Pane) linkColumns() {
	present := map[string]int{}
	for i, c := range p.Columns {
		c.sumOf = nil
		if !c.Text {
			present[c.Key] = i
		}
	}
	parentOf := map[string]string{}
	for _, cd := range p.kind.Columns[p.Side] {
		parentOf[cd.Key] = cd.Parent
	}
	p.colOrd = p.colOrd[:0]
	for i, c := range p.Columns {
		if c.Text {
			continue
		}
		for anc := parentOf[c.Key]; anc != ""; anc = parentOf[anc] {
			if j, ok := present[anc]; ok {
				p.Columns[j].sumOf = append(p.Columns[j].sumOf, i)
				break
			}
		}
	}
	// children before parents: deeper columns first
	depth := func(key string) int {
		d := 0
		for anc := parentOf[key]; anc != ""; anc = parentOf[anc] {
			d++
		}
		return d
	}
	for i, c := range p.Columns {
		if c.sumOf != nil {
			p.colOrd = append(p.colOrd, i)
		}
	}
	slices.SortStableFunc(p.colOrd, func(a, b int) int {
		return depth(p.Columns[b].Key) - depth(p.Columns[a].Key)
	})
}

// linkByCode: each coded row adds into the longest other code that is a
// proper prefix of its own; top rows add into the 合计 line. Rows without a
// code add into nothing (the checks report them).
func (p *Pane) linkByCode() {
	byCode := map[string]int{}
	for i, r := range p.Rows {
		if r.Code != "" {
			if _, dup := byCode[r.Code]; !dup {
				byCode[r.Code] = i
			}
		}
	}
	total := p.RowIndex(RowKeyTotal)
	for i, r := range p.Rows {
		if r.Code == "" || r.Type == RowTotal {
			continue
		}
		parent := total
		for n := len(r.Code) - 1; n > 0; n-- {
			if j, ok := byCode[r.Code[:n]]; ok && j != i {
				parent = j
				break
			}
		}
		if parent >= 0 {
			p.Rows[parent].sumOf = append(p.Rows[parent].sumOf, i)
		}
	}
}

// linkByLineTree: fixed lines add into their nearest present ancestor in the
// kind's line tree; 类 lines add into the parent of the kind's 类 line.
func (p *Pane) linkByLineTree() {
	parentOf := map[string]string{}
	classParent := ""
	for _, ld := range p.kind.Lines {
		parentOf[ld.Key] = ld.Parent
		if ld.Classes && ld.Side == p.Side {
			classParent = ld.Parent
		}
	}
	for i, r := range p.Rows {
		start := parentOf[r.Key]
		if r.Type == RowClass {
			start = classParent
		}
		for anc := start; anc != ""; anc = parentOf[anc] {
			if j, ok := p.byKey[anc]; ok {
				p.Rows[j].sumOf = append(p.Rows[j].sumOf, i)
				break
			}
		}
	}
}

// linkProjects: the 合计 line adds every project line, a 一级 subtotal the
// lines of that 一级项目, a 类型 subtotal the lines of that 类型.
func (p *Pane) linkProjects() {
	for i, r := range p.Rows {
		if r.Type != RowProject {
			continue
		}
		if j, ok := p.byKey[RowKeyTotal]; ok {
			p.Rows[j].sumOf = append(p.Rows[j].sumOf, i)
		}
		if j, ok := p.byKey[l1Key(r.Project.L1)]; ok && r.Project.L1 != "" {
			p.Rows[j].sumOf = append(p.Rows[j].sumOf, i)
		}
		if j, ok := p.byKey[typeKey(r.Project.Type)]; ok && r.Project.Type != "" {
			p.Rows[j].sumOf = append(p.Rows[j].sumOf, i)
		}
	}
	// a subtotal with no lines left still adds up (to zero)
	for _, r := range p.Rows {
		if (r.Type == RowL1 || r.Type == RowTypeSum || r.Type == RowTotal) && r.sumOf == nil {
			r.sumOf = []int{}
		}
	}
}

func l1Key(name string) string   { return "l1:" + name }
func typeKey(name string) string { return "type:" + name }

// orderRows sorts the adding-up rows so that every row comes after the rows
// it adds up.
func (p *Pane) orderRows() {
	depth := make([]int, len(p.Rows))
	var walk func(i int, guard int) int
	walk = func(i, guard int) int {
		if depth[i] > 0 || p.Rows[i].sumOf == nil || guard > len(p.Rows) {
			return depth[i]
		}
		d := 0
		for _, c := range p.Rows[i].sumOf {
			d = max(d, walk(c, guard+1))
		}
		depth[i] = d + 1
		return depth[i]
	}
	p.order = p.order[:0]
	for i, r := range p.Rows {
		if r.sumOf != nil {
			walk(i, 0)
			p.order = append(p.order, i)
		}
	}
	slices.SortStableFunc(p.order, func(a, b int) int { return depth[a] - depth[b] })
}

// Recompute refreshes every computed cell that holds no entered value:
// first the total columns of the lines entered by the clerk, then the total
// lines, children before parents. A total line adds up its lines column by
// column, total columns included. A figure kept as given that now agrees
// with its sum is stored as computed again (decision 2). A sum that leaves
// the range money accepts is an error, not a wrap: the cell is left at zero
// and Recompute reports money.ErrOverflow.
func (p *Pane) Recompute() error {
	var err error
	for _, r := range p.Rows {
		if r.sumOf == nil {
			if e := p.sumColumns(r); e != nil {
				err = e
			}
		}
	}
	for _, ri := range p.order {
		r := p.Rows[ri]
		for ci, c := range p.Columns {
			if c.Text || r.Cells[ci].Entered {
				continue
			}
			var s money.Amount
			var e error
			for _, k := range r.sumOf {
				if s, e = money.Add(s, p.Rows[k].Cells[ci].Value); e != nil {
					err, s = e, 0
					break
				}
			}
			r.Cells[ci].Value = s
		}
	}
	p.settleGiven()
	return err
}

func (p *Pane) sumColumns(r *Row) error {
	var err error
	for _, ci := range p.colOrd {
		if r.Cells[ci].Entered {
			continue
		}
		var s money.Amount
		var e error
		for _, k := range p.Columns[ci].sumOf {
			if s, e = money.Add(s, r.Cells[k].Value); e != nil {
				err, s = e, 0
				break
			}
		}
		r.Cells[ci].Value = s
	}
	return err
}

// settleGiven turns given figures that agree with their sums back into
// computed ones; their values do not change.
func (p *Pane) settleGiven() {
	for ri, r := range p.Rows {
		for ci := range r.Cells {
			if c := &r.Cells[ci]; c.Entered && p.ComputedValue(ri, ci) == c.Value {
				c.Entered = false
			}
		}
	}
}

// ComputedValue is what a cell would hold without an entered value.
func (p *Pane) ComputedValue(ri, ci int) money.Amount {
	r := p.Rows[ri]
	var s money.Amount
	switch {
	case r.sumOf != nil:
		for _, k := range r.sumOf {
			s += p.Rows[k].Cells[ci].Value
		}
	case p.Columns[ci].sumOf != nil:
		for _, k := range p.Columns[ci].sumOf {
			s += r.Cells[k].Value
		}
	default:
		return r.Cells[ci].Value
	}
	return s
}

// CellError says why an edit was refused.
type CellError struct{ Reason string }

func (e *CellError) Error() string { return e.Reason }

func (p *Pane) checkCell(ri, ci int) error {
	if ri < 0 || ri >= len(p.Rows) || ci < 0 || ci >= len(p.Columns) {
		return &CellError{"单元格不存在"}
	}
	if p.Columns[ci].Text {
		return &CellError{fmt.Sprintf("“%s”栏不是金额", p.Columns[ci].Label)}
	}
	return nil
}

// Set stores a figure the clerk typed into an entered cell and recomputes.
// Computed cells are read-only for typing: Set refuses them.
func (p *Pane) Set(ri, ci int, v money.Amount) error {
	if err := p.checkCell(ri, ci); err != nil {
		return err
	}
	if p.IsComputed(ri, ci) {
		return &CellError{"合计、小计单元格由程序计算，不能直接填写"}
	}
	old := p.Rows[ri].Cells[ci].Value
	p.Rows[ri].Cells[ci].Value = v
	if err := p.Recompute(); err != nil {
		p.Rows[ri].Cells[ci].Value = old
		p.Recompute()
		return errTotalOverflow
	}
	return nil
}

// errTotalOverflow refuses an edit that would take a total out of range.
var errTotalOverflow = &CellError{"填写后合计超出可处理的范围（绝对值不超过 " + money.Format(money.MaxAbs, true) + "），未采用"}

// Give stores a figure that arrived from outside (a workbook, a paste):
// at an entered position it is the value; at a computed position it is
// kept as given only when it differs from the computed value (decision 2).
// Call GiveAll for many figures at once so that totals are compared with
// sums of the figures given with them.
func (p *Pane) Give(ri, ci int, v money.Amount) error {
	return p.GiveAll([]GivenCell{{ri, ci, v}})
}

// GivenCell is a figure for GiveAll.
type GivenCell struct {
	Row, Col int
	Value    money.Amount
}

// GiveAll applies figures from outside. Each figure at a computed position
// is compared with the sum of its parts as given with it: kept as entered
// when it differs, stored as computed when it agrees.
func (p *Pane) GiveAll(cells []GivenCell) error {
	for _, g := range cells {
		if err := p.checkCell(g.Row, g.Col); err != nil {
			return err
		}
	}
	saved := make([]Cell, len(cells))
	for i, g := range cells {
		saved[i] = p.Rows[g.Row].Cells[g.Col]
		p.Rows[g.Row].Cells[g.Col] = Cell{Value: g.Value, Entered: p.IsComputed(g.Row, g.Col)}
	}
	if err := p.Recompute(); err != nil {
		for i := len(cells) - 1; i >= 0; i-- {
			p.Rows[cells[i].Row].Cells[cells[i].Col] = saved[i]
		}
		p.Recompute()
		return errTotalOverflow
	}
	return nil
}

// UseComputed drops an entered value at a computed position (采用计算值).
func (p *Pane) UseComputed(ri, ci int) error {
	if err := p.checkCell(ri, ci); err != nil {
		return err
	}
	if !p.IsComputed(ri, ci) {
		return &CellError{"该单元格不是计算值"}
	}
	p.Rows[ri].Cells[ci].Entered = false
	p.Recompute()
	return nil
}

// newRow makes a row with one empty cell per column.
func (p *Pane) newRow(key string, typ RowType) *Row {
	return &Row{Key: key, Type: typ, Cells: make([]Cell, len(p.Columns))}
}

// CodeName is a code with its printed name.
type CodeName struct{ Code, Name string }

// AddClassRow adds a classification (or unit) row in code order, with its
// missing parents (named by nameOf, or left unnamed) so that a 项 is always
// listed under its 款 and 类. It returns the new row's index.
func (p *Pane) AddClassRow(code, name string, nameOf func(code string) string) (int, error) {
	if p.RowIndex(code) >= 0 {
		return p.RowIndex(code), &CellError{fmt.Sprintf("编码“%s”已在表中", code)}
	}
	if err := p.AddClassRows([]CodeName{{code, name}}, nameOf); err != nil {
		return -1, err
	}
	return p.RowIndex(code), nil
}

// AddClassRows adds many coded rows at once (one relink): codes already in
// the table are skipped, missing parents are added, and the coded rows are
// kept in code order.
func (p *Pane) AddClassRows(rows []CodeName, nameOf func(code string) string) error {
	if p.kind.Layout != LayoutClass && p.kind.Layout != LayoutTwoSided {
		return &CellError{"该表不按科目列行"}
	}
	for _, cn := range rows {
		if c, err := classify.Normalize(cn.Code); err != nil || c != cn.Code {
			return &CellError{fmt.Sprintf("“%s”不是规范的编码（只含数字）", cn.Code)}
		}
	}
	have := map[string]bool{}
	for _, r := range p.Rows {
		if r.Code != "" {
			have[r.Code] = true
		}
	}
	typ := RowClass
	if p.def.RowsAreUnits() {
		typ = RowUnit
	}
	var added []*Row
	add := func(code, name string) {
		if have[code] {
			return
		}
		have[code] = true
		r := p.newRow(code, typ)
		r.Code, r.Name = code, name
		added = append(added, r)
	}
	for _, cn := range rows {
		if p.kind.Layout == LayoutClass && typ == RowClass {
			for anc := classify.Parent(cn.Code); anc != ""; anc = classify.Parent(anc) {
				name := ""
				if nameOf != nil {
					name = nameOf(anc)
				}
				add(anc, name)
			}
		}
		add(cn.Code, cn.Name)
	}
	p.placeCoded(added)
	p.link()
	p.Recompute()
	return nil
}

// placeCoded merges new coded rows into the block of coded rows in code
// order (lexical order of codes lists parents before children); the first
// ones go where the template's 类 lines go.
func (p *Pane) placeCoded(added []*Row) {
	if len(added) == 0 {
		return
	}
	first, last := -1, -1
	for i, x := range p.Rows {
		if x.Type == RowClass || x.Type == RowUnit {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		at := p.classInsertPoint()
		slices.SortStableFunc(added, func(a, b *Row) int { return strings.Compare(a.Code, b.Code) })
		p.Rows = slices.Insert(p.Rows, at, added...)
		p.reindex()
		return
	}
	// merge: existing rows keep their order (rows without a code stay where
	// they are); each new row goes before the first coded row that sorts after it
	slices.SortStableFunc(added, func(a, b *Row) int { return strings.Compare(a.Code, b.Code) })
	block := make([]*Row, 0, last-first+1+len(added))
	k := 0
	for _, x := range p.Rows[first : last+1] {
		for x.Code != "" && k < len(added) && added[k].Code < x.Code {
			block = append(block, added[k])
			k++
		}
		block = append(block, x)
	}
	block = append(block, added[k:]...)
	rows := make([]*Row, 0, len(p.Rows)+len(added))
	rows = append(rows, p.Rows[:first]...)
	rows = append(rows, block...)
	rows = append(rows, p.Rows[last+1:]...)
	p.Rows = rows
	p.reindex()
}

// reindex refreshes the row-key index after rows move.
func (p *Pane) reindex() {
	p.byKey = make(map[string]int, len(p.Rows))
	for i, r := range p.Rows {
		p.byKey[r.Key] = i
	}
}

// classInsertPoint is where the first 类 line goes: after the 合计 line of a
// class table, or before the line that follows the 类 lines in a
// two-sided table.
func (p *Pane) classInsertPoint() int {
	if p.kind.Layout == LayoutClass {
		if i := p.RowIndex(RowKeyTotal); i >= 0 {
			return i + 1
		}
		return len(p.Rows)
	}
	after := false
	for _, ls := range p.sideSpec().Lines {
		if ls.Classes != "" {
			after = true
			continue
		}
		if after {
			if i := p.RowIndex(ls.Key); i >= 0 {
				return i
			}
		}
	}
	return len(p.Rows)
}

func (p *Pane) sideSpec() *SideSpec {
	if p.def.Sides == nil {
		return &SideSpec{}
	}
	if s := p.def.Sides[p.Side]; s != nil {
		return s
	}
	return &SideSpec{}
}

// RemoveRow deletes a classification, unit, project or loose row.
func (p *Pane) RemoveRow(ri int) error {
	_, err := p.TakeRow(ri)
	return err
}

// TakeRow deletes a row as RemoveRow does and returns it, so that an undo
// can put it back with PutRow.
func (p *Pane) TakeRow(ri int) (*Row, error) {
	if ri < 0 || ri >= len(p.Rows) {
		return nil, &CellError{"行不存在"}
	}
	r := p.Rows[ri]
	switch r.Type {
	case RowClass, RowUnit, RowProject, RowLoose:
	default:
		return nil, &CellError{"固定行和合计行不能删除"}
	}
	p.Rows = slices.Delete(p.Rows, ri, ri+1)
	p.relink()
	return r, nil
}

// PutRow puts a row taken by TakeRow back at its index.
func (p *Pane) PutRow(ri int, r *Row) error {
	if ri < 0 || ri > len(p.Rows) || r == nil || len(r.Cells) != len(p.Columns) {
		return &CellError{"无法恢复该行"}
	}
	if r.Type != RowProject && r.Key != "" && p.RowIndex(r.Key) >= 0 {
		return &CellError{fmt.Sprintf("编码“%s”已在表中", r.Key)}
	}
	p.Rows = slices.Insert(p.Rows, ri, r)
	p.relink()
	return nil
}

// SetRows puts back a pane's rows as they were (undo of a change of rows):
// the same row objects, so their figures come with them.
func (p *Pane) SetRows(rows []*Row) {
	p.Rows = append([]*Row(nil), rows...)
	p.relink()
}

// relink rebuilds what rows hang together after rows came or went.
func (p *Pane) relink() {
	if p.kind.Layout == LayoutProjects {
		p.regroupProjects()
	}
	p.link()
	p.Recompute()
}
