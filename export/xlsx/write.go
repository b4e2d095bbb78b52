package xlsx

import (
	"fmt"
	"io"
	"math"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"yusuan/export/tablein"
	"yusuan/forms"
	"yusuan/forms/linebreak"
	"yusuan/forms/money"
	"yusuan/forms/narrative"
)

// Sheet names of the parts that are not tables (the text sheet's, and the
// cover's labels, are tablein's, which reads them back).
const (
	coverSheet = "00封面"
	textSheet  = tablein.TextSheet
)

// Export writes the document's standard workbook to path, atomically: a
// temporary file in the same folder, then renamed over the old one.
func Export(d *forms.Document, path string) error {
	f, err := Build(d)
	if err != nil {
		return err
	}
	defer f.Close()
	return forms.WriteAtomic(path, "工作簿", func(w io.Writer) error {
		if err := writeBook(f, w); err != nil {
			// %w: WriteAtomic tells a system error (a full disk) by the chain
			// and says it in Chinese
			return fmt.Errorf("写入工作簿“%s”失败：%w", path, err)
		}
		return nil
	})
}

// writeBook writes a built workbook's bytes; tests replace it to fail as a
// full disk does.
var writeBook = func(f *excelize.File, w io.Writer) error { return f.Write(w) }

// WriteTo writes the workbook to w.
func WriteTo(d *forms.Document, w io.Writer) error {
	f, err := Build(d)
	if err != nil {
		return err
	}
	defer f.Close()
	return writeBook(f, w)
}

// Build lays the document out as a workbook: the cover, one sheet per table
// in the template's order, and the text parts.
func Build(d *forms.Document) (_ *excelize.File, err error) {
	f := excelize.NewFile()
	defer func() {
		if err != nil {
			f.Close() // a streamed sheet's temporary file goes too
		}
	}()
	w := &writer{f: f, doc: d, styles: map[styleKey]int{}}
	// Every sheet is made, hidden or selected before any is written: the
	// library does that by reading each sheet's model, which for a sheet
	// already streamed out means parsing it back whole.
	sheets := []string{coverSheet}
	for i, t := range d.Tables {
		if !t.Absent {
			sheets = append(sheets, SheetName(i+1, t))
		}
	}
	sheets = append(sheets, textSheet, dataSheet)
	for _, sheet := range sheets {
		if _, err := f.NewSheet(sheet); err != nil {
			return nil, err
		}
	}
	if err := f.SetSheetVisible(dataSheet, false); err != nil {
		return nil, err
	}
	f.DeleteSheet("Sheet1")
	f.SetActiveSheet(0)
	if err := w.cover(); err != nil {
		return nil, err
	}
	for i, t := range d.Tables {
		if t.Absent {
			continue
		}
		sheet := SheetName(i+1, t)
		var err error
		switch {
		case t.Printed != nil:
			err = w.printedSheet(sheet, t)
		case t.IsGrid():
			err = w.gridSheet(sheet, t)
		default:
			err = w.formSheet(sheet, t)
		}
		if err != nil {
			return nil, fmt.Errorf("生成工作表“%s”失败：%v", sheet, err)
		}
	}
	if err := w.textSheet(); err != nil {
		return nil, err
	}
	if err := w.dataSheet(); err != nil {
		return nil, err
	}
	if err := setProperties(f, d); err != nil {
		return nil, err
	}
	return f, nil
}

// exportTime is when a workbook is made (tests fix it).
var exportTime = time.Now

// setProperties gives the workbook what Excel's 文件 → 信息 shows: its
// title, the unit as author, this program, the dates (not the library's
// defaults).
func setProperties(f *excelize.File, d *forms.Document) error {
	when := exportTime().UTC().Format(time.RFC3339)
	title := fmt.Sprintf("%s%d年%s预算", d.Meta.Name, d.Meta.Year, d.LevelWord())
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: "部门预算公开", Category: "部门预算公开", Creator: d.Meta.Name,
		LastModifiedBy: "预算公开助手", Created: when, Modified: when, Language: "zh-CN",
	}); err != nil {
		return err
	}
	return f.SetAppProps(&excelize.AppProperties{Application: "预算公开助手", Company: d.Meta.Name})
}

// SheetName is a table's sheet: its number in the template and its title
// without the year ("01收支预算总表"), within Excel's 31 characters.
func SheetName(n int, t *forms.Table) string {
	title := t.Title
	if i := strings.Index(title, "年"); i > 0 && i <= 5 {
		title = title[i+len("年"):]
	}
	title = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, title)
	name := fmt.Sprintf("%02d%s", n, title)
	for utf8.RuneCountInString(name) > 31 {
		r := []rune(name)
		name = string(r[:31])
	}
	return name
}

