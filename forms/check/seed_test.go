package check

import (
	"strings"
	"testing"

	"yusuan/forms"
)

func seedPublished(t *testing.T) *forms.Document {
	t.Helper()
	d, err := forms.Open("../testdata/seed_published.yusuan")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func hasFinding(r *Result, rule string, parts ...string) bool {
	for _, f := range findingsOf(r, rule) {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(f.Message, p)
		}
		if all {
			return true
		}
	}
	return false
}

// The seed entered as published raises what checks.md says it must, and
// nothing about what it says is right.
func TestSeedAsPublished(t *testing.T) {
	r := Document(seedPublished(t))
	must := []struct {
		rule  string
		parts []string
	}{
		{"H-1", []string{"支出预算总表", "“基本支出”列", "各类合计 831.91 ≠ 合计行 943.25"}},
		{"H-1", []string{"支出预算总表", "“项目支出”列", "各类合计 5845.54 ≠ 合计行 5734.20"}},
		{"X-6", []string{"210 基本支出 0.00 ≠ 一般公共预算支出表 210 小计 43.52"}},
		{"X-6", []string{"221 项目支出 67.82 ≠ 一般公共预算支出表 221 项目支出 0.00"}},
		{"H-2", []string{"一般公共预算支出表", "“一般公共服务支出”没有科目编码"}},
		{"H-2", []string{"一般公共预算支出表", "“行政运行”没有科目编码"}},
		{"P-3", []string{"“政务处理”", "97.80万元", "46.80万元"}},
		{"P-3", []string{"“服务保障”", "152.20万元", "142.20万元"}},
		{"X-11", []string{"市委无线网络覆盖建设", "116.30 ≠ 项目支出表金额 4450.00"}},
		{"X-11", []string{"电子政务内网视频会议系统", "691.80 ≠ 项目支出表金额 15.00"}},
		{"X-11", []string{"机要密码线路服务费", "没有绩效目标表"}},
		{"X-11", []string{"一级项目“机要通信”没有绩效目标表"}},
		{"X-14", []string{"事前绩效评估", "空白表样"}},
		{"N-7", []string{"事前绩效评估表", "占位文字"}},
		{"N-7", []string{"内设 17 个机构，随后列出了 19 个"}},
		{"X-13", []string{"科目 210", "卫生健康支出", "医疗卫生与计划生育支出"}},
		{"N-8", []string{"基本支出0万元，占0%", "总数为零"}},
	}
	for _, w := range must {
		if !hasFinding(r, w.rule, w.parts...) {
			t.Errorf("%s not raised: %v\n%s", w.rule, w.parts, messages(findingsOf(r, w.rule)))
		}
	}
	// what is right raises nothing: 收支总表 balances, the text's
	// percentages and amounts (三公 51.28, 机关运行经费 174.4 = 公用经费),
	// 政府采购 5545.2 = 5308.1 + 0 + 237.1
	for _, rule := range []string{"T1-1", "T1-2", "T1-3", "T4-1", "X-1", "X-2", "X-3", "X-4", "N-1", "N-2", "N-3", "X-10", "X-12"} {
		if !ran(r, rule) {
			t.Errorf("%s did not run on the seed", rule)
		}
		if fs := findingsOf(r, rule); len(fs) > 0 {
			t.Errorf("%s raised on what is right:\n%s", rule, messages(fs))
		}
	}
	// tables the seed does not show are absent: their checks are skipped, not failed
	skipped := map[string]bool{}
	for _, s := range r.Skipped {
		skipped[s.Rule] = true
	}
	for _, rule := range []string{"T6-1", "T7-1", "X-7", "X-9"} {
		if !skipped[rule] {
			t.Errorf("%s should be skipped: its table is absent", rule)
		}
	}
	// the text's percentages were read and recomputed, not passed over
	x := &ctx{doc: seedPublished(t)}
	checked := map[string]bool{}
	for _, st := range x.text().amounts {
		if st.pct != nil {
			if _, whole, ok := x.shareFigs(st); ok && whole != 0 {
				checked[st.pct.text] = true
			}
		}
	}
	for _, p := range []string{"14.13%", "85.87%", "81.51%", "18.49%", "96.98%", "1.35%", "0.65%", "1.02%"} {
		if !checked[p] {
			t.Errorf("the share %s of the seed's text was not recomputed", p)
		}
	}
}

// The sample raises only the seed's genuine 绩效 findings (decision 23).
func TestSampleRaisesOnlyTheSeedsPerformanceFindings(t *testing.T) {
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	r := Document(d)
	if n := r.Count(Error); n != 0 {
		t.Errorf("the sample has %d 错误:\n%s", n, messages(r.Findings))
	}
	for _, f := range r.Findings {
		switch f.Rule {
		case "P-2", "P-3", "P-4", "X-11":
		default:
			t.Errorf("unexpected %s %s: %s", f.Severity, f.Rule, f.Message)
		}
	}
	for _, w := range []struct {
		rule  string
		parts []string
	}{
		{"P-2", []string{"陪餐人数", "<=30%"}}, {"P-2", []string{"“12次”缺少比较符"}}, {"P-2", []string{"“13万元”缺少比较符"}},
		{"P-2", []string{"“>=0.98”缺少计量单位"}},
		{"P-3", []string{"“政务处理”", "97.80万元"}}, {"P-3", []string{"“服务保障”", "152.20万元"}}, {"P-3", []string{"“资料印刷费”", "60.00万元", "42.00万元"}},
		{"P-4", []string{"效益指标没有三级指标"}},
		{"X-11", []string{"“市委视频会议系统运行维护及驻场服务费”没有绩效目标表"}},
	} {
		if !hasFinding(r, w.rule, w.parts...) {
			t.Errorf("sample: %s not raised: %v", w.rule, w.parts)
		}
	}
	if hasFinding(r, "X-11", "≠") {
		t.Error("the sample's forms use the reconstruction's amounts: no X-11 amount mismatch")
	}
}
