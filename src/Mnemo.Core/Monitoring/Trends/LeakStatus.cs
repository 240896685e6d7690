namespace Mnemo.Core.Monitoring.Trends;

/// <summary>What a <see cref="LeakDetector"/> concluded.</summary>
public enum LeakStatus
{
    /// <summary>Fewer samples than <see cref="LeakDetectorOptions.MinimumSamples"/>; nothing was tested.</summary>
    InsufficientData = 0,

    /// <summary>No significant sustained rise.</summary>
    NoRise = 1,

    /// <summary>A significant rise, but the slope's lower confidence bound is not above the minimum rate: a drift too
    /// slow to call a leak.</summary>
    SlowRise = 2,

    /// <summary>A significant sustained rise whose slope is confidently above the minimum rate.</summary>
    Leak = 3,
}
