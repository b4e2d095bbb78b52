package xlsx

import (
	"errors"
	"fmt"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"yusuan/forms"
	"yusuan/forms/classify"
	"yusuan/forms/money"
	"yusuan/internal/crash"
)

// Report says what an import recognised and what it could not use.
type Report struct {
	Template string
	Tables   []TableReport
	Problems []Problem
}

// TableReport is one table found in a sheet.
type TableReport struct {
	Sheet   string
	TableID string
	Title   string
	Unit    money.Unit
	Rows    int // lines read
	Columns int // amount columns recognised
}

// Problem is something an import could not use, by sheet and cell.
type Problem struct {
	Sheet   string
	Cell    string // "" for the whole sheet
	Message string
}

func (p Problem) String() string {
	if p.Cell == "" {
		return fmt.Sprintf("工作表“%s”：%s", p.Sheet, p.Message)
	}
	return fmt.Sprintf("工作表“%s”%s：%s", p.Sheet, p.Cell, p.Message)
}

func (r *Report) problem(sheet string, col, row int, format string, args ...any) {
	ref := ""
	if row > 0 {
		ref = cell(col+1, row+1)
		if col < 0 {
			ref = fmt.Sprintf("第 %d 行", row+1)
		}
	}
	r.Problems = append(r.Problems, Problem{sheet, ref, fmt.Sprintf(format, args...)})
}

// ImportOptions steers an import.
type ImportOptions struct {
	Template string // "" : the cover sheet's, or the one whose tables match best
}

// sheet is a worksheet's cells as text (raw stored values), merged ranges
// filled with their value so that a header cell stands over every column
// it spans.
type sheet struct {
	name  string
	rows  [][]string
	title int // row of the table's title, -1 if none
	f     *excelize.File
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

// ErrNothingRecognised: the workbook holds no table the app knows.
var ErrNothingRecognised = errors.New("工作簿中没有找到可以识别的预算公开表格")

// Import reads a workbook: our own export back exactly, or a workbook laid
// out as any shipped template, as budget systems export them or clerks fill
// them by hand. Figures are kept as given. What it cannot use is reported
// by sheet and cell; the rest still imports.
func Import(path string, opts ImportOptions) (d *forms.Document, rep *Report, err error) {
	defer func() {
		if r := recover(); r != nil { // a malformed file must not stop the program
			e := crash.Record("导入工作簿", r, debug.Stack())
			msg := fmt.Sprintf("工作簿“%s”内容损坏，无法读取（技术信息：%v）", path, r)
			if e.Log != "" {
				msg += "。详细信息已记录在 " + e.Log + "，请把这个文件发给技术支持"
			}
			d, rep, err = nil, nil, errors.New(msg)
		}
	}()
	return importFile(path, opts)
}

// importFile is Import without the last-resort recovery (the fuzz tests
// call it, so that a panic is found rather than hidden).
func importFile(path string, opts ImportOptions) (d *forms.Document, rep *Report, err error) {
	f, err := Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	// the work is counted per sheet reference before any sheet is read
	scan, scanErr := scanWorkbook(path)
	if scanErr == nil {
		if err := scan.tooBig(); err != nil {
			return nil, nil, fmt.Errorf("工作簿“%s”：%w", path, err)
		}
	}
	rep = &Report{}
	sheets, err := readSheets(f, rep)
	if err != nil {
		return nil, nil, fmt.Errorf("工作簿“%s”：%v", path, err)
	}
	if scanErr == nil {
		for _, s := range sheets {
			s.fillMerges(scan.merges[s.name])
		}
	}
	d, err = importSheets(sheets, opts, rep)
	if err != nil {
		return nil, rep, fmt.Errorf("工作簿“%s”：%w", path, err)
	}
	return d, rep, nil
}

func readSheets(f *excelize.File, rep *Report) ([]*sheet, error) {
	var out []*sheet
	budget := MaxCellsTotal // the scan's cap, held again in case it missed a reference
	for _, name := range f.GetSheetList() {
		rows, err := readRows(f, name, &budget)
		if errors.Is(err, errTooManyRows) {
			rep.problem(name, -1, 0, "%v，整张工作表未导入", err)
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, &sheet{name: name, rows: rows, title: -1, f: f})
	}
	return out, nil
}

// readRows streams a sheet's rows. The row limit counts rows that hold
// something (a sheet can declare one stray cell at row 1,048,576); a sheet
// past it is left out with a problem rather than failing the workbook.
// budget is the cells all sheets may still take; past it the workbook fails.
func readRows(f *excelize.File, name string, budget *int) ([][]string, error) {
	it, err := f.Rows(name)
	if err != nil {
		return nil, fmt.Errorf("工作表“%s”无法读取：%s", name, reason(err))
	}
	defer it.Close()
	var rows [][]string
	filled := 0
	for it.Next() {
		r, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("工作表“%s”第 %d 行无法读取：%s", name, len(rows)+1, reason(err))
		}
		if len(r) > MaxCellsPerRow {
			r = append([]string(nil), r[:MaxCellsPerRow]...) // let the wide row go
		}
		if len(r) > 0 {
			if filled++; filled > MaxRowsPerSheet {
				return nil, errTooManyRows
			}
		}
		if *budget -= len(r); *budget < 0 {
			return nil, errTooManyCells
		}
		rows = append(rows, r)
	}
	if err := it.Error(); err != nil {
		return nil, fmt.Errorf("工作表“%s”内容损坏（读到第 %d 行为止）：%s", name, len(rows), reason(err))
	}
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1]
	}
	return rows, nil
}

