package check

import (
	"strings"
	"testing"

	"yusuan/forms"
	"yusuan/forms/money"
)

// Decision 36: rounding, graded. Each case is a figure of the clean
// document changed a little (within the rounding of the printed terms: 提示
// 尾差) or a little more (the rule's own severity).

// noFinding marks a case that must raise nothing.
const noFinding Severity = -1

// about returns a rule's findings whose message contains s.
func about(r *Result, rule, s string) []Finding {
	var out []Finding
	for _, f := range findingsOf(r, rule) {
		if strings.Contains(f.Message, s) {
			out = append(out, f)
		}
	}
	return out
}

// expectOne checks that exactly one finding of the rule mentions s, with
// the severity and words wanted; or none, for noFinding.
func expectOne(t *testing.T, name string, r *Result, rule, s string, sev Severity, want string) {
	t.Helper()
	fs := about(r, rule, s)
	if sev == noFinding {
		if len(fs) > 0 {
			t.Errorf("%s: %s reported:\n%s", name, rule, messages(fs))
		}
		return
	}
	if len(fs) != 1 || fs[0].Severity != sev || !strings.Contains(fs[0].Message, want) {
		t.Errorf("%s: want one %s %s with %q, got:\n%s", name, sev, rule, want, messages(fs))
		for _, f := range fs {
			t.Logf("  severity %s", f.Severity)
		}
		return
	}
	if sev == Hint && !strings.HasSuffix(fs[0].Message, "（尾差）") {
		t.Errorf("%s: a hint within the rounding is not named 尾差: %s", name, fs[0].Message)
	}
}

func TestIdentityGraded(t *testing.T) {
	const tail3 = "相差 0.01万元，在 3 个分别四舍五入的数的尾差范围内（每个至多 0.005万元）（尾差）"
	for _, c := range []struct {
		name  string
		unit  money.Unit
		basic string
		sev   Severity
		want  string
	}{
		// 基本支出 = 人员经费 100.00 + 公用经费 20.00: three printed terms
		{"万元 0.01 off", money.WanYuan, "120.01", Hint, "人员经费＋公用经费 ＝ 120.00 与“基本支出 小计” 120.01 " + tail3},
		{"万元 0.03 off", money.WanYuan, "120.03", Error, "≠ “基本支出 小计” 120.03，相差 0.03万元"},
		{"元 0.01 off", money.Yuan, "120.01", Error, "≠ “基本支出 小计” 120.01，相差 0.01元"},
		{"万元 as computed", money.WanYuan, "120.00", noFinding, ""},
	} {
		d := cleanDoc(t)
		d.Table("general").Unit = c.unit
		give(t, d, "general", "", "2013101", "basic", c.basic)
		expectOne(t, c.name, Document(d), "T5-1", "2013101", c.sev, c.want)
	}
	// down: the 合计 line against 201 120.00 + 208 10.00 + 221 8.00 (four terms)
	for _, c := range []struct {
		v    string
		sev  Severity
		want string
	}{
		{"138.02", Hint, "各类合计 138.00 与合计行 138.02 相差 0.02万元，在 4 个分别四舍五入的数的尾差范围内（每个至多 0.005万元）（尾差）"},
		{"138.03", Error, "各类合计 138.00 ≠ 合计行 138.03，相差 0.03万元"},
	} {
		d := cleanDoc(t)
		give(t, d, "expense", "", forms.RowKeyTotal, "basic", c.v)
		expectOne(t, "H-1 "+c.v, Document(d), "H-1", "“基本支出”列", c.sev, c.want)
	}
}

