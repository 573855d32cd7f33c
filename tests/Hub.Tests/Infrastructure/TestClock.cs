namespace SharingHub.Hub.Tests.Infrastructure;

/// <summary>
/// A manual clock for hub tests (the hub's injected <see cref="TimeProvider"/>). Like <c>FakeTimeProvider</c>, time moves
/// only when a test calls <see cref="Advance"/> or <see cref="SetUtcNow"/>, and due timers fire on the calling thread before
/// the call returns. Unlike it, a timer that a jump leaves several periods overdue fires ONCE and is then due one period
/// after the new time, as a real timer does after the machine's clock jumps: <c>FakeTimeProvider</c> replays every missed
/// period, so a jump of six months replayed the one-second audit checkpoint timer 15.5 million times, each tick waking the
/// signer (and the linker and escalation loops), and one retention test took more than twenty minutes of CPU.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ClockTimer> _timers = [];
    private DateTimeOffset _now = start;
    private long _sequence;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock forward by <paramref name="delta"/> and fires what is due.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        lock (_gate)
        {
            _now += delta;
        }

        FireDue();
    }

    /// <summary>Sets the clock (never backwards) and fires what is due.</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_gate)
        {
            if (value < _now)
            {
                throw new ArgumentOutOfRangeException(nameof(value), "The test clock never goes back.");
            }

            _now = value;
        }

        FireDue();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ClockTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Fires every timer due at the current time once, earliest first (then in creation order).</summary>
    private void FireDue()
    {
        List<ClockTimer> due;
        lock (_gate)
        {
            due = [.. _timers.Where(t => t.DueAt is { } at && at <= _now).OrderBy(t => t.DueAt).ThenBy(t => t.Sequence)];
            foreach (var timer in due)
            {
                timer.DueAt = timer.Period > TimeSpan.Zero ? _now + timer.Period : null;
            }
        }

        foreach (var timer in due)
        {
            timer.Invoke();
        }
    }

    private sealed class ClockTimer(TestClock clock, TimerCallback callback, object? state) : ITimer
    {
        public long Sequence { get; } = Interlocked.Increment(ref clock._sequence);

        /// <summary>When the timer fires next (null: not scheduled). Guarded by the clock's lock.</summary>
        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            bool fireNow;
            lock (clock._gate)
            {
                if (!clock._timers.Contains(this))
                {
                    return false;
                }

                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + dueTime;
                fireNow = dueTime == TimeSpan.Zero;
            }

            if (fireNow)
            {
                clock.FireDue();
            }

            return true;
        }

        public void Invoke() => callback(state);

        public void Dispose()
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
                DueAt = null;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