type writer struct {
	f      *excelize.File
	doc    *forms.Document
	styles map[styleKey]int
	buf    *sheetBuf // the sheet being streamed out, if any
}

// stream starts buffering a sheet that will be streamed out (flushStream):
// the sheet writers then fill it as they would the library's model.
func (w *writer) stream(sheet string) cellWriter {
	w.buf = newSheetBuf(w.f, sheet)
	return w.buf
}

// out is where a sheet's cells go: its stream buffer, or the workbook.
func (w *writer) out(sheet string) cellWriter {
	if w.buf != nil && w.buf.name == sheet {
		return w.buf
	}
	return w.f
}

// flushStream writes the buffered sheet out (after its page setup, which
// the stream keeps).
func (w *writer) flushStream() error {
	b := w.buf
	w.buf = nil
	return b.flush()
}

func cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func (w *writer) cover() error {
	f, d := w.f, w.doc
	title := fmt.Sprintf("%s%d年%s预算", d.Meta.Name, d.Meta.Year, d.LevelWord())
	f.SetCellStr(coverSheet, "A1", title)
	f.MergeCell(coverSheet, "A1", "B1")
	f.SetCellStyle(coverSheet, "A1", "B1", w.style(styleKey{kind: sTitle}))
	rows := [][2]string{
		{tablein.CoverName, d.Meta.Name}, {tablein.CoverCode, d.Meta.Code}, {tablein.CoverYear, fmt.Sprint(d.Meta.Year)},
		{tablein.CoverLevel, string(d.Meta.Level)}, {tablein.CoverTemplate, d.Template.Name},
	}
	if d.Meta.Sample {
		rows = append(rows, [2]string{tablein.CoverSample, "是（本工作簿为示例数据，不是真实的预算）"})
	}
	if d.Meta.Remark != "" {
		rows = append(rows, [2]string{tablein.CoverRemark, d.Meta.Remark})
	}
	if d.Meta.Date != "" {
		rows = append(rows, [2]string{tablein.CoverDate, d.Meta.Date})
	}
	for i, u := range d.Units {
		label := tablein.CoverUnits
		if i == 0 && u.Code == d.Meta.Code {
			label = tablein.CoverSelf // the 部门 is not its own 所属单位
		}
		rows = append(rows, [2]string{label, u.Code + tablein.CoverUnitSep + u.Name})
	}
	r := 3
	text := w.style(styleKey{kind: sText, wrap: true})
	for _, kv := range rows {
		f.SetCellStr(coverSheet, cell(1, r), kv[0])
		f.SetCellStr(coverSheet, cell(2, r), kv[1])
		if kv[0] == tablein.CoverTemplate {
			f.SetCellStr(coverSheet, cell(3, r), d.Template.ID) // hidden: what an import reads
		}
		f.SetCellStyle(coverSheet, cell(1, r), cell(2, r), text)
		w.fitRow(coverSheet, r, kv[1], 60)
		r++
	}
	r++
	f.SetCellStr(coverSheet, cell(1, r), "目录")
	f.SetCellStr(coverSheet, cell(2, r), "工作表")
	f.SetCellStyle(coverSheet, cell(1, r), cell(2, r), w.style(styleKey{kind: sHeader}))
	r++
	for i, t := range d.Tables {
		f.SetCellStr(coverSheet, cell(1, r), forms.ChineseNumber(i+1)+"、"+t.Title)
		sheet := SheetName(i+1, t)
		if t.Absent {
			sheet = "（未提供）"
		}
		f.SetCellStr(coverSheet, cell(2, r), sheet)
		f.SetCellStyle(coverSheet, cell(1, r), cell(2, r), text)
		if !t.Absent {
			// a click goes to the sheet, as the PDF's 目录 does to its page
			// (a place inside the workbook, not an address outside it)
			f.SetCellHyperLink(coverSheet, cell(2, r), "'"+sheet+"'!A1", "Location")
		}
		r++
	}
	f.SetColWidth(coverSheet, "A", "A", 36)
	f.SetColWidth(coverSheet, "B", "B", 60)
	f.SetColVisible(coverSheet, "C", false)
	return w.printSetup(coverSheet, []float64{36, 60}, 1, 1)
}