func TestCrossTableGraded(t *testing.T) {
	for _, c := range []struct {
		public string
		sev    Severity
		want   string
	}{
		// 一般公共预算支出表 公用经费 20.00 against 基本支出表 公用经费 (15.00 + 5.00)
		{"15.01", Hint, "一般公共预算支出表公用经费 20.00万元 与基本支出表公用经费 20.01万元 相差 0.01万元，在 2 个分别四舍五入的数的尾差范围内（每个至多 0.005万元）（尾差）"},
		{"15.02", Error, "一般公共预算支出表公用经费 20.00 ≠ 基本支出表公用经费 20.02，相差 0.02万元"},
	} {
		d := cleanDoc(t)
		give(t, d, "basic", "", "30201", "public", c.public)
		expectOne(t, "X-7 "+c.public, Document(d), "X-7", "公用经费", c.sev, c.want)
	}
	// an inequality: 基本支出表 30217 公务接待费 ≤ “三公”经费表公务接待费 5.00
	for _, c := range []struct {
		v    string
		sev  Severity
		want string
	}{
		{"5.00", noFinding, ""},
		{"5.01", Hint, "基本支出表 30217 公务接待费 5.01万元 超过“三公”经费表公务接待费 5.00万元，相差 0.01万元，在 2 个分别四舍五入的数的尾差范围内"},
		{"5.02", Error, "基本支出表 30217 公务接待费 5.02万元 超过“三公”经费表公务接待费 5.00万元，多 0.02万元"},
	} {
		d := cleanDoc(t)
		give(t, d, "basic", "", "30217", "public", c.v)
		expectOne(t, "X-9 "+c.v, Document(d), "X-9", "30217", c.sev, c.want)
	}
	// a 元 table against a 万元 one: only the 万元 figure is rounded
	d := cleanDoc(t)
	d.Table("basic").Unit = money.Yuan
	for _, c := range []struct {
		public string
		sev    Severity
		want   string
	}{
		{"199950.00", Hint, "相差 0.005万元，在 1 个四舍五入的数的尾差范围内（至多 0.005万元）（尾差）"},
		{"199949.99", Error, "相差 0.005001万元"},
		{"200000.00", noFinding, ""},
	} {
		give(t, d, "basic", "", "30201", "public", c.public)
		give(t, d, "basic", "", "30217", "public", "0.00")
		expectOne(t, "X-7 元 "+c.public, Document(d), "X-7", "公用经费", c.sev, c.want)
	}
}

// A rule of severity 警告 keeps it beyond the rounding; within, 提示.
func TestWarningRuleGraded(t *testing.T) {
	for _, c := range []struct {
		v    string
		sev  Severity
		want string
	}{
		{"20.01", Hint, "填写的机关运行经费 20.01万元 与基本支出表公用经费 20.00万元 相差 0.01万元"},
		{"20.02", Warning, "填写的机关运行经费 20.02 ≠ 基本支出表公用经费 20.00，相差 0.02万元"},
	} {
		d := cleanDoc(t)
		v := m(c.v)
		d.Inputs.Operating = &v
		expectOne(t, "X-10 "+c.v, Document(d), "X-10", "机关运行经费", c.sev, c.want)
	}
	for _, c := range []struct {
		v    string
		sev  Severity
		want string
	}{
		{"30.01", Hint, "绩效表年度资金总额 30.01万元 与项目支出表金额 30.00万元 相差 0.01万元"},
		{"30.02", Warning, "绩效表年度资金总额 30.02 ≠ 项目支出表金额 30.00"},
	} {
		d := cleanDoc(t)
		form(d, "专项调研经费").Money.Fiscal = m(c.v)
		expectOne(t, "X-11 "+c.v, Document(d), "X-11", "项目“专项调研经费”", c.sev, c.want)
	}
}

func TestOtherIdentitiesGraded(t *testing.T) {
	// P-1: 年度资金总额 30.01 against 财政拨款 30.00 + 其他资金 0
	for _, c := range []struct {
		v   string
		sev Severity
	}{{"30.01", Hint}, {"30.02", Error}} {
		d := cleanDoc(t)
		v := m(c.v)
		form(d, "专项调研经费").Money.Total = &v
		expectOne(t, "P-1 "+c.v, Document(d), "P-1", "专项调研经费", c.sev, "总额 "+c.v+"万元")
	}
	// X-12, the text: 15.01 against 10.00 + 0.00 + 5.00 (three printed terms)
	for _, c := range []struct {
		v   string
		sev Severity
	}{{"15.01", Hint}, {"15.02", Error}} {
		d := cleanDoc(t)
		replaceText(t, d, "政府采购预算总额15.00万元", "政府采购预算总额"+c.v+"万元")
		expectOne(t, "X-12 "+c.v, Document(d), "X-12", "政府采购预算总额", c.sev, c.v+"万元")
	}
	// X-12, the inputs
	for _, c := range []struct {
		v   string
		sev Severity
	}{{"15.01", Hint}, {"15.02", Error}} {
		d := cleanDoc(t)
		v := m(c.v)
		d.Inputs.Procurement.Total = &v
		expectOne(t, "X-12 inputs "+c.v, Document(d), "X-12", "政府采购总额", c.sev, c.v+"万元")
	}
	// the text's 三公 total against its items, without a 三公 table
	for _, c := range []struct {
		v   string
		sev Severity
	}{{"4.99", Hint}, {"4.98", Error}} {
		d := cleanDoc(t)
		d.Table("sangong").Absent = true
		replaceText(t, d, "公务接待费5.00万元", "公务接待费"+c.v+"万元")
		expectOne(t, "三公 "+c.v, Document(d), "N-1", "“三公”经费 5.00万元", c.sev, "所列各项之和 "+c.v+"万元")
	}
	// N-3: 188.00 − 上年 150.01 = 37.99, written 增加38.00 (three printed terms)
	for _, c := range []struct {
		prev string
		sev  Severity
		want string
	}{
		{"150.01", Hint, "本年 188.00 减上年 150.01 为 37.99万元，与所写增减额相差 0.01万元"},
		{"150.02", Error, "应为增加 37.98万元"},
	} {
		d := cleanDoc(t)
		v := m(c.prev)
		d.Inputs.PrevTotal = &v
		expectOne(t, "N-3 "+c.prev, Document(d), "N-3", "收支总预算", c.sev, c.want)
	}
	// N-3's rate: 38.00 / 150.00 = 25.333…%
	for _, c := range []struct {
		rate string
		sev  Severity
	}{{"25.33%", noFinding}, {"25.3%", noFinding}, {"25.34%", Hint}, {"25.35%", Error}} {
		d := cleanDoc(t)
		replaceText(t, d, "增长25.33%", "增长"+c.rate)
		expectOne(t, "N-3 rate "+c.rate, Document(d), "N-3", "收支总预算", c.sev, c.rate)
	}
}

