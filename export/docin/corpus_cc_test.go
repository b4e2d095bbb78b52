package docin

import "yusuan/forms"

// 长春市信访局 2026年部门预算 (吉林 family, 预算表1–11), transcribed from
// its rendered pages 6–16.
func init() {
	corpusDocs = append(corpusDocs, corpusDoc{
		folder: "cc-2026-xinfangju", name: "长春市信访局", year: 2026, level: forms.LevelDept,
		tables: []wantTable{
			{"收支总表（预算表 1）", []int{6}, "万元", forms.KindSummary, "1682.76"},
			{"收入总表(预算表 2)", []int{7}, "万元", forms.KindIncome, "1682.76"},
			{"支出总表（预算表 3）", []int{8}, "万元", forms.KindExpense, "1682.76"},
			{"财政拨款收支总表(预算表 4)", []int{9}, "万元", forms.KindFiscal, "1682.76"},
			{"本年一般公共预算支出表（预算表 5）", []int{10}, "万元", forms.KindGeneral, "1682.76"},
			{"本年一般公共预算基本支出表(预算表 6)", []int{11}, "万元", forms.KindBasic, "1208.20"},
			{"本年一般公共预算“三公”经费支出表(预算表 7)", []int{12}, "万元", forms.KindSangong, "7.61"},
			{"本年政府性基金预算支出表(预算表 8)", []int{13}, "万元", forms.KindFund, ""},
			{"项目支出表(预算表 9)", []int{14}, "万元", forms.KindPrinted, "474.56"},
			{"国有资本经营预算支出明细表(预算表 10)", []int{15}, "万元", forms.KindSOE, ""},
			{"长春市信访局 2026 年项目支出绩效目标表预算表（预算表 11）", []int{16}, "万元", forms.KindPrinted, ""},
		},
		general: &wantGeneral{
			lines: 16,
			first: wantLine{"201", "一般公共服务支出", []string{"1378.41", "903.85", "692.85", "211.00", "474.56"}},
			last:  wantLine{"2210201", "住房公积金", []string{"93.27", "0.00"}},
		},
	})
}
