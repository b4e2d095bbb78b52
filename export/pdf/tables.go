package pdf

import (
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
	var g *forms.Grid
	var p gridPlan
	grid := t.IsGrid() && !t.Absent
	if grid {
		g = l.d.Grid(t)
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

// titleBlock is the title (with （续表） on continuation pages) and the line
// naming the 编制单位 and the unit.
func (l *layouter) titleBlock(t *forms.Table, cont bool) {
	title := t.Title
	if cont {
		title += "（续表）"
	}
	l.y += 2
	l.centred(title, hei, sizeTitle, 28, black)
	l.y += 4
	unit := t.Unit
	if !t.IsGrid() {
		unit = money.WanYuan // the 绩效 forms state their money in 万元
	}
	left := "编制单位：" + l.d.Meta.Name
	if l.d.Meta.Sample {
		left += "（示例数据）"
	}
	right := "单位：" + string(unit)
	size := sizeUnitLine
	room := l.width() - l.fs.width(right, song, size) - 2*size
	for l.fs.width(left, song, size) > room && size > sizeTableMin {
		size -= 0.5
	}
	base := baseline(l.y, 16, sizeUnitLine)
	l.text(l.left(), base, clean(left), song, size, black)
	l.text(l.left()+l.width()-l.fs.width(right, song, sizeUnitLine), base, right, song, sizeUnitLine, black)
	l.y += 20
}

// continuePage starts the next page of the table being laid out.
func (l *layouter) continuePage(land bool) {
	t := l.cur
	l.newPage(land)
	l.page.Table, l.page.Continued = t.Title, true
	l.titleBlock(t, true)
}
