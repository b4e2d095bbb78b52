// Package into fills a bureau's own 表样 (the workbook it sends out to its
// departments) with a document's figures: each table found in the 表样 the
// way the importer finds tables, the figures written into its cells in its
// unit, lines inserted where the 表样 leaves too few rows, and nothing else
// of the 表样 changed (decisions 34 and 42). The 表样 is read, never written.
package into

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"yusuan/export/tablein"
	"yusuan/export/xlsx"
	"yusuan/forms"
	"yusuan/forms/classify"
	"yusuan/forms/money"
)

// Report says what a fill placed where and what it could not place.
type Report struct {
	Family   string   // the 表样's table family as recognised (template name)
	Placed   []Placed // in the 表样's sheet order
	Unplaced []string // what could not be placed, each a sentence naming where
	// Rounded counts figures rounded to the 表样's unit (元 → 万元), half up.
	Rounded int
	// TextFindings are the text checks' 错误 and 警告 on the filled
	// 编制说明 and 情况说明 (the 表样's words, which win over ours).
	TextFindings []string
	// Formulas counts the 表样's formula cells in the tables, kept as
	// formulas with their results over the filled figures.
	Formulas int
	// Inserted counts the rows inserted where the 表样 left too few;
	// Insertions says where.
	Inserted   int
	Insertions []Insertion
}

// Insertion is a run of rows inserted into a sheet: Count rows from row At
// (1-based, in the filled sheet); what lay at At and below moved down.
type Insertion struct {
	Sheet     string
	At, Count int
}

// Placed is one table (or text) written into the 表样.
type Placed struct {
	Sheet string
	Range string // "A9:I15"
	What  string
}

func (p Placed) String() string {
	return "工作表“" + p.Sheet + "”" + p.Range + "：" + p.What
}

// Complete: everything of the document found a place.
func (r *Report) Complete() bool { return len(r.Unplaced) == 0 }

// Fill writes the document into a copy of the 表样 at tmplPath and returns
// the filled workbook (the caller saves it; the 表样 file is not written).
// An error means the 表样 could not be read or written into at all.
func Fill(d *forms.Document, tmplPath string) (*excelize.File, *Report, error) {
	f, sheets, err := xlsx.OpenSheets(tmplPath)
	if err != nil {
		return nil, nil, err
	}
	layouts, family, err := tablein.Locate(sheets, d)
	if err != nil {
		f.Close()
		if errors.Is(err, tablein.ErrNothingRecognised) {
			return nil, nil, fmt.Errorf("表样“%s”中没有找到可以识别的预算公开表格", tmplPath)
		}
		return nil, nil, fmt.Errorf("表样“%s”无法识别：%v", tmplPath, err)
	}
	rep := &Report{Family: family.Name}
	for _, lay := range layouts {
		if lay.Year != 0 && lay.Year != d.Meta.Year {
			rep.Unplaced = append(rep.Unplaced, fmt.Sprintf("表样是 %d 年度的，文档是 %d 年度的：表格标题中的年度已改为 %d 年，文字页中的年度没有改，请确认表样是否选对", lay.Year, d.Meta.Year, d.Meta.Year))
			break
		}
	}
	grids := map[string][][]string{}
	for _, s := range sheets {
		grids[s.Name] = s.Rows
	}
	fl := &filler{f: f, d: d, rep: rep}
	used := map[*forms.Table]bool{}
	tableSheets := map[string]bool{}
	for _, lay := range layouts {
		tableSheets[lay.Sheet] = true
		t := tableFor(d, lay, used)
		title := cellText(grids[lay.Sheet], lay.Title[0], lay.Title[1])
		if t == nil {
			rep.Unplaced = append(rep.Unplaced, fmt.Sprintf("工作表“%s”（%s）：文档中没有这张表，未填写", lay.Sheet, title))
			continue
		}
		used[t] = true
		if err := fl.table(lay, grids[lay.Sheet], t); err != nil {
			f.Close()
			return nil, nil, fmt.Errorf("表样工作表“%s”无法写入：%v", lay.Sheet, err)
		}
	}
	for _, t := range d.Tables {
		if used[t] || t.Absent || !t.IsGrid() || t.IsPrinted() && len(t.Panes) == 0 {
			continue
		}
		if t.Empty() {
			continue // an empty table the 表样 does not ask for
		}
		rep.Unplaced = append(rep.Unplaced, fmt.Sprintf("“%s”：表样中没有这张表，未写入", t.Title))
	}
	if err := fl.texts(sheets, grids, tableSheets); err != nil {
		f.Close()
		return nil, nil, err
	}
	var names []string
	for _, lay := range layouts {
		names = append(names, lay.Sheet)
	}
	if err := fl.settleFormulas(names); err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("表样中的公式无法更新：%v", err)
	}
	rep.TextFindings = checkFilledText(d, filledExplanation(f, tableSheets))
	return f, rep, nil
}

