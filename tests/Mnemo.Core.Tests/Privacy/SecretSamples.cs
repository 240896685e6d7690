namespace Mnemo.Core.Tests.Privacy;

/// <summary>Secret-shaped test strings, assembled at run time so that no real-looking key sits in the source.</summary>
internal static class SecretSamples
{
    private const string Alphabet = "aB3xK9mQ7zR2tW5yHc8LpN4vJ6gD1fS0";

    /// <summary>A deterministic string of <paramref name="length"/> letters and digits.</summary>
    public static string Body(int length) => string.Create(length, 0, static (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Alphabet[(i * 7 + 3) % Alphabet.Length];
        }
    });
}
