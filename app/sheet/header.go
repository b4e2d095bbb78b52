package sheet

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms"
)

// gridHeader draws a table's header with merged cells: an upper cell over
// each group of columns, the column labels below, and columns without a
// group spanning both levels. Positions follow the table's column widths
// and the padding widget.Table leaves between cells; the frozen columns'
// cells stay put while the others follow the table's sideways scroll.
// Dragging the line between two column labels sets the left one's width.
type gridHeader struct {
	widget.BaseWidget
	v        *Sheet
	cells    []headerCell
	renderer *headerRenderer
	frozen   int     // leading columns that do not scroll sideways
	offX     float32 // the table's sideways scroll
	resizing int     // the column whose width is being dragged (-1: none)
	overEdge bool    // the pointer is on a column's right edge
}

type headerCell struct {
	from, to int // columns covered, [from, to)
	top      int // first level (0 or 1)
	levels   int // levels covered (1 or 2)
	bg       *canvas.Rectangle
	text     *canvas.Text
}

func newGridHeader(v *Sheet, g *forms.Grid, widths []float32, frozen int) *gridHeader {
	h := &gridHeader{v: v, frozen: frozen, resizing: -1}
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
	hr := &headerRenderer{h: h, widths: widths, levels: 1, under: canvas.NewRectangle(theme.Color(theme.ColorNameBackground))}
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

// scrollTo follows the table's sideways scroll.
func (h *gridHeader) scrollTo(x float32) {
	if x == h.offX {
		return
	}
	h.offX = x
	h.renderer.Layout(h.Size())
	h.renderer.Refresh()
}

// relayout places the cells again after a column's width changed.
func (h *gridHeader) relayout() {
	h.renderer.Layout(h.Size())
	h.renderer.Refresh()
}

// Scrolled lets the wheel over the header move the table (a header that
// scrolls by itself would leave the figures behind). Being Scrollable
// also makes the driver clip the header to its size.
func (h *gridHeader) Scrolled(e *fyne.ScrollEvent) { h.v.wheel(e) }

// edgeAt is the column whose right edge is within a few pixels of x (-1:
// none). The frozen columns' edges come first: they are drawn on top.
func (h *gridHeader) edgeAt(x float32) int {
	const near = 4
	pad := theme.Padding()
	left := float32(0)
	for i, w := range h.renderer.widths {
		right := left + w + pad/2
		shown := right
		if i >= h.frozen {
			shown -= h.offX
			if shown < h.renderer.frozenWidth() {
				left += w + pad
				continue // scrolled under the frozen columns
			}
		}
		if shown-near <= x && x <= shown+near {
			return i
		}
		left += w + pad
	}
	return -1
}

// Cursor shows the sideways-resize arrow on a column's edge.
func (h *gridHeader) Cursor() desktop.Cursor {
	if h.overEdge || h.resizing >= 0 {
		return desktop.HResizeCursor
	}
	return desktop.DefaultCursor
}

func (h *gridHeader) MouseIn(e *desktop.MouseEvent)    { h.overEdge = h.edgeAt(e.Position.X) >= 0 }
func (h *gridHeader) MouseMoved(e *desktop.MouseEvent) { h.overEdge = h.edgeAt(e.Position.X) >= 0 }
func (h *gridHeader) MouseOut()                        { h.overEdge = false }

// Dragged resizes the column whose edge the drag began on.
func (h *gridHeader) Dragged(e *fyne.DragEvent) {
	if h.resizing < 0 {
		start := e.Position.X - e.Dragged.DX
		if h.resizing = h.edgeAt(start); h.resizing < 0 {
			h.resizing = -2 // began elsewhere: ignore the rest of this drag
		}
	}
	if h.resizing < 0 {
		return
	}
	h.v.setColumnWidth(h.resizing, h.renderer.widths[h.resizing]+e.Dragged.DX, false)
}

// DoubleTapped on a column's edge fits the column to its texts again, as
// in Excel.
func (h *gridHeader) DoubleTapped(e *fyne.PointEvent) {
	if col := h.edgeAt(e.Position.X); col >= 0 {
		h.v.dragged[col] = false
		h.v.setColumnWidth(col, h.v.fitted[col], true)
		h.v.keepWidths()
	}
}

// DragEnd remembers the widths for the next time a table of this layout
// is shown.
func (h *gridHeader) DragEnd() {
	if h.resizing >= 0 {
		h.v.keepWidths()
	}
	h.resizing = -1
}

type headerRenderer struct {
	h      *gridHeader
	widths []float32
	levels int
	under  *canvas.Rectangle // hides scrolled cells passing under the frozen ones
}

func (r *headerRenderer) rowHeight() float32 {
	return fyne.MeasureText("国", theme.TextSize(), fyne.TextStyle{Bold: true}).Height + 2*cellPadV
}

// frozenWidth is where the scrolling columns begin.
func (r *headerRenderer) frozenWidth() float32 {
	w := float32(0)
	for _, x := range r.widths[:min(r.h.frozen, len(r.widths))] {
		w += x + theme.Padding()
	}
	return w
}

func (r *headerRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	x := make([]float32, len(r.widths)+1)
	for i, w := range r.widths {
		x[i+1] = x[i] + w + pad
	}
	rh := r.rowHeight()
	for _, c := range r.h.cells {
		left := x[c.from]
		if c.from >= r.h.frozen {
			left -= r.h.offX
		}
		pos := fyne.NewPos(left, float32(c.top)*(rh+pad))
		size := fyne.NewSize(x[c.to]-x[c.from]-pad, float32(c.levels)*rh+float32(c.levels-1)*pad)
		c.bg.Move(pos)
		c.bg.Resize(size)
		c.text.Move(pos)
		c.text.Resize(size)
	}
	r.under.Resize(fyne.NewSize(r.frozenWidth(), size.Height))
}

// MinSize is the header's height; its width is the frozen columns' and a
// little, as the header scrolls with the table.
func (r *headerRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	rh := r.rowHeight()
	return fyne.NewSize(r.frozenWidth()+120, float32(r.levels)*rh+float32(r.levels)*pad)
}

func (r *headerRenderer) Refresh() {
	r.under.FillColor = theme.Color(theme.ColorNameBackground)
	r.under.Refresh()
	for _, c := range r.h.cells {
		c.bg.Refresh()
		c.text.Refresh()
	}
}

// Objects draws the scrolling cells first, then the frozen ones over them.
func (r *headerRenderer) Objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, 2*len(r.h.cells)+1)
	for _, c := range r.h.cells {
		if c.from >= r.h.frozen {
			objs = append(objs, c.bg, c.text)
		}
	}
	if r.h.frozen > 0 {
		objs = append(objs, r.under)
	}
	for _, c := range r.h.cells {
		if c.from < r.h.frozen {
			objs = append(objs, c.bg, c.text)
		}
	}
	return objs
}

func (r *headerRenderer) Destroy() {}
