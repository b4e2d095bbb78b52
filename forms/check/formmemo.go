package check

import (
	"slices"
	"strconv"
	"strings"

	"yusuan/forms"
)

// A department may have ten thousand 项目绩效目标表, and the rules that read
// the forms look at each alone (P-1 … P-4, N-7, X-11's comparison with its
// line): what they found about a form is kept with it, and given again
// while the form is as it was. Told that a form changed (ProjectForm, as
// the Session says when one form is edited), that form starts afresh; told
// only that the forms changed ("perf": one added or removed, or anything),
// each form is compared field by field with a copy of it, and the forms
// before and after the ones that differ keep what was found. The copies
// are taken the first time they are needed, so that a check from scratch
// (the command line's) keeps little.

// Slots of the rules' per-form parts.
const (
	slotP1 = iota
	slotP2
	slotP3
	slotP4
	slotN7
	slotX11
	formSlots
)

// projectForms keeps the project forms as last seen, in order.
type projectForms struct {
	seen   []formSeen
	inStep bool // seen is in step with the forms, but for those told changed since
	// copies: seen holds a copy of each form, to compare the forms with
	// when told only that they changed; taken the first time that happens
	// (a check from scratch, the command line's, takes none)
	copies  bool
	all     bool  // told that any form may have changed
	changed []int // told that these forms changed, and no others
}

// ProjectForm names, for Changed, one 项目支出绩效目标表 changed in place (by
// its index among the project forms); OtherForms the 部门整体 and 事前评估
// forms. "perf" says any form may have changed (one added, removed …).
func ProjectForm(i int) string { return perfPrefix + strconv.Itoa(i) }

// OtherForms: see ProjectForm.
const OtherForms = perfPrefix + "others"

const perfPrefix = "perf:"

// told records what Changed was told about the forms.
func (pf *projectForms) told(what string) {
	i, err := strconv.Atoi(strings.TrimPrefix(what, perfPrefix))
	switch {
	case what == OtherForms:
	case strings.HasPrefix(what, perfPrefix) && err == nil && i >= 0:
		pf.changed = append(pf.changed, i)
	default:
		pf.all = true
	}
}

// formSeen is one project form as last seen, with what each rule's part
// found about it (by slot).
type formSeen struct {
	form   *forms.ProjectPerf // a copy (when copies are kept)
	table  string             // the table that shows it ("" none)
	done   [formSlots]bool
	found  [formSlots][]Finding
	events []n7Event // N-7: what its fields hold, to report once per place
	x11    x11Part   // what it read of the form and its line
}

// copyForm is a copy of a form that shares nothing it could be changed
// through.
func copyForm(f *forms.ProjectPerf) forms.ProjectPerf {
	c := *f
	c.Indicators = slices.Clone(f.Indicators)
	if f.Money.Total != nil {
		v := *f.Money.Total
		c.Money.Total = &v
	}
	return c
}

// sameForm compares two forms field by field (forms_test.go keeps the
// list of fields in step with forms.ProjectPerf).
func sameForm(a, b *forms.ProjectPerf) bool {
	return a.Name == b.Name && a.Level == b.Level && a.Dept == b.Dept && a.Goal == b.Goal && a.Unit == b.Unit &&
		a.Money.Fiscal == b.Money.Fiscal && a.Money.Other == b.Money.Other &&
		(a.Money.Total == nil) == (b.Money.Total == nil) && (a.Money.Total == nil || *a.Money.Total == *b.Money.Total) &&
		slices.Equal(a.Indicators, b.Indicators)
}

// seenForms lines the document's project forms up with those last seen,
// once per check. Told which forms changed, those start afresh; told only
// that the forms changed, they are compared with their copies: the forms
// before and after the ones that changed (one edited, added or removed)
// keep what was found about them, the others start afresh.
func (x *ctx) seenForms() []formSeen {
	if x.aligned != nil {
		return x.aligned
	}
	cur := x.doc.Perf.Projects
	pf := &x.memo.forms
	fresh := func(i int, copies bool) formSeen {
		s := formSeen{table: x.projectTable(cur[i].Level)}
		if copies {
			c := copyForm(&cur[i])
			s.form = &c
		}
		return s
	}
	switch {
	case pf.inStep && !pf.all && len(pf.seen) == len(cur):
		for _, i := range pf.changed {
			if i < len(cur) {
				pf.seen[i] = fresh(i, pf.copies)
			}
		}
	case pf.inStep && pf.copies:
		old := pf.seen
		same := func(o *formSeen, f *forms.ProjectPerf) bool {
			return o.form != nil && o.table == x.projectTable(f.Level) && sameForm(o.form, f)
		}
		pre := 0
		for pre < len(cur) && pre < len(old) && same(&old[pre], &cur[pre]) {
			pre++
		}
		suf := 0
		for suf < len(cur)-pre && suf < len(old)-pre && same(&old[len(old)-1-suf], &cur[len(cur)-1-suf]) {
			suf++
		}
		seen := make([]formSeen, len(cur))
		copy(seen, old[:pre])
		copy(seen[len(cur)-suf:], old[len(old)-suf:])
		for i := pre; i < len(cur)-suf; i++ {
			seen[i] = fresh(i, true)
		}
		pf.seen = seen
	default:
		// nothing to compare with (the first check): every form afresh,
		// copied when told only that the forms changed, for the next time
		pf.copies = pf.inStep && pf.all
		pf.seen = make([]formSeen, len(cur))
		for i := range cur {
			pf.seen[i] = fresh(i, pf.copies)
		}
	}
	pf.inStep, pf.all, pf.changed = true, false, nil
	x.aligned = pf.seen
	return pf.seen
}

// eachForm runs f on every 绩效 form shown by a table of the template, a
// project form as one part, kept with the form; the rule is skipped when
// there is none.
func (x *ctx) eachForm(slot int, f func(pf perfForm)) {
	others := x.otherForms()
	for _, pf := range others {
		f(pf)
	}
	shown := len(others) > 0
	if x.memo == nil {
		for i := range x.doc.Perf.Projects {
			fp := &x.doc.Perf.Projects[i]
			if id := x.projectTable(fp.Level); id != "" {
				shown = true
				f(projectPerfForm(fp, id))
			}
		}
	} else {
		seen := x.seenForms()
		for i := range seen {
			e := &seen[i]
			if e.table == "" {
				continue // no table of the template shows forms of its level
			}
			shown = true
			if e.done[slot] {
				x.found = append(x.found, e.found[slot]...)
				continue
			}
			n := len(x.found)
			f(projectPerfForm(&x.doc.Perf.Projects[i], e.table))
			e.found[slot], e.done[slot] = slices.Clone(x.found[n:]), true
		}
	}
	if !shown {
		x.skipf("没有绩效表")
	}
}
