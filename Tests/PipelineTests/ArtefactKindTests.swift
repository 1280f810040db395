import Pipeline
import Testing

@Suite struct ArtefactKindTests {
    @Test(arguments: [
        (Array("OK".utf8), nil as String?, nil as String?, ArtefactKind.acknowledgement),
        (Array("OK\n{ }".utf8), "application/json", nil, .acknowledgement),
        (Array("{}".utf8), nil, nil, .acknowledgement),
        ([0x50, 0x4B, 3, 4] + Array("....[Content_Types].xml".utf8), nil, nil, .file(fileExtension: "xlsx")),
        ([0x50, 0x4B, 3, 4, 0, 0], nil, nil, .file(fileExtension: "zip")),
        (Array("a,b\n1,2\n".utf8), "text/csv; charset=utf-8", nil, .file(fileExtension: "csv")),
        (Array("a,b".utf8), "application/octet-stream", "../../etc/passwd", .file(fileExtension: "bin")),
        (Array("a,b".utf8), nil, "..\\evil\\results.CSV", .file(fileExtension: "csv")),
        (Array("a,b".utf8), nil, "results.exe", .file(fileExtension: "bin")),
        (Array(#"{"x":1}"#.utf8), nil, nil, .file(fileExtension: "json")),
    ])
    func classifies(body: [UInt8], contentType: String?, fileName: String?, expected: ArtefactKind) {
        #expect(ArtefactKind(body: body, contentType: contentType, fileNameHint: fileName) == expected)
    }
}
