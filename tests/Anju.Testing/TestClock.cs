using Microsoft.Extensions.Time.Testing;

namespace Anju.Testing;

/// <summary>
/// The clock a test moves instead of sleeping (a <see cref="FakeTimeProvider"/> that stands still until advanced),
/// starting by default on <see cref="OrdinaryMonday"/>. It reads in the offset its start was given in (UTC for
/// the default start).
/// </summary>
public sealed class TestClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    /// <summary>Monday 2026-03-02 09:00 in Jiangyin (01:00 UTC): an ordinary working day of an ordinary week.</summary>
    public static readonly DateTimeOffset OrdinaryMonday = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    /// <summary>A clock at <see cref="OrdinaryMonday"/>.</summary>
    public TestClock()
        : this(OrdinaryMonday)
    {
    }

    /// <summary>Moves the clock forward to <paramref name="moment"/> (any offset); refuses to go back.</summary>
    public void AdvanceTo(DateTimeOffset moment)
    {
        var by = moment - GetUtcNow();
        if (by < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"The clock is already at {GetUtcNow():O}, after {moment:O}.");
        }

        Advance(by);
    }
}
