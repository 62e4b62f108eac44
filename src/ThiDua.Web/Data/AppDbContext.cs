using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Accounts;
using ThiDua.Features.Audit;
using ThiDua.Features.Awards;
using ThiDua.Features.Blocs;
using ThiDua.Features.Eligibility;
using ThiDua.Features.People;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Data;

/// <summary>
/// The model, kept provider-neutral (no SQLite- or PostgreSQL-only column types). Each provider is a subclass
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>) with its own migrations and the few
/// settings only it has; the rest of the app asks for <see cref="AppDbContext"/>.
/// </summary>
/// <remarks>
/// Add a migration for both providers: <c>./migrations-add.sh Name</c> (docs/decisions/0009).
/// The features of the bloc's year (movements, registrations, agreements, scoring, votes, models) keep their sets in
/// a partial file and their mapping in an <see cref="IEntityTypeConfiguration{TEntity}"/> beside their entities,
/// picked up here; the registry's older mapping is below.
/// </remarks>
public abstract partial class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>Data-protection keys (sign-in cookies, anti-forgery tokens), shared by every app instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UnitYearRecord> UnitYearRecords => Set<UnitYearRecord>();
    public DbSet<UnitReviewPeriod> UnitReviews => Set<UnitReviewPeriod>();
    public DbSet<EmulationBloc> Blocs => Set<EmulationBloc>();
    public DbSet<BlocMembership> BlocMemberships => Set<BlocMembership>();
    public DbSet<BlocLeadership> BlocLeaderships => Set<BlocLeadership>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<UnitMembership> UnitMemberships => Set<UnitMembership>();
    public DbSet<YearRating> YearRatings => Set<YearRating>();
    public DbSet<DisciplineRecord> DisciplineRecords => Set<DisciplineRecord>();
    public DbSet<Initiative> Initiatives => Set<Initiative>();
    public DbSet<AwardRecord> Awards => Set<AwardRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<RuleSetRecord> RuleSets => Set<RuleSetRecord>();
    public DbSet<Features.Accounts.LoginThrottle> LoginThrottles => Set<Features.Accounts.LoginThrottle>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        b.Entity<AppUser>(e =>
        {
            e.Property(x => x.FullName).HasMaxLength(200);
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Unit>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.ShortName).HasMaxLength(100);
            e.Property(x => x.Code).HasMaxLength(50);
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.SearchName).HasMaxLength(500);
            e.Property(x => x.SortKey).HasMaxLength(600);
            e.HasIndex(x => x.ParentId);
            e.Property(x => x.Version).IsConcurrencyToken();
        });

        b.Entity<UnitYearRecord>(e =>
        {
            e.Property(x => x.Rating).HasConversion<string>().HasMaxLength(10);
            e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.UnitId, x.Year }).IsUnique();
        });

        b.Entity<UnitReviewPeriod>(e =>
        {
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.DecisionNumber).HasMaxLength(100);
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.UnitId, x.From });
        });

        b.Entity<EmulationBloc>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.ShortName).HasMaxLength(100);
            e.Property(x => x.Code).HasMaxLength(50);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasMany(x => x.Members).WithOne(x => x.Bloc).HasForeignKey(x => x.BlocId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Leaders).WithOne(x => x.Bloc).HasForeignKey(x => x.BlocId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<BlocMembership>(e =>
        {
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.BlocId, x.UnitId, x.FromYear }).IsUnique();
        });
        b.Entity<BlocLeadership>(e =>
        {
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.BlocId, x.Year, x.UnitId }).IsUnique();
        });

        b.Entity<Person>(e =>
        {
            e.Property(x => x.PersonalCode).HasMaxLength(50);
            e.HasIndex(x => x.PersonalCode).IsUnique();
            e.Property(x => x.FamilyName).HasMaxLength(50);
            e.Property(x => x.MiddleName).HasMaxLength(100);
            e.Property(x => x.GivenName).HasMaxLength(50);
            e.Property(x => x.Position).HasMaxLength(200);
            e.Property(x => x.NationalId).HasMaxLength(12);
            e.Property(x => x.CivilServantCode).HasMaxLength(30);
            e.Property(x => x.Gender).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.SearchName).HasMaxLength(250);
            e.Property(x => x.SortKey).HasMaxLength(600);
            e.HasIndex(x => x.SortKey);
            e.HasIndex(x => x.SearchName);
            e.HasIndex(x => new { x.CurrentUnitId, x.SortKey });
            // The people list counts the active people for its pager: read from this small index, not the table
            // (docs/national-scale.md: a million people).
            e.HasIndex(x => x.IsActive);
            e.HasOne(x => x.CurrentUnit).WithMany().HasForeignKey(x => x.CurrentUnitId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasMany(x => x.Memberships).WithOne(x => x.Person).HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Ratings).WithOne().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Discipline).WithOne().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Initiatives).WithOne().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<UnitMembership>(e =>
        {
            e.Property(x => x.Position).HasMaxLength(200);
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            // Who belonged to a unit in a year (YearMembers.Query, a subquery of every query of /Eligibility) is
            // answered from the index alone; it also serves the foreign key.
            e.HasIndex(x => new { x.UnitId, x.From, x.To, x.PersonId });
        });
        b.Entity<YearRating>(e =>
        {
            e.Property(x => x.Rating).HasConversion<string>().HasMaxLength(10);
            e.HasIndex(x => new { x.PersonId, x.Year }).IsUnique();
            // The latest year with ratings (RegistryFacts.DefaultYearAsync, on every person's and eligibility page).
            e.HasIndex(x => x.Year);
        });
        b.Entity<DisciplineRecord>(e =>
        {
            e.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.DecisionNumber).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.HasIndex(x => new { x.PersonId, x.From });
        });
        b.Entity<Initiative>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(500);
            e.Property(x => x.Scope).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.UsedFor).HasMaxLength(20);
            e.HasIndex(x => new { x.PersonId, x.Year });
        });
        b.Entity<AwardRecord>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(20);
            e.Property(x => x.Authority).HasMaxLength(300);
            e.Property(x => x.DecisionNumber).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.RevocationReason).HasMaxLength(2000);
            e.Property(x => x.RevocationGround).HasMaxLength(1000);
            e.Property(x => x.RevokedBy).HasMaxLength(256);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Basis).HasConversion<string>().HasMaxLength(20);
            e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.PersonId, x.Year });
            e.HasIndex(x => new { x.UnitId, x.Year });
            e.HasIndex(x => new { x.Year, x.Code });
        });
        b.Entity<AuditEntry>(e =>
        {
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.Action).HasMaxLength(100);
            e.Property(x => x.EntityType).HasMaxLength(100);
            e.Property(x => x.EntityId).HasMaxLength(100);
            e.Property(x => x.EntityCode).HasMaxLength(100);
            e.HasIndex(x => new { x.EntityType, x.EntityId });
            e.HasIndex(x => x.AtUtc);
        });
        b.Entity<ImportJob>(e =>
        {
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Error).HasMaxLength(4000);
            e.Property(x => x.StoredFileName).HasMaxLength(100);
            e.Property(x => x.WorkerId).HasMaxLength(100);
            e.HasIndex(x => new { x.State, x.Id });
        });
        b.Entity<Features.Accounts.LoginThrottle>(e =>
        {
            e.Property(x => x.Address).HasMaxLength(64);
            e.HasIndex(x => x.Address).IsUnique();
        });
        b.Entity<RuleSetRecord>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(50);
            e.Property(x => x.Version).HasMaxLength(50);
            e.Property(x => x.UploadedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.Code, x.UploadedUtc });
        });
        b.Entity<DataProtectionKey>(e => e.Property(x => x.FriendlyName).HasMaxLength(100));

        b.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        ConfigureProvider(b);
    }

    /// <summary>What only one provider has: collations, index methods, extensions.</summary>
    protected abstract void ConfigureProvider(ModelBuilder b);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified) entry.Entity.Version++;
        }
    }

    /// <summary>
    /// Records a change in the same transaction as the change. <paramref name="entityId"/> is the database id;
    /// <paramref name="code"/> the code people know it by (personal code, unit code) at the time.
    /// Write <paramref name="details"/> as "trước: … → sau: …" for changes.
    /// </summary>
    public void Audit(string user, string action, string entityType, object entityId, string? details = null, DateTime? atUtc = null, string? code = null) =>
        AuditEntries.Add(new AuditEntry
        {
            AtUtc = atUtc ?? DateTime.UtcNow,
            UserName = user,
            Action = action,
            EntityType = entityType,
            EntityId = Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            EntityCode = code,
            Details = details,
        });
}
