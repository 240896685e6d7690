using System.Text.RegularExpressions;
using Mnemo.Core.Privacy;
using static Mnemo.Core.Tests.Privacy.SecretSamples;

namespace Mnemo.Core.Tests.Privacy;

[Trait("Issue", "16")]
public sealed class SensitiveDataRedactorTests
{
    private static readonly string s_mixed =
        "Deploy with AKIA" + "IOSFODNN7EXAMPLE and sk-" + Body(48) + ".\n" +
        "Mail alice@example.com or bob@example.org, db postgres://app:" + Body(10) + "@db.internal/mnemo,\n" +
        "card 4111 1111 1111 1111, token ghp_" + Body(36) + ", key\n-----BEGIN PRIVATE KEY-----\n" + Body(64) +
        "\n-----END PRIVATE KEY-----\nthanks";

    [Fact]
    public void Redact_TextWithoutSecrets_ReturnsItUnchangedWithNoFindings()
    {
        const string text = "The meeting moved to 3pm; see ticket 12345 and https://example.com/docs.";

        var result = SensitiveDataRedactor.Default.Redact(text);

        Assert.Equal(text, result.Text);
        Assert.False(result.IsRedacted);
        Assert.Equal(0, result.Count);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Redact_EmptyText_ReturnsEmpty() => Assert.Equal(string.Empty, SensitiveDataRedactor.Default.Redact(string.Empty).Text);

    [Fact]
    public void Redact_NullText_Throws() => Assert.Throws<ArgumentNullException>(() => SensitiveDataRedactor.Default.Redact(null!));

    [Fact]
    public void Redact_Twice_SecondPassChangesNothing()
    {
        var first = SensitiveDataRedactor.Default.Redact(s_mixed);

        var second = SensitiveDataRedactor.Default.Redact(first.Text);

        Assert.True(first.IsRedacted);
        Assert.Equal(first.Text, second.Text);
        Assert.False(second.IsRedacted);
    }

    [Fact]
    public void Redact_SeveralKinds_CountsEachKindInKindOrder()
    {
        var result = SensitiveDataRedactor.Default.Redact(s_mixed);

        Assert.Equal(
            [
                new RedactionFinding(SensitiveDataKinds.AwsAccessKeyId, 1),
                new RedactionFinding(SensitiveDataKinds.CardNumber, 1),
                new RedactionFinding(SensitiveDataKinds.Email, 2),
                new RedactionFinding(SensitiveDataKinds.GitHubToken, 1),
                new RedactionFinding(SensitiveDataKinds.OpenAiKey, 1),
                new RedactionFinding(SensitiveDataKinds.PrivateKey, 1),
                new RedactionFinding(SensitiveDataKinds.UrlPassword, 1),
            ],
            result.Findings);
        Assert.Equal(8, result.Count);
        Assert.Equal(0, result.CountOf(SensitiveDataKinds.Jwt));
    }

    [Fact]
    public void Redact_Result_NeverContainsTheSecrets()
    {
        var result = SensitiveDataRedactor.Default.Redact(s_mixed);

        var report = string.Join("\n", result.Findings) + result;
        Assert.DoesNotContain("alice", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Body(36), result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", report, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_ExistingMarker_IsLeftAloneAndNotCounted()
    {
        var result = SensitiveDataRedactor.Default.Redact("[REDACTED:email] wrote to dave@example.com");

        Assert.Equal("[REDACTED:email] wrote to [REDACTED:email]", result.Text);
        Assert.Equal(1, result.Count);
    }

    [Fact]
    public void Redact_OverlappingMatches_AreRedactedOnceAsTheLongest()
    {
        var redactor = new SensitiveDataRedactor(new RedactionOptions { Patterns = [new RedactionPattern("person", "alice")] });

        var result = redactor.Redact("from alice@example.com");

        Assert.Equal("from [REDACTED:email]", result.Text);
        Assert.Equal([new RedactionFinding(SensitiveDataKinds.Email, 1)], result.Findings);
    }

    [Fact]
    public void Redact_PartlyOverlappingMatches_RedactTheirUnion()
    {
        var redactor = new SensitiveDataRedactor(new RedactionOptions { Patterns = [new RedactionPattern("site", @"example\.com/\w+")] });

        var result = redactor.Redact("see alice@example.com/inbox now");

        Assert.Equal("see [REDACTED:email] now", result.Text);
        Assert.Equal(1, result.Count);
    }

    [Fact]
    public void Redact_UserPattern_RedactsItsMatchesUnderItsKind()
    {
        var redactor = new SensitiveDataRedactor(new RedactionOptions { Patterns = [new RedactionPattern("customer-id", @"\bCUST-\d{6}\b")] });

        var result = redactor.Redact("CUST-123456 and CUST-654321 but not CUST-12");

        Assert.Equal("[REDACTED:customer-id] and [REDACTED:customer-id] but not CUST-12", result.Text);
        Assert.Equal(2, result.CountOf("customer-id"));
    }

    [Fact]
    public void Redact_UserPatternWithSecretGroup_RedactsTheGroupOnly()
    {
        var redactor = new SensitiveDataRedactor(new RedactionOptions { Patterns = [new RedactionPattern("api-key", @"api_key=(?<secret>\w+)")] });

        Assert.Equal("url?api_key=[REDACTED:api-key]&page=2", redactor.Redact("url?api_key=abc123&page=2").Text);
    }

    [Fact]
    public void Redact_UserPatternMatchingEmpty_FindsNothing()
    {
        var redactor = new SensitiveDataRedactor(new RedactionOptions { Kinds = [], Patterns = [new RedactionPattern("nothing", "x*")] });

        var result = redactor.Redact("abc");

        Assert.Equal("abc", result.Text);
        Assert.False(result.IsRedacted);
    }

    [Fact]
    public void Redact_UserPatternMatchingTheMarker_StaysIdempotent()
    {
        var redactor = new SensitiveDataRedactor(new RedactionOptions { Patterns = [new RedactionPattern("word", @"[A-Z]{4,}")] });

        var first = redactor.Redact("HELLO alice@example.com");
        var second = redactor.Redact(first.Text);

        Assert.Equal("[REDACTED:word] [REDACTED:email]", first.Text);
        Assert.Equal(first.Text, second.Text);
        Assert.False(second.IsRedacted);
    }

    [Fact]
    public void Redact_UserPatternPastItsTimeout_Throws()
    {
        var redactor = new SensitiveDataRedactor(new RedactionOptions
        {
            Kinds = [],
            Patterns = [new RedactionPattern("slow", @"^(\w+\s?)*$")],
            PatternTimeout = TimeSpan.FromMilliseconds(10),
        });

        Assert.Throws<RegexMatchTimeoutException>(() => redactor.Redact(new string('a', 5000) + "!"));
    }

    [Fact]
    public void Constructor_OnlySomeKinds_RedactsThoseOnly()
    {
        var redactor = new SensitiveDataRedactor(new RedactionOptions { Kinds = [SensitiveDataKinds.Email] });

        var result = redactor.Redact("alice@example.com AKIA" + "IOSFODNN7EXAMPLE");

        Assert.Equal("[REDACTED:email] AKIAIOSFODNN7EXAMPLE", result.Text);
        Assert.Equal([SensitiveDataKinds.Email], redactor.Kinds);
    }

    [Fact]
    public void Default_Kinds_AreEveryBuiltInKind() => Assert.Equal(SensitiveDataKinds.All, SensitiveDataRedactor.Default.Kinds);

    [Fact]
    public void Constructor_InvalidPattern_ThrowsNamingThePatternAndTheError()
    {
        var options = new RedactionOptions { Patterns = [new RedactionPattern("ticket", "(TICKET-[0-9")] };

        var error = Assert.Throws<ArgumentException>(() => new SensitiveDataRedactor(options));

        Assert.Contains("'(TICKET-[0-9'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'ticket'", error.Message, StringComparison.Ordinal);
        Assert.Contains("UnterminatedBracket", error.Message, StringComparison.Ordinal);
        Assert.IsType<RegexParseException>(error.InnerException, exactMatch: false);
    }

    [Theory]
    [InlineData("Customer ID")]
    [InlineData("")]
    [InlineData("-dash")]
    [InlineData("kind]")]
    public void Constructor_InvalidKindName_ThrowsNamingIt(string kind)
    {
        var options = new RedactionOptions { Patterns = [new RedactionPattern(kind, "x")] };

        var error = Assert.Throws<ArgumentException>(() => new SensitiveDataRedactor(options));

        Assert.Contains($"'{kind}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownBuiltInKind_ThrowsListingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => new SensitiveDataRedactor(new RedactionOptions { Kinds = ["emails"] }));

        Assert.Contains("'emails'", error.Message, StringComparison.Ordinal);
        Assert.Contains(SensitiveDataKinds.Email, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EmptyPattern_Throws() =>
        Assert.Throws<ArgumentException>(() => new SensitiveDataRedactor(new RedactionOptions { Patterns = [new RedactionPattern("x", "")] }));

    [Fact]
    public void Constructor_NonPositiveTimeout_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SensitiveDataRedactor(new RedactionOptions { PatternTimeout = TimeSpan.Zero }));
}
