// Package pdfdoc reads a published disclosure PDF into a document: it cuts
// the pages' blocks (package pdfin) into tables — a title, the lines under
// it, the ruled grid, continued over pages — and text, and hands the tables
// to the same recognition a workbook's sheets go through (package tablein).
package pdfdoc

import (
	"math"
	"regexp"
	"strings"
	"unicode/utf8"

	"yusuan/export/pdfin"
)

// Table is a table found in the PDF.
type Table struct {
	Title    string
	Preamble []string   // lines between the title and the grid (unit line, 编制单位)
	Rows     [][]string // the grid's rows, continuation pages appended
	RowPage  []int      // the page of each row
	Pages    []int
	cols     int
	header   int // leading rows of the first grid that a continuation may repeat
}

// Para is a paragraph of the text outside the tables.
type Para struct {
	Page int
	Text string
}

// Segmented is a PDF cut into tables and text.
type Segmented struct {
	Tables []*Table
	Text   []Para
	// Scanned lists pages with an image and no text.
	Scanned []int
	Pages   int
}

// Segment cuts a read PDF into tables and text. Frames that turn out to be
// text set in boxes are read again as text among the lines beside them.
func Segment(d *pdfin.Document) *Segmented {
	var s *Segmented
	boxed := map[pdfin.GridKey]bool{}
	for range 3 {
		var more []pdfin.GridKey
		s, more = segment(d.BlocksWithout(boxed))
		if len(more) == 0 {
			break
		}
		for _, k := range more {
			boxed[k] = true
		}
	}
	s.Pages = len(d.Pages)
	for _, p := range d.Pages {
		if p.Image {
			s.Scanned = append(s.Scanned, p.Number)
		}
	}
	return s
}

func segment(blocks []pdfin.Block) (s *Segmented, boxed []pdfin.GridKey) {
	s = &Segmented{}
	var cur *Table
	var pending []pdfin.Block // text lines since the last grid
	var text []pdfin.Block
	lastGridPage := 0
	var lastGrid *pdfin.Grid
	for _, b := range blocks {
		if b.Grid == nil {
			pending = append(pending, b)
			continue
		}
		g := b.Grid
		title, pre, before, skip := titleOf(pending, g)
		switch {
		case title != "" && cur != nil && sameTitle(title, cur.Title) && g.Page == lastGridPage+1:
			// the title printed again on the next page: the table goes on
			cur.add(g, max(skip, repeatedHeader(cur, g, skip)))
		case title != "" && tableOfContents(pre):
			// a list of the tables (报表目录) set in a frame: text
			fallthrough
		case title != "" && oneRow(g):
			// a sentence set in a row of boxes under a heading: text
			fallthrough
		case title == "" && !(cur != nil && continues(cur, g, pending, lastGrid)):
			text = append(text, pending...)
			boxed = append(boxed, g.Key())
			cur = nil
		case title != "":
			text = append(text, before...)
			cur = &Table{Title: title, Preamble: pre, cols: len(g.ColX) - 1}
			if skip == 0 && len(before) < len(pending) && pending[len(before)].Page < g.Page {
				// the title stands at the foot of the page before
				cur.Pages = []int{pending[len(before)].Page}
			}
			cur.add(g, skip)
			cur.header = headerRows(cur.Rows)
			s.Tables = append(s.Tables, cur)
		default: // continues the table of the page before
			cur.add(g, repeatedHeader(cur, g, 0))
		}
		pending = nil
		lastGridPage = g.Page
		lastGrid = g
	}
	text = append(text, pending...)
	for _, p := range pdfin.Paragraphs(text) {
		s.Text = append(s.Text, Para{Page: p.Page, Text: p.Text})
	}
	return s, boxed
}

// tableOfContents: the lines under the title say the frame lists tables.
func tableOfContents(pre []string) bool {
	for _, l := range pre {
		if strings.Contains(strings.Join(strings.Fields(l), ""), "目录") {
			return true
		}
	}
	return false
}

// oneRow: a frame of a single row of text (after blank rows).
func oneRow(g *pdfin.Grid) bool {
	n := 0
	for _, r := range g.Cells {
		if !blank(r) {
			n++
		}
	}
	return n <= 1
}

