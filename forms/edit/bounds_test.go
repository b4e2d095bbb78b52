package edit

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"yusuan/forms"
	"yusuan/forms/check"
)

// boundCase is one kind of place where the clerk types a name or a text:
// set types v there.
type boundCase struct {
	name  string
	field string // the words the refusal names the field by
	limit int
	set   func(t *testing.T, s *Session, v string) error
}

func projectRow(t *testing.T, s *Session) int {
	t.Helper()
	for i, r := range s.Doc().Table("projects").Main().Rows {
		if r.Type == forms.RowProject {
			return i
		}
	}
	t.Fatal("no project line")
	return -1
}

func firstWarning(t *testing.T, s *Session) *check.Finding {
	t.Helper()
	for i, f := range s.Result().Findings {
		if f.Severity == check.Warning {
			return &s.Result().Findings[i]
		}
	}
	t.Fatal("no warning")
	return nil
}

var boundCases = []boundCase{
	{"单位名称", "单位名称", forms.MaxNameChars, func(t *testing.T, s *Session, v string) error {
		m := s.Doc().Meta
		m.Name = v
		return s.SetMeta(m)
	}},
	{"单位代码", "单位代码", forms.MaxNameChars, func(t *testing.T, s *Session, v string) error {
		m := s.Doc().Meta
		m.Code = v
		return s.SetMeta(m)
	}},
	{"line renamed", "名称", forms.MaxNameChars, func(t *testing.T, s *Session, v string) error {
		return s.Rename("general", 0, s.Doc().Table("general").Main().RowIndex("2013101"), v)
	}},
	{"line added", "名称", forms.MaxNameChars, func(t *testing.T, s *Session, v string) error {
		_, err := s.AddClassRow("general", 0, "2013150", v)
		return err
	}},
	{"project 类型 typed", "类型", forms.MaxNameChars, func(t *testing.T, s *Session, v string) error {
		return s.Enter(At{"projects", 0, projectRow(t, s), s.Doc().Table("projects").Main().Col(forms.AttrType)}, v)
	}},
	{"project 一级项目 typed", "一级项目", forms.MaxNameChars, func(t *testing.T, s *Session, v string) error {
		return s.Enter(At{"projects", 0, projectRow(t, s), s.Doc().Table("projects").Main().Col(forms.AttrL1)}, v)
	}},
	{"project 二级项目 typed", "二级项目", forms.MaxNameChars, func(t *testing.T, s *Session, v string) error {
		return s.Enter(At{"projects", 0, projectRow(t, s), s.Doc().Table("projects").Main().Col(forms.AttrL2)}, v)
	}},
	{"project 项目单位 typed", "项目单位", forms.MaxNameChars, func(t *testing.T, s *Session, v string) error {
		return s.Enter(At{"projects", 0, projectRow(t, s), s.Doc().Table("projects").Main().Col(forms.AttrUnit)}, v)
	}},
	{"project added", "一级项目", forms.MaxNameChars, func(t *testing.T, s *Session, v string) error {
		_, err := s.AddProject("projects", forms.Project{Type: "专项业务支出", L1: v, L2: "新项目", Unit: "本级"})
		return err
	}},
	{"绩效 form renamed", forms.LabelProject, forms.MaxNameChars, func(t *testing.T, s *Session, v string) error {
		f := clone(s.Doc().Perf.Projects[0])
		f.Name = v
		return s.SetProjectForm(0, f)
	}},
	{"绩效 form added", forms.LabelProject, forms.MaxNameChars, func(t *testing.T, s *Session, v string) error {
		_, err := s.AddProjectForm(forms.ProjectPerf{Name: v, Level: forms.ProjectLevel2})
		return err
	}},
	{"绩效 form's goal", forms.LabelGoal, forms.MaxTextChars, func(t *testing.T, s *Session, v string) error {
		f := clone(s.Doc().Perf.Projects[0])
		f.Goal = v
		return s.SetProjectForm(0, f)
	}},
	{"绩效 indicator", "绩效指标第1项的三级指标", forms.MaxTextChars, func(t *testing.T, s *Session, v string) error {
		f := clone(s.Doc().Perf.Projects[0])
		f.Indicators[0].L3 = v
		return s.SetProjectForm(0, f)
	}},
	{"部门整体 form", forms.LabelDeptName, forms.MaxNameChars, func(t *testing.T, s *Session, v string) error {
		return s.SetDeptForm(&forms.DeptPerf{NameCode: v})
	}},
	{"部门整体 task", "任务第1项的任务名称", forms.MaxNameChars, func(t *testing.T, s *Session, v string) error {
		return s.SetDeptForm(&forms.DeptPerf{NameCode: "部门", Tasks: []forms.Task{{Name: v}}})
	}},
	{"事前评估 form", "事前绩效评估表第1项的" + forms.LabelPreName, forms.MaxNameChars, func(t *testing.T, s *Session, v string) error {
		return s.SetPreForms([]forms.PrePerf{{Name: v}})
	}},
	{"名词", "名词解释第1项的名词", forms.MaxNameChars, func(t *testing.T, s *Session, v string) error {
		return s.SetGlossary([]forms.Term{{Term: v, Definition: "解释"}})
	}},
	{"名词的解释", "名词解释第1项的名词的解释", forms.MaxTextChars, func(t *testing.T, s *Session, v string) error {
		return s.SetGlossary([]forms.Term{{Term: "名词", Definition: v}})
	}},
	{"主要职能", "主要职能", forms.MaxTextChars, func(t *testing.T, s *Session, v string) error {
		return s.SetFunctions(v)
	}},
	{"机构设置", "机构设置", forms.MaxTextChars, func(t *testing.T, s *Session, v string) error {
		return s.SetOrganization(v)
	}},
	{"whole 情况说明", "情况说明", forms.MaxTextChars, func(t *testing.T, s *Session, v string) error {
		return s.SetExplanation(v)
	}},
	{"情况说明 section", "情况说明的这一节", forms.MaxTextChars, func(t *testing.T, s *Session, v string) error {
		return s.WriteSection("sangong", v)
	}},
	{"inputs' reason", "收支总预算增减的主要原因", forms.MaxTextChars, func(t *testing.T, s *Session, v string) error {
		in := clone(s.Doc().Inputs)
		in.TotalReason = v
		return s.SetInputs(in)
	}},
	{"inputs' 类 use", "主要用途（201）", forms.MaxTextChars, func(t *testing.T, s *Session, v string) error {
		in := clone(s.Doc().Inputs)
		in.ClassUses = map[string]string{"201": v}
		return s.SetInputs(in)
	}},
	{"出错说明", "出错说明", forms.MaxTextChars, func(t *testing.T, s *Session, v string) error {
		return s.Explain(firstWarning(t, s), v)
	}},
}

