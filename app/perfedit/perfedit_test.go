package perfedit

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/app/uitest"
	"yusuan/forms"
	"yusuan/forms/edit"
	"yusuan/forms/generate"
	"yusuan/forms/money"
)

// open shows the editor of a table of the sample, wired as the main window
// wires it: every change refreshes the view.
func open(t *testing.T, table string) (*edit.Session, fyne.Window, *Editor) {
	t.Helper()
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	return openDoc(t, d, table)
}

func openDoc(t *testing.T, d *forms.Document, table string) (*edit.Session, fyne.Window, *Editor) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(look.NewTheme())
	s := edit.New(d)
	w := a.NewWindow("")
	e := New(s, d.Table(table), w)
	s.Watch(e.Refresh)
	w.SetContent(e.Object())
	w.Resize(fyne.NewSize(1100, 800))
	return s, w, e
}

func retype(w fyne.Window, f interface {
	fyne.Focusable
	SetText(string)
}, text string) {
	w.Canvas().Focus(f)
	f.SetText(text)
}

func steps(s *edit.Session) int {
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

func project(t *testing.T, e *Editor) *projectForm {
	t.Helper()
	p, ok := e.form.(*projectForm)
	if !ok {
		t.Fatalf("no project form shown (%T)", e.form)
	}
	return p
}

func TestGoalAndIndicatorEditsAreOneUndoStepEach(t *testing.T) {
	s, w, e := open(t, "perf_project_l1")
	p := project(t, e)
	if e.Current() != "服务保障" || p.name.Text != "服务保障" {
		t.Fatalf("first form %q", e.Current())
	}
	old := s.Doc().Perf.Projects[0].Goal
	retype(w, p.goal, "保障市委日常运转。")
	if s.Doc().Perf.Projects[0].Goal != old {
		t.Fatal("the goal changed before the field was left")
	}
	w.Canvas().Unfocus()
	if got := s.Doc().Perf.Projects[0].Goal; got != "保障市委日常运转。" || steps(s) != 1 {
		t.Fatalf("goal %q, %d steps", got, steps(s))
	}
	// an indicator value: 陪餐人数 <=30% shown as ≤ / 30 / %
	row := p.grid.rows[0]
	if row.l3.Text != "陪餐人数" || row.value.cmp.Selected != "≤" || row.value.num.Text != "30" || row.value.unit.Text != "%" {
		t.Fatalf("row 0: %q %q %q %q", row.l3.Text, row.value.cmp.Selected, row.value.num.Text, row.value.unit.Text)
	}
	retype(w, row.value.num, "25")
	row.value.num.Commit()
	if got := s.Doc().Perf.Projects[0].Indicators[0].Value; got != "<=25%" || steps(s) != 2 {
		t.Fatalf("value %q, %d steps", got, steps(s))
	}
	row.value.cmp.SetSelected("≥")
	if got := s.Doc().Perf.Projects[0].Indicators[0].Value; got != ">=25%" {
		t.Fatalf("comparator: %q", got)
	}
	retype(w, row.l3, "陪餐人数占比")
	e.Commit() // as the window does before saving
	if got := s.Doc().Perf.Projects[0].Indicators[0].L3; got != "陪餐人数占比" || steps(s) != 4 {
		t.Fatalf("三级 %q, %d steps", got, steps(s))
	}
	s.Undo()
	s.Undo()
	s.Undo()
	if row := project(t, e).grid.rows[0]; row.value.num.Text != "30" || row.value.cmp.Selected != "≤" || row.l3.Text != "陪餐人数" {
		t.Errorf("after undo: %q %q %q", row.value.cmp.Selected, row.value.num.Text, row.l3.Text)
	}
	s.Undo()
	if project(t, e).goal.Text != old {
		t.Error("undo did not show the old goal")
	}
}

func TestValuesReadApart(t *testing.T) {
	for _, c := range []struct {
		in, cmp, num, unit string
		shaped             bool
	}{
		{">=24次", "≥", "24", "次", true},
		{"<=30%", "≤", "30", "%", true},
		{"12次", "—", "12", "次", true},
		{">=0.98", "≥", "0.98", "", true},
		{"≥98%", "≥", "98", "%", true},
		{"＝１００％", "=", "100", "％", true},
		{"", "—", "", "", true},
		{"及时", "—", "", "及时", false},
		{"1.2.3次", "—", "1.2.3", "次", false},
		{"提升10个百分点以上", "—", "", "提升10个百分点以上", false},
	} {
		v := readValue(c.in)
		if v.shaped != c.shaped || (c.shaped && (v.cmp != c.cmp || v.num != c.num || v.unit != c.unit)) {
			t.Errorf("%q: %+v", c.in, v)
		}
	}
	if v, err := composeValue("≥", "≥", "98", "%"); v != "≥98%" || err != nil {
		t.Errorf("the comparator as written is kept: %q %v", v, err)
	}
	if v, _ := composeValue("≤", "≥", "98", "%"); v != "<=98%" {
		t.Errorf("a new comparator is written as the data writes it: %q", v)
	}
	if _, err := composeValue("≥", "", "abc", "次"); err == nil || !strings.Contains(err.Error(), "不是数值") {
		t.Errorf("not a number: %v", err)
	}
	if _, err := composeValue("≥", "", "", "次"); err == nil {
		t.Error("a unit without a number")
	}
}

func TestFreeTextValue(t *testing.T) {
	s, w, e := open(t, "perf_project_l1")
	row := project(t, e).grid.rows[0]
	row.value.cmp.SetSelected("文字")
	if !row.value.text.Visible() || row.value.shape.Visible() || row.value.text.Text != "<=30%" {
		t.Fatal("文字 should show the value as text")
	}
	retype(w, row.value.text, "明显改善")
	row.value.text.Commit()
	if got := s.Doc().Perf.Projects[0].Indicators[0].Value; got != "明显改善" {
		t.Fatalf("value %q", got)
	}
	if row := project(t, e).grid.rows[0]; row.value.cmp.Selected != "文字" {
		t.Error("a value of another shape stays text")
	}
	// a number typed where a number goes: refused in place
	row = project(t, e).grid.rows[1]
	retype(w, row.stage.num, "七")
	row.stage.num.Commit()
	if !strings.Contains(row.stage.num.Error(), "不是数值") || s.Doc().Perf.Projects[0].Indicators[1].Stage != ">=7次" {
		t.Errorf("a bad number: %q, stage %q", row.stage.num.Error(), s.Doc().Perf.Projects[0].Indicators[1].Stage)
	}
}

func TestAddAndRemoveIndicators(t *testing.T) {
	s, _, e := open(t, "perf_project_l1")
	p := project(t, e)
	n := len(s.Doc().Perf.Projects[0].Indicators)
	if len(p.grid.rows) != n || len(p.grid.groups) != len(runsOf(s.Doc().Perf.Projects[0].Indicators)) {
		t.Fatalf("%d rows for %d indicators", len(p.grid.rows), n)
	}
	// the first run is 产出指标 / 数量指标 (4 lines): add a line to it
	h := p.grid.groups[0]
	if h.l1.Selected != "产出指标" || h.l2.Selected != "数量指标" {
		t.Fatalf("first run %q / %q", h.l1.Selected, h.l2.Selected)
	}
	tapButton(t, p.grid.box, "添加三级指标")
	ind := s.Doc().Perf.Projects[0].Indicators
	if len(ind) != n+1 || ind[4].L1 != "产出指标" || ind[4].L2 != "数量指标" || ind[4].L3 != "" || ind[5].L2 != "质量指标" {
		t.Fatalf("added line: %+v", ind[4])
	}
	if p := project(t, e); len(p.grid.rows) != n+1 {
		t.Fatal("the grid did not grow")
	}
	// 效果指标 is how this form calls 效益指标: the choices follow it
	if l1 := levelOneNames(ind); !slices.Contains(l1, "效果指标") || slices.Contains(l1, "效益指标") {
		t.Errorf("一级 choices %v", l1)
	}
	// add under a 一级/二级 chosen below the grid
	g := project(t, e).grid
	g.addL1.SetSelected("效果指标")
	if g.addL2.Selected != "经济效益指标" {
		t.Fatalf("二级 follows 一级: %q", g.addL2.Selected)
	}
	g.addL2.SetSelected("社会效益指标")
	g.addIndicator(g.addL1.Selected, g.addL2.Selected)
	ind = s.Doc().Perf.Projects[0].Indicators
	at := slices.IndexFunc(ind, func(x forms.Indicator) bool { return x.L2 == "社会效益指标" })
	if len(ind) != n+2 || ind[at+1].L2 != "社会效益指标" || ind[at+1].L3 != "" {
		t.Fatalf("added under 社会效益指标: %d lines", len(ind))
	}
	// remove the first line
	project(t, e).grid.remove(0)
	ind = s.Doc().Perf.Projects[0].Indicators
	if len(ind) != n+1 || ind[0].L3 != "耗材购买次数" {
		t.Fatalf("after removing: first %q", ind[0].L3)
	}
	if steps(s) != 3 {
		t.Errorf("%d steps", steps(s))
	}
	s.Undo()
	if project(t, e).grid.rows[0].l3.Text != "陪餐人数" {
		t.Error("undo did not bring the line back")
	}
}

func TestRunHeadChangesEveryLineOfTheRun(t *testing.T) {
	s, _, e := open(t, "perf_project_l1")
	h := project(t, e).grid.groups[0]
	h.l2.SetSelected("时效指标")
	ind := s.Doc().Perf.Projects[0].Indicators
	for i := 0; i < 4; i++ {
		if ind[i].L2 != "时效指标" {
			t.Errorf("line %d: %q", i, ind[i].L2)
		}
	}
	if ind[4].L2 != "质量指标" || steps(s) != 1 {
		t.Errorf("the next run changed too, or %d steps", steps(s))
	}
	h = project(t, e).grid.groups[0]
	h.l1.SetSelected("满意度指标")
	if x := s.Doc().Perf.Projects[0].Indicators[0]; x.L1 != "满意度指标" || x.L2 != "服务对象满意度指标" {
		t.Errorf("a new 一级 takes its first 二级: %+v", x)
	}
}

func tapButton(t *testing.T, o fyne.CanvasObject, label string) {
	t.Helper()
	for _, x := range test.LaidOutObjects(o) {
		if b, ok := x.(*widget.Button); ok && b.Text == label && b.Visible() {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q", label)
}

func TestBadFiscalFigureIsRefused(t *testing.T) {
	s, w, e := open(t, "perf_project_l1")
	p := project(t, e)
	retype(w, p.fund.fiscal, "14２.2万")
	p.fund.fiscal.Commit()
	if !strings.Contains(p.fund.fiscal.Error(), "不是有效金额") || !p.fund.fiscal.Message().Visible() {
		t.Errorf("message %q", p.fund.fiscal.Error())
	}
	if s.Doc().Perf.Projects[0].Money.Fiscal != money.MustParse("142.20") || s.CanUndo() {
		t.Error("the old figure should be kept")
	}
	// a good one, in full-width digits, goes in and the computed total follows
	retype(w, p.fund.fiscal, "１５０")
	p.fund.fiscal.Commit()
	m := s.Doc().Perf.Projects[0].Money
	if m.Fiscal != money.MustParse("150") || m.Total != nil || p.fund.total.Text != "150.00" || p.fund.fiscal.Error() != "" {
		t.Errorf("fiscal %v total %q", m.Fiscal, p.fund.total.Text)
	}
	// a given total that differs from the parts is kept and flagged
	retype(w, p.fund.total, "160")
	p.fund.total.Commit()
	m = s.Doc().Perf.Projects[0].Money
	if m.Total == nil || *m.Total != money.MustParse("160") || !strings.Contains(p.fund.hint.Text, "不一致") {
		t.Errorf("given total %v, hint %q", m.Total, p.fund.hint.Text)
	}
	retype(w, p.fund.total, "")
	p.fund.total.Commit()
	if s.Doc().Perf.Projects[0].Money.Total != nil || p.fund.total.Text != "150.00" {
		t.Error("a blank total is computed again")
	}
}

func TestFormsListFiltersByName(t *testing.T) {
	_, _, e := open(t, "perf_project_l2")
	if len(e.Shown()) != 12 || e.count.Text != "共 12 张" {
		t.Fatalf("%d forms listed, %q", len(e.Shown()), e.count.Text)
	}
	e.search.SetText("会议")
	if got := e.Shown(); !slices.Equal(got, []string{"市委专题会议费", "电子政务内网视频会议系统"}) {
		t.Errorf("search 会议: %v", got)
	}
	if e.count.Text != "共 12 张，找到 2 张" {
		t.Errorf("count %q", e.count.Text)
	}
	e.search.SetText("（")
	if len(e.Shown()) != 0 {
		t.Errorf("nothing has a bracket: %v", e.Shown())
	}
	// a finding names a form hidden by the search: the search is cleared
	e.SelectForm("办公耗材经费")
	if e.Current() != "办公耗材经费" || e.search.Text != "" || len(e.Shown()) != 12 {
		t.Errorf("SelectForm: current %q, search %q", e.Current(), e.search.Text)
	}
	// picking a list line shows its form
	e.list.Select(0)
	if e.Current() != "市委专题会议费" {
		t.Errorf("picked %q", e.Current())
	}
}

func TestAddAndRemoveProjectForms(t *testing.T) {
	s, w, e := open(t, "perf_project_l2")
	var names []string
	for _, c := range e.candidates() {
		names = append(names, c.name)
	}
	if !slices.Contains(names, "市委视频会议系统运行维护及驻场服务费") || slices.Contains(names, "办公耗材经费") {
		t.Fatalf("projects without a form: %v", names)
	}
	n := len(s.Doc().Perf.Projects)
	// the dialog lists them
	tapButton(t, e.Object(), "添加绩效表")
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog")
	}
	var entry *widget.Entry
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if x, ok := uitest.Entry(o); ok && x.PlaceHolder == "项目名称" {
			entry = x
		}
	}
	entry.SetText("市委视频会议系统运行维护及驻场服务费")
	tapButton(t, w.Canvas().Overlays().Top(), "添加")
	if len(s.Doc().Perf.Projects) != n+1 || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("%d forms, dialog open %v", len(s.Doc().Perf.Projects), w.Canvas().Overlays().Top() != nil)
	}
	f := s.Doc().Perf.Projects[n]
	if f.Level != forms.ProjectLevel2 || f.Money.TotalValue() != money.MustParse("62.80") || f.Dept != "324001-中共吉林市委办公室" || len(f.Indicators) == 0 {
		t.Errorf("new form %+v", f)
	}
	if e.Current() != "市委视频会议系统运行维护及驻场服务费" || len(e.Shown()) != 13 {
		t.Errorf("shown %q, %d listed", e.Current(), len(e.Shown()))
	}
	if err := e.addNamed("办公耗材经费", ""); err == nil || !strings.Contains(err.Error(), "已有") {
		t.Errorf("a second form for a project: %v", err)
	}
	// remove, after confirming
	e.SelectForm("资料印刷费")
	tapButton(t, e.Object(), "删除本表")
	tapButton(t, w.Canvas().Overlays().Top(), "删除")
	if slices.Contains(e.Shown(), "资料印刷费") || len(s.Doc().Perf.Projects) != n {
		t.Fatalf("after removing: %v", e.Shown())
	}
	if e.Current() == "" || e.Current() == "资料印刷费" {
		t.Errorf("shown after removal: %q", e.Current())
	}
	s.Undo()
	if !slices.Contains(e.Shown(), "资料印刷费") {
		t.Error("undo did not bring the form back")
	}
	s.Undo()
	if slices.Contains(e.Shown(), "市委视频会议系统运行维护及驻场服务费") || e.Current() == "市委视频会议系统运行维护及驻场服务费" {
		t.Error("undo of the add: the form should be gone")
	}
}

