package textedit

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms"
	"yusuan/forms/edit"
	"yusuan/forms/linebreak"
	"yusuan/forms/money"
	"yusuan/forms/narrative"
)

// open makes a session on the sample and a window showing a view, wired as
// the main window wires it: every change refreshes the view.
func open[V View](t *testing.T, build func(*edit.Session, fyne.Window) V) (*edit.Session, fyne.Window, V) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(look.NewTheme())
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	s := edit.New(d)
	w := a.NewWindow("")
	v := build(s, w)
	s.Watch(v.Refresh)
	w.SetContent(v.Object())
	w.Resize(fyne.NewSize(1100, 800))
	return s, w, v
}

// typeInto focuses a field and types, key by key, at the start of its text.
func typeInto(w fyne.Window, f *Field, text string) {
	w.Canvas().Focus(f)
	f.CursorRow, f.CursorColumn = 0, 0
	test.Type(f, text)
}

// replaceText puts a text in a field as if the clerk selected all and typed.
func replaceText(w fyne.Window, f *Field, text string) {
	w.Canvas().Focus(f)
	f.SetText(text) // OnChanged runs as on typing
}

// undoSteps counts the steps on the undo history.
func undoSteps(s *edit.Session) int {
	n := 0
	for s.CanUndo() {
		s.Undo()
		n++
	}
	for i := 0; i < n; i++ {
		s.Redo()
	}
	return n
}

func TestFunctionsCommitWhenFocusLeavesNotPerKeystroke(t *testing.T) {
	s, w, v := open(t, Functions)
	old := s.Doc().Text.Functions
	typeInto(w, v.Field(), "（十一）新增职能。")
	if s.Doc().Text.Functions != old || s.CanUndo() {
		t.Fatal("typing went into the document before focus left the field")
	}
	w.Canvas().Unfocus()
	if got := s.Doc().Text.Functions; got != "（十一）新增职能。"+old {
		t.Fatalf("after focus left: %q", head(got))
	}
	if n := undoSteps(s); n != 1 || s.UndoLabel() != "修改主要职能" {
		t.Errorf("%d undo steps (%q), want one", n, s.UndoLabel())
	}
	s.Undo()
	if v.Field().Text != old {
		t.Errorf("undo did not show the old text")
	}
	s.Redo()
	if !strings.HasPrefix(v.Field().Text, "（十一）新增职能。") {
		t.Errorf("redo did not show the new text")
	}
}

func TestFieldCommitsAfterAPauseInTyping(t *testing.T) {
	var timers []func()
	stopped := 0
	afterFunc = func(d time.Duration, f func()) stopper {
		if d != CommitDelay {
			t.Errorf("delay %v", d)
		}
		timers = append(timers, f)
		return stopFunc(func() { stopped++ })
	}
	defer func() { afterFunc = func(d time.Duration, f func()) stopper { return time.AfterFunc(d, f) } }()
	s, w, v := open(t, Organization)
	typeInto(w, v.Field(), "另设")
	if len(timers) != 2 || stopped != 1 {
		t.Fatalf("%d timers started, %d stopped: each keystroke should restart the pause", len(timers), stopped)
	}
	if s.CanUndo() {
		t.Fatal("committed before the pause")
	}
	timers[len(timers)-1]() // the pause is over
	if !strings.HasPrefix(s.Doc().Text.Organization, "另设") || undoSteps(s) != 1 {
		t.Errorf("after the pause: %d steps", undoSteps(s))
	}
	v.Commit() // nothing more to apply
	if undoSteps(s) != 1 {
		t.Error("Commit with nothing typed made a step")
	}
}

type stopFunc func()

func (f stopFunc) Stop() bool { f(); return true }

