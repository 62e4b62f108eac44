using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.People;

/// <summary>
/// The import queue's settings (section <c>Imports</c>): <c>PollSeconds</c> (default 5) is how often an instance
/// looks for queued jobs other instances took in; <c>StaleAfterSeconds</c> (default 60) is how long a running job
/// may go without a heartbeat before its instance is presumed dead; <c>MaxAttempts</c> (default 2) is how many
/// instances may take one job; <c>RunWorker</c> (default true) set to false leaves imports to other instances.
/// </summary>
public sealed record ImportQueueSettings(TimeSpan Poll, TimeSpan StaleAfter, int MaxAttempts, bool RunWorker)
{
    public static ImportQueueSettings From(IConfiguration config) => new(
        TimeSpan.FromSeconds(Math.Max(1, config.GetValue("Imports:PollSeconds", 5))),
        TimeSpan.FromSeconds(Math.Max(5, config.GetValue("Imports:StaleAfterSeconds", 60))),
        Math.Max(1, config.GetValue("Imports:MaxAttempts", 2)),
        config.GetValue("Imports:RunWorker", true));

    /// <summary>Several heartbeats fit in the stale period, so one slow write does not cost the job.</summary>
    public TimeSpan HeartbeatEvery => TimeSpan.FromSeconds(Math.Clamp(StaleAfter.TotalSeconds / 4, 1, 10));
}

/// <summary>
/// The import jobs table as a queue several app instances share. Every change of owner is one conditional
/// UPDATE whose affected-row count says who won: the database, not an in-process lock, decides, so it holds
/// across instances on SQLite (one writer at a time) and PostgreSQL (the row lock, then the WHERE re-checked on
/// the new row version) alike.
/// </summary>
public static class ImportJobClaims
{
    public const string GaveUpMessage =
        "Máy chủ xử lý tệp đã dừng giữa chừng; không có thay đổi nào được lưu. Hãy tải tệp lên lại.";
    public const string MissingFileMessage =
        "Máy chủ xử lý không tìm thấy tệp đã tải lên (tệp đã bị xóa, hoặc thư mục lưu tệp không dùng chung giữa các máy chủ); không có thay đổi nào được lưu. Hãy tải tệp lên lại; nếu lỗi lặp lại, hãy báo quản trị.";
    public const string LegacyJobMessage =
        "Lần nhập này được tạo trước khi máy chủ được nâng cấp nên tệp tải lên không còn được giữ; không có thay đổi nào được lưu. Hãy tải tệp lên lại.";
    public const string ImportErrorMessage =
        "Lỗi khi ghi dữ liệu; không có thay đổi nào được lưu. Hãy thử lại hoặc báo quản trị.";

    /// <summary>Takes the oldest queued job for <paramref name="workerId"/>; null when none is left.</summary>
    public static async Task<int?> ClaimNextAsync(AppDbContext db, string workerId, DateTime nowUtc, CancellationToken ct)
    {
        // Another instance may take the candidate between the read and the update; then the next one is tried.
        while (await db.ImportJobs.AsNoTracking().Where(j => j.State == ImportJobState.Queued).OrderBy(j => j.Id)
                   .Select(j => (int?)j.Id).FirstOrDefaultAsync(ct) is { } id)
        {
            if (await TryClaimAsync(db, id, workerId, nowUtc, ct)) return id;
        }
        return null;
    }