// gridSheet writes a grid table as published: title, unit line, the
// empty-table note, the merged two-level header and the lines.
func (w *writer) gridSheet(sheet string, t *forms.Table) error {
	f, d := w.stream(sheet), w.doc
	g := d.GridWithHidden(t)
	ncol := max(len(g.Columns), 2)
	last := cell(ncol, 1)
	f.SetCellStr(sheet, "A1", t.Title)
	f.MergeCell(sheet, "A1", last)
	f.SetCellStyle(sheet, "A1", last, w.style(styleKey{kind: sTitle}))
	f.SetRowHeight(sheet, 1, 30)
	unitName := "编制单位：" + d.Meta.Name
	if d.Meta.Sample {
		unitName += "（示例数据）"
	}
	mid := max(ncol/2, 1)
	f.SetCellStr(sheet, "A2", unitName)
	f.MergeCell(sheet, "A2", cell(mid, 2))
	f.SetCellStr(sheet, cell(mid+1, 2), "单位："+string(t.Unit))
	f.MergeCell(sheet, cell(mid+1, 2), cell(ncol, 2))
	f.SetCellStyle(sheet, "A2", cell(mid, 2), w.style(styleKey{kind: sText, plain: true}))
	f.SetCellStyle(sheet, cell(mid+1, 2), cell(ncol, 2), w.style(styleKey{kind: sText, right: true, plain: true}))
	row := 3
	if note := d.NoteOf(t); note != "" {
		f.SetCellStr(sheet, cell(1, row), note)
		f.MergeCell(sheet, cell(1, row), cell(ncol, row))
		f.SetCellStyle(sheet, cell(1, row), cell(ncol, row), w.style(styleKey{kind: sText, wrap: true, plain: true}))
		f.SetRowHeight(sheet, row, 30)
		row++
	}
	headerTop := row
	widths := sheetColumnWidths(g, true)
	row = w.header(sheet, g, row, widths)
	headerBottom := row - 1
	// widths, hidden columns and panes before the lines: the sheet streams out
	for i, wd := range widths {
		name, _ := excelize.ColumnNumberToName(i + 1)
		f.SetColWidth(sheet, name, name, wd)
	}
	for i, c := range g.Columns {
		if c.Hidden {
			name, _ := excelize.ColumnNumberToName(i + 1)
			f.SetColVisible(sheet, name, false)
		}
	}
	// the header stays in view; on a wide sheet the code and name columns
	// too, so that a figure far right still shows whose it is
	lead := 0
	for lead < len(g.Columns) && !g.Columns[lead].Amount {
		lead++
	}
	if lead > 0 && len(g.Columns)-lead >= 4 {
		f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: lead, YSplit: headerBottom, TopLeftCell: cell(lead+1, headerBottom+1), ActivePane: "bottomRight"})
	} else {
		f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: headerBottom, TopLeftCell: cell(1, headerBottom+1), ActivePane: "bottomLeft"})
	}
	for _, gr := range g.Rows {
		for ci, c := range gr.Cells {
			ref := cell(ci+1, row)
			col := g.Columns[ci]
			switch {
			case !col.Amount || c.State == forms.CellText || c.State == forms.CellBlank:
				if c.Text != "" {
					f.SetCellStr(sheet, ref, c.Text)
				}
				f.SetCellStyle(sheet, ref, ref, w.style(styleKey{kind: sText, bold: c.Total})) // a two-sided line: each side its own
			default:
				v := w.amountAt(t, c)
				if c.Text != "" { // blank when the template prints zero as blank
					f.SetCellDefault(sheet, ref, v.String())
				}
				f.SetCellStyle(sheet, ref, ref, w.style(styleKey{kind: sAmount, bold: c.Total, grouped: t.Grouped}))
			}
		}
		row++
	}
	if err := w.printSetup(sheet, widths, headerTop, headerBottom); err != nil {
		return err
	}
	return w.flushStream()
}

// amountAt is the exact figure behind a grid cell.
func (w *writer) amountAt(t *forms.Table, c forms.GridCell) money.Amount {
	return t.Panes[c.Pane].Rows[c.Row].Cells[c.Col].Value
}

