using Mnemo.Core.Privacy;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Privacy;

/// <summary>Writes to the namespaces of <see cref="MnemoOptions.RedactedNamespaces"/> are redacted before anything is done with them.</summary>
[Trait("Issue", "16")]
public sealed class NamespaceRedactionTests : EngineTestBase
{
    private const string Secret = "Reach Ada at ada@example.com";
    private const string Redacted = "Reach Ada at [REDACTED:email]";

    [Theory]
    [InlineData("notes/x", true)]
    [InlineData("notes/x/y", true)]
    [InlineData("notes", true)]
    [InlineData("notesX/y", false)]
    [InlineData("other/notes/x", false)]
    public async Task Store_InOrOutsideARedactedNamespace_RedactsOnlyInside(string key, bool redacted)
    {
        await using var engine = await OpenAsync(options => options.RedactedNamespaces = ["notes"]);

        var outcome = await engine.StoreAsync(new MemoryWrite { Key = key, Text = Secret }, Ct);

        Assert.Equal(redacted ? Redacted : Secret, (await engine.GetAsync(key, Ct))!.Text);
        Assert.Equal(redacted ? [new RedactionFinding(SensitiveDataKinds.Email, 1)] : [], outcome.Redacted);
    }

    [Fact]
    public async Task Store_NestedPrefix_CoversOnlyThatSubtree()
    {
        await using var engine = await OpenAsync(options => options.RedactedNamespaces = ["projects/acme/"]);

        var inside = await engine.StoreAsync(new MemoryWrite { Key = "projects/acme/contacts", Text = Secret }, Ct);
        var beside = await engine.StoreAsync(new MemoryWrite { Key = "projects/other/contacts", Text = Secret }, Ct);

        Assert.Equal(Redacted, inside.Entry.Text);
        Assert.Equal(Secret, beside.Entry.Text);
        Assert.Empty(beside.Redacted);
    }

    [Fact]
    public async Task Store_RedactedNamespace_SecretIsNeitherStoredInHistoryNorSearchable()
    {
        await using var engine = await OpenAsync(options => options.RedactedNamespaces = ["notes"]);

        await engine.StoreAsync(new MemoryWrite { Key = "notes/ada", Text = Secret, OnDuplicate = DuplicatePolicy.Report }, Ct);

        var history = await engine.GetHistoryAsync("notes/ada", Ct);
        Assert.All(history, step => Assert.DoesNotContain("ada@example.com", step.Entry!.Text, StringComparison.Ordinal));
        var hits = await engine.SearchAsync("ada@example.com", new SearchFilter { Mode = SearchMode.FullText }, Ct);
        Assert.DoesNotContain(hits, hit => hit.Entry.Text.Contains("ada@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Store_MessageRedactionOff_NamespaceIsStillRedacted()
    {
        await using var engine = await OpenAsync(options =>
        {
            options.MessageRedactor = null;
            options.RedactedNamespaces = ["notes"];
        });

        var outcome = await engine.StoreAsync(new MemoryWrite { Key = "notes/ada", Text = Secret }, Ct);

        Assert.Equal(Redacted, outcome.Entry.Text);
    }

    [Fact]
    public async Task Store_NoRedactedNamespaces_KeepsTheTextAsGiven()
    {
        var outcome = await Engine.StoreAsync(new MemoryWrite { Key = "notes/ada", Text = Secret }, Ct);

        Assert.Equal(Secret, outcome.Entry.Text);
        Assert.Empty(outcome.Redacted);
    }

    [Fact]
    public void RedactedNamespaces_BadPrefix_ThrowsNamingIt()
    {
        var options = new MnemoOptions();

        var error = Assert.Throws<ArgumentException>(() => options.RedactedNamespaces = ["notes", "bad key"]);

        Assert.Contains("'bad key'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_RedactNamespaces_ReadsTheList()
    {
        var options = MnemoOptions.FromEnvironment(name => name == MnemoOptions.RedactNamespacesVariable ? " notes, projects/acme/ ,notes" : null);

        Assert.Equal(["notes", "projects/acme"], options.RedactedNamespaces);
    }

    [Fact]
    public void FromEnvironment_BadRedactNamespace_NamesTheVariableAndValue()
    {
        var error = Assert.Throws<MnemoException>(
            () => MnemoOptions.FromEnvironment(name => name == MnemoOptions.RedactNamespacesVariable ? "notes,a b" : null));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains("MNEMO_REDACT_NAMESPACES='notes,a b'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'a b'", error.Message, StringComparison.Ordinal);
    }
}
