using System.Diagnostics;

namespace Anju.Bench;

/// <summary>
/// A clock that runs with real time from a fixed start and that the benchmark can move ahead, so that timers fire
/// without waiting. It runs rather than standing still because the engine's ids are version-7 GUIDs, ordered by
/// their millisecond: a frozen clock gives every id the same millisecond and random order, and each insert then
/// lands on a random index page, which a server whose clock runs does not see.
/// </summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _offset;

    public override DateTimeOffset GetUtcNow() =>
        start + Stopwatch.GetElapsedTime(_started) + TimeSpan.FromTicks(Interlocked.Read(ref _offset));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offset, by.Ticks);
}
