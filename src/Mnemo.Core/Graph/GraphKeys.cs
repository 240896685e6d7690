using System.Security.Cryptography;
using System.Text;

namespace Mnemo.Core.Graph;

/// <summary>
/// Where the knowledge graph keeps its parts in the store: entity <c>N</c> at <c>{root}entities/{N}</c> and relation
/// <c>A -R-> B</c> at <c>{root}relations/{A}/{R}/{B}</c>, each name made a valid key segment.
/// </summary>
/// <remarks>
/// Letters, digits, '-', '_' and '.' stay as they are, so ordinary names stay readable in <c>mnemo list</c>; any other
/// character becomes '@' and the hex of its UTF-8 bytes ("Ada Lovelace" is <c>Ada@20Lovelace</c>). A segment longer
/// than <see cref="MaxSegment"/> keeps its start and ends in a hash of the whole name, so keys stay within their limit.
/// </remarks>
internal static class GraphKeys
{
    private const int MaxSegment = 72;
    private const int KeptWhenHashed = 40;

    public static string EntitiesPrefix(string root) => $"{root}entities/";

    public static string RelationsPrefix(string root) => $"{root}relations/";

    public static string Entity(string root, string name) => EntitiesPrefix(root) + Segment(name);

    /// <summary>The prefix of every relation starting at <paramref name="from"/>.</summary>
    public static string RelationsFrom(string root, string from) => $"{RelationsPrefix(root)}{Segment(from)}/";

    public static string Relation(string root, GraphRelation relation) =>
        $"{RelationsFrom(root, relation.From)}{Segment(relation.RelationType)}/{Segment(relation.To)}";

    /// <summary>A name as one key segment (see the type's remarks).</summary>
    public static string Segment(string name)
    {
        var builder = new StringBuilder(name.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in name.EnumerateRunes())
        {
            if ((rune.IsBmp && char.IsLetterOrDigit((char)rune.Value)) || rune.Value is '-' or '_' or '.')
            {
                builder.Append(rune.ToString());
            }
            else
            {
                var length = rune.EncodeToUtf8(bytes);
                foreach (var b in bytes[..length])
                {
                    builder.Append('@').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        // "." and ".." would read as path steps to a person looking at keys; an empty name has no segment at all.
        if (builder.Length == 0 || builder.ToString() is "." or "..")
        {
            builder.Insert(0, "@");
        }

        if (builder.Length <= MaxSegment)
        {
            return builder.ToString();
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0, 12);
        return $"{builder.ToString(0, KeptWhenHashed)}@@{hash}";
    }
}