func TestTypingInAFormSurvivesAChangeElsewhere(t *testing.T) {
	s, w, e := open(t, "perf_project_l1")
	p := project(t, e)
	retype(w, p.dept, "324-中共吉林市委办公室")
	s.SetFunctions("别处的改动")
	e.Refresh(edit.Change{Perf: true}) // as after any change of the forms
	if p.dept.Text != "324-中共吉林市委办公室" {
		t.Error("what was being typed was lost")
	}
	e.Commit()
	if s.Doc().Perf.Projects[0].Dept != "324-中共吉林市委办公室" {
		t.Error("Commit did not apply it")
	}
}

func TestDeptForm(t *testing.T) {
	s, w, e := open(t, "perf_dept")
	p, ok := e.form.(*deptForm)
	if !ok || len(p.taskRows) != 15 || p.nameCode.Text != "中共吉林市委办公室-324" {
		t.Fatalf("dept form %T", e.form)
	}
	tapButton(t, e.Object(), "添加任务")
	tasks := s.Doc().Perf.Dept.Tasks
	if len(tasks) != 16 || tasks[15].Name != "新任务" || len(p.taskRows) != 16 {
		t.Fatalf("%d tasks", len(tasks))
	}
	retype(w, p.taskRows[15].content, "保障机关日常运转。")
	p.taskRows[15].content.Commit()
	if s.Doc().Perf.Dept.Tasks[15].Content != "保障机关日常运转。" {
		t.Error("task content")
	}
	retype(w, p.taskRows[0].name, "")
	p.taskRows[0].name.Commit()
	if p.taskRows[0].name.Error() == "" {
		t.Error("an empty task name should be refused")
	}
	p.taskRows[0].name.Revert()
	p.grid.remove(0)
	if len(s.Doc().Perf.Dept.Indicators) != 28 {
		t.Errorf("%d indicators", len(s.Doc().Perf.Dept.Indicators))
	}
	tapButton(t, e.Object(), "删除本表")
	tapButton(t, w.Canvas().Overlays().Top(), "删除")
	if s.Doc().Perf.Dept != nil || e.form != nil || !e.add.Visible() {
		t.Fatal("the form was not removed")
	}
	tapButton(t, e.Object(), "编制部门整体绩效目标表")
	if f := s.Doc().Perf.Dept; f == nil || f.NameCode != "中共吉林市委办公室-324" || len(f.Indicators) != len(skeleton()) || e.form == nil {
		t.Fatal("a new 部门整体 form")
	}
}

