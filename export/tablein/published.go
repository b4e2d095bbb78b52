package tablein

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"yusuan/forms"
	"yusuan/forms/classify"
	"yusuan/forms/money"
)

// Published is one table cut from a published document (a PDF): its title
// as the first row, the lines printed under the title, then the table's
// rows (header first), continuation pages appended.
type Published struct {
	Sheet *Sheet
	Pages []int
}

// PublishedTemplateID names the table list of a document read from a
// published document (stored in the document, decision 38).
const PublishedTemplateID = "published"

// ReadPublished reads the tables of a published document of any family;
// yearHint is the budget year the document's text names (0: unknown), for
// tables whose titles print none.
// The document gets a table list of its own: the tables in printed order,
// with printed titles and units; a table whose title names a kind the
// program knows, and whose columns the kind's columns fit, is read into
// that kind (the checks run on it) with the columns it printed; any other
// is kept only as printed (shown and exported, not checked). Every table
// keeps its printed copy, so that show and the exports reproduce it.
func ReadPublished(tables []*Published, yearHint int, rep *Report) (*forms.Document, error) {
	if rep == nil {
		rep = &Report{}
	}
	if len(tables) == 0 {
		return nil, ErrNothingRecognised
	}
	sheets := make([]*sheet, len(tables))
	for i, pt := range tables {
		sheets[i] = newSheet(pt.Sheet)
		sheets[i].title = 0
	}
	meta := publishedMeta(sheets)
	if yearHint != 0 {
		// the year the document names itself by: a table's header may name
		// last year's (“2025年预算数”)
		meta.Year = yearHint
	}
	if meta.Year == 0 {
		return nil, fmt.Errorf("表格标题和表头中没有年度（如“2026年”），无法确定预算年度")
	}
	tmpl := &forms.Template{
		ID: PublishedTemplateID, Name: "公开文本的表格（照原样）", Unit: money.WanYuan, CodeStyle: "plain", Grouping: true,
		LevelWords: map[forms.Level]string{forms.LevelDept: "部门", forms.LevelUnit: "单位"}, Own: true,
	}
	taken := map[forms.Kind]bool{}
	for i, s := range sheets {
		title := strings.TrimSpace(s.at(0, firstNonEmpty(s.row(0))))
		td := &forms.TableDef{ID: fmt.Sprintf("t%02d", i+1), Kind: forms.KindPrinted, Title: title, Unit: s.unitOf(money.WanYuan), Zero: "0.00"}
		if td.Unit == money.WanYuan && sixDecimals(s) {
			// exact cents of 元 printed in 万元: kept in 元, nothing rounded
			s.wanAsYuan, td.Unit = true, money.Yuan
		}
		if k := kindOfTitle(title); k != forms.KindPrinted && !taken[k] {
			if fit := fitKind(s, k, td, meta); fit != nil {
				td = fit
				taken[k] = true
			}
		}
		tmpl.Tables = append(tmpl.Tables, td)
	}
	meta.Template = tmpl.ID
	skel, err := forms.NewDocumentOn(meta, tmpl)
	if err != nil {
		return nil, err
	}
	raw := &forms.Raw{Format: forms.FileFormat, Schema: forms.SchemaVersion, Meta: meta, Template: tmpl}
	rep.Template = tmpl.ID
	for i, s := range sheets {
		rt, tr := readPublishedTable(s, skel.Tables[i], skel, rep, raw)
		rt.Printed = printedOf(s, tables[i].Pages)
		if skel.Tables[i].IsPrinted() {
			tr.Rows = len(rt.Printed.Rows)
		}
		raw.Tables = append(raw.Tables, rt)
		rep.Tables = append(rep.Tables, tr)
	}
	return raw.Document()
}

