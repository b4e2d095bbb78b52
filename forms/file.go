package forms

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"

	"yusuan/forms/classify"
	"yusuan/forms/money"
)

// The document file: JSON with a format tag and a schema version, one file
// per department and year. The window's dialogs use FileExt; any name is
// accepted on the command line.
const (
	FileFormat = "yusuan"
	// SchemaVersion is the newest format this program reads and writes.
	// Version 2 adds what a consolidated (汇总) document records about its
	// units ("merge", and "from" on rows). A document without it is still
	// written as version 1, so older programs open it as before; a
	// consolidated one is version 2, which they refuse (their rule) rather
	// than open it and drop its sources on the next save.
	// Version 3 adds a table kept as a published document printed it
	// ("printed" on a table) and a template stored in the document
	// ("template": a read document of a family no shipped template covers);
	// only documents that have one are written as version 3.
	SchemaVersion = 3
	FileExt       = ".yusuan"
	BackupExt     = ".bak"
)

// schemaPlain is the version of a document that is not a consolidation,
// schemaMerge of a consolidation.
const (
	schemaPlain = 1
	schemaMerge = 2
)

// Limits on what a document file may hold. They keep a hostile or broken
// file from exhausting memory, and keep the sum of any column far inside int64.
const (
	MaxFileBytes   = 512 << 20
	MaxRowsPerPane = 200_000
)

// Raw is a document as its file holds it: identities and entered figures
// only, everything computed left out. Importers build one too.
type Raw struct {
	Format       string        `json:"format"`
	Schema       int           `json:"schema"`
	Meta         Meta          `json:"meta"`
	Units        []OrgUnit     `json:"units,omitempty"`
	Tables       []RawTable    `json:"tables"`
	Perf         Perf          `json:"perf"`
	Text         Text          `json:"text"`
	Inputs       Inputs        `json:"inputs"`
	Explanations []Explanation `json:"explanations,omitempty"`
	Codes        []RawCode     `json:"codes,omitempty"`
	// Merge: the units of a consolidated document (schema 2).
	Merge *Consolidation `json:"merge,omitempty"`
	// Template: the document's own table list, when it was read from a
	// published document of a family no shipped template covers (schema 3).
	Template *Template `json:"template,omitempty"`
}

// RawCode is a user-added classification name.
type RawCode struct {
	Scheme classify.Scheme `json:"scheme"`
	Code   string          `json:"code" bound:"name"`
	Name   string          `json:"name" bound:"name"`
}

// RawTable is one table's rows.
type RawTable struct {
	ID     string     `json:"id"`
	Unit   money.Unit `json:"unit,omitempty"` // when it differs from the template's (an imported sheet in 元)
	Absent bool       `json:"absent,omitempty"`
	Note   string     `json:"note,omitempty"`
	Rows   []RawRow   `json:"rows,omitempty"`
	// Printed: the table as a published document printed it (schema 3).
	Printed *Printed `json:"printed,omitempty"`
}

// RawRow holds a row's identity and its entered figures. Fixed and total
// lines are written only when they hold entered figures.
type RawRow struct {
	Key    string            `json:"key,omitempty" bound:"name"`
	Code   string            `json:"code,omitempty" bound:"name"`
	Name   string            `json:"name,omitempty" bound:"name"`
	Type   string            `json:"type,omitempty" bound:"name"` // project 类型
	L1     string            `json:"l1,omitempty" bound:"name"`
	L2     string            `json:"l2,omitempty" bound:"name"`
	Unit   string            `json:"unit,omitempty" bound:"name"`
	Func   string            `json:"func,omitempty" bound:"name"`
	Values map[string]string `json:"v,omitempty"`
	// From: in a consolidated document, the units' figures summed into this
	// row, by column key and unit code (schema 2).
	From map[string]map[string]string `json:"from,omitempty"`
}

