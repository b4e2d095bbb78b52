package sheet

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// gridTable is the virtualised widget.Table with the keyboard and mouse of
// a spreadsheet: it keeps the focus itself, moves the Sheet's cursor (the
// table's own selection and focus marker are not used), starts the
// in-place editor and handles the clipboard shortcuts. Everything else is
// the stock Table.
type gridTable struct {
	widget.Table
	v          *Sheet
	clickShift bool              // Shift was held when the mouse went down
	scroll     *container.Scroll // the table's own scroll, once rendered
}

func newGridTable(v *Sheet) *gridTable {
	t := &gridTable{v: v}
	t.Length = func() (int, int) { return len(v.grid.Rows), len(v.grid.Columns) }
	t.CreateCell = func() fyne.CanvasObject {
		c := newGridCell()
		c.tip = v.tip
		return c
	}
	t.UpdateCell = v.updateCell
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll() // the Sheet draws its own selection
		v.clicked(id.Row, id.Col, t.clickShift)
		t.clickShift = false
	}
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer keeps the table's scroll, to know which lines are shown
// (a move within them needs no scrolling, which would redraw every cell),
// and has the header follow it sideways.
func (t *gridTable) CreateRenderer() fyne.WidgetRenderer {
	r := t.Table.CreateRenderer()
	for _, o := range r.Objects() {
		if s, ok := o.(*container.Scroll); ok {
			t.scroll = s
			moved := s.OnScrolled
			s.OnScrolled = func(p fyne.Position) {
				if moved != nil {
					moved(p)
				}
				t.v.header.scrollTo(p.X)
				t.v.refreshPartial()
			}
		}
	}
	return r
}

// wheel scrolls the table: sideways for a tilt wheel, or the wheel with
// Shift held.
func (v *Sheet) wheel(e *fyne.ScrollEvent) {
	sc := v.table.scroll
	if sc == nil {
		return
	}
	d := e.Scrolled
	if d.DX == 0 && v.shiftHeld() {
		d.DX, d.DY = d.DY, 0
	}
	sc.Scrolled(&fyne.ScrollEvent{PointEvent: e.PointEvent, Scrolled: d})
}

// FocusGained and FocusLost redraw the cursor (framed in colour while the
// grid has the focus). An edit left open by a refused entry is dropped
// when the clerk comes back to the grid.
func (t *gridTable) FocusGained() {
	t.v.focused = true
	if t.v.editing != nil && !t.v.ending {
		t.v.cancelEdit(false)
	}
	t.v.refreshCell(t.v.cur)
}

func (t *gridTable) FocusLost() {
	t.v.focused = false
	t.v.refreshCell(t.v.cur)
}

// AcceptsTab keeps Tab for moving to the next cell.
func (t *gridTable) AcceptsTab() bool { return true }

func (t *gridTable) TypedKey(k *fyne.KeyEvent) { t.v.typedKey(k) }

func (t *gridTable) TypedRune(r rune) { t.v.typedRune(r) }

func (t *gridTable) TypedShortcut(s fyne.Shortcut) { t.v.typedShortcut(s) }

func (t *gridTable) KeyDown(k *fyne.KeyEvent) { t.v.trackShift(k, true) }

func (t *gridTable) KeyUp(k *fyne.KeyEvent) { t.v.trackShift(k, false) }

// MouseDown notes Shift (a Shift+click extends the selection); the tap
// that follows selects.
func (t *gridTable) MouseDown(e *desktop.MouseEvent) {
	t.clickShift = e.Modifier&fyne.KeyModifierShift != 0
	t.Table.MouseDown(e)
}

// TappedSecondary moves the cursor to the cell under the pointer (unless
// it is inside the selected block) and opens the cell menu.
func (t *gridTable) TappedSecondary(e *fyne.PointEvent) {
	t.v.menuClick = true
	t.Table.Tapped(e)
	t.v.menuClick = false
	t.v.showMenu(e.AbsolutePosition)
}

// doubleClick tells a second click on the same cell soon after the first.
type doubleClick struct {
	at   pos
	when time.Time
}

func (d *doubleClick) second(at pos) bool {
	now := time.Now()
	delay := 300 * time.Millisecond
	if a := fyne.CurrentApp(); a != nil {
		delay = a.Driver().DoubleTapDelay()
	}
	twice := d.at == at && now.Sub(d.when) <= delay
	d.at, d.when = at, now
	if twice {
		d.when = time.Time{}
	}
	return twice
}
