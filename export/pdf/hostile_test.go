package pdf

import (
	"strings"
	"testing"

	"yusuan/forms"
)

// Formula-looking text, control characters and a 10,000-character name
// print as text: the export does not fail, every box still holds its text,
// and no control character reaches the PDF's text.
func TestHostileTextsPrint(t *testing.T) {
	d := sample(t)
	long := string([]rune(strings.Repeat("很长的项目名称", 1500))[:10000])
	p := d.Table("projects").Main()
	for _, name := range []string{`=HYPERLINK("http://example.invalid","点此")`, "带\x01控制\x07字符\x1b的名称", long} {
		if _, err := p.AddProject(forms.Project{Type: "专项业务支出", L1: "服务保障", L2: name, Unit: "中共吉林市委办公室"}); err != nil {
			t.Fatal(err)
		}
	}
	d.Text.Functions += "\n（十一）=SUM(A1:A9)\x0b与\x01控制字符。"
	d.Recompute()
	path, _ := exported(t, d)
	text := pdftext(t, path, 0, 0)
	if strings.ContainsAny(text, "\x01\x07\x0b\x1b") {
		t.Error("a control character reached the PDF")
	}
	flat := squash(text)
	// a long name wraps within its cell: its lines interleave with the
	// other columns' text, so each is looked for in pieces
	for _, want := range []string{`=HYPERLINK("http:`, `//example.invalid","点此")`, "带控制字符的名称", "=SUM(A1:A9)与控制字符", "很长的项目名称很长的项目名称"} {
		if !strings.Contains(flat, squash(want)) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	checkBoxes(t, pagesOf(t, d))
}