// Encode writes the document file.
func Encode(d *Document) ([]byte, error) {
	f := d.Raw()
	// a file this program would refuse to open is not written
	if err := checkBounds(f); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Raw is the document as its file holds it.
func (d *Document) Raw() *Raw {
	f := &Raw{
		Format: FileFormat, Schema: schemaPlain, Meta: d.Meta, Units: d.Units,
		Perf: d.Perf, Text: d.Text, Inputs: d.Inputs, Explanations: d.Explanations,
	}
	if d.Merge != nil {
		f.Schema, f.Merge = schemaMerge, d.Merge
	}
	if d.Template.Own {
		f.Schema, f.Template = SchemaVersion, d.Template
	}
	for _, c := range d.Codes {
		f.Codes = append(f.Codes, RawCode{c.Scheme, c.Code, c.Name})
	}
	for _, t := range d.Tables {
		ft := RawTable{ID: t.ID, Note: t.Note, Absent: t.Absent, Printed: t.Printed}
		if t.Printed != nil {
			f.Schema = SchemaVersion
		}
		if t.Unit != d.Template.UnitOf(t.Def) {
			ft.Unit = t.Unit
		}
		for _, p := range t.Panes {
			for ri, r := range p.Rows {
				if fr, ok := encodeRow(p, ri, r); ok {
					fr.From = encodeShares(d.Merge, p, r)
					ft.Rows = append(ft.Rows, fr)
				} else if from := encodeShares(d.Merge, p, r); from != nil {
					// a line with no entered figure whose shares add up to zero
					ft.Rows = append(ft.Rows, RawRow{Key: r.Key, From: from})
				}
			}
		}
		f.Tables = append(f.Tables, ft)
	}
	return f
}

func encodeRow(p *Pane, ri int, r *Row) (RawRow, bool) {
	fr := RawRow{}
	vals := map[string]string{}
	for ci, c := range p.Columns {
		if c.Text {
			continue
		}
		cell := r.Cells[ci]
		if p.IsComputed(ri, ci) {
			if cell.Entered {
				vals[c.Key] = cell.Value.String()
			}
		} else if cell.Value != 0 {
			vals[c.Key] = cell.Value.String()
		}
	}
	if len(vals) > 0 {
		fr.Values = vals
	}
	switch r.Type {
	case RowClass, RowUnit:
		fr.Code, fr.Name = r.Code, r.Name
	case RowLoose:
		fr.Key, fr.Name = r.Key, r.Name
	case RowProject:
		fr.Key = r.Key
		fr.Type, fr.L1, fr.L2, fr.Unit, fr.Func = r.Project.Type, r.Project.L1, r.Project.L2, r.Project.Unit, r.Project.Func
	default: // fixed, total and subtotal lines: only when they hold figures
		if fr.Values == nil {
			return fr, false
		}
		fr.Key = r.Key
	}
	return fr, true
}

// encodeShares writes a row's shares by column key and unit code.
func encodeShares(m *Consolidation, p *Pane, r *Row) map[string]map[string]string {
	if m == nil || len(r.From) == 0 {
		return nil
	}
	out := map[string]map[string]string{}
	for ci, shares := range r.From {
		if ci < 0 || ci >= len(p.Columns) || len(shares) == 0 {
			continue
		}
		byUnit := map[string]string{}
		for _, s := range shares {
			if s.Unit >= 0 && s.Unit < len(m.Units) {
				byUnit[m.Units[s.Unit].Code] = s.Value.String()
			}
		}
		out[p.Columns[ci].Key] = byUnit
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// FileError is a document file that cannot be used, with where and why.
type FileError struct {
	Path   string
	Line   int    // 0 when not known
	Where  string // the field or table concerned
	Reason string
}

func (e *FileError) Error() string {
	var b strings.Builder
	if e.Path != "" {
		fmt.Fprintf(&b, "文件“%s”", e.Path)
	} else {
		b.WriteString("文档")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "第 %d 行", e.Line)
	}
	if e.Where != "" {
		fmt.Fprintf(&b, "（%s）", e.Where)
	}
	b.WriteString("：")
	b.WriteString(e.Reason)
	return b.String()
}

type fileHead struct {
	Format string `json:"format"`
	Schema int    `json:"schema"`
}

// readHead reads "format" and "schema" without decoding the whole file: we
// write them first. A file whose head is not there is decoded in full, so
// that a broken file still gets an exact error.
func readHead(data []byte) (fileHead, error) {
	var h fileHead
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err == nil && tok == json.Delim('{') {
		for i := 0; i < 2 && dec.More(); i++ {
			key, err := dec.Token()
			if err != nil {
				break
			}
			switch key {
			case "format":
				dec.Decode(&h.Format)
			case "schema":
				dec.Decode(&h.Schema)
			}
		}
		if h.Format != "" && h.Schema != 0 {
			return h, nil
		}
	}
	h = fileHead{}
	if err := json.Unmarshal(data, &h); err != nil {
		return h, jsonError(data, err)
	}
	return h, nil
}

// utf8BOM starts a UTF-8 text that Windows' Notepad saved.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Decode reads a document file. Unknown fields are ignored, so a file from
// a newer program of the same schema still opens; a newer schema is refused.
func Decode(data []byte) (*Document, error) {
	data = bytes.TrimPrefix(data, utf8BOM) // Notepad saves UTF-8 with a BOM
	if len(data) > MaxFileBytes {
		return nil, &FileError{Reason: fmt.Sprintf("文件过大（超过 %d MB），不是正常的文档文件", MaxFileBytes>>20)}
	}
	head, err := readHead(data)
	if err != nil {
		return nil, err
	}
	if head.Format != FileFormat {
		return nil, &FileError{Reason: "不是预算公开助手的文档文件（缺少 \"format\": \"yusuan\" 标记）"}
	}
	if head.Schema > SchemaVersion {
		return nil, &FileError{Reason: fmt.Sprintf("此文件由较新版本的预算公开助手保存（文件格式第 %d 版，本程序只能读到第 %d 版），请升级程序后再打开；文件未作任何改动", head.Schema, SchemaVersion)}
	}
	if head.Schema < 1 {
		return nil, &FileError{Where: "schema", Reason: "文件格式版本缺失或无效"}
	}
	var f Raw
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, jsonError(data, err)
	}
	return f.Document()
}

// Document builds a document from its raw form (what the file holds, or
// what an import read): the template's tables with these rows and figures.
// Figures at computed positions are kept as given when they differ from
// their sums, and stored as computed when they agree (decision 2).
func (f *Raw) Document() (*Document, error) {
	if err := checkBounds(f); err != nil {
		err.Reason += "；文件未作任何改动"
		return nil, err
	}
	var d *Document
	var err error
	if f.Template != nil {
		if err := f.Template.validate(); err != nil {
			return nil, &FileError{Where: "文档中的表格清单", Reason: err.Error()}
		}
		f.Template.Own = true
		d, err = NewDocumentOn(f.Meta, f.Template)
	} else {
		d, err = NewDocument(f.Meta)
	}
	if err != nil {
		return nil, &FileError{Where: "文档信息", Reason: err.Error()}
	}
	for i, pf := range f.Perf.Projects {
		if pf.Level != ProjectLevel1 && pf.Level != ProjectLevel2 {
			return nil, &FileError{Where: fmt.Sprintf("第 %d 张项目绩效表“%s”", i+1, pf.Name),
				Reason: fmt.Sprintf("项目级次“%s”应为“%s”或“%s”", pf.Level, ProjectLevel1, ProjectLevel2)}
		}
	}
	d.Units, d.Perf, d.Text, d.Inputs, d.Explanations = f.Units, f.Perf, f.Text, f.Inputs, f.Explanations
	d.Perf.dropBlankIndicators()
	if f.Merge != nil {
		if err := f.Merge.validate(); err != nil {
			return nil, err
		}
		d.Merge = f.Merge
	}
	for _, c := range f.Codes {
		d.Codes = append(d.Codes, classify.Entry{Scheme: c.Scheme, Code: c.Code, Name: c.Name, Source: "用户导入"})
	}
	var units map[string]int // unit code → index, for the shares
	if d.Merge != nil {
		units = make(map[string]int, len(d.Merge.Units))
		for i, u := range d.Merge.Units {
			units[u.Code] = i
		}
	}
	seen := map[string]bool{}
	for i, ft := range f.Tables {
		t := d.Table(ft.ID)
		where := fmt.Sprintf("第 %d 张表", i+1)
		if t == nil {
			return nil, &FileError{Where: where, Reason: fmt.Sprintf("表“%s”不属于模板“%s”", ft.ID, d.Template.Name)}
		}
		if seen[ft.ID] {
			return nil, &FileError{Where: where, Reason: fmt.Sprintf("表“%s”出现了两次", ft.ID)}
		}
		seen[ft.ID] = true
		t.Note, t.Absent, t.Printed = ft.Note, ft.Absent, ft.Printed
		if ft.Unit != "" {
			if !ft.Unit.Valid() {
				return nil, &FileError{Where: where, Reason: fmt.Sprintf("金额单位“%s”应为“元”或“万元”", ft.Unit)}
			}
			t.Unit = ft.Unit
		}
		if err := loadRows(d, t, ft.Rows, units); err != nil {
			err.Where = where + "“" + t.Title + "”" + err.Where
			return nil, err
		}
	}
	return d, nil
}

func loadRows(d *Document, t *Table, rows []RawRow, units map[string]int) *FileError {
	kd := t.Kind.Def()
	if kd.Layout == LayoutForm {
		if len(rows) > 0 {
			return &FileError{Reason: "绩效表不应有表格行"}
		}
		return nil
	}
	type pending struct {
		p  *Pane
		r  *Row
		fr RawRow
		at string
	}
	var todo []pending
	dups := map[string]int{}
	for i, fr := range rows {
		at := fmt.Sprintf("第 %d 行", i+1)
		p, r, err := placeRow(d, t, kd, fr, dups)
		if err != nil {
			return &FileError{Where: at, Reason: err.Error()}
		}
		if len(p.Rows) > MaxRowsPerPane {
			return &FileError{Where: at, Reason: fmt.Sprintf("行数超过 %d，不是正常的文档", MaxRowsPerPane)}
		}
		todo = append(todo, pending{p, r, fr, at})
	}
	if kd.Layout == LayoutProjects {
		p := t.Main()
		p.regroupProjects()
		for _, x := range todo {
			if x.r.Type != RowProject && !slices.Contains(p.Rows, x.r) {
				return &FileError{Where: x.at, Reason: fmt.Sprintf("小计行“%s”没有对应的项目", x.r.Key)}
			}
		}
	}
	for _, p := range t.Panes {
		p.link()
	}
	for _, x := range todo {
		if err := loadShares(units, x.p, x.r, x.fr.From); err != nil {
			err.Where = x.at
			return err
		}
		ri := x.p.RowIndex(x.r.Key)
		for key, text := range x.fr.Values {
			ci := x.p.Col(key)
			if ci < 0 || x.p.Columns[ci].Text {
				return &FileError{Where: x.at, Reason: fmt.Sprintf("“%s”行的栏目“%s”不在此表中", x.r.Name, key)}
			}
			v, err := money.Parse(text)
			if err != nil {
				return &FileError{Where: x.at, Reason: fmt.Sprintf("“%s”行“%s”栏：%v", x.r.Name, x.p.Columns[ci].Label, err)}
			}
			x.r.Cells[ci] = Cell{Value: v, Entered: x.p.IsComputed(ri, ci)}
		}
	}
	for _, p := range t.Panes {
		if err := p.Recompute(); err != nil {
			return &FileError{Reason: "合计超出可处理的范围（绝对值不超过 " + money.Format(money.MaxAbs, true) + "），不是正常的文档"}
		}
	}
	return nil
}

// validate refuses a list of consolidated units that cannot name shares.
func (c *Consolidation) validate() *FileError {
	seen := map[string]bool{}
	for i, u := range c.Units {
		if u.Code == "" {
			return &FileError{Where: "汇总单位", Reason: fmt.Sprintf("第 %d 个单位没有代码", i+1)}
		}
		if seen[u.Code] {
			return &FileError{Where: "汇总单位", Reason: fmt.Sprintf("单位代码“%s”出现了两次", u.Code)}
		}
		seen[u.Code] = true
	}
	return nil
}

// loadShares reads a row's shares (by column key and unit code).
func loadShares(units map[string]int, p *Pane, r *Row, from map[string]map[string]string) *FileError {
	if len(from) == 0 {
		return nil
	}
	if units == nil {
		return &FileError{Reason: fmt.Sprintf("“%s”行记有来源单位，但文件没有汇总单位列表", r.Name)}
	}
	r.From = make(map[int][]Share, len(from))
	for key, byUnit := range from {
		ci := p.Col(key)
		if ci < 0 || p.Columns[ci].Text {
			return &FileError{Reason: fmt.Sprintf("“%s”行的来源记在栏目“%s”，此表没有该栏目", r.Name, key)}
		}
		shares := make([]Share, 0, len(byUnit))
		for code, text := range byUnit {
			u, ok := units[code]
			if !ok {
				return &FileError{Reason: fmt.Sprintf("“%s”行的来源单位“%s”不在汇总单位列表中", r.Name, code)}
			}
			v, err := money.Parse(text)
			if err != nil {
				return &FileError{Reason: fmt.Sprintf("“%s”行“%s”栏来源单位“%s”的金额：%v", r.Name, p.Columns[ci].Label, code, err)}
			}
			shares = append(shares, Share{u, v})
		}
		r.From[ci] = SortShares(shares)
	}
	return nil
}

// placeRow finds or makes the row a file row stands for. Codes are kept in
// their normalised form ("201 31 01" → "2013101"); dups counts codes met
// twice so that each copy gets its own key at once.
func placeRow(d *Document, t *Table, kd *KindDef, fr RawRow, dups map[string]int) (*Pane, *Row, error) {
	if fr.Code != "" {
		code, err := classify.Normalize(fr.Code)
		if err != nil {
			return nil, nil, err
		}
		fr.Code = code
	}
	switch kd.Layout {
	case LayoutTwoSided:
		if fr.Code != "" {
			p := t.Pane(SideOut)
			if i := p.RowIndex(fr.Code); i >= 0 {
				if fr.Name != "" {
					p.Rows[i].Name = fr.Name
				}
				return p, p.Rows[i], nil
			}
			r := p.newRow(fr.Code, RowClass)
			r.Code, r.Name = fr.Code, fr.Name
			p.placeCoded([]*Row{r})
			return p, r, nil
		}
		ld, ok := kd.Line(fr.Key)
		if !ok || ld.Classes {
			return nil, nil, fmt.Errorf("行“%s”不属于此表", fr.Key)
		}
		p := t.Pane(ld.Side)
		if r := p.Row(fr.Key); r != nil {
			return p, r, nil
		}
		return nil, nil, fmt.Errorf("模板没有印出行“%s”", fr.Key)
	case LayoutFixed:
		p := t.Main()
		if r := p.Row(fr.Key); r != nil {
			return p, r, nil
		}
		return nil, nil, fmt.Errorf("行“%s”不属于此表", fr.Key)
	case LayoutClass:
		p := t.Main()
		switch {
		case fr.Code != "":
			typ := RowClass
			if t.Def.RowsAreUnits() {
				typ = RowUnit
			}
			key := fr.Code
			if p.RowIndex(key) >= 0 { // a code printed twice: kept, under its own key
				dups[fr.Code]++
				key = fmt.Sprintf("dup:%s#%d", fr.Code, dups[fr.Code]+1)
			}
			r := p.newRow(key, typ)
			r.Code, r.Name = fr.Code, fr.Name
			p.Rows = append(p.Rows, r)
			p.byKey[key] = len(p.Rows) - 1
			return p, r, nil
		case fr.Key == RowKeyTotal:
			return p, p.Row(RowKeyTotal), nil
		case fr.Key != "":
			if p.RowIndex(fr.Key) >= 0 {
				return nil, nil, fmt.Errorf("行“%s”重复", fr.Key)
			}
			r := p.newRow(fr.Key, RowLoose)
			r.Name = fr.Name
			p.Rows = append(p.Rows, r)
			p.byKey[fr.Key] = len(p.Rows) - 1
			return p, r, nil
		}
		return nil, nil, fmt.Errorf("行既无编码也无标识")
	case LayoutProjects:
		p := t.Main()
		if fr.Key == "" {
			return nil, nil, fmt.Errorf("项目行缺少标识")
		}
		if p.RowIndex(fr.Key) >= 0 {
			if fr.Key == RowKeyTotal {
				return p, p.Row(fr.Key), nil
			}
			return nil, nil, fmt.Errorf("行“%s”重复", fr.Key)
		}
		var r *Row
		switch {
		case strings.HasPrefix(fr.Key, "l1:"):
			r = p.newRow(fr.Key, RowL1)
			r.Name = strings.TrimPrefix(fr.Key, "l1:")
		case strings.HasPrefix(fr.Key, "type:"):
			r = p.newRow(fr.Key, RowTypeSum)
			r.Name = strings.TrimPrefix(fr.Key, "type:")
		default:
			r = p.newRow(fr.Key, RowProject)
			r.Project = &Project{Type: fr.Type, L1: fr.L1, L2: fr.L2, Unit: fr.Unit, Func: fr.Func}
		}
		p.Rows = append(p.Rows, r)
		p.byKey[fr.Key] = len(p.Rows) - 1
		return p, r, nil
	}
	return nil, nil, fmt.Errorf("此表没有表格行")
}

// jsonError turns a JSON decoding error into a FileError with a line number.
func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var amt *money.ParseError
	switch {
	case errors.As(err, &syn):
		if syn.Offset >= int64(len(bytes.TrimRight(data, " \r\n\t"))) {
			return &FileError{Line: lineAt(data, syn.Offset), Reason: "文件不完整（在结尾处被截断）"}
		}
		what := "有不该出现的内容"
		if m := badChar.FindStringSubmatch(syn.Error()); m != nil {
			what = "有不该出现的字符 " + m[1]
		}
		return &FileError{Line: lineAt(data, syn.Offset), Reason: fmt.Sprintf("JSON 格式错误：第 %d 列附近%s", columnAt(data, syn.Offset), what)}
	case errors.As(err, &typ):
		return &FileError{Line: lineAt(data, typ.Offset), Where: fieldName(typ.Field), Reason: fmt.Sprintf("应为%s，实为%s", goKindName(typ.Type), jsonKindName(typ.Value))}
	case errors.As(err, &amt):
		line := 0
		if i := bytes.Index(data, []byte(amt.Input)); i >= 0 {
			line = lineAt(data, int64(i))
		}
		return &FileError{Line: line, Reason: amt.Error()}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &FileError{Line: lineAt(data, int64(len(data))), Reason: "文件不完整（在结尾处被截断）"}
	}
	return &FileError{Reason: "文件内容无法解析（技术信息：" + err.Error() + "）"}
}