    /// <summary>True for the one caller whose update moved the job from queued to running.</summary>
    public static async Task<bool> TryClaimAsync(AppDbContext db, int id, string workerId, DateTime nowUtc, CancellationToken ct) =>
        await db.ImportJobs.Where(j => j.Id == id && j.State == ImportJobState.Queued).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, ImportJobState.Running)
            .SetProperty(j => j.WorkerId, workerId)
            .SetProperty(j => j.ClaimedUtc, nowUtc)
            .SetProperty(j => j.HeartbeatUtc, nowUtc)
            .SetProperty(j => j.Attempts, j => j.Attempts + 1), ct) == 1;

    /// <summary>The job while <paramref name="workerId"/> still runs it: every write of a worker goes through this.</summary>
    public static IQueryable<ImportJob> Owned(AppDbContext db, int id, string workerId) =>
        db.ImportJobs.Where(j => j.Id == id && j.State == ImportJobState.Running && j.WorkerId == workerId);

    /// <summary>Renews the heartbeat; false when the job is no longer this worker's (taken back as stale).</summary>
    public static async Task<bool> HeartbeatAsync(AppDbContext db, int id, string workerId, DateTime nowUtc, CancellationToken ct) =>
        await Owned(db, id, workerId).ExecuteUpdateAsync(s => s.SetProperty(j => j.HeartbeatUtc, nowUtc), ct) == 1;

    /// <summary>Hands a job back to the queue unfinished (this instance is stopping); the attempt is not counted.</summary>
    public static async Task<bool> ReleaseAsync(AppDbContext db, int id, string workerId, CancellationToken ct) =>
        await Owned(db, id, workerId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, ImportJobState.Queued)
            .SetProperty(j => j.WorkerId, (string?)null)
            .SetProperty(j => j.HeartbeatUtc, (DateTime?)null)
            .SetProperty(j => j.ProcessedRows, 0)
            .SetProperty(j => j.Attempts, j => j.Attempts - 1), ct) == 1;

    /// <summary>Ends the job as failed while it is still <paramref name="workerId"/>'s; the caller removes the file when this returns true.</summary>
    public static async Task<bool> FailAsync(AppDbContext db, int id, string workerId, string message, DateTime nowUtc, CancellationToken ct) =>
        await Owned(db, id, workerId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, ImportJobState.Failed)
            .SetProperty(j => j.Error, message)
            .SetProperty(j => j.StoredFileName, (string?)null)
            .SetProperty(j => j.FinishedUtc, nowUtc), ct) == 1;

    public enum TakeBack { Requeued, GaveUp }

    /// <summary>
    /// Takes back running jobs whose heartbeat is older than <see cref="ImportQueueSettings.StaleAfter"/>: their
    /// instance died (or lost the database for that long). Each is requeued while it has attempts left, else failed
    /// and its upload removed. The update is conditional on the heartbeat value read, so of several instances
    /// seeing the same stale job one takes it back, and a worker that renewed its heartbeat meanwhile keeps it.
    /// </summary>
    /// <remarks>
    /// Rerunning is safe because the import writes in one transaction (PeopleImporter.ImportAsync, "3. Write"):
    /// a dead instance either committed nothing, or committed everything before it could mark the job done, and
    /// importing the same file again changes nothing (rows are keyed by personal code and history by natural key).
    /// </remarks>
    public static async Task<List<(int Id, TakeBack Outcome)>> TakeBackStaleAsync(AppDbContext db, UploadStore uploads, ImportQueueSettings settings, DateTime nowUtc, CancellationToken ct)
    {
        var cutoff = nowUtc - settings.StaleAfter;
        // A running row without heartbeat comes from before heartbeats existed: its instance is long gone.
        var stale = await db.ImportJobs.AsNoTracking()
            .Where(j => j.State == ImportJobState.Running && (j.HeartbeatUtc == null || j.HeartbeatUtc < cutoff))
            .OrderBy(j => j.Id).Select(j => new { j.Id, j.HeartbeatUtc, j.Attempts, j.StoredFileName }).Take(50).ToListAsync(ct);
        var taken = new List<(int, TakeBack)>();
        foreach (var job in stale)
        {
            var same = db.ImportJobs.Where(j => j.Id == job.Id && j.State == ImportJobState.Running);
            same = job.HeartbeatUtc is { } seen ? same.Where(j => j.HeartbeatUtc == seen) : same.Where(j => j.HeartbeatUtc == null);
            if (job.Attempts < settings.MaxAttempts)
            {
                var requeued = await same.ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.State, ImportJobState.Queued)
                    .SetProperty(j => j.WorkerId, (string?)null)
                    .SetProperty(j => j.HeartbeatUtc, (DateTime?)null)
                    .SetProperty(j => j.ProcessedRows, 0), ct);
                if (requeued == 1) taken.Add((job.Id, TakeBack.Requeued));
            }
            else
            {
                var failed = await same.ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.State, ImportJobState.Failed)
                    .SetProperty(j => j.Error, GaveUpMessage)
                    .SetProperty(j => j.StoredFileName, (string?)null)
                    .SetProperty(j => j.FinishedUtc, nowUtc), ct);
                if (failed != 1) continue;
                // Only the instance that failed the job removes its file: no one else will read it again.
                uploads.Delete(job.StoredFileName);
                taken.Add((job.Id, TakeBack.GaveUp));
            }
        }
        return taken;
    }
}
