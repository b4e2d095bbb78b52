package tablein

import (
	"strings"

	"yusuan/forms"
	"yusuan/forms/money"
)

// Layout is where a table sits in a sheet, as the importer recognised it:
// what a writer needs to put a document's figures into a bureau's 表样
// (export --into) without changing anything else. Rows and columns are
// 0-based indexes of Sheet.Rows; -1 means none.
type Layout struct {
	Sheet string
	Def   *forms.TableDef
	// Title is the title cell; OrgCell the 编制部门/编制单位 cell; UnitCell
	// the unit line's cell.
	Title, OrgCell, UnitCell [2]int // row, col
	Unit                     money.Unit
	HeaderTop, HeaderBottom  int
	// Columns: the sheet column of each pane column, by side and key.
	Columns map[forms.Side]map[string]int

	// Class tables: the code in one column (CodeCol) or in 类/款/项
	// columns (SplitCols), the name column, the body's rows [BodyStart,
	// BodyEnd) and the 合计 line.
	CodeCol   int
	SplitCols []int
	NameCol   int
	BodyStart int
	BodyEnd   int
	TotalRow  int

	// Two-sided tables: each side's label column, the rows of the fixed
	// lines the sheet prints (by key) and the rows left for the 支出
	// side's 类 lines ([OutStart, OutEnd)).
	LabelCol         map[forms.Side]int
	Lines            map[forms.Side]map[string]int
	OutStart, OutEnd int

	// Fixed tables (三公): the row of the year's line.
	LineRow int

	// Unmatched are the header paths of columns no column of the kind
	// matched ("预算数／基本支出／人员经费").
	Unmatched []string
}

func newLayout(s *sheet, td *forms.TableDef) *Layout {
	return &Layout{Sheet: s.name, Def: td, Title: [2]int{-1, -1}, OrgCell: [2]int{-1, -1}, UnitCell: [2]int{-1, -1},
		HeaderTop: -1, HeaderBottom: -1, CodeCol: -1, NameCol: -1, BodyStart: -1, BodyEnd: -1, TotalRow: -1,
		OutStart: -1, OutEnd: -1, LineRow: -1}
}

// Locate recognises the tables of a bureau's 表样 — empty, or with example
// lines — the way Read recognises a filled workbook's, and says where each
// sits. The family is the one whose titles match best. Sheets without a
// table (cover, text sheets) are not in the result.
func Locate(sheets []*Sheet) ([]*Layout, *forms.Template, error) {
	var ss []*sheet
	for _, s := range sheets {
		if s != nil {
			ss = append(ss, newSheet(s))
		}
	}
	tmpl, err := chooseTemplate(ss, Options{}, nil)
	if err != nil {
		return nil, nil, err
	}
	year := 0
	taken := map[string]bool{}
	type found struct {
		s   *sheet
		td  *forms.TableDef
		row int
	}
	var fs []found
	for _, s := range ss {
		td, row := findTitle(s, tmpl, taken)
		if td == nil {
			continue
		}
		taken[td.ID] = true
		s.title = row
		fs = append(fs, found{s, td, row})
		if year == 0 {
			year = s.yearOf()
		}
	}
	if len(fs) == 0 {
		return nil, tmpl, ErrNothingRecognised
	}
	if year == 0 {
		year = 2000
	}
	skel, err := forms.NewDocument(forms.Meta{Year: year, Template: tmpl.ID, Level: forms.LevelDept})
	if err != nil {
		return nil, tmpl, err
	}
	var out []*Layout
	for _, f := range fs {
		t := skel.Table(f.td.ID)
		if t == nil || !t.IsGrid() {
			continue
		}
		lay := newLayout(f.s, f.td)
		lay.Title = [2]int{f.row, firstNonEmpty(f.s.row(f.row))}
		lay.preamble(f.s)
		rep := &Report{}
		raw := &forms.Raw{}
		r := &reader{s: f.s, t: t, doc: skel, rep: rep, raw: raw, lay: lay}
		ok := locateTable(r)
		if !ok {
			continue
		}
		lay.Unit = f.s.unitOf(t.Unit)
		lay.Columns = r.matched
		out = append(out, lay)
	}
	return out, tmpl, nil
}

