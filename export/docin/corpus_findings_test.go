package docin

import (
	"strings"
	"testing"

	"yusuan/forms/check"
	"yusuan/internal/corpus"
)

// realDefect is a 错误 the checks raise on a published document that the
// document really has: looked up on its rendered page.
type realDefect struct {
	rule    string
	message string // a part of the finding's message
	page    int
	reason  string // what the page prints, and why it is wrong
}

// corpusDefects lists, per document (folder/file as in corpusDocs), every
// 错误 the checks raise on it. Any other 错误 is a bug of the reader or of
// a check; a listed one that is no longer raised is one too.
var corpusDefects = map[string][]realDefect{
	"cc-2026-xinfangju/": {
		{"H-1", "“20140 信访事务”行“当年预算 小计”列：各项合计 903.85", 8,
			"支出总表 prints 2014002 一般行政管理事务 and 2014099 其他信访事务支出 with 0.00 although 20140 信访事务 holds their 474.56 of 项目支出"},
		{"X-6", "支出总表 2014002 小计 0.00 ≠ 一般公共预算支出表 2014002 小计 458.00", 8,
			"the same line: 一般公共预算支出表 (p10) prints 458.00, 支出总表 (p8) 0.00, with only 一般公共预算拨款"},
		{"X-6", "支出总表 2014099 小计 0.00 ≠ 一般公共预算支出表 2014099 小计 16.56", 8,
			"the same for 2014099: 16.56 on p10, 0.00 on p8"},
		{"H-1", "“301 工资福利支出”行“当年预算 小计”列：各款合计 920.96", 11,
			"基本支出表: the 款 of 301 add up to 920.96, the 类 line prints 911.21"},
		{"H-1", "“301 工资福利支出”行“人员经费”列：各款合计 920.96", 11, "the same in the 人员经费 column"},
		{"H-1", "“302 商品和服务支出”行“当年预算 小计”列：各款合计 221.37", 11,
			"the 款 of 302 add up to 221.37, the 类 line prints 211.00"},
		{"H-1", "“302 商品和服务支出”行“公用经费”列：各款合计 221.37", 11, "the same in the 公用经费 column"},
		{"H-2", "编码 30208 出现两次", 11, "30208 is printed for 取暖费 and again for 物业管理费 (whose code is 30209)"},
		{"X-13", "科目 30208 的名称前后不一致", 11, "the same slip: one code, two names"},
		{"N-1", "“2026年预算支出1682.76元”", 17, "一、收支总表情况说明 prints “2026年预算支出1682.76元”: 元 for 万元, the table's 1,682.76 万元"},
		{"X-13", "科目 30208 印作“物业管理费”", 11, "基本支出表 prints 30208 物业管理费; 30208 is 取暖费 (物业管理费 is 30209), as 2026 documents print it"},
		{"X-13", "科目 30213 印作“维护（护）费”", 11, "基本支出表 prints 30213 维护（护）费; its 2026 name is 维修（护）费"},
	},
	"central-2026-guojiaxinfangju/": {
		{"N-1", "2026年国家信访局财政拨款收支总预算18728.91万元", 18,
			"the text says 18,728.91 万元; the 财政拨款收支总表 (p9) totals 18,728.94 (16,474.82 + 2,254.12)"},
		{"N-3", "委托业务费财政拨款预算1391.68万元，比2025年预算增加333.83万元", 25,
			"a rise of 333.83 over 1,057.85 (1,391.68 − 333.83) is 31.56%, the text prints 31.35%"},
	},
	"gz-2026-qixiangju/气象局": {
		{"N-3", "因公出国（境）费0万元，比上年增加0万元", 25, "“比上年增加0万元”: no change is 持平, not an increase of 0"},
		{"N-3", "公务接待费1.31万元，比上年增加0万元", 25, "the same wording for 公务接待费"},
	},
	"js-prov-2019-renda/人大常委会2019年度部门预算公开": {
		{"N-3", "公务用车购置预算支出0万元，比上年预算增加（减少）0万元", 16,
			"the template's “增加（减少）” left in, with a change of 0: should say 持平"},
		{"N-3", "公务用车运行维护费预算支出183.6万元，比上年预算增加（减少）0万元", 16, "the same for 公务用车运行维护费"},
	},
	"sz-2026-tongjiju/统计局": {
		{"N-3", "2026年预算数11.56万元，较2025年年初预算增加0.00万元", 9, "公务接待费 “增加0.00万元”: no change is 持平"},
		{"N-3", "公务用车购置费2026年预算数0.00万元，较2025年年初预算增加0.00万元", 10, "the same for 公务用车购置费"},
		{"N-3", "公务用车运行维护费2026年预算数4.20万元，较2025年年初预算增加0.00万元", 10, "the same for 公务用车运行维护费"},
	},
	"swu-2021-2023-2024/2023年度": {
		{"T2-1", "“20502 普通教育”行“收入合计”列：各项合计 520603.41", 8,
			"收入预算表: 2050202 小学教育 prints 收入合计 9,645.51 while its parts (14.33 + 8,201.15 + 0.50 + 1,430.03) make 9,646.01, so the 项 of 20502 add up to 520,603.41, not the 520,603.91 printed"},
	},
	"yt-2026-xinfangju/": {
		{"T2-1", "“20140 信访事务”行“合计”列：各项合计 854.84", 7,
			"收入总体情况表: 20140 信访事务 prints 1,378.84 with 524.00 of 项目支出, but its 项 lines (行政运行 507.97, 事业运行 346.87) carry none of the 524.00"},
		{"T2-1", "“20140 信访事务”行“财政拨款收入 小计”列：各项合计 854.84", 7, "the same, 财政拨款收入 column"},
		{"H-1", "支出总体情况表 “20140 信访事务”行“合计”列", 9, "the same 524.00 without a 项 line in 支出总体情况表"},
		{"H-1", "支出总体情况表 “20140 信访事务”行“项目支出”列", 9, "the same, 项目支出 column"},
		{"H-1", "一般公共预算支出情况表 “20140 信访事务”行“合 计”列", 13, "the same in 一般公共预算支出情况表"},
		{"H-1", "一般公共预算支出情况表 “20140 信访事务”行“项目支出”列", 13, "the same, 项目支出 column"},
		{"X-4", "类 201：财政拨款收支总表 201 一般公共预算部分 0.00", 11,
			"财政拨款收支总体情况表 prints no figure at all (an empty table with its note) while the department spends 1,717.85 of 一般公共预算拨款 (pp13–14)"},
		{"X-4", "类 205：", 11, "the same, 类 205"},
		{"X-4", "类 208：", 11, "the same, 类 208"},
		{"X-4", "类 210：", 11, "the same, 类 210"},
		{"X-4", "类 221：", 11, "the same, 类 221"},
		{"X-4", "一般公共预算拨款（本年＋上年结转－结转下年） 0.00", 11, "the same, in total"},
	},
}

