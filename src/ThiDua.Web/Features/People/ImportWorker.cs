using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.People;

/// <summary>Wakes the import worker when a job is queued; the worker also polls, so a restart loses nothing.</summary>
public sealed class ImportQueue
{
    private readonly Channel<int> _channel = Channel.CreateUnbounded<int>();
    public void Signal(int jobId) => _channel.Writer.TryWrite(jobId);
    public ChannelReader<int> Reader => _channel.Reader;
}

/// <summary>
/// Runs imports in the background, one at a time per instance, from the jobs table every instance shares
/// (<see cref="ImportJobClaims"/>): a job is taken with one conditional update, its heartbeat renewed while it
/// runs, and a job whose instance died is taken back by another. Progress and results are on the job row, so
/// any instance shows them.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportQueue queue, UploadStore uploads, InstanceIdentity instance,
    IConfiguration config, TimeProvider clock, ILogger<ImportWorker> log) : BackgroundService
{
    private readonly ImportQueueSettings _settings = ImportQueueSettings.From(config);
    private string Me => instance.Name;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_settings.RunWorker) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TakeBackStaleAsync(stoppingToken);
                while (await ClaimNextAsync(stoppingToken) is { } id) await RunAsync(id, stoppingToken);
                // The channel wakes this instance for its own uploads at once; others' are found by the poll.
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(_settings.Poll);
                try { await queue.Reader.ReadAsync(wait.Token); } catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception ex)
            {
                log.LogError(ex, "Import worker loop failed");
                await Task.Delay(_settings.Poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task TakeBackStaleAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var (id, outcome) in await ImportJobClaims.TakeBackStaleAsync(db, uploads, _settings, Now, ct))
            log.LogWarning("Import {JobId} had no heartbeat for {Seconds} s: {Outcome}", id, _settings.StaleAfter.TotalSeconds, outcome);
    }

    private async Task<int?> ClaimNextAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await ImportJobClaims.ClaimNextAsync(db, Me, Now, ct);
    }

    private async Task RunAsync(int id, CancellationToken stoppingToken)
    {
        // Cancelled when the instance stops or when the job turns out to be no longer ours.
        using var owned = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var beating = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(id, owned, beating.Token);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        string? storedFile = null;
        try
        {
            // The columns the run needs, not the row: ReportJson of an earlier attempt may be large.
            var job = await db.ImportJobs.AsNoTracking().Where(j => j.Id == id)
                .Select(j => new { j.FileName, j.StoredFileName, j.UserName, j.AllowedUnitIds, j.AcceptValidRowsOnly }).SingleAsync(owned.Token);
            storedFile = job.StoredFileName;
            if (storedFile is null)
            {
                await FailAsync(id, ImportJobClaims.LegacyJobMessage, storedFile, heartbeat, beating);
                return;
            }
            await using var content = OpenUpload(storedFile);
            if (content is null)
            {
                log.LogError("Import {JobId}: upload {File} not found in {Folder}; is the folder shared by every instance?", id, storedFile, uploads.Folder);
                await FailAsync(id, ImportJobClaims.MissingFileMessage, storedFile, heartbeat, beating);
                return;
            }
            var allowed = job.AllowedUnitIds?.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            var accessScope = new AccessScope(allowed is null, allowed ?? [], null, CanEdit: true);

            // Progress goes through its own context: the import's context holds the rows being written. It renews the
            // heartbeat too, and stops the import when the job is no longer ours.
            async Task Progress(int done, int total)
            {
                try
                {
                    using var ps = scopes.CreateScope();
                    var pdb = ps.ServiceProvider.GetRequiredService<AppDbContext>();
                    var renewed = await ImportJobClaims.Owned(pdb, id, Me).ExecuteUpdateAsync(s => s
                        .SetProperty(j => j.ProcessedRows, done).SetProperty(j => j.TotalRows, total).SetProperty(j => j.HeartbeatUtc, Now), owned.Token);
                    if (renewed == 0) await owned.CancelAsync();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A progress figure is not worth the import: a busy database (another instance writing) only delays it.
                    log.LogWarning(ex, "Import {JobId}: progress not written", id);
                }
                owned.Token.ThrowIfCancellationRequested();
            }

            var importer = scope.ServiceProvider.GetRequiredService<PeopleImporter>();
            var outcome = await importer.ImportAsync(content, accessScope, job.UserName, job.AcceptValidRowsOnly, Progress, new ImportSource(id, job.FileName), owned.Token);
            await StopAsync(heartbeat, beating);
            // Recorded even if the instance is stopping now: the import is committed (or refused) already.
            var state = outcome.FileError is not null ? ImportJobState.Failed : outcome.Written ? ImportJobState.Succeeded : ImportJobState.Rejected;
            var recorded = await ImportJobClaims.Owned(db, id, Me).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, state)
                .SetProperty(j => j.Error, outcome.FileError)
                .SetProperty(j => j.TotalRows, outcome.TotalRows)
                .SetProperty(j => j.ProcessedRows, outcome.TotalRows)
                .SetProperty(j => j.AcceptedRows, outcome.Accepted)
                .SetProperty(j => j.RejectedRows, outcome.Rejected)
                .SetProperty(j => j.CreatedPeople, outcome.Created)
                .SetProperty(j => j.UpdatedPeople, outcome.Updated)
                .SetProperty(j => j.UnchangedPeople, outcome.Unchanged)
                .SetProperty(j => j.ChangedHistoryRows, outcome.HistoryChanges)
                .SetProperty(j => j.ReportJson, PeopleImporter.ReportJson(outcome.Rows))
                .SetProperty(j => j.StoredFileName, (string?)null)
                .SetProperty(j => j.FinishedUtc, Now), CancellationToken.None);
            if (recorded == 1)
            {
                uploads.Delete(storedFile);
                log.LogInformation("Import {JobId} finished: {State}, {Accepted} accepted, {Rejected} rejected", id, state, outcome.Accepted, outcome.Rejected);
            }
            else
            {
                // Taken back meanwhile (no heartbeat got through for the stale period): the rerun repeats what this
                // run did, which changes nothing, and records the outcome itself.
                log.LogWarning("Import {JobId} finished here as {State} but was taken back meanwhile; its rerun records the result", id, state);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await StopAsync(heartbeat, beating);
            using var rs = scopes.CreateScope();
            if (await ImportJobClaims.ReleaseAsync(rs.ServiceProvider.GetRequiredService<AppDbContext>(), id, Me, CancellationToken.None))
                log.LogInformation("Import {JobId} handed back to the queue: this instance is stopping", id);
        }
        catch (OperationCanceledException) when (owned.IsCancellationRequested)
        {
            log.LogWarning("Import {JobId} was taken back by another instance; this run stopped and rolled back", id);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Import {JobId} failed", id);
            await FailAsync(id, ImportJobClaims.ImportErrorMessage, storedFile, heartbeat, beating);
        }
        finally
        {
            await StopAsync(heartbeat, beating);
        }
    }

    private Stream? OpenUpload(string storedFile)
    {
        // Removed between the existence check and the open: the same as missing.
        try { return uploads.OpenRead(storedFile); }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException) { return null; }
    }

    private async Task FailAsync(int id, string message, string? storedFile, Task heartbeat, CancellationTokenSource beating)
    {
        await StopAsync(heartbeat, beating);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await ImportJobClaims.FailAsync(db, id, Me, message, Now, CancellationToken.None)) uploads.Delete(storedFile);
    }

    private static async Task StopAsync(Task heartbeat, CancellationTokenSource beating)
    {
        await beating.CancelAsync();
        await heartbeat;
    }

    /// <summary>
    /// Renews the job's heartbeat until <paramref name="stop"/>; cancels <paramref name="owned"/> when the job is
    /// found no longer ours, so the import stops and its transaction rolls back.
    /// </summary>
    private async Task HeartbeatAsync(int id, CancellationTokenSource owned, CancellationToken stop)
    {
        // Wall-clock waits, not the TimeProvider: the heartbeat must keep beating whatever clock stamps it.
        using var timer = new PeriodicTimer(_settings.HeartbeatEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    if (await ImportJobClaims.HeartbeatAsync(db, id, Me, Now, stop)) continue;
                    log.LogWarning("Import {JobId} is no longer this instance's ({Instance}); stopping it", id, Me);
                    await owned.CancelAsync();
                    return;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
                catch (Exception ex)
                {
                    // A busy database (SQLite waits for the import's own write transaction): try again next tick.
                    log.LogWarning(ex, "Import {JobId}: heartbeat not written", id);
                }
            }
        }
        catch (OperationCanceledException) { }
    }
}