func jsonKindName(v string) string {
	switch {
	case v == "string":
		return "文字"
	case v == "object":
		return "对象"
	case v == "array":
		return "列表"
	case v == "bool":
		return "是/否"
	case strings.HasPrefix(v, "number"):
		return "数字"
	}
	return v
}

// fieldName shows a JSON field path with its part named in Chinese
// ("meta.year" → "文档信息 year").
func fieldName(path string) string {
	for _, p := range []struct{ prefix, name string }{
		{"meta", "文档信息"}, {"units", "单位列表"}, {"tables", "表格"}, {"perf", "绩效表"},
		{"text", "文字部分"}, {"inputs", "情况说明补充信息"}, {"explanations", "出错说明"}, {"codes", "自定义科目"},
	} {
		if rest, ok := strings.CutPrefix(path, p.prefix); ok {
			return strings.TrimSpace(p.name + " " + strings.TrimPrefix(rest, "."))
		}
	}
	return path
}

func goKindName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "整数"
	case reflect.String:
		return "文字"
	case reflect.Slice, reflect.Array:
		return "列表"
	case reflect.Bool:
		return "是/否"
	}
	return "对象"
}

var badChar = regexp.MustCompile(`invalid character ('.+?')`)

func columnAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return len([]rune(string(data[start:off])))
}

