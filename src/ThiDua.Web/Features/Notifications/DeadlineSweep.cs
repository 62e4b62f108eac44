using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Features.Calendar;
using ThiDua.Features.Nominations;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Notifications;

/// <summary>
/// Every hour (first run a minute after start) notifies the accounts handling a dossier whose deadline (DueOn) is within
/// Notifications:DeadlineNearWorkingDays (default 2) working days of today in Vietnam: a bloc-level dossier → the bloc
/// secretariat's accounts; an agency-level one → the agency's council secretariat. Once per dossier and due date
/// (DedupKey "deadline:nomination:{id}:{dueOn:yyyy-MM-dd}", unique per account; another instance's insert is
/// caught and ignored). Off in the "Testing" environment and with Notifications:DeadlineSweep=false; tests call
/// <see cref="RunAsync"/>.
/// </summary>
public sealed class DeadlineSweep(IServiceScopeFactory scopes, IConfiguration config, IHostEnvironment env, TimeProvider clock, ILogger<DeadlineSweep> log) : BackgroundService
{
    public const int DefaultNearWorkingDays = 2;

    public bool Enabled => !env.IsEnvironment("Testing") && config.GetValue("Notifications:DeadlineSweep", true);

    public int NearWorkingDays => Math.Clamp(config.GetValue("Notifications:DeadlineNearWorkingDays", DefaultNearWorkingDays), 0, 60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        try { await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken); }
        catch (OperationCanceledException) { return; }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await RunAsync(db, clock, NearWorkingDays, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "The deadline sweep failed; retrying in an hour.");
            }
            try { await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public static string DedupKey(int nominationId, DateOnly dueOn) =>
        FormattableString.Invariant($"deadline:nomination:{nominationId}:{dueOn:yyyy-MM-dd}");

    /// <summary>One sweep; returns the number of notifications added.</summary>
    public static async Task<int> RunAsync(AppDbContext db, TimeProvider clock, int nearWorkingDays = DefaultNearWorkingDays, CancellationToken ct = default)
    {
        var today = clock.VietnamToday();
        var cal = await WorkingCalendar.LoadAsync(db, ct);
        // Due within N working days: on or before the day before the (N+1)-th working day after today.
        var limit = cal.AddWorkingDays(today, nearWorkingDays + 1).AddDays(-1);
        var due = await db.Nominations.AsNoTracking()
            .Where(n => n.DueOn != null && n.DueOn >= today && n.DueOn <= limit)
            .Where(n => n.State == NominationState.Submitted || n.State == NominationState.PublicComment)
            .Select(n => new { n.Id, n.Code, n.Level, n.AgencyId, n.DueOn, n.State })
            .ToListAsync(ct);
        var added = 0;
        List<string>? secretariat = null;
        foreach (var n in due)
        {
            var accounts = n.Level == NominationLevel.Bloc
                ? secretariat ??= await Notify.AccountsInRolesAsync(db, [Roles.BlocSecretariat], ct)
                : await Notify.AccountsOfAgencyAsync(db, n.AgencyId, [Roles.CouncilSecretariat], ct);
            if (accounts.Count == 0) continue;
            var dueOn = n.DueOn!.Value;
            var left = cal.WorkingDaysBetween(today, dueOn);
            var what = n.State == NominationState.PublicComment ? "lấy ý kiến công khai" : "thẩm định";
            var text = left == 0
                ? $"Hồ sơ {n.Code} đến hạn {what} hôm nay ({VnFormat.Date(dueOn)})."
                : $"Hồ sơ {n.Code} sắp đến hạn {what}: {VnFormat.Date(dueOn)} (còn {left} ngày làm việc).";
            var key = DedupKey(n.Id, dueOn);
            await Notify.UsersOnceAsync(db, accounts, NotificationKind.DeadlineNear, text, FormattableString.Invariant($"/Nominations/Details/{n.Id}"), clock.GetUtcNow().UtcDateTime, key, ct);
            var pending = db.ChangeTracker.Entries<Notification>().Count(e => e.State == EntityState.Added);
            try
            {
                await db.SaveChangesAsync(ct);
                added += pending;
            }
            catch (DbUpdateException)
            {
                // Another instance notified the same accounts between the check and the save (unique UserId+DedupKey).
                db.ChangeTracker.Clear();
            }
        }
        return added;
    }
}
