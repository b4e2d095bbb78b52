package check

import (
	"strings"
	"testing"

	"yusuan/forms"
	"yusuan/forms/classify"
)

// Sentences of published 情况说明 (the corpus documents named in each test,
// copied with their figures and, where the page or the reader breaks them,
// their line ends) that the text rules once misread.

// cell is a table figure a test document holds.
type cell struct {
	table      string
	side       forms.Side
	row, col   string
	value      string
	economical bool // a row of the economic classification (基本支出表)
}

// publishedDoc is a document of the year with the given table figures and
// 情况说明, and nothing else.
func publishedDoc(t *testing.T, year int, text string, cells ...cell) *forms.Document {
	t.Helper()
	d, err := forms.NewDocument(forms.Meta{Name: "测试局", Code: "901", Year: year, Level: forms.LevelDept})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cells {
		p := d.Table(c.table).Pane(c.side)
		if p.RowIndex(c.row) < 0 {
			scheme := classify.Functional
			if c.economical {
				scheme = classify.Economic
			}
			name := func(code string) string { n, _ := d.Catalog().Name(scheme, code, year); return n }
			if _, err := p.AddClassRow(c.row, name(c.row), name); err != nil {
				t.Fatalf("%s %s: %v", c.table, c.row, err)
			}
		}
		give(t, d, c.table, c.side, c.row, c.col, c.value)
	}
	d.Text.Explanation = text
	return d
}

// central-2026-guojiaxinfangju p26 and sh-muni-2026-shenjiju p20: the
// 政府采购 sentence breaks its line between “政府采购工程预算” and its
// figure, and lists the parts in sentences of their own (“；”).
func TestProcurementSentenceOverLines(t *testing.T) {
	for _, c := range []struct{ name, text, wrong string }{
		{"国家信访局", "（四）政府采购情况\n国家信访局 2026 年政府采购预算总额 4,308.39 万元，\n其中：政府采购货物预算 2,315.5 万元；政府采购工程预算\n417.8 万元；政府采购服务预算 1,575.09 万元。", "1,575.09 万元"},
		{"上海市审计局", "三、政府采购预算情况\n2026年度本单位政府采购预算983.05万元，其中：政府采购货物预算50.55万元、政府采购工程预算0.00万元、政府采购服务预算\n932.50万元。", "932.50万元"},
	} {
		d := publishedDoc(t, 2026, c.text)
		if fs := findingsOf(Document(d), "X-12"); len(fs) != 0 {
			t.Errorf("%s: the published breakdown adds up, yet:\n%s", c.name, messages(fs))
		}
		if pr := parseExplanation(PartExplanation, c.text).procurements; len(pr) != 1 {
			t.Errorf("%s: %d breakdowns read, want 1", c.name, len(pr))
		}
		// the 服务 figure with its first 5 made a 4 (1,475.09; 932.40): the
		// breakdown no longer adds up
		d.Text.Explanation = strings.Replace(c.text, c.wrong, strings.Replace(c.wrong, "5", "4", 1), 1)
		if !hasFinding(Document(d), "X-12", "政府采购预算总额", "≠") {
			t.Errorf("%s: a breakdown that does not add up passed:\n%s", c.name, messages(findingsOf(Document(d), "X-12")))
		}
	}
}

// central-2026-guojiaxinfangju p18: “…财政拨款收支总预算 18,728.91 万” and
// “元。” on the next line; the table (p9) prints 18,728.94 (16,474.82 +
// 2,254.12), a real slip of the text.
func TestFigureAndUnitOverLines(t *testing.T) {
	text := "四、关于财政拨款收支总表的说明\n2026 年国家信访局财政拨款收支总预算 18,728.91 万\n元。收入全部为一般公共预算拨款（无政府性基金及国有资本经营预算拨款），包括：一般公共预算当年拨款收入\n16,474.82 万元、上年结转 2,254.12 万元；"
	d := publishedDoc(t, 2026, text, cell{table: "fiscal", side: forms.SideIn, row: forms.LineInGeneral, col: "amount", value: "16474.82"},
		cell{table: "fiscal", side: forms.SideIn, row: "in.carry_general", col: "amount", value: "2254.12"})
	if tot, _, ok := (&ctx{doc: d}).figOf(&tref{kind: forms.KindFiscal, side: forms.SideIn, row: forms.LineInTotal, col: forms.ColAmount}); !ok || tot.v != m("18728.94") {
		t.Fatalf("the test table's 收入总计: %v %v", tot.v, ok)
	}
	expectOne(t, "18,728.91 万元 against 18,728.94", Document(d), "N-1", "“2026年国家信访局财政拨款收支总预算18728.91万元”", Error, "不符，相差 0.03万元")
	d.Text.Explanation = strings.Replace(text, "18,728.91", "18,728.94", 1)
	expectOne(t, "18,728.94 万元", Document(d), "N-1", "财政拨款收支总预算", noFinding, "")
}

