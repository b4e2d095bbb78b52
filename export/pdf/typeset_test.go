package pdf

import (
	"html"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"yusuan/forms"
	"yusuan/forms/linebreak"
	"yusuan/forms/narrative"
)

// The typesetting of issue 16, read back from the PDF with poppler's
// tools (the tests skip where a tool is missing).

// poppler finds a poppler program or skips the test.
func poppler(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not found (Debian: poppler-utils): %v", name, err)
	}
	return p
}

// pdfBox is a piece of text the PDF shows, in points from the page's top
// left corner.
type pdfBox struct {
	x1, y1, x2, y2 float64
	s              string
	font           string // pdftohtml's font family (subset tag and name)
	size           float64
}

func (b pdfBox) cx() float64 { return (b.x1 + b.x2) / 2 }
func (b pdfBox) cy() float64 { return (b.y1 + b.y2) / 2 }

var (
	bboxWordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	bboxLineRE = regexp.MustCompile(`(?s)<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>`)
	bboxPageRE = regexp.MustCompile(`<page width`)
)

func num(s string) float64 {
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

// bbox runs pdftotext -bbox-layout on one page: its words, or its lines
// (a line's text is its words joined).
func bbox(t testing.TB, path string, page int, lines bool) []pdfBox {
	t.Helper()
	out, err := exec.Command(poppler(t, "pdftotext"), "-bbox-layout", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox-layout: %v", err)
	}
	var bs []pdfBox
	if !lines {
		for _, m := range bboxWordRE.FindAllStringSubmatch(string(out), -1) {
			bs = append(bs, pdfBox{x1: num(m[1]), y1: num(m[2]), x2: num(m[3]), y2: num(m[4]), s: html.UnescapeString(m[5])})
		}
		return bs
	}
	for _, m := range bboxLineRE.FindAllStringSubmatch(string(out), -1) {
		var text strings.Builder
		for _, w := range bboxWordRE.FindAllStringSubmatch(m[5], -1) {
			text.WriteString(html.UnescapeString(w[5]))
		}
		bs = append(bs, pdfBox{x1: num(m[1]), y1: num(m[2]), x2: num(m[3]), y2: num(m[4]), s: text.String()})
	}
	return bs
}

var (
	xmlFontRE = regexp.MustCompile(`<fontspec id="(\d+)" size="([\d.-]+)" family="([^"]*)"`)
	xmlTextRE = regexp.MustCompile(`<text top="([\d.-]+)" left="([\d.-]+)" width="([\d.-]+)" height="([\d.-]+)" font="(\d+)">(.*?)</text>`)
	tagRE     = regexp.MustCompile(`<[^>]*>`)
)

// xmlTexts runs pdftohtml -xml on one page (at 72 dpi, points): its pieces
// of text, a new piece where the font changes.
func xmlTexts(t testing.TB, path string, page int) []pdfBox {
	t.Helper()
	out, err := exec.Command(poppler(t, "pdftohtml"), "-xml", "-i", "-stdout", "-zoom", "1", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), path).Output()
	if err != nil {
		t.Fatalf("pdftohtml -xml: %v", err)
	}
	fonts := map[string]struct {
		family string
		size   float64
	}{}
	for _, m := range xmlFontRE.FindAllStringSubmatch(string(out), -1) {
		fonts[m[1]] = struct {
			family string
			size   float64
		}{m[3], num(m[2])}
	}
	var bs []pdfBox
	for _, m := range xmlTextRE.FindAllStringSubmatch(string(out), -1) {
		top, left, w, h := num(m[1]), num(m[2]), num(m[3]), num(m[4])
		f := fonts[m[5]]
		bs = append(bs, pdfBox{x1: left, y1: top, x2: left + w, y2: top + h, s: html.UnescapeString(tagRE.ReplaceAllString(m[6], "")), font: f.family, size: f.size})
	}
	return bs
}

// joinLines joins the pieces pdftohtml gives of one line of a cell (a new
// piece where the font changes): neighbours on one baseline, the second
// beginning where the first ends. The joined piece's font lists the fonts
// of its pieces that hold more than punctuation, joined by "|".
func joinLines(bs []pdfBox) []pdfBox {
	var out []pdfBox
	for _, b := range bs {
		if strings.IndexFunc(b.s, func(r rune) bool { return !fullWidthMark(r) }) < 0 {
			b.font = ""
		}
		if n := len(out); n > 0 && abs(out[n-1].y2-b.y2) < 1.5 && abs(out[n-1].x2-b.x1) < 1.5 {
			o := &out[n-1]
			o.s += b.s
			o.x2, o.y1 = b.x2, min(o.y1, b.y1)
			if b.font != "" {
				if o.font != "" {
					o.font += "|"
				}
				o.font += b.font
			}
			continue
		}
		out = append(out, b)
	}
	return out
}

