package edit

import (
	"fmt"
	"strings"

	"yusuan/forms"
	"yusuan/forms/money"
)

// At addresses a cell: the table, its pane (0, or 1 for the 支出 side of a
// two-sided table), the row and the column in that pane — as forms.GridCell
// gives them.
type At struct {
	Table string
	Pane  int
	Row   int
	Col   int
}

// Error is an edit refused, with the reason in Chinese.
type Error struct {
	At     At
	Reason string
}

func (e *Error) Error() string { return e.Reason }

// pane finds the pane of a cell address.
func (s *Session) pane(at At) (*forms.Table, *forms.Pane, error) {
	t := s.doc.Table(at.Table)
	if t == nil || at.Pane < 0 || at.Pane >= len(t.Panes) {
		return nil, nil, &Error{at, "表格不存在"}
	}
	p := t.Panes[at.Pane]
	if at.Row < 0 || at.Row >= len(p.Rows) {
		return nil, nil, &Error{at, "行不存在"}
	}
	if at.Col < 0 || at.Col >= len(p.Columns) {
		return nil, nil, &Error{at, "栏目不存在"}
	}
	return t, p, nil
}

// Where names a cell for messages and undo labels: "2013101 公用经费".
func (s *Session) Where(at At) string {
	t := s.doc.Table(at.Table)
	if t == nil || at.Pane >= len(t.Panes) {
		return ""
	}
	p := t.Panes[at.Pane]
	if at.Row < 0 || at.Row >= len(p.Rows) || at.Col < 0 || at.Col >= len(p.Columns) {
		return ""
	}
	row, col := strings.TrimSpace(p.RowLabel(at.Row)), p.ColumnLabel(at.Col)
	if row == col {
		return row // the 合计 line's 合计 column: “合计”, not “合计 合计”
	}
	return row + " " + col
}

// Enter stores what the clerk typed into a cell: an amount in the table's
// unit ("" clears it), or a project's text attribute. A refused entry
// changes nothing and says why.
func (s *Session) Enter(at At, text string) error {
	t, p, err := s.pane(at)
	if err != nil {
		return err
	}
	if p.Columns[at.Col].Text {
		return s.enterAttr(t, p, at, text)
	}
	if p.IsComputed(at.Row, at.Col) {
		return &Error{at, "合计、小计由程序计算，不能直接填写"}
	}
	v := money.Amount(0)
	if strings.TrimSpace(text) != "" {
		v, err = money.Parse(text)
		if err != nil {
			return &Error{at, err.Error()}
		}
	}
	before := p.Rows[at.Row].Cells[at.Col]
	if before.Value == v {
		return nil
	}
	if err := p.Set(at.Row, at.Col, v); err != nil {
		return &Error{at, err.Error()}
	}
	s.recordCells(fmt.Sprintf("填写 %s", s.Where(at)), t, p, []At{at}, []forms.Cell{before})
	return nil
}

// recordCells keeps a change of some cells of one pane for undo.
func (s *Session) recordCells(label string, t *forms.Table, p *forms.Pane, ats []At, before []forms.Cell) {
	st := cellStep(t, p, ats, before)
	s.record(label, st.undo, st.redo, Change{Tables: []string{t.ID}, Cells: ats})
}

// cellStep is a change of some cells of one pane: their cells before, and
// (read now) after.
func cellStep(t *forms.Table, p *forms.Pane, ats []At, before []forms.Cell) step {
	after := make([]forms.Cell, len(ats))
	for i, at := range ats {
		after[i] = p.Rows[at.Row].Cells[at.Col]
	}
	put := func(cells []forms.Cell) func() Change {
		return func() Change {
			for i, at := range ats {
				p.Rows[at.Row].Cells[at.Col] = cells[i]
			}
			p.Recompute()
			return Change{Tables: []string{t.ID}, Cells: ats}
		}
	}
	return step{undo: put(before), redo: put(after)}
}

// Clear empties cells (the Delete key): an entered figure becomes zero, a
// given total its computed value again. Text and computed cells are left.
func (s *Session) Clear(ats []At) {
	byPane := map[*forms.Pane][]At{}
	tables := map[*forms.Pane]*forms.Table{}
	var order []*forms.Pane
	for _, at := range ats {
		t, p, err := s.pane(at)
		if err != nil || p.Columns[at.Col].Text {
			continue
		}
		c := p.Rows[at.Row].Cells[at.Col]
		if p.IsComputed(at.Row, at.Col) && !c.Entered || !p.IsComputed(at.Row, at.Col) && c.Value == 0 {
			continue
		}
		if _, seen := byPane[p]; !seen {
			order = append(order, p)
		}
		byPane[p] = append(byPane[p], at)
		tables[p] = t
	}
	if len(order) == 0 {
		return
	}
	var steps []step
	c := Change{}
	for _, p := range order {
		cells := byPane[p]
		before := make([]forms.Cell, len(cells))
		for i, at := range cells {
			before[i] = p.Rows[at.Row].Cells[at.Col]
			p.Rows[at.Row].Cells[at.Col] = forms.Cell{}
		}
		p.Recompute()
		t := tables[p]
		steps = append(steps, cellStep(t, p, cells, before))
		c.Tables = appendNew(c.Tables, t.ID)
		c.Cells = append(c.Cells, cells...)
	}
	label := "清除 " + s.Where(ats[0])
	if len(ats) > 1 {
		label = fmt.Sprintf("清除 %d 个单元格", len(ats))
	}
	s.record(label, joinUndo(steps, c), joinRedo(steps, c), c)
}

