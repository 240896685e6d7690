using System.Globalization;
using System.Text;
using Mnemo.Embeddings.Onnx.Internal;

namespace Mnemo.Embeddings.Onnx.Tests.Internal;

public sealed class AccentFoldingTests
{
    [Theory]
    [InlineData("Café crème, naïve façade", "Cafe creme, naive facade")]
    [InlineData("Zürich İstanbul Ångström", "Zurich Istanbul Angstrom")]
    [InlineData("Straße", "Straße")]
    [InlineData("Привет, йогурт", "Привет, иогурт")]
    [InlineData("한국", "\u1112\u1161\u11AB\u1100\u116E\u11A8")]
    [InlineData("e\u0301 already decomposed", "e already decomposed")]
    public void Fold_Text_DecomposesAndDropsNonspacingMarks(string text, string expected) =>
        Assert.Equal(expected, AccentFolding.Fold(text));

    [Fact]
    public void Fold_PlainAscii_ReturnsTheSameInstance()
    {
        const string Text = "The deployment failed because the disk was full.";

        Assert.Same(Text, AccentFolding.Fold(Text));
    }

    [Fact]
    public void Fold_EveryBmpChar_MatchesIcuDecomposition()
    {
        // The table must agree with Unicode's own decomposition, as ICU (present in the test process) computes it.
        Assert.SkipWhen("\u00E9".Normalize(NormalizationForm.FormD).Length == 1, "no ICU: globalization is invariant");
        for (var code = 0; code <= 0xFFFF; code++)
        {
            var c = (char)code;
            if (char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
            {
                continue;
            }

            var expected = string.Concat(c.ToString().Normalize(NormalizationForm.FormD)
                .Where(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark));
            Assert.True(expected == AccentFolding.Fold(c.ToString()), $"U+{code:X4}: expected '{expected}', got '{AccentFolding.Fold(c.ToString())}'");
        }
    }
}
