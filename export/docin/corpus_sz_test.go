package docin

import "yusuan/forms"

// 深圳市统计局（本级） 2026年部门预算 (深圳 family: 表1–表11, a 预算单位
// column whose unit line stands in for the 合计 line), transcribed from its
// rendered pages 4–34.
//
// Kinds: 表3 支出总表 adds a group of 2026年政府采购项目 columns to the
// 支出总表's own; 表4 基本支出总表 and 表5 项目支出总表 have no kind (names
// without codes, by fund); 表8 一般公共预算支出表（按经济分类） holds all of
// the 一般公共预算 (基本 and 项目, 5,417.80), not the 基本支出 by 人员/公用
// of the 基本支出表, so it is kept as printed; 表9 prints the “三公” by year
// (2025 年, 2026 年, 增减变化金额) × fund: its 2026 年 一般公共预算 line is
// the kind's 本年预算数. 表10 and 表11 print a unit line of 0.00 and
// “本表本年无发生额”: empty.
func init() {
	corpusDocs = append(corpusDocs, corpusDoc{
		folder: "sz-2026-tongjiju", file: "统计局", name: "深圳市统计局（本级）", year: 2026, level: forms.LevelDept,
		tables: []wantTable{
			{"收支总表", []int{16, 17}, "万元", forms.KindSummary, "5,417.80"},
			{"收入总表", []int{18}, "万元", forms.KindIncome, "5,417.80"},
			{"支出总表", []int{19, 20, 21}, "万元", forms.KindExpense, "5,417.80"},
			{"基本支出总表", []int{22, 23}, "万元", forms.KindPrinted, "4,104.00"},
			{"项目支出总表", []int{24}, "万元", forms.KindPrinted, "1,313.80"},
			{"财政拨款收支总表", []int{25, 26}, "万元", forms.KindFiscal, "5,417.80"},
			{"一般公共预算支出表（按功能分类）", []int{27, 28}, "万元", forms.KindGeneral, "5,417.80"},
			{"一般公共预算支出表（按经济分类）", []int{29, 30, 31}, "万元", forms.KindPrinted, "5,417.80"},
			{"财政拨款“三公”经费支出表", []int{32}, "万元", forms.KindSangong, "32.56"},
			{"政府性基金预算支出表", []int{33}, "万元", forms.KindFund, ""},
			{"国有资本经营预算支出表", []int{34}, "万元", forms.KindSOE, ""},
		},
		general: &wantGeneral{
			// the unit line (as 合计) + 201 (6 lines), 205 (3), 208 (5), 210 (3), 221 (4)
			lines: 22,
			first: wantLine{"201", "一般公共服务支出", []string{"3,478.72", "2,357.92", "1,120.80"}},
			last:  wantLine{"2210203", "购房补贴", []string{"882.72", "0.00"}},
		},
		sections: []string{
			"第一部分 部门概况",
			"第二部分 部门预算收支总体情况",
			"第三部分 部门预算支出具体情况",
			"第四部分 政府采购预算情况",
			"第五部分 财政拨款“三公”经费预算情况",
			"第六部分 部门预算绩效管理情况",
			"第七部分 重点项目预算绩效情况说明",
			"第八部分 其他需要说明情况",
			"一、机关运行经费",
			"二、国有资产占用情况",
		},
	})
}
