package money

import "sort"

// Share is part/whole in hundredths of a percent, rounded half up (14.13% →
// 1413). The whole must not be zero.
func Share(part, whole Amount) int64 {
	p, w := int64(part), int64(whole)
	if w < 0 {
		p, w = -p, -w
	}
	n := p * 10000
	if n >= 0 {
		return (n + w/2) / w
	}
	return -((-n + w/2) / w)
}

// Shares splits 100.00% over parts that add up to whole, so that the shares
// printed add up to exactly 100.00%: each part gets its share rounded down,
// and the hundredths still missing go to the parts with the largest
// remainders (largest-remainder method). Parts must be non-negative and sum
// to a positive whole; otherwise each share is rounded on its own.
func Shares(parts []Amount, whole Amount) []int64 {
	out := make([]int64, len(parts))
	var sum Amount
	ok := whole > 0
	for _, p := range parts {
		sum += p
		ok = ok && p >= 0
	}
	if !ok || sum != whole {
		for i, p := range parts {
			if whole != 0 {
				out[i] = Share(p, whole)
			}
		}
		return out
	}
	w := int64(whole)
	rem := make([]int64, len(parts))
	var given int64
	for i, p := range parts {
		n := int64(p) * 10000
		out[i], rem[i] = n/w, n%w
		given += out[i]
	}
	order := make([]int, len(parts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rem[order[a]] > rem[order[b]] })
	for k := 0; given < 10000 && k < len(order); k++ {
		out[order[k]]++
		given++
	}
	return out
}
