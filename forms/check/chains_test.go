package check

import (
	"testing"

	"yusuan/forms"
)

// A 情况说明 that lists its spending 项 by 项 as 类（类）款（款）项（项）
// chains: each figure is compared with the 项's line of the table.

// central-2026-guojiaxinfangju p21, with the page's line break inside
// “一般行政管理事务”.
func TestItemChainsAgainstTheirLines(t *testing.T) {
	const text = "五、关于一般公共预算当年拨款支出表的说明\n（三）一般公共预算当年拨款具体使用情况\n1.一般公共服务支出（类）信访事务（款）行政运行（项）2026 年预算数为 5,826.21 万元，比 2025 年执行数增加 271.14 万元，增幅 4.88%，主要是财政核定经费增加。\n2.一般公共服务支出（类）信访事务（款）一般行政管\n理事务（项）2026 年预算数为 737.29 万元，比 2025 年执行\n数增加 670.85 万元，增幅 1009.71%，主要是部门机动经费增加。\n3.一般公共服务支出（类）信访事务（款）机关服务（项）2026年预算数为236.83万元，与2025年执行数相同。"
	doc := func(admin string) *forms.Document {
		return publishedDoc(t, 2026, text, cell{table: "general", row: "2014001", col: "basic", value: "5826.21"},
			cell{table: "general", row: "2014002", col: "project", value: admin},
			cell{table: "general", row: "2014003", col: "basic", value: "236.83"})
	}
	expectOne(t, "as published", Document(doc("737.29")), "N-1", "（项）", noFinding, "")
	r := Document(doc("737.92"))
	expectOne(t, "2014002 737.92", r, "N-1", "一般行政管理事务（项）2026年预算数为737.29万元", Error, "一般公共预算支出表 2014002 737.92万元 不符")
	expectOne(t, "the others", r, "N-1", "行政运行（项）", noFinding, "")
}

// suz-2026-shenjiju p26: the 类 on a line of its own, its 款 and 项 after.
func TestItemChainUnderItsClassLine(t *testing.T) {
	const text = "四、一般公共预算支出情况说明\n其中：\n（一）一般公共服务支出（类）\n1.审计事务（款）行政运行（项）支出 2,342 万元，与上年相\n比增加 27.86 万元，增长 1.2%。主要原因是人员经费增加。\n2.审计事务（款）一般行政管理事务（项）支出 339.5 万元，\n与上年相比减少 55.03 万元，减少 13.95%。主要原因是项目支出减少。"
	doc := func(run string) *forms.Document {
		return publishedDoc(t, 2026, text, cell{table: "general", row: "2010801", col: "basic", value: run},
			cell{table: "general", row: "2010802", col: "project", value: "339.50"})
	}
	expectOne(t, "as published", Document(doc("2342.00")), "N-1", "（项）", noFinding, "")
	expectOne(t, "2010801 2432", Document(doc("2432.00")), "N-1", "审计事务（款）行政运行（项）支出2342万元", Error, "一般公共预算支出表 2010801 2432.00万元 不符")
}

// js-prov-2019-renda p14 marks the 款 （类）: “住房改革支出（类）提租补贴
// （项）2548.3万元”; and the Shanghai form quotes the chain before its figure.
func TestItemChainsInOtherForms(t *testing.T) {
	const js = "五、一般公共预算支出预算情况说明\n2．住房改革支出（类）提租补贴（项）2548.3万元，与上\n年相比增加998.48万元，增加64.43%。主要原因是政策性调增提\n租补贴。"
	doc := func(text, v string) *forms.Document {
		return publishedDoc(t, 2019, text, cell{table: "general", row: "2210202", col: "basic", value: v})
	}
	expectOne(t, "江苏", Document(doc(js, "2548.30")), "N-1", "（项）", noFinding, "")
	expectOne(t, "江苏 2584.3", Document(doc(js, "2584.30")), "N-1", "提租补贴（项）2548.3万元", Error, "2210202 2584.30万元 不符")
	const sh = "五、一般公共预算支出情况说明\n“住房保障支出（类）住房改革支出（款）提租补贴（项）”2548.3万元，主要用于按规定发放的提租补贴。"
	expectOne(t, "上海", Document(doc(sh, "2548.30")), "N-1", "（项）", noFinding, "")
	expectOne(t, "上海 2584.3", Document(doc(sh, "2584.30")), "N-1", "提租补贴（项）", Error, "2210202 2584.30万元 不符")
	if c := chainOf("“住房保障支出（类）住房改革支出（款）提租补贴（项）”"); c != [3]string{"住房保障支出", "住房改革支出", "提租补贴"} {
		t.Errorf("the Shanghai chain reads %q", c)
	}
}
