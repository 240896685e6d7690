using Mnemo.Core.Messages;

namespace Mnemo.Core.Links;

/// <summary>The names every face gives a <see cref="LinkDirection"/> (both, out, in), also a neighbor's <c>direction</c>.</summary>
public static class LinkDirections
{
    /// <summary>The names and their values.</summary>
    public static NameMap<LinkDirection> Map { get; } = new("link direction",
        (LinkDirection.Both, "both"), (LinkDirection.Outgoing, "out"), (LinkDirection.Incoming, "in"));

    /// <summary>The direction's name.</summary>
    public static string Name(LinkDirection direction) => Map.Name(direction);

    /// <summary>The direction named <paramref name="name"/>; an unknown name throws, naming the accepted ones.</summary>
    public static LinkDirection Parse(string name) => Map.Parse(name);
}
