package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"yusuan/app/look"
	"yusuan/app/perfedit"
	"yusuan/app/textedit"
	"yusuan/app/uitest"
	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/forms/edit"
	"yusuan/forms/money"
)

func newTestUI(t *testing.T, path string) *mainUI {
	t.Helper()
	// the test app keeps its storage (untitled autosaves) in the temporary
	// folder: one of the test's own, so that no test sees another's
	t.Setenv("TMPDIR", t.TempDir())
	a := newShortcutApp(t) // its canvas runs shortcuts, as the real driver's does
	a.Settings().SetTheme(look.NewTheme())
	u := newWindow(a, path)
	u.busy.Wait() // a file is read off the UI goroutine
	u.win.Resize(fyne.NewSize(1360, 820))
	t.Cleanup(func() {
		if u.stop != nil {
			close(u.stop)
			u.stop = nil
		}
	})
	return u
}

// at addresses a cell of a one-pane table.
func at(t *testing.T, u *mainUI, table, row, col string) edit.At {
	t.Helper()
	p := u.s.Doc().Table(table).Main()
	return edit.At{Table: table, Row: p.RowIndex(row), Col: p.Col(col)}
}

func TestNavigationListsPartsAndEveryTable(t *testing.T) {
	u := newTestUI(t, "")
	children := navChildren(u.s.Doc())
	labels := navLabels(u.s.Doc())
	var roots []string
	for _, id := range children[""] {
		roots = append(roots, labels[id])
	}
	if strings.Join(roots, "|") != "封面／基本信息|第一部分 部门概况|第二部分 预算表格|第三部分 情况说明|第四部分 名词解释" {
		t.Errorf("parts %v", roots)
	}
	tables := children[nodePart2]
	if len(tables) != 13 {
		t.Fatalf("%d tables in the navigation", len(tables))
	}
	if labels[tables[0]] != "一、收支预算总表" || labels[tables[12]] != "十三、项目支出绩效目标申报表（二级项目）" {
		t.Errorf("table labels %q … %q", labels[tables[0]], labels[tables[12]])
	}
	if u.win.Title() != "示例数据 — 预算公开助手" {
		t.Errorf("title %q", u.win.Title())
	}
	// the sample's 警告 are counted on their tables and on 第二部分
	if b := u.navData.badge(tableNode("projects")); b != "警6" {
		t.Errorf("项目支出表 badge %q", b)
	}
	if b := u.navData.badge(nodePart2); !strings.Contains(b, "警29") {
		t.Errorf("第二部分 badge %q", b)
	}
}