// readPublishedTable reads a published table into its kind (a table kept
// only as printed reads nothing).
func readPublishedTable(s *sheet, t *forms.Table, skel *forms.Document, rep *Report, raw *forms.Raw) (forms.RawTable, TableReport) {
	rt := forms.RawTable{ID: t.ID}
	tr := TableReport{Sheet: s.name, Where: s.where, TableID: t.ID, Title: t.Title, Unit: t.Unit}
	if t.IsPrinted() {
		return rt, tr
	}
	var ok bool
	if rt, tr, _, ok = readTableWith(s, t, skel, rep, raw); !ok {
		rt = forms.RawTable{ID: t.ID}
	}
	rt.Unit = "" // the table's own unit is its definition's
	return rt, tr
}

// printedSheet lays a printed copy out as the sheet it was read from (the
// title, the unit line, the header, the lines), so that a workbook of ours
// gives back exactly what the published document gave.
func printedSheet(td *forms.TableDef, p *forms.Printed) *sheet {
	unit := td.Unit
	rows := [][]string{{td.Title}}
	s := &sheet{name: td.Title, where: "表“" + td.Title + "”", title: 0, locate: workbookPlace}
	probe := &sheet{rows: p.Rows}
	if unit == money.Yuan && sixDecimals(probe) {
		s.wanAsYuan, unit = true, money.WanYuan
	}
	rows = append(rows, []string{"单位：" + string(unit)})
	rows = append(rows, p.Header...)
	rows = append(rows, p.Rows...)
	s.rows = rows
	return s
}

// fitKind tries a table as a kind: it is read with every column and line
// the kind has; when its figure columns are recognised, its definition
// keeps the columns and lines it printed, in printed order, with printed
// labels (decision 1: a column it does not print is absent, not zero). nil:
// the kind does not fit.
func fitKind(s *sheet, k forms.Kind, base *forms.TableDef, meta forms.Meta) *forms.TableDef {
	kd := k.Def()
	full := *base
	full.Kind = k
	switch kd.Layout {
	case forms.LayoutClass:
		full.Columns = allColumns(kd, forms.SideNone)
		if k == forms.KindIncome && unitRows(s) {
			full.Rows = "units"
		}
	case forms.LayoutFixed:
		full.Columns = allColumns(kd, forms.SideNone)
		full.Lines = []forms.LineSpec{{Key: forms.LineSangongCurrent, Label: "本年预算数"}}
	case forms.LayoutTwoSided:
		full.Sides = map[forms.Side]*forms.SideSpec{}
		for _, side := range []forms.Side{forms.SideIn, forms.SideOut} {
			ss := &forms.SideSpec{Title: map[forms.Side]string{forms.SideIn: "收入", forms.SideOut: "支出"}[side], ItemLabel: "项目", Columns: allColumns(kd, side)}
			for _, l := range kd.Lines {
				if l.Side != side {
					continue
				}
				if l.Classes {
					ss.Lines = append(ss.Lines, forms.LineSpec{Key: l.Key, Label: "{序号}、{名称}", Classes: "used"})
					continue
				}
				ss.Lines = append(ss.Lines, forms.LineSpec{Key: l.Key, Label: l.Label})
			}
			full.Sides[side] = ss
		}
	default:
		return nil
	}
	trial := &forms.Template{ID: "trial", Name: "trial", Unit: money.WanYuan, LevelWords: map[forms.Level]string{forms.LevelDept: "部门", forms.LevelUnit: "单位"}, Tables: []*forms.TableDef{&full}}
	m := meta
	m.Template = trial.ID
	skel, err := forms.NewDocumentOn(m, trial)
	if err != nil {
		return nil
	}
	rt, _, r, ok := readTableWith(s, skel.Tables[0], skel, &Report{}, &forms.Raw{})
	if !ok || r == nil || len(r.matched) == 0 {
		return nil
	}
	if len(rt.Rows) == 0 && printsFigures(s) {
		return nil // figures the kind's lines do not hold (sources printed as lines)
	}
	if kd.Layout == forms.LayoutClass && (repeatedCodes(rt.Rows) ||
		kd.Scheme == classify.Functional && full.Rows != "units" && classRows(rt.Rows) && !functionCodes(rt.Rows) || fewCodes(rt.Rows) && full.Rows != "units" ||
		!classRows(rt.Rows) && full.Rows != "units" && printsFigures(s) && !totalOnly(s, rt.Rows)) {
		// the same code in several blocks (one per 单位, or one line per
		// economic code under it), or names without codes (杭州): not a
		// table of the kind's coded lines
		return nil
	}
	fit := *base
	fit.Kind = k
	switch kd.Layout {
	case forms.LayoutClass, forms.LayoutFixed:
		fit.Columns = printedColumns(r, s, forms.SideNone)
		if !partsExplainTotal(kd, fit.Columns, rt.Rows) {
			// some columns that make up the 合计 were not recognised: only
			// the 合计 is kept, so that no sum is checked short of a part
			fit.Columns = onlyTotal(fit.Columns)
		}
		fit.Rows, fit.Lines = full.Rows, full.Lines
	case forms.LayoutTwoSided:
		used := map[string]bool{}
		for _, row := range rt.Rows {
			used[row.Key] = true
		}
		fit.Sides = map[forms.Side]*forms.SideSpec{}
		for side, ss := range full.Sides {
			out := &forms.SideSpec{Title: ss.Title, ItemLabel: ss.ItemLabel, Columns: printedColumns(r, s, side)}
			for _, l := range ss.Lines {
				if l.Classes != "" && classRows(rt.Rows) || used[l.Key] {
					out.Lines = append(out.Lines, l)
				}
			}
			if len(out.Columns) == 0 {
				return nil // a side without a figure column read
			}
			fit.Sides[side] = out
		}
	}
	if len(fit.Columns) == 0 && fit.Sides == nil {
		return nil
	}
	return &fit
}

