package docin

import "yusuan/forms"

// 西安市统计局 2026年部门综合预算 (陕西 family, 表1–表16 in 元, 52 pages),
// transcribed from its rendered pages 21–52. The 会议费/培训费明细表 are
// printed in the 情况说明 (page 21, 万元); the 报表目录 on page 25 is a
// list of the tables, not a table; 表14 is one 绩效目标表 per project on
// pages 40–49 under the one title, listed once in the 报表目录.
func init() {
	corpusDocs = append(corpusDocs, corpusDoc{
		folder: "xa-2026-tongjiju", name: "西安市统计局", year: 2026, level: forms.LevelDept,
		tables: []wantTable{
			{"会议费明细表", []int{21}, "万元", forms.KindPrinted, ""},
			{"培训费明细表", []int{21}, "万元", forms.KindPrinted, ""},
			{"部门综合预算收支总表", []int{26}, "元", forms.KindSummary, "62,109,297.20"},
			{"部门综合预算收入总表", []int{27}, "元", forms.KindIncome, "62,109,297.20"},
			// rows per unit, columns per source of funds: not the 支出总表's columns
			{"部门综合预算支出总表", []int{28}, "元", forms.KindPrinted, "62,109,297.20"},
			{"部门综合预算财政拨款收支总表", []int{29}, "元", forms.KindFiscal, "62,109,297.20"},
			{"部门综合预算一般公共预算支出明细表（按支出功能分类科目）", []int{30}, "元", forms.KindGeneral, "62,109,297.20"},
			{"部门综合预算一般公共预算支出明细表（按支出经济分类科目）", []int{31, 32}, "元", forms.KindPrinted, "62,109,297.20"},
			{"部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）", []int{33}, "元", forms.KindPrinted, "36,701,197.20"},
			{"部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）", []int{34}, "元", forms.KindBasic, "36,701,197.20"},
			// a two-sided 收支 table, empty
			{"部门综合预算政府性基金收支表", []int{35}, "元", forms.KindPrinted, ""},
			{"部门综合预算专项业务经费支出表", []int{36}, "元", forms.KindPrinted, "25,408,100.00"},
			{"部门综合预算财政拨款上年结转资金支出表", []int{37}, "元", forms.KindPrinted, ""},
			{"部门综合预算政府采购（资产配置、购买服务）预算表", []int{38}, "元", forms.KindPrinted, "18,712,700.00"},
			// 上年 / 当年 / 增减; the 当年 “三公” 小计 (its 合计 column adds 会议费 and 培训费)
			{"部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表", []int{39}, "元", forms.KindSangong, "81,000.00"},
			{"部门专项业务经费绩效目标表", []int{40, 41, 42, 43, 44, 45, 46, 47, 48, 49}, "万元", forms.KindPrinted, ""},
			{"部门整体支出绩效目标表", []int{50, 51}, "万元", forms.KindPrinted, ""},
			{"专项资金总体绩效目标表", []int{52}, "万元", forms.KindPrinted, ""},
		},
		general: &wantGeneral{
			lines: 24,
			first: wantLine{"201", "一般公共服务支出", []string{"50,037,708.13", "23,326,991.96", "2,052,616.17", "24,658,100.00"}},
			last:  wantLine{"2210203", "购房补贴", []string{"1,357,104.52"}},
		},
		sections: []string{
			"五、收支预算总体情况说明",
			"六、财政拨款收支情况说明",
			"七、一般公共预算拨款支出明细情况说明",
			"八、政府性基金预算支出情况说明",
			"十、“三公”经费及会议费、培训费情况说明",
			"十二、政府采购情况说明",
			"十四、机关运行经费安排情况说明",
		},
	})
}
