package pdf

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"yusuan/forms"
	"yusuan/forms/narrative"
)

// Part titles and anchors.
const (
	part1 = "第一部分 部门概况"
	part2 = "第二部分 预算表格"
	part3 = "第三部分 情况说明"
	part4 = "第四部分 名词解释"

	sec1 = "一、主要职能"
	sec2 = "二、机构设置"

	contentsMark = "目录" // the 目录's outline entry
)

// tableAnchor names the place of the document's i-th table.
func tableAnchor(i int) string { return fmt.Sprintf("t%d", i+1) }

// tableEntry is a table's line in the 目录 and the outline.
func tableEntry(i int, t *forms.Table) string {
	return forms.ChineseNumber(i+1) + "、" + t.Title
}

// document lays out the whole document.
func (l *layouter) document() error {
	l.toc = l.contentsEntries()
	l.cover()
	l.contents()
	l.partOne()
	l.partTwo()
	l.partThree()
	l.partFour()
	l.flush()
	return l.err
}

func (l *layouter) contentsEntries() []tocEntry {
	es := []tocEntry{
		{part1, 0, "part1"}, {sec1, 1, "part1-1"}, {sec2, 1, "part1-2"},
		{part2, 0, "part2"},
	}
	for i, t := range l.d.Tables {
		es = append(es, tocEntry{tableEntry(i, t), 1, tableAnchor(i)})
	}
	return append(es, tocEntry{part3, 0, "part3"}, tocEntry{part4, 0, "part4"})
}

// coverTitle is the document's name under the 单位名称: 2022年部门预算, or
// 单位预算 for a 单位's own document.
func coverTitle(d *forms.Document) string {
	what := "部门预算"
	if d.Meta.Level == forms.LevelUnit {
		what = "单位预算"
	}
	return fmt.Sprintf("%d年%s", d.Meta.Year, what)
}

// cover: the 单位名称, the year's 部门预算 (单位预算), the date, and for the
// sample a clear mark and its remark.
func (l *layouter) cover() {
	l.newPage(false)
	l.where = "封面"
	d := l.d
	if d.Meta.Sample {
		l.y = 110
		l.stamp("示例数据")
	}
	// the name, set smaller when long so that the cover keeps its places
	size, lead := 26.0, 40.0
	name := clean(d.Meta.Name)
	for size > coverNameMin && float64(len(l.fs.wrap(name, hei, size, l.width(), 0)))*lead > coverNameRoom {
		size -= 1
		lead = size * 40 / 26
	}
	l.y = 270
	l.centred(name, hei, size, lead, black)
	l.y += 16
	l.centred(coverTitle(d), hei, 24, 38, black)
	if d.Meta.Sample || d.Meta.Remark != "" {
		l.y = max(470, l.y+24)
		text := d.Meta.Remark
		if d.Meta.Sample {
			text = "本文件为示例数据，不是真实的预算。" + text
		}
		w := 380.0
		x := l.left() + (l.width()-w)/2
		lines := l.fs.wrap(clean(text), song, 10.5, w, 0)
		for _, line := range lines {
			if !l.fits(18) {
				l.newPage(false)
			}
			l.text(x, baseline(l.y, 18, 10.5), line, song, 10.5, gray)
			l.y += 18
		}
	}
	if d.Meta.Date != "" {
		// the 编制日期 the clerk gave; never the day of the export (a 2022
		// budget exported in 2026 is not dated 2026)
		l.y = max(690, l.y+24)
		l.centred(clean(d.Meta.Date), song, 16, 26, black)
	}
}

// The cover's name takes at most coverNameRoom points of height, in type
// no smaller than coverNameMin.
const (
	coverNameRoom = 160.0
	coverNameMin  = 12.0
)

// stamp draws a framed mark centred at the current place.
func (l *layouter) stamp(s string) {
	size := 22.0
	w := l.fs.width(s, hei, size) + 36
	h := 44.0
	x := l.left() + (l.width()-w)/2
	for _, r := range [][4]float64{{x, l.y, x + w, l.y}, {x, l.y + h, x + w, l.y + h}, {x, l.y, x, l.y + h}, {x + w, l.y, x + w, l.y + h}} {
		l.page.Rules = append(l.page.Rules, Rule{r[0], r[1], r[2], r[3], 1.6})
	}
	l.text(x+18, baseline(l.y, h, size), s, hei, size, red)
	l.y += h
}

// contents: the 目录, each line linked to its place, with its page number
// as the first pass found it.
func (l *layouter) contents() {
	l.newPage(false)
	l.where = "目录"
	l.mark(contentsMark, 0)
	l.y += 10
	l.centred("目    录", hei, sizePart, 30, black)
	l.y += 16
	for _, e := range l.toc {
		size, lead, f, indent := 12.0, 22.0, song, 2*12.0
		if e.Level == 0 {
			size, lead, f, indent = 13, 28, hei, 0
		}
		if !l.fits(lead) {
			l.newPage(false)
		}
		num := "…"
		if p, ok := l.pageOf[e.Anchor]; ok {
			num = fmt.Sprint(p)
		}
		numW := l.fs.width("0000", song, size)
		x := l.left() + indent
		title := clean(e.Title)
		room := l.width() - indent - numW - 2*size
		ts := size
		for l.fs.width(title, f, ts) > room && ts > 8 {
			ts -= 0.5
		}
		base := baseline(l.y, lead, size)
		l.text(x, base, title, f, ts, black)
		tw := l.fs.width(title, f, ts)
		nw := l.fs.width(num, song, size)
		right := l.left() + l.width()
		l.text(right-nw, base, num, song, size, black)
		// dot leader between the title and the number
		dot := "·"
		dw := l.fs.width(dot, song, size)
		from, to := x+tw+size*0.5, right-nw-size*0.5
		if n := int((to - from) / dw); n > 0 {
			l.text(to-float64(n)*dw, base, strings.Repeat(dot, n), song, size, gray)
		}
		l.page.Links = append(l.page.Links, Link{X: x, Y: l.y, W: right - x, H: lead, Anchor: e.Anchor})
		l.y += lead
	}
}

