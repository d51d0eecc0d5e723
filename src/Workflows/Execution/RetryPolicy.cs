namespace Anju.Workflows.Execution;

/// <summary>
/// How often and how soon a failed job is tried again: camunda:failedJobRetryTimeCycle "R5/PT10M" (five
/// tries, ten minutes apart), or the default of three tries with exponential back-off (10 s, 30 s, 90 s…).
/// </summary>
internal readonly record struct RetryPolicy(int Retries, IsoDuration? Interval)
{
    public static RetryPolicy Parse(string? cycle, int defaultRetries)
    {
        if (string.IsNullOrWhiteSpace(cycle))
        {
            return new RetryPolicy(defaultRetries, null);
        }

        var parts = cycle.Trim().Split('/');
        if (parts.Length == 2 && parts[0].StartsWith('R') && int.TryParse(parts[0].AsSpan(1), out var retries) && retries > 0
            && IsoDuration.TryParse(parts[1], out var interval))
        {
            return new RetryPolicy(retries, interval);
        }

        return new RetryPolicy(defaultRetries, null);
    }

    /// <summary>The wait before attempt number <paramref name="attempt"/> (1 for the first retry).</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        if (Interval is { } interval)
        {
            return interval.AddTo(DateTimeOffset.UnixEpoch) - DateTimeOffset.UnixEpoch;
        }

        return TimeSpan.FromSeconds(10 * Math.Pow(3, Math.Max(attempt - 1, 0)));
    }
}