var (
	errTooManyRows  = fmt.Errorf("超过 %d 行的上限", MaxRowsPerSheet)
	errTooManyCells = fmt.Errorf("各工作表合计超过 %d 万个单元格的上限，不是正常的预算工作簿", MaxCellsTotal/10000)
)

// maxMergeFill bounds the cells merged ranges may fill in one sheet.
const maxMergeFill = 1_000_000

// fillMerges copies each merged range's value into all its cells.
func (s *sheet) fillMerges(refs []string) {
	budget := maxMergeFill
	for _, ref := range refs {
		from, to, ok := strings.Cut(ref, ":")
		if !ok {
			continue
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(from)
		c2, r2, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil || r2-r1 > 2000 || c2-c1 > MaxCellsPerRow || r1 < 1 || c1 < 1 {
			continue
		}
		v := s.at(r1-1, c1-1)
		if v == "" {
			continue
		}
		for r := r1 - 1; r < r2 && r < len(s.rows) && budget > 0; r++ {
			for c := c1 - 1; c < c2 && c < MaxCellsPerRow; c++ {
				budget--
				for len(s.rows[r]) <= c {
					s.rows[r] = append(s.rows[r], "")
				}
				if s.rows[r][c] == "" {
					s.rows[r][c] = v
				}
			}
		}
	}
}

// norm folds a cell's text for comparing: full-width to half-width, no spaces.
func norm(s string) string { return classify.FoldName(strings.TrimSpace(s)) }

var (
	reYear = regexp.MustCompile(`(\d{4})年度?`)
	// the unit line alone in its cell: "单位：万元", "金额单位:元（保留两位小数）";
	// never "编制单位：元氏县…"
	reUnitLine = regexp.MustCompile(`^(?:金额)?单位[:：]?(万元|元)(?:[(（].*)?$`)
)

// titleCore is what identifies a table's title whatever the year, the
// unit's name, 部门/单位 and the 预算/申报 wording: "中共吉林市委办公室2022年
// 收支预算总表" → "中共吉林市委办公室收支总表", which ends with "收支总表".
func titleCore(s string) string {
	s = norm(s)
	s = reYear.ReplaceAllString(s, "")
	for _, w := range []string{"{年度}年", "{级次}", "“", "”", "\"", "'", "‘", "’", "本年", "预算", "申报", "预算单位", "部门", "单位", "财务"} {
		s = strings.ReplaceAll(s, w, "")
	}
	return s
}

// titleMatch scores how well a cell's text names a table title: 3 equal,
// 2 the text ends with it (a unit name before it), 1 one contains the other.
func titleMatch(text, title string) int {
	return coreMatch(titleCore(text), titleCore(title))
}

// coreMatch is titleMatch on cores already taken.
func coreMatch(t, c string) int {
	switch {
	case t == "" || c == "":
		return 0
	case t == c:
		return 3
	case strings.HasSuffix(t, c):
		return 2
	case len([]rune(t)) >= 4 && (strings.Contains(c, t) || strings.Contains(t, c)):
		return 1
	}
	return 0
}

// findTitle locates the title among a sheet's first rows and the template
// table it names (the best match not taken yet).
func findTitle(s *sheet, tmpl *forms.Template, taken map[string]bool) (*forms.TableDef, int) {
	bestScore, bestLen, bestRow := 0, 0, -1
	var best *forms.TableDef
	for r := 0; r < len(s.rows) && r < 8; r++ {
		for _, text := range s.rows[r] {
			if text == "" || len([]rune(text)) > 80 {
				continue
			}
			for _, td := range tmpl.Tables {
				if taken[td.ID] {
					continue
				}
				sc := titleMatch(text, td.Title)
				l := len(titleCore(td.Title))
				// the best score; at equal score the first row (a second
				// table lower down is not this sheet's), then the longer title
				if sc > bestScore || (sc == bestScore && sc > 0 && r == bestRow && l > bestLen) {
					bestScore, bestLen, bestRow, best = sc, l, r, td
				}
			}
		}
	}
	return best, bestRow
}

// unitOf reads the sheet's unit line ("单位：万元"), near the top.
func (s *sheet) unitOf(def money.Unit) money.Unit {
	for r := 0; r < len(s.rows) && r < 10; r++ {
		for _, text := range s.rows[r] {
			if m := reUnitLine.FindStringSubmatch(norm(text)); m != nil {
				return money.Unit(m[1])
			}
		}
	}
	return def
}

// yearOf reads a year from the sheet's first rows.
func (s *sheet) yearOf() int {
	for r := 0; r < len(s.rows) && r < 8; r++ {
		for _, text := range s.rows[r] {
			if m := reYear.FindStringSubmatch(norm(text)); m != nil {
				if y, err := strconv.Atoi(m[1]); err == nil && y >= 2000 && y <= 2100 {
					return y
				}
			}
		}
	}
	return 0
}

// cover reads our cover sheet's label/value lines, if this is one.
func coverOf(sheets []*sheet) map[string][]string {
	for _, s := range sheets {
		kv := map[string][]string{}
		for _, r := range s.rows {
			if len(r) >= 1 && r[0] != "" {
				v := ""
				if len(r) >= 2 {
					v = r[1]
				}
				kv[r[0]] = append(kv[r[0]], v)
				if len(r) >= 3 && r[2] != "" {
					kv[r[0]+"#"] = append(kv[r[0]+"#"], r[2]) // the hidden third column (the template's id)
				}
			}
		}
		if _, ok := kv[labelYear]; ok {
			if _, ok := kv[labelTemplate]; ok {
				return kv
			}
		}
	}
	return nil
}

func first(kv map[string][]string, k string) string {
	if v := kv[k]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// chooseTemplate: the one asked for, the cover's, or the one whose tables
// match most sheets.
func chooseTemplate(sheets []*sheet, opts ImportOptions, cover map[string][]string) (*forms.Template, error) {
	id := opts.Template
	if id == "" && cover != nil {
		id = first(cover, labelTemplate+"#")
	}
	if id != "" {
		return forms.TemplateByID(id)
	}
	tmpls, err := forms.Templates()
	if err != nil {
		return nil, err
	}
	var best *forms.Template
	bestScore := -1
	for _, t := range tmpls {
		score := 0
		taken := map[string]bool{}
		for _, s := range sheets {
			if td, _ := findTitle(s, t, taken); td != nil {
				taken[td.ID] = true
				score += 10 + titleMatchRow(s, td)
			}
		}
		if score > bestScore {
			best, bestScore = t, score
		}
	}
	return best, nil
}

func titleMatchRow(s *sheet, td *forms.TableDef) int {
	top := 0
	for r := 0; r < len(s.rows) && r < 8; r++ {
		for _, text := range s.rows[r] {
			top = max(top, titleMatch(text, td.Title))
		}
	}
	return top
}

// importSheets builds the document from the sheets.
func importSheets(sheets []*sheet, opts ImportOptions, rep *Report) (*forms.Document, error) {
	cover := coverOf(sheets)
	tmpl, err := chooseTemplate(sheets, opts, cover)
	if err != nil {
		return nil, err
	}
	rep.Template = tmpl.ID
	raw := &forms.Raw{Format: forms.FileFormat, Schema: forms.SchemaVersion}
	raw.Meta.Template = tmpl.ID
	readCover(cover, raw)
	// find each sheet's table
	type found struct {
		s  *sheet
		td *forms.TableDef
	}
	var tables []found
	taken := map[string]bool{}
	for _, s := range sheets {
		if s.name == textSheet || s.name == dataSheet || (cover != nil && isCover(s)) {
			continue
		}
		td, row := findTitle(s, tmpl, taken)
		if td == nil {
			if len(s.rows) > 0 {
				rep.problem(s.name, -1, 0, "没有找到可以识别的表格标题，整张工作表未导入")
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
	if len(tables) == 0 {
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
		case textSheet:
			readText(s, raw)
		case dataSheet:
			readData(s, raw, rep)
		}
	}
	// a skeleton to learn each table's columns and lines from
	skel, err := forms.NewDocument(raw.Meta)
	if err != nil {
		return nil, err
	}
	present := map[string]bool{}
	for _, f := range tables {
		rt, tr, ok := readTable(f.s, skel.Table(f.td.ID), skel, rep, raw)
		if !ok {
			continue // left absent below
		}
		present[rt.ID] = true
		raw.Tables = append(raw.Tables, rt)
		rep.Tables = append(rep.Tables, tr)
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
	perf, problems := raw.Perf, len(rep.Problems)
	defer func() {
		if panicsThrough {
			return
		}
		if v := recover(); v != nil {
			raw.Perf = perf                        // no half-read 绩效 form
			rep.Problems = rep.Problems[:problems] // its findings are moot now
			e := crash.Record(fmt.Sprintf("导入工作表“%s”", s.name), v, debug.Stack())
			msg := "读取这张表时程序出错，这张表未导入，请核对后在程序中填写"
			if e.Log != "" {
				msg += "（详细信息已记录在 " + e.Log + "，请把这个文件发给技术支持）"
			}
			rep.problem(s.name, -1, 0, "%s", msg)
			ok = false
		}
	}()
	if len(s.rows) <= s.title+1 {
		rep.problem(s.name, -1, 0, "表格标题下面没有内容（没有表头，也没有数字），这张表未导入")
		return rt, tr, false
	}
	rt = forms.RawTable{ID: t.ID}
	unit := s.unitOf(t.Unit)
	if unit != t.Unit && t.IsGrid() {
		rt.Unit = unit
	}
	r := &reader{s: s, t: t, doc: skel, rep: rep, raw: raw}
	if !t.IsGrid() {
		r.formUnit = unit
	}
	tr = TableReport{Sheet: s.name, TableID: t.ID, Title: t.Title, Unit: unit}
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
	if afterLines != nil {
		afterLines(t.ID)
	}
	rt.Note = r.note()
	if t.IsGrid() && tr.Columns == 0 {
		rep.problem(s.name, -1, 0, "没有识别出任何金额栏目，这张表的数字未导入")
	}
	r.otherTitles(t.Def)
	return rt, tr, true
}

// afterLines, when set (by tests), runs after each table's lines are read.
var afterLines func(tableID string)

// panicsThrough lets a panic in a table's reader through, for the tests
// that hunt for panics (fuzzing) rather than have them reported.
var panicsThrough bool

func isCover(s *sheet) bool {
	year, tmpl := false, false
	for _, r := range s.rows {
		if len(r) > 0 {
			year, tmpl = year || r[0] == labelYear, tmpl || r[0] == labelTemplate
		}
	}
	return year && tmpl
}

func firstNonEmpty(r []string) int {
	for i, c := range r {
		if c != "" {
			return i
		}
	}
	return 0
}

// nameBefore takes the unit's name from a title that starts with it
// ("中共吉林市委办公室收支总表").
func nameBefore(title string, td *forms.TableDef) string {
	t := norm(title)
	t = reYear.ReplaceAllString(t, "")
	core := titleCore(td.Title)
	if core == "" {
		return ""
	}
	// walk back from the end while the rest still reduces to the core
	rs := []rune(t)
	for i := len(rs); i > 0; i-- {
		if titleCore(string(rs[i-1:])) == core {
			return strings.TrimSpace(string(rs[:i-1]))
		}
	}
	return ""
}

// otherTitles reports a second table found further down a sheet: only the
// first is read.
func (r *reader) otherTitles(td *forms.TableDef) {
	var cores []string // the other tables' title cores, taken once
	for _, other := range r.doc.Template.Tables {
		if other.ID != td.ID {
			cores = append(cores, titleCore(other.Title))
		}
	}
	for row := r.s.title + 5; row < len(r.s.rows); row++ {
		for _, text := range r.s.row(row) {
			// every title names a 表; most cells are figures or names
			if !strings.Contains(text, "表") || len(text) > 180 || len([]rune(text)) < 5 {
				continue
			}
			core := titleCore(text)
			for _, c := range cores {
				if coreMatch(core, c) >= 2 {
					r.problem(-1, row, "这张工作表里还有一张表“%s”，只读取了上面的“%s”；请把每张表放在单独的工作表里", text, r.t.Title)
					return
				}
			}
		}
	}
}

func readCover(cover map[string][]string, raw *forms.Raw) {
	if cover == nil {
		return
	}
	raw.Meta.Name = first(cover, labelName)
	raw.Meta.Code = first(cover, labelCode)
	raw.Meta.Year, _ = strconv.Atoi(first(cover, labelYear))
	raw.Meta.Level = forms.Level(first(cover, labelLevel))
	raw.Meta.Sample = first(cover, labelSample) != ""
	raw.Meta.Remark = first(cover, labelRemark)
	for _, u := range cover[labelUnits] {
		code, name, _ := strings.Cut(u, "｜")
		raw.Units = append(raw.Units, forms.OrgUnit{Code: code, Name: name})
	}
}

func readText(s *sheet, raw *forms.Raw) {
	paras := map[string][]string{}
	for _, r := range s.rows {
		if len(r) < 1 || r[0] == "" {
			continue
		}
		v := ""
		if len(r) > 1 {
			v = r[1]
		}
		label, cont := strings.CutSuffix(r[0], "（续）") // how earlier versions marked a continued cell
		cont = cont || (len(r) > 2 && r[2] == textGoesOn)
		switch {
		case label == "主要职能" || label == "机构设置" || label == "情况说明":
			if p := paras[label]; cont && len(p) > 0 {
				p[len(p)-1] += v
			} else {
				paras[label] = append(p, v)
			}
		case strings.HasPrefix(r[0], "名词解释｜"):
			raw.Text.Glossary = append(raw.Text.Glossary, forms.Term{Term: strings.TrimPrefix(r[0], "名词解释｜"), Definition: v})
		}
	}
	raw.Text.Functions = strings.Join(paras["主要职能"], "\n")
	raw.Text.Organization = strings.Join(paras["机构设置"], "\n")
	raw.Text.Explanation = strings.Join(paras["情况说明"], "\n")
}

// reader reads one sheet into one table.
type reader struct {
	s        *sheet
	t        *forms.Table
	doc      *forms.Document
	rep      *Report
	raw      *forms.Raw
	formUnit money.Unit // the unit a 绩效 form sheet prints in (forms hold 万元)
}

func (r *reader) problem(col, row int, format string, args ...any) {
	r.rep.problem(r.s.name, col, row, format, args...)
}

// note reads the note printed under the title: a line of one text that is
// not the unit line. The template's own wording is not kept (it is what an
// empty table prints anyway).
func (r *reader) note() string {
	for row := r.s.title + 1; row < len(r.s.rows) && row <= r.s.title+4; row++ {
		text, ok := r.noteAt(row)
		if !ok {
			continue
		}
		if norm(text) == norm(r.doc.Template.Fill(r.t.Def.Note, r.doc.Meta.Year, r.doc.Meta.Level)) {
			return ""
		}
		return text
	}
	return ""
}

// noteAt: a line under the title holding one sentence (merged across the
// table), not the unit line, not a form's label line.
func (r *reader) noteAt(row int) (string, bool) {
	if row <= r.s.title || row > r.s.title+4 {
		return "", false
	}
	text := ""
	for _, c := range r.s.row(row) {
		if c == "" || c == text {
			continue
		}
		if text != "" {
			return "", false // two texts: a header or a label line
		}
		text = c
	}
	n := norm(text)
	if text == "" || reUnitLine.MatchString(n) || strings.HasPrefix(n, "编制") || titleMatch(text, r.t.Title) > 0 {
		return "", false
	}
	if _, isLabel := formLabels[n]; isLabel {
		return "", false
	}
	if strings.HasPrefix(n, "预算表") || len([]rune(n)) < 6 {
		return "", false
	}
	return text, true
}

// amount reads a figure from a cell: a stored number exactly, or text as a
// clerk writes it; problems are reported and the cell skipped.
func (r *reader) amount(row, col int) (money.Amount, bool) {
	text := strings.TrimSpace(r.s.at(row, col))
	if text == "" || text == "-" || text == "—" {
		return 0, false
	}
	v, err := parseStoredNumber(text)
	if err == nil {
		return r.inUnit(row, col, v)
	}
	if errors.Is(err, errMoreDecimals) && r.s.f != nil {
		// a figure computed in the workbook (=B5/10000) holds more decimals
		// than it shows: read what it shows, and say so
		if shown, e := r.s.f.GetCellValue(r.s.name, cell(col+1, row+1)); e == nil {
			if v, e := money.Parse(shown); e == nil {
				r.problem(col, row, "单元格存的是 %s，按显示的 %s 读取", text, shown)
				return r.inUnit(row, col, v)
			}
		}
	}
	v, err = money.Parse(text)
	if err != nil {
		r.problem(col, row, "%v，已略过", err)
		return 0, false
	}
	return r.inUnit(row, col, v)
}

// inUnit takes a figure of a 绩效 form sheet printed in 元 to the forms'
// 万元, reporting a conversion that is not exact to 0.01 万元.
func (r *reader) inUnit(row, col int, v money.Amount) (money.Amount, bool) {
	if r.formUnit != money.Yuan {
		return v, true
	}
	w, err := money.Convert(v, money.Yuan, money.WanYuan)
	if err != nil {
		r.problem(col, row, "%v，已略过", err)
		return 0, false
	}
	if back, _ := money.Convert(w, money.WanYuan, money.Yuan); back != v {
		r.problem(col, row, "%s元 换算为 %s万元（四舍五入到 0.01 万元）", v, w)
	}
	return w, true
}
