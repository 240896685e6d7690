namespace Mnemo.Benchmarks.Recall;

/// <summary>One of the two people of a generated conversation, with the pronouns questions about them use.</summary>
/// <param name="Name">The first name, as it appears in the turns' <c>speaker</c> metadata and in questions.</param>
/// <param name="Female">Chooses the pronouns.</param>
internal sealed record Person(string Name, bool Female)
{
    /// <summary><c>she</c> or <c>he</c>.</summary>
    public string Subject => Female ? "she" : "he";

    /// <summary><c>her</c> or <c>him</c>.</summary>
    public string Object => Female ? "her" : "him";

    /// <summary><c>her</c> or <c>his</c>.</summary>
    public string Possessive => Female ? "her" : "his";
}
