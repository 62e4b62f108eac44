using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Features.People;
using ThiDua.Infrastructure;
using static ThiDua.Tests.People.ImportTests;

namespace ThiDua.Tests.People;

/// <summary>The import queue as a jobs table several app instances share (claims, heartbeats, takeover).</summary>
public sealed class ImportJobTests
{
    private const string Uploader = "tdkt.btctw@thidua.vn";

    private static Dictionary<string, string?> Instance(string name, bool runWorker = true) => new()
    {
        ["Instance:Name"] = name,
        ["Imports:PollSeconds"] = "1",
        ["Imports:RunWorker"] = runWorker ? "true" : "false",
    };

    private static async Task<int> AddJobAsync(TestApp app, ImportJobState state, string? storedFile, int attempts = 0, string? worker = null, DateTime? heartbeatUtc = null)
    {
        await using var db = app.Location.CreateContext();
        var job = new ImportJob
        {
            FileName = "can-bo.xlsx", StoredFileName = storedFile, UserName = Uploader, State = state, Attempts = attempts,
            WorkerId = worker, ClaimedUtc = heartbeatUtc, HeartbeatUtc = heartbeatUtc, CreatedUtc = DateTime.UtcNow,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    private static async Task<string> StoreAsync(TestApp app, byte[] content)
    {
        using var ms = new MemoryStream(content);
        return await app.Services.GetRequiredService<UploadStore>().SaveAsync(ms, ".xlsx", CancellationToken.None);
    }

    private static bool Stored(TestApp app, string name) => File.Exists(Path.Combine(app.Services.GetRequiredService<UploadStore>().Folder, name));

    private static Task<ImportJob> JobAsync(TestApp app, int id) => app.QueryAsync(db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));

    private static async Task<ImportJob> WaitForAsync(TestApp app, int id, Func<ImportJob, bool> done)
    {
        for (var i = 0; i < 600; i++)
        {
            var job = await JobAsync(app, id);
            if (done(job)) return job;
            await Task.Delay(100);
        }
        var last = await JobAsync(app, id);
        throw new TimeoutException($"job {id} still {last.State} (worker {last.WorkerId}, attempts {last.Attempts})");
    }

    private static bool IsFinished(ImportJob j) => ImportStatusModel.IsFinished(j.State);

    [Fact]
    public async Task Claim_TwoInstancesRacingForEachJob_EachJobClaimedByExactlyOne()
    {
        using var app = await TestApp.StartAsync(Instance("may-A", runWorker: false));
        var ids = new List<int>();
        for (var i = 0; i < 30; i++) ids.Add(await AddJobAsync(app, ImportJobState.Queued, "khong-co.xlsx"));
        await using var a = app.Location.CreateContext();
        await using var b = app.Location.CreateContext();
        var now = DateTime.UtcNow;
        var winners = new Dictionary<int, string>();
        foreach (var id in ids)
        {
            var won = await Task.WhenAll(
                Task.Run(() => ImportJobClaims.TryClaimAsync(a, id, "A", now, CancellationToken.None)),
                Task.Run(() => ImportJobClaims.TryClaimAsync(b, id, "B", now, CancellationToken.None)));
            Assert.Equal(1, won.Count(w => w));
            winners[id] = won[0] ? "A" : "B";
        }
        var rows = await app.QueryAsync(db => db.ImportJobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToListAsync());
        Assert.Equal(ids.Count, rows.Count);
        Assert.All(rows, j => Assert.Equal((ImportJobState.Running, winners[j.Id], 1), (j.State, j.WorkerId, j.Attempts)));
    }

    [Fact]
    public async Task ClaimNext_TwoInstancesDrainingOneQueue_TakeEveryJobOnce()
    {
        using var app = await TestApp.StartAsync(Instance("may-A", runWorker: false));
        var ids = new List<int>();
        for (var i = 0; i < 40; i++) ids.Add(await AddJobAsync(app, ImportJobState.Queued, "khong-co.xlsx"));

        async Task<List<int>> DrainAsync(string worker)
        {
            await using var db = app.Location.CreateContext();
            var mine = new List<int>();
            while (await ImportJobClaims.ClaimNextAsync(db, worker, DateTime.UtcNow, CancellationToken.None) is { } id) mine.Add(id);
            return mine;
        }

        var taken = await Task.WhenAll(Task.Run(() => DrainAsync("A")), Task.Run(() => DrainAsync("B")));
        Assert.Empty(taken[0].Intersect(taken[1]));
        Assert.Equal(ids.Order(), taken[0].Concat(taken[1]).Order());
        var owners = await app.QueryAsync(db => db.ImportJobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.WorkerId));
        Assert.All(taken[0], id => Assert.Equal("A", owners[id]));
        Assert.All(taken[1], id => Assert.Equal("B", owners[id]));
    }