// locateTable runs the table's reader for its layout; a reader's panic on
// a layout nobody foresaw costs this table only.
func locateTable(r *reader) (ok bool) {
	defer func() {
		if v := recover(); v != nil && !hooks.panicsThrough {
			ok = false
		} else if v != nil {
			panic(v)
		}
	}()
	if len(r.s.rows) <= r.s.title+1 {
		return false
	}
	switch r.t.Layout() {
	case forms.LayoutClass:
		r.classRows()
	case forms.LayoutTwoSided:
		r.twoSidedRows()
	case forms.LayoutFixed:
		r.fixedRows()
	default:
		return false
	}
	return true
}

// preamble finds the 编制部门 and unit cells between the title and the header.
func (l *Layout) preamble(s *sheet) {
	for row := l.Title[0] + 1; row < len(s.rows) && row <= l.Title[0]+4; row++ {
		for c, v := range s.row(row) {
			n := norm(v)
			switch {
			case l.OrgCell[0] < 0 && (strings.HasPrefix(n, "编制部门") || strings.HasPrefix(n, "编制单位") || strings.HasPrefix(n, "部门名称") || strings.HasPrefix(n, "单位名称")):
				l.OrgCell = [2]int{row, c}
			case l.UnitCell[0] < 0 && reUnitLine.MatchString(n):
				l.UnitCell = [2]int{row, c}
			}
		}
	}
}

// classBody records a class table's columns and body from what classRows
// found: the header, the code and name columns and the kind of each row.
func (l *Layout) classBody(s *sheet, bottom, codeCol, nameCol int, split []int, total int) {
	l.HeaderTop, l.HeaderBottom = l.Title[0]+1, bottom
	l.CodeCol, l.NameCol, l.SplitCols = codeCol, nameCol, split
	l.BodyStart = bottom + 1
	l.TotalRow = total
	if total >= 0 {
		l.BodyEnd = total
		return
	}
	l.BodyEnd = l.BodyStart
	for row := l.BodyStart; row < len(s.rows); row++ {
		if rowText(s.row(row)) != "" {
			l.BodyEnd = row + 1
		}
	}
}

// line records the row of a fixed line (nil-safe: readers call it always).
func (l *Layout) line(side forms.Side, key string, row int) {
	if l == nil {
		return
	}
	if l.Lines == nil {
		l.Lines = map[forms.Side]map[string]int{}
	}
	if l.Lines[side] == nil {
		l.Lines[side] = map[string]int{}
	}
	l.Lines[side][key] = row
}

// twoSidedBody records a two-sided table's label columns and the rows its
// 支出 side leaves for 类 lines: below the fixed lines above the first 类
// (or the header), up to the next fixed line.
func (l *Layout) twoSidedBody(s *sheet, top, headerRow int, labelCols []int, firstOut int) {
	l.HeaderTop, l.HeaderBottom = top, headerRow
	l.LabelCol = map[forms.Side]int{forms.SideIn: labelCols[0], forms.SideOut: labelCols[1]}
	l.OutStart = headerRow + 1
	outs := l.Lines[forms.SideOut]
	at := map[int]bool{}
	last := -1
	for _, row := range outs {
		at[row] = true
		last = max(last, row)
	}
	for at[l.OutStart] && l.OutStart != last {
		l.OutStart++ // the fixed lines the side starts with (一、本年支出)
	}
	for _, row := range outs {
		if firstOut >= 0 && row < firstOut && row+1 > l.OutStart {
			l.OutStart = row + 1
		}
	}
	l.OutEnd = -1
	for _, row := range outs {
		if row >= l.OutStart && (l.OutEnd < 0 || row < l.OutEnd) {
			l.OutEnd = row
		}
	}
	if l.OutEnd < 0 {
		l.OutEnd = l.OutStart
		for row := l.OutStart; row < len(s.rows); row++ {
			if rowText(s.row(row)) != "" {
				l.OutEnd = row + 1
			}
		}
	}
}
