package edit

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/forms/money"
)

func sample(t testing.TB) *Session {
	t.Helper()
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	return New(d)
}

// at addresses a cell of a one-pane table by row key and column key.
func at(t testing.TB, s *Session, table, row, col string) At {
	t.Helper()
	p := s.Doc().Table(table).Main()
	a := At{Table: table, Row: p.RowIndex(row), Col: p.Col(col)}
	if a.Row < 0 || a.Col < 0 {
		t.Fatalf("no cell %s/%s/%s", table, row, col)
	}
	return a
}

func value(s *Session, table, row, col string) money.Amount {
	v, _ := s.Doc().Table(table).Main().Value(row, col)
	return v
}

// The result kept by the session is the result of checking from scratch.
func sameAsFull(t *testing.T, s *Session, what string) {
	t.Helper()
	full := check.Document(s.Doc())
	got := s.Result()
	if len(got.Findings) != len(full.Findings) {
		t.Fatalf("%s: %d findings kept, %d from scratch", what, len(got.Findings), len(full.Findings))
	}
	for i := range got.Findings {
		if got.Findings[i].Message != full.Findings[i].Message {
			t.Fatalf("%s: finding %d: %q vs %q", what, i, got.Findings[i].Message, full.Findings[i].Message)
		}
	}
}

func TestEnterUndoRedo(t *testing.T) {
	s := sample(t)
	var changes []Change
	s.Watch(func(c Change) { changes = append(changes, c) })
	a := at(t, s, "general", "2013101", "public")
	if err := s.Enter(a, "200.00"); err != nil {
		t.Fatal(err)
	}
	if v := value(s, "general", "total", "public"); v != money.MustParse("200.00") {
		t.Errorf("the 公用经费 total did not follow: %v", v)
	}
	if !s.Dirty() || !s.CanUndo() || s.UndoLabel() != "填写 2013101 行政运行 基本支出公用经费" {
		t.Errorf("after an edit: dirty %v, undo %q", s.Dirty(), s.UndoLabel())
	}
	if len(changes) != 1 || changes[0].Tables[0] != "general" {
		t.Errorf("watchers told %+v", changes)
	}
	// the edit breaks X-7 (general vs 基本支出表): the result follows it
	if !hasRule(s.Result(), "X-7") {
		t.Error("the edit should raise X-7")
	}
	sameAsFull(t, s, "after the edit")
	s.Undo()
	if v := value(s, "general", "total", "public"); v != money.MustParse("174.40") || s.Dirty() || hasRule(s.Result(), "X-7") {
		t.Errorf("undo: total %v, dirty %v", v, s.Dirty())
	}
	s.Redo()
	if v := value(s, "general", "2013101", "public"); v != money.MustParse("200.00") {
		t.Errorf("redo: %v", v)
	}
	sameAsFull(t, s, "after undo and redo")
}

func TestEnterRefusesAndKeepsTheOldValue(t *testing.T) {
	s := sample(t)
	a := at(t, s, "general", "2013101", "public")
	err := s.Enter(a, "17a.4")
	if err == nil || !strings.Contains(err.Error(), "17a.4") {
		t.Errorf("a letter in an amount: %v", err)
	}
	if v := value(s, "general", "2013101", "public"); v != money.MustParse("174.40") || s.CanUndo() || s.Dirty() {
		t.Errorf("a refused entry changed something: %v", v)
	}
	if err := s.Enter(at(t, s, "general", "201", "public"), "1.00"); err == nil || !strings.Contains(err.Error(), "程序计算") {
		t.Errorf("typing into a computed cell: %v", err)
	}
	// "" clears; full-width digits and separators are read
	if err := s.Enter(a, "１,２３４.５"); err != nil || value(s, "general", "2013101", "public") != money.MustParse("1234.50") {
		t.Errorf("full-width: %v", err)
	}
	if err := s.Enter(a, ""); err != nil || value(s, "general", "2013101", "public") != 0 {
		t.Errorf("clearing: %v", err)
	}
}

