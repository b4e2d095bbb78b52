package docin

import "yusuan/forms"

// 上海市审计局 2026年市级单位预算 (上海 family: 类/款/项 code columns,
// tables 1–8 in 元, the “三公” table in 万元), transcribed from its rendered
// pages 6–20.
//
// The 财务收支预算总表 (page 7) prints no figure beside 收入总计; its grand
// total as printed is the 支出总计 195,774,300 (= 一、财政拨款收入).
func init() {
	corpusDocs = append(corpusDocs, corpusDoc{
		folder: "sh-muni-2026-shenjiju", file: "上海市审计局", name: "上海市审计局", year: 2026, level: forms.LevelUnit,
		tables: []wantTable{
			{"2026年预算单位财务收支预算总表", []int{7}, "元", forms.KindSummary, "195,774,300"},
			{"2026年预算单位收入预算总表", []int{8, 9}, "元", forms.KindIncome, "195,774,300"},
			{"2026年预算单位支出预算总表", []int{10, 11}, "元", forms.KindExpense, "195,774,300"},
			{"2026年预算单位财政拨款收支预算总表", []int{12}, "元", forms.KindFiscal, "195,774,300"},
			{"2026年预算单位一般公共预算支出功能分类预算表", []int{13, 14}, "元", forms.KindGeneral, "195,774,300"},
			{"2026年预算单位政府性基金预算支出功能分类预算表", []int{15}, "元", forms.KindFund, ""},
			{"2026年预算单位国有资本经营预算支出功能分类预算表", []int{16}, "元", forms.KindSOE, ""},
			{"2026年预算单位一般公共预算基本支出部门预算经济分类预算表", []int{17, 18}, "元", forms.KindBasic, "175,071,300"},
			{"2026年单位“三公”经费和机关运行经费预算表", []int{19}, "万元", forms.KindSangong, "237.92"},
		},
		general: &wantGeneral{
			// 合计 + 201 (6 lines), 208 (8), 210 (5), 221 (4)
			lines: 24,
			first: wantLine{"201", "一般公共服务支出", []string{"134,339,860", "114,479,860", "19,860,000"}},
			last:  wantLine{"2210203", "购房补贴", []string{"17,800,000"}},
		},
		sections: []string{
			"2026年单位预算编制说明",
			"其他相关情况说明",
			"一、2026年“三公”经费预算情况说明",
			"二、机关运行经费预算",
			"三、政府采购预算情况",
			"四、绩效目标设置情况",
			"五、国有资产占有使用情况",
		},
	})
}
