package money

import (
	"math"
	"math/big"
	"sort"
)

// Share is part/whole in hundredths of a percent, rounded half up (14.13% →
// 1413). The whole must not be zero.
func Share(part, whole Amount) int64 { return ShareAt(int64(part), int64(whole), 2) }

// Shares splits 100.00% over parts that add up to whole, so that the shares
// printed add up to exactly 100.00%: each part gets its share rounded down,
// and the hundredths still missing go to the parts with the largest
// remainders (largest-remainder method). Parts must be non-negative and sum
// to a positive whole; otherwise each share is rounded on its own.
func Shares(parts []Amount, whole Amount) []int64 {
	ps := make([]int64, len(parts))
	for i, p := range parts {
		ps[i] = int64(p)
	}
	return SharesAt(ps, int64(whole), 2)
}

// percentAt is 100 × 10^q: the whole, in units of 10^-q percent.
func percentAt(q int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(q)+2), nil)
}

// ShareAt is part/whole in units of 10^-q percent (q decimals printed),
// rounded half away from zero; a share too large for int64 is clamped. The
// whole must not be zero.
func ShareAt(part, whole int64, q int) int64 {
	if whole < 0 {
		part, whole = -part, -whole
	}
	neg := part < 0
	if neg {
		part = -part
	}
	n := new(big.Int).Mul(big.NewInt(part), percentAt(q))
	n.Add(n, big.NewInt(whole/2))
	n.Quo(n, big.NewInt(whole))
	v := clampShare(n)
	if neg {
		return -v
	}
	return v
}

// SharesAt is Shares at q decimals of a percent.
func SharesAt(parts []int64, whole int64, q int) []int64 {
	out := make([]int64, len(parts))
	var sum int64
	ok := whole > 0
	for _, p := range parts {
		sum += p
		ok = ok && p >= 0
	}
	if !ok || sum != whole {
		for i, p := range parts {
			if whole != 0 {
				out[i] = ShareAt(p, whole, q)
			}
		}
		return out
	}
	w := big.NewInt(whole)
	rem := make([]*big.Int, len(parts))
	var given int64
	for i, p := range parts {
		n := new(big.Int).Mul(big.NewInt(p), percentAt(q))
		quo, r := new(big.Int).QuoRem(n, w, new(big.Int))
		out[i], rem[i] = clampShare(quo), r
		given += out[i]
	}
	order := make([]int, len(parts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rem[order[a]].Cmp(rem[order[b]]) > 0 })
	all := clampShare(percentAt(q))
	for k := 0; given < all && k < len(order); k++ {
		out[order[k]]++
		given++
	}
	return out
}

func clampShare(n *big.Int) int64 {
	if !n.IsInt64() || n.Int64() > math.MaxInt64/4 {
		return math.MaxInt64 / 4
	}
	return n.Int64()
}