// An edit updates the findings, the counts, the title and the status; undo
// takes all of it back.
func TestEditsReachTheFindingsTitleAndStatus(t *testing.T) {
	u := newTestUI(t, "")
	if err := u.s.Enter(at(t, u, "general", "2013101", "public"), "200.00"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(u.win.Title(), " * — 预算公开助手") || !strings.Contains(u.status.Text, "尚未保存") {
		t.Errorf("title %q, status %q", u.win.Title(), u.status.Text)
	}
	if !strings.Contains(u.counts.Text, "错误 ") || strings.Contains(u.counts.Text, "错误 0") {
		t.Errorf("counts %q", u.counts.Text)
	}
	x7 := -1
	for i, r := range u.findings.rows {
		if r.f != nil && r.f.Rule == "X-7" {
			x7 = i
			break
		}
	}
	if x7 < 0 {
		t.Fatal("the findings panel does not show X-7")
	}
	if b := u.navData.badge(tableNode("general")); !strings.HasPrefix(b, "错") {
		t.Errorf("general badge %q", b)
	}
	// clicking the finding opens its table
	u.selectNode(tableNode("projects"))
	u.findings.list.Select(x7)
	if u.current != nodeOfPart(u.findings.rows[x7].f.Table) {
		t.Errorf("the finding opened %q", u.current)
	}
	if !strings.Contains(u.findings.detail.Raw(), "X-7") {
		t.Errorf("details %q", u.findings.detail.Raw())
	}
	u.undo()
	if strings.Contains(u.win.Title(), "*") || strings.Contains(u.counts.Text, "错误 1") {
		t.Errorf("after undo: %q %q", u.win.Title(), u.counts.Text)
	}
	// undone on another table's screen: the status bar says what and where
	if want := "已撤销：填写 2013101 行政运行 基本支出公用经费（一般公共预算支出表）"; !strings.HasPrefix(u.status.Text, want) {
		t.Errorf("status after undo %q, want it to begin %q", u.status.Text, want)
	}
	u.redo()
	if v, _ := u.s.Doc().Table("general").Main().Value("2013101", "public"); v != money.MustParse("200.00") {
		t.Errorf("redo: %v", v)
	}
	if !strings.HasPrefix(u.status.Text, "已重做：填写 2013101") {
		t.Errorf("status after redo %q", u.status.Text)
	}
	// the next change of the clerk's own clears it
	if err := u.s.Enter(at(t, u, "general", "2013101", "public"), "300.00"); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(u.status.Text, "已重做") {
		t.Errorf("status after a new edit %q", u.status.Text)
	}
}

// A warning is explained from the panel; the panel then marks it.
func TestExplainAWarning(t *testing.T) {
	u := newTestUI(t, "")
	for i, r := range u.findings.rows {
		if r.f != nil && r.f.Rule == "P-3" {
			u.findings.list.Select(i)
			break
		}
	}
	if u.findings.selected == nil || u.findings.explain.Hidden {
		t.Fatal("selecting a 警告 offers the 出错说明")
	}
	if err := u.s.Explain(u.findings.selected, "按全年最大可能列示"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(u.findings.summary.Text, "1 项警告已说明") {
		t.Errorf("summary %q", u.findings.summary.Text)
	}
	// the status bar's count says it too (the navigation counts the others)
	if !strings.Contains(u.counts.Text, "（1 项已说明）") {
		t.Errorf("status counts %q", u.counts.Text)
	}
	found := false
	for _, r := range u.findings.rows {
		found = found || (r.f != nil && r.f.Explained())
	}
	if !found {
		t.Error("the explained warning is not marked")
	}
}

func TestSaveAndReopenWithRecovery(t *testing.T) {
	u := newTestUI(t, "")
	dir := t.TempDir()
	path := filepath.Join(dir, "本部门.yusuan")
	u.path = path
	u.save(nil)
	if _, err := os.Stat(path); err != nil || u.s.Dirty() || u.win.Title() != "本部门.yusuan — 预算公开助手" {
		t.Fatalf("save: %v, title %q", err, u.win.Title())
	}
	if r := u.recent(); len(r) == 0 || !strings.HasSuffix(r[0], "本部门.yusuan") {
		t.Errorf("recent files %v", r)
	}
	u.s.Enter(at(t, u, "general", "2013101", "public"), "1.00")
	u.autosave()
	rec, ok := edit.Recovery(path)
	if !ok {
		t.Fatal("no autosave")
	}
	// a second window opens the file and recovers the unsaved figure
	v := newTestUI(t, path)
	if v.s == nil || v.path != path {
		t.Fatal("the file did not open")
	}
	v.recoverFrom(path, rec)
	if got, _ := v.s.Doc().Table("general").Main().Value("2013101", "public"); got != money.MustParse("1.00") || !v.s.Dirty() {
		t.Errorf("recovered %v, dirty %v", got, v.s.Dirty())
	}
}

func TestLoadErrorIsShownNotHidden(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "坏文件.yusuan")
	os.WriteFile(bad, []byte("{\"format\": \"yusuan\", 3"), 0o644)
	u := newTestUI(t, bad)
	if !containsText(u.win.Content(), "无法打开文档") || !containsText(u.win.Content(), "没有被改动") {
		t.Error("the load error is not shown")
	}
	data, _ := os.ReadFile(bad)
	if string(data) != "{\"format\": \"yusuan\", 3" {
		t.Error("the broken file was changed")
	}
}

func TestImportAWorkbookAndExport(t *testing.T) {
	u := newTestUI(t, "")
	dir := t.TempDir()
	wb := filepath.Join(dir, "报送.xlsx")
	u.export(exportXLSX, wb, "Excel 工作簿")
	u.busy.Wait()
	v := newTestUI(t, wb)
	if v.s == nil || !v.s.Dirty() || v.path != "" || !strings.Contains(v.win.Title(), "导入自 报送.xlsx") {
		t.Fatalf("importing the workbook: title %q", v.win.Title())
	}
	if got, _ := v.s.Doc().Table("general").Main().Value("total", "total"); got != money.MustParse("6677.45") {
		t.Errorf("imported total %v", got)
	}
	pdfPath := filepath.Join(dir, "公开.pdf")
	u.export(exportPDF, pdfPath, "PDF")
	u.busy.Wait()
	if fi, err := os.Stat(pdfPath); err != nil || fi.Size() < 1000 {
		t.Errorf("the PDF: %v", err)
	}
}

func TestCarryOverIntoTheWindow(t *testing.T) {
	u := newTestUI(t, "")
	last := u.s.Doc()
	d, err := forms.CarryOver(last)
	if err != nil {
		t.Fatal(err)
	}
	u.setDocument(d, "", "结转自 本部门.yusuan")
	if !strings.Contains(u.win.Title(), "结转自") || u.s.Doc().Meta.Year != 2023 {
		t.Errorf("title %q", u.win.Title())
	}
}

func TestEveryTableAndPartOpens(t *testing.T) {
	u := newTestUI(t, "")
	d := u.s.Doc()
	for _, id := range append(navChildren(d)[nodePart2], nodeCover, nodeFunctions, nodeOrganization, nodeExplanation, nodeGlossary, nodePart1, nodePart2) {
		u.selectNode(id)
		if len(u.content.Objects) != 1 || u.current != id {
			t.Errorf("%s did not open", id)
		}
	}
}

func containsText(o fyne.CanvasObject, s string) bool {
	if text, ok := uitest.LabelText(o); ok {
		return strings.Contains(text, s)
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			if containsText(c, s) {
				return true
			}
		}
	case *container.Scroll:
		return containsText(x.Content, s)
	}
	return false
}

