package docin

import "yusuan/forms"

// 国家信访局 2026年度部门预算 (中央部门 family, 部门公开表 1–9 and three
// 项目绩效目标表 inside the 情况说明), transcribed from its rendered pages
// 5–16, 17–32. The 一般公共预算支出表 prints 2025 执行数, 2026 预算数 and
// their differences; its grand total is the 2026 年初预算数 小计. The
// 绩效目标表 print no unit line (项目资金 is in 万元).
func init() {
	corpusDocs = append(corpusDocs, corpusDoc{
		folder: "central-2026-guojiaxinfangju", name: "国家信访局", year: 2026, level: forms.LevelDept,
		tables: []wantTable{
			{"部门收支总表", []int{5}, "万元", forms.KindSummary, "50,616.94"},
			{"部门收入总表", []int{6}, "万元", forms.KindIncome, "50,616.94"},
			{"部门支出总表", []int{7, 8}, "万元", forms.KindExpense, "50,616.94"},
			{"财政拨款收支总表", []int{9}, "万元", forms.KindFiscal, "18,728.94"},
			{"一般公共预算支出表", []int{10, 11}, "万元", forms.KindGeneral, "16,474.82"},
			{"一般公共预算基本支出表", []int{12, 13}, "万元", forms.KindBasic, "9,880.88"},
			{"政府性基金预算支出表", []int{14}, "万元", forms.KindFund, ""},
			{"国有资本经营预算支出表", []int{15}, "万元", forms.KindSOE, ""},
			{"财政拨款预算“三公”经费支出表", []int{16}, "万元", forms.KindSangong, "112.61"},
			{"信息化运行维护绩效目标表", []int{30}, "万元", forms.KindPrinted, ""},
			{"信访综合保障经费绩效目标表", []int{31}, "万元", forms.KindPrinted, ""},
			{"信访业务培训绩效目标表", []int{32}, "万元", forms.KindPrinted, ""},
		},
		general: &wantGeneral{
			lines: 26,
			first: wantLine{"201", "一般公共服务支出", []string{"33,586.67", "10,044.47", "13,144.37", "6,668.44", "6,475.93", "-20,442.30", "-60.86%", "3,099.90", "30.86%"}},
			last:  wantLine{"2210203", "购房补贴", []string{"331.00", "341.00", "10.00", "3.02%"}},
		},
		sections: []string{
			"一、关于部门收支总表的说明",
			"四、关于财政拨款收支总表的说明",
			"五、关于一般公共预算支出表的说明",
			"七、关于一般公共预算“三公”经费支出表的说明",
			"八、其他事项说明",
		},
	})
}
