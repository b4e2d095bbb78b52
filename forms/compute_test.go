package forms

import (
	"testing"

	"yusuan/forms/money"
)

func m(s string) money.Amount { return money.MustParse(s) }

func newDoc(t *testing.T, tmpl string) *Document {
	t.Helper()
	d, err := NewDocument(Meta{Name: "测试部门", Code: "999", Year: 2022, Template: tmpl})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func addRow(t *testing.T, p *Pane, code, name string) int {
	t.Helper()
	ri, err := p.AddClassRow(code, name, func(c string) string { return "上级" + c })
	if err != nil {
		t.Fatal(err)
	}
	return ri
}

func set(t *testing.T, p *Pane, rowKey, col string, v string) {
	t.Helper()
	if err := p.Set(p.RowIndex(rowKey), p.Col(col), m(v)); err != nil {
		t.Fatalf("set %s/%s: %v", rowKey, col, err)
	}
}

func val(p *Pane, rowKey, col string) money.Amount {
	v, _ := p.Value(rowKey, col)
	return v
}

// The clerk types only leaf cells; 类/款 lines, the 合计 line and the total
// columns follow.
func TestTotalsFollowLeafEdits(t *testing.T) {
	d := newDoc(t, "jilin-2022")
	p := d.Table("general").Main()
	addRow(t, p, "2013101", "行政运行")
	addRow(t, p, "2013102", "一般行政管理事务")
	addRow(t, p, "2080505", "机关事业单位基本养老保险缴费支出")
	if p.Row("20131") == nil || p.Row("201") == nil || p.Row("20805") == nil {
		t.Fatal("missing parents were not added")
	}
	if got := []string{p.Rows[0].Key, p.Rows[1].Key, p.Rows[2].Key, p.Rows[3].Key}; got[0] != "total" || got[1] != "201" || got[2] != "20131" || got[3] != "2013101" {
		t.Errorf("row order %v", got)
	}
	set(t, p, "2013101", "personnel", "567.09")
	set(t, p, "2013101", "public", "174.40")
	set(t, p, "2013102", "project", "4926.10")
	set(t, p, "2080505", "personnel", "90.42")
	checks := []struct {
		row, col, want string
	}{
		{"2013101", "basic", "741.49"}, {"2013101", "total", "741.49"},
		{"20131", "total", "5667.59"}, {"201", "project", "4926.10"},
		{"total", "basic", "831.91"}, {"total", "personnel", "657.51"}, {"total", "total", "5758.01"},
	}
	for _, c := range checks {
		if got := val(p, c.row, c.col); got != m(c.want) {
			t.Errorf("%s/%s = %v, want %s", c.row, c.col, got, c.want)
		}
	}
	if err := p.Set(p.RowIndex("201"), p.Col("project"), m("1")); err == nil {
		t.Error("typing into a 类 line accepted")
	}
	if err := p.Set(p.RowIndex("2013101"), p.Col("total"), m("1")); err == nil {
		t.Error("typing into a 合计 column accepted")
	}
	if !p.IsComputed(p.RowIndex("2013101"), p.Col("basic")) || p.IsComputed(p.RowIndex("2013101"), p.Col("public")) {
		t.Error("computed positions wrong")
	}
}

// A template that omits the 小计 columns still totals over what it prints;
// an absent column is absent, not zero.
func TestColumnsAddIntoNearestPresentAncestor(t *testing.T) {
	d := newDoc(t, "shanghai")
	inc := d.Table("income").Main() // 合计 / 财政拨款收入 / 事业收入 / 事业单位经营收入 / 其他收入
	addRow(t, inc, "2013101", "行政运行")
	set(t, inc, "2013101", "cur_fiscal", "100.00")
	set(t, inc, "2013101", "cur_business", "20.50")
	if got := val(inc, "2013101", "total"); got != m("120.50") {
		t.Errorf("shanghai income 合计 = %v", got)
	}
	if _, ok := inc.Value("2013101", "cur_general"); ok {
		t.Error("an unprinted column reads as present")
	}
	// jilin income: 合计 = 本年小计 + 上年小计; 小计 = Σ sources
	j := newDoc(t, "jilin-2022").Table("income").Main()
	addRow(t, j, "324", "部门")
	addRow(t, j, "324001", "本级")
	addRow(t, j, "324002", "下属单位")
	set(t, j, "324001", "cur_general", "10.00")
	set(t, j, "324001", "cur_other", "1.00")
	set(t, j, "324002", "prev_general", "2.00")
	for _, c := range []struct{ row, col, want string }{
		{"324001", "cur", "11.00"}, {"324001", "total", "11.00"}, {"324002", "prev", "2.00"},
		{"324", "total", "13.00"}, {"total", "cur_general", "10.00"}, {"total", "total", "13.00"},
	} {
		if got := val(j, c.row, c.col); got != m(c.want) {
			t.Errorf("jilin income %s/%s = %v, want %s", c.row, c.col, got, c.want)
		}
	}
}

// Figures from outside are kept as given where they differ from the sum
// (decision 2) and dropped in favour of the sum where they agree.
func TestGivenTotalsKeptOnlyWhenDifferent(t *testing.T) {
	d := newDoc(t, "jilin-2022")
	p := d.Table("expense").Main()
	addRow(t, p, "2013101", "行政运行")
	addRow(t, p, "2101101", "行政单位医疗")
	r1, r2, tot := p.RowIndex("2013101"), p.RowIndex("2101101"), p.RowIndex("total")
	basic, project, total := p.Col("basic"), p.Col("project"), p.Col("total")
	err := p.GiveAll([]GivenCell{
		{tot, basic, m("943.25")}, // differs from Σ (741.49)
		{tot, total, m("785.01")}, // equals Σ of the 合计 column as given
		{r1, basic, m("741.49")},
		{r2, project, m("43.50")},
		{r2, total, m("43.52")}, // differs from 43.50
	})
	if err != nil {
		t.Fatal(err)
	}
	if c := p.Rows[tot].Cells[basic]; !c.Entered || c.Value != m("943.25") {
		t.Errorf("differing 合计 not kept: %+v", c)
	}
	if c := p.Rows[tot].Cells[total]; c.Entered || c.Value != m("785.01") {
		t.Errorf("agreeing 合计 stored as entered: %+v", c)
	}
	if c := p.Rows[r2].Cells[total]; !c.Entered || c.Value != m("43.52") {
		t.Errorf("differing row 合计 not kept: %+v", c)
	}
	if got := p.ComputedValue(tot, basic); got != m("741.49") {
		t.Errorf("computed value beside the given one = %v", got)
	}
	if err := p.UseComputed(tot, basic); err != nil || p.Rows[tot].Cells[basic].Value != m("741.49") {
		t.Errorf("采用计算值: %v %v", err, p.Rows[tot].Cells[basic])
	}
	if err := p.UseComputed(r1, basic); err == nil {
		t.Error("采用计算值 on an entered cell accepted")
	}
}

func TestTwoSidedLinesAddUp(t *testing.T) {
	d := newDoc(t, "jilin-2022")
	in, out := d.Table("summary").Pane(SideIn), d.Table("summary").Pane(SideOut)
	set(t, in, "in.general", "amount", "6677.45")
	set(t, in, "in.business", "amount", "10.00")
	set(t, in, "in.carry", "amount", "5.00")
	set(t, out, "201", "amount", "6475.69")
	set(t, out, "221", "amount", "67.82")
	set(t, out, "out.carry", "amount", "1.00")
	for _, c := range []struct {
		p         *Pane
		row, want string
	}{
		{in, "in.fiscal", "6677.45"}, {in, "in.unit", "10.00"}, {in, "in.current", "6687.45"}, {in, "in.total", "6692.45"},
		{out, "out.current", "6543.51"}, {out, "out.total", "6544.51"},
	} {
		if got := val(c.p, c.row, "amount"); got != m(c.want) {
			t.Errorf("%s = %v, want %s", c.row, got, c.want)
		}
	}
	// shanghai lists only the 类 the clerk adds; they add straight into 支出总计
	sh := newDoc(t, "shanghai").Table("summary").Pane(SideOut)
	addRow(t, sh, "205", "教育支出")
	set(t, sh, "205", "amount", "100.00")
	if got := val(sh, "out.total", "amount"); got != m("100.00") {
		t.Errorf("shanghai 支出总计 = %v", got)
	}
}

func TestProjectsGroupAndSubtotal(t *testing.T) {
	d := newDoc(t, "jilin-2022")
	p := d.Table("projects").Main()
	add := func(typ, l1, l2, amt string) {
		ri, err := p.AddProject(Project{Type: typ, L1: l1, L2: l2, Unit: "本级", Func: "2013102"})
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Set(ri, p.Col("cur_general"), m(amt)); err != nil {
			t.Fatal(err)
		}
	}
	add("专项业务支出", "服务保障", "接待", "50.00")
	add("专业信息系统运行维护", "机要通信", "网络", "4450.00")
	add("专项业务支出", "服务保障", "印刷", "42.00")
	add("专项业务支出", "机要通信", "密码业务", "17.00")
	for _, c := range []struct{ row, want string }{
		{"total", "4559.00"}, {"l1:服务保障", "92.00"}, {"l1:机要通信", "4467.00"},
		{"type:专项业务支出", "109.00"}, {"type:专业信息系统运行维护", "4450.00"},
	} {
		if got := val(p, c.row, "total"); got != m(c.want) {
			t.Errorf("%s = %v, want %s", c.row, got, c.want)
		}
	}
	// lines of one 一级项目 are listed together under its subtotal
	var order []string
	for _, r := range p.Rows {
		order = append(order, r.Key)
	}
	// project lines are numbered in printed order
	want := []string{"total", "type:专项业务支出", "type:专业信息系统运行维护", "l1:服务保障", "p1", "p2", "l1:机要通信", "p3", "p4"}
	if len(order) != len(want) {
		t.Fatalf("order %v", order)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("order %v, want %v", order, want)
		}
	}
	byName := func(l2 string) int {
		for i, r := range p.Rows {
			if r.Project != nil && r.Project.L2 == l2 {
				return i
			}
		}
		t.Fatalf("no project %s", l2)
		return -1
	}
	if p.Rows[byName("印刷")].Key != "p2" {
		t.Errorf("印刷 is keyed %s", p.Rows[byName("印刷")].Key)
	}
	// moving a project to another 一级 regroups
	if err := p.SetProject(byName("密码业务"), Project{Type: "专项业务支出", L1: "服务保障", L2: "密码业务"}); err != nil {
		t.Fatal(err)
	}
	if got := val(p, "l1:服务保障", "total"); got != m("109.00") {
		t.Errorf("after move 服务保障 = %v", got)
	}
	if err := p.RemoveRow(byName("网络")); err != nil {
		t.Fatal(err)
	}
	if p.Row("l1:机要通信") != nil || val(p, "total", "total") != m("109.00") {
		t.Error("removing the last line of a 一级 leaves its subtotal or a wrong total")
	}
	if err := p.RemoveRow(p.RowIndex("total")); err == nil {
		t.Error("removing the 合计 line accepted")
	}
}