// Decision 45: a name over 200 characters or a text over 200,000 is
// refused where it is typed, naming the field and its length, and the
// document stays as it was; one at the bound is taken, and the document
// can then be saved (forms.Save refuses what is over).
func TestNamesAndTextsOverTheBoundAreRefused(t *testing.T) {
	for _, c := range boundCases {
		t.Run(c.name, func(t *testing.T) {
			s := sample(t)
			before, err := forms.Encode(s.Doc())
			if err != nil {
				t.Fatal(err)
			}
			undo := s.UndoLabel()
			over := strings.Repeat("字", c.limit+1) // characters, not bytes
			err = c.set(t, s, over)
			if err == nil {
				t.Fatal("taken")
			}
			for _, w := range []string{c.field + "长 ", fmt.Sprintf("%d 字", c.limit+1), fmt.Sprintf("%d 字的上限", c.limit)} {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("the refusal %q does not say %q", err, w)
				}
			}
			if after, _ := forms.Encode(s.Doc()); !bytes.Equal(after, before) || s.UndoLabel() != undo || s.Dirty() {
				t.Fatal("the refused edit changed the document")
			}

			if err := c.set(t, s, strings.Repeat("字", c.limit)); err != nil {
				t.Fatalf("at the bound: %v", err)
			}
			if !s.Dirty() {
				t.Fatal("the edit at the bound changed nothing")
			}
			if err := s.Save(filepath.Join(t.TempDir(), "d.yusuan")); err != nil {
				t.Fatalf("taken, but cannot be saved: %v", err)
			}
		})
	}
}

func TestCheckNameAndText(t *testing.T) {
	if CheckName("单位名称", strings.Repeat("a", forms.MaxNameChars)) != nil ||
		CheckText("主要职能", strings.Repeat("字", forms.MaxTextChars)) != nil {
		t.Error("at the bound: refused")
	}
	if err := CheckName("单位名称", strings.Repeat("a", forms.MaxNameChars+1)); err == nil || !strings.Contains(err.Error(), "单位名称长 201 字") {
		t.Errorf("over: %v", err)
	}
}
