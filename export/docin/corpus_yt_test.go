package docin

import "yusuan/forms"

// 烟台市信访局 2026年部门预算 (山东 family, 公开表1–12, codes in 类/款/项
// columns), transcribed from its rendered pages 6–32. The 基本支出 tables
// print each 部门经济 code once per 政府经济 class (301 under 501 and again
// under 505), so they are kept as printed. The 政策和项目预算绩效目标表 are
// printed in the 情况说明 (pages 30–32, one per project under one title).
func init() {
	corpusDocs = append(corpusDocs, corpusDoc{
		folder: "yt-2026-xinfangju", name: "烟台市信访局", year: 2026, level: forms.LevelDept,
		tables: []wantTable{
			{"收支总体情况表", []int{6}, "万元", forms.KindSummary, "1,717.85"},
			{"收入总体情况表", []int{7, 8}, "万元", forms.KindIncome, "1,717.85"},
			{"支出总体情况表", []int{9, 10}, "万元", forms.KindExpense, "1,717.85"},
			// printed empty, with the note 2026年没有使用财政拨款收入和支出
			{"财政拨款收支总体情况表", []int{11, 12}, "万元", forms.KindFiscal, ""},
			{"一般公共预算支出情况表", []int{13, 14}, "万元", forms.KindGeneral, "1,717.85"},
			{"一般公共预算基本支出情况表", []int{15, 16, 17}, "万元", forms.KindPrinted, "1,192.85"},
			// 2025年预算数 | 2026年预算数; the total is 2026's 合计
			{"一般公共预算“三公”经费支出情况表", []int{18}, "万元", forms.KindSangong, "17.00"},
			{"政府性基金预算支出情况表", []int{19}, "万元", forms.KindFund, ""},
			{"国有资本经营预算支出情况表", []int{20}, "万元", forms.KindSOE, ""},
			{"基本支出预算情况表", []int{21, 22, 23}, "万元", forms.KindPrinted, "1,192.85"},
			{"项目支出预算情况表", []int{24}, "万元", forms.KindPrinted, "525.00"},
			{"政府采购预算表", []int{25}, "万元", forms.KindPrinted, "71.89"},
			{"政策和项目预算绩效目标表", []int{30, 31, 32}, "万元", forms.KindPrinted, ""},
		},
		general: &wantGeneral{
			lines: 24,
			first: wantLine{"201", "一般公共服务支出", []string{"1,378.84", "854.84", "752.00", "102.84", "524.00"}},
			last:  wantLine{"2210201", "住房公积金", []string{"87.86"}},
		},
		sections: []string{
			"一、预算收支增减变化情况说明",
			"二、“三公”经费支出情况",
			"三、机关运行经费情况",
			"五、政府采购情况",
			"七、预算绩效管理情况说明",
			"八、其他特殊事项说明",
		},
	})
}
