using Mnemo.Core.Errors;
using Mnemo.Core.Keys;
using Mnemo.Core.Privacy;

namespace Mnemo.Core;

public sealed partial class MnemoOptions
{
    /// <summary>The environment variable with <see cref="RedactedNamespaces"/> (comma-separated key prefixes such as <c>notes,projects/acme</c>).</summary>
    public const string RedactNamespacesVariable = "MNEMO_REDACT_NAMESPACES";

    /// <summary>
    /// The namespaces whose writes are redacted before anything else is done with them: the text of every write whose key
    /// is one of these prefixes or below one (<c>notes</c> covers <c>notes/x</c> and <c>notes/x/y</c>, not
    /// <c>notesX/y</c>) has its secrets replaced, and the write's <see cref="StoreOutcome.Redacted"/> says what kinds.
    /// Default: none (<c>MNEMO_REDACT_NAMESPACES</c>).
    /// </summary>
    /// <remarks>
    /// The redactor is <see cref="MessageRedactor"/> when set, so patterns configured for messages apply here too, else
    /// <see cref="SensitiveDataRedactor.Default"/>: naming a namespace is an opt-in that turning message redaction off does
    /// not undo. Only the text is redacted (it is what is searched, embedded and shown); a structured value or metadata is
    /// kept as given, since changing it could break the schema a caller checks it against. Entries written before a
    /// namespace was listed stay as they are.
    /// </remarks>
    /// <exception cref="ArgumentException">A prefix is not a valid key (the message names it).</exception>
    public IReadOnlyList<string> RedactedNamespaces
    {
        get;
        set => field = Unfrozen(NormalizeNamespaces(value));
    } = [];

    /// <summary>The redactor for a write to <paramref name="key"/>, or null when its namespace is not redacted.</summary>
    internal SensitiveDataRedactor? RedactorFor(string key)
    {
        foreach (var prefix in RedactedNamespaces)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal)
                && (key.Length == prefix.Length || key[prefix.Length] == MemoryKey.Separator))
            {
                return MessageRedactor ?? SensitiveDataRedactor.Default;
            }
        }

        return null;
    }

    /// <summary>Reads <see cref="RedactNamespacesVariable"/>, naming the bad prefix in the error.</summary>
    private void ReadRedactedNamespaces(Func<string, string?> getVariable)
    {
        if (Text(getVariable, RedactNamespacesVariable) is not { } text)
        {
            return;
        }

        try
        {
            RedactedNamespaces = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }
        catch (ArgumentException e)
        {
            throw Invalid($"{RedactNamespacesVariable}={UserValue.Quote(text)}: {e.Message}");
        }
    }

    /// <summary>The prefixes without a trailing '/', each checked to be a key, duplicates removed.</summary>
    private static string[] NormalizeNamespaces(IReadOnlyList<string>? prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes, nameof(RedactedNamespaces));
        var normalized = new List<string>(prefixes.Count);
        foreach (var given in prefixes)
        {
            var prefix = given?.Trim().TrimEnd(MemoryKey.Separator) ?? "";
            if (MemoryKey.Check(prefix) is { } reason)
            {
                throw new ArgumentException(
                    $"the redacted namespace {UserValue.Quote(given ?? "")} is not a key prefix ({reason}): use e.g. notes or projects/acme",
                    nameof(RedactedNamespaces));
            }

            if (!normalized.Contains(prefix, StringComparer.Ordinal))
            {
                normalized.Add(prefix);
            }
        }

        return [.. normalized];
    }
}
