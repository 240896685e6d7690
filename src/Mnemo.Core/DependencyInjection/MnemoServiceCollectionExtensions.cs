using Microsoft.Extensions.DependencyInjection.Extensions;
using Mnemo.Core;

#pragma warning disable IDE0130 // See IMnemoBuilder.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Adds Mnemo's engine to a service collection.</summary>
public static class MnemoServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MnemoOptions"/> and <see cref="MnemoEngine"/> as singletons; choose the store on the
    /// builder returned, e.g. <c>services.AddMnemo(o =&gt; o.Agent = "planner").UseSqlite("memory.db")</c>.
    /// </summary>
    /// <param name="services">The services to add to.</param>
    /// <param name="configure">
    /// Sets options; runs before the builder's <c>Use...</c> methods, in the order they were registered. Use
    /// <c>options.ReadEnvironment(Environment.GetEnvironmentVariable)</c> to honour the <c>MNEMO_*</c> variables as the
    /// CLI does.
    /// </param>
    /// <returns>A builder for the store and embedder choices.</returns>
    /// <remarks>
    /// <para>The registered <see cref="MnemoOptions"/> is validated and frozen, the copy the engine keeps.</para>
    /// <para>The engine opens when it is first resolved. A DI factory is synchronous, so that resolution waits for
    /// <see cref="MnemoEngine.OpenAsync"/>: the SQLite store opens synchronously, so the wait blocks on nothing; resolve
    /// the engine once at startup to pay for opening (and see configuration errors) there rather than in a first request.
    /// The provider disposes the engine, which flushes buffered read statistics: dispose the provider with
    /// <c>DisposeAsync</c> (<c>await using</c>; ASP.NET Core and the generic host do), as a synchronous <c>Dispose</c>
    /// of a provider holding an only-asynchronously-disposable engine throws.</para>
    /// <para>Registrations use <c>TryAdd</c>: one engine per provider, and a <see cref="MnemoOptions"/> or
    /// <see cref="MnemoEngine"/> registered earlier wins. Calling AddMnemo again adds its <paramref name="configure"/>.</para>
    /// </remarks>
    public static IMnemoBuilder AddMnemo(this IServiceCollection services, Action<MnemoOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new MnemoBuilder(services);
        if (configure is not null)
        {
            builder.ConfigureOptions(configure);
        }

        services.TryAddSingleton(CreateOptions);
        services.TryAddSingleton(OpenEngine);
        return builder;
    }

    /// <summary>Adds a change to the options, applied after those registered before it; for a store or embedder package's <c>Use...</c> method.</summary>
    /// <param name="builder">The builder of <see cref="AddMnemo"/>.</param>
    /// <param name="configure">Sets options.</param>
    /// <returns>The builder.</returns>
    public static IMnemoBuilder ConfigureOptions(this IMnemoBuilder builder, Action<MnemoOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddSingleton(new MnemoOptionsConfiguration(configure));
        return builder;
    }

    private static MnemoOptions CreateOptions(IServiceProvider services)
    {
        var options = new MnemoOptions();
        foreach (var configuration in services.GetServices<MnemoOptionsConfiguration>())
        {
            configuration.Apply(options);
        }

        var frozen = options.Snapshot();
        frozen.Validate();
        return frozen;
    }

    private static MnemoEngine OpenEngine(IServiceProvider services) =>
        MnemoEngine.OpenAsync(services.GetRequiredService<MnemoOptions>()).GetAwaiter().GetResult();
}