    [Fact]
    public async Task TakeBack_StaleJobSeenByTwoInstances_OneRequeuesItAndTheOldWorkerLosesIt()
    {
        using var app = await TestApp.StartAsync(Instance("may-A", runWorker: false));
        var settings = ImportQueueSettings.From(app.Services.GetRequiredService<IConfiguration>());
        var uploads = app.Services.GetRequiredService<UploadStore>();
        var stale = await AddJobAsync(app, ImportJobState.Running, "khong-co.xlsx", attempts: 1, worker: "may-chet", heartbeatUtc: DateTime.UtcNow.AddMinutes(-10));
        var alive = await AddJobAsync(app, ImportJobState.Running, "khong-co.xlsx", attempts: 1, worker: "may-song", heartbeatUtc: DateTime.UtcNow);
        await using var a = app.Location.CreateContext();
        await using var b = app.Location.CreateContext();

        var now = DateTime.UtcNow;
        var takenBack = await Task.WhenAll(
            Task.Run(() => ImportJobClaims.TakeBackStaleAsync(a, uploads, settings, now, CancellationToken.None)),
            Task.Run(() => ImportJobClaims.TakeBackStaleAsync(b, uploads, settings, now, CancellationToken.None)));

        Assert.Equal(new[] { (stale, ImportJobClaims.TakeBack.Requeued) }, takenBack[0].Concat(takenBack[1]));
        var requeued = await JobAsync(app, stale);
        Assert.Equal((ImportJobState.Queued, null, 1), (requeued.State, requeued.WorkerId, requeued.Attempts));
        Assert.False(await ImportJobClaims.HeartbeatAsync(a, stale, "may-chet", now, CancellationToken.None));
        Assert.True(await ImportJobClaims.TryClaimAsync(b, stale, "may-A", now, CancellationToken.None));
        Assert.False(await ImportJobClaims.HeartbeatAsync(a, stale, "may-chet", now, CancellationToken.None));
        Assert.True(await ImportJobClaims.HeartbeatAsync(a, stale, "may-A", now, CancellationToken.None));
        Assert.Equal(2, (await JobAsync(app, stale)).Attempts);
        var untouched = await JobAsync(app, alive);
        Assert.Equal((ImportJobState.Running, "may-song"), (untouched.State, untouched.WorkerId));
    }

    [Fact]
    public async Task Worker_JobWithStaleHeartbeat_IsRequeuedAndCompletes()
    {
        using var app = await TestApp.StartAsync(Instance("may-song"));
        var stored = await StoreAsync(app, Workbook([Person("JOB-0001", "Trần", "Thị", "Ánh", "Nữ", "12/05/1988", "BTCTW-D01")]));
        var stale = await AddJobAsync(app, ImportJobState.Running, stored, attempts: 1, worker: "may-chet", heartbeatUtc: DateTime.UtcNow.AddMinutes(-10));
        var aliveFile = await StoreAsync(app, Workbook([Person("JOB-0002", "Lê", null, "Đạt", "Nam", "01/01/1979", "BTCTW-D01")]));
        var alive = await AddJobAsync(app, ImportJobState.Running, aliveFile, attempts: 1, worker: "may-khac", heartbeatUtc: DateTime.UtcNow);

        var job = await WaitForAsync(app, stale, IsFinished);

        Assert.Equal((ImportJobState.Succeeded, "may-song", 2, 1), (job.State, job.WorkerId, job.Attempts, job.CreatedPeople));
        Assert.True(await app.QueryAsync(db => db.People.AnyAsync(p => p.PersonalCode == "JOB-0001")));
        Assert.Null(job.StoredFileName);
        Assert.False(Stored(app, stored));
        // A job whose instance is alive (fresh heartbeat) is left to it, however many polls pass.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var other = await JobAsync(app, alive);
        Assert.Equal((ImportJobState.Running, "may-khac", 1), (other.State, other.WorkerId, other.Attempts));
        Assert.True(Stored(app, aliveFile));
    }