func TestCtrlZInAFieldTakesBackTheTypingAsOneStep(t *testing.T) {
	s, w, v := open(t, Functions)
	// the window's undo and redo, as it adds them to its canvas (the test
	// driver's canvas does not run shortcuts: stand in for it)
	h := &fyne.ShortcutHandler{}
	h.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { s.Undo() })
	h.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { s.Redo() })
	saved := shortcutTarget
	shortcutTarget = func(fyne.CanvasObject) fyne.Shortcutable { return h }
	defer func() { shortcutTarget = saved }()
	old := s.Doc().Text.Functions
	typeInto(w, v.Field(), "补充")
	v.Field().TypedShortcut(&fyne.ShortcutUndo{})
	if v.Field().Text != old || s.Doc().Text.Functions != old {
		t.Fatalf("Ctrl+Z should take back the typing: field starts %q", head(v.Field().Text))
	}
	if !s.CanRedo() {
		t.Fatal("the typing was lost: nothing to redo")
	}
	v.Field().TypedShortcut(&fyne.ShortcutRedo{})
	if !strings.HasPrefix(v.Field().Text, "补充") || !strings.HasPrefix(s.Doc().Text.Functions, "补充") {
		t.Errorf("Ctrl+Y should bring the typing back: %q", head(v.Field().Text))
	}
	// a refused text: Ctrl+Z takes back the typing only, the document's
	// history is left alone
	steps := undoSteps(s)
	cover := Meta(s, w)
	replaceText(w, cover.name, "")
	cover.name.TypedShortcut(&fyne.ShortcutUndo{})
	if cover.name.Text != "中共吉林市委办公室" || undoSteps(s) != steps || !strings.HasPrefix(s.Doc().Text.Functions, "补充") {
		t.Errorf("Ctrl+Z on a refused name: field %q, %d steps", cover.name.Text, undoSteps(s))
	}
}

func head(s string) string {
	r := []rune(s)
	return string(r[:min(len(r), 12)])
}

func TestRefreshKeepsTypingInAFieldTheChangeDidNotTouch(t *testing.T) {
	s, w, _ := open(t, Functions)
	org := Organization(s, w)
	s.Watch(org.Refresh)
	typeInto(w, org.Field(), "（草稿）")
	s.SetFunctions("另一段职能")
	if !strings.HasPrefix(org.Field().Text, "（草稿）") {
		t.Error("a change elsewhere dropped what was being typed")
	}
	// undo of this very text shows the document's value
	org.Commit()
	s.Undo()
	if strings.HasPrefix(org.Field().Text, "（草稿）") {
		t.Error("undo of the text should show the old text")
	}
}

func situation(t *testing.T) (*edit.Session, fyne.Window, *Situation) {
	return open(t, Explanation)
}

func TestSectionSwitchesToHandWrittenAndBack(t *testing.T) {
	s, _, v := situation(t)
	generated, _, _ := v.Section(narrative.SecIncome)
	var sv *sectionView
	for _, x := range v.secs {
		if x.key == narrative.SecIncome {
			sv = x
		}
	}
	if sv.edit.Object().Visible() || !sv.text.Visible() {
		t.Fatal("a generated section shows its text, not an entry")
	}
	test.Tap(sv.check)
	lines, written, _ := v.Section(narrative.SecIncome)
	if !written || s.Doc().Text.Written[narrative.SecIncome] != strings.Join(generated, "\n") {
		t.Fatalf("switching to hand-written should start from the generated text: %v", lines)
	}
	if !sv.edit.Object().Visible() || sv.edit.Text != strings.Join(generated, "\n") {
		t.Fatal("the hand-written section is not editable")
	}
	replaceText(v.w, sv.edit, "本年收入全部为财政拨款。")
	sv.edit.Commit()
	if s.Doc().Text.Written[narrative.SecIncome] != "本年收入全部为财政拨款。" {
		t.Fatalf("the section's text is %q", s.Doc().Text.Written[narrative.SecIncome])
	}
	if !strings.Contains(narrative.Text(s.Doc()), "本年收入全部为财政拨款。") {
		t.Error("the published text does not have the hand-written section")
	}
	// an empty section is refused
	replaceText(v.w, sv.edit, "  ")
	sv.edit.Commit()
	if sv.edit.Error() == "" || s.Doc().Text.Written[narrative.SecIncome] != "本年收入全部为财政拨款。" {
		t.Error("an empty section should be refused with a message")
	}
	sv.edit.Revert()
	test.Tap(sv.restore)
	if _, written, _ := v.Section(narrative.SecIncome); written || s.Doc().Text.Written != nil {
		t.Fatal("恢复自动生成 should give the generated text back")
	}
	if sv.edit.Object().Visible() || sv.check.Checked {
		t.Error("the section still shows the entry")
	}
	s.Undo()
	if lines, written, _ := v.Section(narrative.SecIncome); !written || lines[0] != "本年收入全部为财政拨款。" {
		t.Errorf("undo should bring the hand-written text back: %v", lines)
	}
	test.Tap(sv.check) // unchecking goes back to generated too
	if _, written, _ := v.Section(narrative.SecIncome); written {
		t.Error("unchecking 手写本节 should restore the generated text")
	}
}