// isFace reports whether a PDF font name is the face's subset.
func isFace(fs *fonts, font string, f face) bool {
	return strings.HasSuffix(font, strings.SplitN(fs.baseFont(f), "+", 2)[1])
}

// inside lists the boxes whose centre lies in the rectangle, top to bottom.
func inside(bs []pdfBox, x, y, w, h float64) []pdfBox {
	var out []pdfBox
	for _, b := range bs {
		if b.cx() > x && b.cx() < x+w && b.cy() > y && b.cy() < y+h {
			out = append(out, b)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].y1 < out[j].y1 })
	return out
}

// wordCuts are the places (in runes) between the words of a label.
func wordCuts(label string) map[int]bool {
	cuts := map[int]bool{}
	n := 0
	for _, w := range linebreak.Words(label) {
		n += utf8.RuneCountInString(w)
		cuts[n] = true
	}
	return cuts
}

// checkHeaderLines: a header cell's lines, joined, are its label, broken
// only between its words (a word wider than the cell excepted), and no line
// but the first begins with a closing mark.
func checkHeaderLines(t *testing.T, where, label string, lines []string, fits func(word string) bool) {
	t.Helper()
	label = squash(label)
	if got := squash(strings.Join(lines, "")); got != label {
		t.Errorf("%s: header cell reads %q, the label is %q", where, got, label)
		return
	}
	cuts := wordCuts(label)
	words := linebreak.Words(label)
	at := 0
	for i, line := range lines[:len(lines)-1] {
		at += utf8.RuneCountInString(squash(line))
		if first, _ := utf8.DecodeRuneInString(squash(lines[i+1])); strings.ContainsRune(linebreak.Closers, first) {
			t.Errorf("%s: header line begins with %q: %q", where, first, lines)
		}
		if cuts[at] {
			continue
		}
		// inside a word: allowed only for a word wider than the cell
		n := 0
		for _, w := range words {
			n += utf8.RuneCountInString(w)
			if n > at {
				if fits(w) {
					t.Errorf("%s: header %q broken inside the word %q: %q", where, label, w, lines)
				}
				break
			}
		}
	}
}

// 1. The sample's table headers, as the PDF prints them, break between the
// words of their labels: 部门(单位)/代码, 上缴上级/支出, never 部门(单/位)代码
// or 上缴上/级支出.
func TestHeaderBreaksAtWords(t *testing.T) {
	d := sample(t)
	path, _ := exported(t, d)
	pages := pagesOf(t, d)
	checked := 0
	for _, tb := range d.Tables {
		if !tb.IsGrid() || tb.Absent {
			continue
		}
		g := d.ShownGrid(tb)
		labels := map[string]bool{}
		for _, c := range g.Columns {
			labels[squash(c.Label)] = true
			for _, part := range strings.Split(c.Group, "／") {
				labels[squash(part)] = true
			}
		}
		r := tableRange(pages)[tb.Title]
		words := bbox(t, path, r[0], false)
		for _, b := range pages[r[0]-1].Boxes {
			if !b.Header {
				continue
			}
			lines := inside(words, b.X, b.Y, b.W, b.H)
			var texts []string
			for _, l := range lines {
				texts = append(texts, l.s)
			}
			label := ""
			if b.Col >= 0 {
				label = g.Columns[b.Col].Label
			} else if labels[squash(strings.Join(texts, ""))] {
				label = strings.Join(texts, "")
			}
			if label == "" || len(texts) == 0 {
				t.Errorf("%s: header cell %q is none of the table's labels", tb.Title, texts)
				continue
			}
			// the sample's columns are wide enough for every word of
			// their headers: none is broken
			checkHeaderLines(t, tb.Title, label, texts, func(string) bool { return true })
			checked++
		}
	}
	if checked < 30 {
		t.Errorf("only %d header cells checked", checked)
	}
}

