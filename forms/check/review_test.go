package check

import (
	"strings"
	"testing"

	"yusuan/forms"
)

// Regression tests for problems found in review.

func TestTextAmountsWithThousandsSeparators(t *testing.T) {
	d := cleanDoc(t)
	replaceText(t, d, "2023年收支总预算188.00万元", "2023年收支总预算1,888.00万元")
	if !hasFinding(Document(d), "N-1", "“2023年收支总预算1888.00万元”", "不符") {
		t.Errorf("a figure with a thousands separator was not read:\n%s", messages(findingsOf(Document(d), "N-1")))
	}
	pt := parseExplanation(PartExplanation, "2023年政府采购预算总额1,234,567.89元，其中政府采购货物预算1,234,567.89元。")
	if len(pt.amounts) != 2 || pt.amounts[0].value != m("1234567.89") {
		t.Errorf("amounts %+v", pt.amounts)
	}
}

func TestYearOnYearInYuan(t *testing.T) {
	d := cleanDoc(t)
	replaceText(t, d, "2023年机关运行经费20.00万元，与上年持平。", "2023年机关运行经费200000元，比上年减少0元。")
	if fs := findingsOf(Document(d), "N-3"); !hasFinding(Document(d), "N-3", "应为持平") || len(fs) != 1 {
		t.Errorf("N-3:\n%s", messages(fs))
	}
	d = cleanDoc(t)
	prev := m("21.00")
	d.Inputs.PrevOperating = &prev
	replaceText(t, d, "2023年机关运行经费20.00万元，与上年持平。", "2023年机关运行经费200000元，比上年减少10000元，下降4.76%，主要原因是压减开支。")
	if fs := findingsOf(Document(d), "N-3"); len(fs) != 0 {
		t.Errorf("a right comparison written in 元 reported:\n%s", messages(fs))
	}
}

func TestOtherComparisonWordings(t *testing.T) {
	for _, w := range []string{"较上年增加38.00万元", "比上年度增加38.00万元", "同比增长38.00万元", "较2022年预算增加38.00万元"} {
		pt := parseExplanation(PartExplanation, "一、2023年收支预算总体情况\n2023年收支总预算188.00万元，"+w+"。")
		if len(pt.amounts) != 1 || pt.amounts[0].yoy == nil || pt.amounts[0].yoy.word != "增加" {
			t.Errorf("%s not read as a comparison", w)
		}
	}
}

// Decisions 19 and 36: the rounded share or the 100%-adjusted one is right;
// one hundredth off either is a 提示 尾差, more an 错误.
func TestShareOffByOneHundredthIsReported(t *testing.T) {
	d := cleanDoc(t)
	replaceText(t, d, "基本支出138.00万元，占73.40%；项目支出50.00万元，占26.60%。基本支出中", "基本支出138.00万元，占73.39%；项目支出50.00万元，占26.61%。基本支出中")
	if fs := about(Document(d), "N-2", "占73.39%"); len(fs) != 1 || fs[0].Severity != Hint || !strings.Contains(fs[0].Message, "按表格计算为 73.40%，相差末位的 1 个单位（0.01%）（尾差）") {
		t.Errorf("73.39%% not a 尾差:\n%s", messages(findingsOf(Document(d), "N-2")))
	}
	d = cleanDoc(t)
	replaceText(t, d, "占73.40%；项目支出50.00万元", "占73.38%；项目支出50.00万元")
	if fs := about(Document(d), "N-2", "占73.38%"); len(fs) != 1 || fs[0].Severity != Error || !strings.Contains(fs[0].Message, "应占 73.40%") {
		t.Errorf("73.38%% not an error:\n%s", messages(findingsOf(Document(d), "N-2")))
	}
	// 170/188, 10/188, 8/188 round to 90.43 + 5.32 + 4.26 = 100.01; the
	// adjusted breakdown prints 4.25: both are accepted
	d = cleanDoc(t)
	replaceText(t, d, "占4.26%", "占4.25%")
	if fs := findingsOf(Document(d), "N-2"); len(fs) != 0 {
		t.Errorf("the adjusted share refused:\n%s", messages(fs))
	}
}

func TestTemplateNotesPassX14(t *testing.T) {
	for _, tmpl := range []string{"jilin-2022", "national", "shanghai"} {
		d, err := forms.NewDocument(forms.Meta{Name: "某单位", Year: 2023, Template: tmpl})
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range d.Tables {
			tb.Note = d.NoteOf(tb) // the template's own wording, as an import would bring it
		}
		if fs := findingsOf(Document(d), "X-14"); len(fs) != 0 {
			t.Errorf("%s: the template's own notes reported:\n%s", tmpl, messages(fs))
		}
	}
}

// The jilin template shows 一级 and 二级 forms in two tables; a form of
// another level (possible through the API, refused by Decode) is passed over.
func TestFormOfALevelNoTableShowsIsSkipped(t *testing.T) {
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	d.Perf.Projects = append(d.Perf.Projects, forms.ProjectPerf{Name: "奇怪", Level: "三级项目"})
	r := Document(d) // must not panic
	for _, f := range r.Findings {
		if strings.Contains(f.Message, "奇怪") && f.Rule == "X-11" {
			t.Errorf("a form no table shows was matched: %s", f.Message)
		}
	}
}
