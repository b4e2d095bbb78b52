// Package sheet is the table editor of the window: one grid table of the
// document as it prints (title, unit, the multi-level header drawn above a
// virtualised widget.Table in step with its column widths), edited like a
// spreadsheet. Every change goes through the editing Session; the sheet
// re-reads the table's grid when the Session says the table changed.
//
// Keyboard (grid focused): arrows, Tab/Shift+Tab, Enter/Shift+Enter move
// the cursor; Shift+arrows, Shift+click, Ctrl+Shift+arrows extend the
// selected block; Home/End, Ctrl+Home/End, Ctrl+arrows, PageUp/PageDown
// jump; typing over a cell starts editing with that character; F2 or a
// double-click edits the cell's text (selected whole); Delete/Backspace
// clear the block; Ctrl+C/Ctrl+X/Ctrl+V copy, cut and paste tab-separated
// blocks; Ctrl+A selects the table; Alt+↑/↓ moves a project line; Ctrl+-
// deletes the line; Esc drops the block selection and the message. Other
// shortcuts (Ctrl+Z, Ctrl+Y, Ctrl+S …) go to the window.
//
// Keyboard (editing): Enter/Shift+Enter, Tab/Shift+Tab, ↑/↓ store and
// move; ←/→ store and move when the edit began by typing, else move the
// caret; Esc drops the edit. Ctrl+Z drops what was typed (as Esc), or, when
// nothing was typed, ends the edit and goes to the window's undo; any other
// window shortcut stores the edit first, then goes to the window. A change
// arriving from the window while editing (undo from the menu) drops the
// edit first.
package sheet

import (
	"image/color"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/forms/edit"
)

// pos is a printed cell: line and column of the grid.
type pos struct{ row, col int }

// Sheet shows and edits one grid table.
type Sheet struct {
	s   *edit.Session
	doc *forms.Document
	t   *forms.Table
	win fyne.Window

	grid   *forms.Grid
	lines  [][]*forms.Row // per pane: the lines the grid was made from
	rowOf  [][]int        // per pane: source row → printed line (-1: not printed)
	colOf  map[[2]int]int // (pane, source column) → printed column
	widths []float32
	legend fyne.CanvasObject // the colours' legend (视图 → 显示颜色图例, or 图例)
	find   *findBar          // Ctrl+F

	// FindElsewhere searches the other tables (the find line's 在其他表中找);
	// set by the window
	FindElsewhere func(q string)
	rowH          float32

	table   *gridTable
	header  *gridHeader
	catcher fyne.CanvasObject // takes the wheel over the grid (Shift: sideways)
	tip     *cellTip
	fitted  []float32 // each column's width as fitted to its texts
	dragged []bool    // columns whose width the clerk set by dragging
	obj     fyne.CanvasObject
	info    *widget.Label
	note    *look.Para // the empty-table note, shown while the table is empty
	bar     *toolbar
	adder   *classAdder
	cells   map[pos]*gridCell // the cell widget last given each position
	partial map[int]bool      // the columns shown in part, their text left out (partial.go)
	pending bool              // scroll the cursor into view once laid out

	cur, anchor pos // the cursor and the other corner of the selected block
	focused     bool
	shift       bool // a Shift key is down (drivers that do not report modifiers)
	clicks      doubleClick
	menuClick   bool // the click that opens the cell menu
	marks       map[edit.At]check.Severity

	editor  *cellEditor
	editBox fyne.CanvasObject
	editing *editState
	ending  bool      // an edit is being ended: focus changes are ours
	host    *gridCell // the cell showing the editor

	inOwn, refreshed bool // an edit of ours is running; the window refreshed us during it

	// readOnly: a table kept only as a published document printed it (no
	// kind the program knows): shown from its printed copy, never edited
	readOnly bool
	source   *look.Para // where a table read from a published document came from
}

// editState is an edit in progress.
type editState struct {
	at       pos
	original string // the text the cell showed
	typed    bool   // began by typing over the cell (arrows store and move)
}

// widthScanRows bounds how many lines are measured to size the columns, so
// that opening a table of thousands of lines stays instant.
const widthScanRows = 2000