// header writes the header from row r and returns the first row after it;
// its rows are as tall as the wrapped labels need in columns of the given
// widths.
func (w *writer) header(sheet string, g *forms.Grid, r int, widths []float64) int {
	f := w.out(sheet)
	style := w.style(styleKey{kind: sHeader})
	if !g.HasGroups() {
		for i, c := range g.Columns {
			f.SetCellStr(sheet, cell(i+1, r), brokenLabel(c.Label, widths[i]))
		}
		f.SetCellStyle(sheet, cell(1, r), cell(len(g.Columns), r), style)
		most := 2.0
		for i, c := range g.Columns {
			most = max(most, headerLines(c.Label, widths[i]))
		}
		f.SetRowHeight(sheet, r, lineHeight(most))
		return r + 1
	}
	// the group row fits the group labels over their spans, the label row
	// the labels under a group; a label spanning both rows fits in the two
	upper, lower, both := 1.0, 2.0, 0.0
	for _, span := range g.Spans() {
		from, to := span[0]+1, span[1]
		if group := g.Columns[span[0]].Group; group != "" {
			spanWidth := 0.0
			for i := span[0]; i < span[1]; i++ {
				spanWidth += widths[i]
				lower = max(lower, headerLines(g.Columns[i].Label, widths[i]))
			}
			upper = max(upper, headerLines(group, spanWidth))
			f.SetCellStr(sheet, cell(from, r), group)
			if to > from {
				f.MergeCell(sheet, cell(from, r), cell(to, r))
			}
			for i := span[0]; i < span[1]; i++ {
				f.SetCellStr(sheet, cell(i+1, r+1), brokenLabel(g.Columns[i].Label, widths[i]))
			}
			continue
		}
		for i := span[0]; i < span[1]; i++ {
			both = max(both, headerLines(g.Columns[i].Label, widths[i]))
			f.SetCellStr(sheet, cell(i+1, r), brokenLabel(g.Columns[i].Label, widths[i]))
			f.MergeCell(sheet, cell(i+1, r), cell(i+1, r+1))
		}
	}
	f.SetCellStyle(sheet, cell(1, r), cell(len(g.Columns), r+1), style)
	top, bottom := lineHeight(upper), lineHeight(lower)
	bottom = max(bottom, lineHeight(both)-top)
	f.SetRowHeight(sheet, r, top)
	f.SetRowHeight(sheet, r+1, bottom)
	return r + 2
}

// fitRow gives a wrapped text's row the height its lines need (a workbook
// stores no automatic heights for LibreOffice to use).
func (w *writer) fitRow(sheet string, row int, text string, width float64) {
	w.fitRowTexts(sheet, row, []string{text}, []float64{width})
}

// fitRowTexts fits a row to the tallest of several wrapped cells.
func (w *writer) fitRowTexts(sheet string, row int, texts []string, widths []float64) {
	most := 1.0
	for i, text := range texts {
		lines := 1.0
		for _, para := range strings.Split(text, "\n") {
			lines += float64(int(linebreak.Width(para) / max(widths[i]-2, 1)))
		}
		lines += float64(strings.Count(text, "\n"))
		most = max(most, lines)
	}
	if most > 1 {
		w.out(sheet).SetRowHeight(sheet, row, min(14*most+4, 409))
	}
}

// sheetColumnWidths sizes columns in Excel's character widths: CJK counts two.
// With wrapped headers (the header rows are as tall as their labels need)
// a figure column is as wide as its figures, its label taking up to three
// lines and a text column's two: a wide table then prints at a readable
// scale instead of at the width of its unwrapped labels.
func sheetColumnWidths(g *forms.Grid, wrapped bool) []float64 {
	chars := linebreak.Width
	w := make([]float64, len(g.Columns))
	for i, c := range g.Columns {
		label := chars(c.Label) + 2
		switch {
		case wrapped && c.Amount:
			label = math.Ceil(chars(c.Label)/3) + 2
		case wrapped:
			label = math.Ceil(chars(c.Label)/2) + 2
		case c.Amount:
			label = min(label, 14) // figure columns wrap their header after six characters
		}
		w[i] = max(label, 8)
	}
	for ri, r := range g.Rows {
		if ri > 2000 {
			break
		}
		for i, c := range r.Cells {
			w[i] = max(w[i], chars(c.Text)+2)
		}
	}
	forms.WidenForGroups(g, w, 0, func(s string) float64 { return chars(s) + 2 })
	for i := range w {
		w[i] = min(w[i], 60)
	}
	return w
}

// headerLines is how many lines a header label takes in a column of the
// given width.
func headerLines(label string, width float64) float64 {
	return max(1, math.Ceil(linebreak.Width(label)/max(width-1.5, 1)))
}