// gz-2026-qixiangju p25: within one clause “公务用车购置及运行维护费24.8万元
// （公务用车购置费0万元” the 0 is the 购置费, not the 购置及运行费; the
// reason after the parenthesis is the reason of the comparisons inside it.
func TestFigureAfterAnotherInOneClause(t *testing.T) {
	const text = "二、“三公”经费安排情况\n2026年本部门财政拨款安排“三公”经费26.11万元，比上年减少25.05万元，下降49%，主要原因是减少公务用车购置经费。其中：因公出国（境）费0万元，比上年增加0万元，增长0%，主要原因是与上年持平，无增减变化；公务用车购置及运行维护费24.8万元（公务用车购置费0万元，比上年减少19.6万元；公务用车运行维护费24.8万元，比上年减少5.45万元。）比上年减少25.05万元，下降50.3%，主要原因是减少公务用车购置经费，根据实际业务安排减少应急保障车运行维护费；公务接待费1.31万元，比上年增加0万元，增长0%，主要原因是与上年持平，无增减变化。"
	sg := func(buy string) *forms.Document {
		return publishedDoc(t, 2026, text, cell{table: "sangong", row: "cur", col: "car_buy", value: buy},
			cell{table: "sangong", row: "cur", col: "car_run", value: "24.80"}, cell{table: "sangong", row: "cur", col: "reception", value: "1.31"})
	}
	r := Document(sg("0.00"))
	if fs := findingsOf(r, "N-1"); len(fs) != 0 {
		t.Errorf("the published figures agree with the table, yet:\n%s", messages(fs))
	}
	if fs := about(r, "N-5", "公务用车购置费"); len(fs) != 0 {
		t.Errorf("the 购置费 is stated, yet:\n%s", messages(fs))
	}
	if fs := about(r, "N-4", "公务用车购置费"); len(fs) != 0 {
		t.Errorf("the reason after the parenthesis not read:\n%s", messages(fs))
	}
	// the table with 19.60 of 购置费: the text's 0 is compared with it
	expectOne(t, "购置费 19.60", Document(sg("19.60")), "N-1", "“公务用车购置费0万元”", Error, "与“三公”经费表公务用车购置费 19.60万元 不符")
	d := sg("0.00")
	d.Text.Explanation = strings.Replace(text, "）比上年减少25.05万元，下降50.3%，主要原因是减少公务用车购置经费，根据实际业务安排减少应急保障车运行维护费；", "）；", 1)
	expectOne(t, "no reason after the parenthesis", Document(d), "N-4", "公务用车购置费0万元", Warning, "没有说明增减原因")
}

// cs-2026-xinfangju pp7–8: “（二）项目支出：…项目支出预算 417.41 万元，…，
// 其中：一般公共服务支出 417.41 万元” is the 类's 项目支出, not its total
// 1935.36.
func TestClassFigureOfAPart(t *testing.T) {
	const text = "四、一般公共预算拨款支出\n2026 年本单位一般公共预算拨款支出 1935.36 万元，其中:\n一般公共服务支出 1935.36 万元，占 100.00%。具体安排情况如下:\n（一）基本支出：2026 年本单位基本支出预算数 1517.95万元，主要是为保障部门正常运转、完成日常工作任务而发生的各项支出，包括用于基本工资、津贴补贴等人员经费以及办公费、印刷费、水电费、办公设备购置等公用经费。\n（二）项目支出：2026 年本单位项目支出预算 417.41 万元，主要是单位为完成特定行政工作任务或事业发展目标而发生的支出，包括有关事业发展专项、专项业务费、基本建设支出等，其中：一般公共服务支出 417.41 万元，主要用于信访业务工作专项、人民来访接待中心业务专项、人民来访接待中心及特护期运行专项、基层及其他信访业务工作经费专项等。"
	doc := func(project string) *forms.Document {
		return publishedDoc(t, 2026, text, cell{table: "general", row: "2014001", col: "personnel", value: "1517.95"},
			cell{table: "general", row: "2014099", col: "project", value: project})
	}
	if fs := findingsOf(Document(doc("417.41")), "N-1"); len(fs) != 0 {
		t.Errorf("the published figures agree with the table, yet:\n%s", messages(fs))
	}
	// 417.41 against a table whose 201 项目支出 is 400.00 (and whose 201 is
	// no longer 1935.36): the 类's 项目支出 is what the figure is compared with
	r := Document(doc("400.00"))
	expectOne(t, "201 项目支出 400.00", r, "N-1", "“一般公共服务支出417.41万元”", Error, "一般公共预算支出表 201项目支出 400.00万元 不符")
	if fs := about(r, "N-1", "“一般公共服务支出1935.36万元”"); len(fs) != 1 {
		t.Errorf("the 类's total 1935.36 against 1917.95 not reported:\n%s", messages(findingsOf(r, "N-1")))
	}
}

