using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>Counts one failure from the address; returns the end of a block it starts, if it starts one. Saved by the caller.</summary>
    public async Task<DateTime?> CountFailureAsync(string address, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.LoginThrottles.FirstOrDefaultAsync(t => t.Address == address, ct);
        if (row is null) db.LoginThrottles.Add(row = new LoginThrottle { Address = address, WindowStartUtc = now });
        // A quiet address starts afresh; one that was blocked keeps its count (and so its longer next block) for a day.
        var quiet = row.BlockedUntilUtc is { } b ? now - b > BackoffMemory : now - row.WindowStartUtc > AddressWindow;
        if (quiet)
        {
            row.WindowStartUtc = now;
            row.Failures = 0;
            row.BlockedUntilUtc = null;
        }
        row.Failures++;
        if (row.Failures % AddressMaxFailures != 0) return null;
        var round = row.Failures / AddressMaxFailures;
        row.BlockedUntilUtc = now + Doubled(AddressBlock, round - 1, AddressBlockMax);
        return row.BlockedUntilUtc;
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
