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
    public static void Users(AppDbContext db, IEnumerable<string> userIds, NotificationKind kind, string text, string? url, DateTime nowUtc, string? dedupKey = null)
    {
        foreach (var id in userIds.Distinct(StringComparer.Ordinal))
        {
            db.Notifications.Add(new Notification { UserId = id, Kind = kind, Text = text, Url = url, CreatedUtc = nowUtc, DedupKey = dedupKey });
        }
    }

    /// <summary>The active accounts of an agency (the account's unit or a unit under it) holding one of <paramref name="roles"/>.</summary>
    public static async Task<List<string>> AccountsOfAgencyAsync(AppDbContext db, int agencyId, IReadOnlyCollection<string> roles, CancellationToken ct = default)
    {
        var units = await Infrastructure.UnitScopeService.SubtreeAsync(db, agencyId, ct);
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && units.Contains(u.UnitId))
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .Select(u => u.Id).ToListAsync(ct);
    }
}