func TestPasteBlock(t *testing.T) {
	s := sample(t)
	g := s.Doc().Table("general").Main()
	row := g.RowIndex("2013101")
	items := []Item{
		{At{"general", 0, row, g.Col("personnel")}, "600.00"},
		{At{"general", 0, row, g.Col("public")}, "1,200.50"},
		{At{"general", 0, row, g.Col("project")}, "abc"},                      // refused
		{At{"general", 0, g.RowIndex("20131"), g.Col("personnel")}, "600.00"}, // a total equal to its sum: computed
		{At{"general", 0, g.RowIndex("201"), g.Col("public")}, "9.99"},        // a total that differs: given
	}
	res := s.Paste(items)
	if res.Applied != 4 || len(res.Refused) != 1 || !strings.Contains(res.Refused[0].Error(), "abc") {
		t.Fatalf("paste: %+v", res)
	}
	if g.Rows[g.RowIndex("20131")].Cells[g.Col("personnel")].Entered {
		t.Error("a pasted total equal to its sum is kept as given")
	}
	if c := g.Rows[g.RowIndex("201")].Cells[g.Col("public")]; !c.Entered || c.Value != money.MustParse("9.99") {
		t.Errorf("a pasted total that differs: %+v", c)
	}
	sameAsFull(t, s, "after the paste")
	if s.UndoLabel() != "粘贴 4 个单元格" {
		t.Errorf("undo label %q", s.UndoLabel())
	}
	s.Undo()
	if v := value(s, "general", "2013101", "personnel"); v != money.MustParse("567.09") {
		t.Errorf("one undo takes the whole paste back: %v", v)
	}
	if c := g.Rows[g.RowIndex("201")].Cells[g.Col("public")]; c.Entered || c.Value != money.MustParse("174.40") {
		t.Errorf("the given total after undo: %+v", c)
	}
	sameAsFull(t, s, "after undoing the paste")
}

func TestClearAndUseComputed(t *testing.T) {
	s := sample(t)
	g := s.Doc().Table("general").Main()
	s.Paste([]Item{{At{"general", 0, g.RowIndex("201"), g.Col("public")}, "9.99"}})
	a := At{"general", 0, g.RowIndex("201"), g.Col("public")}
	if err := s.UseComputed(a); err != nil || g.Rows[a.Row].Cells[a.Col].Entered {
		t.Fatalf("采用计算值: %v", err)
	}
	if err := s.UseComputed(a); err == nil {
		t.Error("采用计算值 on a computed cell")
	}
	s.Undo()
	if !g.Rows[a.Row].Cells[a.Col].Entered {
		t.Error("undo of 采用计算值")
	}
	s.Clear([]At{a, at(t, s, "general", "2013101", "public"), at(t, s, "general", "2013101", "personnel")})
	if g.Rows[a.Row].Cells[a.Col].Entered || value(s, "general", "2013101", "public") != 0 || value(s, "general", "total", "basic") != money.MustParse("201.76") {
		t.Errorf("clear: basic total %v", value(s, "general", "total", "basic"))
	}
	s.Undo()
	if value(s, "general", "2013101", "public") != money.MustParse("174.40") || !g.Rows[a.Row].Cells[a.Col].Entered {
		t.Error("undo of a clear")
	}
	sameAsFull(t, s, "after clear and undo")
}

