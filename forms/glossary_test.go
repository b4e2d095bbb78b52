package forms

import "testing"

func TestDefaultGlossaryCoversTheTerms(t *testing.T) {
	want := []string{"一般公共预算拨款收入", "政府性基金预算拨款收入", "事业收入", "事业单位经营收入", "其他收入", "上级补助收入",
		"附属单位上缴收入", "用事业基金弥补收支差额", "上年结转", "结转下年", "基本支出", "项目支出", "上缴上级支出",
		"事业单位经营支出", "对附属单位补助支出", "“三公”经费", "机关运行经费"}
	got := map[string]string{}
	for _, term := range DefaultGlossary() {
		got[term.Term] = term.Definition
	}
	for _, w := range want {
		if got[w] == "" {
			t.Errorf("default glossary lacks %s", w)
		}
	}
	d := mustSample(t)
	if len(d.GlossaryOf()) != len(want) {
		t.Error("a document without its own glossary uses the default")
	}
}

// A glossary the clerk cleared stays cleared through the file; an untouched
// one stays the default.
func TestClearedGlossarySurvivesTheFile(t *testing.T) {
	d, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	d.Text.Glossary = []Term{}
	b, err := Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if back.Text.Glossary == nil || len(back.GlossaryOf()) != 0 {
		t.Errorf("the cleared glossary came back with %d terms", len(back.GlossaryOf()))
	}
	d.Text.Glossary = nil
	b, _ = Encode(d)
	if back, _ = Decode(b); back.Text.Glossary != nil || len(back.GlossaryOf()) != len(DefaultGlossary()) {
		t.Error("the default glossary did not stay the default")
	}
}
