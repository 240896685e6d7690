using System.Text;

namespace Mnemo.Core.Tests.Tokens;

/// <summary>Texts for the token tests: fixed ones of every kind, and random ones from a fixed seed.</summary>
internal static class TokenTexts
{
    /// <summary>ASCII, Unicode, emoji, code, whitespace and the empty text.</summary>
    public static readonly string[] Fixed =
    [
        "",
        " ",
        "hello world",
        "Hello, World! How are you today?",
        "The quick brown fox jumps over the lazy dog. 1234567890",
        "  leading and trailing spaces  ",
        "line one\nline two\r\nline three\n\n\nend",
        "tabs\tand\tmore\ttabs",
        "Grüße aus Köln, naïve café, smørrebrød, Ærø",
        "Привет, как дела? Всё хорошо.",
        "日本語のテキストと中文文本，还有한국어 텍스트。",
        "مرحبا بالعالم",
        "emoji 😀🎉👍🏽 family 👨‍👩‍👧‍👦 flag 🇫🇷",
        "public static int Add(int a, int b) => a + b; // sum\n{ \"json\": [1, 2.5, null] }",
        "def f(x):\n    return x ** 2  # square\n",
        "SELECT * FROM entries WHERE key LIKE 'agent/%' ORDER BY updated_at DESC;",
        "https://example.com/path?query=1&other=two#fragment",
        "individual individually indivisible",
        "<|endoftext|> is a special token",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "3.14159265358979323846 and 1,000,000 and 0xDEADBEEF",
        "\u00a0non-breaking\u2009thin\u200bzero-width",
    ];

    private static readonly string[] s_pieces =
    [
        "the", "memory", "agent", "individual", "token", "budget", "Köln", "naïve", "日本", "中文", "한국", "😀", "👍🏽",
        "🇫🇷", "x", "42", "3.14", "(", ")", "{", "}", ";", ".", ",", "!", "?", "'s", "\"", "-", "_", "/", "\\", "#", "<|endoftext|>",
    ];

    private static readonly string[] s_gaps = [" ", " ", " ", "", "  ", "\n", "\t", "\r\n", ". ", "! ", "? "];

    /// <summary>A random text of about <paramref name="pieces"/> words, punctuation, digits, scripts and emoji.</summary>
    public static string Random(Random random, int pieces)
    {
        var text = new StringBuilder();
        for (var i = 0; i < pieces; i++)
        {
            text.Append(s_pieces[random.Next(s_pieces.Length)]);
            text.Append(s_gaps[random.Next(s_gaps.Length)]);
        }

        return text.ToString();
    }
}
