package sheet

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/app/uitest"
	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/forms/classify"
	"yusuan/forms/edit"
	"yusuan/forms/money"
)

// open shows a table of a document in a test window, the way the main
// window does: the session's changes refresh the sheet.
func open(t testing.TB, d *forms.Document, table string) (*Sheet, *edit.Session, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(look.NewTheme())
	s := edit.New(d)
	tw := test.NewWindow(nil)
	w := &window{Window: tw, c: &shortcutCanvas{Canvas: tw.Canvas()}}
	v := New(s, d.Table(table), w)
	s.Watch(v.Refresh)
	w.SetContent(v.Object())
	w.Resize(fyne.NewSize(1280, 800))
	// painted once, as the real window is before a clerk can act: the
	// frozen columns' clip is a widget the focus manager only searches
	// once it has been drawn
	tw.Canvas().Capture()
	v.Focus()
	return v, s, w
}

// window is a test window whose canvas runs its shortcuts when typed, as
// the real driver's canvas does (the test canvas keeps them only).
type window struct {
	fyne.Window
	c *shortcutCanvas
}

func (w *window) Canvas() fyne.Canvas { return w.c }

type shortcutCanvas struct {
	fyne.Canvas
	h fyne.ShortcutHandler
}

func (c *shortcutCanvas) AddShortcut(s fyne.Shortcut, f func(fyne.Shortcut)) { c.h.AddShortcut(s, f) }
func (c *shortcutCanvas) TypedShortcut(s fyne.Shortcut)                      { c.h.TypedShortcut(s) }

func sample(t testing.TB) *forms.Document {
	t.Helper()
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// cell is the printed cell of a one-pane table's row key and column key
// ("" column: the name column).
func cell(t testing.TB, v *Sheet, row, col string) pos {
	t.Helper()
	p := v.t.Main()
	ci := -1
	if col != "" {
		ci = p.Col(col)
	}
	at, ok := v.printed(edit.At{Table: v.t.ID, Row: p.RowIndex(row), Col: ci})
	if !ok || (col != "" && ci < 0) {
		t.Fatalf("no cell %s/%s", row, col)
	}
	if col == "" {
		at.col = 1 // the name column of a class table
	}
	return at
}

func value(v *Sheet, row, col string) money.Amount {
	x, _ := v.t.Main().Value(row, col)
	return x
}

// The driver sends keys and characters to the focused object.
func typeText(w fyne.Window, s string) {
	for _, r := range s {
		w.Canvas().Focused().TypedRune(r)
	}
}

func press(w fyne.Window, name fyne.KeyName) {
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: name})
}

func shortcut(w fyne.Window, s fyne.Shortcut) {
	w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(s)
}

// withShift runs f with a Shift key held.
func withShift(w fyne.Window, f func()) {
	k := &fyne.KeyEvent{Name: desktop.KeyShiftLeft}
	w.Canvas().Focused().(desktop.Keyable).KeyDown(k)
	f()
	w.Canvas().Focused().(desktop.Keyable).KeyUp(k)
}

// shown is the text a cell widget shows for a printed cell.
func shown(v *Sheet, p pos) *gridCell {
	c := newGridCell()
	v.updateCell(widget.TableCellID{Row: p.row, Col: p.col}, c)
	return c
}

func TestHeaderFiguresAndComputedCells(t *testing.T) {
	d := sample(t)
	v, _, _ := open(t, d, "general")
	heads := strings.Join(v.header.labels(), "|")
	for _, want := range []string{"科目编码", "功能分类科目名称", "合计", "基本支出", "小计", "人员经费", "公用经费", "项目支出"} {
		if !strings.Contains(heads, want) {
			t.Errorf("header lacks %s: %s", want, heads)
		}
	}
	total := shown(v, cell(t, v, "total", "total"))
	if total.text.Text != "6677.45" || total.bg.FillColor != look.ComputedBg || total.text.Alignment != fyne.TextAlignTrailing {
		t.Errorf("合计 cell: %q %v", total.text.Text, total.bg.FillColor)
	}
	entered := shown(v, cell(t, v, "2013101", "public"))
	if entered.text.Text != "174.40" || entered.bg.FillColor != look.EnteredBg {
		t.Errorf("entered cell: %q %v", entered.text.Text, entered.bg.FillColor)
	}
	if code := shown(v, pos{cell(t, v, "2013101", "public").row, 0}); code.text.Text != "2013101" || code.text.Alignment != fyne.TextAlignLeading {
		t.Errorf("code cell %q", code.text.Text)
	}
	for i, w := range v.widths {
		if w < fyne.MeasureText(v.grid.Columns[i].Label, 14, fyne.TextStyle{}).Width {
			t.Errorf("column %d narrower than its label", i)
		}
	}
}

func TestTypingAFigureChangesTheDocumentAndTheTotal(t *testing.T) {
	v, s, w := open(t, sample(t), "general")
	p := cell(t, v, "2013101", "public")
	v.moveTo(p, false)
	typeText(w, "200")
	if v.editing == nil || w.Canvas().Focused() != fyne.Focusable(v.editor) || v.editor.Text != "200" {
		t.Fatalf("typing a digit should start editing with it: editing %v, text %q", v.editing != nil, v.editor.Text)
	}
	if v.host == nil || v.host.editor == nil {
		t.Error("the editor is not shown in the cell")
	}
	press(w, fyne.KeyReturn)
	if got := value(v, "2013101", "public"); got != money.MustParse("200.00") {
		t.Errorf("2013101 公用经费 = %v", got)
	}
	if got := value(v, "total", "public"); got != money.MustParse("200.00") {
		t.Errorf("the 合计 line did not follow: %v", got)
	}
	if got := shown(v, cell(t, v, "total", "public")).text.Text; got != "200.00" {
		t.Errorf("the grid shows the total %q", got)
	}
	if v.editing != nil || w.Canvas().Focused() != fyne.Focusable(v.table) {
		t.Error("Enter should end the edit and give the keyboard back to the grid")
	}
	if v.cur != (pos{p.row + 1, p.col}) {
		t.Errorf("Enter moves down: cursor %v", v.cur)
	}
	if s.UndoLabel() != "填写 2013101 行政运行 基本支出公用经费" {
		t.Errorf("undo label %q", s.UndoLabel())
	}
	// Tab stores and moves right; the figure typed in 元 style with a comma
	v.moveTo(cell(t, v, "2013102", "personnel"), false)
	typeText(w, "1,000")
	press(w, fyne.KeyTab)
	if value(v, "2013102", "personnel") != money.MustParse("1000.00") || v.cur != cell(t, v, "2013102", "public") {
		t.Errorf("Tab: %v, cursor %v", value(v, "2013102", "personnel"), v.cur)
	}
}

