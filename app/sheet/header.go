package sheet

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms"
)

// gridHeader draws a table's header with merged cells: an upper cell over
// each group of columns, the column labels below, and columns without a
// group spanning both levels. Positions follow the table's column widths
// and the padding widget.Table leaves between cells.
type gridHeader struct {
	widget.BaseWidget
	cells    []headerCell
	renderer *headerRenderer
}

type headerCell struct {
	from, to int // columns covered, [from, to)
	top      int // first level (0 or 1)
	levels   int // levels covered (1 or 2)
	bg       *canvas.Rectangle
	text     *canvas.Text
}

func newGridHeader(g *forms.Grid, widths []float32) *gridHeader {
	h := &gridHeader{}
	add := func(label string, from, to, top, levels int) {
		t := canvas.NewText(label, look.Text)
		t.Alignment = fyne.TextAlignCenter
		t.TextStyle = fyne.TextStyle{Bold: true}
		t.TextSize = theme.TextSize()
		bg := canvas.NewRectangle(look.HeaderBg)
		bg.StrokeColor, bg.StrokeWidth = look.Muted, 0.5
		h.cells = append(h.cells, headerCell{from: from, to: to, top: top, levels: levels, bg: bg, text: t})
	}
	if g.HasGroups() {
		for _, span := range g.Spans() {
			if group := g.Columns[span[0]].Group; group != "" {
				add(group, span[0], span[1], 0, 1)
				for i := span[0]; i < span[1]; i++ {
					add(g.Columns[i].Label, i, i+1, 1, 1)
				}
				continue
			}
			for i := span[0]; i < span[1]; i++ {
				add(g.Columns[i].Label, i, i+1, 0, 2)
			}
		}
	} else {
		for i, c := range g.Columns {
			add(c.Label, i, i+1, 0, 1)
		}
	}
	h.ExtendBaseWidget(h)
	hr := &headerRenderer{h: h, widths: widths, levels: 1}
	if g.HasGroups() {
		hr.levels = 2
	}
	h.renderer = hr
	return h
}

func (h *gridHeader) CreateRenderer() fyne.WidgetRenderer { return h.renderer }

// labels lists the header texts (for tests and accessibility).
func (h *gridHeader) labels() []string {
	out := make([]string, len(h.cells))
	for i, c := range h.cells {
		out[i] = c.text.Text
	}
	return out
}

type headerRenderer struct {
	h      *gridHeader
	widths []float32
	levels int
}

func (r *headerRenderer) rowHeight() float32 {
	return fyne.MeasureText("国", theme.TextSize(), fyne.TextStyle{Bold: true}).Height + 2*theme.Padding()
}

func (r *headerRenderer) Layout(fyne.Size) {
	pad := theme.Padding()
	x := make([]float32, len(r.widths)+1)
	for i, w := range r.widths {
		x[i+1] = x[i] + w + pad
	}
	rh := r.rowHeight()
	for _, c := range r.h.cells {
		pos := fyne.NewPos(x[c.from], float32(c.top)*(rh+pad))
		size := fyne.NewSize(x[c.to]-x[c.from]-pad, float32(c.levels)*rh+float32(c.levels-1)*pad)
		c.bg.Move(pos)
		c.bg.Resize(size)
		c.text.Move(pos)
		c.text.Resize(size)
	}
}

func (r *headerRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	w := float32(0)
	for _, x := range r.widths {
		w += x + pad
	}
	rh := r.rowHeight()
	return fyne.NewSize(w, float32(r.levels)*rh+float32(r.levels)*pad)
}

func (r *headerRenderer) Refresh() {
	for _, c := range r.h.cells {
		c.bg.Refresh()
		c.text.Refresh()
	}
}

func (r *headerRenderer) Objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, 2*len(r.h.cells))
	for _, c := range r.h.cells {
		objs = append(objs, c.bg, c.text)
	}
	return objs
}

func (r *headerRenderer) Destroy() {}
