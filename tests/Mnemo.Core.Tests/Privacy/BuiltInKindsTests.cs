using Mnemo.Core.Privacy;
using static Mnemo.Core.Tests.Privacy.SecretSamples;

namespace Mnemo.Core.Tests.Privacy;

[Trait("Issue", "16")]
public sealed class BuiltInKindsTests
{
    public static TheoryData<string, string> Secrets => new()
    {
        { SensitiveDataKinds.OpenAiKey, "sk-" + Body(48) },
        { SensitiveDataKinds.OpenAiKey, "sk-proj-" + Body(60) + "-" + Body(40) + "_" + Body(20) },
        { SensitiveDataKinds.AnthropicKey, "sk-ant-api03-" + Body(93) + "AA" },
        { SensitiveDataKinds.AwsAccessKeyId, "AKIA" + "IOSFODNN7EXAMPLE" },
        { SensitiveDataKinds.AwsAccessKeyId, "ASIA" + "Y34FZKBOKMUTVV7A" },
        { SensitiveDataKinds.GitHubToken, "ghp_" + Body(36) },
        { SensitiveDataKinds.GitHubToken, "gho_" + Body(36) },
        { SensitiveDataKinds.GitHubToken, "ghs_" + Body(36) },
        { SensitiveDataKinds.GitHubToken, "github_pat_" + Body(22) + "_" + Body(59) },
        { SensitiveDataKinds.SlackToken, "xoxb-" + "123456789012-1234567890123-" + Body(24) },
        { SensitiveDataKinds.SlackToken, "xoxp-" + "123456789012-" + Body(30) },
        { SensitiveDataKinds.GoogleApiKey, "AIza" + Body(35) },
        { SensitiveDataKinds.StripeKey, "sk_live_" + Body(24) },
        { SensitiveDataKinds.StripeKey, "rk_live_" + Body(24) },
        {
            SensitiveDataKinds.Jwt,
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ." +
            "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
        },
        { SensitiveDataKinds.PrivateKey, "-----BEGIN RSA PRIVATE KEY-----\n" + Body(64) + "\n" + Body(20) + "==\n-----END RSA PRIVATE KEY-----" },
        { SensitiveDataKinds.PrivateKey, "-----BEGIN OPENSSH PRIVATE KEY-----\r\n" + Body(70) + "\r\n-----END OPENSSH PRIVATE KEY-----" },
        { SensitiveDataKinds.PrivateKey, "-----BEGIN PRIVATE KEY-----\n" + Body(64) + "\n-----END PRIVATE KEY-----" },
        { SensitiveDataKinds.Email, "alice@example.com" },
        { SensitiveDataKinds.Email, "alice.smith+notes@mail.example.co.uk" },
        { SensitiveDataKinds.CardNumber, "4111111111111111" },
        { SensitiveDataKinds.CardNumber, "4111 1111 1111 1111" },
        { SensitiveDataKinds.CardNumber, "5555-5555-5555-4444" },
        { SensitiveDataKinds.CardNumber, "378282246310005" },
        { SensitiveDataKinds.CardNumber, "3782 822463 10005" },
        { SensitiveDataKinds.CardNumber, "6011111111111117" },
        { SensitiveDataKinds.CardNumber, "4222222222222" },
        { SensitiveDataKinds.CardNumber, "4111111111111111128" },
    };