func TestKeysMoveTheCursor(t *testing.T) {
	v, _, w := open(t, sample(t), "general")
	start := cell(t, v, "2013101", "personnel")
	v.moveTo(start, false)
	steps := []struct {
		key  fyne.KeyName
		want pos
	}{
		{fyne.KeyDown, pos{start.row + 1, start.col}},
		{fyne.KeyRight, pos{start.row + 1, start.col + 1}},
		{fyne.KeyUp, pos{start.row, start.col + 1}},
		{fyne.KeyLeft, start},
		{fyne.KeyReturn, pos{start.row + 1, start.col}},
		{fyne.KeyTab, pos{start.row + 1, start.col + 1}},
		{fyne.KeyHome, pos{start.row + 1, 0}},
		{fyne.KeyEnd, pos{start.row + 1, len(v.grid.Columns) - 1}},
		{fyne.KeyTab, pos{start.row + 2, 0}}, // Tab at the end of a line goes on to the next
	}
	for _, st := range steps {
		press(w, st.key)
		if v.cur != st.want {
			t.Fatalf("%s: cursor %v, want %v", st.key, v.cur, st.want)
		}
	}
	withShift(w, func() { press(w, fyne.KeyTab) })
	if v.cur != (pos{start.row + 1, len(v.grid.Columns) - 1}) {
		t.Errorf("Shift+Tab: %v", v.cur)
	}
	withShift(w, func() { press(w, fyne.KeyReturn) })
	if v.cur != (pos{start.row, len(v.grid.Columns) - 1}) {
		t.Errorf("Shift+Enter: %v", v.cur)
	}
	// the cursor stops at the edges
	v.moveTo(pos{0, 0}, false)
	press(w, fyne.KeyUp)
	press(w, fyne.KeyLeft)
	if v.cur != (pos{0, 0}) {
		t.Errorf("past the edge: %v", v.cur)
	}
	// a click moves it; a second click on the same cell edits
	v.clicked(start.row, start.col, false)
	if v.cur != start || v.editing != nil {
		t.Errorf("click: %v", v.cur)
	}
	v.clicked(start.row, start.col, false)
	if v.editing == nil || v.editor.SelectedText() != "567.09" {
		t.Errorf("double click should edit with the text selected: %q", v.editor.SelectedText())
	}
}

