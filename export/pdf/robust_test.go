package pdf

import (
	"fmt"
	"github.com/signintech/gopdf/fontmaker/core"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"yusuan/assets"
	"yusuan/forms"
)

// checkTexts: every line of text lies inside the page's margins, top to
// bottom as well as left to right, and no two lines overlap.
func checkTexts(t *testing.T, pages []*Page) {
	t.Helper()
	fs, _ := newFonts()
	bad := 0
	for _, p := range pages {
		type rect struct{ x1, y1, x2, y2 float64 }
		var rs []rect
		for _, tx := range p.Texts {
			w := fs.width(tx.S, tx.Face, tx.Size)
			r := rect{tx.X, tx.Y - 0.86*tx.Size, tx.X + w, tx.Y + 0.14*tx.Size}
			if r.x1 < p.Geo.Left-0.01 || r.x2 > p.Geo.W-p.Geo.Right+0.01 || r.y1 < p.Geo.Top-0.01 || r.y2 > p.Geo.H-p.Geo.Bottom+0.01 {
				t.Errorf("page %d: text %.30q at (%.1f, %.1f) outside the margins", p.Number, tx.S, tx.X, tx.Y)
				bad++
			}
			for _, o := range rs {
				if r.x1 < o.x2-0.01 && o.x1 < r.x2-0.01 && r.y1 < o.y2-0.01 && o.y1 < r.y2-0.01 {
					t.Errorf("page %d: text %.30q at (%.1f, %.1f) overlaps another line", p.Number, tx.S, tx.X, tx.Y)
					bad++
					break
				}
			}
			rs = append(rs, r)
			if bad > 20 {
				t.Fatal("too many")
			}
		}
	}
}

// footers matches the page numbers in squashed pdftotext output.
var footers = regexp.MustCompile(`—\d+—`)

// A very long 单位名称 shrinks on the cover and wraps in the 编制单位 line;
// a very long remark runs on: nothing overlaps, nothing leaves the page,
// every character is in the PDF.
func TestLongNameAndRemark(t *testing.T) {
	d := sample(t)
	d.Meta.Name = strings.Repeat("中共吉林市委员会办公室机要保密局", 14) // 224 characters
	d.Meta.Remark = strings.Repeat("本文件按公开文本重建，数字与公开文本一致。", 120)
	d.Meta.Date = "2023年1月18日" // the 编制日期 after a long remark
	pages := pagesOf(t, d)
	checkBoxes(t, pages)
	checkTexts(t, pages)
	path, _ := exported(t, d)
	if cover := squash(pdftext(t, path, 1, 1)); !strings.Contains(cover, d.Meta.Name) || !strings.Contains(cover, "2022年部门预算") {
		t.Errorf("cover lacks the name or the title:\n%s", cover)
	}
	all := footers.ReplaceAllString(squash(pdftext(t, path, 0, 0)), "")
	if !strings.Contains(all, squash(d.Meta.Remark)) || !strings.Contains(all, "2023年1月18日") || strings.Contains(all, "2026年11月26日") {
		t.Error("the remark or the date is lost")
	}
	r := tableRange(pages)[d.Tables[0].Title]
	text := strings.Replace(squash(pdftext(t, path, r[0], r[0])), "单位：万元", "", 1)
	if !strings.Contains(text, "编制单位："+d.Meta.Name) {
		t.Errorf("table page lacks the 编制单位 line:\n%s", text)
	}
}

// The sample's pages pass the text check too.
func TestSampleTextsFit(t *testing.T) {
	checkTexts(t, pagesOf(t, sample(t)))
}

// A line of a table taller than a page (a project name of 3,000
// characters) runs on over the next pages, each with the title （续表） and
// the header: every character is printed, inside its cells.
func TestTallLineRunsOn(t *testing.T) {
	d := sample(t)
	pt := d.First(forms.KindProjects)
	p := pt.Main()
	long := strings.Repeat("机要密码维护费用项目", 300)
	for ri, r := range p.Rows {
		if r.Project != nil && r.Project.L2 == "机要密码维护费" {
			pr := *r.Project
			pr.L2 = long
			if err := p.SetProject(ri, pr); err != nil {
				t.Fatal(err)
			}
		}
	}
	pages := pagesOf(t, d)
	checkBoxes(t, pages)
	checkTexts(t, pages)
	var got strings.Builder
	row, n := -1, 0
	for _, pg := range pages {
		if pg.Table != pt.Title {
			continue
		}
		n++
		for _, b := range pg.Boxes {
			if strings.HasPrefix(strings.Join(b.Lines, ""), "机要密码维护费用项目机要") {
				row = b.Row
			}
			if b.Row == row && row >= 0 && !b.Header && b.Align == AlignLeft && strings.Contains(strings.Join(b.Lines, ""), "机要密码维护") {
				got.WriteString(strings.Join(b.Lines, ""))
			}
		}
	}
	if got.String() != long {
		t.Errorf("the long name is printed as %d of its %d characters", len([]rune(got.String())), len([]rune(long)))
	}
	if n < 3 {
		t.Errorf("the project table takes %d pages", n)
	}
}

