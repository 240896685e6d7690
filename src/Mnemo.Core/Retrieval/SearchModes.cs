using Mnemo.Core.Messages;

namespace Mnemo.Core.Retrieval;

/// <summary>The names every face gives a <see cref="SearchMode"/>: hybrid, text, vector.</summary>
public static class SearchModes
{
    /// <summary>The names and their values.</summary>
    public static NameMap<SearchMode> Map { get; } = new("search mode",
        (SearchMode.Hybrid, "hybrid"), (SearchMode.FullText, "text"), (SearchMode.Vector, "vector"));

    /// <summary>The mode's name.</summary>
    public static string Name(SearchMode mode) => Map.Name(mode);

    /// <summary>The mode named <paramref name="name"/>; an unknown name throws, naming the accepted ones.</summary>
    public static SearchMode Parse(string name) => Map.Parse(name);
}
