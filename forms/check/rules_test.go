package check

import (
	"strings"
	"testing"

	"yusuan/forms"
	"yusuan/forms/classify"
	"yusuan/forms/money"
)

func m(s string) money.Amount { return money.MustParse(s) }

// cleanText is a 情况说明 that agrees with cleanDoc in every figure.
const cleanText = `一、2023年收支预算总体情况
2023年收支总预算188.00万元，比上年增加38.00万元，增长25.33%，主要原因是新增专项调研项目。
二、2023年收入预算情况
2023年收入预算188.00万元，其中本年收入188.00万元，占100.00%。本年收入中，一般公共预算拨款收入188.00万元，占100.00%。
三、2023年支出预算情况
2023年支出预算188.00万元，其中：基本支出138.00万元，占73.40%；项目支出50.00万元，占26.60%。基本支出中，人员经费118.00万元，占85.51%；公用经费20.00万元，占14.49%。
四、2023年财政拨款收支预算情况
2023年财政拨款收支总预算188.00万元，其中一般公共预算拨款188.00万元。支出包括：一般公共服务支出170.00万元，社会保障和就业支出10.00万元，住房保障支出8.00万元。
五、2023年一般公共预算拨款情况
2023年一般公共预算拨款188.00万元，其中：基本支出138.00万元，占73.40%；项目支出50.00万元，占26.60%。
一般公共服务（类）支出170.00万元，占90.43%，主要用于机关运转和业务工作。
社会保障和就业（类）支出10.00万元，占5.32%，主要用于在职人员基本养老保险缴费。
住房保障（类）支出8.00万元，占4.26%，主要用于在职人员住房公积金。
六、2023年一般公共预算基本支出情况
2023年一般公共预算基本支出138.00万元，其中人员经费118.00万元，公用经费20.00万元。
七、2023年“三公”经费情况
2023年“三公”经费预算5.00万元，比上年增加1.00万元，增长25.00%，主要原因是接待任务增加。其中：因公出国（境）费0.00万元；公务用车购置费0.00万元；公务用车运行费0.00万元；公务接待费5.00万元。
八、2023年政府性基金预算支出情况
本部门2023年没有政府性基金预算支出。
九、预算绩效管理情况
纳入绩效管理的一级项目共1项，二级项目共2项，金额合计50.00万元。
十、其他重要事项
（一）机关运行经费
2023年机关运行经费20.00万元，与上年持平。
（二）政府采购情况
2023年政府采购预算总额15.00万元，其中政府采购货物预算10.00万元、政府采购工程预算0.00万元、政府采购服务预算5.00万元。
（三）国有资产占有使用情况
截至2022年末，本部门共有车辆0辆。`

func grid(cost string) []forms.Indicator {
	return []forms.Indicator{
		{L1: "产出指标", L2: "数量指标", L3: "调研次数", Stage: ">=2次", Value: ">=4次"},
		{L1: "产出指标", L2: "质量指标", L3: "报告合格率", Stage: "=100%", Value: "=100%"},
		{L1: "产出指标", L2: "成本指标", L3: "项目成本", Value: cost},
		{L1: "效益指标", L2: "社会效益指标", L3: "服务覆盖率", Value: ">=90%"},
		{L1: "满意度指标", L2: "满意度指标", L3: "服务对象满意度", Value: ">=90%"},
	}
}

