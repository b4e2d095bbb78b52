package docin

import "yusuan/forms"

// 重庆市气象局 2026年部门预算 (重庆 family, 表一–表十二, figures wrapped in
// narrow cells: "14,770" over ".62"), transcribed from its rendered pages
// 1–3 (情况说明) and 6–22 (tables). Each title is the large centred line
// under its 表N label; the text layer places a half-width gap between
// "2026" and "年" (so the space), and draws the full-width “ ” ( ) as
// half-width glyphs inside a full-width advance (so no space around them).
// 表十 prints no unit line (its document's 万元 is taken).
func init() {
	corpusDocs = append(corpusDocs, corpusDoc{
		folder: "cq-2026-qixiangju", name: "重庆市气象局", year: 2026, level: forms.LevelDept,
		tables: []wantTable{
			{"2026 年部门收支总体情况表", []int{6}, "万元", forms.KindSummary, "14,770.62"},
			{"2026 年部门收入总体情况表", []int{7, 8}, "万元", forms.KindIncome, "14,770.62"},
			{"2026 年部门支出总体情况表", []int{9, 10}, "万元", forms.KindExpense, "14,770.62"},
			{"2026 年财政拨款收支总体情况表", []int{11}, "万元", forms.KindFiscal, "13,252.62"},
			{"2026 年一般公共预算支出情况表", []int{12, 13}, "万元", forms.KindGeneral, "12,672.73"},
			{"2026 年一般公共预算基本支出情况表", []int{14, 15}, "万元", forms.KindBasic, "5,445.39"},
			{"2026 年政府性基金预算支出情况表", []int{16}, "万元", forms.KindFund, "579.89"},
			{"2026 年财政拨款“三公”经费支出情况表", []int{17}, "万元", forms.KindSangong, "13.85"},
			{"2026 年政府采购预算明细表", []int{18}, "万元", forms.KindPrinted, "947.00"},
			{"2026 年部门整体绩效目标表", []int{19, 20}, "万元", forms.KindPrinted, ""},
			// empty: 备注：本单位主管无市级财力安排的重点专项资金，故此表无数据。
			{"2026 年市级重点专项资金绩效目标表(一级项目)", []int{21}, "万元", forms.KindPrinted, ""},
			{"2026 年市级一般性项目绩效目标表(一级项目)", []int{22}, "万元", forms.KindPrinted, ""},
		},
		general: &wantGeneral{
			lines: 24,
			first: wantLine{"208", "社会保障和就业支出", []string{"82.51", "82.32", "0.19"}},
			last:  wantLine{"2240108", "应急救援", []string{"100.00"}},
		},
		sections: []string{
			"二、部门收支总体情况",
			"三、财政拨款情况说明",
			"四、“三公”经费情况说明",
			"五、其他重要事项的情况说明",
		},
	})
}