// repeatedCodes: codes printed again and again (a block per 单位, a line
// per economic code under its function code). One code printed twice is a
// slip in the table (a checks' finding), not a layout.
func repeatedCodes(rows []forms.RawRow) bool {
	seen := map[string]bool{}
	repeats := 0
	for _, r := range rows {
		if r.Code == "" {
			continue
		}
		if seen[r.Code] {
			repeats++
		}
		seen[r.Code] = true
	}
	return repeats >= 3
}

// printsFigures: some line of the table prints a figure other than zero.
func printsFigures(s *sheet) bool { return figureLines(s) > 0 }

// figureLines counts the lines printing a figure other than zero.
func figureLines(s *sheet) int {
	n := 0
	for _, r := range s.rows[1:] {
		for _, c := range r {
			c = strings.TrimSpace(c)
			if reFigureCell.MatchString(c) && strings.Trim(c, "0.,-") != "" && strings.Contains(c, ".") {
				n++
				break
			}
		}
	}
	return n
}

// totalOnly: the table prints its 合计 line alone (江苏's 支出预算总表),
// no other line with figures (西安's 支出总表 of 单位 lines is no such table).
func totalOnly(s *sheet, rows []forms.RawRow) bool {
	return len(rows) == 1 && rows[0].Key == forms.RowKeyTotal && figureLines(s) == 1
}

// fewCodes: most lines have no code.
func fewCodes(rows []forms.RawRow) bool {
	coded, loose := 0, 0
	for _, r := range rows {
		switch {
		case r.Code != "":
			coded++
		case r.Key != forms.RowKeyTotal:
			loose++
		}
	}
	return loose > coded
}

// functionCodes: some line's code is a 功能分类 code (2xx); codes that
// all begin otherwise are 单位 codes (西安's 119001).
func functionCodes(rows []forms.RawRow) bool {
	for _, r := range rows {
		if strings.HasPrefix(r.Code, "2") {
			return true
		}
	}
	return false
}

// classRows: the table prints lines of 类 (their codes found).
func classRows(rows []forms.RawRow) bool {
	for _, r := range rows {
		if r.Code != "" {
			return true
		}
	}
	return false
}

