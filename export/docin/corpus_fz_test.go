package docin

import "yusuan/forms"

// 福州经济技术开发区生态环境局 2026年度单位预算 (福建 单位预算 family, tables
// 一–十), transcribed from its rendered pages 7–24. Each table's title is
// the line under its section heading (一、收支预算总表 …); the project's
// 绩效目标表 is printed in the 情况说明 (pages 23–24).
func init() {
	corpusDocs = append(corpusDocs, corpusDoc{
		folder: "fz-2026-kfq-shengtaihuanjing", name: "福州经济技术开发区生态环境局", year: 2026, level: forms.LevelUnit,
		tables: []wantTable{
			{"2026 年度收支预算总表", []int{7}, "万元", forms.KindSummary, "1369.27"},
			{"2026 年度收入预算总表", []int{8}, "万元", forms.KindIncome, "1369.27"},
			{"2026 年度支出预算总表", []int{9}, "万元", forms.KindExpense, "1369.27"},
			{"2026 年度财政拨款收支预算总表", []int{10}, "万元", forms.KindFiscal, "1369.27"},
			{"2026 年度一般公共预算拨款支出预算表", []int{11}, "万元", forms.KindGeneral, "1369.27"},
			// empty: 合计 0.00 and the note
			{"2026 年度政府性基金预算拨款支出预算表", []int{12}, "万元", forms.KindFund, ""},
			{"2026 年度国有资本经营预算拨款支出预算表", []int{13}, "万元", forms.KindSOE, ""},
			// all of the 一般公共预算 by economic 类: no kind
			{"2026 年度一般公共预算支出经济分类情况表", []int{14}, "万元", forms.KindPrinted, "1369.27"},
			{"2026 年度一般公共预算基本支出经济分类情况表", []int{15, 16, 17}, "万元", forms.KindBasic, "1063.27"},
			// 项目 | 预算数: the 三公 items as lines
			{"2026 年度一般公共预算“三公”经费支出预算表", []int{18}, "万元", forms.KindSangong, "19.50"},
			{"环境管理监察监测经费项目绩效目标表", []int{23, 24}, "万元", forms.KindPrinted, ""},
		},
		general: &wantGeneral{
			lines: 18,
			first: wantLine{"208", "社会保障和就业支出", []string{"177.58"}},
			last:  wantLine{"2210203", "购房补贴", []string{"37.37"}},
		},
		sections: []string{
			"一、预算收支总体情况",
			"二、一般公共预算拨款支出情况",
			"三、政府性基金预算拨款支出情况",
			"四、国有资本经营预算拨款支出情况",
			"五、一般公共预算拨款基本支出情况",
			"六、一般公共预算“三公”经费支出情况",
			"七、预算绩效目标情况",
			"八、其他重要事项说明",
		},
	})
}
