using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ThiDua.Data;
using ThiDua.Features.Accounts;

namespace ThiDua.Features.Accounts;

/// <summary>
/// Limits password guessing without handing an attacker a way to lock people out for good: failures are
/// counted per client address (after <c>Accounts:AddressMaxFailures</c> failures within the window the address is
/// refused for a period that doubles on every further round, up to a cap), and an account's own lockout grows the
/// same way, up to a cap, and starts again from the base after a successful sign-in or an administrator's unlock.
/// </summary>
public sealed class SignInGuard(AppDbContext db, TimeProvider clock, IConfiguration cfg)
{
    public const string SignedIn = "Đăng nhập";
    public const string Failed = "Đăng nhập sai";
    public const string Refused = "Đăng nhập bị từ chối";
    public const string LockedOut = "Khóa tài khoản do đăng nhập sai";
    public const string Unlocked = "Mở khóa tài khoản";
    public const string AddressBlocked = "Chặn địa chỉ đăng nhập";
    public const string AddressUnblocked = "Bỏ chặn địa chỉ đăng nhập";

    /// <summary>Lockouts further back than this no longer lengthen the next one.</summary>
    private static readonly TimeSpan BackoffMemory = TimeSpan.FromDays(1);

    private int AddressMaxFailures => Math.Max(1, cfg.GetValue("Accounts:AddressMaxFailures", 10));
    private TimeSpan AddressWindow => TimeSpan.FromMinutes(cfg.GetValue("Accounts:AddressWindowMinutes", 15));
    private TimeSpan AddressBlock => TimeSpan.FromMinutes(cfg.GetValue("Accounts:AddressBlockMinutes", 15));
    private TimeSpan AddressBlockMax => TimeSpan.FromMinutes(cfg.GetValue("Accounts:AddressBlockMaxMinutes", 240));
    private TimeSpan Lockout => TimeSpan.FromMinutes(cfg.GetValue("Accounts:LockoutMinutes", 15));
    private TimeSpan LockoutMax => TimeSpan.FromMinutes(cfg.GetValue("Accounts:LockoutMaxMinutes", 240));

