package check

import (
	"strings"
	"testing"

	"yusuan/forms"
)

// Sentences of published 情况说明 in their own wording (the page named in
// each test), read as a clerk means them, and a changed copy that is wrong.

// bj-2026-shenjiju 附件1 p8: each 三公 item is a numbered paragraph whose
// lead names it; the figure's sentence that follows does not.
func TestSangongItemsUnderTheirLeads(t *testing.T) {
	const text = "四、财政拨款“三公”经费预算情况说明\n2026 年财政拨款“三公”经费预算 244.85 万元，比 2025\n年财政拨款“三公”经费年初预算增加 16.03 万元，增长\n7.01%，主要原因：车辆达到报废年限，进行更新。其中：\n（一）因公出国（境）费用。2026 年预算数 173.52 万\n元，主要用于按照外事工作计划，开展境外工作交流。\n（二）公务接待费。2026 年预算数 6 万元，主要用于接\n待境内外审计团组来访交流费用。\n（三）公务用车购置和运行维护费。2026年预算数65.33\n万元，包括公务用车购置费预算37.38万元、公务用车运行\n维护费预算27.95万元。主要用于车辆购置、燃料费、维修\n费、保险费等。"
	doc := func(text, abroad string) *forms.Document {
		return publishedDoc(t, 2026, text, cell{table: "sangong", row: "cur", col: "abroad", value: abroad},
			cell{table: "sangong", row: "cur", col: "reception", value: "6.00"},
			cell{table: "sangong", row: "cur", col: "car_buy", value: "37.38"}, cell{table: "sangong", row: "cur", col: "car_run", value: "27.95"})
	}
	r := Document(doc(text, "173.52"))
	for _, rule := range []string{"N-1", "N-5"} {
		if fs := findingsOf(r, rule); len(fs) != 0 {
			t.Errorf("%s on the published figures:\n%s", rule, messages(fs))
		}
	}
	// the lead's figure is compared with the table's 因公出国（境）费
	expectOne(t, "因公出国 173.50", Document(doc(text, "173.50")), "N-1", "“2026年预算数173.52万元”", Error, "173.50")
	// without its paragraph the item is not stated
	cut := strings.Replace(text, "（一）因公出国（境）费用。2026 年预算数 173.52 万\n元，主要用于按照外事工作计划，开展境外工作交流。\n", "", 1)
	expectOne(t, "no 因公出国", Document(doc(cut, "173.52")), "N-5", "没有分别说明", Warning, "因公出国（境）费")
}

// hz-2026-qixiangju p7: an item stated without a figure (“年初不编制因公
// 出国（境）费用预算”) is stated; cs-2026-xinfangju p4 states the items
// under 其他重要事项, not a 三公 section of their own.
func TestSangongItemsInOtherWording(t *testing.T) {
	const hz = "（七）一般公共预算“三公”经费预算情况说明（详\n见表 7）\n2026 年“三公”经费预算数为 24.02 万元，与上年预算\n数持平。具体如下：\n1.因公出国（境）费用：根据市本级因公出国（境）\n费用预算管理模式，本部门年初不编制因公出国（境）费\n用预算，年度执行中，根据实际工作需要和因公出国\n（境）计划审批情况，相应调增因公出国（境）费用预\n算。\n2.公务接待费：2026 年安排公务接待费预算 6.02 万\n元，与上年预算数持平，主要用于接待国家、各省及本省\n各地区气象部门等支出。\n3.公务用车购置及运行维护费：2026 年安排公务用车\n购置及运行维护费预算 18.00 万元，与上年预算数持平。\n其中，公务用车购置支出 0.00 万元（含购置税等附加费\n用），主要用于经批准购置的 0 辆公务用车，与上年预算\n数持平；公务用车运行维护费支出 18.00 万元，主要用于\n公务用车燃料费、新能源汽车充电费、维修费、过桥过路\n费、保险费、安全奖励费用等支出，与上年预算数持平。"
	const cs = "六、其他重要事项的情况说明\n（二）“三公”经费预算：2026 年长沙市信访局“三公”\n经费预算数为 8.00 万元，其中，公务接待费 3.00 万元，公务\n用车购置及运行费 5.00 万元（其中，公务用车购置费 0.00 万\n元，公务用车运行费 5.00 万元），因公出国（境）费 0.00 万\n元。2026 年“三公”经费预算较 2025 年减少 1.75 万元，主要\n是厉行节约，压减预算。"
	for _, c := range []struct{ name, text, drop, missing string }{
		{"杭州", hz, "1.因公出国（境）费用：根据市本级因公出国（境）\n费用预算管理模式，本部门年初不编制因公出国（境）费\n用预算，年度执行中，根据实际工作需要和因公出国\n（境）计划审批情况，相应调增因公出国（境）费用预\n算。\n", "因公出国（境）费"},
		{"长沙", cs, "，因公出国（境）费 0.00 万\n元", "因公出国（境）费"},
		{"长沙 car split", cs, "（其中，公务用车购置费 0.00 万\n元，公务用车运行费 5.00 万元）", "公务用车购置费、公务用车运行费"},
	} {
		if fs := findingsOf(Document(publishedDoc(t, 2026, c.text)), "N-5"); len(fs) != 0 {
			t.Errorf("%s: every item is stated, yet:\n%s", c.name, messages(fs))
		}
		cut := strings.Replace(c.text, c.drop, "", 1)
		if cut == c.text {
			t.Fatalf("%s: nothing dropped", c.name)
		}
		expectOne(t, c.name+" without it", Document(publishedDoc(t, 2026, cut)), "N-5", "没有分别说明", Warning, "没有分别说明："+c.missing)
	}
}