// New makes the editor of table t in session s; w is the window that shows
// it (dialogs, focus, shortcuts).
func New(s *edit.Session, t *forms.Table, w fyne.Window) *Sheet {
	v := &Sheet{s: s, doc: s.Doc(), t: t, win: w, cells: map[pos]*gridCell{}, marks: map[edit.At]check.Severity{}}
	v.readOnly = t.IsPrinted()
	v.grid = v.gridOf()
	v.index()
	v.fitted = columnWidths(v.grid)
	v.widths = slices.Clone(v.fitted)
	v.dragged = make([]bool, len(v.widths))
	v.keptWidths()
	v.rowH = newGridCell().MinSize().Height
	v.tip = newCellTip(v)
	v.table = newGridTable(v)
	v.table.StickyColumnCount = frozenColumns(v.grid, v.widths)
	for i, w := range v.widths {
		v.table.SetColumnWidth(i, w)
	}
	v.header = newGridHeader(v, v.grid, v.widths, v.table.StickyColumnCount)
	v.catcher = look.WheelTaker(v.wheel)
	v.editor = newCellEditor(v)
	v.editBox = v.editor
	v.cur = v.firstCell()
	v.anchor = v.cur
	v.bar = newToolbar(v)
	v.adder = newClassAdder(v)
	return v
}

// Object is the view: title, unit line, note, legend, the cell toolbar and
// message line, the grid, and (class tables) the line to add a code.
func (v *Sheet) Object() fyne.CanvasObject {
	if v.obj != nil {
		return v.obj
	}
	// the title with 编制单位 and 单位 on its line: one line less above the grid
	v.info = widget.NewLabel(v.infoText())
	top := container.NewVBox(container.NewBorder(nil, nil, v.info, nil, look.Centred(look.Heading(v.t.Title))))
	if v.t.Absent {
		v.obj = container.NewBorder(top, nil, nil, nil, container.NewPadded(widget.NewLabel("本表未提供（导入的文件中没有这张表）。")))
		return v.obj
	}
	v.source = look.Wrapped("")
	v.showPrinted()
	top.Add(v.source)
	if v.readOnly {
		top.Add(v.bar.readOnlyObject())
		v.find = newFindBar(v)
		top.Add(v.find.obj)
		v.obj = container.NewBorder(top, nil, nil, nil, v.body())
		v.updateToolbar()
		return v.obj
	}
	v.note = look.Wrapped("")
	v.note.Importance = widget.WarningImportance
	v.showNote()
	top.Add(v.note)
	v.legend = legend()
	if !LegendShown() {
		v.legend.Hide()
	}
	top.Add(v.legend)
	top.Add(v.bar.object())
	v.find = newFindBar(v)
	top.Add(v.find.obj)
	var bottom fyne.CanvasObject
	if v.adder != nil {
		bottom = v.adder.object()
	}
	v.obj = container.NewBorder(top, bottom, nil, nil, v.body())
	v.updateToolbar()
	return v.obj
}

// showNote shows the table's note (an empty table's, until a figure comes).
func (v *Sheet) showNote() {
	if v.note == nil {
		return
	}
	note := v.doc.NoteOf(v.t)
	if note == v.note.Raw() && v.note.Visible() == (note != "") {
		return
	}
	v.note.SetText(note)
	if note == "" {
		v.note.Hide()
	} else {
		v.note.Show()
	}
}

// gridOf lays the table out: a table kept only as printed from its printed
// copy, any other in its kind's layout (the one the clerk edits).
func (v *Sheet) gridOf() *forms.Grid {
	if v.readOnly {
		return v.doc.ShownGrid(v.t)
	}
	return v.doc.Grid(v.t)
}

// PrintedNote says where a table read from a published document came from
// and what that means for it ("" for a table made here, or edited since).
func PrintedNote(t *forms.Table) string {
	if t.Printed == nil {
		return ""
	}
	from := "读自公开文本"
	if pages := PageList(t.Printed.Pages); pages != "" {
		from += "第" + pages + "页"
	}
	if t.IsPrinted() {
		return from + "，照原样保留（本程序没有这种表格的格式），不参与审核、不能修改。"
	}
	return from + "，按“" + t.Kind.Def().Title + "”审核。导出时照公开文本的原样印出；一经修改（数字、增删行、改名），导出改按本程序的格式印出。"
}

// PageList names pages as a reader counts them: "6", "6–7", "6、9".
func PageList(pages []int) string {
	if len(pages) == 0 {
		return ""
	}
	contiguous := true
	for i := 1; i < len(pages); i++ {
		contiguous = contiguous && pages[i] == pages[i-1]+1
	}
	first, last := pages[0], pages[len(pages)-1]
	switch {
	case first == last:
		return strconv.Itoa(first)
	case contiguous:
		return strconv.Itoa(first) + "–" + strconv.Itoa(last)
	}
	parts := make([]string, len(pages))
	for i, p := range pages {
		parts[i] = strconv.Itoa(p)
	}
	return strings.Join(parts, "、")
}

