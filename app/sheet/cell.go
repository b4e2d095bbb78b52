package sheet

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
)

// gridCell is one cell of a table view: a background, a line of text, the
// selection drawn over them and, while the clerk edits this cell, the
// in-place editor. Cheap to recycle, as widget.Table reuses cells while
// scrolling; the editor moves with the cell it belongs to.
type gridCell struct {
	widget.BaseWidget
	bg     *canvas.Rectangle
	text   *canvas.Text
	sel    *canvas.Rectangle // the block's tint or the cursor's frame
	id     widget.TableCellID
	editor fyne.CanvasObject // the in-place editor, while it is here
	full   string            // the text whole; the cell may show it cut with “…”
	fitW   float32           // the width the shown text was fitted to
	tip    *cellTip          // shows a cut text whole on hover (nil: none)
}

func newGridCell() *gridCell {
	c := &gridCell{
		bg:   canvas.NewRectangle(look.EnteredBg),
		text: canvas.NewText("", look.Text),
		sel:  canvas.NewRectangle(color.Transparent),
		id:   widget.TableCellID{Row: -1, Col: -1},
	}
	c.text.TextSize = theme.TextSize()
	c.sel.Hide()
	c.ExtendBaseWidget(c)
	return c
}

// set shows text with the given look.
func (c *gridCell) set(text string, align fyne.TextAlign, bg, fg color.Color, bold bool) {
	c.full, c.fitW = text, -1
	c.text.Text, c.text.Alignment, c.text.Color = text, align, fg
	c.text.TextStyle = fyne.TextStyle{Bold: bold}
	c.fit(c.Size().Width)
	c.bg.FillColor = bg
	c.bg.Refresh()
	c.text.Refresh()
}

// Selection looks: the cursor's cell is framed, the other cells of a
// selected block are tinted.
type selLook int

const (
	selNone selLook = iota
	selBlock
	selCursor
)

var blockTint = color.NRGBA{R: look.Selection.R, G: look.Selection.G, B: look.Selection.B, A: 0x2a}

func (c *gridCell) showSelection(s selLook, focused bool) {
	switch s {
	case selNone:
		c.sel.Hide()
		return
	case selBlock:
		c.sel.FillColor, c.sel.StrokeWidth = blockTint, 0
	case selCursor:
		c.sel.FillColor, c.sel.StrokeColor, c.sel.StrokeWidth = color.Transparent, look.Selection, 2
		if !focused {
			c.sel.StrokeColor = look.Muted
		}
	}
	c.sel.Show()
	c.sel.Refresh()
}

// cellPadV is the room above and below a cell's text: less than the
// theme's padding, so that a laptop screen shows more lines (a
// spreadsheet's rows are as tight).
const cellPadV = 2

// hostEditor puts the in-place editor on this cell (nil takes it away).
func (c *gridCell) hostEditor(e fyne.CanvasObject) {
	if c.editor == e {
		return
	}
	c.editor = e
	if e != nil {
		placeEditor(e, c.Size())
	}
	c.Refresh()
}

// placeEditor lays the editor over its cell, larger by the entry's extra
// padding on each side, so that the figure being typed sits where the
// cell's figure sits and fits the line's height. (The editor used to get
// a compact theme instead: Fyne parses its fonts anew for every theme
// override, tens of MB each time.)
func placeEditor(e fyne.CanvasObject, size fyne.Size) {
	dx := theme.InnerPadding() - theme.Padding()
	dy := theme.InnerPadding() - cellPadV
	e.Move(fyne.NewPos(-dx, -dy))
	e.Resize(fyne.NewSize(size.Width+2*dx, size.Height+2*dy))
}

func (c *gridCell) CreateRenderer() fyne.WidgetRenderer {
	return &gridCellRenderer{c: c}
}

type gridCellRenderer struct{ c *gridCell }

func (r *gridCellRenderer) Layout(size fyne.Size) {
	r.c.bg.Resize(size)
	r.c.fit(size.Width)
	pad := theme.Padding()
	r.c.text.Move(fyne.NewPos(pad, 0))
	r.c.text.Resize(fyne.NewSize(size.Width-2*pad, size.Height))
	r.c.sel.Move(fyne.NewPos(0, 0))
	r.c.sel.Resize(size)
	if e := r.c.editor; e != nil {
		placeEditor(e, size)
	}
}

func (r *gridCellRenderer) MinSize() fyne.Size {
	h := fyne.MeasureText("国", r.c.text.TextSize, fyne.TextStyle{}).Height
	return fyne.NewSize(40, h+2*cellPadV)
}

func (r *gridCellRenderer) Refresh() {
	r.Layout(r.c.Size())
	r.c.bg.Refresh()
	r.c.text.Refresh()
	r.c.sel.Refresh()
}

func (r *gridCellRenderer) Objects() []fyne.CanvasObject {
	if r.c.editor != nil {
		return []fyne.CanvasObject{r.c.bg, r.c.text, r.c.editor, r.c.sel}
	}
	return []fyne.CanvasObject{r.c.bg, r.c.text, r.c.sel}
}

func (r *gridCellRenderer) Destroy() {}

// fit cuts a text wider than the cell to what fits and “…” (a name cut
// mid-character tells nothing); the status line shows it whole.
func (c *gridCell) fit(width float32) {
	if width <= 0 || width == c.fitW {
		return
	}
	c.fitW = width
	avail := width - 2*theme.Padding()
	measure := func(s string) float32 { return fyne.MeasureText(s, c.text.TextSize, c.text.TextStyle).Width }
	if c.full == "" || measure(c.full) <= avail {
		c.text.Text = c.full
		return
	}
	r := []rune(c.full)
	lo, hi := 0, len(r) // the longest prefix that fits with the ellipsis
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if measure(string(r[:mid])+"…") <= avail {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	c.text.Text = string(r[:lo]) + "…"
}
