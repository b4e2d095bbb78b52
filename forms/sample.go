package forms

import "yusuan/assets"

// Sample returns a fresh copy of the embedded sample document (示例数据).
func Sample() (*Document, error) {
	d, err := Decode(assets.Sample)
	if err != nil {
		return nil, err
	}
	return d, nil
}