// Text amounts (decision 36): the table's figure rounded half up at the
// text's last decimal p is right; within p, 提示 尾差; beyond, 错误.
func TestTextAmountGraded(t *testing.T) {
	for _, c := range []struct {
		public string // 基本支出表 30201, so that 公用经费 = it + 5.00
		sev    Severity
		want   string
	}{
		{"169.44", noFinding, ""}, // 174.44 → 174.4
		{"169.46", Hint, "相差 0.06万元，按四舍五入应写 174.5万元，差在文字末位的 1 个单位（0.1万元）以内（尾差）"}, // 174.46 → 174.5
		{"169.56", Error, "不符，相差 0.16万元"}, // 174.56
	} {
		d := cleanDoc(t)
		give(t, d, "basic", "", "30201", "public", c.public)
		replaceText(t, d, "人员经费118.00万元，公用经费20.00万元。", "人员经费118.00万元，公用经费174.4万元。")
		expectOne(t, "公用经费174.4万元 vs "+c.public, Document(d), "N-1", "“公用经费174.4万元”", c.sev, c.want)
	}
}

// A table in 元 and a text that cuts the figure to 万元 instead of rounding it.
func TestTruncatedTextAmountIsAHint(t *testing.T) {
	d, err := forms.NewDocument(forms.Meta{Name: "某单位", Year: 2024, Template: "shanghai"})
	if err != nil {
		t.Fatal(err)
	}
	p := d.Table("expense").Main()
	ri, _ := p.AddClassRow("2013101", "行政运行", func(string) string { return "" })
	p.Set(ri, p.Col("basic"), m("1744567.00")) // 174.4567 万元
	for _, c := range []struct {
		text string
		sev  Severity
		want string
	}{
		{"174.46万元", noFinding, ""},
		{"174.5万元", noFinding, ""},
		{"174万元", noFinding, ""},
		{"174.45万元", Hint, "按四舍五入应写 174.46万元"},
		{"174.4万元", Hint, "按四舍五入应写 174.5万元"},
		{"175万元", Hint, "相差 0.5433万元，按四舍五入应写 174万元，差在文字末位的 1 个单位（1万元）以内（尾差）"},
		{"174.44万元", Error, "不符"},
	} {
		d.Text.Explanation = "三、2024年支出预算情况\n2024年支出预算174.46万元，其中：基本支出" + c.text + "。"
		expectOne(t, c.text, Document(d), "N-1", "“基本支出", c.sev, c.want)
	}
}

