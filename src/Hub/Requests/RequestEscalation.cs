using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;

namespace SharingHub.Hub.Requests;

/// <summary>
/// Escalates requests that wait too long for review: a pending request whose open gate is overdue under the convenant
/// (<c>maxWaitDays</c> of its quorum, counted from the request) is marked <see cref="AccessRequest.EscalatedAt"/> once, audited
/// as <see cref="AuditOperations.RequestEscalated"/>, and shown first in the review queue. Runs every
/// <see cref="RequestsOptions.EscalationInterval"/> on the injected clock; <see cref="RunOnceAsync"/> is one pass.
/// </summary>
public sealed partial class RequestEscalation(IServiceScopeFactory scopes, IOptions<RequestsOptions> options, TimeProvider time, ILogger<RequestEscalation> logger)
    : BackgroundService
{
    /// <summary>One pass: escalates every overdue pending request not yet escalated; returns how many were escalated.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var reader = scope.ServiceProvider.GetRequiredService<RequestReader>();
        var directory = scope.ServiceProvider.GetRequiredService<SubjectDirectory>();
        var audit = scope.ServiceProvider.GetRequiredService<RequestAudit>();
        var now = time.GetUtcNow();
        var pending = await db.AccessRequests.Where(r => r.Status == AccessRequestStatus.PendingReview && r.EscalatedAt == null)
            .OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        var escalated = 0;
        foreach (var row in pending)
        {
            var request = await reader.CompleteAsync(row, cancellationToken).ConfigureAwait(false);
            var overdue = request?.Open.Where(g => RequestPolicy.IsOverdue(g, row.CreatedAt, now)).ToArray() ?? [];
            if (overdue.Length == 0)
            {
                continue;
            }

            row.EscalatedAt = now;
            row.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A review (or another pass) changed the request meanwhile; the next pass looks at it again.
                db.Entry(row).State = EntityState.Detached;
                continue;
            }

            escalated++;
            var root = await directory.GetRootAsync(row.SubjectId, cancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(new RequestAuditStep
            {
                Operation = AuditOperations.RequestEscalated,
                Status = AuditStatus.Ok,
                Convenant = row.ConvenantId,
                Anchor = root?.Anchor,
                Purpose = row.Purpose,
                Partner = row.RequesterPartnerId,
                Role = row.RequesterRole,
                Actor = "system:request-escalation",
                Categories = RequestPolicy.Split(row.Categories),
                Reasons = [.. overdue.SelectMany(g => g.Rules.Select(r => r.ClauseId)), .. overdue.Select(g => "gate:" + g.Name)],
                Resource = "request:" + row.Id.ToString("D"),
                Start = now,
            }, cancellationToken).ConfigureAwait(false);
        }

        if (escalated > 0)
        {
            LogEscalated(logger, escalated);
        }

        return escalated;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.EscalationEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.EscalationInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException)
                {
                    LogFailed(logger, exception.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(EventId = 3140, Level = LogLevel.Information, Message = "Escalated {Count} access requests waiting too long for review")]
    private static partial void LogEscalated(ILogger logger, int count);

    [LoggerMessage(EventId = 3141, Level = LogLevel.Warning, Message = "Request escalation pass failed ({Error}); the next pass retries")]
    private static partial void LogFailed(ILogger logger, string error);
}
