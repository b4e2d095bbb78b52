package docin

import "yusuan/forms"

// 江苏省人大常委会办公厅 2019 (江苏 2019 family) is published as two PDFs:
// the tables (公开表一–十二, PScript/Distiller, pages rotated to landscape),
// transcribed from its rendered pages 1–13, and the text (部门概况, 情况说明,
// 名词解释, no tables: 第二部分 says only "2019年部门预算公开表附后"),
// transcribed from its rendered pages 1–19. Same layouts as 江苏省高级人民
// 法院: the 收入预算总表 lists sources as rows (kept as printed), the
// 财政拨款… tables are not 一般公共预算 tables, the 三公 table's “三公”
// total is its 小计 767.60 (合计 2,600.71 adds 会议费 and 培训费), the
// 政府性基金 table is empty.
func init() {
	corpusDocs = append(corpusDocs,
		corpusDoc{
			folder: "js-prov-2019-renda", file: "办公厅2019年部门预算公开表",
			name: "江苏省人大常委会办公厅", year: 2019, level: forms.LevelDept,
			tables: []wantTable{
				{"收支预算总表", []int{1}, "万元", forms.KindSummary, "18,330.37"},
				{"收入预算总表", []int{2}, "万元", forms.KindPrinted, "18,330.37"},
				{"支出预算总表", []int{3}, "万元", forms.KindExpense, "18,330.37"},
				{"财政拨款收支预算总表", []int{4}, "万元", forms.KindFiscal, "18,330.37"},
				{"财政拨款支出预算表（功能科目）", []int{5}, "万元", forms.KindPrinted, "18,330.37"},
				{"财政拨款基本支出预算表（经济科目）", []int{6}, "万元", forms.KindPrinted, "9,312.90"},
				{"一般公共预算支出预算表（功能科目）", []int{7}, "万元", forms.KindGeneral, "18,330.37"},
				{"一般公共预算基本支出预算表（经济科目）", []int{8}, "万元", forms.KindBasic, "9,312.90"},
				{"“三公”经费、会议费、培训费支出预算表", []int{9}, "万元", forms.KindSangong, "767.60"},
				{"财政拨款政府性基金支出预算表", []int{10}, "万元", forms.KindFund, ""},
				{"一般公共预算机关运行经费支出预算表", []int{11}, "万元", forms.KindPrinted, "1,642.08"},
				{"2019年政府采购预算表", []int{12, 13}, "万元", forms.KindPrinted, "2,416.43"},
			},
			general: &wantGeneral{
				lines: 21,
				first: wantLine{"201", "一般公共服务支出", []string{"13,907.78"}},
				last:  wantLine{"2210202", "提租补贴", []string{"2,548.30"}},
			},
		},
		corpusDoc{
			folder: "js-prov-2019-renda", file: "人大常委会2019年度部门预算公开",
			name: "江苏省人大常委会办公厅", year: 2019, level: forms.LevelDept,
			sections: []string{
				"一、收支预算总体情况说明",
				"二、收入预算情况说明",
				"三、支出预算情况说明",
				"四、财政拨款收支预算总体情况说明",
				"七、一般公共预算支出预算情况说明",
				"十二、政府采购支出预算情况说明",
				"十四、预算绩效目标设置情况说明",
			},
		},
	)
}
