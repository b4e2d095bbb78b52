package docin

import "yusuan/forms"

// 江苏省高级人民法院 2019年度部门预算公开 (江苏 2019 family, 公开01–12表
// in one Word PDF), transcribed from its rendered pages 8–17 (tables) and
// 17–25 (情况说明). The 收支预算总表 prints three column groups (收入 |
// 功能分类 | 支出用途); the 收入预算总表 lists the sources as rows (no codes:
// kept as printed); the 支出预算总表 is one line of 合计/基本/项目/单位预留
// 机动经费; the 财政拨款… tables are not 一般公共预算 tables (kept as
// printed). The 三公 table adds 会议费 and 培训费: its 合计 2,382.02 is
// theirs too, the “三公” total is 小计 513.75. The 政府性基金 table prints
// only "合 计 0" (empty).
func init() {
	corpusDocs = append(corpusDocs, corpusDoc{
		folder: "js-prov-2019-gaofayuan", name: "江苏省高级人民法院", year: 2019, level: forms.LevelDept,
		tables: []wantTable{
			{"收支预算总表", []int{8}, "万元", forms.KindSummary, "37,188.34"},
			{"收入预算总表", []int{9}, "万元", forms.KindPrinted, "37,188.34"},
			{"支出预算总表", []int{9}, "万元", forms.KindExpense, "37,188.34"},
			{"财政拨款收支预算总表", []int{10}, "万元", forms.KindFiscal, "37,188.34"},
			{"财政拨款支出预算表（功能科目）", []int{10}, "万元", forms.KindPrinted, "37,188.34"},
			{"财政拨款基本支出预算表（经济科目）", []int{11}, "万元", forms.KindPrinted, "21,968.00"},
			{"一般公共预算支出预算表（功能科目）", []int{12}, "万元", forms.KindGeneral, "37,188.34"},
			{"一般公共预算基本支出预算表（经济科目）", []int{13}, "万元", forms.KindBasic, "21,968.00"},
			{"“三公”经费、会议费、培训费支出预算表", []int{14}, "万元", forms.KindSangong, "513.75"},
			{"政府性基金预算财政拨款支出预算表", []int{14}, "万元", forms.KindFund, ""},
			{"一般公共预算机关运行经费支出预算表", []int{15}, "万元", forms.KindPrinted, "3,580.05"},
			{"政府采购支出预算表", []int{16, 17}, "万元", forms.KindPrinted, "5,227.59"},
		},
		general: &wantGeneral{
			lines: 18,
			first: wantLine{"204", "公共安全支出", []string{"27,488.23"}},
			last:  wantLine{"2210202", "提租补贴", []string{"5,465.10"}},
		},
		sections: []string{
			"一、收支预算总体情况说明",
			"二、收入预算情况说明",
			"三、支出预算情况说明",
			"四、财政拨款收支预算总体情况说明",
			"十二、政府采购支出预算情况说明",
			"十四、预算绩效目标设置情况说明",
		},
	})
}
