package docin

import "yusuan/forms"

// 西南大学 2021 and 2023年度部门预算 (教育部直属高校 family: 收支预算总表,
// 收入预算表, 支出预算表, 财政拨款支出预算表, no 三公 table; 2023 adds
// 五、项目绩效目标表). The 2024 PDF is held out of development (decision 49)
// and not transcribed. The 财政拨款支出预算表 is not a 一般公共预算 table
// (kept as printed), so neither year has a 一般公共预算支出表. The pie
// charts (预算收入构成情况, 预算支出情况构成表, 财政支出情况构成表) are
// not tables. 2021's 收入预算表 prints no unit line (its document's 万元).
// The 2023 绩效目标表 print no unit line (项目资金 is in 万元); most titles
// wrap onto a second line ("…引导专项" / "绩效目标表"), joined here.
func init() {
	corpusDocs = append(corpusDocs,
		// transcribed from its rendered pages 6–12
		corpusDoc{
			folder: "swu-2021-2023-2024", file: "2021年度", name: "西南大学", year: 2021, level: forms.LevelDept,
			tables: []wantTable{
				{"西南大学收支预算总表", []int{6, 7}, "万元", forms.KindSummary, "490,808.40"},
				{"西南大学收入预算表", []int{7}, "万元", forms.KindIncome, "390,140.45"},
				{"西南大学支出预算表", []int{8}, "万元", forms.KindExpense, "415,808.40"},
				{"西南大学财政拨款支出预算表", []int{9}, "万元", forms.KindPrinted, "216,552.53"},
			},
			sections: []string{
				"（一）收支预算情况说明",
				"（二）收入预算情况说明",
				"（三）支出预算情况说明",
				"（四）财政拨款支出预算情况说明",
			},
		},
		// transcribed from its rendered pages 7–13 and 16–40
		corpusDoc{
			folder: "swu-2021-2023-2024", file: "2023年度", name: "西南大学", year: 2023, level: forms.LevelDept,
			tables: []wantTable{
				{"西南大学收支预算总表", []int{7}, "万元", forms.KindSummary, "557,259.13"},
				{"西南大学收入预算表", []int{8}, "万元", forms.KindIncome, "557,259.13"},
				{"西南大学支出预算表", []int{9}, "万元", forms.KindExpense, "468,779.07"},
				{"西南大学财政拨款支出预算表", []int{10}, "万元", forms.KindPrinted, "230,876.38"},
				{"236 中央高校教育教学改革专项绩效目标表", []int{16, 17}, "万元", forms.KindPrinted, ""},
				{"236 中央高校管理改革等绩效拨款绩效目标表", []int{17, 18}, "万元", forms.KindPrinted, ""},
				{"236 中央高校捐赠配比专项绩效目标表", []int{18, 19}, "万元", forms.KindPrinted, ""},
				{"236 中央高校基本科研业务费专项绩效目标表", []int{19, 20}, "万元", forms.KindPrinted, ""},
				{"236 中央高校建设世界一流大学（学科）和特色发展引导专项绩效目标表", []int{20, 21}, "万元", forms.KindPrinted, ""},
				{"236-中央高校改善基本办学条件专项-设备资料购置项目绩效目标表", []int{22, 23}, "万元", forms.KindPrinted, ""},
				{"236-中央高校改善基本办学条件专项-房屋修缮项目绩效目标表", []int{23, 24}, "万元", forms.KindPrinted, ""},
				{"236-中央高校改善基本办学条件专项-基础设施改造项目(小学)绩效目标表", []int{24, 25}, "万元", forms.KindPrinted, ""},
				{"236-中央高校改善基本办学条件专项-设备资料购置项目(小学)绩效目标表", []int{25, 26}, "万元", forms.KindPrinted, ""},
				{"236-中央高校改善基本办学条件专项-房屋修缮项目(小学)绩效目标表", []int{26, 27}, "万元", forms.KindPrinted, ""},
				{"236-中央高校改善基本办学条件专项-基础设施改造项目（中学）绩效目标表", []int{27, 28}, "万元", forms.KindPrinted, ""},
				{"236-中央高校改善基本办学条件专项-设备资料购置项目（中学）绩效目标表", []int{28, 29}, "万元", forms.KindPrinted, ""},
				{"236 高层次人才计划专项经费绩效目标表", []int{29, 30}, "万元", forms.KindPrinted, ""},
				{"236 教育政策和法制工作专项绩效目标表", []int{30, 31}, "万元", forms.KindPrinted, ""},
				{"236 高校思想政治工作专项经费绩效目标表", []int{31, 32}, "万元", forms.KindPrinted, ""},
				{"236 教育振兴乡村专项绩效目标表", []int{33}, "万元", forms.KindPrinted, ""},
				{"236 民族教育专项绩效目标表", []int{33, 34}, "万元", forms.KindPrinted, ""},
				{"236 基础教育管理专项经费绩效目标表", []int{34, 35}, "万元", forms.KindPrinted, ""},
				{"236 教师工作专项绩效目标表", []int{35, 36}, "万元", forms.KindPrinted, ""},
				{"236 出国留学经费（项目）绩效目标表", []int{36, 37}, "万元", forms.KindPrinted, ""},
				{"236“童语同音计划”-幼儿普通话教育项目绩效目标表", []int{37}, "万元", forms.KindPrinted, ""},
				{"236 语言文字应用与语言文化传承推广专项绩效目标表", []int{38}, "万元", forms.KindPrinted, ""},
				{"236 语言文字信息管理与语保工程专项绩效目标表", []int{38, 39}, "万元", forms.KindPrinted, ""},
				{"236 教育管理与改革专项绩效目标表", []int{39, 40}, "万元", forms.KindPrinted, ""},
			},
			sections: []string{
				"（一）收支预算情况说明",
				"（二）收入预算情况说明",
				"（三）支出预算情况说明",
				"（四）财政拨款支出预算情况说明",
			},
		},
	)
}
