// Package tablein recognises budget disclosure tables in grids of cell
// texts, whatever their source: a workbook's sheets (export/xlsx reads the
// file and hands the grids here) or a published PDF's pages (export/pdfin
// finds the words and rules). Titles, header trees, line labels, codes,
// units, notes and the 绩效 forms are recognised here once, so a layout
// learned from one source serves the other.
//
// It knows forms; it knows no file format (the names of our own workbook's
// text and data sheets, which the workbook writer shares, are the exception:
// they are table layouts of ours like any other).
package tablein

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"

	"yusuan/forms"
	"yusuan/forms/money"
	"yusuan/internal/crash"
)

// Sheet is one source grid: a workbook's worksheet, or what a PDF reader
// made of a table on its page(s). Rows hold each cell's text as the source
// has it (a workbook's stored value, not its display); a cell that spans
// several (a merged range, a spanning PDF cell) holds its text in every
// cell it covers, so that a header stands over each column it spans.
type Sheet struct {
	// Name names the sheet in reports. TextSheet and DataSheet are taken
	// as our own workbook's text and data sheets.
	Name string
	// Rows are the cell texts by row and column (0-based); rows may differ
	// in length. Read does not change them.
	Rows [][]string

	// Where names the sheet as a whole in messages ("第 5 页"); "" is a
	// worksheet's: 工作表“Name”.
	Where string

	// Locate, optional, says where a cell is within the sheet for messages,
	// after Where: row and col index Rows, col is -1 for a line as a whole
	// (a problem of the first row is said of the sheet as a whole). nil: a
	// worksheet's cell names ("B5") and line numbers ("第 5 行").
	Locate func(row, col int) string

	// Shown, optional, is a cell's value as the source displays it, when
	// that differs from the stored text (a workbook's computed figure that
	// holds more decimals than its format shows). nil: only Rows is known.
	Shown func(row, col int) (string, bool)
}

// Place is how messages name the sheet as a whole: Where, or 工作表“Name”.
func (s *Sheet) Place() string {
	if s.Where != "" {
		return s.Where
	}
	return "工作表“" + s.Name + "”"
}

// Options steers a reading.
type Options struct {
	Template string // "" : the cover sheet's, or the one whose tables match best
}

// Report says what a reading recognised and what it could not use.
type Report struct {
	Template string
	Tables   []TableReport
	Problems []Problem
}

// TableReport is one table found in a sheet.
type TableReport struct {
	Sheet   string // the sheet's Name
	Where   string // the sheet as messages name it (Sheet.Place)
	TableID string
	Title   string
	Unit    money.Unit
	Rows    int // lines read
	Columns int // amount columns recognised
}

// Problem is something a reading could not use, by sheet and place.
type Problem struct {
	Sheet   string // the sheet's Name
	Where   string // the sheet as messages name it: 工作表“X”, 第 5 页 ("": 工作表“Sheet”)
	Cell    string // the place within it ("B5", "第 5 行"); "" for the whole sheet
	Message string
}

func (p Problem) String() string {
	where := p.Where
	if where == "" {
		where = "工作表“" + p.Sheet + "”"
	}
	return where + p.Cell + "：" + p.Message
}

// AddSheetProblem records a problem of a sheet as a whole (one a source
// reader meets before recognition: a sheet too large, a page without text).
func (r *Report) AddSheetProblem(s *Sheet, format string, args ...any) {
	r.Problems = append(r.Problems, Problem{Sheet: s.Name, Where: s.Place(), Message: fmt.Sprintf(format, args...)})
}

// problem records a problem at a cell (col ≥ 0) or a line (col < 0) of a
// sheet; row 0 or less is the sheet as a whole.
func (r *Report) problem(s *sheet, col, row int, format string, args ...any) {
	ref := ""
	if row > 0 {
		ref = s.locate(row, col)
	}
	r.Problems = append(r.Problems, Problem{Sheet: s.name, Where: s.where, Cell: ref, Message: fmt.Sprintf(format, args...)})
}

// ErrNothingRecognised: the sheets hold no table the app knows.
var ErrNothingRecognised = errors.New("没有找到可以识别的预算公开表格")

// sheet is a Sheet as the readers work on it, with the row of its title.
type sheet struct {
	name   string
	where  string
	rows   [][]string
	title  int // row of the table's title, -1 if none
	locate func(row, col int) string
	shown  func(row, col int) (string, bool)
	// wanAsYuan: the sheet prints 万元 with up to six decimals (exact cents
	// of 元); its figures are read as 元 (decision 37).
	wanAsYuan bool
}

func newSheet(s *Sheet) *sheet {
	out := &sheet{name: s.Name, where: s.Place(), rows: s.Rows, title: -1, locate: s.Locate, shown: s.Shown}
	if out.locate == nil {
		out.locate = workbookPlace
	}
	return out
}

