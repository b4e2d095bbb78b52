package textedit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
)

// widthLayout gives its object a set width (at least) and its own height.
type widthLayout struct{ w float32 }

func (l widthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (l widthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		if o.Visible() {
			h = max(h, o.MinSize().Height)
		}
	}
	return fyne.NewSize(l.w, h)
}

// Sized gives an object a fixed width in a row (an amount field, a label
// column).
func Sized(w float32, o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(widthLayout{w}, o)
}

// Columns lays out rows of a grid: every column a set width but one, which
// takes what is left. Rows made with the same Columns line up.
type Columns struct {
	Widths []float32 // 0 marks the column that stretches
}

// Layout places the objects of one row side by side.
func (c *Columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fixed := float32(0)
	for _, w := range c.Widths {
		fixed += w
	}
	n := min(len(objs), len(c.Widths))
	free := size.Width - fixed - pad*float32(n-1)
	if free < 0 {
		free = 0
	}
	x := float32(0)
	for i := 0; i < n; i++ {
		w := c.Widths[i]
		if w == 0 {
			w = free
		}
		objs[i].Move(fyne.NewPos(x, 0))
		objs[i].Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

// MinSize is the fixed widths plus a minimum for the stretching column.
func (c *Columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var w, h float32
	for i, o := range objs {
		if i >= len(c.Widths) {
			break
		}
		cw := c.Widths[i]
		if cw == 0 {
			cw = max(o.MinSize().Width, 120)
		}
		w += cw
		if i > 0 {
			w += pad
		}
		if o.Visible() {
			h = max(h, o.MinSize().Height)
		}
	}
	return fyne.NewSize(w, h)
}

// Row lays objects out on the columns.
func (c *Columns) Row(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(c, objs...)
}

// Tinted puts an object on a coloured background with padding.
func Tinted(bg fyne.CanvasObject, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(bg, container.NewPadded(o))
}

// Box is a light panel (补充信息, a form's block).
func Box(o fyne.CanvasObject) fyne.CanvasObject {
	r := canvas.NewRectangle(look.HeaderBg)
	r.CornerRadius = 4
	return Tinted(r, o)
}

// Subheading is a section's title inside a view: a little larger than body
// text, in the accent colour.
func Subheading(text string) *canvas.Text {
	t := canvas.NewText(text, theme.Color(theme.ColorNamePrimary))
	t.TextSize = theme.TextSize() + 2
	return t
}

// FieldLabel is the label in front of a field.
func FieldLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{})
}

// newRect is the background of a grid's head.
func newRect() *canvas.Rectangle { return canvas.NewRectangle(look.HeaderBg) }