    [Fact]
    public async Task Worker_StaleJobAtMaxAttempts_FailsWithMessageAndRemovesFile()
    {
        using var app = await TestApp.StartAsync(Instance("may-song"));
        var stored = await StoreAsync(app, Workbook([Person("JOB-0101", "Phạm", "Văn", "Hùng", "Nam", "03/03/1985", "BTCTW-D01")]));
        var id = await AddJobAsync(app, ImportJobState.Running, stored, attempts: 2, worker: "may-chet", heartbeatUtc: DateTime.UtcNow.AddMinutes(-10));

        var job = await WaitForAsync(app, id, IsFinished);

        Assert.Equal((ImportJobState.Failed, ImportJobClaims.GaveUpMessage, 2), (job.State, job.Error, job.Attempts));
        Assert.Null(job.StoredFileName);
        Assert.False(Stored(app, stored));
        Assert.False(await app.QueryAsync(db => db.People.AnyAsync(p => p.PersonalCode == "JOB-0101")));
        var client = await app.SignInAsync(Uploader);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/People/ImportStatus/{id}"));
        Assert.Contains(ImportJobClaims.GaveUpMessage, page);
        Assert.Contains("lần xử lý thứ 2", page);
    }

    [Fact]
    public async Task Worker_UploadFileMissing_FailsOnceWithMessageNamingTheCause()
    {
        using var app = await TestApp.StartAsync(Instance("may-song"));
        var missing = await AddJobAsync(app, ImportJobState.Queued, $"{Guid.NewGuid():N}.xlsx");
        var legacy = await AddJobAsync(app, ImportJobState.Queued, storedFile: null);
        app.Services.GetRequiredService<ImportQueue>().Signal(missing);

        var job = await WaitForAsync(app, missing, IsFinished);
        var old = await WaitForAsync(app, legacy, IsFinished);

        Assert.Equal((ImportJobState.Failed, ImportJobClaims.MissingFileMessage), (job.State, job.Error));
        Assert.Equal((ImportJobState.Failed, ImportJobClaims.LegacyJobMessage), (old.State, old.Error));
        // Failed for good: no instance takes it again.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal((ImportJobState.Failed, 1), ((await JobAsync(app, missing)).State, (await JobAsync(app, missing)).Attempts));
        var client = await app.SignInAsync(Uploader);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/People/ImportStatus/{missing}"));
        Assert.Contains(ImportJobClaims.MissingFileMessage, page);
    }

    [Fact]
    public async Task StatusPage_JobRunByAnotherInstance_ShowsItsResult()
    {
        using var worker = await TestApp.StartAsync(Instance("may-A"));
        using var web = TestApp.StartOverSameDatabase(worker, Instance("may-B", runWorker: false));
        var client = await web.SignInAsync(Uploader);
        var xlsx = Workbook(
            [Person("JOB-0201", "Trần", "Thị", "Ánh", "Nữ", "12/05/1988", "BTCTW-D01"), Person("JOB-0202", "Lê", null, "Đạt", "Nam", "01/01/1979", "BTCTW-D02")],
            [RatingRow("JOB-0201", 2025, "HTXSNV")]);

        // Uploaded to the instance that runs no imports: the other one takes it from the shared table and folder.
        var job = await UploadAsync(web, client, xlsx);

        Assert.Equal((ImportJobState.Succeeded, "may-A", 2), (job.State, job.WorkerId, job.CreatedPeople));
        Assert.Equal(job.TotalRows, job.ProcessedRows);
        var page = await client.GetStringAsync($"/People/ImportStatus/{job.Id}");
        Assert.Contains("data-state=\"Succeeded\"", page);
        Assert.Matches("data-field=\"created\">2<", page);
        Assert.DoesNotContain("import-worker", page);
        var admin = await web.SignInAsync("admin@thidua.vn");
        Assert.Contains("<code>may-A</code>", await admin.GetStringAsync($"/People/ImportStatus/{job.Id}"));
    }
}
