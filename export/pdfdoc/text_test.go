package pdfdoc

import (
	"testing"

	"yusuan/forms"
)

// The 部门概况 headings of the corpus documents (the page named), each
// with the part it opens; a numbered task that mentions 职责 opens none.
func TestTextPartHeadings(t *testing.T) {
	for _, c := range []struct {
		where, heading, part string
	}{
		{"fz-2026 p4", "一、单位主要职责", "functions"},
		{"fz-2026 p4", "二、单位预算单位构成", "organization"},
		{"sh-muni-2026 p2", "上海市审计局（单位）主要职能", "functions"},
		{"sh-muni-2026 p3", "上海市审计局（单位）机构设置", "organization"},
		{"sz-2026 p3", "一、部门职责", "functions"},
		{"sz-2026 p3", "二、机构编制", "organization"},
		{"js-prov-2019-renda p3", "二、部门机构设置及预算单位构成情况", "organization"},
		{"bj-2026 附件1 p4", "（二）机构设置情况", "organization"},
		{"swu-2023 p3", "（一）基本情况", "functions"},
		{"swu-2023 p6", "（二）预算单位构成", "organization"},
		{"xa-2026 p3", "（一）主要职能", "functions"},
		{"a task", "（四）压实主体责任，落实安全生产职责", ""},
		{"a task without a comma", "（四）落实安全生产职责", ""},
		{"a duty naming 机构编制", "（五）负责机关人事、机构编制", ""},
		{"a unit whose name has 管理", "国家机关事务管理局主要职能", "functions"},
		{"xa-2026 p3, both in one", "一、主要职能及机构设置", "both"},
		{"both in one", "一、部门职责及机构设置", "both"},
		{"a section", "四、政府采购基本情况", ""},
	} {
		var d forms.Document
		applyText(&d, []Para{{Text: "一、前言"}, {Text: c.heading}, {Text: "正文一段。"}})
		got := ""
		switch f, o := d.Text.Functions == "正文一段。", d.Text.Organization == "正文一段。"; {
		case f && o:
			got = "both"
		case f:
			got = "functions"
		case o:
			got = "organization"
		}
		if got != c.part {
			t.Errorf("%s “%s” opens %q, want %q", c.where, c.heading, got, c.part)
		}
	}
}
