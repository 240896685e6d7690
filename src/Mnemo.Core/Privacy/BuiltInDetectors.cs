using System.Text.RegularExpressions;

namespace Mnemo.Core.Privacy;

/// <summary>The detectors of the kinds named in <see cref="SensitiveDataKinds"/>.</summary>
/// <remarks>
/// The expressions are source-generated (no run-time compilation, safe under Native AOT) and bounded: every one starts
/// at a literal prefix or rejects a start inside a word with a one-character lookbehind, and its loops stop at a
/// delimiter, so the work is linear in the text. The timeout is a backstop, not the plan.
/// </remarks>
internal static partial class BuiltInDetectors
{
    /// <summary>How long one match of a built-in expression may take, in milliseconds.</summary>
    internal const int MatchTimeoutMilliseconds = 1000;

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>A card number in groups holds this many digits before the group that may be an expiry date or the like.</summary>
    private const int GroupedCardDigits = 16;

    /// <summary>The detector of a built-in kind, or null for a name that is not one.</summary>
    public static SensitiveDataDetector? Create(string kind) => kind switch
    {
        SensitiveDataKinds.PrivateKey => new(kind, PrivateKey()),
        SensitiveDataKinds.OpenAiKey => new(kind, OpenAiKey()),
        SensitiveDataKinds.AnthropicKey => new(kind, AnthropicKey()),
        SensitiveDataKinds.AwsAccessKeyId => new(kind, AwsAccessKeyId()),
        SensitiveDataKinds.GitHubToken => new(kind, GitHubToken()),
        SensitiveDataKinds.SlackToken => new(kind, SlackToken()),
        SensitiveDataKinds.GoogleApiKey => new(kind, GoogleApiKey()),
        SensitiveDataKinds.StripeKey => new(kind, StripeKey()),
        SensitiveDataKinds.Jwt => new(kind, Jwt()),
        SensitiveDataKinds.UrlPassword => new(kind, UrlPassword()),
        SensitiveDataKinds.Email => new(kind, Email()),
        SensitiveDataKinds.CardNumber => new(kind, CardNumber(), CardLength),
        _ => null,
    };

    /// <summary>How much of a card number candidate is a card number: all of it when it passes the Luhn check; for a
    /// grouped number followed by more digits (an expiry date, a fifth group), its first 16 digits when they pass.</summary>
    internal static int CardLength(ReadOnlySpan<char> candidate)
    {
        if (Luhn.IsValid(candidate))
        {
            return candidate.Length;
        }

        // A contiguous run is judged whole: a 17-digit number is not a card with a digit after it.
        if (candidate.IndexOfAny(' ', '-') < 0)
        {
            return 0;
        }

        var digits = 0;
        for (var i = 0; i < candidate.Length; i++)
        {
            if (char.IsAsciiDigit(candidate[i]) && ++digits == GroupedCardDigits)
            {
                return i + 1 < candidate.Length && Luhn.IsValid(candidate[..(i + 1)]) ? i + 1 : 0;
            }
        }

        return 0;
    }

    // The header may name an algorithm ("RSA", "EC", "OPENSSH", "ENCRYPTED") and PGP's ends in "BLOCK". Without its END
    // line the rest of the text goes: a truncated key is still a key.
    [GeneratedRegex(
        @"-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----|\z)",
        Options, MatchTimeoutMilliseconds)]
    private static partial Regex PrivateKey();

    // The digit requirement keeps names such as "sk-learn-preprocessing-pipeline-steps" out; real keys are random base62.
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])sk-(?!ant-)(?=[A-Za-z0-9_-]*[0-9])[A-Za-z0-9_-]{32,}", Options, MatchTimeoutMilliseconds)]
    private static partial Regex OpenAiKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{32,}", Options, MatchTimeoutMilliseconds)]
    private static partial Regex AnthropicKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])", Options, MatchTimeoutMilliseconds)]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})", Options, MatchTimeoutMilliseconds)]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])xox[abprs]-(?=[A-Za-z0-9-]*[0-9])[A-Za-z0-9-]{10,}", Options, MatchTimeoutMilliseconds)]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])", Options, MatchTimeoutMilliseconds)]
    private static partial Regex GoogleApiKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])[sr]k_(?:live|test)_[A-Za-z0-9]{16,}", Options, MatchTimeoutMilliseconds)]
    private static partial Regex StripeKey();

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}",
        Options, MatchTimeoutMilliseconds)]
    private static partial Regex Jwt();

    // Starts at the literal "://" (found by a vectorised search) rather than at every letter that might begin a scheme.
    // The password runs to the last '@' of the authority, so an unencoded '@' inside it ("p@ss") is redacted too.
    [GeneratedRegex(
        @"(?<=[A-Za-z0-9])://[^\s:/?#@]*:(?<secret>[^\s/?#]+)@(?=[A-Za-z0-9\[])",
        RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex UrlPassword();

    // The second lookbehind leaves a URL's user information to UrlPassword; it is bounded so that a long run of
    // punctuation cannot make each start scan back over it.
    [GeneratedRegex(
        @"(?<![A-Za-z0-9._%+-])(?<!://[^\s/?#]{0,256})[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])",
        Options, MatchTimeoutMilliseconds)]
    private static partial Regex Email();

    // Contiguous 13-19 digits, or 4-4-4-(1-4)[-(1-3)] and Amex/Diners 4-6-(4-5) with one separator used throughout.
    // A grouped number followed by another group is part of something longer (an account or phone number) and left alone.
    [GeneratedRegex(
        @"(?<![\w-])(?:[2-6][0-9]{12,18}(?!\w)" +
        @"|[2-6][0-9]{3}(?<sep>[ -])[0-9]{4}\k<sep>[0-9]{4}\k<sep>[0-9]{1,4}(?:\k<sep>[0-9]{1,3})?(?!\w|\k<sep>[0-9])" +
        @"|3[0-9]{3}(?<amex>[ -])[0-9]{6}\k<amex>[0-9]{4,5}(?!\w|\k<amex>[0-9]))",
        RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex CardNumber();
}
