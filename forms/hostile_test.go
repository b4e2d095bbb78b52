package forms

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzDecode: whatever bytes a document file holds, reading it ends in a
// document or a Chinese *FileError, never a panic; a document read saves
// and reads back the same.
func FuzzDecode(f *testing.F) {
	d, _ := Sample()
	good, _ := Encode(d)
	f.Add(good)
	f.Add(good[:len(good)/3])
	f.Add([]byte(`{"format":"yusuan","schema":1,"meta":{"name":"x","year":2022,"template":"national"}}`))
	f.Add([]byte(`{"format":"yusuan","schema":1,"tables":[{"id":"general","rows":[{"code":"2013101","v":{"public":"1e9"}}]}]}`))
	f.Add([]byte(strings.Repeat("[", 5000)))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Decode(data)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("not a FileError: %v", err)
			}
			return
		}
		again, err := Encode(doc)
		if err != nil {
			t.Fatalf("a document read does not save: %v", err)
		}
		back, err := Decode(again)
		if err != nil {
			t.Fatalf("a document saved does not read back: %v", err)
		}
		if third, _ := Encode(back); !bytes.Equal(third, again) {
			t.Fatal("saving is not stable")
		}
	})
}

// JSON built to exhaust the reader: deep nesting, a huge array of rows, a
// string of many megabytes, a file past the size limit. Each is refused or
// read quickly, with a Chinese message.
func TestJSONBombsAreRefused(t *testing.T) {
	head := `{"format":"yusuan","schema":1,"meta":{"name":"x","year":2022,"template":"national"},`
	cases := map[string]string{
		"deep nesting":   head + `"x":` + strings.Repeat("[", 200000) + strings.Repeat("]", 200000) + "}",
		"many rows":      head + `"tables":[{"id":"general","rows":[` + strings.Repeat(`{"code":"2013101","v":{"public":"1.00"}},`, 300000) + `{}]}]}`,
		"long string":    head + `"text":{"functions":"` + strings.Repeat("职", 20<<20) + `"}}`,
		"past the limit": "", // a sparse file one byte past the limit, below
	}
	for name, content := range cases {
		path := filepath.Join(t.TempDir(), "bomb.yusuan")
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if name == "past the limit" {
			os.Truncate(path, MaxFileBytes+1)
		}
		start := time.Now()
		d, err := Open(path)
		took := time.Since(start)
		if err == nil {
			// a long text is a document, just an odd one
			if name != "long string" {
				t.Errorf("%s: read as a document", name)
			}
			_ = d
		} else if !strings.ContainsAny(err.Error(), "文件格式行") {
			t.Errorf("%s: %v", name, err)
		}
		t.Logf("%s: %v in %v", name, firstLine(err), took)
	}
}

func firstLine(err error) string {
	if err == nil {
		return "read"
	}
	r := []rune(err.Error())
	return string(r[:min(len(r), 60)])
}
