package narrative_test

import (
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/forms/generate"
	"yusuan/forms/money"
	"yusuan/forms/narrative"
)

func sample(t *testing.T) *forms.Document {
	t.Helper()
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// findings lists the findings of some rules, one per line.
func findings(r *check.Result, rules ...string) string {
	var out []string
	for _, f := range r.Findings {
		for _, id := range rules {
			if f.Rule == id {
				out = append(out, f.Rule+" "+f.Message)
			}
		}
	}
	return strings.Join(out, "\n")
}

// The sample's 情况说明 states the figures the seed publishes: each is first
// found in the seed's own text, then in the generated one.
func TestSampleStatesTheSeedsFigures(t *testing.T) {
	seed, err := os.ReadFile("../testdata/seed_000_e88a6b11ccaf76e8.txt")
	if err != nil {
		t.Fatal(err)
	}
	published := strings.Join(strings.Fields(string(seed)), "")
	text := narrative.Text(sample(t))
	for _, c := range []struct{ seed, ours string }{
		{"基本支出943.25万元，占14.13%", "基本支出943.25万元，占14.13%"},
		{"项目支出5734.2万元，占85.87%", "项目支出5734.20万元，占85.87%"},
		{"人员经费768.85万元，占81.51%", "人员经费768.85万元，占81.51%"},
		{"公用经费174.4万元，占18.49%", "公用经费174.40万元，占18.49%"},
		{"一般公共服务（类）支出6475.69万元，占96.98%", "一般公共服务（类）支出6475.69万元，占96.98%"},
		{"社会保障和就业（类）支出90.42万元，占1.35%", "社会保障和就业（类）支出90.42万元，占1.35%"},
		{"支出43.52万元，占0.65%", "卫生健康（类）支出43.52万元，占0.65%"},
		{"住房保障（类）支出67.82万元，占1.02%", "住房保障（类）支出67.82万元，占1.02%"},
		{"收支总预算6677.45万元，比2021年增加5647.35万元", "收支总预算6677.45万元，比上年增加5647.35万元，主要原因是"},
		{"“三公”经费预算数为51.28万元，比2021年预算数增加49.78万元", "“三公”经费预算51.28万元，比上年增加49.78万元"},
		{"174.4万元，比2021年预算减少7.2万元，下降3.96%", "174.40万元，比上年减少7.20万元，下降3.96%"},
		{"一级项目共3项，二级项目共17项，金额合计5734.2万元", "一级项目共3项，二级项目共17项，金额合计5734.20万元"},
		{"政府采购预算总额5545.2万元", "政府采购预算总额5545.20万元"},
	} {
		if !strings.Contains(published, c.seed) {
			t.Errorf("the seed does not print %q", c.seed)
		}
		if !strings.Contains(text, c.ours) {
			t.Errorf("the generated 情况说明 lacks %q", c.ours)
		}
	}
	if strings.Contains(text, narrative.GapPrefix) {
		t.Errorf("the sample gives every input, yet the text has a gap:\n%s", text)
	}
	// the zero 政府性基金 gets the sentence that there is none, and no share
	if !strings.Contains(text, "没有使用政府性基金预算拨款安排的支出") || strings.Contains(text, "占0.00%") {
		t.Errorf("the empty 政府性基金 section:\n%s", text)
	}
}

// The generated text raises nothing from the text rules, on the sample and
// on generated documents of other shapes (which give no extra inputs: their
// gaps are reported, their figures never).
func TestGeneratedTextPassesTheTextChecks(t *testing.T) {
	r := check.Document(sample(t))
	if f := findings(r, "N-1", "N-2", "N-3", "N-4", "N-5", "N-6", "N-7", "N-8", "X-10", "X-12", "X-13"); f != "" {
		t.Errorf("the sample's generated text raises:\n%s", f)
	}
	for _, s := range r.Skipped {
		if strings.HasPrefix(s.Rule, "N-") {
			t.Errorf("%s skipped on the sample: %s", s.Rule, s.Reason)
		}
	}
	for seed := uint64(1); seed <= 4; seed++ {
		d, err := generate.Document(generate.Size{Units: 3, Lines: 40, Projects: 25, L1: 4}, seed)
		if err != nil {
			t.Fatal(err)
		}
		r := check.Document(d)
		// the generator makes its 款 and 项 up: X-13's hints that the list
		// does not know them say nothing of the text
		r.Findings = slices.DeleteFunc(r.Findings, func(f check.Finding) bool {
			return f.Rule == "X-13" && f.Severity == check.Hint
		})
		if f := findings(r, "N-1", "N-2", "N-3", "N-5", "N-6", "N-8", "X-13"); f != "" {
			t.Errorf("generated document %d: the text raises\n%s\n%s", seed, f, narrative.Text(d))
		}
		if f := findings(r, "N-7"); !strings.Contains(f, "处待补充") {
			t.Errorf("generated document %d gives no inputs, yet N-7 reports no gap: %s", seed, f)
		}
	}
}

var rePct = regexp.MustCompile(`占(\d+)\.(\d\d)%`)

// Three equal 类: each share rounds to 33.33%, but the breakdown shows
// 33.34% for one of them so that it adds to 100.00%.
func TestSharesOfABreakdownAddTo100(t *testing.T) {
	d, err := forms.NewDocument(forms.Meta{Name: "某局", Year: 2024, Template: "national"})
	if err != nil {
		t.Fatal(err)
	}
	g := d.Table("general").Main()
	for _, code := range []string{"2010101", "2050101", "2080101"} {
		ri, err := g.AddClassRow(code, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		g.Set(ri, g.Col("personnel"), money.MustParse("1.00"))
	}
	var section string
	for _, s := range narrative.Sections(d) {
		if s.Key == narrative.SecGeneral {
			section = strings.Join(s.Lines, "\n")
		}
	}
	var sum int64
	var shares []string
	for _, line := range strings.Split(section, "\n") {
		if !strings.Contains(line, "（类）") {
			continue
		}
		m := rePct.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("a 类 without its share: %q", line)
		}
		whole, _ := strconv.ParseInt(m[1], 10, 64)
		frac, _ := strconv.ParseInt(m[2], 10, 64)
		sum += whole*100 + frac
		shares = append(shares, m[0])
	}
	if len(shares) != 3 || sum != 10000 {
		t.Errorf("the 类 shares %v add to %d hundredths, want 10000:\n%s", shares, sum, section)
	}
	if r := check.Document(d); findings(r, "N-2") != "" {
		t.Errorf("N-2 refuses the adjusted share: %s", findings(r, "N-2"))
	}
}

// An empty document: no share of a zero total, the "none" sentences, and
// every missing input a visible gap that the checks report.
func TestEmptyDocument(t *testing.T) {
	d, err := forms.NewDocument(forms.Meta{Name: "某局", Year: 2024, Template: "jilin-2022"})
	if err != nil {
		t.Fatal(err)
	}
	text := narrative.Text(d)
	if rePct.MatchString(text) {
		t.Errorf("a share of a zero total:\n%s", text)
	}
	for _, want := range []string{"没有安排一般公共预算拨款支出", "没有使用政府性基金预算拨款安排的支出",
		"【请填写：上年收支总预算（万元）】", "【请填写：政府采购预算总额及货物、工程、服务各类金额】", "开展事前绩效评估的项目0项，金额合计0.00万元"} {
		if !strings.Contains(text, want) {
			t.Errorf("the empty document's text lacks %q:\n%s", want, text)
		}
	}
	r := check.Document(d)
	if !strings.Contains(findings(r, "N-7"), "处待补充") {
		t.Errorf("N-7 does not report the gaps: %s", findings(r, "N-7"))
	}
	if f := findings(r, "N-1", "N-2", "N-3", "N-8"); f != "" {
		t.Errorf("the empty document's text raises:\n%s", f)
	}
}

// 增加, 减少 and 持平 follow the sign; no growth rate from a zero base; a
// missing reason is a gap N-4 reports.
func TestYearOnYearWords(t *testing.T) {
	d := sample(t)
	prev := func(s string) *money.Amount { v := money.MustParse(s); return &v }
	cases := []struct {
		total, operating string
		want             []string
		not              []string
	}{
		{"7000.00", "174.40", []string{"收支总预算6677.45万元，比上年减少322.55万元，主要原因是", "机关运行经费财政拨款预算174.40万元，与上年持平。"}, []string{"增长"}},
		{"6677.45", "0.00", []string{"收支总预算6677.45万元，与上年持平。", "174.40万元，比上年增加174.40万元，主要原因是"}, []string{"增长", "下降"}},
	}
	for _, c := range cases {
		d.Inputs.PrevTotal, d.Inputs.PrevOperating = prev(c.total), prev(c.operating)
		text := narrative.Text(d)
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("last year %s / %s: the text lacks %q", c.total, c.operating, w)
			}
		}
		for _, n := range c.not {
			if strings.Contains(text, n) {
				t.Errorf("last year %s / %s: the text says %q", c.total, c.operating, n)
			}
		}
		if f := findings(check.Document(d), "N-3", "N-4"); f != "" {
			t.Errorf("last year %s / %s: %s", c.total, c.operating, f)
		}
	}
	d.Inputs.TotalReason = ""
	d.Inputs.PrevTotal = prev("1030.10")
	if text := narrative.Text(d); !strings.Contains(text, "主要原因是【请填写：收支总预算增减的主要原因】") {
		t.Errorf("no gap for the missing reason:\n%s", text)
	}
	if !strings.Contains(findings(check.Document(d), "N-4"), "没有说明增减原因") {
		t.Error("N-4 does not report the missing reason")
	}
}

