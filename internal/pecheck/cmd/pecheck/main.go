// Command pecheck checks a built Windows program: 64-bit, GUI subsystem (no
// console window), icon, manifest, and version information naming the
// product. make windows and CI run it on dist/预算公开助手.exe.
//
//	go run ./internal/pecheck/cmd/pecheck -product 预算公开助手 dist/预算公开助手.exe
package main

import (
	"flag"
	"fmt"
	"os"

	"yusuan/internal/pecheck"
)

func main() {
	product := flag.String("product", "预算公开助手", "the product name the version information must carry")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "用法：pecheck [-product 名称] 程序.exe")
		os.Exit(2)
	}
	info, err := pecheck.Check(flag.Arg(0), *product)
	if info != nil {
		fmt.Printf("%s：%s\n", flag.Arg(0), info)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "错误：%v\n", err)
		os.Exit(1)
	}
}
