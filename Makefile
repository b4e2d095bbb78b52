# 预算公开助手 — the two set-up commands are `make run` and `make test`.
GO      ?= go
TAGS    := migrated_fynedo
FILE    ?=
export PATH := $(PATH):/usr/local/go/bin
export LANG ?= C.UTF-8

.PHONY: run test deps build cli windows linux windows-wine bench fuzz fmt

## run: install what is missing, then open the window (on the sample, or FILE=…)
run: deps
	$(GO) run -tags $(TAGS) . $(FILE)

## test: install what is missing, then go vet and the whole test suite
test: deps
	$(GO) vet -tags $(TAGS) ./...
	$(GO) vet -tags nogui ./...
	$(GO) test -tags $(TAGS) ./...
	cd third_party/gopdf && $(GO) vet ./... && $(GO) test ./...

deps:
	@./scripts/deps.sh

## build: the desktop program
build: deps
	$(GO) build -tags $(TAGS) -trimpath -o yusuan .

## cli: the command-line-only program (no GL, no X11), for servers
cli:
	CGO_ENABLED=0 $(GO) build -tags nogui -trimpath -o yusuan-cli .

## windows: the Windows program dist/预算公开助手.exe (MinGW-w64 cross build: no
## console window, icon and version information embedded; checked by internal/pecheck)
windows:
	@./scripts/package.sh windows

## linux: dist/预算公开助手.tar.xz (program, .desktop file, icon; sudo make install inside)
linux:
	@./scripts/package.sh linux

## windows-wine: try dist/预算公开助手.exe under Wine here (commands, then the window:
## screenshot dist/wine-window.png); not part of CI
windows-wine:
	@./scripts/wine-try.sh

## bench: the benchmarks quoted in the README
bench:
	$(GO) test -run XXX -bench . -benchmem ./forms/... ./export/...
	$(GO) test -tags $(TAGS) -run XXX -bench . -benchmem ./app/...

## fuzz: run every fuzzer for FUZZTIME each (the corpora are kept in testdata/fuzz)
FUZZTIME ?= 60s
fuzz:
	$(GO) test ./forms/money -run XXX -fuzz FuzzParse -fuzztime $(FUZZTIME) -fuzzminimizetime 5s
	$(GO) test ./forms -run XXX -fuzz FuzzDecode -fuzztime $(FUZZTIME) -fuzzminimizetime 5s
	$(GO) test ./export/xlsx -run XXX -fuzz FuzzImportFile -fuzztime $(FUZZTIME) -fuzzminimizetime 5s
	$(GO) test ./export/xlsx -run XXX -fuzz FuzzImportCells -fuzztime $(FUZZTIME) -fuzzminimizetime 5s
	$(GO) test ./export/xlsx -run XXX -fuzz FuzzSheetPart -fuzztime $(FUZZTIME) -fuzzminimizetime 5s

fmt:
	gofmt -l -w .