// central-2026-guojiaxinfangju p20–22: “8.社会保障和就业支出（类）行政事业单位
// 养老支出（款）行政单位离退休（项）2026 年预算数为 929.97 万元” is the 项's
// figure; “社会保障和就业（类）支出 2,156.86 万元” is the 类's.
func TestItemFigureIsNotTheClassTotal(t *testing.T) {
	const text = "五、关于一般公共预算支出表的说明\n（二）一般公共预算当年拨款结构情况\n按照支出功能分类，2026 年，一般公共服务（类）支出\n13,144.37 万元，占 79.78%；教育（类）支出 118.01 万元，\n占 0.72%；社会保障和就业（类）支出 2,156.86 万元，占\n13.09%；住房保障（类）支出 1,055.58 万元，占 6.41%。\n（三）一般公共预算当年拨款具体使用情况\n8.社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）2026 年预算数为 929.97 万元，\n比 2025 年执行数减少 126.49 万元，减幅 11.97%，主要是离\n休人员减少。"
	doc := func(ssb string) *forms.Document {
		return publishedDoc(t, 2026, text, cell{table: "general", row: "2014001", col: "personnel", value: "13144.37"},
			cell{table: "general", row: "2050803", col: "public", value: "118.01"},
			cell{table: "general", row: "2080501", col: "personnel", value: "929.97"},
			cell{table: "general", row: "2080505", col: "personnel", value: ssb},
			cell{table: "general", row: "2210201", col: "personnel", value: "1055.58"})
	}
	pt := parseExplanation(PartExplanation, text)
	for _, st := range pt.amounts {
		if st.num == "929.97" && st.subject != subjItem {
			t.Errorf("929.97 read as subject %d, want the 项's figure", st.subject)
		}
	}
	if n := pt.classNames[len(pt.classNames)-1].name; n != "社会保障和就业支出" {
		t.Errorf("“社会保障和就业支出（类）” read as %q", n)
	}
	r := Document(doc("1226.89"))
	if fs := findingsOf(r, "N-1"); len(fs) != 0 {
		t.Errorf("the published figures agree with the table, yet:\n%s", messages(fs))
	}
	// 208 one hundred more: the 类's figure is wrong, the 项's is not
	r = Document(doc("1326.89"))
	expectOne(t, "208 2256.86", r, "N-1", "“社会保障和就业（类）支出2156.86万元”", Error, "一般公共预算支出表 208 2256.86万元 不符")
	expectOne(t, "the 项's 929.97", r, "N-1", "929.97", noFinding, "")
}

// yt-2026-xinfangju p16: “…比上年减少\n49.81万元，其中：” gives its reason in
// the third item of the list that follows.
func TestReasonInTheListThatFollows(t *testing.T) {
	const text = "一、预算收支增减变化情况说明\n（三）增减变化情况：2026年收支预算1,717.85万元，比上年减少\n49.81万元，其中：\n1.收入预算减少49.81万元，其中一般公共预算收入减少49.81万元。\n2.支出预算减少49.81万元，其中基本支出增加75.19万元，项目支出减少125万元。\n3.收支预算减少的主要原因，根据工作安排及支出需求，压减项目支出，相应的预算数额减少\n二、“三公”经费支出情况"
	expectOne(t, "the reason in item 3", Document(publishedDoc(t, 2026, text)), "N-4", "1717.85", noFinding, "")
	d := publishedDoc(t, 2026, strings.Replace(text, "3.收支预算减少的主要原因，根据工作安排及支出需求，压减项目支出，相应的预算数额减少\n", "", 1))
	expectOne(t, "no item 3", Document(d), "N-4", "“2026年收支预算1717.85万元，比上年减少49.81万元”", Warning, "没有说明增减原因")
}

