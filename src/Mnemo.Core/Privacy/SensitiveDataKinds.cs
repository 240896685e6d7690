namespace Mnemo.Core.Privacy;

/// <summary>
/// The names of the built-in kinds of sensitive data. A redacted match is replaced by <c>[REDACTED:kind]</c>, and a
/// <see cref="RedactionResult"/> counts matches by these names.
/// </summary>
/// <remarks>
/// Names are stable: they end up in stored text and in reports. Token formats are matched by their documented
/// prefixes with a boundary before them, so a prefix inside a longer word (<c>task-...</c>) is not taken for a key.
/// </remarks>
public static class SensitiveDataKinds
{
    /// <summary>OpenAI API keys: <c>sk-</c>, <c>sk-proj-</c>, <c>sk-svcacct-</c> and <c>sk-admin-</c> followed by at least 32
    /// key characters (letters, digits, <c>-</c>, <c>_</c>), at least one of them a digit.</summary>
    public const string OpenAiKey = "openai-key";

    /// <summary>Anthropic API keys: <c>sk-ant-</c> followed by at least 32 key characters.</summary>
    public const string AnthropicKey = "anthropic-key";

    /// <summary>AWS access key ids: <c>AKIA</c> (long-term) or <c>ASIA</c> (temporary) followed by exactly 16 upper-case
    /// letters or digits.</summary>
    public const string AwsAccessKeyId = "aws-access-key-id";

    /// <summary>GitHub tokens: <c>ghp_</c>, <c>gho_</c>, <c>ghu_</c>, <c>ghs_</c>, <c>ghr_</c> followed by at least 36 letters
    /// or digits, and fine-grained <c>github_pat_</c> tokens.</summary>
    public const string GitHubToken = "github-token";

    /// <summary>Slack tokens: <c>xoxa-</c>, <c>xoxb-</c>, <c>xoxp-</c>, <c>xoxr-</c>, <c>xoxs-</c> followed by at least 10
    /// letters, digits or dashes, at least one of them a digit.</summary>
    public const string SlackToken = "slack-token";

    /// <summary>Google API keys: <c>AIza</c> followed by exactly 35 key characters.</summary>
    public const string GoogleApiKey = "google-api-key";

    /// <summary>Stripe secret and restricted keys: <c>sk_live_</c>, <c>rk_live_</c>, <c>sk_test_</c>, <c>rk_test_</c> followed
    /// by at least 16 letters or digits. Test keys are included: they still open the account's test data.</summary>
    public const string StripeKey = "stripe-key";

    /// <summary>JSON Web Tokens: three dot-separated base64url parts, the first two starting <c>eyJ</c> (an encoded
    /// <c>{"</c>).</summary>
    public const string Jwt = "jwt";

    /// <summary>PEM private key blocks, from <c>-----BEGIN ... PRIVATE KEY-----</c> to the matching END line (RSA, EC, DSA,
    /// OPENSSH, ENCRYPTED, PGP ... BLOCK). A block without its END line is redacted to the end of the text.</summary>
    public const string PrivateKey = "private-key";

    /// <summary>The password in a URL's user information, <c>scheme://user:PASSWORD@host</c>: only the password is
    /// redacted, so the URL still says where it points and as whom.</summary>
    public const string UrlPassword = "url-password";

    /// <summary>E-mail addresses: a local part, <c>@</c>, and a domain with at least one dot and a top-level domain of two
    /// or more letters. A user name in a URL's authority (<c>https://bob@host</c>) is not taken for an address.</summary>
    public const string Email = "email";

    /// <summary>Payment card numbers: 13 to 19 digits starting with 2 to 6 (the ranges of Visa, Mastercard, American
    /// Express, Discover, JCB, UnionPay), contiguous or grouped by single spaces or dashes (4-4-4-4[-3], 4-6-4/5), that
    /// pass the Luhn check. Runs that fail it are left alone.</summary>
    /// <remarks>
    /// The first digit keeps millisecond Unix timestamps (13 digits starting with 1) out: a tenth of them would pass
    /// the Luhn check and be destroyed.
    /// </remarks>
    public const string CardNumber = "card-number";

    /// <summary>Every built-in kind, in the order their detectors run.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        PrivateKey, OpenAiKey, AnthropicKey, AwsAccessKeyId, GitHubToken, SlackToken, GoogleApiKey, StripeKey, Jwt,
        UrlPassword, Email, CardNumber,
    ];
}
