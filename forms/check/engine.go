// Package check is the catalogue of 勾稽关系: rules that relate the figures
// of a document's tables to each other and to its text. Each rule has a
// stable ID, a severity and a Chinese title, and returns findings that name
// every cell involved with both sides' figures. Rules are written against
// table kinds and column keys, never template names. The same engine serves
// the window (live, re-running only what an edit touches), the command line
// and the exports.
package check

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"yusuan/forms"
	"yusuan/forms/narrative"
	"yusuan/internal/crash"
)

// Severity ranks findings.
type Severity int

const (
	Error   Severity = iota // 错误: an identity that must hold exactly
	Warning                 // 警告: very likely wrong; needs a look or a written explanation
	Hint                    // 提示: style and completeness
)

// String is the severity's Chinese name.
func (s Severity) String() string {
	return [...]string{"错误", "警告", "提示"}[s]
}

// Code is the severity as the JSON output writes it.
func (s Severity) Code() string {
	return [...]string{"error", "warning", "hint"}[s]
}

// Value is a labelled figure of a finding ("各类合计" → "831.91万元").
type Value struct {
	Label string
	Text  string
}

// Finding is one thing a rule found.
type Finding struct {
	Rule     string
	Severity Severity
	Table    string // table id (or a text part: "text.explanation" …)
	Kind     forms.Kind
	Cells    []forms.CellRef
	Message  string
	Values   []Value
	// Explanation is the clerk's 出错说明 when one applies to these figures.
	Explanation *forms.Explanation
	// Stale is set when an explanation was written for this finding's cells
	// but for other figures: it no longer applies and is shown as such.
	Stale *forms.Explanation
	// Units names, in a consolidated (汇总) document, the units the finding
	// is about ("324002 某单位"): see involvedUnits.
	Units []string
}

// Explained reports whether a current explanation covers the finding.
func (f *Finding) Explained() bool { return f.Explanation != nil }

// Rule is an entry of the catalogue.
type Rule struct {
	ID       string
	Severity Severity
	Title    string
	// Reads lists the table kinds the rule reads; Text and Perf say whether
	// it reads the text parts or the 绩效 forms. An edit re-runs only the
	// rules that read what changed.
	Reads []forms.Kind
	Text  bool
	Perf  bool
	// Inputs says the rule reads the 情况说明's extra inputs.
	Inputs bool
	eval   func(c *ctx)
	// explanation, when set, re-evaluates only the findings about the
	// 情况说明 (a generated one changes with every table): the rule's other
	// findings stand until what they read changes. The rule must find
	// those last (the re-evaluated ones take the place of the old ones at
	// the end).
	explanation func(c *ctx)
}

// Skip says why a rule did not run.
type Skip struct {
	Rule   string
	Reason string
}

// Failed reports whether the rule did not run because it failed (a
// programming error, logged), rather than for want of what it reads.
func (s Skip) Failed() bool { return strings.HasPrefix(s.Reason, failedReason) }

// Result is what a check found.
type Result struct {
	Findings []Finding
	Ran      []string
	Skipped  []Skip
}

// Count returns the number of findings of a severity (explained ones included).
func (r *Result) Count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// CountExplained is how many findings a current 出错说明 covers.
func (r *Result) CountExplained() int {
	n := 0
	for _, f := range r.Findings {
		if f.Explained() {
			n++
		}
	}
	return n
}

// Summary is the one-line count: 错误 N 项，警告 N 项，提示 N 项.
func (r *Result) Summary() string {
	return fmt.Sprintf("错误 %d 项，警告 %d 项，提示 %d 项", r.Count(Error), r.Count(Warning), r.Count(Hint))
}

// Rules returns the catalogue in ID order.
func Rules() []*Rule { return catalogue }