// corpusWarnings lists, the same way, every 警告 the checks raise on a
// corpus document: each is true of the page it names.
var corpusWarnings = map[string][]realDefect{
	"cc-2026-xinfangju/": {
		{"N-5", "没有分别说明：因公出国（境）费、公务用车购置费", 18,
			"七、一般公共预算“三公”经费情况说明 states 公务用车购置及运行费 6.75 万元 in one figure and says nothing of 因公出国（境）费"},
	},
	"central-2026-guojiaxinfangju/": {
		{"N-5", "没有分别说明：公务用车购置费、公务用车运行费", 24,
			"七、关于一般公共预算“三公”经费支出表的说明 gives 公务用车购置及运行费 38.60 万元 as one figure, 购置 and 运行 not apart"},
	},
	"cq-2026-qixiangju/": {
		{"N-4", "公务用车运行维护费13.55万元，比2025年减少0.45万元", 2,
			"the 主要原因 of that paragraph is 因公出国（境）费用's; the 0.45 万元 less for 运行维护 is not explained"},
	},
	"hz-2026-qixiangju/": {
		{"N-4", "2026年收入预算5876.67万元，比上年执行数增加48.92万元", 4, "only “增长0.8%，与上年基本持平” follows: no cause"},
		{"N-4", "2026年支出预算5876.67万元，比上年执行数增加48.92万元", 4, "the same for 支出预算"},
		{"N-4", "2026年一般公共预算当年拨款5753.07万元，比上年执行数增加13.59万元", 5, "only “增长0.2%，与上年基本持平” follows"},
	},
	"swu-2021-2023-2024/2021年度": {
		{"N-7", "情况说明缺少以下内容：一般公共预算基本支出情况、“三公”经费情况、政府性基金预算支出情况、预算绩效管理情况、机关运行经费、政府采购情况、国有资产占有使用情况", 9,
			"三、部门预算情况说明 has four sections (收支, 收入, 支出, 财政拨款支出, pp9–12) and nothing on the others"},
	},
	"swu-2021-2023-2024/2023年度": {
		{"N-7", "情况说明缺少以下内容：一般公共预算基本支出情况、“三公”经费情况、机关运行经费、政府采购情况、国有资产占有使用情况", 11,
			"the 情况说明 (pp11–14) speaks of 收支, 收入, 支出, 财政拨款 and 政府性基金/绩效 only"},
	},
}

func TestCorpusErrorsAreRealDefects(t *testing.T) {
	testCorpusFindings(t, check.Error, corpusDefects)
}

func TestCorpusWarningsAreTrue(t *testing.T) {
	testCorpusFindings(t, check.Warning, corpusWarnings)
}

// testCorpusFindings: the findings of a severity on every corpus document
// are exactly those listed for it.
func testCorpusFindings(t *testing.T, sev check.Severity, listed map[string][]realDefect) {
	for _, want := range corpusDocs {
		name := want.folder + "/" + want.file
		t.Run(name, func(t *testing.T) {
			d, _, err := Read(corpus.PDF(want.folder, want.file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			defects := listed[name]
			found := make([]bool, len(defects))
			for _, f := range check.Document(d).Findings {
				if f.Severity != sev {
					continue
				}
				known := false
				for i, dft := range defects {
					if !found[i] && f.Rule == dft.rule && strings.Contains(f.Message, dft.message) {
						found[i], known = true, true
						break
					}
				}
				if !known {
					t.Errorf("%s %s not known as true of the document: %s", sev, f.Rule, f.Message)
				}
			}
			for i, dft := range defects {
				if !found[i] {
					t.Errorf("the finding on page %d (%s) is no longer raised: %s %s", dft.page, dft.reason, dft.rule, dft.message)
				}
			}
		})
	}
}