// Shares (decision 36) at the decimals printed: the half-up share or the
// largest-remainder one is right; one unit of the last decimal off, 提示.
func TestSharesGraded(t *testing.T) {
	// the seed as published: “基本支出 943.25 万元，占 14.13%” of 6677.45
	// (14.1257…%), the text of 吉林市委办公室 2022
	for _, c := range []struct {
		pct string
		sev Severity
	}{{"14.13%", noFinding}, {"14.1%", noFinding}, {"14%", noFinding}, {"14.126%", noFinding},
		{"14.12%", Hint}, {"14.14%", Hint}, {"14.2%", Hint}, {"14.11%", Error}, {"14.3%", Error}} {
		d := seedPublished(t)
		old := "基本支出 943.25 万元，占 14.13%；项目支出"
		if !strings.Contains(d.Text.Explanation, old) {
			t.Fatalf("the seed's text lacks %q", old)
		}
		d.Text.Explanation = strings.Replace(d.Text.Explanation, old, "基本支出 943.25 万元，占 "+c.pct+"；项目支出", 1)
		expectOne(t, "seed "+c.pct, Document(d), "N-2", "基本支出943.25万元，占"+c.pct, c.sev, "按表格计算")
	}
	// 170/188, 10/188, 8/188: half up 90.43 + 5.32 + 4.26; largest remainder 4.25
	for _, c := range []struct {
		pct string
		sev Severity
	}{{"4.26%", noFinding}, {"4.25%", noFinding}, {"4.3%", noFinding}, {"4.24%", Hint}, {"4.27%", Hint}, {"4.23%", Error}} {
		d := cleanDoc(t)
		replaceText(t, d, "占4.26%", "占"+c.pct)
		expectOne(t, "住房保障 "+c.pct, Document(d), "N-2", "占"+c.pct, c.sev, "按表格计算")
	}
}

// A real published table: 广州市气象局 2026年部门预算, 表3 本年支出总体情况表
// (PDF pages 8–9, printed pages -6- and -7-), 单位：万元. Its 22102 住房改革支出
// prints 1,711.04 over 2210201 住房公积金 453.68 + 2210203 购房补贴 1,257.35 =
// 1,711.03, and its 合计 line prints 7,651.71 (基本支出 6,146.33) over 类
// lines adding up to 7,651.72 (6,146.34): each line rounded on its own.
func TestPublishedTableRoundingIsATail(t *testing.T) {
	d, err := forms.NewDocument(forms.Meta{Name: "广州市气象局", Year: 2026, Level: forms.LevelDept})
	if err != nil {
		t.Fatal(err)
	}
	p := d.Table("expense").Main()
	lines := []struct{ code, name, total, basic, project string }{
		{"206", "科学技术支出", "53.44", "0.00", "53.44"},
		{"20605", "科技条件与服务", "53.44", "0.00", "53.44"},
		{"2060503", "科技条件专项", "53.44", "0.00", "53.44"},
		{"208", "社会保障和就业支出", "768.66", "768.66", "0.00"},
		{"20805", "行政事业单位养老支出", "768.66", "768.66", "0.00"},
		{"2080501", "行政单位离退休", "122.92", "122.92", "0.00"},
		{"2080502", "事业单位离退休", "47.42", "47.42", "0.00"},
		{"2080505", "机关事业单位基本养老保险缴费支出", "398.88", "398.88", "0.00"},
		{"2080506", "机关事业单位职业年金缴费支出", "199.44", "199.44", "0.00"},
		{"210", "卫生健康支出", "6.71", "6.71", "0.00"},
		{"21007", "计划生育事务", "6.71", "6.71", "0.00"},
		{"2100799", "其他计划生育事务支出", "6.71", "6.71", "0.00"},
		{"220", "自然资源海洋气象等支出", "5111.87", "3659.93", "1451.94"},
		{"22005", "气象事务", "5111.87", "3659.93", "1451.94"},
		{"2200501", "行政运行", "2254.56", "2254.56", "0.00"},
		{"2200504", "气象事业机构", "1405.37", "1405.37", "0.00"},
		{"2200507", "气象信息传输及管理", "709.94", "0.00", "709.94"},
		{"2200508", "气象预报预测", "140.00", "0.00", "140.00"},
		{"2200509", "气象服务", "250.00", "0.00", "250.00"},
		{"2200510", "气象装备保障维护", "90.00", "0.00", "90.00"},
		{"2200599", "其他气象事务支出", "262.00", "0.00", "262.00"},
		{"221", "住房保障支出", "1711.04", "1711.04", "0.00"},
		{"22102", "住房改革支出", "1711.04", "1711.04", "0.00"},
		{"2210201", "住房公积金", "453.68", "453.68", "0.00"},
		{"2210203", "购房补贴", "1257.35", "1257.35", "0.00"},
	}
	var rows []forms.CodeName
	for _, l := range lines {
		rows = append(rows, forms.CodeName{Code: l.code, Name: l.name})
	}
	if err := p.AddClassRows(rows, nil); err != nil {
		t.Fatal(err)
	}
	// every printed figure given, totals included, as a reader brings them
	var given []forms.GivenCell
	put := func(row, col, v string) {
		given = append(given, forms.GivenCell{Row: p.RowIndex(row), Col: p.Col(col), Value: m(v)})
	}
	for _, l := range lines {
		put(l.code, "total", l.total)
		put(l.code, "basic", l.basic)
		put(l.code, "project", l.project)
	}
	put(forms.RowKeyTotal, "total", "7651.71")
	put(forms.RowKeyTotal, "basic", "6146.33")
	put(forms.RowKeyTotal, "project", "1505.38")
	if err := p.GiveAll(given); err != nil {
		t.Fatal(err)
	}
	r := Document(d)
	for _, rule := range []string{"H-1", "T3-1"} {
		if !ran(r, rule) {
			t.Fatalf("%s did not run", rule)
		}
		for _, f := range findingsOf(r, rule) {
			if f.Severity != Hint {
				t.Errorf("a rounding difference of a published table reported as %s: %s", f.Severity, f.Message)
			}
		}
	}
	for _, w := range []struct{ where, want string }{
		{"“22102 住房改革支出”行“合计”列", "各项合计 1711.03 与22102 住房改革支出行 1711.04 相差 0.01万元，在 3 个分别四舍五入的数的尾差范围内（每个至多 0.005万元）（尾差）"},
		{"“22102 住房改革支出”行“基本支出”列", "各项合计 1711.03 与22102 住房改革支出行 1711.04 相差 0.01万元，在 3 个"},
		{"“合计”行“合计”列", "各类合计 7651.72 与合计行 7651.71 相差 0.01万元，在 6 个分别四舍五入的数的尾差范围内（每个至多 0.005万元）（尾差）"},
		{"“合计”行“基本支出”列", "各类合计 6146.34 与合计行 6146.33 相差 0.01万元，在 5 个"},
	} {
		expectOne(t, w.where, r, "H-1", w.where, Hint, w.want)
	}
	if n := len(findingsOf(r, "H-1")); n != 4 {
		t.Errorf("H-1 raised %d findings, want the 4 尾差:\n%s", n, messages(findingsOf(r, "H-1")))
	}
	// the same table with 住房公积金 printed 0.02 lower is a real error
	give(t, d, "expense", "", "2210201", "total", "453.66")
	give(t, d, "expense", "", "2210201", "basic", "453.66")
	expectOne(t, "453.66", Document(d), "H-1", "“22102 住房改革支出”行“合计”列", Error, "各项合计 1711.01 ≠ 22102 住房改革支出行 1711.04，相差 0.03万元")
}