// navMinWidth is the least width at which the navigation's entries tell
// “十二、项目支…” from “十三、项目支…”.
const navMinWidth = 160

// On a 1200×680 window a project 绩效 form, which needs the most width,
// fits beside the navigation and the findings: the window asks for no more
// than it has, and the navigation is not squeezed into stubs.
func TestPerfFormFitsALaptopWindow(t *testing.T) {
	u := newTestUI(t, "")
	u.win.Resize(fyne.NewSize(1200, 680))
	u.selectNode(tableNode("perf_project_l1"))
	if u.current != tableNode("perf_project_l1") {
		t.Fatalf("opened %q", u.current)
	}
	if w := u.win.Content().MinSize().Width; w > 1200 {
		t.Errorf("the window needs %.0f px", w)
	}
	if w := u.nav.Size().Width; w < navMinWidth-1 {
		t.Errorf("the navigation is %.0f px wide, its floor is %d", w, navMinWidth)
	}
}

// A finding about a 绩效 indicator opens its form scrolled to the
// indicator, the cursor in its 三级指标 (the trial's P-2 on 陪餐人数 opened
// the 部门整体 form at its top, screens away).
func TestFindingRevealsItsIndicator(t *testing.T) {
	u := newTestUI(t, "")
	u.win.Resize(fyne.NewSize(1200, 680))
	var f *check.Finding
	for i, x := range u.s.Result().Findings {
		if x.Rule == "P-2" && strings.Contains(x.Message, "陪餐人数") {
			f = &u.s.Result().Findings[i]
			break
		}
	}
	if f == nil {
		t.Fatal("the sample has no P-2 on 陪餐人数")
	}
	u.goToFinding(f)
	e, ok := u.view.(*perfedit.Editor)
	if !ok {
		t.Fatalf("the finding opened %T", u.view)
	}
	field, ok := u.win.Canvas().Focused().(*textedit.Field)
	if !ok || field.Text != "陪餐人数" {
		t.Fatalf("the cursor is in %T", u.win.Canvas().Focused())
	}
	if e.Scrolled() <= 0 {
		t.Error("the form was not scrolled to the indicator")
	}
}
