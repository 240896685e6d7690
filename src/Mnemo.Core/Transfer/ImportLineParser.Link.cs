using System.Text.Json;
using Mnemo.Core.Entries;
using Mnemo.Core.Keys;
using Mnemo.Core.Links;

namespace Mnemo.Core.Transfer;

internal static partial class ImportLineParser
{
    /// <summary>
    /// Drops the <c> (Parameter 'x')</c> (and the actual value) that <see cref="ArgumentException"/> appends: on an import
    /// line the field names and the line number say where the problem is.
    /// </summary>
    internal static string WithoutParameter(string message)
    {
        var parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter < 0 ? message : message[..parameter];
    }

    // A link line (see LinkJson): "from" and "to" are required; "relation", "weight", "agent" and "created_at" default as
    // for `mnemo link`. Other fields are ignored, as on entry lines, so exports of newer versions still import.
    private static ImportLink ParseLink(JsonElement root, JsonElement link)
    {
        if (root.TryGetProperty("key", out _))
        {
            throw new FormatException("the line has both \"link\" and \"key\": put the entry and the link on lines of their own");
        }

        if (link.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"\"link\" must be an object with \"from\" and \"to\", not a {Describe(link.ValueKind)}");
        }

        var from = LinkEnd(link, "from");
        var to = LinkEnd(link, "to");
        var weight = OptionalNumber(link, "weight") ?? 1;
        var relation = OptionalString(link, "relation");
        var agent = OptionalString(link, "agent");
        var createdAt = OptionalTime(link, "created_at");
        try
        {
            return new ImportLink(from, to, LinkValidator.Validate(from, to, relation, weight), weight,
                EntryValidator.NormalizeAgent(agent), createdAt);
        }
        catch (ArgumentException e)
        {
            throw new FormatException(WithoutParameter(e.Message), e);
        }
    }

    private static string LinkEnd(JsonElement link, string name)
    {
        var key = OptionalString(link, name)
            ?? throw new FormatException($"\"{name}\" is missing from \"link\": a link needs the keys it joins in \"from\" and \"to\"");
        return MemoryKey.Check(key) is { } problem ? throw new FormatException($"\"{name}\": {problem}") : key;
    }
}
