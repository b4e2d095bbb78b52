package classify

import (
	"bytes"
	"sync"

	"yusuan/assets"
)

var (
	shippedOnce sync.Once
	shipped     []Entry
	shippedErr  error
)

// Shipped returns the names shipped with the program (assets/classify).
// The lists are embedded; a test proves they parse.
func Shipped() []Entry {
	shippedOnce.Do(func() { shipped, shippedErr = loadShipped() })
	return shipped
}

// ShippedError reports a problem in the embedded lists (for tests).
func ShippedError() error {
	Shipped()
	return shippedErr
}

func loadShipped() ([]Entry, error) {
	var all []Entry
	for _, f := range []struct {
		name   string
		scheme Scheme
	}{{"classify/functional.csv", Functional}, {"classify/economic.csv", Economic}, {"classify/gov_economic.csv", GovEconomic}} {
		data, err := assets.Classifications.ReadFile(f.name)
		if err != nil {
			return all, err
		}
		es, err := ReadShipped(f.scheme, bytes.NewReader(data))
		if err != nil {
			return all, err
		}
		all = append(all, es...)
	}
	return all, nil
}