func TestALetterIsRefusedInPlaceAndTheValueKept(t *testing.T) {
	v, s, w := open(t, sample(t), "general")
	v.moveTo(cell(t, v, "2013101", "public"), false)
	typeText(w, "17a.4")
	press(w, fyne.KeyReturn)
	if got := value(v, "2013101", "public"); got != money.MustParse("174.40") || s.CanUndo() {
		t.Errorf("a refused entry changed the value: %v", got)
	}
	msg := v.message()
	for _, want := range []string{"2013101 行政运行 基本支出公用经费", "“17a.4”不是有效金额", "含有非数字字符“a”", "原值 174.40 未改动"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if v.bar.msg.Importance != widget.DangerImportance {
		t.Error("the reason is not shown as an error")
	}
	// the editor stays on the cell with the text, to be corrected
	if v.editing == nil || v.editor.Text != "17a.4" || v.cur != cell(t, v, "2013101", "public") {
		t.Fatalf("after a refusal: editing %v, text %q", v.editing != nil, v.editor.Text)
	}
	press(w, fyne.KeyEscape)
	if v.editing != nil || shown(v, v.cur).text.Text != "174.40" {
		t.Error("Esc after a refusal")
	}
	if v.message() != "" {
		t.Errorf("the refusal is still said after Esc: %q", v.message())
	}
	// Commit (the window saving) drops a refused entry, with the reason
	typeText(w, "x")
	v.Commit()
	if v.editing != nil || value(v, "2013101", "public") != money.MustParse("174.40") || !strings.Contains(v.message(), "“x”") {
		t.Errorf("Commit of a refused entry: %q", v.message())
	}
}

func TestEscCancelsAnEdit(t *testing.T) {
	v, s, w := open(t, sample(t), "general")
	p := cell(t, v, "2013101", "personnel")
	v.moveTo(p, false)
	press(w, fyne.KeyF2)
	if v.editing == nil || v.editor.Text != "567.09" || v.editor.SelectedText() != "567.09" {
		t.Fatalf("F2 edits with the text selected: %q / %q", v.editor.Text, v.editor.SelectedText())
	}
	typeText(w, "999")
	press(w, fyne.KeyEscape)
	if v.editing != nil || value(v, "2013101", "personnel") != money.MustParse("567.09") || s.CanUndo() {
		t.Error("Esc should drop the edit")
	}
	if w.Canvas().Focused() != fyne.Focusable(v.table) || v.cur != p {
		t.Error("after Esc the grid has the keyboard on the same cell")
	}
}

func TestDeleteClearsTheBlock(t *testing.T) {
	v, s, w := open(t, sample(t), "general")
	v.moveTo(cell(t, v, "2013101", "personnel"), false)
	withShift(w, func() { press(w, fyne.KeyRight) })
	if !v.inBlock(cell(t, v, "2013101", "public")) {
		t.Fatal("Shift+→ should extend the selection")
	}
	press(w, fyne.KeyDelete)
	if value(v, "2013101", "personnel") != 0 || value(v, "2013101", "public") != 0 || value(v, "total", "basic") != money.MustParse("201.76") {
		t.Errorf("Delete: basic total %v", value(v, "total", "basic"))
	}
	if s.UndoLabel() != "清除 2 个单元格" {
		t.Errorf("one undo step: %q", s.UndoLabel())
	}
}

func TestComputedCellsAreReadOnly(t *testing.T) {
	v, s, w := open(t, sample(t), "general")
	v.moveTo(cell(t, v, "201", "public"), false)
	typeText(w, "5")
	if v.editing != nil || s.CanUndo() {
		t.Error("typing into a computed cell should not edit")
	}
	if msg := v.message(); !strings.Contains(msg, "201 一般公共服务支出 基本支出公用经费") || !strings.Contains(msg, "程序计算") || !strings.Contains(msg, "只读") {
		t.Errorf("message %q", msg)
	}
	press(w, fyne.KeyDelete)
	if value(v, "201", "public") != money.MustParse("174.40") || s.CanUndo() {
		t.Error("Delete on a computed cell")
	}
	if !strings.Contains(v.bar.where.Text, "程序计算（只读）") {
		t.Errorf("toolbar %q", v.bar.where.Text)
	}
	// codes are not typed over either
	v.moveTo(pos{v.cur.row, 0}, false)
	typeText(w, "9")
	if v.editing != nil || !strings.Contains(v.message(), "编码不能直接修改") {
		t.Errorf("typing over a code: %q", v.message())
	}
}

func TestPasteABlockAppliesAndReportsRefusals(t *testing.T) {
	v, s, w := open(t, sample(t), "general")
	v.moveTo(cell(t, v, "2013101", "personnel"), false)
	fyne.CurrentApp().Clipboard().SetContent("100.00\t50.00\r\n10.00\tabc\r\n1.00\t2.00\r\n")
	shortcut(w, &fyne.ShortcutPaste{})
	want := map[[2]string]string{
		{"2013101", "personnel"}: "100.00", {"2013101", "public"}: "50.00",
		{"2013102", "personnel"}: "10.00", {"2013102", "public"}: "0.00",
		{"2013199", "personnel"}: "1.00", {"2013199", "public"}: "2.00",
	}
	for k, x := range want {
		if got := value(v, k[0], k[1]); got != money.MustParse(x) {
			t.Errorf("%s %s = %v, want %s", k[0], k[1], got, x)
		}
	}
	msg := v.message()
	for _, wantText := range []string{"已粘贴 5 个单元格。1 个单元格未粘贴：2013102 一般行政管理事务 基本支出公用经费：“abc”不是有效金额"} {
		if !strings.Contains(msg, wantText) {
			t.Errorf("message %q lacks %q", msg, wantText)
		}
	}
	if s.UndoLabel() != "粘贴 5 个单元格" {
		t.Errorf("one undo step: %q", s.UndoLabel())
	}
	if top, left, bottom, right := v.block(); bottom-top != 2 || right-left != 1 {
		t.Errorf("the pasted block is selected: %d..%d × %d..%d", top, bottom, left, right)
	}
	s.Undo()
	if value(v, "2013101", "personnel") != money.MustParse("567.09") || value(v, "2013199", "public") != 0 {
		t.Error("one undo takes the whole paste back")
	}
	// a block copied with its codes and names, pasted at the code column:
	// codes and names are skipped; past the last line is reported
	last := len(v.grid.Rows) - 1
	v.moveTo(pos{last, 0}, false)
	fyne.CurrentApp().Clipboard().SetContent("2210201\t住房公积金\t\t\t70.00\t\t\n2210299\t其他\t\t\t1.00\t\t\n")
	shortcut(w, &fyne.ShortcutPaste{})
	if value(v, "2210201", "personnel") != money.MustParse("70.00") || !strings.Contains(v.message(), "7 个单元格超出表格范围") {
		t.Errorf("paste at the last line: %v, %q", value(v, "2210201", "personnel"), v.message())
	}
}

// A figure pasted over a total that differs from the sum is kept as
// pasted (decision 2), and the message says so and where.
func TestPasteOverATotalSaysSo(t *testing.T) {
	v, s, w := open(t, sample(t), "general")
	v.moveTo(cell(t, v, "20199", "personnel"), false)
	fyne.CurrentApp().Clipboard().SetContent("100.00")
	shortcut(w, &fyne.ShortcutPaste{})
	if got := value(v, "20199", "personnel"); got != money.MustParse("100.00") {
		t.Fatalf("the total holds %v", got)
	}
	if msg := v.message(); !strings.Contains(msg, "20199 其他一般公共服务支出 基本支出人员经费是合计，粘贴的数与计算值不符，照粘贴的数保留") {
		t.Errorf("message %q", msg)
	}
	s.Undo()
	// a figure equal to the sum is taken as the sum: nothing to say
	v.moveTo(cell(t, v, "20131", "personnel"), false)
	fyne.CurrentApp().Clipboard().SetContent(money.Format(value(v, "20131", "personnel"), false))
	shortcut(w, &fyne.ShortcutPaste{})
	if msg := v.message(); strings.Contains(msg, "合计") {
		t.Errorf("a paste equal to the sum: %q", msg)
	}
}

func TestPasteListsManyRefusalsInADialog(t *testing.T) {
	v, _, w := open(t, sample(t), "general")
	v.moveTo(cell(t, v, "2013101", "personnel"), false)
	fyne.CurrentApp().Clipboard().SetContent(strings.Repeat("x\ty\n", 7))
	shortcut(w, &fyne.ShortcutPaste{})
	if !strings.Contains(v.message(), "已粘贴 0 个单元格。14 个单元格未粘贴，如 2013101 行政运行 基本支出人员经费：“x”不是有效金额") {
		t.Errorf("message %q", v.message())
	}
	texts := overlayTexts(w)
	if !strings.Contains(texts, "……另有 4 个单元格未粘贴") || !strings.Contains(texts, "• 2013102 一般行政管理事务 基本支出人员经费：“x”不是有效金额") || strings.Contains(texts, "2210201") {
		t.Errorf("dialog: %s", texts)
	}
}

func TestCopyABlock(t *testing.T) {
	v, _, w := open(t, sample(t), "general")
	from := cell(t, v, "2013101", "public")
	v.moveTo(pos{from.row, 0}, false)
	withShift(w, func() {
		press(w, fyne.KeyDown)
		for v.cur.col < from.col {
			press(w, fyne.KeyRight)
		}
	})
	shortcut(w, &fyne.ShortcutCopy{})
	want := "2013101\t行政运行\t741.49\t741.49\t567.09\t174.40\n2013102\t一般行政管理事务\t4926.10\t\t\t\n"
	if got := fyne.CurrentApp().Clipboard().Content(); got != want {
		t.Errorf("copied %q, want %q", got, want)
	}
	// a Shift+click extends the block too
	v.moveTo(from, false)
	v.table.MouseDown(&desktop.MouseEvent{Modifier: fyne.KeyModifierShift})
	v.clicked(from.row+2, from.col, v.table.clickShift)
	if top, _, bottom, _ := v.block(); bottom-top != 2 {
		t.Error("Shift+click")
	}
}

func TestParseTSV(t *testing.T) {
	got := parseTSV("a\tb\r\n\r\n\"x\ty\"\t\"say \"\"hi\"\"\"\nlast\n")
	want := [][]string{{"a", "b"}, {""}, {"x\ty", `say "hi"`}, {"last"}}
	if len(got) != len(want) {
		t.Fatalf("%q", got)
	}
	for i := range want {
		if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("line %d: %q, want %q", i, got[i], want[i])
		}
	}
}

