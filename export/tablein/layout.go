package tablein

import (
	"regexp"
	"strconv"
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
	UnitCol   int // the 预算单位 column, -1 if none
	BodyStart int
	BodyEnd   int
	TotalRow  int

	// Two-sided tables: each side's label column, the rows of the fixed
	// lines the sheet prints (by key) and the rows left for the 支出
	// side's 类 lines ([OutStart, OutEnd)).
	LabelCol         map[forms.Side]int
	Lines            map[forms.Side]map[string]int
	OutStart, OutEnd int

	// Fixed tables (三公): the row of the year's line, and the labels of
	// the other lines the sheet prints (上年, 增减) a document does not fill.
	LineRow    int
	OtherLines []string

	// Listed are the lines the 表样 prints in its body (examples, or a
	// list to be filled in place): their row, code and folded name.
	Listed []Listed
	// Year is the year the title prints, 0 if none.
	Year int
	// Unmatched are the header paths of columns no column of the kind
	// matched ("预算数／基本支出／人员经费").
	Unmatched []string
}

func newLayout(s *sheet, td *forms.TableDef) *Layout {
	return &Layout{Sheet: s.name, Def: td, Title: [2]int{-1, -1}, OrgCell: [2]int{-1, -1}, UnitCell: [2]int{-1, -1},
		HeaderTop: -1, HeaderBottom: -1, CodeCol: -1, NameCol: -1, UnitCol: -1, BodyStart: -1, BodyEnd: -1, TotalRow: -1,
		OutStart: -1, OutEnd: -1, LineRow: -1}
}

// Locate recognises the tables of a bureau's 表样 — empty, or with example
// lines — the way Read recognises a filled workbook's, and says where each
// sits. The family is the one whose titles match best. Sheets without a
// table (cover, text sheets) are not in the result. yearHint is the year a
// 表样 whose titles carry none is for (its “2026年” line of the 三公 table).
func Locate(sheets []*Sheet, yearHint int) ([]*Layout, *forms.Template, error) {
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
		td, row := kindTitle(s, tmpl, taken)
		if td == nil {
			td, row = findTitle(s, tmpl, taken)
		}
		if td == nil {
			continue
		}
		taken[td.ID] = true
		s.title = row
		fs = append(fs, found{s, td, row})
		if m := reYear.FindStringSubmatch(norm(s.at(row, firstNonEmpty(s.row(row))))); m != nil && year == 0 {
			year, _ = strconv.Atoi(m[1]) // the title's year (not a line's “2025年”)
		}
	}
	if len(fs) == 0 {
		return nil, tmpl, ErrNothingRecognised
	}
	if year == 0 {
		year = yearHint
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
		if m := reYear.FindStringSubmatch(norm(f.s.at(f.row, lay.Title[1]))); m != nil {
			lay.Year, _ = strconv.Atoi(m[1])
		}
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
// found: the header, the code, name and unit columns and the 合计 line —
// below the lines, or above them (the unit's line of 深圳's tables).
func (l *Layout) classBody(s *sheet, bottom, codeCol, nameCol, unitCol int, split []int, total int) {
	l.HeaderTop, l.HeaderBottom = l.Title[0]+1, bottom
	l.CodeCol, l.NameCol, l.UnitCol, l.SplitCols = codeCol, nameCol, unitCol, split
	l.BodyStart = bottom + 1
	l.TotalRow = total
	if total >= 0 && total > l.BodyStart {
		l.BodyEnd = total
		return
	}
	if total >= 0 {
		l.BodyStart = total + 1
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

var reTitleEnd = regexp.MustCompile(`表(?:[（(][^）)]*[）)])?$`)

// kindTitle finds a sheet's title by the kind its words name (the way a
// published table's is found), for a family whose titles differ from every
// shipped template's (“财政拨款“三公”经费支出表”): the one text of the first
// rows that reads as a table's title. A sheet with several (a 目录) has none.
func kindTitle(s *sheet, tmpl *forms.Template, taken map[string]bool) (*forms.TableDef, int) {
	var found *forms.TableDef
	row := -1
	seen := map[string]bool{}
	for r := 0; r < len(s.rows) && r < 8; r++ {
		for _, text := range s.rows[r] {
			t := norm(text)
			if t == "" || seen[t] || len([]rune(t)) > 40 || strings.Contains(t, "…") || !reTitleEnd.MatchString(t) {
				continue
			}
			seen[t] = true
			k := kindOfTitle(t)
			if k == forms.KindPrinted {
				continue
			}
			if found != nil {
				return nil, -1 // two titles: a list of tables
			}
			for _, td := range tmpl.Tables {
				if td.Kind == k && !taken[td.ID] {
					found, row = td, r
					break
				}
			}
		}
	}
	return found, row
}

// Listed is a line a 表样 prints: a code line, or a 类 named without code.
type Listed struct {
	Row        int
	Code, Name string
}

// listed records a body line (nil-safe).
func (l *Layout) listed(row int, code, name string) {
	if l != nil {
		l.Listed = append(l.Listed, Listed{Row: row, Code: code, Name: lineCore(name)})
	}
}

// FoldLabel folds a line's name as Listed names are folded (no ordinal, no
// year, half-width, no spaces): “一、一般公共服务支出” → “一般公共服务支出”.
func FoldLabel(s string) string { return lineCore(s) }