func TestRows(t *testing.T) {
	s := sample(t)
	g := s.Doc().Table("general").Main()
	// a 项 whose 款 and 类 are not listed brings them along, named from the
	// list: take 221 out with its lines, then add 2210201 back
	for _, code := range []string{"2210201", "22102", "221"} {
		if err := s.RemoveRow("general", 0, g.RowIndex(code)); err != nil {
			t.Fatal(err)
		}
	}
	n := len(g.Rows)
	ri, err := s.AddClassRow("general", 0, "221 02 01", "")
	if err != nil {
		t.Fatal(err)
	}
	if g.Rows[ri].Code != "2210201" || g.Rows[ri].Name != "住房公积金" || len(g.Rows) != n+3 || g.Rows[g.RowIndex("22102")].Name != "住房改革支出" {
		t.Errorf("added %q %q, %d rows", g.Rows[ri].Code, g.Rows[ri].Name, len(g.Rows))
	}
	if err := s.Enter(At{"general", 0, ri, g.Col("personnel")}, "10.00"); err != nil {
		t.Fatal(err)
	}
	if v := value(s, "general", "221", "total"); v != money.MustParse("10.00") {
		t.Errorf("the 类 line adds up the new 项: %v", v)
	}
	if _, err := s.AddClassRow("general", 0, "2059901", ""); err == nil || !strings.Contains(err.Error(), "请同时填写名称") {
		t.Errorf("an unknown code without a name: %v", err)
	}
	if _, err := s.AddClassRow("general", 0, "2059901", "其他教育管理事务"); err != nil {
		t.Errorf("an unknown code with a name: %v", err)
	}
	if _, err := s.AddClassRow("general", 0, "12a", ""); err == nil {
		t.Error("a code with a letter")
	}
	for i := 0; i < 6; i++ { // the unknown code, the figure, the 项 added, the three removals
		s.Undo()
	}
	if g.RowIndex("2059901") >= 0 || value(s, "general", "221", "total") != money.MustParse("67.82") || s.Dirty() {
		t.Errorf("undo of the added and removed lines: 221 %v", value(s, "general", "221", "total"))
	}
	sameAsFull(t, s, "after undoing the line changes")
	// removing a line takes its figures; undo brings them back
	if !s.HasMoney("general", 0, g.RowIndex("2101101")) {
		t.Error("2101101 has money")
	}
	before := value(s, "general", "total", "personnel")
	if err := s.RemoveRow("general", 0, g.RowIndex("2101101")); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveRow("general", 0, g.RowIndex("total")); err == nil {
		t.Error("the 合计 line removed")
	}
	s.Undo()
	if g.RowIndex("2101101") < 0 || value(s, "general", "total", "personnel") != before {
		t.Error("undo of a removal")
	}
	if err := s.Rename("general", 0, g.RowIndex("2101101"), "行政单位医疗（改）"); err != nil || g.Rows[g.RowIndex("2101101")].Name != "行政单位医疗（改）" {
		t.Errorf("rename: %v", err)
	}
	s.Undo()
	if g.Rows[g.RowIndex("2101101")].Name != "行政单位医疗" {
		t.Error("undo of a rename")
	}
}