func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// Open reads a document file from disk.
func Open(path string) (*Document, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &FileError{Path: path, Reason: osReason(err)}
	}
	if fi.IsDir() {
		return nil, &FileError{Path: path, Reason: "这是一个文件夹，不是文档文件"}
	}
	if !fi.Mode().IsRegular() {
		return nil, &FileError{Path: path, Reason: "这不是普通文件（设备、管道等），不是文档文件"}
	}
	if fi.Size() > MaxFileBytes {
		return nil, &FileError{Path: path, Reason: fmt.Sprintf("文件过大（%d MB），不是正常的文档文件", fi.Size()>>20)}
	}
	data, err := readLimited(path, MaxFileBytes)
	if err != nil {
		return nil, &FileError{Path: path, Reason: osReason(err)}
	}
	d, err := Decode(data)
	if err == nil {
		remember(path)
	}
	if err != nil {
		var fe *FileError
		if errors.As(err, &fe) {
			fe.Path = path
			return nil, fe
		}
		return nil, &FileError{Path: path, Reason: err.Error()}
	}
	return d, nil
}

// readLimited reads at most limit+1 bytes, so a file that grows while it is
// read (or a device) cannot exhaust memory; Decode refuses what is too large.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit+1))
}

func osReason(err error) string { return DescribeOSError(err) }

