namespace Mnemo.Benchmarks.Recall;

/// <summary>
/// Fills the placeholders of the people set's templates: <c>{name}</c> (the person the text is about), <c>{sub}</c>,
/// <c>{obj}</c> and <c>{pos}</c> (their pronouns), <c>{other}</c> (the person spoken to), <c>{v}</c> and <c>{w}</c>
/// (the fact's values).
/// </summary>
internal static class ChatTemplate
{
    /// <summary>The template with every placeholder it uses replaced; unless <paramref name="capitalize"/> is false, the first letter is upper-cased.</summary>
    public static string Fill(
        string template, Person person, Person? other = null, string? value = null, string? second = null, bool capitalize = true)
    {
        var text = template
            .Replace("{name}", person.Name, StringComparison.Ordinal)
            .Replace("{sub}", person.Subject, StringComparison.Ordinal)
            .Replace("{obj}", person.Object, StringComparison.Ordinal)
            .Replace("{pos}", person.Possessive, StringComparison.Ordinal)
            .Replace("{other}", other?.Name ?? "", StringComparison.Ordinal)
            .Replace("{v}", value ?? "", StringComparison.Ordinal)
            .Replace("{w}", second ?? "", StringComparison.Ordinal);
        return capitalize && text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    /// <summary>A random element.</summary>
    public static T Pick<T>(Random random, IReadOnlyList<T> options) => options[random.Next(options.Count)];

    /// <summary><paramref name="count"/> distinct elements in random order (all of them when there are fewer).</summary>
    public static List<T> Sample<T>(Random random, IReadOnlyList<T> options, int count, IEnumerable<T>? except = null)
    {
        var excluded = except?.ToHashSet() ?? [];
        var pool = options.Where(o => !excluded.Contains(o)).ToList();
        for (var i = pool.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool.Take(count).ToList();
    }
}