    /// <summary>
    /// The address failures are counted under: IPv4 as is, an IPv6 client by its /64 network (one subscriber
    /// holds a whole /64, so counting single IPv6 addresses would count nothing).
    /// </summary>
    public static string AddressKey(IPAddress? ip)
    {
        if (ip is null) return "không rõ";
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (ip.AddressFamily != AddressFamily.InterNetworkV6) return ip.ToString();
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public async Task<DateTime?> BlockedUntilAsync(string address, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = await db.LoginThrottles.AsNoTracking().Where(t => t.Address == address).Select(t => t.BlockedUntilUtc).FirstOrDefaultAsync(ct);
        return until > now ? until : null;
    }

    /// <summary>
    /// True when the address has no failed sign-in in the current window: such an address may still sign in to a
    /// locked account with the right password, so failures from elsewhere cannot lock the owner out for ever.
    /// </summary>
    public async Task<bool> IsCleanAsync(string address, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.LoginThrottles.AsNoTracking().FirstOrDefaultAsync(t => t.Address == address, ct);
        return row is null || row.Failures == 0 || (row.BlockedUntilUtc is { } b ? now - b > BackoffMemory : now - row.WindowStartUtc > AddressWindow);
    }

    /// <summary>
    /// Counts one failure from the address; returns the end of a block it starts, if it starts one. Written at once,
    /// whatever the caller saves later, and without losing a failure to another request or instance counting at the
    /// same moment: each change is one conditional UPDATE that the database applies to the row as it is then
    /// (<c>Failures = Failures + 1</c>), never a value read earlier and written back.
    /// </summary>
    public async Task<DateTime?> CountFailureAsync(string address, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var max = AddressMaxFailures;
        // "Quiet" as in the rows' own terms: a blocked address is quiet a day after its block ended, another
        // address once its window has passed.
        var blockForgottenBefore = now - BackoffMemory;
        var windowOverBefore = now - AddressWindow;
        var rows = db.LoginThrottles.Where(t => t.Address == address);
        var active = rows.Where(t => (t.BlockedUntilUtc != null && t.BlockedUntilUtc >= blockForgottenBefore) || (t.BlockedUntilUtc == null && t.WindowStartUtc >= windowOverBefore));
        for (var attempt = 0; attempt < 100; attempt++)
        {
            // The usual case, one statement: a failure that does not complete a round of AddressMaxFailures.
            if (await active.Where(t => (t.Failures + 1) % max != 0).ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, t => t.Failures + 1), ct) == 1)
                return null;
            var row = await rows.AsNoTracking().Select(t => new { t.Failures, t.WindowStartUtc, t.BlockedUntilUtc }).FirstOrDefaultAsync(ct);
            if (row is null)
            {
                // The first failure from the address: the row is made (by this request or a concurrent one), then counted.
                await InsertIfMissingAsync(address, now, ct);
                continue;
            }
            var quiet = row.BlockedUntilUtc is { } b ? b < blockForgottenBefore : row.WindowStartUtc < windowOverBefore;
            if (quiet)
            {
                // A quiet address starts afresh; one that was blocked keeps its count (and so its longer next block) for a day.
                // Only a quiet row is reset, so of requests arriving together one resets it and every one counts after.
                await rows.Where(t => (t.BlockedUntilUtc != null && t.BlockedUntilUtc < blockForgottenBefore) || (t.BlockedUntilUtc == null && t.WindowStartUtc < windowOverBefore))
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.WindowStartUtc, now).SetProperty(t => t.Failures, 0).SetProperty(t => t.BlockedUntilUtc, (DateTime?)null), ct);
                continue;
            }
            if ((row.Failures + 1) % max != 0) continue; // counted meanwhile by another request: try again
            // This failure completes a round: it blocks the address, exactly once however many arrive together
            // (the count it was read at must still be the count).
            var failures = row.Failures + 1;
            var until = now + Doubled(AddressBlock, failures / max - 1, AddressBlockMax);
            if (await active.Where(t => t.Failures == row.Failures).ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, failures).SetProperty(t => t.BlockedUntilUtc, until), ct) == 1)
                return until;
        }
        throw new InvalidOperationException($"Could not count a failed sign-in from {address}: the row kept changing.");
    }

    /// <summary>The address's row with no failures yet, unless it exists (a unique index on the address; SQLite and
    /// PostgreSQL both know INSERT … ON CONFLICT DO NOTHING).</summary>
    private async Task InsertIfMissingAsync(string address, DateTime now, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(LoginThrottle))!;
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var command = "INSERT INTO " + sql.DelimitIdentifier(table.Name, table.Schema)
            + " (" + Column(nameof(LoginThrottle.Address)) + ", " + Column(nameof(LoginThrottle.WindowStartUtc)) + ", " + Column(nameof(LoginThrottle.Failures)) + ")"
            + " VALUES ({0}, {1}, 0) ON CONFLICT (" + Column(nameof(LoginThrottle.Address)) + ") DO NOTHING";
        await db.Database.ExecuteSqlRawAsync(command, [address, now], ct);
    }

    /// <summary>How long an account is locked this time: the base, doubled for each lockout since its last
    /// successful sign-in or unlock (within a day), up to the cap.</summary>
    public async Task<TimeSpan> NextLockoutAsync(AppUser user, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - BackoffMemory;
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(AppUser) && a.EntityId == user.Id && a.AtUtc > since);
        var reset = await entries.Where(a => a.Action == SignedIn || a.Action == Unlocked).MaxAsync(a => (DateTime?)a.AtUtc, ct);
        if (reset is { } r && r > since) since = r;
        var earlier = await db.AuditEntries.AsNoTracking().CountAsync(a => a.EntityType == nameof(AppUser) && a.EntityId == user.Id && a.Action == LockedOut && a.AtUtc > since, ct);
        return Doubled(Lockout, earlier, LockoutMax);
    }

    public async Task UnblockAsync(string address, CancellationToken ct) =>
        await db.LoginThrottles.Where(t => t.Address == address).ExecuteDeleteAsync(ct);

    private static TimeSpan Doubled(TimeSpan first, int times, TimeSpan cap)
    {
        var span = first;
        for (var i = 0; i < times && span < cap; i++) span *= 2;
        return span < cap ? span : cap;
    }
}