// Export fills the 表样 and writes the result to path (Save).
func Export(d *forms.Document, tmplPath, path string) (*Report, error) {
	f, rep, err := Fill(d, tmplPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return rep, Save(f, path)
}

// Save writes a filled workbook to path atomically (a temporary file, then
// renamed), as the standard workbook is written.
func Save(f *excelize.File, path string) error {
	return forms.WriteAtomic(path, "工作簿", func(w io.Writer) error {
		if err := f.Write(w); err != nil {
			return fmt.Errorf("写入工作簿“%s”失败：%w", path, err)
		}
		return nil
	})
}

// FillTo is Fill writing the filled workbook to w.
func FillTo(d *forms.Document, tmplPath string, w io.Writer) (*Report, error) {
	f, rep, err := Fill(d, tmplPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if err := f.Write(w); err != nil {
		return nil, fmt.Errorf("填好的工作簿无法写出：%v", err)
	}
	return rep, nil
}

// tableFor is the document's table of the layout's kind (the first not
// yet used; a table the document does not provide is none).
func tableFor(d *forms.Document, lay *tablein.Layout, used map[*forms.Table]bool) *forms.Table {
	for _, t := range d.Tables {
		if t.Kind == lay.Def.Kind && !used[t] && !t.Absent {
			return t
		}
	}
	return nil
}

type filler struct {
	f   *excelize.File
	d   *forms.Document
	rep *Report
}

// sheetFill is one sheet being filled: rows move down as rows are inserted.
type sheetFill struct {
	*filler
	name  string
	lay   *tablein.Layout
	t     *forms.Table
	grid  [][]string
	shift int // rows inserted so far above the rows still to write
}

func cellText(g [][]string, row, col int) string {
	if row < 0 || row >= len(g) || col < 0 || col >= len(g[row]) {
		return ""
	}
	return g[row][col]
}

func ref(row, col int) string {
	name, _ := excelize.CoordinatesToCellName(col+1, row+1)
	return name
}

var reYear = regexp.MustCompile(`\d{4}(年)`)

func (fl *filler) table(lay *tablein.Layout, grid [][]string, t *forms.Table) error {
	s := &sheetFill{filler: fl, name: lay.Sheet, lay: lay, t: t, grid: grid}
	s.heading()
	var err error
	var what string
	var first, last int
	switch t.Layout() {
	case forms.LayoutClass:
		first, last, what, err = s.classLines()
	case forms.LayoutTwoSided:
		first, last, what, err = s.twoSided()
	case forms.LayoutFixed:
		first, last, what, err = s.fixedLine()
	default:
		return nil
	}
	if err != nil {
		return err
	}
	cols := s.amountColumns()
	lo, hi := 0, 0
	if len(cols) > 0 {
		lo, hi = cols[0], cols[len(cols)-1]
	}
	lo = min(lo, max(lay.CodeCol, 0), max(lay.NameCol, 0))
	for _, c := range lay.SplitCols {
		lo = min(lo, c)
	}
	for _, u := range lay.Unmatched {
		fl.rep.Unplaced = append(fl.rep.Unplaced, fmt.Sprintf("工作表“%s”：表样的“%s”栏在文档中没有对应的数，留空", s.name, u))
	}
	fl.rep.Placed = append(fl.rep.Placed, Placed{Sheet: s.name, Range: ref(first, lo) + ":" + ref(last, hi), What: t.Title + "：" + what})
	if t.Empty() {
		s.note(last)
	}
	return nil
}

// heading writes the title's year and the 编制部门 line.
func (s *sheetFill) heading() {
	lay := s.lay
	if title := cellText(s.grid, lay.Title[0], lay.Title[1]); reYear.MatchString(title) {
		if nt := reYear.ReplaceAllString(title, strconv.Itoa(s.d.Meta.Year)+"$1"); nt != title {
			s.f.SetCellStr(s.name, ref(lay.Title[0], lay.Title[1]), nt)
		}
	}
	if lay.OrgCell[0] >= 0 {
		s.f.SetCellStr(s.name, ref(lay.OrgCell[0], lay.OrgCell[1]), orgLine(cellText(s.grid, lay.OrgCell[0], lay.OrgCell[1]), s.d.Meta.Name))
	}
}

// amountColumns lists the sheet columns that take figures, left to right.
func (s *sheetFill) amountColumns() []int {
	var out []int
	for _, m := range s.lay.Columns {
		for _, c := range m {
			out = append(out, c)
		}
	}
	sort.Ints(out)
	return out
}

// amount writes a figure in the 表样's unit as a number. A formula cell
// is left as it is.
func (s *sheetFill) amount(row, col int, v money.Amount) error {
	r := ref(row+s.shift, col)
	if fm, _ := s.f.GetCellFormula(s.name, r); fm != "" {
		return nil
	}
	unit := s.lay.Unit
	if unit == "" {
		unit = s.t.Unit
	}
	w, err := money.Convert(v, s.t.Unit, unit)
	if err != nil {
		return err
	}
	if back, err := money.Convert(w, unit, s.t.Unit); err == nil && back != v {
		s.rep.Rounded++
	}
	if v == 0 && !s.t.PrintsZeros() {
		return s.f.SetCellValue(s.name, r, nil)
	}
	return s.f.SetCellDefault(s.name, r, w.String())
}

// text writes a code or a name (always as text: "02" keeps its zero).
func (s *sheetFill) text(row, col int, v string) error {
	if col < 0 {
		return nil
	}
	r := ref(row+s.shift, col)
	if fm, _ := s.f.GetCellFormula(s.name, r); fm != "" {
		return nil
	}
	if v == "" {
		return s.f.SetCellValue(s.name, r, nil)
	}
	return s.f.SetCellStr(s.name, r, v)
}

// clear empties the 表样's example lines in rows [from, to) of the given
// columns (all columns when cols is nil), keeping their styles.
func (s *sheetFill) clear(from, to int, cols []int) error {
	for row := from; row < to && row < len(s.grid); row++ {
		for c, v := range s.grid[row] {
			if v == "" || cols != nil && !slices.Contains(cols, c) {
				continue
			}
			if err := s.text(row, c, ""); err != nil {
				return err
			}
		}
	}
	return nil
}

// makeRoom inserts n rows after grid row `after` (a row of the body), each
// a copy of it (its borders, fonts and number formats); merged ranges,
// print areas and defined names below move down with them. What the copied
// row holds outside the columns being written (the other side of a
// 收支总表) is blanked.
func (s *sheetFill) makeRoom(after, n int) error {
	if n <= 0 {
		return nil
	}
	row := after + 1 + s.shift // its 1-based number now
	for i := 0; i < n; i++ {
		if err := s.f.DuplicateRowTo(s.name, row, row+1); err != nil {
			return err
		}
	}
	// the copies are blank: the row copied may hold the 表样's example or a
	// figure just written (a 收支总表's 收入 side)
	for c := 0; c < s.width(); c++ {
		for i := 1; i <= n; i++ {
			r := ref(row-1+i, c)
			if v, _ := s.f.GetCellValue(s.name, r, excelize.Options{RawCellValue: true}); v != "" {
				if err := s.f.SetCellValue(s.name, r, nil); err != nil {
					return err
				}
			}
		}
	}
	s.rep.Inserted += n
	s.rep.Insertions = append(s.rep.Insertions, Insertion{Sheet: s.name, At: row + 1, Count: n})
	return nil
}

// insertAbove inserts n rows above grid row at (a 合计 line right under
// the header), each cell styled as the one below it, without its merges.
func (s *sheetFill) insertAbove(at, n int) error {
	if n <= 0 {
		return nil
	}
	row := at + 1 + s.shift
	if err := s.f.InsertRows(s.name, row, n); err != nil {
		return err
	}
	for c := 0; c < s.width(); c++ {
		st, err := s.f.GetCellStyle(s.name, ref(row-1+n, c))
		if err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			if err := s.f.SetCellStyle(s.name, ref(row-1+i, c), ref(row-1+i, c), st); err != nil {
				return err
			}
		}
	}
	s.rep.Inserted += n
	s.rep.Insertions = append(s.rep.Insertions, Insertion{Sheet: s.name, At: row, Count: n})
	return nil
}

// width is how many columns the table may use: the sheet's widest row
// and every column the fill writes.
func (s *sheetFill) width() int {
	w := 0
	for _, r := range s.grid {
		w = max(w, len(r))
	}
	for _, m := range s.lay.Columns {
		for _, c := range m {
			w = max(w, c+1)
		}
	}
	return w
}

// inside is the body row after which rows are inserted: the one before the
// last, so that a range over the body (a 合计's SUM, a print area) grows
// with it as it does when a clerk inserts rows in Excel.
func inside(start, end int) int {
	if end-start >= 2 {
		return end - 2
	}
	return end - 1
}

// codeCells writes a code into the 表样's code column, or split into its
// 类/款/项 columns as the 表样's example lines are (each line its whole code).
func (s *sheetFill) codeCells(row int, code string) error {
	lay := s.lay
	if len(lay.SplitCols) >= 2 {
		parts := []string{code, "", ""}
		if len(code) >= 3 {
			parts = []string{code[:3], "", ""}
			if len(code) >= 5 {
				parts[1] = code[3:5]
			}
			if len(code) >= 7 {
				parts[2] = code[5:]
			}
		}
		for i, c := range lay.SplitCols {
			if i < len(parts) {
				if err := s.text(row, c, parts[i]); err != nil {
					return err
				}
			}
		}
		return nil
	}
	shown := code
	if s.spacedCodes() {
		shown = classify.Spaced(code)
	}
	return s.text(row, lay.CodeCol, shown)
}

// spacedCodes: the 表样's example codes are printed "201 01 01".
func (s *sheetFill) spacedCodes() bool {
	for row := s.lay.BodyStart; row < s.lay.BodyEnd && row < len(s.grid); row++ {
		if strings.Contains(strings.TrimSpace(cellText(s.grid, row, s.lay.CodeCol)), " ") {
			return true
		}
	}
	return false
}

// classLines writes a class table: its lines into the body (rows inserted
// when the 表样 leaves too few), its 合计 line into the 表样's.
func (s *sheetFill) classLines() (first, last int, what string, err error) {
	lay := s.lay
	p := s.t.Main()
	var lines, totals []int
	for ri, r := range p.Rows {
		if r.Type == forms.RowTotal {
			totals = append(totals, ri)
		} else {
			lines = append(lines, ri)
		}
	}
	if at := s.inPlace(p, lines, lay.BodyStart, lay.BodyEnd); at != nil {
		return s.classInPlace(p, lines, totals, at)
	}
	if err := s.clear(lay.BodyStart, lay.BodyEnd, nil); err != nil {
		return 0, 0, "", err
	}
	topTotal := lay.TotalRow >= 0 && lay.TotalRow < lay.BodyStart
	if topTotal && len(totals) > 0 {
		// the unit's line above the lines (深圳): its name and the totals
		if cellText(s.grid, lay.TotalRow, lay.UnitCol) != "" {
			if err := s.text(lay.TotalRow, lay.UnitCol, s.d.Meta.Name); err != nil {
				return 0, 0, "", err
			}
		}
		if err := s.values(lay.TotalRow, forms.SideNone, p, totals[0]); err != nil {
			return 0, 0, "", err
		}
	}
	room := lay.BodyEnd - lay.BodyStart
	if room == 0 && !topTotal && lay.TotalRow >= 0 {
		// no body row at all: rows go in above the 合计, styled as it is
		if err := s.insertAbove(lay.TotalRow, len(lines)); err != nil {
			return 0, 0, "", err
		}
	} else if err := s.makeRoom(inside(lay.BodyStart, lay.BodyEnd), len(lines)-room); err != nil {
		return 0, 0, "", err
	}
	for i, ri := range lines {
		row := lay.BodyStart + i
		r := p.Rows[ri]
		if err := s.codeCells(row, r.Code); err != nil {
			return 0, 0, "", err
		}
		if err := s.text(row, lay.NameCol, p.Label(ri)); err != nil {
			return 0, 0, "", err
		}
		if err := s.values(row, forms.SideNone, p, ri); err != nil {
			return 0, 0, "", err
		}
	}
	s.shift += max(len(lines)-room, 0)
	first = lay.BodyStart
	last = lay.BodyStart + max(len(lines), room) - 1
	what = fmt.Sprintf("%d 行", len(lines))
	if topTotal {
		first = lay.TotalRow
		what += "及合计（单位行）"
	} else if len(totals) > 0 {
		if lay.TotalRow >= 0 {
			if err := s.values(lay.TotalRow, forms.SideNone, p, totals[0]); err != nil {
				return 0, 0, "", err
			}
			last = lay.TotalRow + s.shift
			what += "及合计"
		} else if p.Rows[totals[0]].Cells != nil && !allZero(p.Rows[totals[0]]) {
			s.rep.Unplaced = append(s.rep.Unplaced, fmt.Sprintf("工作表“%s”：表样没有“合计”行，合计数未写入", s.name))
		}
	}
	if len(lines) > room {
		what += fmt.Sprintf("（表样留有 %d 行，插入 %d 行）", room, len(lines)-room)
	}
	return first, last, what, nil
}

func allZero(r *forms.Row) bool {
	for _, c := range r.Cells {
		if c.Value != 0 {
			return false
		}
	}
	return true
}

// values writes one row's figures into the columns the 表样's header
// matched; a column of the document the 表样 has no column for is
// reported once per sheet when it holds a figure.
func (s *sheetFill) values(row int, side forms.Side, p *forms.Pane, ri int) error {
	cols := s.lay.Columns[p.Side]
	for ci, c := range p.Columns {
		if c.Text {
			continue
		}
		v := p.Rows[ri].Cells[ci].Value
		at, ok := cols[c.Key]
		if !ok {
			if v != 0 {
				s.missingColumn(p, c)
			}
			continue
		}
		if err := s.amount(row, at, v); err != nil {
			return err
		}
	}
	return nil
}

func (s *sheetFill) missingColumn(p *forms.Pane, c *forms.Column) {
	msg := fmt.Sprintf("工作表“%s”：表样没有“%s”栏，文档中这一栏的数未写入", s.name, strings.TrimPrefix(c.Group+"／"+c.Label, "／"))
	for _, u := range s.rep.Unplaced {
		if u == msg {
			return
		}
	}
	s.rep.Unplaced = append(s.rep.Unplaced, msg)
}

// twoSided writes a 收支总表: the fixed lines where the 表样 prints them,
// the 支出 side's 类 lines into the rows it leaves for them.
func (s *sheetFill) twoSided() (first, last int, what string, err error) {
	lay := s.lay
	outCol := lay.LabelCol[forms.SideOut]
	var classes []int
	out := s.t.Pane(forms.SideOut)
	numbered := false
	for row := lay.OutStart; row < lay.OutEnd; row++ {
		if reNumbered.MatchString(strings.TrimSpace(cellText(s.grid, row, outCol))) {
			numbered = true
		}
	}
	if out != nil {
		for ri, r := range out.Rows {
			if r.Type == forms.RowClass {
				classes = append(classes, ri)
			}
		}
	}
	var listed map[int]int // the 表样 lists the 类 already
	if out != nil {
		listed = s.inPlace(out, classes, lay.OutStart, lay.OutEnd)
	}
	if listed == nil {
		// the 支出 side's body: its label and figure columns only
		body := []int{outCol}
		for _, c := range lay.Columns[forms.SideOut] {
			body = append(body, c)
		}
		if err := s.clear(lay.OutStart, lay.OutEnd, body); err != nil {
			return 0, 0, "", err
		}
	}
	room := lay.OutEnd - lay.OutStart
	extra := max(len(classes)-room, 0)
	lines := 0
	// the fixed lines above the body are written before rows move
	write := func(after bool) error {
		for _, p := range s.t.Panes {
			for ri, r := range p.Rows {
				if r.Type == forms.RowClass {
					continue
				}
				row, ok := lay.Lines[p.Side][r.Key]
				if !ok {
					if !after && !r.Computed() && !allZero(r) {
						s.rep.Unplaced = append(s.rep.Unplaced, fmt.Sprintf("工作表“%s”：表样没有“%s”一行，这一行的数未写入", s.name, p.Label(ri)))
					}
					continue
				}
				if (row >= lay.OutEnd) != after {
					continue
				}
				if err := s.values(row, p.Side, p, ri); err != nil {
					return err
				}
				lines++
			}
		}
		return nil
	}
	if err := write(false); err != nil {
		return 0, 0, "", err
	}
	if listed != nil {
		for ri, row := range listed {
			if err := s.values(row, forms.SideOut, out, ri); err != nil {
				return 0, 0, "", err
			}
		}
		if err := write(true); err != nil {
			return 0, 0, "", err
		}
		last := lay.OutEnd - 1
		for _, m := range lay.Lines {
			for _, row := range m {
				last = max(last, row)
			}
		}
		return lay.HeaderBottom + 1, last, fmt.Sprintf("%d 个固定行，支出按表样列出的类填入 %d 个", lines, len(listed)), nil
	}
	if err := s.makeRoom(inside(lay.OutStart, lay.OutEnd), extra); err != nil {
		return 0, 0, "", err
	}
	for i, ri := range classes {
		row := lay.OutStart + i
		label := out.Label(ri)
		if numbered {
			label = forms.ChineseNumber(i+1) + "、" + strings.TrimLeft(reNumbered.ReplaceAllString(label, ""), " ")
		}
		if err := s.text(row, outCol, label); err != nil {
			return 0, 0, "", err
		}
		if err := s.values(row, forms.SideOut, out, ri); err != nil {
			return 0, 0, "", err
		}
	}
	s.shift += extra
	if err := write(true); err != nil {
		return 0, 0, "", err
	}
	first = lay.HeaderBottom + 1
	last = first
	for _, m := range lay.Lines {
		for _, row := range m {
			shifted := row
			if row >= lay.OutEnd {
				shifted += extra
			}
			last = max(last, shifted)
		}
	}
	last = max(last, lay.OutStart+max(len(classes), room)-1)
	what = fmt.Sprintf("%d 个固定行，支出 %d 个类", lines, len(classes))
	if extra > 0 {
		what += fmt.Sprintf("（表样留有 %d 行，插入 %d 行）", room, extra)
	}
	// the label column's left edge for the range
	s.lay.NameCol = min(lay.LabelCol[forms.SideIn], outCol)
	return first, last, what, nil
}

var reNumbered = regexp.MustCompile(`^[一二三四五六七八九十]+、`)

// fixedLine writes the 三公 table's one line.
func (s *sheetFill) fixedLine() (first, last int, what string, err error) {
	p := s.t.Main()
	// the unit's name beside the lines (深圳's 预算单位 column: “XX（本级）”)
	for row := s.lay.HeaderBottom + 1; row <= s.lay.LineRow+len(s.lay.OtherLines) && row < len(s.grid); row++ {
		for c, v := range s.grid[row] {
			if strings.Contains(v, "XX") && len([]rune(v)) <= 20 {
				if err := s.text(row, c, s.d.Meta.Name); err != nil {
					return 0, 0, "", err
				}
			}
		}
	}
	for ri, r := range p.Rows {
		if r.Key == forms.LineSangongCurrent || len(p.Rows) == 1 {
			if err := s.values(s.lay.LineRow, forms.SideNone, p, ri); err != nil {
				return 0, 0, "", err
			}
			for _, l := range s.lay.OtherLines {
				s.rep.Unplaced = append(s.rep.Unplaced, fmt.Sprintf("工作表“%s”：表样的“%s”一行文档中没有对应的数，留空", s.name, l))
			}
			return s.lay.LineRow, s.lay.LineRow, "1 行", nil
		}
	}
	return s.lay.LineRow, s.lay.LineRow, "没有本年预算数", nil
}

// note writes an empty table's note where the 表样 has a place for it: an
// empty merged range in the rows under the table, else the empty cell
// right under it.
func (s *sheetFill) note(last int) {
	text := s.d.NoteOf(s.t)
	if text == "" {
		return
	}
	merges, _ := s.f.GetMergeCells(s.name)
	for _, m := range merges {
		c, r, err := excelize.CellNameToCoordinates(m.GetStartAxis())
		if err != nil || c != 1 || r-1 <= last || r-1 > last+12 || strings.TrimSpace(m.GetCellValue()) != "" {
			continue
		}
		s.f.SetCellStr(s.name, m.GetStartAxis(), text)
		s.rep.Placed = append(s.rep.Placed, Placed{Sheet: s.name, Range: m.GetStartAxis() + ":" + m.GetEndAxis(), What: "空表说明"})
		return
	}
	below := last + 1
	if rowTextAt(s.grid, below-s.shift) == "" {
		r := ref(below, 0)
		s.f.SetCellStr(s.name, r, text)
		s.rep.Placed = append(s.rep.Placed, Placed{Sheet: s.name, Range: r, What: "空表说明"})
		return
	}
	s.rep.Unplaced = append(s.rep.Unplaced, fmt.Sprintf("工作表“%s”：表样没有写空表说明的位置，“%s”未写入", s.name, text))
}

func rowTextAt(g [][]string, row int) string {
	if row < 0 || row >= len(g) {
		return ""
	}
	return strings.Join(g[row], "")
}

// inPlace maps the document's lines to the rows of a 表样 that lists them
// already (every 类 printed, figures to be filled beside them): when every
// line with a figure finds its row by code, or by name where the 表样
// prints none. A 表样 whose lines are examples (a “…” line among them, or a
// line the document does not have) gets nil: its body is rewritten.
func (s *sheetFill) inPlace(p *forms.Pane, lines []int, from, to int) map[int]int {
	if len(s.lay.Listed) == 0 {
		return nil
	}
	for row := from; row < to && row < len(s.grid); row++ {
		if strings.Contains(strings.Join(s.grid[row], ""), "…") {
			return nil
		}
	}
	byCode, byName := map[string]int{}, map[string]int{}
	listedRow := map[int]bool{}
	for _, l := range s.lay.Listed {
		listedRow[l.Row] = true
	}
	// every line the body prints must be a listed one: “二、” stubs among
	// them make it examples
	for row := from; row < to && row < len(s.grid); row++ {
		if strings.TrimSpace(strings.Join(s.grid[row], "")) != "" && !listedRow[row] && !s.fixedLineRow(row) {
			return nil
		}
	}
	for _, l := range s.lay.Listed {
		if l.Row < from || l.Row >= to {
			continue
		}
		if l.Code != "" {
			byCode[l.Code] = l.Row
		}
		byName[l.Name] = l.Row
	}
	at := map[int]int{}
	for _, ri := range lines {
		r := p.Rows[ri]
		row, ok := byCode[r.Code]
		if !ok && r.Code == "" {
			row, ok = byName[tablein.FoldLabel(r.Name)]
		}
		switch {
		case ok:
			at[ri] = row
		case !allZero(r):
			return nil
		}
	}
	if len(at) == 0 {
		return nil
	}
	return at
}

// classInPlace writes a class table's figures beside the lines the 表样
// lists, and its 合计.
func (s *sheetFill) classInPlace(p *forms.Pane, lines, totals []int, at map[int]int) (first, last int, what string, err error) {
	for _, ri := range lines {
		if row, ok := at[ri]; ok {
			if err := s.values(row, forms.SideNone, p, ri); err != nil {
				return 0, 0, "", err
			}
		}
	}
	first, last = s.lay.BodyStart, s.lay.BodyEnd-1
	if len(totals) > 0 && s.lay.TotalRow >= 0 {
		if err := s.values(s.lay.TotalRow, forms.SideNone, p, totals[0]); err != nil {
			return 0, 0, "", err
		}
		first, last = min(first, s.lay.TotalRow), max(last, s.lay.TotalRow)
	}
	return first, last, fmt.Sprintf("按表样列出的行填入 %d 行", len(at)), nil
}

var reUnitMark = regexp.MustCompile(`\s*(?:金额)?单位[:：]\s*(?:万元|元)`)

// orgLine writes the unit's name after the 表样's label (编制单位：), keeping
// what the cell holds after it (“    单位：元” in the same cell).
func orgLine(text, name string) string {
	i := strings.IndexAny(text, ":：")
	if i < 0 {
		return strings.TrimSpace(text) + "：" + name
	}
	label := strings.TrimSpace(text[:i])
	rest := text[i:]
	_, size := utf8.DecodeRuneInString(rest)
	rest = rest[size:]
	tail := ""
	if loc := reUnitMark.FindStringIndex(rest); loc != nil {
		tail = rest[loc[0]:]
		if strings.TrimSpace(tail[:strings.Index(tail, "单位")]) == "" && loc[0] > 0 {
			tail = strings.Repeat(" ", 6) + strings.TrimLeft(tail, " \t")
		}
	}
	return label + "：" + name + tail
}

// fixedLineRow: a row holding one of a two-sided table's fixed lines (its
// 收入 side beside the 支出 body).
func (s *sheetFill) fixedLineRow(row int) bool {
	for _, m := range s.lay.Lines {
		for _, r := range m {
			if r == row {
				return true
			}
		}
	}
	return false
}