// showPrinted shows (or, once an edit dropped the printed copy, hides) the
// line saying where the table was read from.
func (v *Sheet) showPrinted() {
	if v.source == nil {
		return
	}
	note := PrintedNote(v.t)
	if note == v.source.Raw() && v.source.Visible() == (note != "") {
		return
	}
	v.source.SetText(note)
	if note == "" {
		v.source.Hide()
	} else {
		v.source.Show()
	}
}

func (v *Sheet) infoText() string {
	return "编制单位：" + v.doc.Meta.Name + "　　单位：" + string(v.t.Unit)
}

// Refresh follows a change of the document: when it touched this table,
// the grid is read again (lines re-laid when lines changed) and the cursor
// stays on its line. An edit in progress is dropped first when the change
// is not ours (undo from the window).
func (v *Sheet) Refresh(c edit.Change) {
	if !c.Meta && !slices.Contains(c.Tables, v.t.ID) {
		return
	}
	if v.inOwn {
		v.refreshed = true
	} else {
		if v.editing != nil {
			v.cancelEdit(v.editorFocused())
		}
		// an undo, a redo or another screen changed the table: a message
		// about the last edit here may no longer be true
		v.say("", false)
	}
	if c.Meta && v.info != nil {
		v.info.SetText(v.infoText())
	}
	v.showPrinted() // the first edit drops the printed copy, undo brings it back
	if !c.Rows && !c.Meta && v.grid != nil {
		v.refigure()
	} else {
		v.reload()
	}
	if !v.inOwn {
		v.showChanged(c.Cells) // undo, redo: the cursor goes where the figure changed
	}
}

// showChanged puts the cursor on the first of the cells a change made in
// this table.
func (v *Sheet) showChanged(cells []edit.At) {
	for _, a := range cells {
		if a.Table != v.t.ID {
			continue
		}
		if p, ok := v.printed(a); ok {
			v.moveTo(p, false)
			return
		}
	}
}

// refigure updates the figures shown when lines stayed as they were.
func (v *Sheet) refigure() {
	if v.readOnly {
		return // a printed copy has no figures that change
	}
	v.doc.RefreshFigures(v.t, v.grid)
	v.table.Refresh()
	v.updateToolbar()
	v.showNote()
}

// Select puts the cursor on a cell, scrolls it into view and focuses the
// grid.
func (v *Sheet) Select(a edit.At) {
	if a.Table != v.t.ID {
		return
	}
	p, ok := v.printed(a)
	if !ok {
		return
	}
	v.Commit()
	v.moveTo(p, false)
	v.Focus()
}

// Cursor is the cell under the cursor, as the document addresses it.
func (v *Sheet) Cursor() edit.At { return v.atOf(v.cur) }

// SetMarks tints the cells findings speak of (the most severe wins).
func (v *Sheet) SetMarks(m map[edit.At]check.Severity) {
	v.marks = map[edit.At]check.Severity{}
	for a, s := range m {
		if a.Table == v.t.ID {
			v.marks[a] = s
		}
	}
	v.table.Refresh()
}

// Focus gives the keyboard to the grid.
func (v *Sheet) Focus() { v.focusGrid() }

// Commit finishes an edit in progress: what was typed is stored, or, when
// the document refuses it, dropped with the reason shown.
func (v *Sheet) Commit() {
	if v.editing == nil {
		return
	}
	refocus := v.editorFocused()
	if !v.commitEdit(refocus) && v.editing != nil {
		v.endEdit(refocus) // the refusal's reason stays said
	}
}

// ---- the grid's data ----

// index maps source cells to printed ones.
func (v *Sheet) index() {
	v.rowOf = make([][]int, len(v.t.Panes))
	v.lines = make([][]*forms.Row, len(v.t.Panes))
	for pi, p := range v.t.Panes {
		v.lines[pi] = slices.Clone(p.Rows)
		v.rowOf[pi] = make([]int, len(p.Rows))
		for i := range v.rowOf[pi] {
			v.rowOf[pi][i] = -1
		}
	}
	for gi, r := range v.grid.Rows {
		for _, c := range r.Cells {
			if c.Pane >= 0 && c.Row >= 0 && c.Pane < len(v.rowOf) && c.Row < len(v.rowOf[c.Pane]) {
				v.rowOf[c.Pane][c.Row] = gi
			}
		}
	}
	v.colOf = map[[2]int]int{}
	for ci, c := range v.grid.Columns {
		if c.Col >= 0 {
			v.colOf[[2]int{c.Pane, c.Col}] = ci
		}
	}
}