// A section the clerk switched to hand-written keeps its text while the
// others follow the tables; a whole text given by hand is used as it is.
func TestHandWrittenSections(t *testing.T) {
	d := sample(t)
	d.Text.Written = map[string]string{narrative.SecSangong: "本年“三公”经费从严控制。\n公务接待费用于市党代会接待。"}
	gen := d.Table("general").Main()
	gen.Set(gen.RowIndex("2101101"), gen.Col("personnel"), money.MustParse("50.00"))
	text := narrative.Text(d)
	if !strings.Contains(text, "七、一般公共预算“三公”经费情况\n本年“三公”经费从严控制。\n公务接待费用于市党代会接待。\n八、") {
		t.Errorf("the hand-written section is not in place:\n%s", text)
	}
	if !strings.Contains(text, "卫生健康（类）支出50.00万元") || strings.Contains(text, "公务接待费51.28万元") {
		t.Errorf("the generated sections do not follow the tables:\n%s", text)
	}
	for _, s := range narrative.Sections(d) {
		if s.Written != (s.Key == narrative.SecSangong) {
			t.Errorf("section %s written=%v", s.Key, s.Written)
		}
	}
	d.Text.Explanation = "一、说明\n全文由单位自行撰写。"
	if narrative.Text(d) != d.Text.Explanation {
		t.Error("a whole text given by hand is not used as it is")
	}
}