func TestAddALineByCode(t *testing.T) {
	d := sample(t)
	v, _, w := open(t, d, "general")
	for _, code := range []string{"2210201", "22102", "221"} {
		if err := v.s.RemoveRow("general", 0, v.t.Main().RowIndex(code)); err != nil {
			t.Fatal(err)
		}
	}
	a := v.adder
	a.code.SetText("221 02 01")
	if a.name.Text != "住房公积金" {
		t.Errorf("the name should fill from the list: %q", a.name.Text)
	}
	a.add()
	p := v.t.Main()
	ri := p.RowIndex("2210201")
	if ri < 0 || p.Rows[ri].Name != "住房公积金" || p.RowIndex("22102") < 0 || p.RowIndex("221") < 0 {
		t.Fatal("the code and its 类 and 款 should be added")
	}
	if !strings.Contains(v.message(), "已添加“2210201 住房公积金”，并补上了它的 2 个上级科目") {
		t.Errorf("message %q", v.message())
	}
	if v.sourceRow(v.cur) != p.Rows[ri] || w.Canvas().Focused() != fyne.Focusable(v.table) {
		t.Error("the cursor should be on the new line, ready to type")
	}
	// an unknown code needs a name
	a.code.SetText("2059901")
	a.add()
	if p.RowIndex("2059901") >= 0 || !strings.Contains(v.message(), "请同时填写名称") {
		t.Errorf("an unknown code without a name: %q", v.message())
	}
	a.name.SetText("其他教育管理事务")
	a.add()
	if ri := p.RowIndex("2059901"); ri < 0 || p.Rows[ri].Name != "其他教育管理事务" {
		t.Error("an unknown code with its name")
	}
	// the picker searches the list by code, name or pinyin initials
	all := d.Catalog().Entries(p.Kind().Scheme, d.Meta.Year)
	if got := classify.Filter(all, "行政运行"); len(got) == 0 || got[0].Name != "行政运行" {
		t.Errorf("search by name: %v", got)
	}
	for _, e := range classify.Filter(all, "201 31") {
		if !strings.HasPrefix(e.Code, "20131") {
			t.Errorf("search by code: %v", e)
		}
	}
	if got := classify.Filter(all, "xzyx"); len(got) == 0 || got[0].Name != "行政运行" {
		t.Errorf("search by initials: %v", got)
	}
}

func TestRenameByEditingTheName(t *testing.T) {
	v, _, w := open(t, sample(t), "general")
	v.moveTo(cell(t, v, "2101101", ""), false)
	press(w, fyne.KeyF2)
	if v.editor.Text != "行政单位医疗" {
		t.Fatalf("the editor starts from the name: %q", v.editor.Text)
	}
	typeText(w, "行政单位医疗（改）")
	press(w, fyne.KeyReturn)
	if got := v.t.Main().Row("2101101").Name; got != "行政单位医疗（改）" {
		t.Errorf("renamed to %q", got)
	}
	if got := shown(v, cell(t, v, "2101101", "")).text.Text; got != "行政单位医疗（改）" {
		t.Errorf("the grid still shows %q", got)
	}
	// the 合计 line's name is the template's
	v.moveTo(cell(t, v, "total", ""), false)
	typeText(w, "x")
	if v.editing != nil || !strings.Contains(v.message(), "名称不能修改") {
		t.Errorf("renaming 合计: %q", v.message())
	}
}