// printed finds the printed cell of a source cell (a column not printed
// gives the line's first column of that pane).
func (v *Sheet) printed(a edit.At) (pos, bool) {
	if a.Pane < 0 || a.Pane >= len(v.rowOf) || a.Row < 0 || a.Row >= len(v.rowOf[a.Pane]) {
		return pos{}, false
	}
	row := v.rowOf[a.Pane][a.Row]
	if row < 0 {
		return pos{}, false
	}
	if col, ok := v.colOf[[2]int{a.Pane, a.Col}]; ok {
		return pos{row, col}, true
	}
	for ci, c := range v.grid.Columns {
		if c.Pane == a.Pane || c.Pane < 0 {
			return pos{row, ci}, true
		}
	}
	return pos{row, 0}, true
}

// cellAt is the printed cell at p.
func (v *Sheet) cellAt(p pos) forms.GridCell {
	if p.row < 0 || p.row >= len(v.grid.Rows) || p.col < 0 || p.col >= len(v.grid.Rows[p.row].Cells) {
		return forms.GridCell{State: forms.CellBlank, Pane: -1, Row: -1, Col: -1}
	}
	return v.grid.Rows[p.row].Cells[p.col]
}

// atOf is the source address of a printed cell (Col -1 for code and name).
func (v *Sheet) atOf(p pos) edit.At {
	c := v.cellAt(p)
	return edit.At{Table: v.t.ID, Pane: c.Pane, Row: c.Row, Col: c.Col}
}

// sourceRow is the document line a printed cell belongs to, or nil (as
// the grid was made: between a change of lines and the reload that
// follows, the pane's own list has already changed).
func (v *Sheet) sourceRow(p pos) *forms.Row {
	c := v.cellAt(p)
	if c.Pane < 0 || c.Pane >= len(v.lines) || c.Row < 0 || c.Row >= len(v.lines[c.Pane]) {
		return nil
	}
	return v.lines[c.Pane][c.Row]
}

// firstCell is where the cursor starts: the first amount column of the
// first line.
func (v *Sheet) firstCell() pos {
	for ci, c := range v.grid.Columns {
		if c.Amount {
			return pos{0, ci}
		}
	}
	return pos{0, 0}
}

// reload reads the grid again after a change and keeps the cursor and the
// block's corner on their lines (found by the line itself, so that they
// follow a line that moved).
func (v *Sheet) reload() {
	type mark struct {
		pane int
		row  *forms.Row
	}
	remember := func(p pos) mark {
		c := v.cellAt(p)
		if r := v.sourceRow(p); r != nil {
			return mark{c.Pane, r}
		}
		return mark{-1, nil}
	}
	find := func(m mark, p pos) pos {
		if m.row != nil {
			for ri, r := range v.t.Panes[m.pane].Rows {
				if r == m.row {
					if gi := v.rowOf[m.pane][ri]; gi >= 0 {
						p.row = gi
					}
					break
				}
			}
		}
		return v.clamp(p)
	}
	mc, ma := remember(v.cur), remember(v.anchor)
	v.grid = v.gridOf()
	v.index()
	v.cur, v.anchor = find(mc, v.cur), find(ma, v.anchor)
	v.refit()
	v.table.Refresh()
	v.updateToolbar()
	v.showNote()
}

func (v *Sheet) clamp(p pos) pos {
	p.row = max(0, min(p.row, len(v.grid.Rows)-1))
	p.col = max(0, min(p.col, len(v.grid.Columns)-1))
	return p
}