func TestPreForms(t *testing.T) {
	s, w, e := open(t, "perf_pre")
	if e.form != nil || !e.note.Visible() || !strings.Contains(e.note.Text, "本表无数据") {
		t.Fatalf("the sample has no 事前评估 form: note %q", e.note.Text)
	}
	if err := e.addPre("市委信息化平台建设"); err != nil {
		t.Fatal(err)
	}
	p, ok := e.form.(*preForm)
	if !ok || len(s.Doc().Perf.Pre) != 1 || e.note.Visible() {
		t.Fatal("no form after adding")
	}
	row := p.annualGrid.rows[0]
	retype(w, row.score, "二十")
	row.score.Commit()
	if row.score.Error() == "" {
		t.Error("a score that is not a number")
	}
	retype(w, row.score, "20")
	row.score.Commit()
	retype(w, row.standard, "按期完成得满分")
	row.standard.Commit()
	if x := s.Doc().Perf.Pre[0].AnnualGrid[0]; x.Score != "20" || x.Standard != "按期完成得满分" {
		t.Errorf("scored line %+v", x)
	}
	retype(w, p.annual.fiscal, "300")
	p.annual.fiscal.Commit()
	if s.Doc().Perf.Pre[0].Annual.TotalValue() != money.MustParse("300") {
		t.Error("annual money")
	}
	e.remove()
	if len(s.Doc().Perf.Pre) != 0 || e.form != nil {
		t.Error("remove")
	}
}