func TestInputChangesTheGeneratedText(t *testing.T) {
	s, w, v := situation(t)
	lines, _, _ := v.Section(narrative.SecSummary)
	if !strings.Contains(strings.Join(lines, ""), "比上年增加5647.35万元") {
		t.Fatalf("sample text: %v", lines)
	}
	f := v.in.gapFields[gapPrevTotal]
	if f.Text != "1030.10" {
		t.Fatalf("上年收支总预算 shows %q", f.Text)
	}
	replaceText(w, f.Field, "1,000")
	f.Commit()
	if p := s.Doc().Inputs.PrevTotal; p == nil || *p != money.MustParse("1000") {
		t.Fatalf("PrevTotal %v", p)
	}
	lines, _, _ = v.Section(narrative.SecSummary)
	if !strings.Contains(strings.Join(lines, ""), "比上年增加5677.45万元") {
		t.Errorf("the text did not follow the input: %v", lines)
	}
	if f.Text != "1000.00" {
		t.Errorf("the field should show the stored figure, shows %q", f.Text)
	}
	// the figure is marked in the drawn text
	if !marked(v, narrative.SecSummary, "5677.45万元") {
		t.Error("the figure is not marked in the section's text")
	}
	if undoSteps(s) != 1 {
		t.Error("one input, one undo step")
	}
	// retyping the same figure makes no step
	replaceText(w, f.Field, "1000")
	f.Commit()
	if undoSteps(s) != 1 || f.Text != "1000.00" {
		t.Errorf("the same figure again: %d steps, shows %q", undoSteps(s), f.Text)
	}
}

// marked reports whether a section's drawn text shows a piece in the
// figure colour.
func marked(v *Situation, key, piece string) bool {
	for _, sv := range v.secs {
		if sv.key != key {
			continue
		}
		for _, seg := range sv.text.Segments {
			// a comma after the figure goes with it (no line begins with one)
			if ts, ok := seg.(*widget.TextSegment); ok && strings.TrimRight(ts.Text, linebreak.Closers) == piece && ts.Style.ColorName == "primary" {
				return true
			}
		}
	}
	return false
}

func TestBadFigureIsRefusedInPlace(t *testing.T) {
	s, w, v := situation(t)
	f := v.in.gapFields[gapPrevTotal]
	replaceText(w, f.Field, "12万")
	f.Commit()
	if !strings.Contains(f.Error(), "不是有效金额") || !f.Message().Visible() {
		t.Errorf("message %q", f.Error())
	}
	if p := s.Doc().Inputs.PrevTotal; *p != money.MustParse("1030.10") || s.CanUndo() {
		t.Error("the old value should be kept")
	}
	if f.Text != "12万" {
		t.Error("the refused text should stay for the clerk to correct")
	}
	replaceText(w, f.Field, "-5")
	f.Commit()
	if !strings.Contains(f.Error(), "不能为负") {
		t.Errorf("negative: %q", f.Error())
	}
	// Escape puts the stored figure back
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.Text != "1030.10" || f.Error() != "" {
		t.Errorf("after Escape %q %q", f.Text, f.Error())
	}
	// counts too
	veh := v.in.gapFields[gapAssets]
	replaceText(w, veh.Field, "两辆")
	veh.Commit()
	if !strings.Contains(veh.Error(), "整数") || s.Doc().Inputs.Assets.Vehicles.Leader != 0 {
		t.Errorf("count: %q", veh.Error())
	}
}