// sh-muni-2026-shenjiju p5 and sz-2026-tongjiju p4: the reasons of the
// changes are a paragraph of their own after them.
func TestReasonsInAParagraphOfTheirOwn(t *testing.T) {
	for _, c := range []struct{ name, text, reasons, quote string }{
		{"上海", "四、单位预算编制说明\n2026年，上海市审计局收入预算19,577万元，其中：财政拨款收入19,577万元，比2025年预算减少290万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。\n支出预算19,577万元，其中：财政拨款支出预算19,577万元，比2025年预算减少290万元。\n财政拨款收入支出减少的主要原因一是人员经费减少，二是公用经费压减。\n",
			"财政拨款收入支出减少的主要原因一是人员经费减少，二是公用经费压减。\n", "“财政拨款收入19577万元，比2025年预算减少290万元”"},
		{"深圳", "第二部分 部门预算收支总体情况\n2026 年深圳市统计局（本级）部门预算收入 5,417.80 万元，\n较 2025 年年初预算增加 206.09 万元，增长 4.0%。\n预算收支增加主要原因说明：1.落实零基预算改革要求，\n打破“基数”观念，根据年度任务安排支出；2.新增深圳市第\n四次全国农业普查项目预算 110 万元。\n",
			"预算收支增加主要原因说明：1.落实零基预算改革要求，\n打破“基数”观念，根据年度任务安排支出；2.新增深圳市第\n四次全国农业普查项目预算 110 万元。\n", "较2025年年初预算增加206.09万元"},
	} {
		if fs := findingsOf(Document(publishedDoc(t, 2026, c.text)), "N-4"); len(fs) != 0 {
			t.Errorf("%s: the reasons follow, yet:\n%s", c.name, messages(fs))
		}
		cut := strings.Replace(c.text, c.reasons, "", 1)
		if fs := about(Document(publishedDoc(t, 2026, cut)), "N-4", c.quote); len(fs) != 1 || fs[0].Severity != Warning {
			t.Errorf("%s without its reasons: want one 警告 N-4 on %s, got:\n%s", c.name, c.quote, messages(fs))
		}
	}
}

// js-prov-2019-renda p16: “比上年预算增加（减少）0万元” is N-3's (持平);
// a change of nothing has no reason to give.
func TestNoReasonForAChangeOfNothing(t *testing.T) {
	const text = "（七）“三公”经费预算\n（1）公务用车购置预算支出0万元，比上年预算增加（减少）0万元。"
	r := Document(publishedDoc(t, 2019, text))
	expectOne(t, "0 万元", r, "N-4", "公务用车购置", noFinding, "")
	expectOne(t, "0 万元 wording", r, "N-3", "公务用车购置", Error, "持平")
	r = Document(publishedDoc(t, 2019, strings.Replace(text, "增加（减少）0万元", "增加（减少）5万元", 1)))
	expectOne(t, "5 万元", r, "N-4", "公务用车购置", Warning, "没有说明增减原因")
}