// A 绩效 form's text taller than a page (a 年度绩效目标 of 4,000
// characters, an indicator of 2,000) runs on over the next pages, its label
// and the indicator grid's heads printed again: every character is printed,
// inside its cells.
func TestTallFormTextRunsOn(t *testing.T) {
	d := sample(t)
	var gb, ib strings.Builder
	for i := range 200 {
		fmt.Fprintf(&gb, "第%d句：完成本项目年度任务，保障各项工作顺利开展。", i+1)
		fmt.Fprintf(&ib, "会议保障服务对象满意度%d", i+1)
	}
	goal, ind := gb.String(), ib.String()
	pf := &d.Perf.Projects[0]
	pf.Goal = goal
	pf.Indicators[0].L3 = ind
	pages := pagesOf(t, d)
	checkBoxes(t, pages)
	checkTexts(t, pages)
	// the boxes holding pieces of a text, in order
	collect := func(text string) (string, []*Page) {
		var got strings.Builder
		var on []*Page
		for _, pg := range pages {
			for _, b := range pg.Boxes {
				if s := strings.Join(b.Lines, ""); !b.Fill && len(s) > 40 && strings.Contains(text, s) {
					got.WriteString(s)
					on = append(on, pg)
				}
			}
		}
		return got.String(), on
	}
	got, on := collect(goal)
	if got != goal {
		t.Fatalf("the goal is printed as %d of its %d characters", len([]rune(got)), len([]rune(goal)))
	}
	if len(on) < 2 {
		t.Fatalf("the goal is on %d pages", len(on))
	}
	has := func(p *Page, s string) bool {
		for _, b := range p.Boxes {
			if strings.Join(b.Lines, "") == s {
				return true
			}
		}
		return false
	}
	for _, pg := range on {
		if !has(pg, forms.LabelGoal) {
			t.Errorf("page %d: a piece of the goal without its label", pg.Number)
		}
	}
	got, on = collect(ind)
	if got != ind {
		t.Fatalf("the indicator is printed as %d of its %d characters", len([]rune(got)), len([]rune(ind)))
	}
	for _, pg := range on {
		if !has(pg, "三级指标") {
			t.Errorf("page %d: a piece of the indicator grid without its heads", pg.Number)
		}
	}
}

