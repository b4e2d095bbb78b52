package sheet

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// narrow makes the window too narrow for all of the table's columns.
func narrow(w fyne.Window) {
	w.Resize(fyne.NewSize(700, 600))
}

// headerX is where the header draws the label of a column.
func headerX(t *testing.T, v *Sheet, label string) float32 {
	t.Helper()
	for _, c := range v.header.cells {
		if c.text.Text == label && c.to == c.from+1 {
			return c.bg.Position().X
		}
	}
	t.Fatalf("no header cell %s", label)
	return 0
}

// The codes and names stay while the figures scroll sideways, the header
// with them; Home shows the first figures again.
func TestFrozenColumnsStayWhileFiguresScroll(t *testing.T) {
	v, _, w := open(t, sample(t), "projects")
	narrow(w)
	// 类型, 一级项目, 二级项目; 项目单位 would take the frozen part past
	// what leaves a laptop room for figures
	if got := v.table.StickyColumnCount; got != 3 {
		t.Fatalf("frozen columns %d, want 3", got)
	}
	typeX, totalX := headerX(t, v, "类型"), headerX(t, v, "合计")
	press(w, fyne.KeyEnd)
	if v.table.scroll.Offset.X <= 0 {
		t.Fatalf("End did not scroll to the last column (offset %v)", v.table.scroll.Offset.X)
	}
	if got := headerX(t, v, "类型"); got != typeX {
		t.Errorf("the frozen header moved: %v → %v", typeX, got)
	}
	if got := headerX(t, v, "合计"); got != totalX-v.table.scroll.Offset.X {
		t.Errorf("the 合计 header did not follow the figures: %v, table scrolled %v from %v", got, v.table.scroll.Offset.X, totalX)
	}
	press(w, fyne.KeyHome)
	if v.table.scroll.Offset.X != 0 || headerX(t, v, "合计") != totalX {
		t.Errorf("Home leaves the figures scrolled by %v", v.table.scroll.Offset.X)
	}
}

// Shift with the wheel scrolls sideways, as in Excel and WPS; the wheel
// alone scrolls the lines.
func TestShiftWheelScrollsSideways(t *testing.T) {
	v, _, w := open(t, sample(t), "projects")
	narrow(w)
	down := &fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -60)}
	withShift(w, func() { v.catcher.(fyne.Scrollable).Scrolled(down) })
	x := v.table.scroll.Offset.X
	if x <= 0 || v.table.scroll.Offset.Y != 0 {
		t.Fatalf("Shift+wheel: offset %v", v.table.scroll.Offset)
	}
	if v.header.offX != x {
		t.Errorf("the header stayed at %v while the figures went to %v", v.header.offX, x)
	}
	v.catcher.(fyne.Scrollable).Scrolled(down)
	if v.table.scroll.Offset.X != x {
		t.Errorf("the wheel alone moved sideways: %v", v.table.scroll.Offset)
	}
}

// Dragging a header edge sets the column's width, remembered for the next
// table of this layout; a double click on the edge fits it again.
func TestColumnWidthByDragging(t *testing.T) {
	d := sample(t)
	v, _, _ := open(t, d, "projects")
	fitted := v.widths[0]
	edge := v.widths[0] + 2 // the 类型 column's right edge (half the gap)
	v.header.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(edge+40, 10)}, Dragged: fyne.NewDelta(40, 0)})
	v.header.DragEnd()
	if got := v.widths[0]; got != fitted+40 {
		t.Fatalf("dragged 40 px wider: %v → %v", fitted, got)
	}
	// a drag that begins inside a label resizes nothing
	v.header.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(30, 10)}, Dragged: fyne.NewDelta(20, 0)})
	v.header.DragEnd()
	if v.widths[0] != fitted+40 {
		t.Errorf("a drag inside a label changed the width to %v", v.widths[0])
	}
	// the same table opened again (same app, so the same preferences)
	again := New(v.s, d.Table("projects"), v.win)
	if again.widths[0] != fitted+40 {
		t.Errorf("the width was not remembered: %v", again.widths[0])
	}
	v.header.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(fitted+40+2, 10)})
	if v.widths[0] != fitted {
		t.Errorf("a double click on the edge left %v, fitted is %v", v.widths[0], fitted)
	}
	if again := New(v.s, d.Table("projects"), v.win); again.widths[0] != fitted {
		t.Errorf("the fitted width was not remembered: %v", again.widths[0])
	}
}

// A line added with a longer name widens its column.
func TestColumnsWidenForANewLine(t *testing.T) {
	v, _, _ := open(t, sample(t), "general")
	name := -1
	for i, c := range v.grid.Columns {
		if strings.Contains(c.Label, "名称") {
			name = i
		}
	}
	if name < 0 {
		t.Fatal("no name column")
	}
	before := v.widths[name]
	long := strings.Repeat("很长的科目名称", 6) // a code the list lacks, named by the clerk
	v.adder.code.SetText("2059901")
	v.adder.name.SetText(long)
	v.adder.add()
	if v.t.Main().RowIndex("2059901") < 0 {
		t.Fatalf("not added: %s", v.message())
	}
	if v.widths[name] <= before {
		t.Errorf("the name column stayed %v for %q", v.widths[name], long)
	}
}