// cleanDoc builds, from small tables, a document on the national template
// whose every figure agrees: no rule finds anything in it.
func cleanDoc(t *testing.T) *forms.Document {
	t.Helper()
	d, err := forms.NewDocument(forms.Meta{Name: "测试局", Code: "901", Year: 2023, Level: forms.LevelDept})
	if err != nil {
		t.Fatal(err)
	}
	d.Units = []forms.OrgUnit{{Code: "901", Name: "测试局"}, {Code: "901001", Name: "测试局本级"}}
	name := func(s classify.Scheme) func(string) string {
		return func(c string) string { n, _ := d.Catalog().Name(s, c, 2023); return n }
	}
	fill := func(id string, side forms.Side, cells map[string]map[string]string, scheme classify.Scheme) {
		p := d.Table(id).Pane(side)
		for row := range cells {
			if p.RowIndex(row) < 0 {
				if _, err := p.AddClassRow(row, name(scheme)(row), name(scheme)); err != nil {
					t.Fatalf("%s %s: %v", id, row, err)
				}
			}
		}
		var given []forms.GivenCell
		for row, cols := range cells {
			for col, v := range cols {
				given = append(given, forms.GivenCell{Row: p.RowIndex(row), Col: p.Col(col), Value: m(v)})
			}
		}
		if err := p.GiveAll(given); err != nil {
			t.Fatal(err)
		}
	}
	fn := classify.Functional
	fill("expense", "", map[string]map[string]string{
		"2013101": {"basic": "120.00"}, "2013102": {"project": "50.00"}, "2080505": {"basic": "10.00"}, "2210201": {"basic": "8.00"}}, fn)
	fill("general", "", map[string]map[string]string{
		"2013101": {"personnel": "100.00", "public": "20.00"}, "2013102": {"project": "50.00"},
		"2080505": {"personnel": "10.00"}, "2210201": {"personnel": "8.00"}}, fn)
	fill("basic", "", map[string]map[string]string{
		"30101": {"personnel": "100.00"}, "30108": {"personnel": "10.00"}, "30113": {"personnel": "8.00"},
		"30201": {"public": "15.00"}, "30217": {"public": "5.00"}}, classify.Economic)
	fill("sangong", "", map[string]map[string]string{"cur": {"reception": "5.00"}}, fn)
	for _, id := range []string{"summary", "fiscal"} {
		fill(id, forms.SideIn, map[string]map[string]string{"in.general": {"amount": "188.00"}}, fn)
		fill(id, forms.SideOut, map[string]map[string]string{"201": {"amount": "170.00"}, "208": {"amount": "10.00"}, "221": {"amount": "8.00"}}, fn)
	}
	inc := d.Table("income").Main()
	if err := inc.AddClassRows([]forms.CodeName{{Code: "901", Name: "测试局"}, {Code: "901001", Name: "测试局本级"}}, nil); err != nil {
		t.Fatal(err)
	}
	fill("income", "", map[string]map[string]string{"901001": {"cur_general": "188.00"}}, fn)
	prj := d.Table("projects").Main()
	keys, err := prj.AddProjects([]forms.Project{
		{Type: "专项业务支出", L1: "业务工作", L2: "专项调研经费", Unit: "测试局本级", Func: "2013102"},
		{Type: "专项业务支出", L1: "业务工作", L2: "信息系统运维费", Unit: "测试局本级", Func: "2013102"},
	})
	if err != nil {
		t.Fatal(err)
	}
	prj.GiveAll([]forms.GivenCell{{Row: prj.RowIndex(keys[0]), Col: prj.Col("cur_general"), Value: m("30.00")},
		{Row: prj.RowIndex(keys[1]), Col: prj.Col("cur_general"), Value: m("20.00")}})
	d.Perf.Projects = []forms.ProjectPerf{
		{Name: "业务工作", Level: forms.ProjectLevel1, Money: forms.Fund{Fiscal: m("50.00")}, Goal: "完成年度业务工作。", Indicators: grid("<=50万元")},
		{Name: "专项调研经费", Level: forms.ProjectLevel2, Money: forms.Fund{Fiscal: m("30.00")}, Goal: "完成专项调研。", Indicators: grid("<=30万元")},
		{Name: "信息系统运维费", Level: forms.ProjectLevel2, Money: forms.Fund{Fiscal: m("20.00")}, Goal: "保障系统运行。", Indicators: grid("<=20万元")},
	}
	d.Text.Functions = "（一）负责本部门业务工作。\n（二）完成上级交办的其他任务。"
	d.Text.Organization = "本部门内设 2 个机构：办公室、业务处。人员编制 20 名。"
	d.Text.Explanation = cleanText
	prevTotal, prevOp := m("150.00"), m("20.00")
	d.Inputs = forms.Inputs{
		PrevTotal: &prevTotal, TotalReason: "新增专项调研项目",
		PrevSangong: &forms.Sangong{Reception: m("4.00")}, SangongReason: "接待任务增加",
		PrevOperating: &prevOp,
		Procurement:   &forms.Procurement{Goods: m("10.00"), Services: m("5.00")},
		Assets:        &forms.AssetInfo{},
	}
	return d
}