// overlayTexts lists the texts shown in the window's pop-ups (dialogs).
func overlayTexts(w fyne.Window) string {
	var out []string
	for _, o := range w.Canvas().Overlays().List() {
		for _, x := range test.LaidOutObjects(o) {
			switch x := x.(type) {
			case *widget.Label:
				out = append(out, x.Text)
			case *widget.RichText:
				out = append(out, x.String())
			}
		}
	}
	return strings.Join(out, "\n")
}

// tapButton taps the button with a label in the window's pop-ups.
func tapButton(t *testing.T, w fyne.Window, label string) {
	t.Helper()
	for _, o := range w.Canvas().Overlays().List() {
		for _, x := range test.LaidOutObjects(o) {
			if b, ok := x.(*widget.Button); ok && b.Text == label {
				test.Tap(b)
				return
			}
		}
	}
	t.Fatalf("no button %s in %d pop-ups", label, len(w.Canvas().Overlays().List()))
}

func TestRemovingALineWithMoneyAsks(t *testing.T) {
	v, s, w := open(t, sample(t), "general")
	p := v.t.Main()
	v.moveTo(cell(t, v, "2101101", "personnel"), false)
	v.removeRow()
	if !strings.Contains(overlayTexts(w), "“2101101 行政单位医疗”填有金额") {
		t.Fatalf("no question asked: %q", overlayTexts(w))
	}
	tapButton(t, w, "取消")
	if p.RowIndex("2101101") < 0 || s.CanUndo() {
		t.Fatal("cancelled, yet removed")
	}
	shortcut(w, &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault})
	tapButton(t, w, "删除")
	if p.RowIndex("2101101") >= 0 || s.UndoLabel() != "删除 2101101 行政单位医疗" {
		t.Errorf("not removed: %q", s.UndoLabel())
	}
	if !strings.Contains(v.message(), "已删除“2101101 行政单位医疗”") {
		t.Errorf("message %q", v.message())
	}
	// a line without money goes without asking; the 合计 line stays
	v.adder.code.SetText("2013102")
	v.moveTo(cell(t, v, "2013199", "personnel"), false)
	s.Clear([]edit.At{v.atOf(cell(t, v, "2013199", "project"))})
	v.moveTo(cell(t, v, "2013199", "personnel"), false)
	v.removeRow()
	if p.RowIndex("2013199") >= 0 || len(w.Canvas().Overlays().List()) > 0 {
		t.Error("a line without money")
	}
	v.moveTo(cell(t, v, "total", "personnel"), false)
	v.removeRow()
	if p.RowIndex("total") < 0 || !strings.Contains(v.message(), "不能删除") {
		t.Errorf("the 合计 line: %q", v.message())
	}
}

func TestProjects(t *testing.T) {
	v, s, w := open(t, sample(t), "projects")
	p := v.t.Main()
	find := func(l2 string) int {
		for i, r := range p.Rows {
			if r.Type == forms.RowProject && r.Project.L2 == l2 {
				return i
			}
		}
		return -1
	}
	// add a project: the cursor goes to it
	if err := v.addProject(forms.Project{Type: "专项业务支出", L1: "服务保障", L2: "新的项目", Unit: "中共吉林市委办公室", Func: "2013102"}); err != nil {
		t.Fatal(err)
	}
	ri := find("新的项目")
	if ri < 0 || v.sourceRow(v.cur) != p.Rows[ri] {
		t.Fatal("the new project is not selected")
	}
	if !strings.Contains(v.bar.where.Text, "功能分类 2013102 一般行政管理事务") {
		t.Errorf("the toolbar names the project's 功能分类: %q", v.bar.where.Text)
	}
	// its 功能分类科目 (not printed) is changed in a small form
	v.showProjectCode()
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if e, ok := uitest.Entry(o); ok {
			e.SetText("201 31 01")
		}
	}
	tapButton(t, w, "确定")
	ri = find("新的项目")
	if p.Rows[ri].Project.Func != "2013101" || v.sourceRow(v.cur) != p.Rows[ri] {
		t.Errorf("功能分类 %q", p.Rows[ri].Project.Func)
	}
	typeText(w, "12.5")
	press(w, fyne.KeyReturn)
	if got, _ := p.Value(p.Rows[ri].Key, "cur_general"); got != money.MustParse("12.50") {
		t.Errorf("typed into the new project: %v", got)
	}
	if err := v.addProject(forms.Project{L1: "服务保障"}); err == nil || !strings.Contains(v.message(), "二级项目") {
		t.Errorf("a project without a name: %q", v.message())
	}
	// move up within its 一级项目 with Alt+↑, the cursor following
	before := find("办公耗材经费")
	v.moveTo(pos{v.rowOf[0][before], 5}, false)
	shortcut(w, &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt})
	if find("办公耗材经费") != before-1 || v.sourceRow(v.cur).Project.L2 != "办公耗材经费" {
		t.Errorf("moved up: %d → %d", before, find("办公耗材经费"))
	}
	v.moveProject(1)
	if find("办公耗材经费") != before {
		t.Error("moved down")
	}
	// the first project of its group does not go up
	v.moveTo(pos{v.rowOf[0][find("市委专项接待费")], 5}, false)
	v.moveProject(-1)
	if !strings.Contains(v.message(), "未移动") {
		t.Errorf("message %q", v.message())
	}
	// the 二级项目 text is edited in its cell
	l2col := -1
	for ci, c := range v.grid.Columns {
		if c.Col == p.Col(forms.AttrL2) {
			l2col = ci
		}
	}
	v.moveTo(pos{v.rowOf[0][find("资料印刷费")], l2col}, false)
	press(w, fyne.KeyF2)
	typeText(w, "资料印刷经费")
	press(w, fyne.KeyReturn)
	if find("资料印刷经费") < 0 || !strings.HasPrefix(s.UndoLabel(), "修改项目 资料印刷费") {
		t.Errorf("renamed project: %q", s.UndoLabel())
	}
	// a subtotal line's text is not the clerk's
	v.moveTo(pos{v.rowOf[0][p.RowIndex("total")], 0}, false)
	typeText(w, "x")
	if v.editing != nil {
		t.Error("typing over the 合计 line's name")
	}
	// and the project can go
	v.moveTo(pos{v.rowOf[0][find("资料印刷经费")], 5}, false)
	v.removeRow()
	tapButton(t, w, "删除")
	if find("资料印刷经费") >= 0 {
		t.Error("project not removed")
	}
}