// updateCell draws one cell: its text and state colour, a finding's tint,
// the selection, and the editor when it is being edited.
func (v *Sheet) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*gridCell)
	p := pos{id.Row, id.Col}
	if old := (pos{c.id.Row, c.id.Col}); old != p && v.cells[old] == c {
		delete(v.cells, old)
	}
	c.id = id
	v.cells[p] = c
	if id.Row >= len(v.grid.Rows) || id.Col >= len(v.grid.Columns) {
		c.set("", fyne.TextAlignLeading, look.EnteredBg, look.Text, false)
		c.showSelection(selNone, false)
		c.hostEditor(nil)
		return
	}
	cell := v.grid.Rows[id.Row].Cells[id.Col]
	bg, fg, bold := cellLook(cell.State, cell.Total)
	if tint, ok := v.tint(cell); ok {
		bg = tint
	}
	align := fyne.TextAlignLeading
	if v.grid.Columns[id.Col].Amount {
		align = fyne.TextAlignTrailing
	}
	text := cell.Text
	if v.grid.Columns[id.Col].Amount {
		text = shownFigure(text)
	}
	if v.partial[id.Col] && p != v.cur {
		text = ""
	}
	c.set(text, align, bg, fg, bold)
	c.showSelection(v.selLookAt(p), v.focused)
	if v.editing != nil && v.editing.at == p {
		if v.host != nil && v.host != c {
			v.host.hostEditor(nil)
		}
		v.host = c
		c.hostEditor(v.editBox)
	} else if c.editor != nil {
		c.hostEditor(nil)
	}
}

// refreshCell redraws one printed cell, if it is shown.
func (v *Sheet) refreshCell(p pos) {
	if c := v.cells[p]; c != nil && c.id.Row == p.row && c.id.Col == p.col {
		v.updateCell(c.id, c)
	}
}

// tint is the colour of the most severe finding on a cell.
func (v *Sheet) tint(c forms.GridCell) (color.Color, bool) {
	if len(v.marks) == 0 || c.Row < 0 || c.Col < 0 {
		return nil, false
	}
	s, ok := v.marks[edit.At{Table: v.t.ID, Pane: c.Pane, Row: c.Row, Col: c.Col}]
	if !ok {
		return nil, false
	}
	switch s {
	case check.Error:
		return look.ErrorTint, true
	case check.Warning:
		return look.WarningTint, true
	}
	return look.HintTint, true
}

// cellLook: entered figures on white, computed ones on grey in a muted
// colour, a given total that differs from the computed one on amber, total
// lines bold.
func cellLook(s forms.CellState, total bool) (bg, fg color.Color, bold bool) {
	switch s {
	case forms.CellComputed:
		return look.ComputedBg, look.ComputedFg, total
	case forms.CellGiven:
		return look.GivenBg, look.GivenFg, true
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
		swatch(look.ComputedBg, "程序计算（只读）"),
		swatch(look.GivenBg, "导入或粘贴的合计与计算值不符"),
		swatch(look.ErrorTint, "错误"),
		swatch(look.WarningTint, "警告"),
		swatch(look.HintTint, "提示"),
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
		if c.Amount {
			w[i] = max(w[i], 96) // room to type a figure
		}
	}
	for ri, r := range g.Rows {
		if ri >= widthScanRows {
			break
		}
		for i, c := range r.Cells {
			text := c.Text
			if g.Columns[i].Amount {
				text = shownFigure(text)
			}
			w[i] = max(w[i], measure(text, r.Total))
		}
	}
	forms.WidenForGroups(g, w, pad, func(s string) float32 { return measure(s, true) })
	for i := range w {
		w[i] = min(w[i], 420)
	}
	return w
}

// body is the header over the table, and the wheel's catcher over both.
func (v *Sheet) body() fyne.CanvasObject {
	return container.New(&bodyLayout{v: v}, v.header, v.table, v.catcher, v.tip.box)
}

// bodyLayout puts the header above the table, both as wide as the view:
// the table scrolls its columns itself (the frozen ones stay) and the
// header follows.
type bodyLayout struct{ v *Sheet }

func (l *bodyLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	v := l.v
	hh := v.header.MinSize().Height
	v.header.Move(fyne.NewPos(0, 0))
	v.header.Resize(fyne.NewSize(size.Width, hh))
	v.table.Move(fyne.NewPos(0, hh))
	v.table.Resize(fyne.NewSize(size.Width, size.Height-hh))
	v.catcher.Move(fyne.NewPos(0, hh))
	v.catcher.Resize(fyne.NewSize(size.Width, size.Height-hh))
	v.tip.box.Resize(size)
	if v.pending {
		v.pending = false
		v.ensureVisible(v.cur)
	}
	v.refreshPartial() // another width shows other columns in part
}

func (l *bodyLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	hs := l.v.header.MinSize()
	return fyne.NewSize(hs.Width, hs.Height+120)
}
