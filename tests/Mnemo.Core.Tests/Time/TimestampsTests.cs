using Mnemo.Core.Time;

namespace Mnemo.Core.Tests.Time;

public sealed class TimestampsTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Format_IsIsoUtcWithMilliseconds() =>
        Assert.Equal("2026-11-21T12:00:00.123Z", Timestamps.Format(s_now.AddMilliseconds(123.9)));

    [Fact]
    public void ParsePoint_Duration_MeansThatLongAgo() =>
        Assert.Equal(s_now.AddHours(-2), Timestamps.ParsePoint("2h", s_now));

    [Fact]
    public void ParsePoint_IsoWithOffset_IsConvertedToUtc() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 8, 30, 0, TimeSpan.Zero), Timestamps.ParsePoint("2026-11-21T09:30:00+01:00", s_now));

    [Fact]
    public void ParsePoint_IsoWithoutOffset_IsUtc() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero), Timestamps.ParsePoint("2026-11-21T09:30:00", s_now));

    [Fact]
    public void ParsePoint_Garbage_Throws() =>
        Assert.Throws<FormatException>(() => Timestamps.ParsePoint("yesterday-ish", s_now));

    [Fact]
    public void Truncate_DropsSubMilliseconds()
    {
        var time = s_now.AddTicks(12_345);

        Assert.Equal(Timestamps.FromUnixMs(Timestamps.ToUnixMs(time)), Timestamps.Truncate(time));
    }
}