// Rows without a code (a 类 line printed twice) add into nothing: they are
// kept as printed and reported by the checks, not counted twice.
func TestLooseRowsAreNotSummed(t *testing.T) {
	data := []byte(`{"format":"yusuan","schema":1,"meta":{"name":"x","year":2022,"level":"部门","template":"jilin-2022"},
	"tables":[{"id":"general","rows":[
	 {"code":"201","name":"一般公共服务支出"},
	 {"key":"x1","name":"一般公共服务支出","v":{"project":"100.00"}},
	 {"code":"2013102","name":"一般行政管理事务","v":{"project":"100.00"}}]}]}`)
	d, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	p := d.Table("general").Main()
	if got := val(p, "total", "total"); got != m("100.00") {
		t.Errorf("合计 = %v, the loose row was counted", got)
	}
	if got := val(p, "x1", "total"); got != m("100.00") {
		t.Errorf("loose row keeps its own row total: %v", got)
	}
}

// A row taken out comes back where it was, with its figures; a project
// moves within its 一级项目 only.
func TestTakePutAndMoveRows(t *testing.T) {
	d, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	g := d.Table("general").Main()
	before, _ := g.Value(RowKeyTotal, ColTotal)
	ri := g.RowIndex("2101101")
	r, err := g.TakeRow(ri)
	if err != nil {
		t.Fatal(err)
	}
	if g.RowIndex("2101101") >= 0 {
		t.Error("2101101 still listed")
	}
	if err := g.PutRow(ri, r); err != nil {
		t.Fatal(err)
	}
	if v, _ := g.Value(RowKeyTotal, ColTotal); v != before || g.RowIndex("2101101") != ri {
		t.Errorf("after putting it back: total %v, index %d", v, g.RowIndex("2101101"))
	}
	if err := g.PutRow(ri, r); err == nil {
		t.Error("the same code put twice")
	}
	p := d.Table("projects").Main()
	first := -1
	for i, row := range p.Rows {
		if row.Type == RowProject {
			first = i
			break
		}
	}
	name := p.Rows[first].Project.L2
	if _, err := p.MoveProject(first, -1); err == nil {
		t.Error("the first project moved up")
	}
	to, err := p.MoveProject(first, 1)
	if err != nil || p.Rows[to].Project.L2 != name || to != first+1 {
		t.Errorf("moving down: %d %v", to, err)
	}
	if back, err := p.MoveProject(to, -1); err != nil || back != first || p.Rows[first].Project.L2 != name {
		t.Errorf("moving back up: %d %v", back, err)
	}
}