func (t *Table) add(g *pdfin.Grid, skip int) {
	for i, row := range g.Cells {
		if i < skip || blank(row) {
			continue
		}
		t.Rows = append(t.Rows, row)
		t.RowPage = append(t.RowPage, g.Page)
	}
	if n := len(t.Pages); n == 0 || t.Pages[n-1] != g.Page {
		t.Pages = append(t.Pages, g.Page)
	}
}

func blank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// distinct drops a row's repeats (a spanning cell fills each column it
// spans) and empty cells.
func distinct(row []string) []string {
	var out []string
	for _, c := range row {
		if c != "" && (len(out) == 0 || out[len(out)-1] != c) {
			out = append(out, c)
		}
	}
	return out
}

var (
	// a title ends in 表, or in 表 and a bracket (（预算表 1）, （一级项目）)
	reTitleEnd = regexp.MustCompile(`表\s*(?:[（(][^（）()]{0,20}[）)])?\s*$|情况\s*$`)
	// a line that only numbers the table: 表1, 公开 01 表, 部门公开表 1, 预算表12
	reNumberOnly  = regexp.MustCompile(`^\s*(?:部门)?(?:公开|预算)?\s*(?:表\s*[0-9一二三四五六七八九十]+|[0-9一二三四五六七八九十]+\s*表)\s*[：:]?\s*$`)
	rePartHeading = regexp.MustCompile(`^\s*第[一二三四五六七八九十]+部分`)
)

// isTitle: a short line that names a table.
func isTitle(s string) bool {
	s = strings.TrimSpace(s)
	n := utf8.RuneCountInString(s)
	if n < 3 || n > 70 || reNumberOnly.MatchString(s) || rePartHeading.MatchString(s) {
		return false
	}
	if strings.ContainsAny(s, "，。；") || strings.Contains(s, "单位：") || strings.Contains(s, "单位:") {
		return false
	}
	return reTitleEnd.MatchString(s) && strings.Contains(s, "表")
}

// titleOf finds the table's title: in the grid's first row (a title printed
// inside the frame, perhaps with the unit line in the same cell), or the
// last title line above it. before is the text above the title; skip the
// grid rows that held the title.
func titleOf(pending []pdfin.Block, g *pdfin.Grid) (title string, pre []string, before []pdfin.Block, skip int) {
	for r := 0; r < len(g.Cells) && r < 4; r++ {
		d := distinct(g.Cells[r])
		if len(d) == 0 || len(d) == 1 && reNumberOnly.MatchString(d[0]) {
			continue // a blank row, or one that only numbers the table
		}
		if len(d) == 1 {
			for _, line := range cellLines(g, r) {
				switch {
				case title == "" && isTitle(line):
					title = line
				case title != "":
					pre = append(pre, line)
				}
			}
			if title != "" {
				// the unit line printed as the next row of the frame
				for r2 := r + 1; r2 < len(g.Cells) && r2 <= r+2; r2++ {
					if d2 := distinct(g.Cells[r2]); len(d2) > 0 && len(d2) <= 2 && preambleLine(strings.Join(d2, " ")) {
						pre = append(pre, strings.Join(d2, " "))
						r = r2
					}
				}
				return title, pre, pending, r + 1
			}
		}
		break
	}
	for i := len(pending) - 1; i >= 0; i-- {
		t := pending[i].Line.Text()
		if isTitle(t) {
			for _, b := range pending[i+1:] {
				pre = append(pre, b.Line.Text())
			}
			start := i
			for start > 0 && titleWraps(pending[start-1], pending[start]) {
				start--
				t = strings.TrimSpace(pending[start].Line.Text()) + strings.TrimSpace(t)
			}
			return t, pre, pending[:start], 0
		}
		if len(pending)-i > 4 {
			break
		}
	}
	return "", nil, pending, 0
}

// titleWraps: the line above a title is its first part, the title
// wrapped onto two lines ("236 中央高校…引导专项" / "绩效目标表"): centred
// over it, in the same size, right above it, and no sentence.
func titleWraps(above, title pdfin.Block) bool {
	a, t := above.Line, title.Line
	if a == nil || t == nil || above.Page != title.Page || math.Abs(a.Size()-t.Size()) > 0.5 {
		return false
	}
	s := strings.TrimSpace(a.Text())
	if isTitle(s) || strings.ContainsAny(s, "，。；：:") || rePartHeading.MatchString(s) || utf8.RuneCountInString(s) > 60 {
		return false
	}
	gap := t.Y0 - a.Y1
	centre := func(l *pdfin.Line) float64 { return (l.X0 + l.X1) / 2 }
	return gap >= 0 && gap < t.Y1-t.Y0 && math.Abs(centre(a)-centre(t)) < 12
}

