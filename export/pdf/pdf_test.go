package pdf

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf16"

	"yusuan/forms"
	"yusuan/forms/generate"
	"yusuan/forms/narrative"
)

var testDate = time.Date(2026, 11, 26, 9, 0, 0, 0, time.Local)

func init() { now = func() time.Time { return testDate } }

// tool finds a poppler program; the PDF tests fail (not skip) without it:
// scripts/deps.sh installs poppler-utils.
func tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is needed to read the exported PDF (Debian: poppler-utils, installed by scripts/deps.sh): %v", name, err)
	}
	return p
}

// exported writes d's PDF into a temporary folder.
func exported(t testing.TB, d *forms.Document) (string, *Result) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.pdf")
	res, err := Export(d, path)
	if err != nil {
		t.Fatal(err)
	}
	return path, res
}

// pdftext runs pdftotext -layout on the pages from..to (0: all).
func pdftext(t testing.TB, path string, from, to int) string {
	t.Helper()
	args := []string{"-layout", "-enc", "UTF-8"}
	if from > 0 {
		args = append(args, "-f", strconv.Itoa(from), "-l", strconv.Itoa(to))
	}
	out, err := exec.Command(tool(t, "pdftotext"), append(args, path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %v: %v", args, err)
	}
	return string(out)
}

// squash drops all white space: pdftotext spaces text by its position.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// pagesOf lays the document out and returns its pages (the second pass).
func pagesOf(t testing.TB, d *forms.Document) []*Page {
	t.Helper()
	fs, err := newFonts()
	if err != nil {
		t.Fatal(err)
	}
	var pages []*Page
	if _, err := layout(d, fs, testDate, func(p *Page) error { pages = append(pages, p); return nil }); err != nil {
		t.Fatal(err)
	}
	return pages
}

// tableRange gives the pages of each table, by the layout model.
func tableRange(pages []*Page) map[string][2]int {
	out := map[string][2]int{}
	for _, p := range pages {
		if p.Table == "" {
			continue
		}
		r, ok := out[p.Table]
		if !ok {
			r[0] = p.Number
		}
		r[1] = p.Number
		out[p.Table] = r
	}
	return out
}

func sample(t testing.TB) *forms.Document {
	t.Helper()
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The sample's PDF as pdftotext reads it: cover, parts, every table title
// and every figure on the table's own pages, the glossary, no missing glyph.
func TestSampleText(t *testing.T) {
	d := sample(t)
	path, res := exported(t, d)
	if len(res.Warnings) > 0 {
		t.Errorf("the sample needs characters the fonts lack: %v", res.Warnings)
	}
	// 31 pages: cover, 目录, 部门概况, the list of tables, 13 tables (项目支出表
	// 2 pages, 部门整体 2, 一级项目 forms 3, 二级项目 forms 8 at one or two a page),
	// 情况说明 about 3, 名词解释 2
	if res.Pages < 26 || res.Pages > 40 {
		t.Errorf("%d pages", res.Pages)
	}
	out, err := exec.Command(tool(t, "pdfinfo"), path).Output()
	if err != nil || !strings.Contains(string(out), fmt.Sprintf("Pages:           %d", res.Pages)) {
		t.Errorf("pdfinfo disagrees with %d pages: %v\n%s", res.Pages, err, out)
	}
	all := squash(pdftext(t, path, 0, 0))
	cover := squash(pdftext(t, path, 1, 1))
	for _, want := range []string{d.Meta.Name, "2022年部门预算", "示例数据"} {
		if !strings.Contains(cover, squash(want)) {
			t.Errorf("cover lacks %q:\n%s", want, cover)
		}
	}
	// the seed's cover has no date: none, not the day of the export
	if strings.Contains(cover, "2026年11月26日") { // the test's day of export
		t.Errorf("the cover carries a date the document does not give:\n%s", cover)
	}
	for _, h := range []string{part1, part2, part3, part4, sec1, sec2} {
		if !strings.Contains(all, squash(h)) {
			t.Errorf("no heading %q", h)
		}
	}
	for _, term := range d.GlossaryOf() {
		if !strings.Contains(all, squash(term.Term)+"：") {
			t.Errorf("glossary term %q missing", term.Term)
		}
	}
	pages := pagesOf(t, d)
	ranges := tableRange(pages)
	for _, tb := range d.Tables {
		r, ok := ranges[tb.Title]
		if !ok {
			t.Errorf("table %q has no page", tb.Title)
			continue
		}
		text := pdftext(t, path, r[0], r[1])
		if !strings.Contains(squash(text), squash(tb.Title)) {
			t.Errorf("title %q not on pages %v", tb.Title, r)
		}
		if tb.IsGrid() {
			checkFigures(t, d, tb, text)
		}
	}
	checkForms(t, d, ranges, path)
	// 第三部分: the generated 情况说明, every line of it (the section headings
	// as the seed prints them, TestExplanationHeadingsAsSeed), with the
	// seed's figures
	for _, line := range explanationLines(d) {
		if !strings.Contains(all, squash(line)) {
			t.Errorf("the PDF lacks the 情况说明 line %q", line)
		}
	}
	for _, fig := range []string{"占14.13%", "占85.87%", "占81.51%", "占18.49%", "占96.98%", "占1.35%", "占0.65%", "占1.02%",
		"2022年收支总预算6677.45万元，比上年增加5647.35万元", "下降3.96%"} {
		if !strings.Contains(all, fig) {
			t.Errorf("the PDF's 情况说明 lacks %q", fig)
		}
	}
}

// checkFigures: every non-zero figure of the table's grid is printed on the
// table's pages, as often as the grid has it.
func checkFigures(t *testing.T, d *forms.Document, tb *forms.Table, text string) {
	t.Helper()
	tokens := map[string]int{}
	for _, f := range strings.Fields(text) {
		tokens[f]++
	}
	need := map[string]int{}
	g := d.Grid(tb)
	for _, r := range g.Rows {
		for ci, c := range r.Cells {
			if !g.Columns[ci].Amount || c.Text == "" || c.Row < 0 {
				continue
			}
			if tb.Panes[c.Pane].Rows[c.Row].Cells[c.Col].Value == 0 {
				continue
			}
			need[c.Text]++
		}
	}
	if len(need) == 0 && !tb.Empty() {
		t.Errorf("%s: no figures found in the grid", tb.Title)
	}
	for fig, n := range need {
		if tokens[fig] < n {
			t.Errorf("%s: figure %s printed %d times, the grid has it %d times", tb.Title, fig, tokens[fig], n)
		}
	}
}

// checkForms: each 绩效 form's project name and 年度资金总额 on its table's pages.
func checkForms(t *testing.T, d *forms.Document, ranges map[string][2]int, path string) {
	t.Helper()
	for _, tb := range d.TablesOf(forms.KindPerfProject) {
		r := ranges[tb.Title]
		text := squash(pdftext(t, path, r[0], r[1]))
		for _, i := range d.Perf.ProjectsAt(tb.Def.ProjectLevel) {
			p := d.Perf.Projects[i]
			for _, want := range []string{p.Name, tb.Show(p.Money.TotalValue())} {
				if !strings.Contains(text, squash(want)) {
					t.Errorf("%s: form of %q lacks %q", tb.Title, p.Name, want)
				}
			}
		}
	}
}

// The 目录 prints each part's and table's page, and that page shows it.
func TestContentsPageNumbers(t *testing.T) {
	d := sample(t)
	path, _ := exported(t, d)
	pages := pagesOf(t, d)
	lastTOC := 2
	for _, p := range pages {
		if p.Number > 2 && len(p.Anchors) > 0 && p.Anchors[0].Name == "part1" {
			lastTOC = p.Number - 1
		}
	}
	toc := pdftext(t, path, 2, lastTOC)
	lines := strings.Split(toc, "\n")
	fs, _ := newFonts()
	l := newLayouter(d, fs, testDate, nil)
	entries := l.contentsEntries()
	if len(entries) != 4+2+len(d.Tables) {
		t.Fatalf("%d entries in the 目录", len(entries))
	}
	lineRE := regexp.MustCompile(`^(.*?)[·\s]*(\d+)\s*$`)
	for _, e := range entries {
		var page int
		for _, ln := range lines {
			m := lineRE.FindStringSubmatch(strings.TrimSpace(ln))
			if m != nil && squash(m[1]) == squash(e.Title) {
				page, _ = strconv.Atoi(m[2])
			}
		}
		if page == 0 {
			t.Errorf("目录 has no line %q with a page number:\n%s", e.Title, toc)
			continue
		}
		want := e.Title
		if e.Level == 1 && strings.HasPrefix(e.Anchor, "t") {
			want = d.Tables[mustAtoi(e.Anchor[1:])-1].Title
		}
		on := squash(pdftext(t, path, page, page))
		if !strings.Contains(on, squash(want)) {
			t.Errorf("目录 says %q is on page %d, which reads:\n%s", e.Title, page, on)
		}
		// and it is the first page that shows it after the 目录 and the list of tables
		for p := lastTOC + 1; p < page; p++ {
			if e.Level == 1 && strings.HasPrefix(e.Anchor, "t") && strings.Contains(squash(pdftext(t, path, p, p)), squash(want)+"（续表）") {
				t.Errorf("%q is continued on page %d before the page %d the 目录 gives", want, p, page)
			}
		}
	}
}

func mustAtoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// The 情况说明 prints every line of narrative.Text, headings as headings.
func TestExplanationLines(t *testing.T) {
	d := sample(t)
	d.Text.Explanation = strings.Join([]string{
		"一、收支预算总体情况",
		"按照综合预算的原则，本部门所有收入和支出均纳入部门预算管理，2022年收支总预算6677.45万元。",
		"二、其他重要事项的说明",
		"（一）机关运行经费",
		"2022年机关运行经费财政拨款预算174.40万元，比上年减少7.20万元，主要原因是压减一般性支出。这一段文字足够长，可以检验段落的折行：每一行都不超出版心，首行缩进两个字。",
		"（二）政府采购情况",
		"2022年政府采购预算总额5545.20万元。",
	}, "\n")
	text := narrative.Text(d)
	if !strings.Contains(text, "政府采购预算总额5545.20万元") {
		t.Fatalf("narrative.Text does not use the hand-written text:\n%s", text)
	}
	path, _ := exported(t, d)
	pages := pagesOf(t, d)
	from, to := 0, 0
	for _, p := range pages {
		for _, a := range p.Anchors {
			switch a.Name {
			case "part3":
				from = p.Number
			case "part4":
				to = p.Number - 1
			}
		}
	}
	got := squash(pdftext(t, path, from, to))
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.Contains(got, squash(line)) {
			t.Errorf("情况说明 line missing: %q", line)
		}
	}
	// headings in the Hei face, paragraphs in Song, indented
	kinds := map[string]int{}
	for _, p := range pages[from-1 : to] {
		for _, tx := range p.Texts {
			switch {
			case tx.Face == hei && tx.Size == sizeSection:
				kinds["section"]++
			case tx.Face == hei && tx.Size == sizeSub:
				kinds["sub"]++
			case tx.Face == song && tx.Size == sizeBody:
				kinds["body"]++
			}
		}
	}
	if kinds["section"] != 2 || kinds["sub"] != 2 || kinds["body"] < 4 {
		t.Errorf("lines by role: %v", kinds)
	}
	if lineKind("一、本部门2022年收支总预算6677.45万元，比上年增加。") != 0 || lineKind("（一）机关运行经费") != 2 || lineKind("十、其他重要事项的说明") != 1 {
		t.Error("heading rules")
	}
}

// outlineEntry is a bookmark as the PDF file holds it.
type outlineEntry struct {
	id, parent int
	title      string
}

// readOutline finds the outline items in the PDF bytes: objects with a
// /Title (UTF-16BE hex) and a /Dest.
func readOutline(t *testing.T, data []byte) []outlineEntry {
	t.Helper()
	objRE := regexp.MustCompile(`(?s)(\d+) 0 obj\s*<<(.*?)>>\s*endobj`)
	titleRE := regexp.MustCompile(`/Title <([0-9A-Fa-f]+)>`)
	parentRE := regexp.MustCompile(`/Parent (\d+) 0 R`)
	var out []outlineEntry
	for _, m := range objRE.FindAllSubmatch(data, -1) {
		body := m[2]
		tm := titleRE.FindSubmatch(body)
		if tm == nil || !bytes.Contains(body, []byte("/Dest")) {
			continue
		}
		raw, err := hex.DecodeString(string(tm[1]))
		if err != nil || len(raw) < 2 || raw[0] != 0xFE || raw[1] != 0xFF {
			t.Fatalf("outline title not UTF-16BE: %s", tm[1])
		}
		u := make([]uint16, 0, len(raw)/2)
		for i := 2; i+1 < len(raw); i += 2 {
			u = append(u, uint16(raw[i])<<8|uint16(raw[i+1]))
		}
		e := outlineEntry{title: string(utf16.Decode(u))}
		e.id, _ = strconv.Atoi(string(m[1]))
		if pm := parentRE.FindSubmatch(body); pm != nil {
			e.parent, _ = strconv.Atoi(string(pm[1]))
		}
		out = append(out, e)
	}
	return out
}

// The outline: the 目录 and the four parts at the top, the two sections
// under 第一部分, every table under 第二部分.
func TestOutline(t *testing.T) {
	d := sample(t)
	path, _ := exported(t, d)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	entries := readOutline(t, data)
	var top []string
	under := map[string][]string{}
	byID := map[int]string{}
	for _, e := range entries {
		byID[e.id] = e.title
	}
	for _, e := range entries {
		if p, ok := byID[e.parent]; ok {
			under[p] = append(under[p], e.title)
		} else if e.parent == outlinesObjID {
			top = append(top, e.title)
		} else {
			t.Errorf("outline entry %q has parent %d", e.title, e.parent)
		}
	}
	if strings.Join(top, "|") != strings.Join([]string{contentsMark, part1, part2, part3, part4}, "|") {
		t.Errorf("top-level outline: %q", top)
	}
	if strings.Join(under[part1], "|") != sec1+"|"+sec2 {
		t.Errorf("under %s: %q", part1, under[part1])
	}
	var want []string
	for i, tb := range d.Tables {
		want = append(want, tableEntry(i, tb))
	}
	if strings.Join(under[part2], "|") != strings.Join(want, "|") {
		t.Errorf("tables in the outline:\n%q\nwant\n%q", under[part2], want)
	}
	// a link from every 目录 line and from every line of the list of tables
	if n, want := bytes.Count(data, []byte("/Subtype /Link")), 6+2*len(d.Tables); n != want || !bytes.Contains(data, []byte("/Outlines")) {
		t.Errorf("%d links, want %d", n, want)
	}
	// poppler reads the same tree, each entry pointing at its page
	xml, err := exec.Command(tool(t, "pdftohtml"), "-xml", "-i", "-stdout", "-q", "-f", "1", "-l", "1", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	anchors := map[string]int{}
	for _, p := range pagesOf(t, d) {
		for _, a := range p.Anchors {
			anchors[a.Name] = p.Number
		}
		if anchors["contents"] == 0 && p.Number > 1 && strings.Contains(squash(pdftext(t, path, p.Number, p.Number)), "目录") {
			anchors["contents"] = p.Number // the 目录 has no anchor: its page is the first after the cover naming it
		}
	}
	var wantXML strings.Builder
	wantXML.WriteString("<outline>")
	item := func(anchor, title string) {
		fmt.Fprintf(&wantXML, `<item page="%d">%s</item>`, anchors[anchor], title)
	}
	item("contents", contentsMark)
	item("part1", part1)
	wantXML.WriteString("<outline>")
	item("part1-1", sec1)
	item("part1-2", sec2)
	wantXML.WriteString("</outline>")
	item("part2", part2)
	wantXML.WriteString("<outline>")
	for i, tb := range d.Tables {
		item(tableAnchor(i), tableEntry(i, tb))
	}
	wantXML.WriteString("</outline>")
	item("part3", part3)
	item("part4", part4)
	wantXML.WriteString("</outline>")
	got := regexp.MustCompile(`(?s)<outline>.*</outline>`).Find(xml)
	if squash(string(got)) != squash(wantXML.String()) {
		t.Errorf("poppler's outline:\n%s\nwant\n%s", got, wantXML.String())
	}
}

// A table the document does not provide prints its title and says so; a
// 单位's document is a 单位预算.
func TestAbsentTableAndUnitLevel(t *testing.T) {
	d := sample(t)
	d.Table("sangong").Absent = true
	d.Meta.Level = forms.LevelUnit
	path, _ := exported(t, d)
	if cover := squash(pdftext(t, path, 1, 1)); !strings.Contains(cover, "2022年单位预算") {
		t.Errorf("cover of a 单位: %s", cover)
	}
	pages := pagesOf(t, d)
	sg := d.Table("sangong")
	r := tableRange(pages)[sg.Title]
	if r[0] == 0 || r[0] != r[1] {
		t.Fatalf("absent table on pages %v", r)
	}
	text := squash(pdftext(t, path, r[0], r[0]))
	if !strings.Contains(text, squash(sg.Title)) || !strings.Contains(text, absentNote) || strings.Contains(text, "51.28") {
		t.Errorf("absent table page:\n%s", text)
	}
	if n := len(pages[r[0]-1].Boxes); n != 0 {
		t.Errorf("absent table drew %d cells", n)
	}
}

// A character neither font has is reported with where it is, and drawn as
// a visible box; the export still succeeds.
func TestMissingGlyph(t *testing.T) {
	d := sample(t)
	d.Text.Functions += "\n（十一）测试字符𪚥和🙂。"
	_, res := exported(t, d)
	joined := strings.Join(res.Warnings, "\n")
	for _, want := range []string{"𪚥", "🙂", part1} {
		if !strings.Contains(joined, want) {
			t.Errorf("warning lacks %q: %v", want, res.Warnings)
		}
	}
	fs, _ := newFonts()
	if got := fs.runs("a𪚥", song); len(got) != 1 || got[0].text != "a"+string(notDef) {
		t.Errorf("runs: %+v", got)
	}
}

// Every box of every page holds its text: each line within the box's width
// less padding, all lines within its height.
func checkBoxes(t *testing.T, pages []*Page) {
	t.Helper()
	fs, _ := newFonts()
	bad := 0
	for _, p := range pages {
		right := p.Geo.W - p.Geo.Right + 0.01
		bottom := p.Geo.H - p.Geo.Bottom + 0.01
		for _, b := range p.Boxes {
			if b.X+b.W > right || b.Y+b.H > bottom || b.X < p.Geo.Left-0.01 || b.Y < p.Geo.Top-0.01 {
				t.Errorf("page %d: box %+v outside the margins", p.Number, b)
				bad++
			}
			for _, line := range b.Lines {
				if w := fs.width(line, b.Face, b.Size); w > b.W-2*b.Pad+0.02 {
					t.Errorf("page %d: %q (%.1f pt) overflows its cell of %.1f pt", p.Number, line, w, b.W-2*b.Pad)
					bad++
				}
			}
			if h := float64(len(b.Lines)) * b.Lead; h > b.H+0.02 {
				t.Errorf("page %d: %d lines (%.1f pt) overflow a cell %.1f pt high: %q", p.Number, len(b.Lines), h, b.H, b.Lines)
				bad++
			}
			if bad > 20 {
				t.Fatal("too many")
			}
		}
		for _, tx := range p.Texts {
			if w := fs.width(tx.S, tx.Face, tx.Size); tx.X < p.Geo.Left-0.01 || tx.X+w > right {
				t.Errorf("page %d: text %q runs outside the margins", p.Number, tx.S)
			}
		}
	}
}

// A long project name wraps (or shrinks) inside its cell; nothing overflows.
func TestLongNameStaysInCell(t *testing.T) {
	d := sample(t)
	pt := d.First(forms.KindProjects)
	p := pt.Main()
	long := "市委视频会议系统运行维护及驻场服务费（含全市党政机关视频会议专网、会场设备更新改造和驻场技术人员服务）"
	found := false
	for ri, r := range p.Rows {
		if r.Project != nil && r.Project.L2 == "机要密码维护费" {
			pr := *r.Project
			pr.L2 = long
			if err := p.SetProject(ri, pr); err != nil {
				t.Fatal(err)
			}
			found = true
		}
	}
	if !found {
		t.Fatal("sample project not found")
	}
	pages := pagesOf(t, d)
	checkBoxes(t, pages)
	fs, _ := newFonts()
	var box *Box
	for _, pg := range pages {
		for i, b := range pg.Boxes {
			if strings.Join(b.Lines, "") == long {
				box = &pg.Boxes[i]
			}
		}
	}
	if box == nil {
		t.Fatal("the long name is not in any cell")
	}
	if len(box.Lines) < 2 && box.Size >= sizeTable {
		t.Errorf("long name neither wrapped nor shrunk: %+v", box)
	}
	if fs.width(long, box.Face, box.Size) <= box.W-2*box.Pad {
		t.Errorf("the test name is not long enough for its cell (%.0f pt)", box.W)
	}
}

// The layout model of tables: header spans, landscape for wide tables,
// continued pages with （续表） and the header again.
func TestGridLayout(t *testing.T) {
	d, err := generate.Document(generate.Size{Units: 30, Lines: 200, Projects: 150, L1: 12}, 3)
	if err != nil {
		t.Fatal(err)
	}
	pages := pagesOf(t, d)
	checkBoxes(t, pages)
	byTable := map[string][]*Page{}
	for _, p := range pages {
		if p.Table != "" {
			byTable[p.Table] = append(byTable[p.Table], p)
		}
	}
	general := d.First(forms.KindGeneral)
	gp := byTable[general.Title]
	if len(gp) < 2 {
		t.Fatalf("the general table of 200 lines takes %d pages", len(gp))
	}
	g := d.Grid(general)
	header := func(p *Page) []Box {
		var hs []Box
		for _, b := range p.Boxes {
			if b.Header {
				hs = append(hs, b)
			}
		}
		return hs
	}
	first := header(gp[0])
	for i, p := range gp {
		if p.Landscape {
			t.Errorf("general table page %d is landscape", p.Number)
		}
		if p.Continued != (i > 0) {
			t.Errorf("page %d of the general table: continued %v", p.Number, p.Continued)
		}
		title := general.Title
		if i > 0 {
			title += "（续表）"
		}
		if len(p.Texts) == 0 || p.Texts[0].S != title {
			t.Errorf("page %d starts with %+v, want the title %q", p.Number, p.Texts[0], title)
		}
		hs := header(p)
		if len(hs) != len(first) {
			t.Errorf("page %d: %d header cells, first page %d", p.Number, len(hs), len(first))
		}
		// the lines continue where the previous page stopped
		if i > 0 {
			prevLast, firstHere := lastRow(gp[i-1]), firstRow(p)
			if firstHere != prevLast+1 {
				t.Errorf("page %d starts at line %d, previous page ended at %d", p.Number, firstHere, prevLast)
			}
		}
	}
	if lastRow(gp[len(gp)-1]) != len(g.Rows)-1 {
		t.Errorf("the general table ends at line %d of %d", lastRow(gp[len(gp)-1]), len(g.Rows))
	}
	// spans: the 基本支出 group cell covers its three columns, the others
	// run down both header lines
	spans := g.Spans()
	var groupBox, leafTop *Box
	for i := range first {
		b := &first[i]
		if b.Col == -1 {
			groupBox = b
		}
	}
	if groupBox == nil || strings.Join(groupBox.Lines, "") != "基本支出" {
		t.Fatalf("no 基本支出 group cell: %+v", first)
	}
	var covered float64
	ungrouped := 0
	for _, sp := range spans {
		if g.Columns[sp[0]].Group == "" {
			ungrouped += sp[1] - sp[0]
			continue
		}
		for i := range first {
			if first[i].Col >= sp[0] && first[i].Col < sp[1] {
				covered += first[i].W
				leafTop = &first[i]
			}
		}
	}
	if abs(covered-groupBox.W) > 0.01 || leafTop.Y != groupBox.Y+groupBox.H {
		t.Errorf("group cell %.1f wide at %.1f, its columns %.1f wide below at %.1f", groupBox.W, groupBox.Y, covered, leafTop.Y)
	}
	tall := 0
	for _, b := range first {
		if b.Col >= 0 && g.Columns[b.Col].Group == "" {
			if abs(b.H-(groupBox.H+leafTop.H)) > 0.01 {
				t.Errorf("ungrouped header %q is %.1f high, not both lines", b.Lines, b.H)
			}
			tall++
		}
	}
	if tall != ungrouped {
		t.Errorf("%d ungrouped header cells, want %d", tall, ungrouped)
	}
	// the income table of 31 units × 20 columns, and the project table,
	// are too wide for portrait
	for _, k := range []forms.Kind{forms.KindIncome, forms.KindProjects} {
		tb := d.First(k)
		for _, p := range byTable[tb.Title] {
			if !p.Landscape {
				t.Errorf("%s page %d is portrait", tb.Title, p.Number)
			}
		}
	}
	// the 三公 table fits portrait
	for _, p := range byTable[d.First(forms.KindSangong).Title] {
		if p.Landscape {
			t.Error("三公 table landscape")
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func firstRow(p *Page) int {
	for _, b := range p.Boxes {
		if b.Row >= 0 {
			return b.Row
		}
	}
	return -1
}

func lastRow(p *Page) int {
	last := -1
	for _, b := range p.Boxes {
		if b.Row >= 0 {
			last = b.Row
		}
	}
	return last
}

// Every box of the sample's pages holds its text.
func TestSampleBoxesFit(t *testing.T) {
	checkBoxes(t, pagesOf(t, sample(t)))
}

// A mid-size generated document: every project name is in the PDF (in the
// project table and on its 绩效 form).
func TestGeneratedProjectNames(t *testing.T) {
	d, err := generate.Document(generate.Size{Units: 8, Lines: 120, Projects: 240, L1: 16}, 11)
	if err != nil {
		t.Fatal(err)
	}
	path, res := exported(t, d)
	if len(res.Warnings) > 0 {
		t.Errorf("warnings: %v", res.Warnings)
	}
	text := squash(pdftext(t, path, 0, 0))
	p := d.First(forms.KindProjects).Main()
	n := 0
	for _, r := range p.Rows {
		if r.Project == nil {
			continue
		}
		n++
		if c := strings.Count(text, squash(r.Project.L2)); c < 2 {
			t.Errorf("project %q printed %d times (table and form)", r.Project.L2, c)
		}
	}
	if n != 240 {
		t.Errorf("%d projects", n)
	}
}

// Export replaces the file atomically and leaves no temporary file.
func TestExportFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "公开文本.pdf")
	os.WriteFile(path, []byte("old"), 0o644)
	if _, err := Export(sample(t), path); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data[len(data)-64:], []byte("%%EOF")) {
		t.Error("not a PDF")
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("folder holds %d files", len(es))
	}
	if _, err := Export(sample(t), filepath.Join(dir, "无此文件夹", "a.pdf")); err == nil || !strings.Contains(err.Error(), "无法") {
		t.Errorf("export into a missing folder: %v", err)
	}
}

func benchExport(b *testing.B, large bool) {
	d, err := generate.BenchDocument(large)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	var res *Result
	for b.Loop() {
		buf.Reset()
		res, err = WriteTo(d, &buf)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Pages), "pages")
	b.ReportMetric(float64(buf.Len())/1e6, "MB")
}

func BenchmarkPDFSample(b *testing.B) { benchExport(b, false) }
func BenchmarkPDFLarge(b *testing.B)  { benchExport(b, true) }

// Lines break between characters, never inside a figure or a code, never
// before closing or after opening punctuation.
func TestWrapRules(t *testing.T) {
	fs, err := newFonts()
	if err != nil {
		t.Fatal(err)
	}
	s := "收支总预算6677.45万元，比上年增加5647.35万元（主要是“工程”经费）。"
	for w := 30.0; w <= 200; w += 7 {
		lines := fs.wrap(s, song, 12, w, 0)
		if strings.Join(lines, "") != s {
			t.Fatalf("width %.0f: text changed: %q", w, lines)
		}
		for i, line := range lines {
			r := []rune(line)
			if w < 40 { // narrower than a word with its punctuation: broken between characters
				continue
			}
			if i > 0 && strings.ContainsRune(noLineStart, r[0]) {
				t.Errorf("width %.0f: line starts with %q: %q", w, r[0], lines)
			}
			if i < len(lines)-1 && strings.ContainsRune(noLineEnd, r[len(r)-1]) {
				t.Errorf("width %.0f: line ends with %q: %q", w, r[len(r)-1], lines)
			}
			if fs.width(line, song, 12) > w+0.01 && len(r) > 1 && w >= 60 {
				t.Errorf("width %.0f: %q is %.1f wide", w, line, fs.width(line, song, 12))
			}
		}
		if w >= 60 {
			for _, fig := range []string{"6677.45", "5647.35"} {
				if !strings.Contains(strings.Join(lines, "\n"), fig) {
					t.Errorf("width %.0f: figure %s broken: %q", w, fig, lines)
				}
			}
		}
	}
	if got := fs.balanced("事业单位经营支出", hei, 9, 40); strings.Join(got, "|") != "事业单位|经营支出" {
		t.Errorf("balanced header: %q", got)
	}
}

// A 绩效 form broken across pages repeats, on the next page, the labels
// running down its lines and the heads of its indicator grid.
func TestFormContinues(t *testing.T) {
	d := sample(t)
	pages := pagesOf(t, d)
	title := d.First(forms.KindPerfDept).Title
	var dept []*Page
	for _, p := range pages {
		if p.Table == title {
			dept = append(dept, p)
		}
	}
	if len(dept) != 2 {
		t.Fatalf("the 部门整体 form takes %d pages", len(dept))
	}
	has := func(p *Page, s string) bool {
		for _, b := range p.Boxes {
			if strings.Join(b.Lines, "") == s {
				return true
			}
		}
		return false
	}
	for _, s := range []string{forms.LabelIndicators, "三级指标", "产出指标"} {
		if !has(dept[0], s) || !has(dept[1], s) {
			t.Errorf("%q not on both pages of the form", s)
		}
	}
	if has(dept[1], forms.LabelDeptName) {
		t.Error("the form's first lines printed again")
	}
	if !dept[1].Continued || dept[1].Texts[0].S != title+"（续表）" {
		t.Errorf("continued page starts with %q", dept[1].Texts[0].S)
	}
}
