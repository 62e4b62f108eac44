using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Features.People;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Registrations;

/// <summary>Where a registration stands: drafted by the agency, submitted to the bloc, returned for changes, approved.</summary>
public enum RegistrationState
{
    /// <summary>Dự thảo.</summary>
    Draft,
    /// <summary>Đã nộp.</summary>
    Submitted,
    /// <summary>Trả lại để sửa.</summary>
    Returned,
    /// <summary>Đã duyệt.</summary>
    Approved,
}

/// <summary>Who a line registers: the agency itself, one of its sub-units, or one of its people.</summary>
public enum RegistrationSubject
{
    Agency,
    SubUnit,
    Person,
}

/// <summary>
/// Đăng ký thi đua: at the start of a year an agency registers the titles and forms of commendation it aims for,
/// for itself, its sub-units and its people. One per agency and year.
/// </summary>
public sealed class Registration : IVersioned
{
    public int Id { get; set; }
    /// <summary>The agency (member unit of the bloc) that registers.</summary>
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int Year { get; set; }
    /// <summary>The movement the registration answers, when one is named.</summary>
    public int? MovementId { get; set; }
    public RegistrationState State { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    /// <summary>The last change of any kind (a line, a state), which also bumps <see cref="Version"/>.</summary>
    public DateTime ChangedUtc { get; set; }
    /// <summary>Ngày nộp: the last submission.</summary>
    public DateTime? SubmittedUtc { get; set; }
    public string? SubmittedBy { get; set; }
    /// <summary>The last return or approval by the bloc secretariat.</summary>
    public DateTime? DecidedUtc { get; set; }
    public string? DecidedBy { get; set; }
    /// <summary>Why the secretariat returned it (kept after resubmission as the last reason given).</summary>
    public string? ReturnReason { get; set; }
    public int Version { get; set; }
    public List<RegistrationLine> Lines { get; set; } = [];
}

/// <summary>One registered title or form for one subject, with a note.</summary>
public sealed class RegistrationLine
{
    public int Id { get; set; }
    public int RegistrationId { get; set; }
    public Registration? Registration { get; set; }
    public RegistrationSubject Subject { get; set; }
    /// <summary>The agency itself or its sub-unit; null for a person line.</summary>
    public int? SubjectUnitId { get; set; }
    public Unit? SubjectUnit { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>A code of <see cref="Eligibility.EligibilityCodes.Catalogue"/>.</summary>
    public required string Code { get; set; }
    public string? Note { get; set; }
}

public sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> e)
    {
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.SubmittedBy).HasMaxLength(256);
        e.Property(x => x.DecidedBy).HasMaxLength(256);
        e.Property(x => x.ReturnReason).HasMaxLength(RegistrationRules.MaxReason);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.UnitId, x.Year }).IsUnique();
        e.HasIndex(x => new { x.Year, x.State });
        e.HasOne<Movements.Movement>().WithMany().HasForeignKey(x => x.MovementId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Lines).WithOne(x => x.Registration).HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RegistrationLineConfiguration : IEntityTypeConfiguration<RegistrationLine>
{
    public void Configure(EntityTypeBuilder<RegistrationLine> e)
    {
        e.Property(x => x.Subject).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Code).HasMaxLength(20);
        e.Property(x => x.Note).HasMaxLength(RegistrationRules.MaxNote);
        e.HasOne(x => x.SubjectUnit).WithMany().HasForeignKey(x => x.SubjectUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.RegistrationId);
        e.HasIndex(x => new { x.PersonId, x.Code });
        e.HasIndex(x => new { x.SubjectUnitId, x.Code });
    }
}