func TestUseComputedOnAGivenTotal(t *testing.T) {
	v, s, w := open(t, sample(t), "general")
	total := cell(t, v, "201", "public")
	s.Paste([]edit.Item{{At: v.atOf(total), Text: "9.99"}})
	if v.cellAt(total).State != forms.CellGiven {
		t.Fatal("a pasted total that differs is given")
	}
	if c := shown(v, total); c.bg.FillColor != look.GivenBg || !c.text.TextStyle.Bold {
		t.Error("a given total is marked")
	}
	v.moveTo(total, false)
	if v.bar.use.Disabled() || !strings.Contains(v.bar.where.Text, "与计算值不符") {
		t.Fatalf("采用计算值 should apply here: %q", v.bar.where.Text)
	}
	typeText(w, "1")
	if v.editing != nil || !strings.Contains(v.message(), "采用计算值") {
		t.Errorf("typing into a given total: %q", v.message())
	}
	test.Tap(v.bar.use)
	if v.cellAt(total).State != forms.CellComputed || value(v, "201", "public") != money.MustParse("174.40") {
		t.Error("采用计算值")
	}
	if !v.bar.use.Disabled() || !strings.HasPrefix(s.UndoLabel(), "采用计算值") {
		t.Errorf("after: %q", s.UndoLabel())
	}
}

func TestMarksAndSelect(t *testing.T) {
	v, _, w := open(t, sample(t), "general")
	a := v.atOf(cell(t, v, "2013101", "public"))
	b := v.atOf(cell(t, v, "total", "total"))
	v.SetMarks(map[edit.At]check.Severity{a: check.Warning, b: check.Error, {Table: "basic"}: check.Error})
	if c := shown(v, cell(t, v, "2013101", "public")); c.bg.FillColor != look.WarningTint {
		t.Error("warning tint")
	}
	if c := shown(v, cell(t, v, "total", "total")); c.bg.FillColor != look.ErrorTint {
		t.Error("error tint over a computed cell")
	}
	if c := shown(v, cell(t, v, "2013102", "total")); c.bg.FillColor != look.ComputedBg {
		t.Error("an unmarked cell")
	}
	w.Canvas().Unfocus()
	v.Select(a)
	if v.cur != cell(t, v, "2013101", "public") || v.anchor != v.cur || w.Canvas().Focused() != fyne.Focusable(v.table) {
		t.Errorf("Select: cursor %v, focused %v", v.cur, w.Canvas().Focused())
	}
	v.Select(edit.At{Table: "basic"})
	if v.cur != cell(t, v, "2013101", "public") {
		t.Error("a cell of another table moved the cursor")
	}
}

func TestSelectScrollsALongTable(t *testing.T) {
	d := sample(t)
	v, _, w := open(t, d, "general")
	w.Resize(fyne.NewSize(900, 420))
	v.Select(v.atOf(cell(t, v, "2210201", "total")))
	sc := v.table.scroll
	y := float32(v.cur.row) * (v.rowH + 4)
	if sc == nil || y < sc.Offset.Y || y+v.rowH > sc.Offset.Y+sc.Size().Height {
		t.Errorf("the last line is not in view: y %v, offset %v, height %v", y, sc.Offset.Y, sc.Size().Height)
	}
}

func TestRefreshAfterUndoShowsTheOldValue(t *testing.T) {
	v, s, w := open(t, sample(t), "general")
	p := cell(t, v, "2013101", "public")
	v.moveTo(p, false)
	typeText(w, "1")
	press(w, fyne.KeyReturn)
	if shown(v, p).text.Text != "1.00" {
		t.Fatal("typed")
	}
	s.Undo() // the window's Ctrl+Z; the session tells the sheet
	if got := shown(v, p).text.Text; got != "174.40" {
		t.Errorf("after undo the cell shows %q", got)
	}
	if v.cur != p {
		t.Errorf("the cursor is not on the cell undone: %v", v.cur)
	}
	// an undo arriving while editing drops the edit first
	v.moveTo(p, false)
	typeText(w, "55")
	s.Redo()
	if v.editing != nil || value(v, "2013101", "public") != money.MustParse("1.00") || w.Canvas().Focused() != fyne.Focusable(v.table) {
		t.Error("redo while editing")
	}
}

func TestShortcutsWhileEditingAreNotLost(t *testing.T) {
	v, s, w := open(t, sample(t), "general")
	undone, saved := 0, 0
	w.Canvas().AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { undone++; s.Undo() })
	save := &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	w.Canvas().AddShortcut(save, func(fyne.Shortcut) { saved++ })
	p := cell(t, v, "2013101", "public")
	v.moveTo(p, false)
	// Ctrl+Z with the grid focused goes to the window
	typeText(w, "3")
	press(w, fyne.KeyReturn)
	v.moveTo(p, false)
	shortcut(w, &fyne.ShortcutUndo{})
	if undone != 1 || value(v, "2013101", "public") != money.MustParse("174.40") {
		t.Fatalf("Ctrl+Z in the grid: %d", undone)
	}
	// Ctrl+S while editing stores the edit, then saves
	typeText(w, "8")
	shortcut(w, save)
	if saved != 1 || value(v, "2013101", "public") != money.MustParse("8.00") || v.editing != nil {
		t.Errorf("Ctrl+S while editing: saved %d, %v", saved, value(v, "2013101", "public"))
	}
	// Ctrl+Z while editing drops what was typed (as Esc) …
	typeText(w, "9")
	shortcut(w, &fyne.ShortcutUndo{})
	if undone != 1 || v.editing != nil || value(v, "2013101", "public") != money.MustParse("8.00") {
		t.Errorf("Ctrl+Z while typing: undone %d", undone)
	}
	// … and with nothing typed, ends the edit and undoes the last change
	press(w, fyne.KeyF2)
	shortcut(w, &fyne.ShortcutUndo{})
	if undone != 2 || v.editing != nil || value(v, "2013101", "public") != money.MustParse("174.40") {
		t.Errorf("Ctrl+Z with nothing typed: undone %d, %v", undone, value(v, "2013101", "public"))
	}
	// a block pasted into the editor goes into the grid
	typeText(w, "1")
	fyne.CurrentApp().Clipboard().SetContent("7.00\n8.00\n")
	shortcut(w, &fyne.ShortcutPaste{})
	if v.editing != nil || value(v, "2013101", "public") != money.MustParse("7.00") || value(v, "2013102", "public") != money.MustParse("8.00") {
		t.Error("a block pasted while editing")
	}
}

