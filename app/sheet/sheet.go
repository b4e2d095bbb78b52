package sheet

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms"
)

// Sheet shows one grid table as it prints: title, unit line, the
// multi-level header drawn above a virtualised widget.Table in step with its
// column widths, and the figures, computed ones set apart.
type Sheet struct {
	doc    *forms.Document
	t      *forms.Table
	grid   *forms.Grid
	widths []float32
	table  *widget.Table
	header *gridHeader
}

// widthScanRows bounds how many lines are measured to size the columns, so
// that opening a table of thousands of lines stays instant.
const widthScanRows = 2000

func New(d *forms.Document, t *forms.Table) *Sheet {
	v := &Sheet{doc: d, t: t, grid: d.Grid(t)}
	v.widths = columnWidths(v.grid)
	v.table = widget.NewTable(
		func() (int, int) { return len(v.grid.Rows), len(v.grid.Columns) },
		func() fyne.CanvasObject { return newGridCell() },
		v.updateCell,
	)
	for i, w := range v.widths {
		v.table.SetColumnWidth(i, w)
	}
	v.header = newGridHeader(v.grid, v.widths)
	return v
}

func (v *Sheet) Object() fyne.CanvasObject {
	title := look.Centred(look.Heading(v.t.Title))
	info := widget.NewLabel("编制单位：" + v.doc.Meta.Name + "　　单位：" + string(v.t.Unit))
	top := container.NewVBox(title, info)
	if v.t.Absent {
		return container.NewBorder(top, nil, nil, nil, container.NewPadded(widget.NewLabel("本表未提供（导入的文件中没有这张表）。")))
	}
	if note := v.doc.NoteOf(v.t); note != "" {
		n := look.Wrapped(note)
		n.Importance = widget.WarningImportance
		top.Add(n)
	}
	top.Add(legend())
	body := container.New(&fullWidthLayout{header: v.header, table: v.table}, v.header, v.table)
	return container.NewBorder(top, nil, nil, nil, container.NewHScroll(body))
}

func (v *Sheet) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*gridCell)
	if id.Row >= len(v.grid.Rows) || id.Col >= len(v.grid.Columns) {
		c.set("", fyne.TextAlignLeading, look.EnteredBg, look.Text, false)
		return
	}
	cell := v.grid.Rows[id.Row].Cells[id.Col]
	bg, fg, bold := cellLook(cell.State, cell.Total)
	align := fyne.TextAlignLeading
	if v.grid.Columns[id.Col].Amount {
		align = fyne.TextAlignTrailing
	}
	c.set(cell.Text, align, bg, fg, bold)
}

// cellLook: entered figures on white, computed ones on grey in a muted
// colour, a given total that differs from the computed one on amber, total
// lines bold.
func cellLook(s forms.CellState, total bool) (bg, fg color.Color, bold bool) {
	switch s {
	case forms.CellComputed:
		return look.ComputedBg, look.ComputedFg, total
	case forms.CellGiven:
		return look.GivenBg, look.Text, true
	case forms.CellText:
		if total {
			return look.TotalBg, look.Text, true
		}
	}
	return look.EnteredBg, look.Text, false
}

func legend() fyne.CanvasObject {
	swatch := func(c color.Color, label string) fyne.CanvasObject {
		r := canvas.NewRectangle(c)
		r.StrokeColor, r.StrokeWidth = look.Muted, 1
		r.SetMinSize(fyne.NewSize(14, 14))
		l := widget.NewLabel(label)
		return container.NewHBox(container.NewCenter(r), l)
	}
	return container.NewHBox(
		swatch(look.EnteredBg, "填写的数"),
		swatch(look.ComputedBg, "程序计算的合计、小计"),
		swatch(look.GivenBg, "导入的合计与计算值不符"),
	)
}

// columnWidths sizes each column to its widest text (header or figure).
func columnWidths(g *forms.Grid) []float32 {
	size := theme.TextSize()
	pad := theme.Padding()
	measure := func(s string, bold bool) float32 {
		return fyne.MeasureText(s, size, fyne.TextStyle{Bold: bold}).Width + 4*pad
	}
	w := make([]float32, len(g.Columns))
	for i, c := range g.Columns {
		w[i] = max(measure(c.Label, true), 56)
	}
	for ri, r := range g.Rows {
		if ri >= widthScanRows {
			break
		}
		for i, c := range r.Cells {
			w[i] = max(w[i], measure(c.Text, r.Total))
		}
	}
	forms.WidenForGroups(g, w, pad, func(s string) float32 { return measure(s, true) })
	for i := range w {
		w[i] = min(w[i], 420)
	}
	return w
}

// fullWidthLayout gives the header and the table the width of all columns,
// so the table never scrolls sideways by itself: the horizontal scroll
// around both moves header and figures together.
type fullWidthLayout struct {
	header *gridHeader
	table  *widget.Table
}

func (l *fullWidthLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	hh := l.header.MinSize().Height
	l.header.Move(fyne.NewPos(0, 0))
	l.header.Resize(fyne.NewSize(size.Width, hh))
	l.table.Move(fyne.NewPos(0, hh))
	l.table.Resize(fyne.NewSize(size.Width, size.Height-hh))
}

func (l *fullWidthLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	hs := l.header.MinSize()
	return fyne.NewSize(hs.Width+theme.Padding()*2, hs.Height+120)
}