// A cut name is shown whole when the pointer rests on it.
func TestCutNameShownWholeOnHover(t *testing.T) {
	v, _, _ := open(t, sample(t), "projects")
	var c *gridCell
	for p, cell := range v.cells {
		if p.col == 0 && cell.full != "" {
			c = cell
			break
		}
	}
	if c == nil {
		t.Fatal("no 类型 cell shown")
	}
	v.setColumnWidth(0, 40, false)
	c.Resize(fyne.NewSize(40, c.Size().Height))
	if c.text.Text == c.full {
		t.Fatalf("%q is not cut at 40 px", c.full)
	}
	c.MouseIn(nil)
	deadline := time.Now().Add(5 * time.Second) // the tip waits 0.45 s; a loaded machine more
	for !v.tip.box.Visible() && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if !v.tip.box.Visible() || v.tip.text.Text != c.full {
		t.Fatalf("no tip with %q (shown %v, %q)", c.full, v.tip.box.Visible(), v.tip.text.Text)
	}
	c.MouseOut()
	if v.tip.box.Visible() {
		t.Error("the tip stays after the pointer left")
	}
}

// The legend is off at first (a laptop keeps a line of the table); 图例
// shows it and the choice is remembered.
func TestLegendToggles(t *testing.T) {
	v, _, _ := open(t, sample(t), "general")
	if v.legend.Visible() {
		t.Fatal("the legend shows before it was asked for")
	}
	test.Tap(v.bar.legend)
	if !v.legend.Visible() || !LegendShown() {
		t.Fatal("图例 did not show the legend")
	}
	again := New(v.s, v.t, v.win)
	again.Object()
	if !again.legend.Visible() {
		t.Error("the next table has no legend")
	}
	test.Tap(v.bar.legend)
	if v.legend.Visible() || LegendShown() {
		t.Error("图例 did not hide it again")
	}
}

// A column half under the frozen ones, or cut by the right edge, shows no
// digits (a cut "150.50" reads "50.50"); whole columns and the cursor's
// cell show theirs, and a column scrolled whole shows its figures again.
func TestColumnShownInPartHasNoDigits(t *testing.T) {
	v, _, w := open(t, sample(t), "general")
	narrow(w)
	press(w, fyne.KeyEnd)
	part := v.partialColumns()
	if len(part) == 0 {
		t.Fatal("at the end of a narrow window no column is shown in part: the test shows nothing")
	}
	shown := 0
	for p, c := range v.cells {
		if c.id.Row != p.row || c.id.Col != p.col || p.row >= len(v.grid.Rows) || p.col >= len(v.grid.Columns) {
			continue
		}
		figure := v.grid.Rows[p.row].Cells[p.col].Text
		switch {
		case part[p.col] && p != v.cur && c.text.Text != "":
			t.Errorf("line %d, column %d shown in part draws %q", p.row, p.col, c.text.Text)
		case !part[p.col] && figure != "" && c.text.Text != "":
			shown++
		}
	}
	if shown == 0 {
		t.Error("no whole column draws its figures")
	}
	press(w, fyne.KeyHome)
	for p, c := range v.cells {
		if p.row < len(v.grid.Rows) && p.col < len(v.grid.Columns) && !v.partial[p.col] && c.id.Col == p.col && c.id.Row == p.row &&
			v.grid.Rows[p.row].Cells[p.col].Text != "" && c.text.Text == "" {
			t.Errorf("after Home, line %d column %d is whole but draws nothing", p.row, p.col)
		}
	}
}

// On the 项目支出表 at 720 px, showing a line's 合计 leaves 项目单位 half
// under the frozen names: its cells draw nothing, the 合计 column its figures.
func TestProjectUnitHalfHiddenDrawsNothing(t *testing.T) {
	v, _, w := open(t, sample(t), "projects")
	w.Resize(fyne.NewSize(720, 600))
	unit, total := -1, -1
	for i, c := range v.grid.Columns {
		switch c.Label {
		case "项目单位":
			unit = i
		case "合计":
			total = i
		}
	}
	row := -1
	for i, r := range v.grid.Rows {
		if r.Cells[unit].Text != "" && r.Cells[total].Text != "" {
			row = i
			break
		}
	}
	if unit < 0 || total < 0 || row < 0 {
		t.Fatal("no 项目单位 or 合计 column, or no line with both")
	}
	v.moveTo(pos{row, total}, false)
	if !v.partial[unit] {
		t.Fatalf("项目单位 is not shown in part (offset %v, width %v)", v.table.scroll.Offset, v.table.scroll.Size().Width)
	}
	if c := v.cells[pos{row, unit}]; c == nil || c.text.Text != "" {
		t.Errorf("the half-hidden 项目单位 draws %q", c.text.Text)
	}
	if c := v.cells[pos{row, total}]; c == nil || c.text.Text == "" {
		t.Error("the 合计 beside it draws nothing")
	}
}
