package check

import (
	"fmt"
	"strings"

	"yusuan/forms"
	"yusuan/forms/money"
)

// Rounding, graded (decision 36). A figure printed to d (one unit of its
// last decimal) stands for anything within d/2 of it, so an identity of k
// separately rounded figures may be off by up to k × d/2 without anything
// being wrong: that is the 提示 尾差, and only a larger difference keeps the
// rule's own severity. A figure printed to 0.01 元 is exact. Everything is
// compared in 元-cents (hundredths of 元), integers, never floats.

// limCents bounds a figure in 元-cents: far beyond any budget, and low
// enough that differences and doubled differences cannot wrap.
const limCents = int64(1) << 60

// cents is an amount of a unit in 元-cents, saturating at ±limCents.
func cents(v money.Amount, u money.Unit) int64 {
	scale := int64(1)
	if u == money.WanYuan {
		scale = 10000
	}
	switch n := int64(v); {
	case n > limCents/scale:
		return limCents
	case n < -limCents/scale:
		return -limCents
	default:
		return n * scale
	}
}

// unitStep is 0.01 of a unit in 元-cents: d of a figure held, like every
// amount, in hundredths of its unit.
func unitStep(u money.Unit) int64 { return cents(1, u) }

// tableStep is d of a table: one unit of the last decimal it prints, in
// 元-cents. Tables hold hundredths of their unit today; a per-table count
// of decimals (北京 prints 万元 with six, exact cents of 元) changes only this.
func tableStep(t *forms.Table) int64 { return unitStep(t.Unit) }

// isRounded: a figure printed coarser than 0.01 元 was rounded.
func isRounded(step int64) bool { return step > 1 }

// textStep is p of a text amount: one unit of the last decimal it prints
// ("174.4" 万元 → 0.1 万元, "17" 万元 → 1 万元), in 元-cents.
func textStep(num string, u money.Unit) int64 {
	places := 0
	if _, frac, ok := strings.Cut(num, "."); ok {
		places = len(frac)
	}
	p := unitStep(u) * 100 // one whole unit
	for ; places > 0 && p > 1; places-- {
		p /= 10
	}
	return p
}

// places is how many decimals of a unit a step in 元-cents takes.
func places(step int64, u money.Unit) int {
	n := 0
	for w := unitStep(u) * 100; w > step && n < 12; w /= 10 {
		n++
	}
	return n
}

// fmtCents writes 元-cents in a unit exactly, with at least two decimals
// and more where needed ("0.005万元").
func fmtCents(c int64, u money.Unit) string {
	n := max(places(1, u), 2)
	s := fmtPlaces(c, u, n)
	num := strings.TrimSuffix(s, string(u))
	if i := strings.IndexByte(num, '.'); i >= 0 {
		for len(num) > i+3 && num[len(num)-1] == '0' {
			num = num[:len(num)-1]
		}
	}
	return num + string(u)
}

// fmtPlaces writes 元-cents in a unit with a given number of decimals,
// exactly when the figure has no finer digits.
func fmtPlaces(c int64, u money.Unit, n int) string {
	whole := unitStep(u) * 100
	neg := c < 0
	if neg {
		c = -c
	}
	s := fmt.Sprint(c / whole)
	if n > 0 {
		frac := fmt.Sprintf("%0*d", places(1, u), c%whole)
		for len(frac) < n {
			frac += "0"
		}
		s += "." + frac[:n]
	}
	if neg {
		s = "-" + s
	}
	return s + string(u)
}