func TestTwoSidedTable(t *testing.T) {
	v, s, w := open(t, sample(t), "summary")
	out := v.t.Panes[1]
	at := edit.At{Table: "summary", Pane: 1, Row: out.RowIndex("out.classes"), Col: out.Col("amount")}
	// the 支出 side's 类 lines: find 208's line
	for ri, r := range out.Rows {
		if r.Code == "208" {
			at.Row = ri
		}
	}
	p, ok := v.printed(at)
	if !ok || p.col < 2 {
		t.Fatalf("the 支出 side is printed right of the 收入 side: %v", p)
	}
	v.moveTo(p, false)
	typeText(w, "100")
	press(w, fyne.KeyReturn)
	if out.Rows[at.Row].Cells[at.Col].Value != money.MustParse("100.00") {
		t.Error("typed on the 支出 side")
	}
	// a paste down the 收入 side's column runs into blank halves: skipped
	in := v.t.Panes[0]
	other := in.RowIndex("in.other")
	q, _ := v.printed(edit.At{Table: "summary", Pane: 0, Row: other, Col: in.Col("amount")})
	v.moveTo(q, false)
	fyne.CurrentApp().Clipboard().SetContent("5.00\n6.00\n")
	shortcut(w, &fyne.ShortcutPaste{})
	if in.Rows[other].Cells[in.Col("amount")].Value != money.MustParse("5.00") || !strings.Contains(v.message(), "已粘贴 1 个单元格") {
		t.Errorf("paste over a blank half: %q", v.message())
	}
	if s.UndoLabel() != "粘贴 1 个单元格" {
		t.Errorf("undo %q", s.UndoLabel())
	}
	if v.adder == nil || v.adder.pane != 1 {
		t.Error("the 支出 side takes new 类 lines")
	}
}

func TestAbsentTable(t *testing.T) {
	d := sample(t)
	d.Table("fund").Absent = true
	v, _, w := open(t, d, "fund")
	found := false
	for _, o := range test.LaidOutObjects(w.Content()) {
		if text, ok := uitest.LabelText(o); ok && strings.Contains(text, "本表未提供") {
			found = true
		}
	}
	if !found {
		t.Error("an absent table says so")
	}
	v.Select(edit.At{Table: "fund"})
	v.Refresh(edit.Change{Tables: []string{"fund"}})
	v.Commit()
}

func TestTheEmptyTableNoteGoesWithTheFirstFigure(t *testing.T) {
	v, s, w := open(t, sample(t), "fund")
	if !v.note.Visible() || !strings.Contains(v.note.Raw(), "政府性基金") {
		t.Fatalf("an empty table shows its note: %q", v.note.Raw())
	}
	if _, err := s.AddClassRow("fund", 0, "2080505", ""); err != nil {
		t.Fatal(err)
	}
	v.Select(v.atOf(cell(t, v, "2080505", "personnel")))
	typeText(w, "1")
	press(w, fyne.KeyReturn)
	if v.note.Visible() {
		t.Errorf("the note stays over a figure: %q", v.note.Raw())
	}
	s.Undo()
	if !v.note.Visible() {
		t.Error("undo brings the note back")
	}
}

// “(100)” is stored as −100, as in Excel, and the window says so.
func TestAccountingNegativeIsSaid(t *testing.T) {
	v, _, w := open(t, sample(t), "general")
	v.moveTo(cell(t, v, "2013101", "public"), false)
	typeText(w, "(100)")
	press(w, fyne.KeyReturn)
	if value(v, "2013101", "public") != money.MustParse("-100") || !strings.Contains(v.message(), "按会计记法读作负数 -100.00") {
		t.Errorf("(100): %v, %q", value(v, "2013101", "public"), v.message())
	}
	v.moveTo(cell(t, v, "2013101", "public"), false)
	typeText(w, "100")
	press(w, fyne.KeyReturn)
	if v.message() != "" {
		t.Errorf("100 said: %q", v.message())
	}
}

// Ctrl+D fills the block's first line down, figures only; Ctrl+Z takes it back.
func TestFillDown(t *testing.T) {
	v, s, w := open(t, sample(t), "general")
	v.moveTo(cell(t, v, "2013101", "public"), false)
	v.moveTo(cell(t, v, "2013199", "public"), true)
	shortcut(w, &desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierShortcutDefault})
	for _, code := range []string{"2013102", "2013199"} {
		if got := value(v, code, "public"); got != money.MustParse("174.40") {
			t.Errorf("%s after Ctrl+D: %v (%q)", code, got, v.message())
		}
	}
	if !strings.HasPrefix(v.message(), "已填充 2 个单元格") {
		t.Errorf("the fill says %q", v.message())
	}
	s.Undo()
	if got := value(v, "2013102", "public"); got != 0 {
		t.Errorf("undo of the fill: %v", got)
	}
	// one line only: says what to do
	v.moveTo(cell(t, v, "2013101", "public"), false)
	shortcut(w, &desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierShortcutDefault})
	if !strings.Contains(v.message(), "请先选中一块区域") {
		t.Errorf("Ctrl+D on one cell: %q", v.message())
	}
}