func TestClearedReasonLeavesAGapThatNamesItsField(t *testing.T) {
	s, w, v := situation(t)
	if _, _, gaps := v.Section(narrative.SecSummary); len(gaps) != 0 {
		t.Fatalf("the sample has no gap in 一: %v", gaps)
	}
	f := v.in.gapFields[gapTotalReason]
	replaceText(w, f.Field, "")
	f.Commit()
	if s.Doc().Inputs.TotalReason != "" {
		t.Fatal("the reason was not cleared")
	}
	lines, _, gaps := v.Section(narrative.SecSummary)
	if !strings.Contains(strings.Join(lines, ""), "【请填写：收支总预算增减的主要原因】") {
		t.Errorf("no gap in the text: %v", lines)
	}
	if len(gaps) != 1 || gaps[0] != "待填写：收支总预算增减的主要原因" {
		t.Fatalf("gaps listed: %v", gaps)
	}
	if !marked(v, narrative.SecSummary, "【请填写：收支总预算增减的主要原因】") {
		// the gap is drawn in the error colour, not the figure colour
		found := false
		for _, sv := range v.secs {
			for _, seg := range sv.text.Segments {
				if ts, ok := seg.(*widget.TextSegment); ok && strings.HasPrefix(ts.Text, narrative.GapPrefix) && ts.Style.ColorName == "error" {
					found = true
				}
			}
		}
		if !found {
			t.Error("the gap is not highlighted")
		}
	}
	// the gap's button puts the cursor in the reason's field
	btn := gapButton(t, v, narrative.SecSummary)
	if btn.Text != "填写“增减的主要原因”" {
		t.Errorf("button %q", btn.Text)
	}
	test.Tap(btn)
	if w.Canvas().Focused() != f.Field {
		t.Error("the button did not focus the field")
	}
}

func gapButton(t *testing.T, v *Situation, key string) *widget.Button {
	t.Helper()
	for _, sv := range v.secs {
		if sv.key == key {
			for _, o := range sv.gaps.Objects {
				if b, ok := o.(*fyne.Container).Objects[1].(*widget.Button); ok {
					return b
				}
			}
		}
	}
	t.Fatal("no gap button")
	return nil
}

// With no inputs at all, every gap of the text is filled by a field of the
// view or by a table.
func TestEveryGapHasItsField(t *testing.T) {
	s, _, v := situation(t)
	s.SetInputs(forms.Inputs{})
	n := 0
	for _, sec := range narrative.Sections(s.Doc()) {
		for _, l := range sec.Lines {
			for _, m := range reGap.FindAllStringSubmatch(l, -1) {
				n++
				if v.in.fieldForGap(m[1], l) == nil && gapsWithoutField[m[1]] == "" {
					t.Errorf("no field fills %q", m[1])
				}
			}
		}
	}
	if n < 8 {
		t.Errorf("only %d gaps with no inputs", n)
	}
	// the 类 uses: one field per 类 of the general table
	if len(v.in.classUses) != 4 || v.in.classUses["201"] == nil {
		t.Errorf("class fields %v", v.in.classCodes)
	}
	f := v.in.classUses["208"]
	replaceText(v.w, f.Field, "主要用于离退休人员养老保险")
	f.Commit()
	if got := s.Doc().Inputs.ClassUses["208"]; got != "主要用于离退休人员养老保险" {
		t.Errorf("208 use %q", got)
	}
	if !strings.Contains(narrative.Text(s.Doc()), "主要用于离退休人员养老保险。") {
		t.Error("the use is not in the text")
	}
}

func TestGroupedInputs(t *testing.T) {
	s, w, v := situation(t)
	s.SetInputs(forms.Inputs{})
	// one item of last year's 三公 makes the breakdown given, the others zero
	f := v.in.gapFields[gapPrevSangong]
	replaceText(w, f.Field, "2")
	f.Commit()
	if p := s.Doc().Inputs.PrevSangong; p == nil || p.Abroad != money.MustParse("2") || p.Total() != money.MustParse("2") {
		t.Fatalf("PrevSangong %+v", p)
	}
	if !strings.Contains(v.in.sangongTotal.Raw(), "2.00万元") {
		t.Errorf("total line %q", v.in.sangongTotal.Raw())
	}
	replaceText(w, f.Field, "")
	f.Commit()
	if s.Doc().Inputs.PrevSangong != nil {
		t.Error("clearing the only figure should make it not given")
	}
	// 政府采购: parts and a total that equals them is not kept apart
	goods := v.in.gapFields[gapProcurement]
	replaceText(w, goods.Field, "100")
	goods.Commit()
	p := s.Doc().Inputs.Procurement
	if p == nil || p.TotalValue() != money.MustParse("100") || p.Total != nil {
		t.Fatalf("procurement %+v", p)
	}
	if !strings.Contains(narrative.Text(s.Doc()), "政府采购预算总额100.00万元") {
		t.Error("the text does not state the procurement")
	}
}

