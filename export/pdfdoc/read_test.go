package pdfdoc

import "testing"

// The names below are printed on the corpus documents' covers and in their
// files' names.
func TestNameIn(t *testing.T) {
	for in, want := range map[string]string{
		"北京市审计局 2026 年度部门预算信息公开":   "北京市审计局",
		"2026年度福州经济技术开发区生态环境局单位预算": "福州经济技术开发区生态环境局",
		"西安市统计局（汇总）2026年部门预算.pdf":  "西安市统计局",
		"附件1：北京市审计局2026年度部门预算":     "北京市审计局",
		"一、主要职能及机构设置":              "",
		"西安市统计局（本级）2026年部门预算":      "西安市统计局（本级）",
	} {
		if got := nameIn(in); got != want {
			t.Errorf("nameIn(%q) = %q, want %q", in, got, want)
		}
	}
}
