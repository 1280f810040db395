import Foundation

// smsreport-bench: renders synthetic or given snapshots and prints timings. Not a product command.
//   smsreport-bench xlsx ...   (XLSXBench.swift)
//   smsreport-bench html ...   (HTMLBench.swift)
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "xlsx": try XLSXBench.run(Array(arguments.dropFirst()))
case "html": try HTMLBench.run(Array(arguments.dropFirst()))
default:
    FileHandle.standardError.write(Data("usage: smsreport-bench xlsx|html [options]\n".utf8))
    exit(2)
}