// DescribeOSError says in Chinese why the system refused a file; the
// system's own words follow as technical detail when no case fits.
func DescribeOSError(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, os.ErrPermission):
		return "没有读写权限"
	case errors.Is(err, syscall.EISDIR):
		return "这是一个文件夹，不是文件"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "文件名太长"
	case errors.Is(err, syscall.ELOOP):
		return "文件路径中的链接形成了循环"
	case errors.Is(err, syscall.ENOSPC):
		return "磁盘空间不足"
	case errors.Is(err, syscall.EROFS):
		return "磁盘是只读的"
	case errors.Is(err, syscall.ENOTDIR):
		return "路径中有一段不是文件夹"
	}
	return "系统拒绝了操作（技术信息：" + err.Error() + "）"
}

// Save writes the document atomically: a temporary file in the same folder,
// synced, then renamed over the old one, whose previous content is kept as
// path + ".bak". A file at path that is not a readable document (or is of a
// newer schema) is never overwritten; a link is written through to its
// target; a device, FIFO or socket is refused.
func Save(path string, d *Document) error {
	data, err := Encode(d)
	if err != nil {
		return &FileError{Path: path, Reason: "生成文件内容失败：" + err.Error() + "；未保存"}
	}
	target, err := resolveTarget(path)
	if err != nil {
		return &FileError{Path: path, Reason: err.Error() + "；未保存"}
	}
	mode := os.FileMode(0o644)
	fi, err := os.Stat(target)
	exists := err == nil
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return &FileError{Path: path, Reason: "无法读取原文件，未保存：" + osReason(err)}
	}
	if exists {
		mode = fi.Mode().Perm()
		if !knownGood(target) {
			old, err := readLimited(target, MaxFileBytes)
			if err != nil {
				return &FileError{Path: path, Reason: "无法读取原文件，未保存：" + osReason(err)}
			}
			if err := checkOverwritable(old); err != nil {
				return &FileError{Path: path, Reason: err.Error() + "；为免覆盖，未保存。请另存为新文件"}
			}
		}
	}
	err = atomicWrite{path: target, mode: mode, backup: exists, write: func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}}.run()
	if err != nil {
		var we *writeError
		errors.As(err, &we)
		what := map[writeStep]string{
			stepCreate: "无法在所在文件夹写入临时文件",
			stepChmod:  "设置文件权限失败",
			stepWrite:  "写入失败",
			stepSync:   "写入磁盘失败",
			stepClose:  "写入失败",
			stepBackup: "无法保留上一版本（" + BackupExt + "）",
			stepRename: "替换原文件失败",
		}[we.step]
		return &FileError{Path: path, Reason: what + "：" + osReason(we.err) + "；原文件未改动"}
	}
	remember(target)
	return nil
}

