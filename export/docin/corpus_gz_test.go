package docin

import "yusuan/forms"

// 广州市气象局 2026年部门预算 (广东 收支总体情况表 family, 表1–表12,
// [2010101]-style codes in the name cell), transcribed from its rendered
// pages 3–29.
//
// Kinds: 表6 一般公共预算基本支出情况表 prints the economic codes with one
// 预算 column (no 人员经费/公用经费 split): the kind's 合计 alone. 表8
// prints the “三公” items as lines (“三公”经费, （一）因公出国（境）支出,
// （二）公务用车购置及运行维护支出, 1./2., （三）公务接待费支出, and a
// 行政经费 line) by fund column: the kind's content, turned on its side; its
// “三公” total is 26.11. 表7, 表11 and 表12 have no kind (表11/表12 are per
// unit, 表12 carries a 绩效目标 text column). 表9 and 表10 print a 合计 of
// 0.00 and “本表本年无发生额”: empty.
func init() {
	corpusDocs = append(corpusDocs, corpusDoc{
		folder: "gz-2026-qixiangju", file: "气象局", name: "广州市气象局", year: 2026, level: forms.LevelDept,
		tables: []wantTable{
			{"收支总体情况表", []int{5, 6}, "万元", forms.KindSummary, "7,651.71"},
			{"收入总体情况表", []int{7}, "万元", forms.KindIncome, "7,651.71"},
			{"本年支出总体情况表", []int{8, 9}, "万元", forms.KindExpense, "7,651.71"},
			{"财政拨款收支总体情况表", []int{10, 11}, "万元", forms.KindFiscal, "7,651.71"},
			{"一般公共预算支出情况表（按功能分类科目）", []int{12, 13}, "万元", forms.KindGeneral, "7,651.71"},
			{"一般公共预算基本支出情况表（按经济分类科目）", []int{14, 15}, "万元", forms.KindBasic, "6,146.33"},
			{"一般公共预算项目支出情况表（按经济分类科目）", []int{16}, "万元", forms.KindPrinted, "1,505.38"},
			{"财政拨款安排的行政经费及“三公”经费预算表", []int{17}, "万元", forms.KindSangong, "26.11"},
			{"政府性基金预算支出情况表", []int{18}, "万元", forms.KindFund, ""},
			{"国有资本经营预算支出情况表", []int{19}, "万元", forms.KindSOE, ""},
			{"部门预算基本支出预算表", []int{20, 21}, "万元", forms.KindPrinted, "6,146.33"},
			{"部门预算项目支出及其他支出预算表", []int{22, 23, 24}, "万元", forms.KindPrinted, "1,505.38"},
		},
		general: &wantGeneral{
			// 合计 + 206 (3 lines), 208 (6), 210 (3), 220 (9), 221 (4)
			lines: 26,
			first: wantLine{"206", "科学技术支出", []string{"53.44", "0.00"}},
			last:  wantLine{"2210203", "购房补贴", []string{"1,257.35", "0.00"}},
		},
		sections: []string{
			"第三部分 2026年部门预算情况说明",
			"一、部门预算收支增减变化情况",
			"二、“三公”经费安排情况",
			"三、机关运行经费安排情况",
			"四、政府采购情况",
			"五、国有资产占有使用情况",
			"六、委托业务费安排情况",
			"七、重点项目预算绩效目标情况",
		},
	})
}