// fullWidthMark: the marks whose full-width glyphs in the Hei face stand in
// the middle of a wide box.
func fullWidthMark(r rune) bool {
	return r >= 0x3001 && r <= 0x303f || r >= 0xff01 && r <= 0xff0f || r >= 0xff1a && r <= 0xff20 || r >= 0xff3b && r <= 0xff40 || r >= 0xff5b && r <= 0xff65
}

// 2. Full-width punctuation comes from the Song face everywhere (headings,
// headers, totals set in Hei included), so brackets sit close: 因公出国（境）费,
// not 因公出国（ 境 ）费; and the figures inside Song lines are the Song face's,
// not the heavier Hei's.
func TestPunctuationAndFiguresFromSong(t *testing.T) {
	d := sample(t)
	path, res := exported(t, d)
	fs, _ := newFonts()
	pages := pagesOf(t, d)
	part3 := 0
	for _, p := range pages {
		for _, a := range p.Anchors {
			if a.Name == "part3" {
				part3 = p.Number
			}
		}
	}
	bad := 0
	for n := 1; n <= res.Pages && bad < 20; n++ {
		for _, b := range xmlTexts(t, path, n) {
			if !isFace(fs, b.font, hei) {
				continue
			}
			if strings.IndexFunc(b.s, fullWidthMark) >= 0 {
				t.Errorf("page %d: full-width punctuation in the Hei face: %q", n, b.s)
				bad++
			}
			// (the section headings, in Hei at 14 pt, print their year in
			// the Hei face with them: 一、2022年收支预算总体情况)
			if n >= part3 && n < res.Pages-1 && b.size < sizeSection && strings.ContainsAny(b.s, "0123456789") {
				t.Errorf("page %d (情况说明): figures in the Hei face: %q", n, b.s)
				bad++
			}
		}
	}
	// the 三公 table's header prints its brackets in the Song face
	r := tableRange(pages)[d.First(forms.KindSangong).Title]
	found := false
	for _, b := range xmlTexts(t, path, r[0]) {
		if strings.Contains(b.s, "（") && isFace(fs, b.font, song) && b.y1 < 200 {
			found = true
		}
	}
	if !found {
		t.Error("三公 header: no bracket in the Song face")
	}
}

// numbered: a two-sided table's top item, 一、 二、 ….
var numbered = regexp.MustCompile(`^[一二三四五六七八九十]+、`)

// 3. The two-sided tables: every numbered top item of a side with sub-items
// is bold (set in the Hei face, drawn twice), its sub-items indented; the
// empty 政府性基金 table's 合计 is bold.
func TestTwoSidedEmphasis(t *testing.T) {
	d := sample(t)
	path, _ := exported(t, d)
	pages := pagesOf(t, d)
	fs, _ := newFonts()
	for _, kind := range []forms.Kind{forms.KindSummary, forms.KindFiscal} {
		tb := d.First(kind)
		r := tableRange(pages)[tb.Title]
		texts := joinLines(xmlTexts(t, path, r[0]))
		find := func(label string) (pdfBox, bool) {
			for _, b := range texts {
				if squash(b.s) == squash(label) && b.y1 > 100 {
					return b, true
				}
			}
			return pdfBox{}, false
		}
		for pi, p := range tb.Panes {
			var tops, subs []pdfBox
			inTop := false
			for ri, row := range p.Rows {
				label := p.Label(ri)
				switch {
				case row.Computed() && !numbered.MatchString(label):
					inTop = false // 合计, 总计: the list above ends
					continue
				case numbered.MatchString(label):
					b, ok := find(label)
					if !ok {
						t.Errorf("%s: %q not found", tb.Title, label)
						continue
					}
					tops = append(tops, b)
					inTop = true
				case inTop && label != "":
					b, ok := find(label)
					if !ok {
						t.Errorf("%s: %q not found", tb.Title, label)
						continue
					}
					subs = append(subs, b)
				}
			}
			if len(subs) == 0 {
				continue // a plain list of numbered lines
			}
			for _, b := range tops {
				for _, f := range strings.Split(b.font, "|") {
					if !isFace(fs, f, hei) {
						t.Errorf("%s, side %d: the numbered item %q is not bold (%s)", tb.Title, pi+1, b.s, b.font)
					}
				}
				if abs(b.x1-tops[0].x1) > 1 {
					t.Errorf("%s: numbered items not aligned: %q at %.0f, %q at %.0f", tb.Title, b.s, b.x1, tops[0].s, tops[0].x1)
				}
			}
			for _, b := range subs {
				if b.x1 < tops[0].x1+0.8*sizeTable {
					t.Errorf("%s: the sub-item %q (at %.0f) is not indented under %q (at %.0f)", tb.Title, b.s, b.x1, tops[0].s, tops[0].x1)
				}
			}
		}
	}
	// the empty table's 合计 line
	tb := d.First(forms.KindFund)
	if !tb.Empty() {
		t.Fatal("the sample's 政府性基金 table is not empty")
	}
	r := tableRange(pages)[tb.Title]
	found := false
	for _, b := range xmlTexts(t, path, r[0]) {
		if squash(b.s) == "合计" && b.y1 > 150 {
			found = true
			if !isFace(fs, b.font, hei) {
				t.Errorf("the empty table's 合计 is not bold (%s)", b.font)
			}
		}
	}
	for _, b := range pages[r[0]-1].Boxes {
		if strings.Join(b.Lines, "") == "合计" && !b.Header && !b.Bold {
			t.Error("the empty table's 合计 box is not bold")
		}
	}
	if !found {
		t.Error("the empty table prints no 合计")
	}
}