// roundAt rounds 元-cents half away from zero to a multiple of step.
func roundAt(c, step int64) int64 {
	if step <= 1 {
		return c
	}
	if c < 0 {
		return -roundAt(-c, step)
	}
	return (c + step/2) / step * step
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// tally gathers the rounded terms of a comparison and what they allow.
type tally struct {
	k      int        // rounded printed terms
	bound2 int64      // Σ d of those terms: twice the bound, in 元-cents
	step   int64      // their d when they share one, else 0
	mixed  bool       // terms of different d
	unit   money.Unit // the unit of the coarsest rounded term
}

// add counts n terms printed to step in a unit; exact terms add nothing.
func (t *tally) add(step int64, n int, u money.Unit) {
	if !isRounded(step) || n <= 0 {
		return
	}
	if t.k == 0 || step > t.step {
		t.unit = u
	}
	switch {
	case t.k == 0:
		t.step = step
	case step != t.step:
		t.mixed = true
		t.step = max(t.step, step)
	}
	t.k += n
	t.bound2 += step * int64(n)
	t.bound2 = min(t.bound2, limCents)
}

// within: a difference (元-cents) the rounding of the terms explains.
func (t *tally) within(diff int64) bool {
	return t.k > 0 && 2*abs64(diff) <= t.bound2
}

// note is the 尾差 clause of a message: the difference, k and d.
func (t *tally) note(diff int64, u money.Unit) string {
	s := "相差 " + fmtCents(abs64(diff), u) + "，"
	switch {
	case t.k == 1:
		s += fmt.Sprintf("在 1 个四舍五入的数的尾差范围内（至多 %s）", fmtCents(t.step/2, u))
	case t.mixed:
		s += fmt.Sprintf("在 %d 个分别四舍五入的数的尾差范围内（合计至多 %s）", t.k, fmtCents(t.bound2/2, u))
	default:
		s += fmt.Sprintf("在 %d 个分别四舍五入的数的尾差范围内（每个至多 %s）", t.k, fmtCents(t.step/2, u))
	}
	return s + "（尾差）"
}

// grade is how two figures relate once their rounding is allowed for.
type grade int

const (
	same  grade = iota // equal, or a text amount that is the table's figure rounded
	tail               // within the rounding of the printed figures: 提示 尾差
	apart              // a real difference: the rule's own severity
)

// gap is the comparison of two figures a and b.
type gap struct {
	grade grade
	diff  int64      // a − b in 元-cents
	unit  money.Unit // the unit differences are stated in
	note  string     // for tail: the 尾差 clause
}

// d is the figure's step: as set, or 0.01 of its unit.
func (f fig) d() int64 {
	if f.step > 0 {
		return f.step
	}
	return unitStep(f.u)
}

// n is how many printed figures it adds up.
func (f fig) n() int {
	if f.terms > 0 {
		return f.terms
	}
	return 1
}

func (f fig) cents() int64 { return cents(f.v, f.u) }

// gapOf compares a with b. A text amount against another figure is graded
// at the text's precision p: the figure rounded half up at p is the text:
// same; within p (a truncated figure too): tail. Other figures are graded
// by the k × d/2 their rounded terms allow.
func gapOf(a, b fig) gap {
	g := gap{diff: a.cents() - b.cents(), unit: a.u}
	if a.u != b.u && b.u == money.WanYuan {
		g.unit = b.u
	}
	if a.text != b.text {
		txt, other := a, b
		if b.text {
			txt, other = b, a
		}
		g.unit = txt.u
		p := txt.d()
		want := roundAt(other.cents(), p)
		if want == txt.cents() {
			return g
		}
		allow := p
		if isRounded(other.d()) {
			allow = max(allow, other.d()*int64(other.n())/2)
		}
		if abs64(g.diff) <= allow {
			g.grade = tail
			g.note = fmt.Sprintf("相差 %s，按四舍五入应写 %s，差在文字末位的 1 个单位（%s）以内（尾差）",
				fmtCents(abs64(g.diff), txt.u), fmtPlaces(want, txt.u, places(p, txt.u)), fmtPlaces(p, txt.u, places(p, txt.u)))
			return g
		}
		g.grade = apart
		return g
	}
	if g.diff == 0 {
		return g
	}
	var t tally
	t.add(a.d(), a.n(), a.u)
	t.add(b.d(), b.n(), b.u)
	if t.k > 0 {
		g.unit = t.unit
	}
	if t.within(g.diff) {
		g.grade, g.note = tail, t.note(g.diff, g.unit)
		return g
	}
	g.grade = apart
	return g
}

// Shares at q decimals (decision 36): the half-up share, or the one the
// largest-remainder breakdown of its group shows, is right; one unit of the
// last printed digit off is a 提示 尾差.

// fmtPct writes a share held in units of 10^-q percent: "14.13%", "14.1%".
func fmtPct(v int64, q int) string {
	s := fmt.Sprint(abs64(v))
	if q > 0 {
		for len(s) <= q {
			s = "0" + s
		}
		s = s[:len(s)-q] + "." + s[len(s)-q:]
	}
	if v < 0 {
		s = "-" + s
	}
	return s + "%"
}