func findingsOf(r *Result, rule string) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func ran(r *Result, rule string) bool {
	for _, id := range r.Ran {
		if id == rule {
			return true
		}
	}
	return false
}

func TestCleanDocumentRaisesNothing(t *testing.T) {
	r := Document(cleanDoc(t))
	for _, f := range r.Findings {
		t.Errorf("%s %s: %s", f.Severity, f.Rule, f.Message)
	}
	for _, s := range r.Skipped {
		t.Errorf("rule %s skipped on the clean document: %s", s.Rule, s.Reason)
	}
}

// pane edits for the failing cases
func give(t *testing.T, d *forms.Document, table string, side forms.Side, row, col, v string) {
	t.Helper()
	p := d.Table(table).Pane(side)
	ri, ci := p.RowIndex(row), p.Col(col)
	if ri < 0 || ci < 0 {
		t.Fatalf("%s %s/%s not found", table, row, col)
	}
	if err := p.Give(ri, ci, m(v)); err != nil {
		t.Fatal(err)
	}
}

func replaceText(t *testing.T, d *forms.Document, old, new string) {
	t.Helper()
	if !strings.Contains(d.Text.Explanation, old) {
		t.Fatalf("text lacks %q", old)
	}
	d.Text.Explanation = strings.Replace(d.Text.Explanation, old, new, 1)
}

func form(d *forms.Document, name string) *forms.ProjectPerf {
	for i := range d.Perf.Projects {
		if d.Perf.Projects[i].Name == name {
			return &d.Perf.Projects[i]
		}
	}
	return nil
}

