package forms

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"yusuan/forms/classify"
	"yusuan/forms/money"
)

// sameDocument compares two documents in everything a user could see or
// lose: meta, units, every cell of every table with its entered flag, row
// identities and names, project attributes, notes, forms, texts, inputs,
// explanations and the document's own codes.
func sameDocument(t *testing.T, a, b *Document) {
	t.Helper()
	if !reflect.DeepEqual(a.Meta, b.Meta) || !reflect.DeepEqual(a.Units, b.Units) {
		t.Fatalf("meta or units differ:\n%+v %+v\n%+v %+v", a.Meta, a.Units, b.Meta, b.Units)
	}
	for _, pair := range []struct {
		name string
		x, y any
	}{{"perf", a.Perf, b.Perf}, {"text", a.Text, b.Text}, {"inputs", a.Inputs, b.Inputs},
		{"explanations", a.Explanations, b.Explanations}, {"codes", a.Codes, b.Codes}} {
		if !reflect.DeepEqual(pair.x, pair.y) {
			t.Fatalf("%s differ:\n%+v\n%+v", pair.name, pair.x, pair.y)
		}
	}
	if len(a.Tables) != len(b.Tables) {
		t.Fatalf("%d vs %d tables", len(a.Tables), len(b.Tables))
	}
	for i, ta := range a.Tables {
		tb := b.Tables[i]
		if ta.ID != tb.ID || ta.Note != tb.Note || ta.Absent != tb.Absent || ta.Unit != tb.Unit || ta.Title != tb.Title || len(ta.Panes) != len(tb.Panes) {
			t.Fatalf("table %s differs", ta.ID)
		}
		for pi, pa := range ta.Panes {
			pb := tb.Panes[pi]
			if len(pa.Rows) != len(pb.Rows) {
				t.Fatalf("%s: %d vs %d rows", ta.ID, len(pa.Rows), len(pb.Rows))
			}
			for ri, ra := range pa.Rows {
				rb := pb.Rows[ri]
				if ra.Key != rb.Key || ra.Type != rb.Type || ra.Code != rb.Code || ra.Name != rb.Name ||
					!reflect.DeepEqual(ra.Project, rb.Project) || !reflect.DeepEqual(ra.Cells, rb.Cells) {
					t.Fatalf("%s row %d differs:\n%+v %+v\n%+v %+v", ta.ID, ri, ra, ra.Cells, rb, rb.Cells)
				}
			}
		}
	}
}

func roundTrip(t *testing.T, d *Document) *Document {
	t.Helper()
	data, err := Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Encode(back)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, again) {
		t.Error("saving a reopened document writes different bytes")
	}
	return back
}

func TestRoundTripSample(t *testing.T) {
	d, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	// give the sample things it does not have: an explanation, a given
	// total that differs, a note, user codes, a loose row
	d.Explanations = []Explanation{{Rule: "P-3", Cells: []CellRef{{"perf_project_l1", "服务保障", "成本指标"}}, Values: map[string]string{"成本指标合计": "152.20万元"}, Text: "含以前年度结转的接待任务"}}
	p := d.Table("expense").Main()
	if err := p.Give(p.RowIndex("total"), p.Col("basic"), m("831.91")); err != nil {
		t.Fatal(err)
	}
	d.Table("fund").Note = "本部门无政府性基金。"
	d.Table("sangong").Absent = true
	d.Table("basic").Unit = money.Yuan // an imported sheet printed in 元
	d.SetCodes([]classify.Entry{{Scheme: classify.Functional, Code: "2120101", Name: "行政运行", Source: "用户导入"}})
	back := roundTrip(t, d)
	sameDocument(t, d, back)
	if c := back.Table("expense").Main().Row("total").Cells[back.Table("expense").Main().Col("basic")]; !c.Entered || c.Value != m("831.91") {
		t.Errorf("a given total did not come back as given: %+v", c)
	}
}

func TestRoundTripEveryTemplate(t *testing.T) {
	tmpls, _ := Templates()
	for _, tmpl := range tmpls {
		d, err := NewDocument(Meta{Name: "空白", Year: 2024, Template: tmpl.ID, Level: LevelUnit})
		if err != nil {
			t.Fatal(err)
		}
		sameDocument(t, d, roundTrip(t, d))
	}
}

func TestSaveIsAtomicAndKeepsBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "部门预算"+FileExt)
	d, _ := Sample()
	if err := Save(path, d); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + BackupExt); !os.IsNotExist(err) {
		t.Error("a first save made a backup of nothing")
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("a new file gets mode %v, want 0644", fi.Mode().Perm())
	}
	first, _ := os.ReadFile(path)
	p := d.Table("general").Main()
	if err := p.Set(p.RowIndex("2013101"), p.Col("public"), m("170.00")); err != nil {
		t.Fatal(err)
	}
	if err := Save(path, d); err != nil {
		t.Fatal(err)
	}
	bak, err := os.ReadFile(path + BackupExt)
	if err != nil || !bytes.Equal(bak, first) {
		t.Error("the previous version was not kept as the backup")
	}
	back, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := back.Table("general").Main().Value("total", "public"); v != m("170.00") {
		t.Errorf("saved edit not read back: %v", v)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestSaveNeverOverwritesUnreadableFile(t *testing.T) {
	d, _ := Sample()
	for name, content := range map[string]string{
		"other.yusuan":     "这是别的程序的文件",
		"truncated.yusuan": `{"format":"yusuan","schema":1,"meta":{"name":"x"`,
		"newer.yusuan":     `{"format":"yusuan","schema":99,"meta":{}}`,
		"foreign.json":     `{"hello":"world"}`,
	} {
		path := filepath.Join(t.TempDir(), name)
		os.WriteFile(path, []byte(content), 0o644)
		err := Save(path, d)
		if err == nil || !strings.Contains(err.Error(), "未保存") {
			t.Errorf("%s: save over it: %v", name, err)
		}
		if got, _ := os.ReadFile(path); string(got) != content {
			t.Errorf("%s was overwritten", name)
		}
	}
}

func TestSaveFailureLeavesOldFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write to read-only folders")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "a.yusuan")
	d, _ := Sample()
	if err := Save(path, d); err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile(path)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	if err := Save(path, d); err == nil || !strings.Contains(err.Error(), "原文件未改动") {
		t.Errorf("save into a read-only folder: %v", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, old) {
		t.Error("old file changed")
	}
}

func TestOpenErrorsNameTheProblem(t *testing.T) {
	good, _ := Encode(mustSample(t))
	cases := []struct {
		name, content string
		want          []string
	}{
		{"syntax", "{\n\"format\": \"yusuan\",\n\"schema\": 1,\n\"meta\": {,\n}", []string{"第 4 行", "JSON 格式错误"}},
		{"truncated", string(good[:len(good)/2]), []string{"不完整"}},
		{"newer", `{"format":"yusuan","schema":7}`, []string{"较新版本", "第 7 版", "未作任何改动"}},
		{"foreign", `{"a":1}`, []string{"不是预算公开助手的文档文件"}},
		{"type", "{\"format\":\"yusuan\",\"schema\":1,\n\"meta\":{\"year\":\"二〇二二\"}}", []string{"第 2 行", "文档信息 year", "整数"}},
		{"amount", strings.Replace(string(good), `"amount":"6677.45"`, `"amount":"6677.4x"`, 1), []string{"“6677.4x”不是有效金额", "收支预算总表"}},
		{"perf amount", strings.Replace(string(good), `"fiscal":"142.20"`, `"fiscal":"一百"`, 1), []string{"“一百”不是有效金额", "行"}},
		{"unknown table", strings.Replace(string(good), `"id":"fund"`, `"id":"soe"`, 1), []string{"“soe”不属于模板"}},
		{"unknown column", strings.Replace(string(good), `"cur_general":"6677.45"`, `"cur_nothing":"6677.45"`, 1), []string{"“cur_nothing”不在此表中"}},
		{"unknown template", strings.Replace(string(good), `"jilin-2022"`, `"tianjin"`, 1), []string{"没有名为“tianjin”的模板"}},
	}
	for _, c := range cases {
		path := filepath.Join(t.TempDir(), "x.yusuan")
		os.WriteFile(path, []byte(c.content), 0o644)
		_, err := Open(path)
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Errorf("%s: want FileError, got %v", c.name, err)
			continue
		}
		for _, w := range append(c.want, path) {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: message %q lacks %q", c.name, err.Error(), w)
			}
		}
	}
	if _, err := Open(filepath.Join(t.TempDir(), "none.yusuan")); err == nil || !strings.Contains(err.Error(), "文件不存在") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := Open(t.TempDir()); err == nil || !strings.Contains(err.Error(), "文件夹") {
		t.Errorf("folder: %v", err)
	}
}

// Fields a newer program of the same schema adds are ignored on reading.
func TestForwardCompatibleRead(t *testing.T) {
	good, _ := Encode(mustSample(t))
	extended := strings.Replace(string(good), `"schema":1,`, `"schema":1, "futureField": {"x": [1,2]},`, 1)
	if _, err := Decode([]byte(extended)); err != nil {
		t.Errorf("unknown field refused: %v", err)
	}
}

func mustSample(t testing.TB) *Document {
	t.Helper()
	d, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func ExampleFileError() {
	fmt.Println((&FileError{Path: "a.yusuan", Line: 3, Reason: "JSON 格式错误"}).Error())
	// Output: 文件“a.yusuan”第 3 行：JSON 格式错误
}

// An export asked to write over a folder says so, and leaves it alone.
func TestWriteAtomicOverAFolder(t *testing.T) {
	dir := t.TempDir()
	err := WriteAtomic(dir, "PDF", func(w io.Writer) error { _, err := w.Write([]byte("%PDF")); return err })
	if err == nil || !strings.Contains(err.Error(), "是一个文件夹") {
		t.Errorf("writing over a folder: %v", err)
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		t.Error("the folder was replaced")
	}
}