// WriteAtomic writes an exported file (a workbook, a PDF) through a
// temporary file in the same folder, synced, then renamed over path: a
// failure midway leaves the old file as it was. A link is written through
// to its target; a device, FIFO or socket is refused. what names the file
// in messages ("工作簿", "PDF").
func WriteAtomic(path, what string, write func(w io.Writer) error) error {
	target, err := resolveTarget(path)
	if err != nil {
		return fmt.Errorf("不能把%s写到“%s”：%v", what, path, err)
	}
	err = atomicWrite{path: target, mode: 0o644, write: write}.run()
	var we *writeError
	if !errors.As(err, &we) {
		return err // nil, or what write itself returned
	}
	switch we.step {
	case stepCreate:
		dir := filepath.Dir(target)
		return fmt.Errorf("无法在“%s”写入%s：%s", dir, what, DescribeOSError(we.err))
	case stepRename:
		return fmt.Errorf("无法替换“%s”（文件可能正在别的程序中打开）：%s", path, DescribeOSError(we.err))
	case stepWrite:
		if !isOSErrno(we.err) {
			return we.err // the exporter's own message
		}
	}
	return fmt.Errorf("写入%s“%s”失败：%s", what, path, DescribeOSError(we.err))
}

// isOSErrno tells a system error (disk full, …) from an exporter's own.
func isOSErrno(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno)
}