func cellLines(g *pdfin.Grid, r int) []string {
	for c := range g.Cells[r] {
		if ls := g.Lines[r][c]; len(ls) > 0 {
			return ls
		}
	}
	return nil
}

// sameTitle: two titles that differ only in spacing or a 续表 mark.
func sameTitle(a, b string) bool {
	norm := func(s string) string {
		s = strings.Join(strings.Fields(s), "")
		for _, w := range []string{"（续表）", "(续表)", "（续）", "(续)", "续表"} {
			s = strings.ReplaceAll(s, w, "")
		}
		return s
	}
	return norm(a) == norm(b)
}

// preambleLine: the unit line or the 编制单位 line.
func preambleLine(s string) bool {
	return strings.Contains(s, "单位：") || strings.Contains(s, "单位:") || strings.HasPrefix(strings.TrimSpace(s), "编制") ||
		strings.Contains(s, "部门：") || strings.Contains(s, "部门:")
}

// continues: a grid with the table's columns that begins its page (what
// stands above it is a running header, the page's number line or the
// table's repeated unit line) continues the table of the page before.
func continues(t *Table, g *pdfin.Grid, pending []pdfin.Block, last *pdfin.Grid) bool {
	cols := len(g.ColX) - 1
	if last == nil || g.Page != last.Page+1 || cols < 2 && t.cols > 1 {
		return false
	}
	// a frame of other columns continues the table only from the top of
	// its page (a form's next page draws its own rules)
	if abs(cols-t.cols) > max(2, t.cols/3) && g.Y0 > pageTop(g) {
		return false
	}
	for _, b := range pending {
		if b.Page != g.Page && !partOfFrame(b, last) {
			return false // text after the table on its last page: it ended
		}
		s := b.Line.Text()
		if utf8.RuneCountInString(s) > 40 && !preambleLine(s) || rePartHeading.MatchString(s) {
			return false
		}
	}
	return true
}

// partOfFrame: a line beside the frame (a cell's text running out of it)
// or a short label just under it (a cell whose bottom rule is on the next
// page) belongs to the table, not to the text after it.
func partOfFrame(b pdfin.Block, g *pdfin.Grid) bool {
	l := b.Line
	if l == nil || b.Page != g.Page {
		return false
	}
	if l.Y0 < g.Y1 {
		return true
	}
	return l.Y0-g.Y1 < 20 && l.X0 >= g.X0 && l.X1 <= g.X1 && utf8.RuneCountInString(strings.TrimSpace(l.Text())) <= 8
}

// pageTop: how far down a frame may start and still begin its page.
func pageTop(g *pdfin.Grid) float64 { return 120 }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// headerRows counts the leading rows without a figure: the header.
func headerRows(rows [][]string) int {
	for i, r := range rows {
		for _, c := range r {
			if reFigure.MatchString(strings.TrimSpace(c)) {
				return i
			}
		}
		if i >= 6 {
			return i
		}
	}
	return len(rows)
}

var reFigure = regexp.MustCompile(`^-?[\d,]+\.\d+$`)

// repeatedHeader: the rows of a continuation page that repeat the table's
// header (and its title, printed again on each page).
func repeatedHeader(t *Table, g *pdfin.Grid, from int) int {
	skip := from
	for i := from; i < len(g.Cells); i++ {
		row := g.Cells[i]
		if blank(row) {
			if i == skip {
				skip++
			}
			continue
		}
		same := false
		for _, h := range t.Rows[:min(t.header, len(t.Rows))] {
			if strings.Join(h, "|") == strings.Join(row, "|") {
				same = true
				break
			}
		}
		if d := distinct(row); len(d) == 1 && isTitle(d[0]) && strings.Contains(d[0], strings.TrimSpace(t.Title)) {
			same = true
		}
		if !same {
			break
		}
		skip = i + 1
	}
	return skip
}