// A consolidated department: 10,500 forms in one table, listed by a
// virtualised list that starts at the top and filters by name.
func TestLargeTable(t *testing.T) {
	if testing.Short() {
		t.Skip("large document")
	}
	d, err := generate.Document(generate.Large, 1)
	if err != nil {
		t.Fatal(err)
	}
	_, _, e := openDoc(t, d, "perf_project")
	if e.count.Text != "共 10500 张" || e.Current() != "一级项目001" || e.list.GetScrollOffset() != 0 {
		t.Fatalf("%q, current %q, list scrolled to %v", e.count.Text, e.Current(), e.list.GetScrollOffset())
	}
	if p := project(t, e); p.level == nil || p.level.Selected != forms.ProjectLevel1 {
		t.Error("a table of both levels lets the clerk choose the level")
	}
	e.search.SetText("二级项目0999")
	if got := e.Shown(); len(got) != 10 || got[0] != "二级项目09990" {
		t.Errorf("search: %d found, first %v", len(got), got[:min(1, len(got))])
	}
	e.SelectForm("一级项目002")
	if e.Current() != "一级项目002" || e.search.Text != "" {
		t.Errorf("current %q", e.Current())
	}
}

func BenchmarkLargeSearch(b *testing.B) {
	d, err := generate.Document(generate.Large, 1)
	if err != nil {
		b.Fatal(err)
	}
	test.NewTempApp(b)
	e := New(edit.New(d), d.Table("perf_project"), test.NewWindow(nil))
	qs := []string{"二级项目0", "二级项目09", "二级项目099", ""}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.search.SetText(qs[i%len(qs)])
	}
}
