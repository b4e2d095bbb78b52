package docin

import "yusuan/forms"

// 长沙市信访局 2026年部门预算 (湖南 family, tables 1–10, codes in 类/款/项
// columns), transcribed from its rendered pages 12–32.
func init() {
	corpusDocs = append(corpusDocs, corpusDoc{
		folder: "cs-2026-xinfangju", name: "长沙市信访局", year: 2026, level: forms.LevelDept,
		tables: []wantTable{
			{"2026年部门收支总体情况表", []int{12}, "万元", forms.KindSummary, "1,935.36"},
			{"2026年部门收入总体情况表", []int{13}, "万元", forms.KindIncome, "1,935.36"},
			{"2026年部门支出总体情况表", []int{14}, "万元", forms.KindExpense, "1,935.36"},
			{"2026年财政拨款收支总体情况表", []int{15, 16}, "万元", forms.KindFiscal, "1,935.36"},
			{"2026年一般公共预算支出情况表", []int{17}, "万元", forms.KindGeneral, "1,935.36"},
			{"2026年一般公共预算基本支出情况表", []int{18, 19}, "万元", forms.KindBasic, "1,517.95"},
			{"2026年一般公共预算“三公”经费支出情况表", []int{20}, "万元", forms.KindSangong, "8.00"},
			{"2026年政府性基金预算支出情况表", []int{21}, "万元", forms.KindFund, ""},
			{"2026年项目支出绩效目标表", []int{22, 23, 24, 25, 26, 27, 28, 29}, "万元", forms.KindPrinted, "417.41"},
			{"2026年部门整体支出绩效目标表", []int{30, 31, 32}, "万元", forms.KindPrinted, ""},
		},
		general: &wantGeneral{
			lines: 5,
			first: wantLine{"201", "一般公共服务支出", []string{"1,935.36", "1,517.95", "417.41"}},
			last:  wantLine{"2014004", "信访业务", []string{"417.41"}},
		},
		sections: []string{
			"三、部门收支总体情况",
			"四、一般公共预算拨款支出",
			"五、政府性基金预算支出",
			"六、其他重要事项的情况说明",
		},
	})
}