func TestWholeHandWrittenExplanation(t *testing.T) {
	s, w, v := situation(t)
	s.SetExplanation("一、概述\n本部门……")
	if !v.whole.Visible() || v.body.Visible() || v.wfield.Text != "一、概述\n本部门……" {
		t.Fatal("the whole text is not shown for editing")
	}
	replaceText(w, v.wfield, "一、概述\n本部门2022年预算。")
	v.Commit()
	if s.Doc().Text.Explanation != "一、概述\n本部门2022年预算。" {
		t.Errorf("explanation %q", s.Doc().Text.Explanation)
	}
	var restore *widget.Button
	for _, o := range test.LaidOutObjects(v.whole) {
		if b, ok := o.(*widget.Button); ok && b.Text == "恢复自动生成" {
			restore = b
		}
	}
	test.Tap(restore)
	if !narrative.IsGenerated(s.Doc()) || v.whole.Visible() || !v.body.Visible() {
		t.Error("恢复自动生成 should show the generated sections")
	}
}

func TestGlossary(t *testing.T) {
	s, w, v := open(t, Glossary)
	def := forms.DefaultGlossary()
	if len(v.items) != len(def) || v.restore.Disabled() == false {
		t.Fatalf("%d rows for %d default terms; restore enabled %v", len(v.items), len(def), !v.restore.Disabled())
	}
	// edit a definition: the document gets its own glossary
	r := v.items[0]
	replaceText(w, r.def, "本单位的解释。")
	r.def.Commit()
	g := s.Doc().Text.Glossary
	if len(g) != len(def) || g[0].Definition != "本单位的解释。" || g[1] != def[1] {
		t.Fatalf("glossary after edit: %d terms, first %+v", len(g), g[0])
	}
	// an empty term is refused
	replaceText(w, r.term, " ")
	r.term.Commit()
	if r.term.Error() == "" || s.Doc().Text.Glossary[0].Term != def[0].Term {
		t.Error("an empty term should be refused")
	}
	r.term.Revert()
	// add, and a duplicate refused
	v.newTerm.SetText("政府采购")
	v.newDef.SetText("各级国家机关使用财政性资金采购货物、工程和服务。")
	v.add()
	if g := s.Doc().Text.Glossary; len(g) != len(def)+1 || g[len(g)-1].Term != "政府采购" || len(v.items) != len(def)+1 {
		t.Fatalf("after add: %d terms", len(g))
	}
	v.newTerm.SetText("政府采购")
	v.add()
	if !v.addMsg.Visible() || !strings.Contains(v.addMsg.Text, "已有名词") {
		t.Error("a duplicate term should be refused")
	}
	// remove the first
	v.remove(0)
	if g := s.Doc().Text.Glossary; len(g) != len(def) || g[0].Term != def[1].Term || v.items[0].term.Text != def[1].Term {
		t.Fatalf("after remove: first %q", g[0].Term)
	}
	// restore the default
	test.Tap(v.restore)
	if s.Doc().Text.Glossary != nil || len(v.items) != len(def) || v.items[0].term.Text != def[0].Term {
		t.Fatal("恢复默认 should give the default glossary back")
	}
	// an empty glossary, distinct from the default
	test.Tap(v.clear)
	confirm(t, w, "全部删除")
	if g := s.Doc().Text.Glossary; g == nil || len(g) != 0 || len(v.items) != 0 {
		t.Fatalf("after clearing: %v (nil %v)", g, g == nil)
	}
	if !strings.Contains(v.note.Raw(), "不列名词解释") {
		t.Errorf("note %q", v.note.Raw())
	}
	s.Undo()
	if s.Doc().Text.Glossary != nil || len(v.items) != len(def) {
		t.Error("undo of clearing")
	}
}

