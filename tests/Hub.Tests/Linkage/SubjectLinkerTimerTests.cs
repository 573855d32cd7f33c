using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Linkage;

/// <summary>The linker's timer loop runs on the injected TimeProvider and is configured by <c>Linkage:*</c>.</summary>
public sealed class SubjectLinkerTimerTests
{
    [Fact]
    public async Task TimerLoop_IntervalElapsesOnTheTimeProvider_PendingEncodingsLinked()
    {
        var time = new TestClock(TimeProvider.System.GetUtcNow());
        using var factory = new HubFactory(
            new Dictionary<string, string?> { ["Linkage:Enabled"] = "true", ["Linkage:Interval"] = "00:10:00" },
            services: s => s.AddSingleton<TimeProvider>(time));
        await LinkagePartners.SeedAsync(factory.Services);
        using var http = factory.CreateApiClient();
        var gemeente = await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente);
        var politie = await LinkageApi.TokenAsync(http, LinkagePartners.Politie);
        TestPerson a = new("Auke", "Kooistra", "1984-04-04"), b = new("Auke", "Koistra", "1984-04-04");
        var (s1, _) = await LinkageApi.SubmitAsync(http, gemeente, a);
        var (s2, _) = await LinkageApi.SubmitAsync(http, politie, b);
        await LinkageApi.AddEncodingAsync(factory, s1, a);
        await LinkageApi.AddEncodingAsync(factory, s2, b);
        await Task.Delay(300);
        var pendingBefore = await PendingAsync(factory);

        time.Advance(TimeSpan.FromMinutes(10));
        var pendingAfter = pendingBefore;
        for (var i = 0; i < 100 && pendingAfter > 0; i++)
        {
            await Task.Delay(100);
            pendingAfter = await PendingAsync(factory);
        }

        Assert.Equal(2, pendingBefore);
        Assert.Equal(0, pendingAfter);
        // Created at the same (fake) instant: either may survive, but they share one root.
        var subjects = await LinkageApi.SubjectsAsync(factory);
        var first = await LinkageApi.SubjectOfAsync(factory, s1);
        var second = await LinkageApi.SubjectOfAsync(factory, s2);
        Assert.NotEqual(first, second);
        Assert.Equal(subjects[first] ?? first, subjects[second] ?? second);
    }

    [Fact]
    public async Task Options_IntervalBelowMinimum_HubRefusesToStart()
    {
        using var factory = new HubFactory(new Dictionary<string, string?> { ["Linkage:Interval"] = "00:00:00" });

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("Interval", error.ToString(), StringComparison.Ordinal);
    }

    private static Task<int> PendingAsync(HubFactory factory) =>
        LinkageApi.WithDbAsync(factory, db => db.SubjectEncodings.CountAsync(e => e.LinkedAt == null));
}