// In a table too wide for a landscape page even at the smallest size (the
// income table with every column holding eleven-digit figures) the figures
// are set smaller, never broken over two lines: pdftotext reads each whole.
func TestFiguresNeverBreak(t *testing.T) {
	d := sample(t)
	tb := d.First(forms.KindIncome)
	p := tb.Main()
	var cells []forms.GivenCell
	for ri, r := range p.Rows {
		for ci, c := range p.Columns {
			if !r.Computed() && !c.Text && !c.Computed() {
				cells = append(cells, forms.GivenCell{Row: ri, Col: ci, Value: 3333333333333})
			}
		}
	}
	if err := p.GiveAll(cells); err != nil {
		t.Fatal(err)
	}
	pages := pagesOf(t, d)
	checkBoxes(t, pages)
	n := 0
	for _, pg := range pages {
		if pg.Table != tb.Title {
			continue
		}
		for _, b := range pg.Boxes {
			if b.Align == AlignRight && !b.Header {
				n++
				if len(b.Lines) > 1 {
					t.Errorf("page %d: figure broken over lines: %q", pg.Number, b.Lines)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no figures")
	}
	path, _ := exported(t, d)
	r := tableRange(pages)[tb.Title]
	checkFigures(t, d, tb, pdftext(t, path, r[0], r[1]))
}

// An amount keeps its unit on its line: 0.00万元, never 0.00万 | 元.
func TestAmountKeepsUnit(t *testing.T) {
	fs, err := newFonts()
	if err != nil {
		t.Fatal(err)
	}
	s := "2023年一般公共预算基本支出0.00万元，其中人员经费12345.67万元，公用经费0.00元，合计1.5亿元。"
	for w := 70.0; w <= 480; w += 3 {
		lines := fs.wrap(s, song, 12, w, 24)
		if strings.Join(lines, "") != s {
			t.Fatalf("width %.0f: text changed: %q", w, lines)
		}
		for i := 1; i < len(lines); i++ {
			prev := []rune(lines[i-1])
			last := prev[len(prev)-1]
			first := []rune(lines[i])[0]
			if (last == '万' || last == '亿') && first == '元' {
				t.Errorf("width %.0f: unit broken: %q", w, lines)
			}
			// an amount apart from its unit only when both do not fit a line
			if (first == '万' || first == '元' || first == '亿') && last >= '0' && last <= '9' {
				amount := lines[i-1][strings.LastIndexFunc(lines[i-1], func(r rune) bool { return !wordRune(r) })+1:]
				unit := lines[i][:strings.IndexAny(lines[i], "，。")+len("，")]
				if fs.width(amount+unit, song, 12) <= w {
					t.Errorf("width %.0f: unit apart from its amount: %q", w, lines)
				}
			}
		}
	}
	// narrower than an amount with its unit: the amount stays whole, the
	// unit goes to the next line, no line starts with closing punctuation
	lines := fs.wrap("收支总预算6677.45万元，比上年增加", song, 12, 50, 0)
	joined := strings.Join(lines, "|")
	if !strings.Contains(joined, "|6677.45|万元，") || strings.Contains(joined, "|，") {
		t.Errorf("narrow: %q", lines)
	}
}

// A long note under a table's title runs on to the table's next page,
// which has the title （续表）; the grid's header never stands at a page's
// foot without a line under it.
func TestLongNoteContinues(t *testing.T) {
	for n := 40; n <= 64; n++ {
		d := sample(t)
		tb := d.First(forms.KindGeneral)
		tb.Note = strings.Repeat("本表说明：人员经费包括基本工资、津贴补贴等，公用经费包括办公费、印刷费等。", n)
		pages := pagesOf(t, d)
		checkBoxes(t, pages)
		checkTexts(t, pages)
		seen := false
		for _, p := range pages {
			if p.Number > 1 && pages[p.Number-2].Table == tb.Title && p.Table == "" && len(p.Anchors) == 0 {
				t.Errorf("note of %d: page %d continues the table without its title", n, p.Number)
			}
			if p.Table != tb.Title {
				continue
			}
			seen = true
			if want := tableTitle(tb, p.Continued); len(p.Texts) == 0 || p.Texts[0].S != want {
				t.Errorf("note of %d: page %d does not start with %q", n, p.Number, want)
			}
			header, rows := false, false
			for _, b := range p.Boxes {
				header = header || b.Header
				rows = rows || b.Row >= 0
			}
			if header && !rows {
				t.Errorf("note of %d: page %d has the header and no line", n, p.Number)
			}
		}
		if !seen || t.Failed() {
			t.Fatalf("note of %d", n)
		}
	}
}

// Every character the layout measures as drawable is one gopdf can map in
// that face: gopdf prints any other as a wrong character, silently.
func TestFacesAgreeWithGopdf(t *testing.T) {
	fs, err := newFonts()
	if err != nil {
		t.Fatal(err)
	}
	for i, data := range [][]byte{assets.FontSong, assets.FontHei} {
		var p core.TTFParser
		if err := p.ParseFontData(data); err != nil {
			t.Fatal(err)
		}
		chars := p.Chars()
		var bad []rune
		for r := rune(0); r <= unicode.MaxRune; r++ {
			if fs.m[i].has(r) {
				if _, ok := chars[int(r)]; !ok {
					bad = append(bad, r)
				}
			}
		}
		if len(bad) > 0 {
			t.Errorf("%s: %d characters measured but not mapped by gopdf: %q", face(i).family(), len(bad), string(bad[:min(len(bad), 20)]))
		}
	}
}

// A character beyond the BMP that the Hei face has (𐐀 U+10400, 𝌌
// U+1D30C) is reported and printed as the box, not as another character.
func TestAstralCharacterReported(t *testing.T) {
	d := sample(t)
	d.Text.Functions = "测试𐐀字符𝌌结束"
	path, res := exported(t, d)
	joined := strings.Join(res.Warnings, "\n")
	for _, want := range []string{"𐐀", "𝌌"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no warning for %q: %v", want, res.Warnings)
		}
	}
	if text := squash(pdftext(t, path, 3, 3)); !strings.Contains(text, "测试□字符□结束") {
		t.Errorf("page 3 reads:\n%s", text)
	}
}