// js-prov-2019-zhengxie (情况说明 pp11–13): 江苏's sources of income
// (“1.财政拨款收入预算总计 13,297.11 万元”, “（1）一般公共预算收入预算 …”,
// “3.其他资金收入预算总计 80 万元”) are parts of the 收入预算, not it; a
// section on 财政拨款支出 speaks of the 财政拨款 table.
func TestJiangsuSourcesOfIncome(t *testing.T) {
	const text = "一、收支预算总体情况说明\n江苏省政协办公厅 2019 年度收入、支出预算总计 13,377.11万元，与上年相比收、支预算总计各增加 3,226.63 万元，增长31.79%。主要原因是政策性增资、住房公积金和提租补贴调整、项目经费增加、预留机动经费增加等。\n（一）收入预算总计 13,377.11 万元。包括：\n1.财政拨款收入预算总计 13,297.11 万元。\n（1）一般公共预算收入预算 13,297.11 万元，与上年相比增加 3,226.63 万元，增长 32.04%。主要原因是政策性增资、住房公积金和提租补贴调整、项目经费增加、预留机动经费增加等。\n（2）政府性基金收入预算 0 万元，与上年数一致，本部门无此项收入。\n2.财政专户管理资金收入预算总计 0 万元，与上年数一致，本部门无此项收入。\n3.其他资金收入预算总计 80 万元，与上年数一致。\n二、收入预算情况说明\n江苏省政协办公厅本年收入预算合计 13,377.11 万元，其中：\n一般公共预算收入 13,297.11 万元，占 99.4%；\n五、财政拨款支出预算情况说明\n江苏省政协办公厅 2019 年度财政拨款预算支出 13,297.11万元，占本年支出合计的 99.4%。"
	doc := func(general string) *forms.Document {
		return publishedDoc(t, 2019, text, cell{table: "summary", side: forms.SideIn, row: forms.LineInGeneral, col: "amount", value: general},
			cell{table: "summary", side: forms.SideIn, row: "in.other", col: "amount", value: "80.00"},
			cell{table: "fiscal", side: forms.SideIn, row: forms.LineInGeneral, col: "amount", value: general},
			cell{table: "expense", row: "2013101", col: "basic", value: "13377.11"})
	}
	if fs := findingsOf(Document(doc("13297.11")), "N-1"); len(fs) != 0 {
		t.Errorf("the published figures agree with the tables, yet:\n%s", messages(fs))
	}
	r := Document(doc("13197.11"))
	expectOne(t, "一般公共预算收入 13197.11", r, "N-1", "“一般公共预算收入13297.11万元”", Error, "收支总表 13197.11万元 不符")
	expectOne(t, "财政拨款 13197.11", r, "N-1", "“江苏省政协办公厅2019年度财政拨款预算支出13297.11万元”", Error, "财政拨款收支总表收入总计 13197.11万元 不符")
	expectOne(t, "其他资金", r, "N-1", "其他资金", noFinding, "")
}

// bj-2026-shenjiju 附件1 p8: “比 2025 年财政拨款“三公”经费年初预算增加
// 16.03 万元” names what it compares with; the 16.03 is the change, not the
// “三公” amount.
func TestComparisonNamingWhatItComparesWith(t *testing.T) {
	const text = "四、财政拨款“三公”经费预算情况说明\n2026 年财政拨款“三公”经费预算 244.85 万元，比 2025\n年财政拨款“三公”经费年初预算增加 16.03 万元，增长\n7.01%，主要原因：车辆达到报废年限，进行更新。其中：\n（一）因公出国（境）费用。2026 年预算数 173.52 万\n元，主要用于按照外事工作计划，开展境外工作交流。"
	doc := func(reception string) *forms.Document {
		return publishedDoc(t, 2026, text, cell{table: "sangong", row: "cur", col: "abroad", value: "173.52"},
			cell{table: "sangong", row: "cur", col: "reception", value: reception},
			cell{table: "sangong", row: "cur", col: "car_buy", value: "37.38"}, cell{table: "sangong", row: "cur", col: "car_run", value: "27.95"})
	}
	r := Document(doc("6.00"))
	for _, rule := range []string{"N-1", "N-3", "N-4"} {
		if fs := findingsOf(r, rule); len(fs) != 0 {
			t.Errorf("%s on the published figures:\n%s", rule, messages(fs))
		}
	}
	pt := parseExplanation(PartExplanation, text)
	if len(pt.amounts) == 0 || pt.amounts[0].yoy == nil || pt.amounts[0].yoy.num != "16.03" {
		t.Errorf("the comparison not read: %+v", pt.amounts)
	}
	// 公务接待费 7.00: the 244.85 (not the 16.03) is compared with 245.85
	r = Document(doc("7.00"))
	expectOne(t, "三公 245.85", r, "N-1", "“2026年财政拨款“三公”经费预算244.85万元”", Error, "“三公”经费表合计 245.85万元 不符")
	expectOne(t, "the change", r, "N-1", "16.03", noFinding, "")
}
