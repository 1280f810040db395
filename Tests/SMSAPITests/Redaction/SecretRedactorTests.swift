import Foundation
import TestSupport
import Testing

@testable import SMSAPI

/// Every spelling of every secret shape is redacted; the text around it survives.
@Suite struct SecretRedactorTests {
    @Test(arguments: SecretShapes.corpus.indices)
    func everySpellingIsRedacted(shape: Int) {
        let secret = SecretShapes.corpus[shape]
        let redactor = SecretRedactor(secrets: [secret, "unrelated-other-secret"])
        for (name, spelling) in SecretShapes.spellings(of: secret) {
            let text = "before «\(spelling)» after"
            let clean = redactor.redact(text)
            #expect(SecretShapes.leaks(in: clean, of: [secret]).isEmpty, "\(name): \(clean.prefix(200))")
            #expect(clean.hasPrefix("before «") && clean.hasSuffix("» after"), "\(name): \(clean.prefix(200))")
            #expect(clean.contains(SecretRedactor.placeholder), "\(name)")
        }
    }

    @Test func longestMatchWinsAndNeighboursSurvive() {
        let redactor = SecretRedactor(secrets: ["abcdefghijklmnop"])
        #expect(redactor.redact("x abcdefghijklmnop y") == "x *** y")
        // A prefix of 8 or more is redacted; 7 characters are not (they could be anything).
        #expect(redactor.redact("x abcdefghij y") == "x *** y")
        #expect(redactor.redact("x abcdefg y") == "x abcdefg y")
        #expect(redactor.redact("abcdefghijklmnopabcdefghijklmnop") == "******")
    }

    @Test func shortSecretsAreRedactedOnlyWhole() {
        let redactor = SecretRedactor(secrets: ["k7"])
        #expect(redactor.redact("k7 and k and 7") == "*** and k and 7")
    }

    @Test func aShortSecretInsideAWordIsNotThatSecret() {
        let redactor = SecretRedactor(secrets: ["tok"])
        // The summary line of a run with the token "tok" keeps its keys and values readable…
        #expect(
            redactor.redact(#"{"credentials_source":"token","token_file":null}"#)
                == #"{"credentials_source":"token","token_file":null}"#)
        // …and the token itself is still replaced wherever it stands alone, in any of its forms.
        #expect(redactor.redact("X-Auth-Token: tok") == "X-Auth-Token: ***")
        #expect(redactor.redact(#"{"token":"tok"}"#) == #"{"token":"***"}"#)
        #expect(redactor.redact("t=tok&x=1 (tok)") == "t=***&x=1 (***)")
        #expect(redactor.redact("stok toks tok_ -tok") == "stok toks tok_ -tok")
    }

    @Test func aMatchEndingInsideACharacterTakesTheWholeCharacter() {
        let redactor = SecretRedactor(secrets: ["abcdefgh-é"])
        let clean = redactor.redact("abcdefgh-è!")
        #expect(clean == "***!")
    }

    @Test func emptySecretsAreIgnored() {
        let redactor = SecretRedactor(secrets: ["", ""])
        #expect(redactor.isEmpty)
        #expect(redactor.redact("anything") == "anything")
    }

    @Test func registryCombinesRegisteredSecrets() {
        let registry = SecretRegistry()
        registry.register(["first-secret-value"])
        registry.register(["proxy-password-1", ""])
        #expect(registry.redact("a first-secret-value b proxy-password-1 c") == "a *** b *** c")
        #expect(registry.redactor.secrets == ["first-secret-value", "proxy-password-1"])
    }

    /// Every text field of an error that can be printed or saved is cleaned of every spelling.
    @Test(arguments: SecretShapes.corpus.indices)
    func errorsAreRedactedInEveryField(shape: Int) {
        let secret = SecretShapes.corpus[shape]
        let echoed = SecretShapes.spellings(of: secret).map(\.text).joined(separator: " | ")
        let json = try! JSONSerialization.data(withJSONObject: [
            "error_code": "SMS.1 \(echoed)", "error_msg": "bad token \(echoed)", "request_id": "r \(echoed)",
            "details": [["error_code": "D", "error_msg": "detail \(echoed)"]],
        ])
        let body = SMSErrorBody(bytes: Array(json))
        let errors = [
            SMSAPIError.http(status: 401, body: body, requestID: nil, retryAfter: nil, rawText: nil),
            SMSAPIError.http(status: 500, body: nil, requestID: echoed, retryAfter: nil, rawText: echoed),
            SMSAPIError.unrecognized(reason: "x", status: 200, rawBody: Array(echoed.utf8), requestID: nil),
            SMSAPIError.transport("invalidHeaderFieldValues([\(String(reflecting: secret))]) \(echoed)"),
        ]
        for error in errors {
            let clean = error.redacting([secret])
            let texts = [clean.description, clean.rawBody ?? "", clean.errorCode ?? "", clean.requestID ?? ""]
            for text in texts {
                #expect(SecretShapes.leaks(in: text, of: [secret]).isEmpty, "\(text.prefix(300))")
            }
        }
    }
}
