using Mnemo.Core.Errors;
using Mnemo.Core.Keys;

namespace Mnemo.Core.Links;

/// <summary>Checks a link's fields before anything is written.</summary>
internal static class LinkValidator
{
    /// <summary>The relation given to links made without one.</summary>
    public const string DefaultRelation = "related";

    /// <summary>The longest relation, in characters.</summary>
    public const int MaxRelationLength = 64;

    /// <summary>Validates the keys and weight and returns the relation normalised (lower case; default <see cref="DefaultRelation"/>).</summary>
    public static string Validate(string from, string to, string? relation, double weight)
    {
        MemoryKey.Validate(from, nameof(from));
        MemoryKey.Validate(to, nameof(to));
        if (from == to)
        {
            throw new ArgumentException($"a link from {UserValue.Quote(from)} to itself says nothing: link two different entries", nameof(to));
        }

        if (!double.IsFinite(weight) || weight is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, $"link weight {weight} is outside 0..1: give e.g. 0.5");
        }

        return NormalizeRelation(relation);
    }

    /// <summary>A relation in lower case: letters, digits, <c>_</c> and <c>-</c>, starting with a letter, at most 64 characters.</summary>
    public static string NormalizeRelation(string? relation)
    {
        if (string.IsNullOrWhiteSpace(relation))
        {
            return DefaultRelation;
        }

        var normalized = relation.Trim().ToLowerInvariant();
        var ok = normalized.Length <= MaxRelationLength && char.IsAsciiLetter(normalized[0])
            && normalized.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
        return ok ? normalized : throw new ArgumentException(
            $"relation {UserValue.Quote(relation)} is not valid: use a short word of letters, digits, '_' or '-' starting with a letter (at most {MaxRelationLength}), e.g. caused_by",
            nameof(relation));
    }
}