// The sections a 情况说明 must have, under the names the documents give
// them: cc-2026-xinfangju p16 (收支总表情况说明, 收入总表情况说明),
// bj-2026-shenjiju 附件1 pp5–7 (收入 and 支出 apart, no overall section),
// cq-2026-qixiangju p1 (财政拨款情况说明), sz-2026-tongjiju p4 (部门预算收入).
func TestRequiredSectionsUnderTheirOwnNames(t *testing.T) {
	for _, c := range []struct{ name, text string }{
		{"长春", "一、收支总表情况说明\n二、收入总表情况说明\n三、支出总表情况说明"},
		{"北京", "二、收入预算情况说明\n2026 年度收入预算 32852.05 万元。\n三、支出预算情况说明\n2026 年支出预算 32852.05 万元。"},
		{"重庆", "三、财政拨款情况说明"},
		{"深圳", "2026 年深圳市统计局（本级）部门预算收入 5,417.80 万元，部门预算支出 5,417.80 万元。"},
	} {
		fs := about(Document(publishedDoc(t, 2026, c.text)), "N-7", "情况说明缺少")
		if len(fs) != 1 {
			t.Fatalf("%s: want the missing sections listed, got:\n%s", c.name, messages(fs))
		}
		msg := fs[0].Message
		switch c.name {
		case "重庆":
			if strings.Contains(msg, "财政拨款收支预算情况") || !strings.Contains(msg, "收支预算总体情况") {
				t.Errorf("%s: %s", c.name, msg)
			}
		default:
			for _, s := range []string{"收支预算总体情况", "收入预算情况", "支出预算情况、"} {
				if strings.Contains(msg, s) {
					t.Errorf("%s: %s reported missing: %s", c.name, s, msg)
				}
			}
		}
	}
	// 收入 alone is not the overall picture
	fs := about(Document(publishedDoc(t, 2026, "二、收入预算情况说明\n2026 年度收入预算 32852.05 万元。")), "N-7", "情况说明缺少")
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "收支预算总体情况、") {
		t.Errorf("收入 alone: %s", messages(fs))
	}
}

// central-2026-guojiaxinfangju p23: a project's period “2026 年至 2027
// 年” is not a year after the budget's; a plan “2027 年” is.
func TestYearEndingAPeriod(t *testing.T) {
	const text = "按照滚动支出预算编制原则，该项目实施周期暂定为\n2026 年至 2027 年，根据实际情况作动态调整。"
	expectOne(t, "period", Document(publishedDoc(t, 2026, text)), "N-7", "2027", noFinding, "")
	r := Document(publishedDoc(t, 2026, "该项目将于 2027 年完成。"))
	expectOne(t, "a later year", r, "N-7", "2027", Warning, "写有 2027 年")
}

// central-2026-guojiaxinfangju p3: 13 机构, the last two joined by 和;
// js-prov-2019-gaofayuan p3: 27 内设机构 and other kinds, listed by
// number on lines of their own.
func TestOrganisationCounts(t *testing.T) {
	const central = "根据上述职责，国家信访局内设 13 个机构，分别为：办公室、综合指导司、办信一司、办信二司、来访接待司（对外称“中共中央办公厅、国务院办公厅人民来访接待室”）、研究室、督查室、人事司、机关党委、国家投诉受理办公室、离退休干部办公室、机关服务中心和信息中心。"
	const court = "根据部门职责分工，本部门包括 27 个内设机构、1 个下属差额\n拨款事业单位和 1 个派出机构，具体包括：\n（一）机关内设机构\n1、办公室\n2、组织人事处"
	for name, text := range map[string]string{"国家信访局": central, "江苏高院": court} {
		expectOne(t, name, Document(publishedDoc(t, 2026, text)), "N-7", "内设", noFinding, "")
	}
	r := Document(publishedDoc(t, 2026, strings.Replace(central, "13 个", "14 个", 1)))
	if fs := about(r, "N-7", "称内设 14 个机构，随后列出了 13 个"); len(fs) != 1 {
		t.Errorf("14 said, 13 listed: %s", messages(findingsOf(r, "N-7")))
	}
}

