package forms

import (
	"os"
	"strings"
	"testing"
)

// a copy of ../shared/seed/000_e88a6b11ccaf76e8.txt, the published text
// the sample was built from, so the test runs from any checkout
const seedPath = "testdata/seed_000_e88a6b11ccaf76e8.txt"

// Every total the sample prints equals the figure the seed publishes for it.
// Each expected figure is first found in the seed's text, so the test
// cannot drift from the published document.
func TestSampleTotalsEqualSeed(t *testing.T) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatalf("the seed is needed for this test: %v", err)
	}
	d, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	if !d.Meta.Sample || d.Meta.Remark == "" {
		t.Error("the sample must be marked 示例数据 with its note")
	}
	cases := []struct {
		table string
		side  Side
		row   string
		col   string
		want  string
		seen  string // text in the seed that prints this figure
	}{
		{"summary", SideIn, "in.total", "amount", "6677.45", "收入总计			6677.45"},
		{"summary", SideIn, "in.current", "amount", "6677.45", "本年收入合计			6677.45"},
		{"summary", SideIn, "in.fiscal", "amount", "6677.45", "一、财政拨款收入			6677.45"},
		{"summary", SideOut, "out.total", "amount", "6677.45", "支出总计			6677.45"},
		{"summary", SideOut, "out.current", "amount", "6677.45", "本年支出合计			6677.45"},
		{"summary", SideOut, "201", "amount", "6475.69", "一、一般公共服务支出			6475.69"},
		{"income", SideNone, "total", "total", "6677.45", "合计	6677.45	6677.45	6677.45"},
		{"income", SideNone, "324", "cur", "6677.45", "324	中共吉林市委办公室	6677.45	6677.45"},
		{"expense", SideNone, "total", "total", "6677.45", "合计	6677.45	943.25	5734.20"},
		{"expense", SideNone, "total", "basic", "943.25", "合计	6677.45	943.25	5734.20"},
		{"expense", SideNone, "total", "project", "5734.20", "合计	6677.45	943.25	5734.20"},
		{"expense", SideNone, "201", "total", "6475.69", "201	一般公共服务支出	6475.69	741.49	5734.20"},
		{"expense", SideNone, "20131", "total", "5783.89", "5783.89	741.49	5042.40"},
		{"expense", SideNone, "20131", "project", "5042.40", "5783.89	741.49	5042.40"},
		{"expense", SideNone, "20199", "total", "691.80", "20199	其他一般公共服务支出	691.80"},
		{"fiscal", SideIn, "in.total", "amount", "6677.45", "收 入 总 计	6677.45"},
		{"fiscal", SideOut, "out.current", "amount", "6677.45", "一、本年支出	6677.45"},
		{"fiscal", SideOut, "out.total", "amount", "6677.45", "支 出 总 计	6677.45"},
		{"general", SideNone, "total", "total", "6677.45", "合计	6677.45	943.25	768.85	174.40	5734.20"},
		{"general", SideNone, "total", "basic", "943.25", "合计	6677.45	943.25	768.85	174.40	5734.20"},
		{"general", SideNone, "total", "personnel", "768.85", "合计	6677.45	943.25	768.85	174.40	5734.20"},
		{"general", SideNone, "total", "public", "174.40", "合计	6677.45	943.25	768.85	174.40	5734.20"},
		{"general", SideNone, "total", "project", "5734.20", "合计	6677.45	943.25	768.85	174.40	5734.20"},
		{"general", SideNone, "201", "basic", "741.49", "201	一般公共服务支出	6475.69	741.49	567.09	174.40	5734.20"},
		{"basic", SideNone, "total", "total", "943.25", "基本支出 943.25 万元"},
		{"basic", SideNone, "total", "personnel", "768.85", "人员经费 768.85 万元"},
		{"basic", SideNone, "total", "public", "174.40", "公用经费 174.4 万元"},
		{"sangong", SideNone, "cur", "total", "51.28", "“三公”经费预算数为51.28万元"},
		{"sangong", SideNone, "cur", "reception", "51.28", "公务接待费51.28万元"},
		{"projects", SideNone, "total", "total", "5734.20", "合计				5734.20	5734.20"},
		{"projects", SideNone, "type:专业信息系统运行维护", "total", "5465.40", "专业信息系统运行维护	机要通信	**工程经费	中共吉林市委办公室	5465.40"},
		{"projects", SideNone, "type:专项业务支出", "total", "206.00", "外事突发事件经费	中共吉林市委办公室	206.00"},
		{"projects", SideNone, "l1:服务保障", "total", "142.20", "年度资金总额	142.20"},
		{"projects", SideNone, "l1:政务处理", "total", "46.80", "年度资金总额	46.80"},
		{"projects", SideNone, "l1:机要通信", "total", "5545.20", "政府采购预算总额 5545.2 万元"},
	}
	for _, c := range cases {
		if !strings.Contains(string(seed), c.seen) {
			t.Errorf("the seed does not print %q", c.seen)
		}
		tb := d.Table(c.table)
		if tb == nil {
			t.Fatalf("no table %s", c.table)
		}
		got, ok := tb.Pane(c.side).Value(c.row, c.col)
		if !ok || got != m(c.want) {
			t.Errorf("%s %s/%s = %v (present %v), the seed prints %s", c.table, c.row, c.col, got, ok, c.want)
		}
	}
	if !d.Table("fund").Empty() || !strings.Contains(d.NoteOf(d.Table("fund")), "无政府性基金预算") {
		t.Error("政府性基金 table: empty with its note")
	}
	if n := len(d.Perf.ProjectsAt(ProjectLevel1)); n != 2 {
		t.Errorf("一级 forms = %d", n)
	}
	if got := d.Inputs.Procurement.TotalValue(); got != m("5545.20") {
		t.Errorf("政府采购 = %v", got)
	}
	if !strings.Contains(d.Text.Organization, "19 个") {
		t.Error("the sample's 机构设置 must state the count of the names it lists")
	}
}