// Every rule: the clean document passes it (the rule runs and finds
// nothing), and a small change makes it fail with a message that says what.
func TestEveryRuleFailsOnItsCase(t *testing.T) {
	cases := []struct {
		rule   string
		break_ func(t *testing.T, d *forms.Document)
		want   string
	}{
		{"T1-1", func(t *testing.T, d *forms.Document) { give(t, d, "summary", forms.SideOut, "201", "amount", "171.00") }, "收入总计 188.00 ≠ 支出总计 189.00"},
		{"T1-2", func(t *testing.T, d *forms.Document) {
			give(t, d, "summary", forms.SideIn, "in.current", "amount", "190.00")
		}, "“本年收入合计”行"},
		{"T1-3", func(t *testing.T, d *forms.Document) {
			give(t, d, "summary", forms.SideOut, "out.current", "amount", "180.00")
		}, "各类合计 188.00 ≠ 本年支出合计行 180.00"},
		{"T2-1", func(t *testing.T, d *forms.Document) { give(t, d, "income", "", "901001", "total", "200.00") }, "“901001 测试局本级”行"},
		{"T3-1", func(t *testing.T, d *forms.Document) { give(t, d, "expense", "", "2013101", "total", "130.00") }, "基本支出＋项目支出＋事业单位经营支出＋上缴上级支出＋对附属单位补助支出 ＝ 120.00 ≠ “合计” 130.00"},
		{"H-1", func(t *testing.T, d *forms.Document) { give(t, d, "expense", "", "201", "basic", "100.00") }, "各款合计 120.00 ≠ 201 一般公共服务支出行 100.00，相差 20.00万元"},
		{"H-2", func(t *testing.T, d *forms.Document) {
			d.Table("expense").Main().AddClassRow("2013", "错位编码", nil)
		}, "有 4 位"},
		{"H-3", func(t *testing.T, d *forms.Document) {
			give(t, d, "basic", "", "30201", "public", "20.00")
			give(t, d, "basic", "", "302", "public", "20.00")
		}, "可能把合计数抄进了明细"},
		{"H-4", func(t *testing.T, d *forms.Document) {
			p := d.Table("general").Main()
			p.RemoveRow(p.RowIndex("20131"))
		}, "没有列出其上级科目 20131"},
		{"T4-1", func(t *testing.T, d *forms.Document) {
			give(t, d, "fiscal", forms.SideIn, "in.total", "amount", "200.00")
		}, "收入总计"},
		{"T5-1", func(t *testing.T, d *forms.Document) { give(t, d, "general", "", "2013101", "basic", "110.00") }, "人员经费＋公用经费 ＝ 120.00 ≠ “基本支出 小计” 110.00"},
		{"T6-1", func(t *testing.T, d *forms.Document) { give(t, d, "basic", "", "30101", "total", "90.00") }, "人员经费＋公用经费 ＝ 100.00 ≠ “合计” 90.00"},
		{"T7-1", func(t *testing.T, d *forms.Document) { give(t, d, "sangong", "", "cur", "total", "6.00") }, "≠ “合计” 6.00"},
		{"T10-1", func(t *testing.T, d *forms.Document) { give(t, d, "projects", "", "l1:业务工作", "total", "60.00") }, "所属二级项目合计 50.00 ≠ 业务工作行 60.00"},
		{"P-1", func(t *testing.T, d *forms.Document) { v := m("35.00"); form(d, "专项调研经费").Money.Total = &v }, "年度资金总额 35.00万元 ≠ 财政拨款 30.00"},
		{"P-2", func(t *testing.T, d *forms.Document) { form(d, "专项调研经费").Indicators[0].Value = "4次" }, "缺少比较符"},
		{"P-3", func(t *testing.T, d *forms.Document) {
			form(d, "专项调研经费").Indicators[2].Value = "<=40万元"
		}, "超过年度资金总额 30.00万元"},
		{"P-4", func(t *testing.T, d *forms.Document) {
			f := form(d, "专项调研经费")
			f.Indicators = f.Indicators[:4]
		}, "满意度指标没有三级指标"},
		{"X-1", func(t *testing.T, d *forms.Document) { give(t, d, "income", "", "901001", "cur_general", "180.00") }, "收支总表“一般公共预算拨款收入” 188.00 ≠ 收入总表合计行“一般公共预算” 180.00"},
		{"X-2", func(t *testing.T, d *forms.Document) { give(t, d, "summary", forms.SideOut, "201", "amount", "171.00") }, "收支总表 201 171.00 ≠ 支出总表 201 合计 170.00"},
		{"X-3", func(t *testing.T, d *forms.Document) {
			give(t, d, "fiscal", forms.SideIn, "in.general", "amount", "190.00")
		}, "≠ 财政拨款收支总表“一般公共预算拨款” 190.00"},
		{"X-4", func(t *testing.T, d *forms.Document) { give(t, d, "general", "", "2013101", "public", "21.00") }, "财政拨款收支总表 201 一般公共预算部分 170.00 ≠ 一般公共预算支出表 201 合计 171.00"},
		{"X-5", func(t *testing.T, d *forms.Document) {
			p := d.Table("fund").Main()
			ri, _ := p.AddClassRow("2013102", "一般行政管理事务", nil)
			p.Set(ri, p.Col("project"), m("5.00"))
		}, "政府性基金预算拨款（本年＋上年结转） 0.00 ≠ 政府性基金预算支出表合计 5.00"},
		{"X-6", func(t *testing.T, d *forms.Document) { give(t, d, "general", "", "2013102", "project", "55.00") }, "支出总表 2013102 项目支出 50.00 ≠ 一般公共预算支出表 2013102 项目支出 55.00"},
		{"X-7", func(t *testing.T, d *forms.Document) { give(t, d, "basic", "", "30201", "public", "16.00") }, "一般公共预算支出表公用经费 20.00 ≠ 基本支出表公用经费 21.00"},
		{"X-8", func(t *testing.T, d *forms.Document) { give(t, d, "projects", "", "p1", "cur_general", "31.00") }, "支出总表项目支出 50.00 ≠ 项目支出表合计 51.00"},
		{"X-9", func(t *testing.T, d *forms.Document) { give(t, d, "basic", "", "30217", "public", "6.00") }, "基本支出表 30217 公务接待费 6.00万元 超过“三公”经费表公务接待费 5.00万元"},
		{"X-10", func(t *testing.T, d *forms.Document) { v := m("25.00"); d.Inputs.Operating = &v }, "填写的机关运行经费 25.00 ≠ 基本支出表公用经费 20.00"},
		{"X-11", func(t *testing.T, d *forms.Document) { form(d, "专项调研经费").Money.Fiscal = m("31.00") }, "绩效表年度资金总额 31.00 ≠ 项目支出表金额 30.00"},
		{"X-12", func(t *testing.T, d *forms.Document) { v := m("16.00"); d.Inputs.Procurement.Total = &v }, "政府采购总额 16.00万元 ≠ 货物 10.00 ＋ 工程 0.00 ＋ 服务 5.00"},
		{"X-13", func(t *testing.T, d *forms.Document) {
			p := d.Table("general").Main()
			p.Row("2013101").Name = "行政运行支出"
		}, "科目 2013101 的名称前后不一致"},
		{"X-14", func(t *testing.T, d *forms.Document) {
			d.Table("fund").Note = "本部门没有国有资本经营预算拨款。"
		}, "没有提到政府性基金"},
		{"N-1", func(t *testing.T, d *forms.Document) {
			replaceText(t, d, "其中：基本支出138.00万元", "其中：基本支出137.00万元")
		}, "“基本支出137.00万元”与支出总表基本支出 138.00万元 不符"},
		{"N-2", func(t *testing.T, d *forms.Document) { replaceText(t, d, "占73.40%", "占73.00%") }, "按表格计算应占 73.40%"},
		{"N-3", func(t *testing.T, d *forms.Document) {
			replaceText(t, d, "增加38.00万元，增长25.33%", "增加36.00万元，增长25.33%")
		}, "应为增加 38.00万元"},
		{"N-4", func(t *testing.T, d *forms.Document) {
			replaceText(t, d, "，主要原因是新增专项调研项目", "")
		}, "没有说明增减原因"},
		{"N-5", func(t *testing.T, d *forms.Document) {
			replaceText(t, d, "公务用车购置费0.00万元；公务用车运行费0.00万元", "公务用车购置及运行费0.00万元")
		}, "没有分别说明：公务用车购置费、公务用车运行费"},
		{"N-6", func(t *testing.T, d *forms.Document) {
			replaceText(t, d, "主要用于在职人员基本养老保险缴费", "主要用于离退休人员工资")
		}, "不是这个用途"},
		{"N-7", func(t *testing.T, d *forms.Document) {
			d.Text.Organization = "本部门内设 3 个机构：办公室、业务处。"
		}, "称内设 3 个机构，随后列出了 2 个"},
		{"N-8", func(t *testing.T, d *forms.Document) {
			replaceText(t, d, "本部门2023年没有政府性基金预算支出。", "2023年政府性基金预算支出0.00万元，其中：基本支出0.00万元，占0.00%。")
		}, "总数为零，不宜再写占比"},
	}
	clean := Document(cleanDoc(t))
	covered := map[string]bool{}
	for _, c := range cases {
		covered[c.rule] = true
		if !ran(clean, c.rule) || len(findingsOf(clean, c.rule)) > 0 {
			t.Errorf("%s: on the clean document it ran=%v with %d findings", c.rule, ran(clean, c.rule), len(findingsOf(clean, c.rule)))
		}
		d := cleanDoc(t)
		c.break_(t, d)
		got := findingsOf(Document(d), c.rule)
		if len(got) == 0 {
			t.Errorf("%s: no finding on its failing case", c.rule)
			continue
		}
		found := false
		for _, f := range got {
			found = found || strings.Contains(f.Message, c.want)
			if len(f.Cells) == 0 || f.Message == "" {
				t.Errorf("%s: finding without cells or message: %+v", c.rule, f)
			}
		}
		if !found {
			t.Errorf("%s: no message contains %q; got:\n%s", c.rule, c.want, messages(got))
		}
	}
	for _, r := range Rules() {
		if !covered[r.ID] {
			t.Errorf("rule %s has no failing case", r.ID)
		}
	}
}

func messages(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("  " + f.Message + "\n")
	}
	return b.String()
}