// RuleByID returns a rule, or nil.
func RuleByID(id string) *Rule {
	for _, r := range catalogue {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Checker keeps the last findings of every rule so that after an edit only
// the rules reading the edited table run again.
type Checker struct {
	doc     *forms.Document
	byRule  map[string][]Finding
	skipped map[string]string
	textSrc *TextSource
	runs    map[string]int // evaluations per rule (tests prove an edit re-runs only what it touches)
	memo    *memoStore     // the parts of the rules' work kept for the next edit (memo.go)
}

// NewChecker makes a checker for a document; call Full first.
func NewChecker(d *forms.Document) *Checker {
	return &Checker{doc: d, byRule: map[string][]Finding{}, skipped: map[string]string{}, runs: map[string]int{}, memo: newMemo()}
}

// Document checks a document once, every rule.
func Document(d *forms.Document) *Result {
	return NewChecker(d).Full()
}

// SetText makes the text rules read this text instead of the document's
// 情况说明 (yusuan check --text).
func (c *Checker) SetText(src *TextSource) { c.textSrc = src }

// Full runs every rule, from scratch: nothing kept from an earlier check
// is used.
func (c *Checker) Full() *Result {
	c.memo = newMemo()
	x := c.newCtx()
	for _, r := range catalogue {
		c.run(x, r)
	}
	return c.result()
}

// Changed re-runs the rules that read a changed table (by id), the text
// parts ("text"), the 绩效 forms ("perf"; or, narrower, ProjectForm(i) and
// OtherForms) or the extra inputs ("inputs"), and returns the whole
// result.
func (c *Checker) Changed(what ...string) *Result {
	kinds := map[forms.Kind]bool{}
	text, perf, inputs := false, false, false
	// each change moves on the generations of what the kept parts of the
	// rules' work read (memo.go)
	for _, w := range what {
		switch {
		case w == "text":
			text = true
			c.memo.bump("text")
		case w == "perf" || strings.HasPrefix(w, perfPrefix):
			perf = true
			c.memo.bump("perf")
			c.memo.forms.told(w)
		case w == "inputs":
			inputs = true
			c.memo.bump("inputs")
		default:
			if t := c.doc.Table(w); t != nil {
				kinds[t.Kind] = true
				c.memo.tableChanged(t)
			}
		}
	}
	// a generated 情况说明 follows the tables, the forms and the inputs: a
	// change to any of them changes the text the text rules read
	explChanged := c.textSrc == nil && narrative.IsGenerated(c.doc) && (len(kinds) > 0 || perf || inputs)
	x := c.newCtx()
	for _, r := range catalogue {
		hit := (text && r.Text) || (perf && r.Perf) || (inputs && r.Inputs)
		for _, k := range r.Reads {
			hit = hit || kinds[k]
		}
		switch {
		case hit:
			c.run(x, r)
		case explChanged && r.Text:
			c.runExplanation(x, r)
		}
	}
	return c.result()
}

// runExplanation re-evaluates a rule's findings about the 情况说明 only,
// keeping its others; a rule without that split, or skipped, runs whole.
func (c *Checker) runExplanation(x *ctx, r *Rule) {
	prev, ran := c.byRule[r.ID]
	if r.explanation == nil || !ran {
		c.run(x, r)
		return
	}
	x.rule, x.found, x.skip = r, nil, ""
	c.runs[r.ID]++
	// the findings about the 情况说明 (as their part, or as one of the
	// cells they set against each other: 项目支出表合计 vs the sum the
	// text states) are the explanation part's, and come last
	for _, f := range prev {
		if !aboutExplanation(f) {
			x.found = append(x.found, f)
		}
	}
	if !c.guard(x, r, func() { r.explanation(x) }) {
		return
	}
	if x.skip != "" {
		c.run(x, r) // the text no longer lets it run: say so as a whole run would
		return
	}
	nameUnits(c.doc, x.found)
	c.byRule[r.ID] = x.found
}

// aboutExplanation: a finding about the 情况说明.
func aboutExplanation(f Finding) bool {
	if f.Table == PartExplanation {
		return true
	}
	for _, c := range f.Cells {
		if c.Table == PartExplanation {
			return true
		}
	}
	return false
}

func (c *Checker) newCtx() *ctx {
	return &ctx{doc: c.doc, textSrc: c.textSrc, memo: c.memo}
}

func (c *Checker) run(x *ctx, r *Rule) {
	x.rule, x.found, x.skip = r, nil, ""
	c.runs[r.ID]++
	if !c.guard(x, r, func() { r.eval(x); nameUnits(c.doc, x.found) }) {
		return
	}
	if x.skip != "" {
		c.skipped[r.ID] = x.skip
		delete(c.byRule, r.ID)
		return
	}
	delete(c.skipped, r.ID)
	c.byRule[r.ID] = x.found
}

// failedReason starts the reason a rule that panicked is listed as not run.
const failedReason = "本条规则运行出错，未能完成检查"

// guard runs f for rule r; a panic in it (a bug of one rule) is logged and
// the rule listed as not run, so that the other rules' findings still reach
// the clerk. It reports whether f returned normally.
func (c *Checker) guard(x *ctx, r *Rule, f func()) (ok bool) {
	defer func() {
		if v := recover(); v != nil {
			e := crash.Record("运行审核规则 "+r.ID, v, crash.Stack())
			x.found, x.skip = nil, ""
			c.skipped[r.ID] = failedReason + "：" + e.Error()
			delete(c.byRule, r.ID)
			ok = false
		}
	}()
	f()
	return true
}

// result assembles the findings, most severe first, in catalogue order, with
// the clerk's explanations attached.
func (c *Checker) result() *Result {
	res := &Result{}
	for _, r := range catalogue {
		if reason, ok := c.skipped[r.ID]; ok {
			res.Skipped = append(res.Skipped, Skip{r.ID, reason})
			continue
		}
		if _, ok := c.byRule[r.ID]; !ok {
			continue
		}
		res.Ran = append(res.Ran, r.ID)
		for _, f := range c.byRule[r.ID] {
			c.explain(&f)
			res.Findings = append(res.Findings, f)
		}
	}
	sort.SliceStable(res.Findings, func(i, j int) bool {
		return res.Findings[i].Severity < res.Findings[j].Severity
	})
	return res
}

// explain attaches the clerk's explanation written for the same rule and
// cells: current when its figures are the finding's, stale otherwise.
func (c *Checker) explain(f *Finding) {
	for i := range c.doc.Explanations {
		e := &c.doc.Explanations[i]
		if e.Rule != f.Rule || !slices.Equal(e.Cells, f.Cells) {
			continue
		}
		if sameValues(e.Values, f.Values) {
			f.Explanation = e
			return
		}
		f.Stale = e
	}
}

func sameValues(m map[string]string, vs []Value) bool {
	if len(m) != len(vs) {
		return false
	}
	for _, v := range vs {
		if m[v.Label] != v.Text {
			return false
		}
	}
	return true
}

// Explain records the clerk's explanation of a finding (only warnings can
// be explained; an identity that must hold cannot be explained away).
func Explain(d *forms.Document, f *Finding, text string) error {
	if f.Severity != Warning {
		return fmt.Errorf("只有“警告”可以填写出错说明；“%s”必须改正", f.Severity)
	}
	text = strings.TrimSpace(text)
	vals := map[string]string{}
	for _, v := range f.Values {
		vals[v.Label] = v.Text
	}
	e := forms.Explanation{Rule: f.Rule, Cells: slices.Clone(f.Cells), Values: vals, Text: text}
	for i := range d.Explanations {
		if d.Explanations[i].Rule == f.Rule && slices.Equal(d.Explanations[i].Cells, f.Cells) {
			if text == "" {
				d.Explanations = slices.Delete(d.Explanations, i, i+1)
			} else {
				d.Explanations[i] = e
			}
			return nil
		}
	}
	if text != "" {
		d.Explanations = append(d.Explanations, e)
	}
	return nil
}
