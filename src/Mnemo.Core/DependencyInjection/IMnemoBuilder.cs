// In the namespace of IServiceCollection, as hosts expect of AddX extensions (MCP's AddMcpServer, Npgsql's AddNpgsqlDataSource).
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>
/// What <see cref="MnemoServiceCollectionExtensions.AddMnemo"/> returns: the services Mnemo was added to, for the
/// packages that choose the store (<c>.UseSqlite()</c>) and the embedders (<c>.UseLocalEmbedders()</c>).
/// </summary>
public interface IMnemoBuilder
{
    /// <summary>The services Mnemo was added to.</summary>
    IServiceCollection Services { get; }
}
