package pdf

import (
	"fmt"

	"yusuan/forms"
	"yusuan/forms/money"
)

// absentNote is printed under the title of a table the document does not
// provide (a workbook without that sheet): it is not a table of zeros.
const absentNote = "本表未提供。"

// tablePages lays out one table of 第二部分 from a new page: title, unit
// line, note, then the grid or the 绩效 forms.
func (l *layouter) tablePages(i int, t *forms.Table) {
	l.where = "“" + t.Title + "”"
	l.cur = t
	l.curNo = tableNumber(i, t)
	var g *forms.Grid
	var p gridPlan
	grid := (t.IsGrid() || t.Printed != nil) && !t.Absent
	if grid {
		g = typeBreakdown(t, l.d.ShownGrid(t))
		p = l.planGrid(t, g)
	}
	l.newPage(p.landscape)
	l.page.Table = t.Title
	l.anchor(tableAnchor(i))
	l.mark(tableEntry(i, t), 1)
	l.titleBlock(t, false)
	unitNote := func(s string) {
		l.y += 2
		l.paragraph(s, song, 10.5, 19, 2*10.5)
		l.y += 6
	}
	switch {
	case t.Absent:
		unitNote(absentNote)
		return
	default:
		if note := l.d.NoteOf(t); note != "" {
			unitNote(note)
		}
	}
	if grid {
		if len(g.Columns) > 0 {
			l.gridTable(g, p)
		}
		return
	}
	l.formTable(t)
}

// titleBlock is the title (with （续表） on continuation pages) with the
// table's number at the right of its line, and the line naming the 编制单位
// and the unit.
func (l *layouter) titleBlock(t *forms.Table, cont bool) {
	l.y += 2
	lines, room := l.titleLines(t, cont)
	for i, line := range lines {
		base := baseline(l.y, titleLead, sizeTitle)
		l.text(l.left()+(room-l.fs.width(line, hei, sizeTitle))/2, base, line, hei, sizeTitle, black)
		if i == 0 && l.curNo != "" {
			l.text(l.left()+l.width()-l.fs.width(l.curNo, song, sizeUnitLine), base, l.curNo, song, sizeUnitLine, black)
		}
		l.y += titleLead
	}
	l.y += 4
	left, size, right := l.unitLine(t)
	for i, line := range left {
		base := baseline(l.y, 16, sizeUnitLine)
		l.text(l.left(), base, line, song, size, black)
		if i == 0 {
			l.text(l.left()+l.width()-l.fs.width(right, song, sizeUnitLine), base, right, song, sizeUnitLine, black)
		}
		l.y += unitLineLead
	}
	l.y += 20 - unitLineLead
}

// titleLines breaks the title of the table being laid out into lines, each
// to be centred in room from the left margin: the text width when the title
// fits between the table number and its mirror on the left, else the width
// left of the number and a gap of an em.
func (l *layouter) titleLines(t *forms.Table, cont bool) (lines []string, room float64) {
	title := clean(tableTitle(t, cont))
	room = l.width()
	if l.curNo != "" {
		side := l.fs.width(l.curNo, song, sizeUnitLine) + sizeTitle
		if l.fs.width(title, hei, sizeTitle) > room-2*side {
			room -= side
		}
	}
	return l.fs.wrap(title, hei, sizeTitle, room, 0), room
}

// Leads of the title block.
const (
	titleLead    = 28.0
	unitLineLead = 14.0
)

func tableTitle(t *forms.Table, cont bool) string {
	if cont {
		return t.Title + "（续表）"
	}
	return t.Title
}

// tableNumber is the number the title line of the document's i-th table
// carries on its right, as the seed prints it (中共吉林市委办公室财政拨款收支总表
// … 预算表4): its place among the document's tables. A table kept as a
// published document printed it keeps its own title and no number of ours.
func tableNumber(i int, t *forms.Table) string {
	if t.Printed != nil {
		return ""
	}
	return fmt.Sprintf("预算表%d", i+1)
}

// unitLine is the 编制单位 on the left, in as many lines as a long name
// needs, and the unit on the right of its first line: set a little smaller
// when that fits it on one line, else wrapped at the full size.
func (l *layouter) unitLine(t *forms.Table) (left []string, size float64, right string) {
	unit := t.Unit
	if !t.IsGrid() && t.Printed == nil {
		unit = money.WanYuan // the 绩效 forms state their money in 万元
	}
	name := "编制单位：" + l.d.Meta.Name
	if l.d.Meta.Sample {
		name += "（示例数据）"
	}
	name = clean(name)
	right = "单位：" + string(unit)
	room := l.width() - l.fs.width(right, song, sizeUnitLine) - 2*sizeUnitLine
	for size = sizeUnitLine; size >= unitLineMin; size -= 0.5 {
		if l.fs.width(name, song, size) <= room {
			return []string{name}, size, right
		}
	}
	return l.fs.wrap(name, song, sizeUnitLine, room, 0), sizeUnitLine, right
}

// unitLineMin is the smallest size the 编制单位 line shrinks to before it
// wraps.
const unitLineMin = 8.0

// contHeight is the height of the title block on a continuation page of
// the table being laid out (measured once per table).
func (l *layouter) contHeight() float64 {
	if l.contH.t != l.cur {
		title, _ := l.titleLines(l.cur, true)
		lines := len(title)
		left, _, _ := l.unitLine(l.cur)
		l.contH.t, l.contH.h = l.cur, 2+float64(lines)*titleLead+4+float64(len(left)-1)*unitLineLead+20
	}
	return l.contH.h
}

// continuePage starts the next page of the table being laid out.
func (l *layouter) continuePage(land bool) {
	t := l.cur
	l.newPage(land)
	l.page.Table, l.page.Continued = t.Title, true
	l.titleBlock(t, true)
}