// When two tables disagree (the general table edited, the 基本支出表 not),
// each section states the figures of the table the checks compare it with:
// the tables' own disagreement is reported, the text raises nothing.
func TestTextFollowsTheTableEachSectionSpeaksOf(t *testing.T) {
	d := sample(t)
	gen := d.Table("general").Main()
	gen.Set(gen.RowIndex("2101101"), gen.Col("personnel"), money.MustParse("50.00"))
	r := check.Document(d)
	if findings(r, "X-7") == "" {
		t.Fatal("the edit should set the general table against the 基本支出表")
	}
	if f := findings(r, "N-1", "N-2", "N-3", "N-8"); f != "" {
		t.Errorf("the generated text raises:\n%s", f)
	}
}

// What the review found: the clerk's own words around a reason or a use, a
// negative figure, a template without 本年收入 (Shanghai), money from earlier
// years besides 财政拨款结转, an absent table, a blank hand-written text.
func TestReviewCases(t *testing.T) {
	d := sample(t)
	d.Inputs.TotalReason = "主要原因是新增重点项目；"
	d.Inputs.ClassUses = map[string]string{"201": "主要用于机关运转，", "208": "缴纳养老保险.", "210": "医疗保险！", "221": "住房公积金"}
	text := narrative.Text(d)
	for _, bad := range []string{"主要原因是主要原因是", "主要用于主要用于", "；。", "，。", ".。", "！。"} {
		if strings.Contains(text, bad) {
			t.Errorf("the text has %q:\n%s", bad, text)
		}
	}
	if !strings.Contains(text, "主要原因是新增重点项目。") || !strings.Contains(text, "主要用于机关运转。") {
		t.Errorf("the clerk's words are not used as they mean:\n%s", text)
	}

	// a negative figure keeps its sign in the amount and the share, and the
	// checks read it back
	d = sample(t)
	for _, id := range []string{"general", "expense"} {
		p := d.Table(id).Main()
		col := "personnel"
		if id == "expense" {
			col = "basic"
		}
		p.Set(p.RowIndex("2101101"), p.Col(col), money.MustParse("-43.52"))
	}
	text = narrative.Text(d)
	if !strings.Contains(text, "卫生健康（类）支出-43.52万元，占-0.66%") {
		t.Errorf("the negative 类:\n%s", text)
	}
	if f := findings(check.Document(d), "N-1"); f != "" {
		t.Errorf("N-1 misreads the negative figure:\n%s", f)
	}

	// money from earlier years besides 财政拨款结转: the shares of 收入预算
	// add to 100.00%
	d = sample(t)
	in := d.Table("summary").Pane(forms.SideIn)
	in.Set(in.RowIndex("in.fundgap"), in.Col("amount"), money.MustParse("33.33"))
	in.Set(in.RowIndex("in.carry_other"), in.Col("amount"), money.MustParse("12.34"))
	text = narrative.Text(d)
	if !strings.Contains(text, "其中本年收入6677.45万元，占99.32%；其他收入结转结余12.34万元，占0.18%；用事业基金弥补收支差额33.33万元，占0.50%。") {
		t.Errorf("收入预算 with money from earlier years:\n%s", text)
	}

	// Shanghai: no 本年收入 line, sources numbered "1. …", figures in 元 with
	// separators as its tables print them
	s, err := forms.NewDocument(forms.Meta{Name: "某局", Year: 2024, Template: "shanghai"})
	if err != nil {
		t.Fatal(err)
	}
	sin := s.Table("summary").Pane(forms.SideIn)
	sin.Set(sin.RowIndex("in.general"), sin.Col("amount"), money.MustParse("2128188.00"))
	sin.Set(sin.RowIndex("in.business"), sin.Col("amount"), money.MustParse("100000.00"))
	text = narrative.Text(s)
	for _, want := range []string{"收入预算2,228,188.00元，全部为本年收入。", "本年收入中，一般公共预算资金2,128,188.00元，占95.51%；事业收入100,000.00元，占4.49%。"} {
		if !strings.Contains(text, want) {
			t.Errorf("Shanghai text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "1. ") || strings.Contains(text, "上年结转0") {
		t.Errorf("Shanghai text:\n%s", text)
	}

	// an absent table is not an empty one (decision 1)
	d = sample(t)
	d.Table("fund").Absent = true
	text = narrative.Text(d)
	if strings.Contains(text, "政府性基金预算支出表为空表") || !strings.Contains(text, "本部门未提供2022年政府性基金预算支出表，【请填写：本节内容】。") {
		t.Errorf("the absent 政府性基金 table:\n%s", text)
	}

	// a blank hand-written text does not replace the generated one
	d.Text.Explanation = " \r\n"
	if !narrative.IsGenerated(d) || !strings.Contains(narrative.Text(d), "占14.13%") {
		t.Error("a blank 情况说明 replaced the generated one")
	}
}

// Section 九 states what the seed's 预算绩效管理情况说明 states: the 部门
// 本级's share of the 二级项目 (17项，5734.2万元 in the seed) and the
// 事前评估 projects, none counted as 0项 (0项，金额合计0万元).
func TestPerfStatesOwnProjectsAndPreEvaluation(t *testing.T) {
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	text := narrative.Text(d)
	for _, want := range []string{"二级项目共17项，金额合计5734.20万元", "其中部门本级的二级项目17项，金额合计5734.20万元", "开展事前绩效评估的项目0项，金额合计0.00万元"} {
		if !strings.Contains(text, want) {
			t.Errorf("the sample's text lacks %q", want)
		}
	}
	// a unit that is not the 部门 itself is not counted as 本级
	p := d.First(forms.KindProjects).Main()
	for _, r := range p.Rows {
		if r.Type == forms.RowProject && r.Project.L2 == "市委专项接待费" {
			r.Project.Unit = "中共吉林市委机要局"
		}
	}
	if text := narrative.Text(d); !strings.Contains(text, "其中部门本级的二级项目16项，金额合计5684.20万元") {
		t.Errorf("with one project of another unit: %s", text[strings.Index(text, "九、"):])
	}
}