// 4. The 支出总表: columns take widths by their content, so the longest
// 科目名称 prints at the table's size (not shrunk), and the empty figure
// columns are no wider than their wrapped header needs.
func TestColumnsByContent(t *testing.T) {
	d := sample(t)
	tb := d.First(forms.KindExpense)
	path, _ := exported(t, d)
	pages := pagesOf(t, d)
	r := tableRange(pages)[tb.Title]
	g := d.ShownGrid(tb)
	// the longest name of the table, from the document
	long := ""
	nameCol := -1
	for _, row := range g.Rows {
		for ci, c := range row.Cells {
			if !g.Columns[ci].Amount && utf8.RuneCountInString(c.Text) > utf8.RuneCountInString(long) && !strings.ContainsFunc(c.Text, func(r rune) bool { return r < 0x80 }) {
				long, nameCol = c.Text, ci
			}
		}
	}
	if utf8.RuneCountInString(long) < 15 {
		t.Fatalf("the longest name is %q", long)
	}
	words := bbox(t, path, r[0], false)
	var box *Box
	for i, b := range pages[r[0]-1].Boxes {
		if b.Col == nameCol && !b.Header && squash(strings.Join(b.Lines, "")) == squash(long) {
			box = &pages[r[0]-1].Boxes[i]
		}
	}
	if box == nil {
		t.Fatalf("%q not in a cell", long)
	}
	// a 9 pt Song line is 9 pt high in pdftotext's boxes
	lines := inside(words, box.X, box.Y, box.W, box.H)
	if squash(joinBoxes(lines)) != squash(long) {
		t.Fatalf("the cell reads %q", joinBoxes(lines))
	}
	for _, l := range lines {
		if h := l.y2 - l.y1; h < sizeTable-0.01 {
			t.Errorf("%q set %.2f pt high, smaller than the table's %v pt", l.s, h, sizeTable)
		}
	}
	// empty figure columns: no wider than their header's widest line, the
	// padding and an em
	empty := map[int]bool{}
	for ci, c := range g.Columns {
		if !c.Amount {
			continue
		}
		empty[ci] = true
		for _, row := range g.Rows {
			if row.Cells[ci].Text != "" {
				empty[ci] = false
			}
		}
	}
	n := 0
	for _, b := range pages[r[0]-1].Boxes {
		if !b.Header || b.Col < 0 || !empty[b.Col] {
			continue
		}
		n++
		widest := 0.0
		for _, l := range inside(words, b.X, b.Y, b.W, b.H) {
			widest = max(widest, l.x2-l.x1)
		}
		if b.W > widest+2*cellPad+sizeTable+0.01 {
			t.Errorf("the empty column %q is %.1f pt wide, its header's lines %.1f pt", g.Columns[b.Col].Label, b.W, widest)
		}
	}
	if n != 3 {
		t.Errorf("%d empty columns, the sample's 支出总表 has 3", n)
	}
	// and no figure of the sample's tables is set smaller than its table
	for _, p := range pages {
		size := 0.0
		for _, b := range p.Boxes {
			if b.Header {
				size = b.Size
			}
		}
		for _, b := range p.Boxes {
			if p.Table != "" && size > 0 && !b.Header && b.Align == AlignRight && len(b.Lines) > 0 && b.Size < size {
				t.Errorf("page %d: %q set at %v pt in a table at %v pt", p.Number, b.Lines, b.Size, size)
			}
		}
	}
}

