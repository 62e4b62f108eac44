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

/// <summary>Runs queued imports one at a time in the background and records their progress on the job row.</summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportQueue queue, UploadStore uploads, TimeProvider clock, ILogger<ImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await NextJobAsync(stoppingToken) is { } id) await RunAsync(id, stoppingToken);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(TimeSpan.FromSeconds(5));
                try { await queue.Reader.ReadAsync(wait.Token); } catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception ex)
            {
                log.LogError(ex, "Import worker loop failed");
                await Task.Delay(1000, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task<int?> NextJobAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.ImportJobs.Where(j => j.State == ImportJobState.Queued).OrderBy(j => j.Id).Select(j => (int?)j.Id).FirstOrDefaultAsync(ct);
    }

    private async Task RunAsync(int id, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = await db.ImportJobs.SingleAsync(j => j.Id == id, ct);
        job.State = ImportJobState.Running;
        await db.SaveChangesAsync(ct);
        var allowed = job.AllowedUnitIds is null ? null : job.AllowedUnitIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToHashSet();
        var accessScope = new AccessScope(allowed is null, allowed ?? [], null, CanEdit: true);

        // Progress goes through its own context: the import's context holds the rows being written.
        async Task Progress(int done, int total)
        {
            using var ps = scopes.CreateScope();
            var pdb = ps.ServiceProvider.GetRequiredService<AppDbContext>();
            await pdb.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.ProcessedRows, done).SetProperty(j => j.TotalRows, total), ct);
        }

        try
        {
            var importer = scope.ServiceProvider.GetRequiredService<PeopleImporter>();
            await using var content = (job.StoredFileName is null ? null : uploads.OpenRead(job.StoredFileName))
                ?? throw new FileNotFoundException("uploaded file missing", job.StoredFileName);
            var outcome = await importer.ImportAsync(content, accessScope, job.UserName, job.AcceptValidRowsOnly, Progress, new ImportSource(job.Id, job.FileName), ct);
            db.ChangeTracker.Clear();
            job = await db.ImportJobs.SingleAsync(j => j.Id == id, ct);
            job.State = outcome.FileError is not null ? ImportJobState.Failed : outcome.Written ? ImportJobState.Succeeded : ImportJobState.Rejected;
            job.Error = outcome.FileError;
            job.TotalRows = outcome.TotalRows;
            job.ProcessedRows = outcome.TotalRows;
            job.AcceptedRows = outcome.Accepted;
            job.RejectedRows = outcome.Rejected;
            job.CreatedPeople = outcome.Created;
            job.UpdatedPeople = outcome.Updated;
            job.UnchangedPeople = outcome.Unchanged;
            job.ChangedHistoryRows = outcome.HistoryChanges;
            job.ReportJson = PeopleImporter.ReportJson(outcome.Rows);
            uploads.Delete(job.StoredFileName);
            job.StoredFileName = null;
            job.FinishedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            log.LogInformation("Import {JobId} finished: {State}, {Accepted} accepted, {Rejected} rejected", id, job.State, outcome.Accepted, outcome.Rejected);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Import {JobId} failed", id);
            db.ChangeTracker.Clear();
            await db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, ImportJobState.Failed)
                .SetProperty(j => j.Error, "Lỗi khi ghi dữ liệu; không có thay đổi nào được lưu. Hãy thử lại hoặc báo quản trị.")
                .SetProperty(j => j.FinishedUtc, clock.GetUtcNow().UtcDateTime), CancellationToken.None);
        }
    }
}