// workbookPlace names a cell as a worksheet does ("B5"), a line by its number.
func workbookPlace(row, col int) string {
	if col < 0 {
		return fmt.Sprintf("第 %d 行", row+1)
	}
	return cellName(col+1, row+1)
}

// cellName is a worksheet's name of a cell, 1-based: (2, 5) → "B5".
func cellName(col, row int) string {
	if col < 1 || row < 1 {
		return ""
	}
	var letters []byte
	for c := col; c > 0; c = (c - 1) / 26 {
		letters = append([]byte{byte('A' + (c-1)%26)}, letters...)
	}
	return string(letters) + strconv.Itoa(row)
}

// row is a sheet's row, nil past its end: readers look a few rows below
// the title, which a short sheet does not have.
func (s *sheet) row(r int) []string {
	if r < 0 || r >= len(s.rows) {
		return nil
	}
	return s.rows[r]
}

func (s *sheet) at(r, c int) string {
	if r < 0 || r >= len(s.rows) || c < 0 || c >= len(s.rows[r]) {
		return ""
	}
	return s.rows[r][c]
}

// Read recognises the tables of the sheets and builds the document from
// them: our own workbook's sheets back exactly, or sheets laid out as any
// shipped template, as budget systems export them, clerks fill them by hand
// or departments publish them. Figures are kept as given. What it cannot use
// is added to rep by sheet and place (rep may be nil); the rest is read.
// A table whose reading fails (a layout nobody foresaw) is left out and
// reported, and the error is logged (internal/crash); the others still read.
func Read(sheets []*Sheet, opts Options, rep *Report) (*forms.Document, error) {
	if rep == nil {
		rep = &Report{}
	}
	var ss []*sheet
	for _, s := range sheets {
		if s != nil {
			ss = append(ss, newSheet(s))
		}
	}
	return readSheets(ss, opts, rep)
}

// readSheets builds the document from the sheets.
func readSheets(sheets []*sheet, opts Options, rep *Report) (*forms.Document, error) {
	cover := coverOf(sheets)
	tmpl, printed := ownTemplate(sheets)
	var err error
	if tmpl == nil {
		if tmpl, err = chooseTemplate(sheets, opts, cover); err != nil {
			return nil, err
		}
	}
	rep.Template = tmpl.ID
	raw := &forms.Raw{Format: forms.FileFormat, Schema: forms.SchemaVersion}
	raw.Meta.Template = tmpl.ID
	if tmpl.Own {
		raw.Template = tmpl
	}
	readCover(cover, raw)
	// find each sheet's table
	type found struct {
		s  *sheet
		td *forms.TableDef
	}
	var tables []found
	taken := map[string]bool{}
	if tmpl.Own {
		// a document read from a published one: its tables are read again
		// from their printed copies, as they were the first time
		for _, td := range tmpl.Tables {
			if p := printed[td.ID]; p != nil {
				tables = append(tables, found{printedSheet(td, p), td})
				taken[td.ID] = true
			}
		}
	}
	for _, s := range sheets {
		if s.name == TextSheet || s.name == DataSheet || (cover != nil && isCover(s)) || tmpl.Own {
			continue
		}
		td, row := findTitle(s, tmpl, taken)
		if td == nil {
			if len(s.rows) > 0 {
				rep.problem(s, -1, 0, "没有找到可以识别的表格标题，整张工作表未导入")
			}
			continue
		}
		taken[td.ID] = true
		s.title = row
		tables = append(tables, found{s, td})
		if raw.Meta.Year == 0 {
			raw.Meta.Year = s.yearOf()
		}
		if raw.Meta.Name == "" {
			raw.Meta.Name = nameBefore(s.at(row, firstNonEmpty(s.row(row))), td)
		}
	}
	if len(tables) == 0 && !(tmpl.Own && len(tmpl.Tables) == 0) {
		return nil, ErrNothingRecognised
	}
	if raw.Meta.Year == 0 {
		return nil, fmt.Errorf("表格标题中没有年度（如“2023年”），无法确定预算年度")
	}
	if raw.Meta.Level == "" {
		raw.Meta.Level = forms.LevelDept
		for _, f := range tables {
			if w := tmpl.LevelWords[forms.LevelUnit]; w != "" && strings.Contains(norm(f.s.at(f.s.title, firstNonEmpty(f.s.row(f.s.title)))), w) &&
				!strings.Contains(norm(f.s.at(f.s.title, firstNonEmpty(f.s.row(f.s.title)))), tmpl.LevelWords[forms.LevelDept]) {
				raw.Meta.Level = forms.LevelUnit
			}
		}
	}
	for _, s := range sheets {
		switch s.name {
		case TextSheet:
			readText(s, raw)
		case DataSheet:
			readData(s, raw, rep)
		}
	}
	// a skeleton to learn each table's columns and lines from
	var skel *forms.Document
	if tmpl.Own {
		skel, err = forms.NewDocumentOn(raw.Meta, tmpl)
	} else {
		skel, err = forms.NewDocument(raw.Meta)
	}
	if err != nil {
		return nil, err
	}
	present := map[string]bool{}
	for _, f := range tables {
		var rt forms.RawTable
		var tr TableReport
		ok := true
		if tmpl.Own {
			rt, tr = readPublishedTable(f.s, skel.Table(f.td.ID), skel, rep, raw)
		} else {
			rt, tr, ok = readTable(f.s, skel.Table(f.td.ID), skel, rep, raw)
		}
		if !ok {
			continue // left absent below
		}
		present[rt.ID] = true
		raw.Tables = append(raw.Tables, rt)
		rep.Tables = append(rep.Tables, tr)
	}
	for i := range raw.Tables {
		raw.Tables[i].Printed = printed[raw.Tables[i].ID]
	}
	// tables of the template the workbook does not have are absent, not zero;
	// 绩效 forms may all sit in one sheet
	anyProjectForms := len(raw.Perf.Projects) > 0
	for _, t := range skel.Tables {
		if present[t.ID] || (t.Kind == forms.KindPerfProject && anyProjectForms) {
			continue
		}
		raw.Tables = append(raw.Tables, forms.RawTable{ID: t.ID, Absent: true})
	}
	d, err := raw.Document()
	if err != nil {
		return nil, err
	}
	settleExplanation(d)
	return d, nil
}