func joinBoxes(bs []pdfBox) string {
	var s strings.Builder
	for _, b := range bs {
		s.WriteString(b.s)
	}
	return s.String()
}

// 4. A name too long for its column wraps at the table's size, the row
// growing; it is never set smaller, whatever its length.
func TestLongNameWrapsNotShrinks(t *testing.T) {
	base := "其他党委办公厅（室）及相关机构事务支出"
	for k := 0; k <= 24; k++ {
		d := sample(t)
		tb := d.First(forms.KindExpense)
		p := tb.Main()
		long := base + strings.Repeat("经费", k)
		found := false
		for ri := range p.Rows {
			if p.Rows[ri].Code == "2013199" {
				p.Rows[ri].Name = long
				found = true
			}
		}
		if !found {
			t.Fatal("2013199 not in the sample")
		}
		pages := pagesOf(t, d)
		checkBoxes(t, pages)
		var box *Box
		for _, pg := range pages {
			if pg.Table != tb.Title {
				continue
			}
			for i, b := range pg.Boxes {
				if strings.Join(b.Lines, "") == long {
					box = &pg.Boxes[i]
				}
			}
		}
		if box == nil {
			t.Fatalf("%d: the long name is not in a cell", k)
		}
		if box.Size != sizeTable {
			t.Errorf("%d: the name (%d characters) is set at %v pt in %d lines, not at the table's %v pt", k, utf8.RuneCountInString(long), box.Size, len(box.Lines), sizeTable)
		}
	}
}

// figureRE matches a figure of the 情况说明: 6677.45, 6,677.45, 100.00%.
var figureRE = regexp.MustCompile(`\d[\d,]*(\.\d+)?%?`)

// bodyLinesOf reads the 情况说明 and 部门概况 pages as pdftotext lines, in
// order, leaving out titles, headings and page numbers.
func bodyLinesOf(t *testing.T, path string, pages []*Page) []pdfBox {
	t.Helper()
	var out []pdfBox
	for _, p := range pages {
		if p.Table != "" || p.Number <= 2 {
			continue
		}
		body := map[float64]bool{} // baselines of body text
		for _, tx := range p.Texts {
			if tx.Face == song && tx.Size == sizeBody {
				body[tx.Y] = true
			}
		}
		for _, l := range bbox(t, path, p.Number, true) {
			for y := range body {
				if l.y1 < y && l.y2 > y-sizeBody*0.5 {
					out = append(out, l)
					break
				}
			}
		}
	}
	return out
}

// 5. Every full line of a paragraph ends at the right margin (the last line
// of a paragraph excepted), whatever it holds — figures, ASCII spaces; no
// figure is broken across lines; no line begins with a closing mark.
func TestJustifiedParagraphs(t *testing.T) {
	d := sample(t)
	path, _ := exported(t, d)
	pages := pagesOf(t, d)
	lines := bodyLinesOf(t, path, pages)
	if len(lines) < 40 {
		t.Fatalf("%d body lines", len(lines))
	}
	left, right := portrait.Left, portrait.W-portrait.Right
	full := 0
	for i, l := range lines {
		if first, _ := utf8.DecodeRuneInString(l.s); strings.ContainsRune(linebreak.Closers, first) {
			t.Errorf("line begins with %q: %q", first, l.s)
		}
		// a line followed by a continuation line (not indented) is full
		if i+1 < len(lines) && abs(lines[i+1].x1-left) < 1 {
			full++
			if abs(l.x2-right) > 0.6 {
				t.Errorf("full line ends at %.1f, the margin is at %.1f: %q", l.x2, right, l.s)
			}
		}
	}
	if full < 15 {
		t.Errorf("only %d full lines", full)
	}
	// the figures of the 情况说明, each on one line
	text := narrative.Text(d)
	var joined []string
	for _, l := range lines {
		joined = append(joined, squash(l.s))
	}
	all := strings.Join(joined, "\n")
	for _, fig := range figureRE.FindAllString(text, -1) {
		if !strings.Contains(all, fig) {
			t.Errorf("figure %s not whole on a line", fig)
		}
	}
}
