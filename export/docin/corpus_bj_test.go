package docin

import "yusuan/forms"

// 北京市审计局 2026年度部门预算 (北京 family, published as two files):
// 附件2 报表 (预算01–13表, 万元 with six decimals), transcribed from its
// rendered pages 1–21, and 附件1 情况说明 (text only), from its pages 1–10.
//
// 预算03表 prints every 功能 × 政府经济 × 部门经济 code triple, 预算05表
// repeats its 功能 codes block after block (one block per unit, no unit
// lines), 预算06表 pairs 政府经济 and 部门经济 codes (30108 under 50102
// and again under 50501): none of them can be read as its kind, so they are
// kept as printed.
func init() {
	corpusDocs = append(corpusDocs,
		corpusDoc{
			folder: "bj-2026-shenjiju", file: "附件2", name: "北京市审计局", year: 2026, level: forms.LevelDept,
			tables: []wantTable{
				{"预算01表 收支总表", []int{1}, "万元", forms.KindSummary, "32,852.053832"},
				{"预算02表 收入总表", []int{2}, "万元", forms.KindIncome, "32,852.053832"},
				{"预算03表 支出总表", []int{3}, "万元", forms.KindPrinted, "32,852.053832"},
				{"预算04表 财政拨款收支总表", []int{4}, "万元", forms.KindFiscal, "32,801.936639"},
				{"预算05表 一般公共预算支出表", []int{5}, "万元", forms.KindPrinted, "32,801.936639"},
				{"预算06表 一般公共预算基本支出表", []int{6}, "万元", forms.KindPrinted, "25,218.537585"},
				{"预算07表 政府性基金预算支出表", []int{7}, "万元", forms.KindFund, ""},
				{"预算08表 国有资本经营预算支出表", []int{8}, "万元", forms.KindSOE, ""},
				{"预算09表 财政拨款“三公”经费支出表", []int{9}, "万元", forms.KindSangong, "244.848000"},
				{"预算10表 政府采购预算明细表", []int{10}, "万元", forms.KindPrinted, "4,988.729130"},
				{"预算11表 财政拨款政府购买服务明细表", []int{11}, "万元", forms.KindPrinted, "3,756.180280"},
				{"预算表12 项目支出绩效目标表", []int{12, 13, 14, 15, 16, 17, 18, 19}, "万元", forms.KindPrinted, ""},
				{"预算13表 部门整体支出绩效目标表", []int{20, 21}, "万元", forms.KindPrinted, ""},
			},
		},
		corpusDoc{
			folder: "bj-2026-shenjiju", file: "附件1", name: "北京市审计局", year: 2026, level: forms.LevelDept,
			sections: []string{
				"一、部门情况说明",
				"（一）本部门职责情况",
				"（二）机构设置情况",
				"二、收入预算情况说明",
				"三、支出预算情况说明",
				"四、财政拨款“三公”经费预算情况说明",
				"（一）因公出国（境）费用",
				"五、其他情况说明",
				"（一）政府采购预算说明",
				"（二）机关运行经费说明",
				"（三）国有资产占用情况说明",
				"六、名词解释",
			},
		},
	)
}
