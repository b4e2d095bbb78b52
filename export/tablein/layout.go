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
	// failed: the reader found no table it could lay out (a two-sided
	// table without its 项目 … 项目 header)
	failed bool
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
// table (cover, text sheets) are not in the result. A table of a kind doc
// has is located with doc's own table (its columns, as the document will
// be written), others with the family's; doc's year stands for a 表样 whose
// titles carry none (its “2026年” line of the 三公 table). doc may be nil.
func Locate(sheets []*Sheet, doc *forms.Document) ([]*Layout, *forms.Template, error) {
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
	titleOf := func(s *sheet, taken map[string]bool) (*forms.TableDef, int) {
		td, row, named := kindTitle(s, tmpl, taken)
		if td == nil && !named {
			td, row = findTitle(s, tmpl, taken)
		}
		return td, row // a kind named but taken: not another kind instead
	}
	year := 0
	for _, s := range ss {
		if td, row := titleOf(s, map[string]bool{}); td != nil && year == 0 {
			if m := reYear.FindStringSubmatch(norm(s.at(row, firstNonEmpty(s.row(row))))); m != nil {
				year, _ = strconv.Atoi(m[1]) // the title's year (not a line's “2025年”)
			}
		}
	}
	if year == 0 && doc != nil {
		year = doc.Meta.Year
	}
	if year == 0 {
		year = 2000
	}
	skel, err := forms.NewDocument(forms.Meta{Year: year, Template: tmpl.ID, Level: forms.LevelDept})
	if err != nil {
		return nil, tmpl, err
	}
	ref := skel
	if doc != nil {
		ref = doc
	}
	taken := map[string]bool{}
	var out []*Layout
	for _, s := range ss {
		td, row := titleOf(s, taken)
		if td == nil {
			continue
		}
		s.title = row
		t := skel.Table(td.ID)
		if doc != nil {
			for _, dt := range doc.Tables {
				if dt.Kind == td.Kind && !dt.Absent && dt.IsGrid() {
					t = dt
					break
				}
			}
		}
		if t == nil || !t.IsGrid() {
			continue
		}
		lay := newLayout(s, td)
		lay.Title = [2]int{row, firstNonEmpty(s.row(row))}
		if m := reYear.FindStringSubmatch(norm(s.at(row, lay.Title[1]))); m != nil {
			lay.Year, _ = strconv.Atoi(m[1])
		}
		lay.preamble(s)
		r := &reader{s: s, t: t, doc: ref, rep: &Report{}, raw: &forms.Raw{}, lay: lay}
		if !locateTable(r) || lay.failed {
			continue // a title without a table under it (or one nobody foresaw)
		}
		taken[td.ID] = true
		lay.Unit = s.unitOf(t.Unit)
		lay.Columns = r.matched
		out = append(out, lay)
	}
	if len(out) == 0 {
		return nil, tmpl, ErrNothingRecognised
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
// below the lines (the body is what lies between, perhaps nothing), or
// above them (unitLine: the unit's line of 深圳's tables).
func (l *Layout) classBody(s *sheet, bottom, codeCol, nameCol, unitCol int, split []int, total int, unitLine bool) {
	l.HeaderTop, l.HeaderBottom = l.Title[0]+1, bottom
	l.CodeCol, l.NameCol, l.UnitCol, l.SplitCols = codeCol, nameCol, unitCol, split
	l.BodyStart = bottom + 1
	l.TotalRow = total
	switch {
	case total >= 0 && !unitLine:
		l.BodyEnd = max(total, l.BodyStart)
	case total >= 0:
		l.BodyStart = total + 1
		l.BodyEnd = l.bodyEnd(s)
	default:
		l.BodyEnd = l.bodyEnd(s)
	}
}

// bodyEnd: with no 合计 line below, the body is the example lines and the
// blank rows among them; a note or a signature line under the table ends
// it (and stays the 表样's).
func (l *Layout) bodyEnd(s *sheet) int {
	listed := map[int]bool{}
	for _, x := range l.Listed {
		listed[x.Row] = true
	}
	end := l.BodyStart
	for row := l.BodyStart; row < len(s.rows); row++ {
		text := rowText(s.row(row))
		switch {
		case text == "":
		case listed[row] || strings.Contains(text, "…") || strings.Contains(text, "XX"):
			end = row + 1
		default:
			return end
		}
	}
	return end
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
func kindTitle(s *sheet, tmpl *forms.Template, taken map[string]bool) (td *forms.TableDef, row int, named bool) {
	row = -1
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
			if named {
				return nil, -1, false // two titles: a list of tables
			}
			named = true
			for _, d := range tmpl.Tables {
				if d.Kind == k && !taken[d.ID] {
					td, row = d, r
					break
				}
			}
		}
	}
	return td, row, named
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
