package forms

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
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
// its bound, naming the field and its length.
func checkBounds(raw *Raw) *FileError {
	err := WalkStrings(raw, func(steps []Step, s string, limit int) error {
		if len(s) <= limit { // a character takes at least a byte: no path needed
			return nil
		}
		what := "文字"
		if limit == MaxNameChars {
			what = "名称"
		}
		return boundString(s, jsonPath(steps), limit, what)
	})
	if err != nil {
		return err.(*FileError)
	}
	return nil
}

// Step is one step from a value down to a string it holds: a struct's
// field, a list's item or a map's entry.
type Step struct {
	Struct, Field, JSON string // a field: its struct type's name, its own, its JSON name
	Item                int    // a list's item, from 1
	Key                 string // a map entry's key (for the key and the value alike)
	Map                 bool
}

// WalkStrings calls visit with every string v holds (through pointers,
// the exported fields of structs, lists, and maps' keys and values), with
// the steps down to it and its bound (decision 45): MaxNameChars for a
// field tagged bound:"name", MaxTextChars for any other. Fields never
// saved (json:"-") and byte slices are left out. The first error visit
// returns ends the walk. The steps are valid during the call only.
func WalkStrings(v any, visit func(steps []Step, s string, limit int) error) error {
	w := &stringWalk{visit: visit}
	return w.walk(reflect.ValueOf(v))
}

// stringWalk keeps one stack of steps for the whole walk: a document holds
// hundreds of thousands of strings, and a path of their own each cost more
// than reading the file.
type stringWalk struct {
	steps []Step
	visit func([]Step, string, int) error
}

// walkField is what the walk needs of a struct's field, read once per type.
type walkField struct {
	index     int
	step      Step
	boundName bool
}

var walkFields sync.Map // reflect.Type → []walkField

func fieldsToWalk(t reflect.Type) []walkField {
	if fs, ok := walkFields.Load(t); ok {
		return fs.([]walkField)
	}
	var fs []walkField
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
		fs = append(fs, walkField{index: i, step: Step{Struct: t.Name(), Field: f.Name, JSON: name},
			boundName: f.Type.Kind() == reflect.String && f.Tag.Get("bound") == "name"})
	}
	walkFields.Store(t, fs)
	return fs
}

func (w *stringWalk) walk(v reflect.Value) error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return w.walk(v.Elem())
		}
	case reflect.Struct:
		n := len(w.steps)
		for _, f := range fieldsToWalk(v.Type()) {
			w.steps = append(w.steps[:n], f.step)
			fv := v.Field(f.index)
			var err error
			switch {
			case f.boundName:
				err = w.visit(w.steps, fv.String(), MaxNameChars)
			case fv.Kind() == reflect.String:
				err = w.visit(w.steps, fv.String(), MaxTextChars)
			default:
				err = w.walk(fv)
			}
			if err != nil {
				return err
			}
		}
		w.steps = w.steps[:n]
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return nil
		}
		n := len(w.steps)
		for i := range v.Len() {
			w.steps = append(w.steps[:n], Step{Item: i + 1})
			if err := w.walk(v.Index(i)); err != nil {
				return err
			}
		}
		w.steps = w.steps[:n]
	case reflect.Map:
		n := len(w.steps)
		it := v.MapRange()
		for it.Next() {
			w.steps = append(w.steps[:n], Step{Key: fmt.Sprint(it.Key().Interface()), Map: true})
			if err := w.walk(it.Key()); err != nil {
				return err
			}
			if err := w.walk(it.Value()); err != nil {
				return err
			}
		}
		w.steps = w.steps[:n]
	case reflect.String:
		return w.visit(w.steps, v.String(), MaxTextChars)
	}
	return nil
}

// jsonPath writes the steps as the file names them: "perf.projects[2].goal".
func jsonPath(steps []Step) string {
	path := ""
	for _, st := range steps {
		switch {
		case st.Map:
			path = join(path, st.Key)
		case st.Item > 0:
			path = fmt.Sprintf("%s[%d]", path, st.Item)
		default:
			path = join(path, st.JSON)
		}
	}
	return path
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