// UseComputed drops a given total that differs from its sum (采用计算值).
func (s *Session) UseComputed(at At) error {
	t, p, err := s.pane(at)
	if err != nil {
		return err
	}
	before := p.Rows[at.Row].Cells[at.Col]
	if !before.Entered || !p.IsComputed(at.Row, at.Col) {
		return &Error{at, "该单元格已经是计算值"}
	}
	if err := p.UseComputed(at.Row, at.Col); err != nil {
		return &Error{at, err.Error()}
	}
	s.recordCells("采用计算值 "+s.Where(at), t, p, []At{at}, []forms.Cell{before})
	return nil
}

// Item is one cell of a pasted block.
type Item struct {
	At   At
	Text string
}

// PasteResult lists the cells a paste refused, with why.
type PasteResult struct {
	Applied int
	Refused []*Error
	// Totals are the applied cells at computed positions kept as given:
	// their figure differs from the sum, and the checks report it.
	Totals []At
}

// Paste applies a block copied from a spreadsheet as one change: figures
// into entered cells; at a computed position a figure that equals the sum
// is taken as computed and one that differs is kept as given (decision 2);
// blank cells clear. Cells that are not amounts, or hold text that is not
// a figure, are refused and listed; the rest still applies.
func (s *Session) Paste(items []Item) *PasteResult {
	res := &PasteResult{}
	type paneCells struct {
		t     *forms.Table
		p     *forms.Pane
		given []forms.GivenCell
		ats   []At
	}
	var order []*paneCells
	byPane := map[*forms.Pane]*paneCells{}
	for _, it := range items {
		t, p, err := s.pane(it.At)
		if err != nil {
			res.Refused = append(res.Refused, err.(*Error))
			continue
		}
		if p.Columns[it.At.Col].Text {
			if strings.TrimSpace(it.Text) != "" && strings.TrimSpace(it.Text) != p.Rows[it.At.Row].Attr(p.Columns[it.At.Col].Key) {
				res.Refused = append(res.Refused, &Error{it.At, fmt.Sprintf("“%s”栏不是金额，粘贴时不改动", p.Columns[it.At.Col].Label)})
			}
			continue
		}
		v := money.Amount(0)
		if strings.TrimSpace(it.Text) != "" {
			v, err = money.Parse(it.Text)
			if err != nil {
				res.Refused = append(res.Refused, &Error{it.At, err.Error()})
				continue
			}
		} else if p.IsComputed(it.At.Row, it.At.Col) {
			continue // a blank over a total leaves the total computed
		}
		pc := byPane[p]
		if pc == nil {
			pc = &paneCells{t: t, p: p}
			byPane[p] = pc
			order = append(order, pc)
		}
		pc.given = append(pc.given, forms.GivenCell{Row: it.At.Row, Col: it.At.Col, Value: v})
		pc.ats = append(pc.ats, it.At)
	}
	var steps []step
	c := Change{}
	for _, pc := range order {
		before := make([]forms.Cell, len(pc.ats))
		for i, at := range pc.ats {
			before[i] = pc.p.Rows[at.Row].Cells[at.Col]
		}
		if err := pc.p.GiveAll(pc.given); err != nil {
			for _, at := range pc.ats {
				res.Refused = append(res.Refused, &Error{at, err.Error()})
			}
			continue
		}
		res.Applied += len(pc.ats)
		for _, at := range pc.ats {
			if pc.p.IsComputed(at.Row, at.Col) && pc.p.Rows[at.Row].Cells[at.Col].Entered {
				res.Totals = append(res.Totals, at)
			}
		}
		steps = append(steps, cellStep(pc.t, pc.p, pc.ats, before))
		c.Tables = appendNew(c.Tables, pc.t.ID)
		c.Cells = append(c.Cells, pc.ats...)
	}
	if len(steps) > 0 {
		s.record(fmt.Sprintf("粘贴 %d 个单元格", res.Applied), joinUndo(steps, c), joinRedo(steps, c), c)
	}
	return res
}

// joinUndo takes back several steps, last first, as one.
func joinUndo(steps []step, c Change) func() Change {
	return func() Change {
		for i := len(steps) - 1; i >= 0; i-- {
			steps[i].undo()
		}
		return c
	}
}

// joinRedo does several steps again, in order, as one.
func joinRedo(steps []step, c Change) func() Change {
	return func() Change {
		for _, st := range steps {
			st.redo()
		}
		return c
	}
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// Locate finds the cell a finding names (forms.CellRef: table id, row code
// or label, column key). A row-level reference (no column) gives the row's
// first amount column; ok is false when the table or row is not there (a
// text part, an absent table).
func (s *Session) Locate(ref forms.CellRef) (At, bool) {
	pi, ri, ci, ok := s.doc.Locate(ref)
	if !ok {
		return At{}, false
	}
	return At{Table: ref.Table, Pane: pi, Row: ri, Col: ci}, true
}