func TestProjects(t *testing.T) {
	s := sample(t)
	p := s.Doc().Table("projects").Main()
	total := value(s, "projects", "total", "total")
	ri, err := s.AddProject("projects", forms.Project{Type: "专项业务支出", L1: "新一级", L2: "新项目", Unit: "中共吉林市委办公室", Func: "201 31 02"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Rows[ri].Project.Func != "2013102" || p.RowIndex("l1:新一级") < 0 {
		t.Errorf("added project: %+v", p.Rows[ri].Project)
	}
	if err := s.Enter(At{"projects", 0, ri, p.Col("cur_general")}, "5.00"); err != nil {
		t.Fatal(err)
	}
	if v := value(s, "projects", "total", "total"); v != total+money.MustParse("5.00") {
		t.Errorf("total %v", v)
	}
	// moving it to another 一级项目 by typing the name regroups the table
	if err := s.Enter(At{"projects", 0, ri, p.Col(forms.AttrL1)}, "服务保障"); err != nil {
		t.Fatal(err)
	}
	if p.RowIndex("l1:新一级") >= 0 || value(s, "projects", "l1:服务保障", "total") != money.MustParse("147.20") {
		t.Errorf("regrouped: 服务保障 %v", value(s, "projects", "l1:服务保障", "total"))
	}
	sameAsFull(t, s, "after regrouping")
	s.Undo()
	if p.RowIndex("l1:新一级") < 0 || value(s, "projects", "l1:服务保障", "total") != money.MustParse("142.20") {
		t.Error("undo of the regroup")
	}
	s.Undo()
	s.Undo()
	if v := value(s, "projects", "total", "total"); v != total || len(p.Rows) != 24 {
		t.Errorf("after undoing everything: total %v, %d rows", v, len(p.Rows))
	}
	sameAsFull(t, s, "after undoing the projects")
	// moving a project within its group, and back by undo
	first := -1
	for i, r := range p.Rows {
		if r.Type == forms.RowProject {
			first = i
			break
		}
	}
	name := p.Rows[first].Project.L2
	to, err := s.MoveProject("projects", first, 1)
	if err != nil || p.Rows[to].Project.L2 != name {
		t.Fatalf("move: %v", err)
	}
	s.Undo()
	if p.Rows[first].Project.L2 != name {
		t.Error("undo of a move")
	}
}

func TestPartsAndExplanations(t *testing.T) {
	s := sample(t)
	d := s.Doc()
	s.SetFunctions("（一）新的职能。")
	in := d.Inputs
	in.TotalReason = ""
	s.SetInputs(in)
	if !hasRule(s.Result(), "N-4") {
		t.Error("clearing the reason should raise N-4")
	}
	s.WriteSection("sangong", "")
	if _, ok := d.Text.Written["sangong"]; !ok || !strings.Contains(d.Text.Written["sangong"], "51.28万元") {
		t.Errorf("the hand-written section starts from the generated one: %q", d.Text.Written["sangong"])
	}
	f := d.Perf.Projects[0]
	f.Goal = "新的目标"
	if err := s.SetProjectForm(0, f); err != nil {
		t.Fatal(err)
	}
	if err := s.SetMeta(forms.Meta{Name: "新名称", Code: d.Meta.Code, Year: d.Meta.Year, Level: forms.LevelUnit, Template: d.Meta.Template, Sample: true, Remark: d.Meta.Remark}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Table("summary").Title, "收支预算总表") || d.LevelWord() != "单位" {
		t.Errorf("level change: %q", d.LevelWord())
	}
	var warning *check.Finding
	for i, fd := range s.Result().Findings {
		if fd.Severity == check.Warning && fd.Rule == "P-3" {
			warning = &s.Result().Findings[i]
			break
		}
	}
	if err := s.Explain(warning, "成本上限按最大可能列示"); err != nil {
		t.Fatal(err)
	}
	explained := false
	for _, fd := range s.Result().Findings {
		explained = explained || (fd.Rule == "P-3" && fd.Explained())
	}
	if !explained {
		t.Error("the explanation is not attached")
	}
	sameAsFull(t, s, "after the text edits")
	for s.CanUndo() {
		s.Undo()
	}
	if d.Text.Functions == "（一）新的职能。" || d.Inputs.TotalReason == "" || d.Text.Written != nil || d.Perf.Projects[0].Goal == "新的目标" ||
		d.Meta.Name == "新名称" || len(d.Explanations) != 0 || s.Dirty() {
		t.Error("undoing everything does not give the document back")
	}
	sameAsFull(t, s, "after undoing everything")
}

// Random edits and undos: the kept result always equals a check from
// scratch, and undoing everything gives back the document as it was.
func TestRandomEditsKeepTheResult(t *testing.T) {
	s := sample(t)
	want, _ := forms.Encode(s.Doc())
	rnd := rand.New(rand.NewPCG(3, 4))
	tables := []string{"general", "expense", "basic", "projects", "sangong"}
	for i := 0; i < 60; i++ {
		switch rnd.IntN(4) {
		case 0, 1:
			tb := s.Doc().Table(tables[rnd.IntN(len(tables))])
			p := tb.Main()
			ri, ci := rnd.IntN(len(p.Rows)), rnd.IntN(len(p.Columns))
			s.Enter(At{tb.ID, 0, ri, ci}, money.Amount(rnd.IntN(100000)).String())
		case 2:
			s.Undo()
		case 3:
			s.Redo()
		}
		sameAsFull(t, s, "random edit")
	}
	for s.CanUndo() {
		s.Undo()
	}
	got, _ := forms.Encode(s.Doc())
	if string(got) != string(want) {
		t.Error("undoing every edit does not give the document back")
	}
}

func TestSaveAndAutosave(t *testing.T) {
	s := sample(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "本部门.yusuan")
	if err := s.Save(path); err != nil {
		t.Fatal(err)
	}
	if wrote, err := s.Autosave(RecoveryPath(path)); wrote || err != nil {
		t.Errorf("autosave of a saved document: %v %v", wrote, err)
	}
	s.Enter(at(t, s, "general", "2013101", "public"), "1.00")
	if wrote, err := s.Autosave(RecoveryPath(path)); !wrote || err != nil {
		t.Fatalf("autosave after an edit: %v %v", wrote, err)
	}
	if wrote, _ := s.Autosave(RecoveryPath(path)); wrote {
		t.Error("a second autosave with nothing new")
	}
	// the document file is untouched; the autosave is newer and holds the edit
	rec, ok := Recovery(path)
	if !ok {
		t.Fatal("no recovery offered")
	}
	d, err := forms.Open(rec)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := d.Table("general").Main().Value("2013101", "public"); v != money.MustParse("1.00") {
		t.Errorf("the autosave holds %v", v)
	}
	if saved, _ := forms.Open(path); saved != nil {
		if v, _ := saved.Table("general").Main().Value("2013101", "public"); v != money.MustParse("174.40") {
			t.Error("autosave wrote the document file")
		}
	}
	if err := s.Save(path); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(RecoveryPath(path)); err == nil || s.Dirty() {
		t.Error("saving leaves the autosave behind")
	}
	if _, ok := Recovery(path); ok {
		t.Error("recovery offered after a save")
	}
}

func hasRule(r *check.Result, rule string) bool {
	for _, f := range r.Findings {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// A finding's cells are found in the tables: by code, by label, by project.
func TestLocateFindingCells(t *testing.T) {
	s := sample(t)
	s.Enter(at(t, s, "general", "2013101", "public"), "200.00") // breaks X-7
	found := 0
	for _, f := range s.Result().Findings {
		for _, ref := range f.Cells {
			a, ok := s.Locate(ref)
			if !ok {
				continue
			}
			found++
			p := s.Doc().Table(a.Table).Panes[a.Pane]
			if ref.Column != "" && p.Columns[a.Col].Key != ref.Column {
				t.Errorf("%+v located at column %s", ref, p.Columns[a.Col].Key)
			}
		}
	}
	if found == 0 {
		t.Fatal("no finding cell located")
	}
	a, ok := s.Locate(forms.CellRef{Table: "general", Row: "2013101", Column: "public"})
	if !ok || a != at(t, s, "general", "2013101", "public") {
		t.Errorf("2013101 public located at %+v", a)
	}
	if _, ok := s.Locate(forms.CellRef{Table: "text.explanation", Row: "第3段"}); ok {
		t.Error("a text part located in a table")
	}
}

// Adding and removing a 绩效 form keeps the others untouched, and undo puts
// the list back as it was.
func TestProjectFormsAddRemove(t *testing.T) {
	s := sample(t)
	d := s.Doc()
	n := len(d.Perf.Projects)
	second := d.Perf.Projects[1].Name
	i, err := s.AddProjectForm(forms.ProjectPerf{Name: "新项目", Level: forms.ProjectLevel2})
	if err != nil || i != n || d.Perf.Projects[i].Name != "新项目" {
		t.Fatalf("added at %d: %v", i, err)
	}
	if err := s.RemoveProjectForm(1); err != nil || d.Perf.Projects[1].Name == second {
		t.Fatalf("remove: %v", err)
	}
	s.Undo()
	if d.Perf.Projects[1].Name != second || len(d.Perf.Projects) != n+1 {
		t.Error("undo of the removal")
	}
	s.Undo()
	if len(d.Perf.Projects) != n {
		t.Error("undo of the addition")
	}
	s.Redo()
	s.Redo()
	if len(d.Perf.Projects) != n || d.Perf.Projects[n-1].Name != "新项目" {
		t.Errorf("redo: %d forms", len(d.Perf.Projects))
	}
	sameAsFull(t, s, "after the form changes")
}