func TestRoundingHelpers(t *testing.T) {
	for _, c := range []struct {
		num  string
		u    money.Unit
		want int64
	}{{"174.4", money.WanYuan, 100000}, {"17", money.WanYuan, 1000000}, {"174.40", money.WanYuan, 10000},
		{"12345", money.Yuan, 100}, {"12345.6", money.Yuan, 10}, {"12345.67", money.Yuan, 1}} {
		if got := textStep(c.num, c.u); got != c.want {
			t.Errorf("textStep(%s%s) = %d, want %d", c.num, c.u, got, c.want)
		}
	}
	for _, c := range []struct {
		c    int64
		u    money.Unit
		want string
	}{{10000, money.WanYuan, "0.01万元"}, {5000, money.WanYuan, "0.005万元"}, {45, money.WanYuan, "0.000045万元"},
		{-17440000, money.WanYuan, "-17.44万元"}, {12345, money.Yuan, "123.45元"}, {0, money.WanYuan, "0.00万元"}} {
		if got := fmtCents(c.c, c.u); got != c.want {
			t.Errorf("fmtCents(%d, %s) = %s, want %s", c.c, c.u, got, c.want)
		}
	}
	if got := fmtPlaces(174500000, money.WanYuan, 1); got != "174.5万元" {
		t.Errorf("fmtPlaces = %s", got)
	}
	if got := roundAt(-1750000, 100000); got != -1800000 {
		t.Errorf("roundAt half away from zero = %d", got)
	}
	// a d of 0.01 元 is exact; 0.01 万元 is rounded
	if isRounded(unitStep(money.Yuan)) || !isRounded(unitStep(money.WanYuan)) {
		t.Error("isRounded")
	}
	if fmtPct(141, 1) != "14.1%" || fmtPct(5, 2) != "0.05%" || fmtPct(100, 0) != "100%" {
		t.Error("fmtPct")
	}
}
