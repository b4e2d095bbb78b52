package tablein

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"yusuan/forms"
	"yusuan/forms/classify"
	"yusuan/forms/money"
)

// norm folds a cell's text for comparing: full-width to half-width, no spaces.
func norm(s string) string { return classify.FoldName(strings.TrimSpace(s)) }

var (
	reYear = regexp.MustCompile(`(\d{4})年度?`)
	// the unit line alone in its cell: "单位：万元", "金额单位:元（保留两位小数）";
	// never "编制单位：元氏县…"
	reUnitLine = regexp.MustCompile(`^(?:金额)?单位[:：]?(万元|元)(?:[(（].*)?$`)
)

// titleCore is what identifies a table's title whatever the year, the
// unit's name, 部门/单位 and the 预算/申报 wording: "中共吉林市委办公室2022年
// 收支预算总表" → "中共吉林市委办公室收支总表", which ends with "收支总表".
func titleCore(s string) string {
	if c, ok := coreCache.get(s); ok {
		return c
	}
	c := foldTitle(s)
	coreCache.put(s, c)
	return c
}

// coreCache remembers titles folded: finding a sheet's title compares each
// cell of its first rows with every table of every template, and folding
// was a fifth of the time a workbook took to check. Bounded: a bureau's
// batch of a thousand workbooks brings ever new names.
var coreCache = &boundedCache{m: map[string]string{}, max: 20000}

type boundedCache struct {
	mu  sync.Mutex
	m   map[string]string
	max int
}

func (c *boundedCache) get(k string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *boundedCache) put(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= c.max {
		clear(c.m)
	}
	c.m[k] = v
}

// foldTitle is titleCore, computed.
func foldTitle(s string) string {
	s = norm(s)
	s = reYear.ReplaceAllString(s, "")
	for _, w := range []string{"{年度}年", "{级次}", "“", "”", "\"", "'", "‘", "’", "本年", "预算", "申报", "预算单位", "部门", "单位", "财务"} {
		s = strings.ReplaceAll(s, w, "")
	}
	return s
}

// titleMatch scores how well a cell's text names a table title: 3 equal,
// 2 the text ends with it (a unit name before it), 1 one contains the other.
func titleMatch(text, title string) int {
	return coreMatch(titleCore(text), titleCore(title))
}

// coreMatch is titleMatch on cores already taken.
func coreMatch(t, c string) int {
	switch {
	case t == "" || c == "":
		return 0
	case t == c:
		return 3
	case strings.HasSuffix(t, c):
		return 2
	case len([]rune(t)) >= 4 && (strings.Contains(c, t) || strings.Contains(t, c)):
		return 1
	}
	return 0
}

// findTitle locates the title among a sheet's first rows and the template
// table it names (the best match not taken yet).
func findTitle(s *sheet, tmpl *forms.Template, taken map[string]bool) (*forms.TableDef, int) {
	bestScore, bestLen, bestRow := 0, 0, -1
	var best *forms.TableDef
	for r := 0; r < len(s.rows) && r < 8; r++ {
		for _, text := range s.rows[r] {
			if text == "" || len([]rune(text)) > 80 {
				continue
			}
			for _, td := range tmpl.Tables {
				if taken[td.ID] {
					continue
				}
				sc := titleMatch(text, td.Title)
				l := len(titleCore(td.Title))
				// the best score; at equal score the first row (a second
				// table lower down is not this sheet's), then the longer title
				if sc > bestScore || (sc == bestScore && sc > 0 && r == bestRow && l > bestLen) {
					bestScore, bestLen, bestRow, best = sc, l, r, td
				}
			}
		}
	}
	return best, bestRow
}

// unitOf reads the sheet's unit line ("单位：万元"), near the top.
func (s *sheet) unitOf(def money.Unit) money.Unit {
	for r := 0; r < len(s.rows) && r < 10; r++ {
		for _, text := range s.rows[r] {
			if m := reUnitLine.FindStringSubmatch(norm(text)); m != nil {
				return money.Unit(m[1])
			}
		}
	}
	return def
}

// yearOf reads a year from the sheet's first rows.
func (s *sheet) yearOf() int {
	for r := 0; r < len(s.rows) && r < 8; r++ {
		for _, text := range s.rows[r] {
			if m := reYear.FindStringSubmatch(norm(text)); m != nil {
				if y, err := strconv.Atoi(m[1]); err == nil && y >= 2000 && y <= 2100 {
					return y
				}
			}
		}
	}
	return 0
}

// chooseTemplate: the one asked for, the cover's, or the one whose tables
// match most sheets.
func chooseTemplate(sheets []*sheet, opts Options, cover map[string][]string) (*forms.Template, error) {
	id := opts.Template
	if id == "" && cover != nil {
		id = first(cover, CoverTemplate+"#")
	}
	if id != "" {
		return forms.TemplateByID(id)
	}
	tmpls, err := forms.Templates()
	if err != nil {
		return nil, err
	}
	var best *forms.Template
	bestScore := -1
	for _, t := range tmpls {
		score := 0
		taken := map[string]bool{}
		for _, s := range sheets {
			if td, _ := findTitle(s, t, taken); td != nil {
				taken[td.ID] = true
				score += 10 + titleMatchRow(s, td)
			}
		}
		if score > bestScore {
			best, bestScore = t, score
		}
	}
	return best, nil
}

func titleMatchRow(s *sheet, td *forms.TableDef) int {
	top := 0
	for r := 0; r < len(s.rows) && r < 8; r++ {
		for _, text := range s.rows[r] {
			top = max(top, titleMatch(text, td.Title))
		}
	}
	return top
}

// nameBefore takes the unit's name from a title that starts with it
// ("中共吉林市委办公室收支总表").
func nameBefore(title string, td *forms.TableDef) string {
	t := norm(title)
	t = reYear.ReplaceAllString(t, "")
	core := titleCore(td.Title)
	if core == "" {
		return ""
	}
	// walk back from the end while the rest still reduces to the core
	rs := []rune(t)
	for i := len(rs); i > 0; i-- {
		if titleCore(string(rs[i-1:])) == core {
			return strings.TrimSpace(string(rs[:i-1]))
		}
	}
	return ""
}

// otherTitles reports a second table found further down a sheet: only the
// first is read.
func (r *reader) otherTitles(td *forms.TableDef) {
	var cores []string // the other tables' title cores, taken once
	for _, other := range r.doc.Template.Tables {
		if other.ID != td.ID {
			cores = append(cores, titleCore(other.Title))
		}
	}
	for row := r.s.title + 5; row < len(r.s.rows); row++ {
		for _, text := range r.s.row(row) {
			// every title names a 表; most cells are figures or names
			if !strings.Contains(text, "表") || len(text) > 180 || len([]rune(text)) < 5 {
				continue
			}
			core := titleCore(text)
			for _, c := range cores {
				if coreMatch(core, c) >= 2 {
					r.problem(-1, row, "这张工作表里还有一张表“%s”，只读取了上面的“%s”；请把每张表放在单独的工作表里", text, r.t.Title)
					return
				}
			}
		}
	}
}