// confirm taps the button of the dialog on top.
func confirm(t *testing.T, w fyne.Window, label string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q in the dialog", label)
}

func TestMeta(t *testing.T) {
	s, w, v := open(t, Meta)
	if v.year.Text != "2022年" || !strings.Contains(v.tmpl.Text, "jilin-2022") || v.level.Selected != "部门" {
		t.Fatalf("shown: %q %q %q", v.year.Text, v.tmpl.Text, v.level.Selected)
	}
	replaceText(w, v.name, "   ")
	v.name.Commit()
	if !strings.Contains(v.name.Error(), "单位名称不能为空") || s.Doc().Meta.Name != "中共吉林市委办公室" || s.CanUndo() {
		t.Fatalf("an empty name: message %q, name %q", v.name.Error(), s.Doc().Meta.Name)
	}
	replaceText(w, v.name, "中共吉林市委办公厅")
	v.name.Commit()
	if s.Doc().Meta.Name != "中共吉林市委办公厅" || v.name.Error() != "" || !strings.Contains(v.preview.Text, "中共吉林市委办公厅") {
		t.Fatalf("name %q", s.Doc().Meta.Name)
	}
	v.level.SetSelected("单位")
	if s.Doc().Meta.Level != forms.LevelUnit || s.Doc().LevelWord() != "单位" || !strings.Contains(v.preview.Text, "单位预算") {
		t.Errorf("level %q, cover %q", s.Doc().Meta.Level, v.preview.Text)
	}
	if undoSteps(s) != 2 {
		t.Errorf("%d steps", undoSteps(s))
	}
	s.Undo()
	if v.level.Selected != "部门" {
		t.Error("undo did not show the level again")
	}
	s.Undo()
	if v.name.Text != "中共吉林市委办公室" {
		t.Error("undo did not show the old name")
	}
	if v.units.Length() != 2 {
		t.Errorf("%d units listed", v.units.Length())
	}
}

// The 情况说明 lays out in a narrow middle pane: its fields wrap to fewer per
// line and its text re-wraps, so the window's split need not squeeze the
// navigation (a three-column grid of fields once made it 958 px wide).
func TestExplanationFitsANarrowPane(t *testing.T) {
	_, w, v := open(t, Explanation)
	w.SetContent(look.Narrowable(v.Object(), 420))
	w.Resize(fyne.NewSize(1400, 800)) // wrapped once at full width
	w.Resize(fyne.NewSize(700, 800))
	if got := v.Object().MinSize().Width; got > 600 {
		t.Errorf("the 情况说明 needs %.0f px", got)
	}
}

// 编制日期: typed as 2026-01-20, kept as the cover prints it; nonsense refused
// with why, the date kept.
func TestMetaDate(t *testing.T) {
	s, w, v := open(t, Meta)
	replaceText(w, v.date, "2023-01-18")
	v.date.Commit()
	if s.Doc().Meta.Date != "2023年1月18日" || v.date.Error() != "" {
		t.Fatalf("date %q, message %q", s.Doc().Meta.Date, v.date.Error())
	}
	replaceText(w, v.date, "明年一月")
	v.date.Commit()
	if s.Doc().Meta.Date != "2023年1月18日" || !strings.Contains(v.date.Error(), "不是日期") {
		t.Errorf("nonsense: date %q, message %q", s.Doc().Meta.Date, v.date.Error())
	}
}

// The sections are headed as the published document heads them (the seed,
// lines 640–700 of its text): with the year, 三公 as the 一般公共预算拨款's,
// the 绩效 section a 说明, as the PDF prints them.
func TestSectionHeadingsAsPublished(t *testing.T) {
	_, _, v := situation(t)
	heads := map[string]string{}
	for _, sv := range v.secs {
		heads[sv.key] = sv.title.Text
	}
	for key, want := range map[string]string{
		narrative.SecSummary: "一、2022年收支预算总体情况",
		narrative.SecSangong: "七、2022年一般公共预算拨款“三公”经费情况",
		narrative.SecPerf:    "九、预算绩效管理情况说明",
	} {
		if heads[key] != want {
			t.Errorf("%s headed %q, want %q", key, heads[key], want)
		}
	}
}