    public static TheoryData<string> NearMisses => new()
    {
        "sk-abc123",
        "sk-" + Body(20),
        "sk-learn-preprocessing-pipeline-steps-and-estimators",
        "task-" + Body(48),
        "AKIA1234",
        "AKIA" + "IOSFODNN7EXAMPLEX",
        "ghp_" + Body(10),
        "xoxb-abc",
        "AIza" + Body(20),
        "sk_live_abc",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0",
        "-----BEGIN PUBLIC KEY-----\n" + Body(64) + "\n-----END PUBLIC KEY-----",
        "-----BEGIN CERTIFICATE-----\n" + Body(64) + "\n-----END CERTIFICATE-----",
        "https://example.com:8443/path?q=1",
        "https://bob@example.com/repo.git",
        "postgres://app@db.internal/mnemo",
        "user@localhost",
        "name@domain",
        "@everyone",
        "a@b.c",
        "4111 1111 1111 1112",
        "4111111111111112",
        "1700000000004",
        "41111111111111111111",
        "4111-1111-1111-1111-2222-3333",
        "order 12345 shipped on 2024-05-01",
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Redact_Secret_IsReplacedByItsKindMarker(string kind, string secret)
    {
        var result = SensitiveDataRedactor.Default.Redact($"before {secret} after");

        Assert.Equal($"before [REDACTED:{kind}] after", result.Text);
        Assert.Equal(1, result.CountOf(kind));
        Assert.Equal(1, result.Count);
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Redact_SecretAlone_IsReplacedWhole(string kind, string secret) =>
        Assert.Equal($"[REDACTED:{kind}]", SensitiveDataRedactor.Default.Redact(secret).Text);

    [Theory]
    [MemberData(nameof(NearMisses))]
    public void Redact_NearMiss_IsLeftAlone(string text)
    {
        var result = SensitiveDataRedactor.Default.Redact($"see {text} here");

        Assert.Equal($"see {text} here", result.Text);
        Assert.False(result.IsRedacted);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Redact_UrlPassword_RedactsThePasswordOnly()
    {
        var result = SensitiveDataRedactor.Default.Redact("connect to postgres://app:" + Body(12) + "@db.internal:5432/mnemo now");

        Assert.Equal("connect to postgres://app:[REDACTED:url-password]@db.internal:5432/mnemo now", result.Text);
        Assert.Equal(1, result.CountOf(SensitiveDataKinds.UrlPassword));
    }

    [Fact]
    public void Redact_UrlPasswordWithAtSign_RedactsAllOfIt()
    {
        var result = SensitiveDataRedactor.Default.Redact("redis://:p@ss" + Body(6) + "@cache.example.com:6379");

        Assert.Equal("redis://:[REDACTED:url-password]@cache.example.com:6379", result.Text);
        Assert.Equal(0, result.CountOf(SensitiveDataKinds.Email));
    }

    [Fact]
    public void Redact_UrlWithEmptyUser_RedactsThePassword() =>
        Assert.Equal(
            "amqp://:[REDACTED:url-password]@broker/vhost",
            SensitiveDataRedactor.Default.Redact("amqp://:" + Body(10) + "@broker/vhost").Text);

    [Fact]
    public void Redact_EmailInUrlQuery_IsRedacted() =>
        Assert.Equal(
            "https://example.com/invite?to=[REDACTED:email]",
            SensitiveDataRedactor.Default.Redact("https://example.com/invite?to=carol@example.org").Text);

    [Fact]
    public void Redact_CardFollowedByExpiry_RedactsTheCardAndKeepsTheExpiry() =>
        Assert.Equal("card [REDACTED:card-number] 12/27", SensitiveDataRedactor.Default.Redact("card 4111 1111 1111 1111 12/27").Text);

    [Fact]
    public void Redact_PrivateKeyWithoutEndLine_RedactsToTheEnd() =>
        Assert.Equal(
            "key: [REDACTED:private-key]",
            SensitiveDataRedactor.Default.Redact("key: -----BEGIN EC PRIVATE KEY-----\n" + Body(64) + "\nmore").Text);

    [Fact]
    public void Redact_AnthropicKey_IsNotCountedAsOpenAi()
    {
        var result = SensitiveDataRedactor.Default.Redact("sk-ant-api03-" + Body(93));

        Assert.Equal(0, result.CountOf(SensitiveDataKinds.OpenAiKey));
        Assert.Equal(1, result.CountOf(SensitiveDataKinds.AnthropicKey));
    }

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111-1111-1111-1111", true)]
    [InlineData("79927398713", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("79927398710", false)]
    [InlineData("", false)]
    public void LuhnIsValid_KnownNumbers_GivesTheirCheck(string number, bool valid) => Assert.Equal(valid, Luhn.IsValid(number));

    [Fact]
    public void All_EveryKind_HasADetector() =>
        Assert.All(SensitiveDataKinds.All, kind => Assert.NotNull(BuiltInDetectors.Create(kind)));
}
