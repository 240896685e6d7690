using Mnemo.Core.Coordination;
using Mnemo.Core.Errors;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Errors;

/// <summary>A message keeps its remedies as data: Message says them in the engine's words, Render in a face's.</summary>
[Trait("Issue", "14")]
public sealed class MnemoMessageTests
{
    private static string Shout(MnemoHint hint) => $"<{hint.Remedy}>";

    [Fact]
    public void Message_SaysTheRemedyInTheEnginesWords_AndRenderInTheFacesWords()
    {
        var error = new MnemoException(MnemoErrorCode.NotFound, MnemoMessage.Of($"no entry 'a': {new MnemoHint(MnemoRemedy.ListKeys)}"));

        Assert.Equal("no entry 'a': check the key against the list of keys", error.Message);
        Assert.Equal("no entry 'a': <ListKeys>", error.Render(Shout));
        Assert.Equal(MnemoRemedy.ListKeys, error.Hint?.Remedy);
    }

    [Fact]
    public void Message_WithSeveralRemedies_RendersEachInPlace_AndHintIsTheFirst()
    {
        var message = MnemoMessage.Of($"damaged: {new MnemoHint(MnemoRemedy.RestoreBackup)} or {MnemoHint.CheckStore()}, then retry");

        var error = new MnemoException(MnemoErrorCode.Corrupt, message);

        Assert.Equal("damaged: <RestoreBackup> or <CheckStore>, then retry", error.Render(Shout));
        Assert.Equal([MnemoRemedy.RestoreBackup, MnemoRemedy.CheckStore], message.Hints.Select(hint => hint.Remedy));
        Assert.Equal(MnemoRemedy.RestoreBackup, error.Hint?.Remedy);
    }

    [Fact]
    public void Message_QuotingAnotherMessage_KeepsItsRemedies()
    {
        var inner = MnemoMessage.Of($"conflict on 'a'; read it and {MnemoHint.RetryWithExpectedVersion(3)}");

        var outer = MnemoMessage.Of($"{inner}; import of 'f.jsonl' stopped");

        Assert.Equal("conflict on 'a'; read it and <RetryWithExpectedVersion>; import of 'f.jsonl' stopped", outer.Render(Shout));
        Assert.Equal("conflict on 'a'; read it and retry expecting version 3; import of 'f.jsonl' stopped", outer.ToString());
    }

    [Fact]
    public void PlainMessage_HasNoHint()
    {
        var error = new MnemoException(MnemoErrorCode.InvalidInput, "bad input: fix it");

        Assert.Null(error.Hint);
        Assert.Equal("bad input: fix it", error.Render(Shout));
    }

    [Fact]
    public void Message_FormatsNumbersAsPlainInterpolationDoes()
    {
        var size = 1_234_567;

        Assert.Equal($"{size:N0} bytes", MnemoMessage.Of($"{size:N0} bytes").ToString());
    }

    [Fact]
    public void ConflictException_SaysTheVersionToExpect_InTheEnginesWords_AndAsData()
    {
        var error = new MnemoConflictException("a", 2, 3);

        Assert.Equal("conflict on 'a': expected version 2 but it is at version 3; read it and retry expecting version 3", error.Message);
        Assert.Equal(MnemoHint.RetryWithExpectedVersion(3), error.Hint);
    }

    [Fact]
    public void AccessDenied_WithoutAgent_HintsNameTheAgent_WithAgent_HintsTheGrant()
    {
        var anonymous = MnemoErrors.AccessDenied(null, "team/plan", AccessRight.Write);
        var named = MnemoErrors.AccessDenied("worker", "team/plan", AccessRight.Write);

        Assert.Equal(MnemoRemedy.NameTheAgent, anonymous.Hint?.Remedy);
        Assert.Equal(MnemoHint.GrantAccess("worker", "team/", AccessRight.Write), named.Hint);
        Assert.EndsWith("ask an admin of the namespace to grant worker the write right on 'team/'", named.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRemedy_HasWordsOfItsOwn_NamingNoFlagCommandOrVariable()
    {
        foreach (var remedy in Enum.GetValues<MnemoRemedy>())
        {
            var words = SampleHints.Of(remedy).Describe();

            Assert.NotEqual(remedy.ToString(), words);
            Assert.DoesNotContain("--", words, StringComparison.Ordinal);
            Assert.DoesNotContain("mnemo ", words, StringComparison.Ordinal);
            Assert.DoesNotContain("MNEMO_", words, StringComparison.Ordinal);
        }
    }
}