// brokenLabel is a header label with its line breaks put between words
// (上缴上级/支出, not 上缴上级支/出 as Excel would wrap it); the reader folds
// the breaks away.
func brokenLabel(label string, width float64) string {
	n := int(headerLines(label, width))
	return strings.Join(linebreak.Lines(label, n), "\n")
}

// lineHeight is the height in points of n lines of the workbook's text.
func lineHeight(n float64) float64 { return 14*n + 6 }

// printSetup: A4, landscape when the table is wide, one page wide, the
// title and header rows on every page, and a page footer.
func (w *writer) printSetup(sheet string, widths []float64, headerTop, headerBottom int) error {
	total := 0.0
	for _, x := range widths {
		total += x
	}
	orientation := "portrait"
	if total > 100 || len(widths) > 8 {
		orientation = "landscape"
	}
	a4 := 9
	one, zero := 1, 0
	fit := true
	if err := w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := w.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := w.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页，共 &N 页"}); err != nil {
		return err
	}
	return w.f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$1:$%d", sheet, headerBottom),
	})
}

func (w *writer) textSheet() error {
	f, d := w.f, w.doc
	type item struct{ label, text string }
	explanation := narrative.Text(d)
	if d.Template.Own {
		explanation = d.Text.Explanation // a read document's text is what was published, none made up
	}
	items := []item{{tablein.TextFunctions, d.Text.Functions}, {tablein.TextOrganization, d.Text.Organization}, {tablein.TextExplanation, explanation}}
	f.SetCellStr(textSheet, "A1", "文字说明")
	f.SetCellStyle(textSheet, "A1", "A1", w.style(styleKey{kind: sTitle}))
	// one paragraph a row (a cell taller than Excel's 409-point row limit
	// is cut off in print), the label merged down the part's rows; a
	// paragraph longer than a cell holds goes on in the next row, marked in
	// the hidden column C
	r := 2
	for _, it := range items {
		first := r
		for _, para := range strings.Split(it.text, "\n") {
			for i, chunk := range chunks(para, 30000) {
				f.SetCellStr(textSheet, cell(2, r), chunk)
				if i > 0 {
					f.SetCellStr(textSheet, cell(3, r), tablein.TextGoesOn)
				}
				r++
			}
		}
		f.SetCellStr(textSheet, cell(1, first), it.label)
		if r-1 > first {
			f.MergeCell(textSheet, cell(1, first), cell(1, r-1))
		}
	}
	if d.Text.Glossary != nil {
		for _, t := range d.Text.Glossary {
			f.SetCellStr(textSheet, cell(1, r), tablein.TextGlossary+t.Term)
			f.SetCellStr(textSheet, cell(2, r), t.Definition)
			r++
		}
	}
	f.SetColWidth(textSheet, "A", "A", 16)
	f.SetColWidth(textSheet, "B", "B", 80)
	f.SetColVisible(textSheet, "C", false)
	f.SetCellStyle(textSheet, "A2", cell(2, max(r-1, 2)), w.style(styleKey{kind: sText, wrap: true}))
	f.MergeCell(textSheet, "A1", "B1") // the title over both columns, as a sheet's title is
	bold := w.style(styleKey{kind: sText, wrap: true, bold: true})
	for row := 2; row < r; row++ {
		v, _ := f.GetCellValue(textSheet, cell(2, row))
		w.fitRow(textSheet, row, v, 80)
		if label, _ := f.GetCellValue(textSheet, cell(1, row)); label != "" {
			f.SetCellStyle(textSheet, cell(1, row), cell(1, row), bold)
		}
		if textHeading(v) {
			f.SetCellStyle(textSheet, cell(2, row), cell(2, row), bold) // “一、…”, “（一）…” headings
		}
	}
	return w.printSetup(textSheet, []float64{16, 80}, 1, 1)
}

// reTextHeading: a section's heading in the text parts.
var reTextHeading = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+部分)`)

// textHeading: a short numbered line without a full stop is a heading.
func textHeading(s string) bool {
	s = strings.TrimSpace(s)
	return reTextHeading.MatchString(s) && utf8.RuneCountInString(s) <= 40 && !strings.ContainsAny(s, "。；")
}

// chunks splits a text into parts Excel can hold in a cell (32,767 characters).
func chunks(s string, n int) []string {
	if s == "" {
		return []string{""}
	}
	var out []string
	r := []rune(s)
	for len(r) > n {
		out = append(out, string(r[:n]))
		r = r[n:]
	}
	return append(out, string(r))
}
