package classify

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Entry is one code's name over a span of years (0 = unbounded).
type Entry struct {
	Scheme   Scheme
	Code     string
	Name     string
	FromYear int
	ToYear   int
	Source   string // where the name was taken from
}

// covers reports whether the entry's name is valid in year.
func (e Entry) covers(year int) bool {
	return (e.FromYear == 0 || year >= e.FromYear) && (e.ToYear == 0 || year <= e.ToYear)
}

// SourceYears lists the budget years the entry's sources are of, in order:
// the Source holds one or more sources separated by "；", each starting with
// its document's year ("2026年长春市信访局部门预算《…》第11页"). A source
// without a leading year (a web page of no stated year, tables.md) adds none.
func (e Entry) SourceYears() []int {
	var ys []int
	for _, part := range strings.Split(e.Source, "；") {
		part = strings.TrimSpace(part)
		if len(part) < 7 || !strings.HasPrefix(part[4:], "年") {
			continue
		}
		y, err := strconv.Atoi(part[:4])
		if err != nil || y < 1990 || y > 2100 {
			continue
		}
		if !slices.Contains(ys, y) {
			ys = append(ys, y)
		}
	}
	slices.Sort(ys)
	return ys
}

// SourcedFor reports whether the entry's name is backed by its sources in
// year: the name is valid that year and the year lies between the earliest
// and the latest year of its sources (a name printed the same in 2019 and in
// 2026 is taken to hold in between). Outside that span the name is the list's
// best knowledge, not a sourced fact.
func (e Entry) SourcedFor(year int) bool {
	if !e.covers(year) {
		return false
	}
	ys := e.SourceYears()
	return len(ys) > 0 && ys[0] <= year && year <= ys[len(ys)-1]
}

// Catalog is a set of code names: the shipped lists plus what the user adds.
// User entries override shipped ones for the same code.
type Catalog struct {
	shipped map[string][]Entry // key: scheme + ":" + code
	user    map[string]Entry
	byName  map[string][]string // scheme + ":" + folded name → codes, built on first use
}

func key(s Scheme, code string) string { return string(s) + ":" + code }

// NewCatalog makes a catalog from shipped entries.
func NewCatalog(shipped []Entry) *Catalog {
	c := &Catalog{shipped: map[string][]Entry{}, user: map[string]Entry{}}
	for _, e := range shipped {
		k := key(e.Scheme, e.Code)
		c.shipped[k] = append(c.shipped[k], e)
	}
	return c
}

// AddUser adds or overrides names from a user-supplied list (valid every year).
func (c *Catalog) AddUser(entries []Entry) {
	for _, e := range entries {
		c.user[key(e.Scheme, e.Code)] = e
	}
	c.byName = nil
}

// CodeOfName finds the code of a given length that is named name in year
// (names compared folded, decision 5), looking back up to lookBack years
// for a name that has since changed. A name that several codes of that
// length bear in the same year (行政运行 is the 项 of many 款) names none:
// decision 39 gives a code only to a name that matches one entry.
func (c *Catalog) CodeOfName(s Scheme, name string, digits, year, lookBack int) (string, bool) {
	if c.byName == nil {
		c.byName = map[string][]string{}
		add := func(e Entry) {
			k := key(e.Scheme, FoldName(e.Name))
			if !slices.Contains(c.byName[k], e.Code) {
				c.byName[k] = append(c.byName[k], e.Code)
			}
		}
		for _, list := range c.shipped {
			for _, e := range list {
				add(e)
			}
		}
		for _, e := range c.user {
			add(e)
		}
	}
	codes := c.byName[key(s, FoldName(name))]
	for y := year; y >= year-lookBack; y-- {
		found := ""
		for _, code := range codes {
			if len(code) != digits {
				continue
			}
			if n, ok := c.Name(s, code, y); ok && FoldName(n) == FoldName(name) {
				if found != "" && found != code {
					return "", false
				}
				found = code
			}
		}
		if found != "" {
			return found, true
		}
	}
	return "", false
}

// Name returns the code's name in the given budget year.
func (c *Catalog) Name(s Scheme, code string, year int) (string, bool) {
	if e, ok := c.user[key(s, code)]; ok {
		return e.Name, true
	}
	for _, e := range c.shipped[key(s, code)] {
		if e.covers(year) {
			return e.Name, true
		}
	}
	return "", false
}

// Lookup returns the entry naming the code in year: the user's entry if there
// is one, else the shipped entry valid that year.
func (c *Catalog) Lookup(s Scheme, code string, year int) (Entry, bool) {
	if e, ok := c.user[key(s, code)]; ok {
		return e, true
	}
	for _, e := range c.shipped[key(s, code)] {
		if e.covers(year) {
			return e, true
		}
	}
	return Entry{}, false
}

// Sourced reports whether the code's name in year is backed by a source for
// that year (decision 40: a name differing from such an entry is an 错误;
// from an entry not sourced for the year, less). A user's list always is.
func (c *Catalog) Sourced(s Scheme, code string, year int) bool {
	if _, ok := c.user[key(s, code)]; ok {
		return true
	}
	e, ok := c.Lookup(s, code, year)
	return ok && e.SourcedFor(year)
}

// History lists the shipped names of a code over the years, earliest first.
func (c *Catalog) History(s Scheme, code string) []Entry {
	out := slices.Clone(c.shipped[key(s, code)])
	slices.SortStableFunc(out, func(a, b Entry) int { return a.FromYear - b.FromYear })
	return out
}

// WhenNamed finds the shipped entry in which the code bore name (compared
// folded): how a caller tells "a name of 2019" from a wrong name.
func (c *Catalog) WhenNamed(s Scheme, code, name string) (Entry, bool) {
	for _, e := range c.shipped[key(s, code)] {
		if SameName(e.Name, name) {
			return e, true
		}
	}
	return Entry{}, false
}

