package forms

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// Bounds on the length of what a document holds (decision 45): far beyond
// any real name or text, near enough that a broken or hostile file cannot
// make the layout of a table or a PDF page take minutes and gigabytes.
const (
	MaxNameChars = 200     // a name: unit, line, project, form, term
	MaxTextChars = 200_000 // a text: 主要职能, a section of 情况说明, a form's goal
)

// checkBounds refuses the first field of a raw document that is longer than
// its bound, naming the field and its length. Fields tagged bound:"name"
// are names; every other string is a text.
func checkBounds(raw *Raw) *FileError {
	if err := walkBounds(reflect.ValueOf(raw).Elem(), ""); err != nil {
		return err.(*FileError)
	}
	return nil
}

func walkBounds(v reflect.Value, path string) error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return walkBounds(v.Elem(), path)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			p := join(path, name)
			fv := v.Field(i)
			if fv.Kind() == reflect.String && f.Tag.Get("bound") == "name" {
				if err := boundString(fv.String(), p, MaxNameChars, "名称"); err != nil {
					return err
				}
				continue
			}
			if err := walkBounds(fv, p); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return nil
		}
		for i := range v.Len() {
			if err := walkBounds(v.Index(i), fmt.Sprintf("%s[%d]", path, i+1)); err != nil {
				return err
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			p := join(path, fmt.Sprint(it.Key().Interface()))
			if err := walkBounds(it.Key(), p); err != nil {
				return err
			}
			if err := walkBounds(it.Value(), p); err != nil {
				return err
			}
		}
	case reflect.String:
		return boundString(v.String(), path, MaxTextChars, "文字")
	}
	return nil
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func boundString(s, path string, limit int, what string) error {
	if len(s) <= limit { // a character takes at least a byte
		return nil
	}
	n := utf8.RuneCountInString(s)
	if n <= limit {
		return nil
	}
	start := []rune(s[:min(len(s), 80)])
	if len(start) > 12 {
		start = start[:12]
	}
	return &FileError{Where: fieldName(path), Reason: fmt.Sprintf("%s长 %d 字（以“%s…”开头），超过 %d 字的上限", what, n, strings.ToValidUTF8(string(start), ""), limit)}
}