// partsExplainTotal: on most lines that print both, the recognised parts
// of the 合计 add up to it (else a part is missing from what was read).
func partsExplainTotal(kd *forms.KindDef, cols []forms.ColumnSpec, rows []forms.RawRow) bool {
	total := false
	present := map[string]bool{}
	for _, c := range cols {
		present[c.Key] = true
		total = total || c.Key == forms.ColTotal
	}
	if !total || len(cols) == 1 {
		return true
	}
	// the parts: present columns whose nearest present ancestor is 合计
	var parts []string
	for _, c := range cols {
		if c.Key == forms.ColTotal {
			continue
		}
		d, _ := kd.Column(forms.SideNone, c.Key)
		for d.Parent != "" && !present[d.Parent] {
			d, _ = kd.Column(forms.SideNone, d.Parent)
		}
		if d.Parent == forms.ColTotal {
			parts = append(parts, c.Key)
		}
	}
	if len(parts) == 0 {
		return true
	}
	good, bad := 0, 0
	for _, r := range rows {
		t, ok := r.Values[forms.ColTotal]
		if !ok {
			continue
		}
		tv, err1 := money.Parse(t)
		var sum money.Amount
		for _, p := range parts {
			if v, ok := r.Values[p]; ok {
				a, _ := money.Parse(v)
				sum += a
			}
		}
		switch {
		case err1 != nil:
		case abs(sum-tv) <= money.Amount(len(parts)+1):
			good++ // within rounding
		default:
			bad++
		}
	}
	return bad*3 <= good
}

func abs(a money.Amount) money.Amount {
	if a < 0 {
		return -a
	}
	return a
}

func onlyTotal(cols []forms.ColumnSpec) []forms.ColumnSpec {
	for _, c := range cols {
		if c.Key == forms.ColTotal {
			return []forms.ColumnSpec{c}
		}
	}
	return cols
}

func allColumns(kd *forms.KindDef, side forms.Side) []forms.ColumnSpec {
	var out []forms.ColumnSpec
	for _, c := range kd.Columns[side] {
		if !c.Text {
			out = append(out, forms.ColumnSpec{Key: c.Key, Label: c.Label})
		}
	}
	return out
}

// printedColumns lists the kind's columns the reader matched, in the order
// the table prints them, labelled as printed.
func printedColumns(r *reader, s *sheet, side forms.Side) []forms.ColumnSpec {
	type col struct {
		key string
		at  int
	}
	var cs []col
	for key, at := range r.matched[side] {
		cs = append(cs, col{key, at})
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].at < cs[j].at })
	var out []forms.ColumnSpec
	for _, c := range cs {
		label, group := headerOf(s, c.at)
		if r.transposed {
			label, group = strings.TrimSpace(rowLabel(s.row(c.at))), ""
		}
		out = append(out, forms.ColumnSpec{Key: c.key, Label: label, Group: group})
	}
	return out
}

// headerOf is the printed label (and the group over it) of a column: the
// last two distinct texts above the first figure of the column.
func headerOf(s *sheet, col int) (label, group string) {
	var path []string
	for row := 1; row < len(s.rows) && row < 12; row++ {
		v := strings.TrimSpace(s.at(row, col))
		if v == "" || reFigureCell.MatchString(v) {
			if len(path) > 0 && reFigureCell.MatchString(v) {
				break
			}
			continue
		}
		if reUnitLine.MatchString(norm(v)) || strings.HasPrefix(norm(v), "编制") {
			continue
		}
		if len(path) == 0 || path[len(path)-1] != v {
			path = append(path, v)
		}
	}
	switch len(path) {
	case 0:
		return "", ""
	case 1:
		return path[0], ""
	}
	return path[len(path)-1], path[len(path)-2]
}

var (
	reFigureCell = regexp.MustCompile(`^-?[\d,]+(?:\.\d+)?$`)
	reSixPlaces  = regexp.MustCompile(`^-?[\d,]*\d\.\d{3,6}$`)
)

// sixDecimals: the table prints its figures with more than two decimals.
func sixDecimals(s *sheet) bool {
	for _, r := range s.rows {
		for _, c := range r {
			if reSixPlaces.MatchString(strings.TrimSpace(c)) {
				return true
			}
		}
	}
	return false
}

