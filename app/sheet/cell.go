package sheet

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
)

// gridCell is one cell of a table view: a background and a line of text.
// Cheap to recycle, as widget.Table reuses cells while scrolling.
type gridCell struct {
	widget.BaseWidget
	bg   *canvas.Rectangle
	text *canvas.Text
}

func newGridCell() *gridCell {
	c := &gridCell{bg: canvas.NewRectangle(look.EnteredBg), text: canvas.NewText("", look.Text)}
	c.text.TextSize = theme.TextSize()
	c.ExtendBaseWidget(c)
	return c
}

// set shows text with the given look.
func (c *gridCell) set(text string, align fyne.TextAlign, bg, fg color.Color, bold bool) {
	c.text.Text, c.text.Alignment, c.text.Color = text, align, fg
	c.text.TextStyle = fyne.TextStyle{Bold: bold}
	c.bg.FillColor = bg
	c.bg.Refresh()
	c.text.Refresh()
}

func (c *gridCell) CreateRenderer() fyne.WidgetRenderer {
	return &gridCellRenderer{c: c}
}

type gridCellRenderer struct{ c *gridCell }

func (r *gridCellRenderer) Layout(size fyne.Size) {
	r.c.bg.Resize(size)
	pad := theme.Padding()
	r.c.text.Move(fyne.NewPos(pad, 0))
	r.c.text.Resize(fyne.NewSize(size.Width-2*pad, size.Height))
}

func (r *gridCellRenderer) MinSize() fyne.Size {
	h := fyne.MeasureText("国", r.c.text.TextSize, fyne.TextStyle{}).Height
	return fyne.NewSize(40, h+2*theme.Padding())
}

func (r *gridCellRenderer) Refresh() { r.c.bg.Refresh(); r.c.text.Refresh() }
func (r *gridCellRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.c.bg, r.c.text}
}
func (r *gridCellRenderer) Destroy() {}