// partOne: 部门概况.
func (l *layouter) partOne() {
	l.partTitle(part1, "part1")
	l.section(sec1, "part1-1")
	l.paragraphs(l.d.Text.Functions)
	l.y += 8
	l.section(sec2, "part1-2")
	l.paragraphs(l.d.Text.Organization)
}

// section is a numbered heading of 第一部分, a link target.
func (l *layouter) section(title, anchor string) {
	if !l.fits(30 + 2*leadBody) {
		l.newPage(false)
	}
	l.anchor(anchor)
	l.mark(title, 1)
	l.heading(title, hei, sizeSection, 30, 2*sizeBody, 2*leadBody)
}

// bodyLines are a text's lines, trimmed, blank ones left out.
func bodyLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// paragraphs sets a text of lines as body paragraphs.
func (l *layouter) paragraphs(s string) {
	if strings.TrimSpace(s) == "" {
		l.emptyNote()
		return
	}
	for _, line := range bodyLines(s) {
		l.paragraph(line, song, sizeBody, leadBody, 2*sizeBody)
	}
}

func (l *layouter) emptyNote() {
	l.paragraph("（本部分尚未填写。）", song, sizeBody, leadBody, 2*sizeBody)
}

// partTwo: the list of tables, then every table in the template's order.
func (l *layouter) partTwo() {
	l.partTitle(part2, "part2")
	for i, t := range l.d.Tables {
		if !l.fits(leadBody) {
			l.newPage(false)
		}
		x := l.left() + 2*sizeBody
		title := tableEntry(i, t)
		l.text(x, baseline(l.y, leadBody, sizeBody), clean(title), song, sizeBody, black)
		l.page.Links = append(l.page.Links, Link{X: x, Y: l.y, W: l.fs.width(title, song, sizeBody), H: leadBody, Anchor: tableAnchor(i)})
		l.y += leadBody
	}
	for i, t := range l.d.Tables {
		l.tablePages(i, t)
	}
}

// Lines of the 情况说明 that are headings: "一、…" and "（一）…", short and
// without sentence punctuation.
var (
	sectionLine = regexp.MustCompile(`^[一二三四五六七八九十]+、`)
	subLine     = regexp.MustCompile(`^（[一二三四五六七八九十]+）`)
)

const headingMax = 40 // characters: longer lines are paragraphs

// lineKind tells a 情况说明 line's role: 1 section heading, 2 sub-heading,
// 0 paragraph.
func lineKind(s string) int {
	short := utf8.RuneCountInString(s) <= headingMax
	switch {
	case short && sectionLine.MatchString(s) && !strings.Contains(s, "，"):
		return 1
	case short && subLine.MatchString(s) && !strings.ContainsAny(s, "，。"):
		return 2
	}
	return 0
}

// partThree: the 情况说明, line by line.
func (l *layouter) partThree() {
	l.partTitle(part3, "part3")
	lines := explanationLines(l.d)
	if len(lines) == 0 {
		l.emptyNote()
		return
	}
	for _, line := range lines {
		switch lineKind(line) {
		case 1:
			l.y += 6
			l.heading(line, hei, sizeSection, 30, 2*sizeBody, 2*leadBody)
		case 2:
			l.heading(line, hei, sizeSub, 26, 2*sizeBody, 2*leadBody)
		default:
			l.paragraph(line, song, sizeBody, leadBody, 2*sizeBody)
		}
	}
}

// explanationLines are the lines of the 情况说明 as the PDF prints them: those
// of narrative.Text, the headings of the generated sections as the seed
// prints them (narrative.PrintedHeading); a text the clerk wrote whole as it is.
func explanationLines(d *forms.Document) []string {
	lines := bodyLines(narrative.Text(d))
	if !narrative.IsGenerated(d) {
		return lines
	}
	secs := narrative.Sections(d)
	k := 0
	for i, line := range lines {
		if k < len(secs) && line == forms.ChineseNumber(k+1)+"、"+secs[k].Heading {
			lines[i] = forms.ChineseNumber(k+1) + "、" + narrative.PrintedHeading(d, secs[k])
			k++
		}
	}
	return lines
}

// partFour: the 名词解释 as numbered paragraphs.
func (l *layouter) partFour() {
	l.partTitle(part4, "part4")
	terms := l.d.GlossaryOf()
	if len(terms) == 0 {
		l.emptyNote()
		return
	}
	for i, t := range terms {
		l.paragraph(fmt.Sprintf("（%s）%s：%s", forms.ChineseNumber(i+1), strings.TrimSpace(t.Term), strings.TrimSpace(t.Definition)), song, sizeBody, leadBody, 2*sizeBody)
	}
}
