using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Data;

namespace ThiDua.Features.Notifications;

public enum NotificationKind
{
    /// <summary>Hồ sơ bị trả lại.</summary>
    DossierReturned,
    /// <summary>Có phiếu cần bỏ phiếu.</summary>
    BallotToCast,
    /// <summary>Quyết định đã ban hành.</summary>
    DecisionIssued,
    /// <summary>Sắp đến hạn.</summary>
    DeadlineNear,
    /// <summary>Other workflow news (a dossier submitted, a recall asked, a comment received).</summary>
    Info,
}

/// <summary>A message to one account, shown in the app (and e-mailed when SMTP is configured).</summary>
public sealed class Notification
{
    public long Id { get; set; }
    /// <summary>The account (AppUser.Id).</summary>
    public required string UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public required string Text { get; set; }
    /// <summary>A local URL to open ("/Nominations/Details/12").</summary>
    public string? Url { get; set; }
    /// <summary>Makes a notification once only (e.g. "deadline:nomination:12:2026-12-05"): unique per account.</summary>
    public string? DedupKey { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ReadUtc { get; set; }
    public DateTime? EmailedUtc { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Text).HasMaxLength(1000);
        e.Property(x => x.Url).HasMaxLength(300);
        e.Property(x => x.DedupKey).HasMaxLength(200);
        e.HasIndex(x => new { x.UserId, x.ReadUtc, x.CreatedUtc });
        e.HasIndex(x => new { x.UserId, x.DedupKey }).IsUnique();
        e.HasIndex(x => x.EmailedUtc);
    }
}

/// <summary>
/// What other features call to notify. Adds rows to the caller's context: they are saved with the change that
/// caused them, or not at all.
/// </summary>
public static class Notify
{
    public const int TextMaxLength = 1000;
    public const int UrlMaxLength = 300;

    /// <summary>
    /// Adds one notification per distinct account. The text is cut to 1.000 characters; a URL that is not local
    /// ("/…", not "//…") or longer than 300 characters is dropped. With <paramref name="dedupKey"/>, an account that
    /// already has the key in this context's unsaved rows is skipped; one saved earlier would break the caller's
    /// save (unique index) — use <see cref="UsersOnceAsync"/> when that can happen.
    /// </summary>
    public static void Users(AppDbContext db, IEnumerable<string> userIds, NotificationKind kind, string text, string? url, DateTime nowUtc, string? dedupKey = null)
    {
        var body = text.Length > TextMaxLength ? text[..(TextMaxLength - 1)] + "…" : text;
        var link = IsLocalUrl(url) && url!.Length <= UrlMaxLength ? url : null;
        foreach (var id in userIds.Distinct(StringComparer.Ordinal))
        {
            if (dedupKey is not null && db.ChangeTracker.Entries<Notification>().Any(e => e.Entity.UserId == id && e.Entity.DedupKey == dedupKey)) continue;
            db.Notifications.Add(new Notification { UserId = id, Kind = kind, Text = body, Url = link, CreatedUtc = nowUtc, DedupKey = dedupKey });
        }
    }

    /// <summary>As <see cref="Users"/>, leaving out the accounts that already have a notification with <paramref name="dedupKey"/>.</summary>
    public static async Task UsersOnceAsync(AppDbContext db, IEnumerable<string> userIds, NotificationKind kind, string text, string? url, DateTime nowUtc, string dedupKey, CancellationToken ct = default)
    {
        var ids = userIds.Distinct(StringComparer.Ordinal).ToList();
        var have = await db.Notifications.AsNoTracking().Where(n => n.DedupKey == dedupKey && ids.Contains(n.UserId)).Select(n => n.UserId).ToListAsync(ct);
        Users(db, ids.Except(have, StringComparer.Ordinal), kind, text, url, nowUtc, dedupKey);
    }

    /// <summary>A path of this site ("/Nominations/Details/12"), not an external or protocol-relative URL.</summary>
    public static bool IsLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>The active accounts of an agency (the account's unit or a unit under it) holding one of <paramref name="roles"/>.</summary>
    public static async Task<List<string>> AccountsOfAgencyAsync(AppDbContext db, int agencyId, IReadOnlyCollection<string> roles, CancellationToken ct = default)
    {
        var units = await Infrastructure.UnitScopeService.SubtreeAsync(db, agencyId, ct);
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && units.Contains(u.UnitId))
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .Select(u => u.Id).ToListAsync(ct);
    }

    /// <summary>The active accounts holding one of <paramref name="roles"/>, whatever their unit (the bloc secretariat).</summary>
    public static async Task<List<string>> AccountsInRolesAsync(AppDbContext db, IReadOnlyCollection<string> roles, CancellationToken ct = default) =>
        await db.Users.AsNoTracking()
            .Where(u => u.IsActive)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .Select(u => u.Id).ToListAsync(ct);
}
