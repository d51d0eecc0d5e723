using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Anju.Host.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Anju.Host.Identity;

/// <summary>
/// The sign-in state of this Host process (a singleton):
/// <list type="bullet">
/// <item>a gate per normalised account name, so that one account's sign-ins run one at a time: the failure count is
/// read, the password checked and the count written without any concurrent attempt in between (40 parallel
/// guesses check at most <c>MaxFailedAccessAttempts</c> passwords);</item>
/// <item>failures counted per account <em>and client</em>: after <c>MaxFailedAccessAttempts</c> (Identity options, 5)
/// that client is refused for that account for <c>DefaultLockoutTimeSpan</c> (15 min); other clients are not, so
/// nobody can lock the owner out anonymously. Unknown account names count the same way (no enumeration);</item>
/// <item>the per-account rate limit (<see cref="LoginOptions.PerAccountPerMinute"/>, all clients together), which
/// bounds guessing spread over many addresses.</item>
/// </list>
/// In memory: with several Host nodes each counts on its own (docs/security.md).
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Account, string Client), Failures> _failures = new();
    private readonly PartitionedRateLimiter<string> _perAccount;
    private readonly TimeProvider _time;
    private readonly int _maxFailures;
    private readonly TimeSpan _lockout;
    private string? _dummyHash;
    private int _writes;

    public LoginThrottle(IOptions<LoginOptions> options, IOptions<IdentityOptions> identity, TimeProvider time)
    {
        _time = time;
        _maxFailures = Math.Max(1, identity.Value.Lockout.MaxFailedAccessAttempts);
        _lockout = identity.Value.Lockout.DefaultLockoutTimeSpan;
        var perMinute = Math.Max(1, options.Value.PerAccountPerMinute);
        _perAccount = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(account, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true }));
    }

    public TimeSpan LockoutDuration => _lockout;

    /// <summary>One attempt at the account, counted against its per-minute limit; dispose the lease.</summary>
    public RateLimitLease AcquireAccount(string account) => _perAccount.AttemptAcquire(account);

    /// <summary>Waits until no other sign-in at this account runs; dispose the result to let the next one in.</summary>
    public async Task<IDisposable> EnterAsync(string account, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(account, out gate!))
            {
                _gates[account] = gate = new Gate();
            }

            gate.Users++;
        }

        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(account, gate);
            throw;
        }

        return new Entered(this, account, gate);
    }

    /// <summary>Until when this client is refused for this account, or null.</summary>
    public DateTimeOffset? LockedUntil(string account, string client) =>
        _failures.TryGetValue((account, client), out var failures) && failures.LockedUntil is { } until && until > _time.GetUtcNow() ? until : null;

    /// <summary>Counts a failure (call inside the gate); returns the end of the lockout it starts, or null.</summary>
    public DateTimeOffset? RecordFailure(string account, string client)
    {
        var now = _time.GetUtcNow();
        var failures = _failures.GetOrAdd((account, client), _ => new Failures());
        if (failures.LastFailure + _lockout < now || failures.LockedUntil is { } ended && ended <= now)
        {
            failures.Count = 0; // old failures fade: none for a lockout's length, or a lockout that has ended
            failures.LockedUntil = null;
        }

        failures.Count++;
        failures.LastFailure = now;
        if (failures.Count >= _maxFailures)
        {
            failures.LockedUntil = now + _lockout;
        }

        _failures[(account, client)] = failures; // back in, should a sweep have just taken it out

        if (Interlocked.Increment(ref _writes) % 256 == 0)
        {
            Sweep(now);
        }

        return failures.LockedUntil;
    }

    /// <summary>A successful sign-in clears this client's failures at this account.</summary>
    public void RecordSuccess(string account, string client) => _failures.TryRemove((account, client), out _);

    /// <summary>An administrator's unlock: every client's failures at this account are forgotten.</summary>
    public void Reset(string account)
    {
        foreach (var key in _failures.Keys.Where(k => k.Account == account))
        {
            _failures.TryRemove(key, out _);
        }
    }

    /// <summary>
    /// For an unknown account name: one verification against a dummy hash made by the same hasher, so that the answer
    /// costs what a known account's does and its time does not tell which names exist.
    /// </summary>
    public void VerifyDummy(IPasswordHasher<AnjuUser> hasher, string password)
    {
        var dummy = new AnjuUser { UserName = "" };
        _dummyHash ??= hasher.HashPassword(dummy, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(dummy, _dummyHash, password);
    }

    public void Dispose() => _perAccount.Dispose();

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            if (failures.LastFailure + _lockout < now && (failures.LockedUntil is null || failures.LockedUntil <= now))
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private void Leave(string account, Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(account);
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Failures
    {
        public int Count { get; set; }

        public DateTimeOffset LastFailure { get; set; }

        public DateTimeOffset? LockedUntil { get; set; }
    }

    private sealed class Entered(LoginThrottle throttle, string account, Gate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Semaphore.Release();
                throttle.Leave(account, gate);
            }
        }
    }
}
