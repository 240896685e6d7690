using Mnemo.Core.Storage;

namespace Mnemo.Core;

/// <remarks>
/// Redaction of writes to the namespaces listed in <see cref="MnemoOptions.RedactedNamespaces"/>, a step of the write
/// pipeline: it runs on each validated write before the duplicate check embeds its text, so a secret is never stored,
/// indexed, embedded or sent to an embedding endpoint.
/// </remarks>
public sealed partial class MnemoEngine
{
    /// <summary>The write on its way through the pipeline, its text redacted when its key's namespace is.</summary>
    private PendingWrite Redacted(WriteRequest request, MemoryWrite given)
    {
        if (_options.RedactorFor(given.Key) is not { } redactor)
        {
            return new PendingWrite(request, given);
        }

        var redaction = redactor.Redact(given.Text);
        if (!redaction.IsRedacted)
        {
            return new PendingWrite(request, given);
        }

        // A marker can be longer than what it replaces: the redacted write must still fit the entry limit.
        var redacted = given with { Text = redaction.Text };
        CheckSize(redacted.Key, ContentCodec.EncodedLength(redacted.Text, redacted.Value), redacted.Metadata);
        return new PendingWrite(request, redacted) { Redacted = redaction.Findings };
    }

    /// <summary>
    /// A merge into a near-duplicate under another key, redacted when that key's namespace is and the write's own was not
    /// (its text then still holds what the caller gave).
    /// </summary>
    private MemoryWrite RedactMerged(PendingWrite write, MemoryWrite merged)
    {
        if (write.Redacted.Count > 0 || _options.RedactorFor(merged.Key) is not { } redactor)
        {
            return merged;
        }

        var redaction = redactor.Redact(merged.Text);
        if (!redaction.IsRedacted)
        {
            return merged;
        }

        write.Redacted = redaction.Findings;
        return merged with { Text = redaction.Text };
    }
}
