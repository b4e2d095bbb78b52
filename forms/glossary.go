package forms

import (
	"encoding/json"
	"slices"
	"sync"

	"yusuan/assets"
)

// DefaultGlossary is the 名词解释 the app ships; a document uses it until the
// clerk edits its own.
func DefaultGlossary() []Term {
	defaultGlossaryOnce.Do(func() {
		if err := json.Unmarshal(assets.Glossary, &defaultGlossary); err != nil {
			defaultGlossary = nil // embedded data; a test proves it parses
		}
	})
	return slices.Clone(defaultGlossary)
}

var (
	defaultGlossaryOnce sync.Once
	defaultGlossary     []Term
)

// GlossaryOf is the document's 名词解释: its own, or the default.
func (d *Document) GlossaryOf() []Term {
	if d.Text.Glossary != nil {
		return d.Text.Glossary
	}
	return DefaultGlossary()
}