// readTable reads one sheet into its table. A panic in it (a reader meeting
// a layout nobody foresaw) costs this table only: it is logged, reported by
// the sheet, and the table is left out (ok false).
func readTable(s *sheet, t *forms.Table, skel *forms.Document, rep *Report, raw *forms.Raw) (rt forms.RawTable, tr TableReport, ok bool) {
	rt, tr, _, ok = readTableWith(s, t, skel, rep, raw)
	return rt, tr, ok
}

// readTableWith is readTable that also gives the reader, to learn what it
// matched.
func readTableWith(s *sheet, t *forms.Table, skel *forms.Document, rep *Report, raw *forms.Raw) (rt forms.RawTable, tr TableReport, r *reader, ok bool) {
	perf, problems := raw.Perf, len(rep.Problems)
	defer func() {
		if hooks.panicsThrough {
			return
		}
		if v := recover(); v != nil {
			raw.Perf = perf                        // no half-read 绩效 form
			rep.Problems = rep.Problems[:problems] // its findings are moot now
			e := crash.Record("导入"+s.where, v, debug.Stack())
			msg := "读取这张表时程序出错，这张表未导入，请核对后在程序中填写"
			if e.Log != "" {
				msg += "（详细信息已记录在 " + e.Log + "，请把这个文件发给技术支持）"
			}
			rep.problem(s, -1, 0, "%s", msg)
			ok = false
		}
	}()
	if len(s.rows) <= s.title+1 {
		rep.problem(s, -1, 0, "表格标题下面没有内容（没有表头，也没有数字），这张表未导入")
		return rt, tr, nil, false
	}
	rt = forms.RawTable{ID: t.ID}
	unit := s.unitOf(t.Unit)
	if unit != t.Unit && t.IsGrid() {
		rt.Unit = unit
	}
	r = &reader{s: s, t: t, doc: skel, rep: rep, raw: raw}
	if !t.IsGrid() {
		r.formUnit = unit
	}
	tr = TableReport{Sheet: s.name, Where: s.where, TableID: t.ID, Title: t.Title, Unit: unit}
	switch t.Layout() {
	case forms.LayoutClass:
		rt.Rows, tr.Rows, tr.Columns = r.classRows()
	case forms.LayoutTwoSided:
		rt.Rows, tr.Rows, tr.Columns = r.twoSidedRows()
	case forms.LayoutFixed:
		rt.Rows, tr.Rows, tr.Columns = r.fixedRows()
	case forms.LayoutProjects:
		rt.Rows, tr.Rows, tr.Columns = r.projectRows()
	case forms.LayoutForm:
		tr.Rows = r.forms()
	}
	if hooks.afterLines != nil {
		hooks.afterLines(t.ID)
	}
	rt.Note = r.note()
	if t.IsGrid() && tr.Columns == 0 {
		rep.problem(s, -1, 0, "没有识别出任何金额栏目，这张表的数字未导入")
	}
	r.otherTitles(t.Def)
	return rt, tr, r, true
}

func firstNonEmpty(r []string) int {
	for i, c := range r {
		if c != "" {
			return i
		}
	}
	return 0
}
