using System.Reflection;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Mnemo.Core.Storage;

namespace Mnemo.Core.Monitoring;

/// <summary>What a process using Mnemo runs on and with, read when asked (<see cref="MnemoEngine.GetSystemInfoAsync"/>).</summary>
public sealed record SystemInfo
{
    /// <summary>Mnemo's version (the engine assembly's informational version).</summary>
    public required string MnemoVersion { get; init; }

    /// <summary>The .NET runtime, e.g. ".NET 10.0.1".</summary>
    public required string Runtime { get; init; }

    /// <summary>The operating system's description.</summary>
    public required string OperatingSystem { get; init; }

    /// <summary>The process's architecture, e.g. X64.</summary>
    public required string Architecture { get; init; }

    /// <summary>Processors available to the process.</summary>
    public int ProcessorCount { get; init; }

    /// <summary>True when the GC runs in server mode; false for workstation.</summary>
    public bool ServerGc { get; init; }

    /// <summary>True when the process was published ahead of time (no JIT).</summary>
    public bool NativeAot { get; init; }

    /// <summary>The process's memory and the machine's, measured now.</summary>
    public required ProcessMemorySnapshot Process { get; init; }

    /// <summary>The host's name.</summary>
    public required string Host { get; init; }

    /// <summary>The engine's agent, or null.</summary>
    public string? Agent { get; init; }

    /// <summary>The store: where it is, its backend and schema.</summary>
    public required StoreStatus Store { get; init; }

    /// <summary>The embedding model of the store's vector index.</summary>
    public required string EmbeddingModel { get; init; }

    internal static string EngineVersion() =>
        typeof(MnemoEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    internal static SystemInfo Describe(ProcessMemorySnapshot process, string? agent, StoreStatus store, string embeddingModel) => new()
    {
        MnemoVersion = EngineVersion(),
        Runtime = RuntimeInformation.FrameworkDescription,
        OperatingSystem = RuntimeInformation.OSDescription,
        Architecture = RuntimeInformation.ProcessArchitecture.ToString(),
        ProcessorCount = Environment.ProcessorCount,
        ServerGc = GCSettings.IsServerGC,
        NativeAot = !RuntimeFeature.IsDynamicCodeSupported,
        Process = process,
        Host = Environment.MachineName,
        Agent = agent,
        Store = store,
        EmbeddingModel = embeddingModel,
    };
}