// Ctrl+F finds a code, a name or a figure written with separators; Esc
// closes the line and the grid has the keys again.
func TestFind(t *testing.T) {
	v, _, w := open(t, sample(t), "general")
	v.moveTo(pos{0, 0}, false)
	shortcut(w, &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if !v.find.obj.Visible() || w.Canvas().Focused() == nil {
		t.Fatal("Ctrl+F did not open the find line")
	}
	for _, c := range []struct{ q, row string }{{"行政运行", "2013101"}, {"4,926.10", "2013102"}, {"2013199", "2013199"}} {
		v.find.entry.SetText(c.q)
		v.find.entry.OnSubmitted(c.q)
		if got := v.sourceRow(v.cur); got == nil || got.Code != c.row {
			t.Errorf("find %q: at %+v (%q)", c.q, v.cur, v.message())
		}
	}
	v.findNext("没有这个名称")
	if !strings.Contains(v.message(), "本表中没有") {
		t.Errorf("not found: %q", v.message())
	}
	v.find.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if v.find.obj.Visible() {
		t.Error("Esc left the find line open")
	}
	// arriving from another table: the first match, nothing said of a wrap
	v.FindFrom("行政运行")
	if got := v.sourceRow(v.cur); got == nil || got.Code != "2013101" || v.message() != "" {
		t.Errorf("FindFrom: at %+v, %q", v.cur, v.message())
	}
}

// 金额显示千分位: the grid shows 6,677.45; copying and finding are the same.
func TestThousandsSeparators(t *testing.T) {
	for in, want := range map[string]string{"3508762.27": "3,508,762.27", "-1234.00": "-1,234.00", "174.40": "174.40", "": "", "（未提供）": "（未提供）", "12a45.00": "12a45.00"} {
		if got := groupDigits(in); got != want {
			t.Errorf("groupDigits(%q) = %q, want %q", in, got, want)
		}
	}
	SetGrouped(true)
	t.Cleanup(func() { SetGrouped(false) })
	v, _, _ := open(t, sample(t), "general")
	p := cell(t, v, "total", "total")
	if got := shown(v, p).text.Text; got != "6,677.45" {
		t.Errorf("the total shown as %q", got)
	}
	v.moveTo(p, false)
	v.copyBlock()
	if got := v.clipboard().Content(); strings.TrimSpace(got) != "6677.45" {
		t.Errorf("copied as %q", got)
	}
}

// A name wider than its cell ends in “…”, whole again when the cell widens.
func TestCellCutWithEllipsis(t *testing.T) {
	c := newGridCell()
	test.WidgetRenderer(c) // the renderer fits the text on layout
	c.Resize(fyne.NewSize(400, 30))
	c.set("其他党委办公厅（室）及相关机构事务支出", fyne.TextAlignLeading, look.EnteredBg, look.Text, false)
	if c.text.Text != "其他党委办公厅（室）及相关机构事务支出" {
		t.Errorf("wide enough: %q", c.text.Text)
	}
	c.Resize(fyne.NewSize(120, 30))
	if got := c.text.Text; !strings.HasSuffix(got, "…") || !strings.HasPrefix("其他党委办公厅（室）及相关机构事务支出", strings.TrimSuffix(got, "…")) {
		t.Errorf("narrow: %q", got)
	}
	c.Resize(fyne.NewSize(400, 30))
	if c.text.Text != "其他党委办公厅（室）及相关机构事务支出" {
		t.Errorf("widened again: %q", c.text.Text)
	}
}

// A message about the last edit goes when it stops being news: after an
// undo (the row it names is back) and when the clerk moves on.
func TestMessagesDoNotOutliveTheirEdit(t *testing.T) {
	v, s, w := open(t, sample(t), "general")
	v.moveTo(cell(t, v, "2013101", "public"), false)
	typeText(w, "(100)")
	press(w, fyne.KeyReturn)
	if !strings.Contains(v.message(), "会计记法") {
		t.Fatalf("no note on (100): %q", v.message())
	}
	press(w, fyne.KeyDown)
	if m := v.message(); m != "" {
		t.Errorf("after moving on the note still shows: %q", m)
	}
	v.moveTo(cell(t, v, "2013101", "public"), false)
	typeText(w, "12")
	press(w, fyne.KeyReturn)
	v.say("已删除“测试”（可撤销）。", false) // as a deletion says
	s.Undo()
	if m := v.message(); m != "" {
		t.Errorf("after an undo the message still shows: %q", m)
	}
}

// Typing into the blank half of a two-sided line (收支预算总表: 收入 has
// fewer lines than 支出) says why nothing happens.
func TestTypingIntoABlankHalfSaysWhy(t *testing.T) {
	v, s, w := open(t, sample(t), "summary")
	blank := pos{-1, -1}
	for ri := range v.grid.Rows {
		for ci, col := range v.grid.Columns {
			if c := v.cellAt(pos{ri, ci}); col.Amount && (c.Pane < 0 || c.Row < 0 || c.Col < 0) {
				blank = pos{ri, ci}
				break
			}
		}
		if blank.row >= 0 {
			break
		}
	}
	if blank.row < 0 {
		t.Fatal("收支预算总表 has no blank half-line")
	}
	v.moveTo(blank, false)
	typeText(w, "5")
	if !strings.Contains(v.message(), "不能填写") || s.CanUndo() {
		t.Errorf("message %q, undo %v", v.message(), s.CanUndo())
	}
}
