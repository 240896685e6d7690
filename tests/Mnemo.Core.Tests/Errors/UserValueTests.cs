using Mnemo.Core.Errors;

namespace Mnemo.Core.Tests.Errors;

[Trait("Issue", "13")]
public sealed class UserValueTests
{
    [Theory]
    [InlineData("plain/key", "'plain/key'")]
    [InlineData("a\nb", "'a\\nb'")]
    [InlineData("a\r\tb", "'a\\r\\tb'")]
    [InlineData("bell\u0007", "'bell\\u0007'")]
    [InlineData("pair\ud83d\ude00", "'pair\ud83d\ude00'")]
    [InlineData("sep\u2028", "'sep\\u2028'")]
    public void Quote_EscapesWhatWouldBreakAOneLineMessage(string value, string expected) =>
        Assert.Equal(expected, UserValue.Quote(value));

    [Fact]
    public void Quote_UnpairedSurrogate_IsEscaped()
    {
        // Built in code: attribute arguments are stored as UTF-8, which cannot hold an unpaired surrogate.
        var value = "lone" + (char)0xD800 + "x";

        Assert.Equal("'lone\\ud800x'", UserValue.Quote(value));
    }

    [Fact]
    public void Quote_LongValue_IsShortenedWithItsLength()
    {
        var quoted = UserValue.Quote(new string('k', 1000));

        Assert.Equal(UserValue.MaxShownLength + 2 + "... (1000 characters)".Length, quoted.Length);
        Assert.EndsWith("... (1000 characters)'", quoted, StringComparison.Ordinal);
    }
}
