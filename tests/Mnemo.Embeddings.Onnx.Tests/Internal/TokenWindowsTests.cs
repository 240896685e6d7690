using Mnemo.Embeddings.Onnx.Internal;

namespace Mnemo.Embeddings.Onnx.Tests.Internal;

public sealed class TokenWindowsTests
{
    // Token ids below 1000 start a word, the others continue one (as ##pieces do).
    private static bool StartsWord(long id) => id < 1000;

    [Fact]
    public void Split_Empty_GivesOneEmptyWindow() =>
        Assert.Equal(0, Assert.Single(TokenWindows.Split([], 510, StartsWord)).Count);

    [Fact]
    public void Split_FittingText_GivesOneWindow() =>
        Assert.Equal(510, Assert.Single(TokenWindows.Split(Words(510), 510, StartsWord)).Count);

    [Fact]
    public void Split_LongText_GivesFewEqualWindowsCoveringAllInOrder()
    {
        var tokens = Words(1100);

        var windows = TokenWindows.Split(tokens, 510, StartsWord);

        Assert.Equal([367, 367, 366], windows.Select(w => w.Count));
        Assert.Equal(tokens, windows.SelectMany(w => w));
    }

    [Fact]
    public void Split_CutInsideWord_MovesBackToTheWordStart()
    {
        // Words of four tokens: one start and three continuations.
        var tokens = Enumerable.Range(0, 1000).Select(i => i % 4 == 0 ? 1L : 2000L).ToArray();

        var windows = TokenWindows.Split(tokens, 510, StartsWord);

        Assert.All(windows, w => Assert.True(StartsWord(w[0])));
        Assert.All(windows, w => Assert.InRange(w.Count, 1, 510));
        Assert.Equal(tokens.Length, windows.Sum(w => w.Count));
    }

    [Fact]
    public void Split_NoWordStartNearby_CutsInsideTheWord()
    {
        var tokens = Enumerable.Range(0, 1200).Select(i => i == 0 ? 1L : 2000L).ToArray();

        var windows = TokenWindows.Split(tokens, 510, StartsWord);

        Assert.All(windows, w => Assert.InRange(w.Count, 1, 510));
        Assert.Equal(tokens, windows.SelectMany(w => w));
    }

    private static long[] Words(int count) => [.. Enumerable.Range(0, count).Select(i => (long)(i % 900))];
}
