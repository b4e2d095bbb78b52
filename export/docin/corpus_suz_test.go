package docin

import "yusuan/forms"

// 苏州市审计局 2026年度部门预算 (江苏 city family, 公开01–13表), transcribed
// from its rendered pages 8–33.
//
// Kinds: 公开05表 财政拨款支出表（功能科目） and 公开06表 财政拨款基本支出表
// （经济科目） cover all 财政拨款, not the 一般公共预算 alone: kept as printed
// (the 一般公共预算 ones are 公开07/08表). 公开02表 prints 部门代码 lines (024,
// 024001) under its 合计 line. 公开10表 and 公开11表 print an empty 合计 line
// and a note “故本表无数据”: empty.
//
// The 情况说明's heading 九 is printed across the page break (page 28
// ends “…培训费支出预算情”, page 29 begins “况说明”).
func init() {
	corpusDocs = append(corpusDocs, corpusDoc{
		folder: "suz-2026-shenjiju", file: "审计局", name: "苏州市审计局", year: 2026, level: forms.LevelDept,
		tables: []wantTable{
			{"收支总表", []int{9}, "万元", forms.KindSummary, "4,651.67"},
			{"收入总表", []int{10}, "万元", forms.KindIncome, "4,651.67"},
			{"支出总表", []int{11}, "万元", forms.KindExpense, "4,651.67"},
			{"财政拨款收支总表", []int{12, 13}, "万元", forms.KindFiscal, "4,651.67"},
			{"财政拨款支出表（功能科目）", []int{14}, "万元", forms.KindPrinted, "4,651.67"},
			{"财政拨款基本支出表（经济科目）", []int{15}, "万元", forms.KindPrinted, "4,312.17"},
			{"一般公共预算支出表", []int{16}, "万元", forms.KindGeneral, "4,651.67"},
			{"一般公共预算基本支出表", []int{17}, "万元", forms.KindBasic, "4,312.17"},
			{"一般公共预算“三公”经费、会议费、培训费支出表", []int{18}, "万元", forms.KindSangong, "10.00"},
			{"政府性基金预算支出表", []int{19}, "万元", forms.KindFund, ""},
			{"国有资本经营预算支出预算表", []int{20}, "万元", forms.KindSOE, ""},
			{"一般公共预算机关运行经费支出预算表", []int{21}, "万元", forms.KindPrinted, "395.60"},
			{"政府采购支出表", []int{22}, "万元", forms.KindPrinted, "188.50"},
		},
		general: &wantGeneral{
			// 合计 + 201 (5 lines), 208 (4), 221 (5)
			lines: 15,
			first: wantLine{"201", "一般公共服务支出", []string{"2,906.63", "2,567.13", "2,171.53", "395.60", "339.50"}},
			last:  wantLine{"2210203", "购房补贴", []string{"401.97"}},
		},
		sections: []string{
			"第三部分 2026 年度部门预算情况说明",
			"一、收支预算总体情况说明",
			"二、收入预算情况说明",
			"三、支出预算情况说明",
			"四、财政拨款收支预算总体情况说明",
			"五、财政拨款支出预算情况说明",
			"六、财政拨款基本支出预算情况说明",
			"七、一般公共预算支出预算情况说明",
			"八、一般公共预算基本支出预算情况说明",
			"九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明",
			"十、政府性基金预算支出预算情况说明",
			"十一、国有资本经营预算支出预算情况说明",
			"十二、一般公共预算机关运行经费支出预算情况说明",
			"十三、政府采购支出预算情况说明",
			"十四、国有资产占用情况说明",
			"十五、预算绩效目标设置情况说明",
		},
	})
}
