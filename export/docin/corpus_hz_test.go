package docin

import "yusuan/forms"

// 杭州市气象局 2026年度部门预算 (浙江 family, 表1–表11, names without
// codes), transcribed from its rendered pages 15–25. Its class tables print
// names only: until names are matched to the catalogue (decision 39) the
// 支出预算总表, 一般公共预算支出预算表 and 基本支出预算表 stay printed, so
// there is no 一般公共预算支出表 to count lines of.
func init() {
	corpusDocs = append(corpusDocs, corpusDoc{
		folder: "hz-2026-qixiangju", name: "杭州市气象局", year: 2026, level: forms.LevelDept,
		tables: []wantTable{
			{"表1：2026年市级部门收支预算总表", []int{15}, "万元", forms.KindSummary, "5,876.67"},
			{"表2：2026年市级部门收入预算总表", []int{16}, "万元", forms.KindIncome, "5,876.67"},
			{"表3：2026年市级部门支出预算总表", []int{17}, "万元", forms.KindPrinted, "5,876.67"},
			{"表4：2026年市级部门财政拨款收支预算总表", []int{18}, "万元", forms.KindFiscal, "5,753.07"},
			{"表5：2026年市级部门一般公共预算支出预算表", []int{19}, "万元", forms.KindPrinted, "5,753.07"},
			{"表6：2026年市级部门一般公共预算基本支出预算表", []int{20}, "万元", forms.KindPrinted, "3,745.07"},
			{"表7：2026年市级部门一般公共预算“三公”经费预算表", []int{21}, "万元", forms.KindSangong, "24.02"},
			{"表8：2026年市级部门政府性基金预算支出预算表", []int{22}, "万元", forms.KindFund, ""},
			{"表9：2026年市级部门国有资本经营预算支出预算表", []int{23}, "万元", forms.KindSOE, ""},
			{"表10：2026年市级部门项目支出预算表", []int{24}, "万元", forms.KindPrinted, "2,131.61"},
			{"表11：2026年市级部门项目支出绩效表", []int{25}, "万元", forms.KindPrinted, ""},
		},
		sections: []string{
			"（一）收支预算情况的总体说明",
			"（二）收入预算情况说明",
			"（三）支出预算情况说明",
			"（四）财政拨款收支预算情况的总体说明",
			"（五）一般公共预算当年拨款情况说明",
			"（六）一般公共预算基本支出情况说明",
			"（七）一般公共预算“三公”经费预算情况说明",
			"（十）其他重要事项的情况说明",
		},
	})
}