// unitRows: the 收入总表 lists 单位 (codes that are not 功能分类, or names
// only), not 科目.
func unitRows(s *sheet) bool {
	for row := 1; row < len(s.rows); row++ {
		for c := 0; c < 3; c++ {
			if code, ok := codeText(s.at(row, c)); ok {
				return !strings.HasPrefix(code, "2") || len(code) > 7
			}
		}
	}
	return true
}

// publishedMeta reads the year, the unit's name and the level from the
// titles and the lines under them.
func publishedMeta(sheets []*sheet) forms.Meta {
	var m forms.Meta
	m.Level = forms.LevelDept
	for _, s := range sheets {
		if m.Year == 0 {
			m.Year = s.yearOf()
		}
		for row := 0; row < len(s.rows) && row < 4 && m.Name == ""; row++ {
			for _, c := range s.rows[row] {
				if name := unitNameIn(c); name != "" {
					m.Name = name
					break
				}
			}
		}
		title := s.at(0, firstNonEmpty(s.row(0)))
		if strings.Contains(title, "单位预算") || strings.Contains(title, "预算单位") || strings.Contains(title, "单位财务") {
			m.Level = forms.LevelUnit
		}
	}
	if m.Name == "" {
		m.Name = UnnamedUnit
	}
	return m
}

// UnnamedUnit stands for a unit's name a document does not print where it
// is looked for.
const UnnamedUnit = "（未写明单位名称）"

var reUnitName = regexp.MustCompile(`(?:编制单位|编制部门|预算单位|单位名称|部门名称|部门（单位）|部门\(单位\)|部门)\s*[:：]\s*(.+)`)

// unitNameIn reads the name from a line such as "部门名称：杭州市气象局".
func unitNameIn(text string) string {
	m := reUnitName.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	name := strings.TrimSpace(m[1])
	if i := strings.Index(name, "单位："); i >= 0 {
		name = strings.TrimSpace(name[:i])
	}
	if i := strings.Index(name, "单位:"); i >= 0 {
		name = strings.TrimSpace(name[:i])
	}
	if name == "" || strings.HasPrefix(name, "万元") || strings.HasPrefix(name, "元") {
		return ""
	}
	return name
}

// printedOf keeps the table as printed: header rows (before the first row
// with a figure or a code), then the body.
func printedOf(s *sheet, pages []int) *forms.Printed {
	p := &forms.Printed{Pages: pages}
	start := 1
	for start < len(s.rows) && preambleRow(s.rows[start]) {
		start++
	}
	body := start
	for body < len(s.rows) && !dataRow(s.rows[body]) && body-start < 6 {
		body++
	}
	if body == len(s.rows) {
		body = start + min(1, len(s.rows)-start) // no figures at all: the first row is the header
	}
	for r := start; r < len(s.rows); r++ {
		row := append([]string(nil), s.rows[r]...)
		if r < body {
			p.Header = append(p.Header, row)
		} else {
			p.Rows = append(p.Rows, row)
		}
	}
	return p
}

// preambleRow: a line under the title (unit line, 编制单位, a note).
func preambleRow(row []string) bool {
	texts := 0
	for _, c := range row {
		n := norm(c)
		if n == "" {
			continue
		}
		texts++
		if !(reUnitLine.MatchString(n) || unitNameIn(c) != "" || strings.HasPrefix(n, "编制")) {
			return false
		}
	}
	return texts > 0
}

// dataRow: a row with a figure, or a code in one of its first cells.
func dataRow(row []string) bool {
	for i, c := range row {
		c = strings.TrimSpace(c)
		if reFigureCell.MatchString(c) && strings.ContainsAny(c, ".,") {
			return true
		}
		if i < 3 {
			if _, err := classify.Normalize(c); err == nil && len(c) >= 3 && len(c) <= 7 {
				return true
			}
		}
	}
	return false
}