// known remembers the size and time of document files this program has
// read or written, so that saving over them again skips re-validating a
// file it already knows to be good.
var known sync.Map // path → fileStamp

type fileStamp struct {
	size int64
	mod  int64
}

func stampOf(path string) (fileStamp, bool) {
	fi, err := os.Stat(path)
	if err != nil {
		return fileStamp{}, false
	}
	return fileStamp{fi.Size(), fi.ModTime().UnixNano()}, true
}

func remember(path string) {
	if st, ok := stampOf(path); ok {
		known.Store(canonical(path), st)
	}
}

func knownGood(path string) bool {
	st, ok := stampOf(path)
	if !ok {
		return false
	}
	v, ok := known.Load(canonical(path))
	return ok && v.(fileStamp) == st
}

// checkOverwritable refuses content that is not one of our documents, or is
// of a newer schema than this program writes.
func checkOverwritable(old []byte) error {
	old = bytes.TrimPrefix(old, utf8BOM)
	if len(bytes.TrimSpace(old)) == 0 {
		return nil // an empty file holds nothing to lose
	}
	if !json.Valid(old) {
		return errors.New("原文件不是完整的文档文件（可能已损坏或是其他程序的文件）")
	}
	var head fileHead
	if err := json.Unmarshal(old, &head); err != nil || head.Format != FileFormat {
		return errors.New("原文件不是预算公开助手的文档文件")
	}
	if head.Schema > SchemaVersion {
		return fmt.Errorf("原文件由较新版本保存（格式第 %d 版）", head.Schema)
	}
	return nil
}

func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync() // best effort: not supported everywhere (Windows)
		f.Close()
	}
}