// Known reports whether the code has a name in any year.
func (c *Catalog) Known(s Scheme, code string) bool {
	_, u := c.user[key(s, code)]
	return u || len(c.shipped[key(s, code)]) > 0
}

// Entries lists every name valid in year for a scheme, sorted by code.
func (c *Catalog) Entries(s Scheme, year int) []Entry {
	seen := map[string]Entry{}
	for _, list := range c.shipped {
		for _, e := range list {
			if e.Scheme == s && e.covers(year) {
				seen[e.Code] = e
			}
		}
	}
	for _, e := range c.user {
		if e.Scheme == s {
			seen[e.Code] = e
		}
	}
	out := make([]Entry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// Nearest is the known code nearest to one the list does not know
// (decision 40): of the same length under the same parent, the closest by
// number; else the parent. listed is c.Entries(s, year), which a caller
// asking about many codes reads once.
func (c *Catalog) Nearest(listed []Entry, s Scheme, code string, year int) (Entry, bool) {
	parent := Parent(code)
	n, err := strconv.Atoi(code)
	if err != nil {
		return Entry{}, false
	}
	var best Entry
	bestGap := -1
	for _, e := range listed {
		if len(e.Code) != len(code) || Parent(e.Code) != parent {
			continue
		}
		m, err := strconv.Atoi(e.Code)
		if err != nil {
			continue
		}
		if gap := max(m-n, n-m); bestGap < 0 || gap < bestGap {
			best, bestGap = e, gap
		}
	}
	if bestGap >= 0 {
		return best, true
	}
	if parent != "" {
		return c.Lookup(s, parent, year)
	}
	return Entry{}, false
}

// ReadShipped parses an embedded list: code,name,from,to,source with a
// header line and '#' comments.
func ReadShipped(s Scheme, r io.Reader) ([]Entry, error) {
	rows, err := readCSV(r)
	if err != nil {
		return nil, err
	}
	var out []Entry
	for i, row := range rows {
		if i == 0 || len(row) < 2 {
			continue // header
		}
		e := Entry{Scheme: s, Code: row[0], Name: row[1]}
		if len(row) > 2 && row[2] != "" {
			if e.FromYear, err = strconv.Atoi(row[2]); err != nil {
				return nil, fmt.Errorf("科目表第 %d 行起始年度“%s”不是年份", i+1, row[2])
			}
		}
		if len(row) > 3 && row[3] != "" {
			if e.ToYear, err = strconv.Atoi(row[3]); err != nil {
				return nil, fmt.Errorf("科目表第 %d 行截止年度“%s”不是年份", i+1, row[3])
			}
		}
		if len(row) > 4 {
			e.Source = row[4]
		}
		out = append(out, e)
	}
	return out, nil
}

func readCSV(r io.Reader) ([][]string, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	rows, err := cr.ReadAll()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("CSV 第 %d 行格式有误：%v", pe.Line, pe.Err)
		}
		return nil, fmt.Errorf("读取 CSV 失败：%v", err)
	}
	return rows, nil
}

// RowProblem names one line of a user list that could not be used.
type RowProblem struct {
	Line   int
	Reason string
}

func (p RowProblem) Error() string { return fmt.Sprintf("第 %d 行：%s", p.Line, p.Reason) }

// ParseUserRows turns rows of cells (code, name[, scheme]) from a CSV or a
// worksheet into entries. A header row is recognised and skipped; each row
// that cannot be used is reported and the others are kept.
func ParseUserRows(rows [][]string) ([]Entry, []RowProblem) {
	var out []Entry
	var probs []RowProblem
	for i, row := range rows {
		line := i + 1
		if len(row) == 0 || (len(row) == 1 && strings.TrimSpace(row[0]) == "") {
			continue
		}
		first := strings.TrimSpace(row[0])
		if i == 0 && (strings.Contains(first, "编码") || strings.Contains(first, "代码") || strings.EqualFold(first, "code")) {
			continue
		}
		if len(row) < 2 || strings.TrimSpace(row[1]) == "" {
			probs = append(probs, RowProblem{line, "缺少科目名称"})
			continue
		}
		code, err := Normalize(first)
		if err != nil {
			probs = append(probs, RowProblem{line, err.Error()})
			continue
		}
		s, ok := SchemeOf(code)
		if len(row) > 2 {
			switch strings.TrimSpace(row[2]) {
			case "功能分类", "支出功能分类", "functional":
				s, ok = Functional, true
			case "经济分类", "支出经济分类", "部门预算经济分类", "部门预算支出经济分类", "economic":
				s, ok = Economic, true
			case "政府经济分类", "政府预算经济分类", "政府预算支出经济分类", "gov_economic":
				s, ok = GovEconomic, true
			}
		}
		if !ok {
			probs = append(probs, RowProblem{line, fmt.Sprintf("无法判断“%s”是功能分类还是经济分类（功能分类以 2 开头，部门预算经济分类以 3 开头，政府预算经济分类以 5 开头）", code)})
			continue
		}
		if _, err := LevelOf(s, code); err != nil {
			probs = append(probs, RowProblem{line, err.Error()})
			continue
		}
		out = append(out, Entry{Scheme: s, Code: code, Name: strings.TrimSpace(row[1]), Source: "用户导入"})
	}
	return out, probs
}

// ReadUserCSV reads a user-supplied list in CSV (code,name[,scheme]).
func ReadUserCSV(r io.Reader) ([]Entry, []RowProblem, error) {
	rows, err := readCSV(r)
	if err != nil {
		return nil, nil, err
	}
	entries, probs := ParseUserRows(rows)
	return entries, probs, nil
}