// yt-2026-xinfangju p26: a department with a 事业单位 (事业运行 346.87)
// spends 公用经费 103.96 of which 74.52 are the offices' 机关运行经费.
func TestOperatingCostsOfADepartmentWithInstitutions(t *testing.T) {
	const text = "三、机关运行经费情况\n2026年本部门机关运行经费安排74.52万元，比上年减少3.46万元。主要原因是：人员变动，相应的运行经费减少。"
	doc := func(text string) *forms.Document {
		return publishedDoc(t, 2026, text, cell{table: "general", row: "2014001", col: "public", value: "60.00"},
			cell{table: "general", row: "2014050", col: "public", value: "43.96"},
			cell{table: "basic", row: "30201", col: "public", value: "103.96", economical: true})
	}
	if fs := findingsOf(Document(doc(text)), "X-10"); len(fs) != 0 {
		t.Errorf("74.52 of 103.96: %s", messages(fs))
	}
	r := Document(doc(strings.Replace(text, "74.52", "110.00", 1)))
	if fs := findingsOf(r, "X-10"); len(fs) != 1 || !strings.Contains(fs[0].Message, "超过") {
		t.Errorf("110.00 of 103.96: %s", messages(fs))
	}
}

// Readings that must not reach too far (found in review, constructed).
func TestReadingsThatMustNotReachTooFar(t *testing.T) {
	// two 款 in one sentence: the second 款's figure is the 款's, not the
	// first 款's 项 of the same name
	if c := chainOf("一般公共服务支出（类）人大事务（款）行政运行（项）100万元，政协事务（款）"); c != [3]string{"一般公共服务支出", "政协事务", ""} {
		t.Errorf("a second 款 keeps the first's 项: %q", c)
	}
	// a chain under a section that names no fund is not compared
	doc := publishedDoc(t, 2026, "一、部门收支总体情况\n一般公共服务支出（类）人大事务（款）行政运行（项）500万元。",
		cell{table: "general", row: "2010101", col: "basic", value: "300.00"})
	expectOne(t, "chain outside a fund's section", Document(doc), "N-1", "（项）", noFinding, "")
	// under 财政拨款收支, a sub-heading “（二）支出预算” stays the 财政拨款's
	pt := parseExplanation(PartExplanation, "二、财政拨款收支预算情况\n（二）支出预算\n财政拨款支出预算300万元。")
	if len(pt.amounts) != 1 || pt.amounts[0].sc != scFiscal {
		t.Errorf("the sub-heading took the scope: %+v", pt.amounts)
	}
	// “财政拨款基本支出” in a 收支 section is a part of the 支出总表's 基本支出
	doc = publishedDoc(t, 2026, "一、收支总表情况说明\n其中财政拨款基本支出300万元。",
		cell{table: "general", row: "2010101", col: "basic", value: "500.00"})
	expectOne(t, "财政拨款基本支出", Document(doc), "N-1", "财政拨款基本支出", noFinding, "")
	// a paragraph of reasons for 减少 does not explain an 增加
	text := "一、收入预算情况说明\n2026年收入预算500万元，比2025年预算增加20万元。\n支出预算480万元，比2025年预算减少10万元。\n支出减少的主要原因是压减会议费。"
	r := Document(publishedDoc(t, 2026, text))
	expectOne(t, "增加 without its reason", r, "N-4", "增加20万元", Warning, "没有说明增减原因")
	expectOne(t, "减少 explained", r, "N-4", "减少10万元", noFinding, "")
	// 一般公共预算收入 alone is not the 收入预算 section
	fs := about(Document(publishedDoc(t, 2026, "五、一般公共预算支出情况说明\n一般公共预算收入300万元，一般公共预算支出300万元。")), "N-7", "情况说明缺少")
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "收入预算情况") || !strings.Contains(fs[0].Message, "支出预算情况") {
		t.Errorf("一般公共预算收入 read as the 收入 section: %s", messages(fs))
	}
	// “及” inside a name is not two organs
	r = Document(publishedDoc(t, 2026, "本部门内设 4 个机构，分别为：办公室、审计一处、法规及宣传处。"))
	if fs := about(r, "N-7", "称内设 4 个机构，随后列出了 3 个"); len(fs) != 1 {
		t.Errorf("“法规及宣传处” counted as two: %s", messages(findingsOf(r, "N-7")))
	}
}
