using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Features.Blocs;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Agreements;

public enum AgreementState
{
    /// <summary>Dự thảo: the secretariat still edits it.</summary>
    Draft,
    /// <summary>Đã ký: content frozen; a correction needs a reason and is audited.</summary>
    SignedOff,
}

/// <summary>Giao ước thi đua: what the member agencies of a bloc pledge to each other for one year, signed by their representatives.</summary>
public sealed class Agreement : IVersioned
{
    public int Id { get; set; }
    public int BlocId { get; set; }
    public EmulationBloc? Bloc { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public string Content { get; set; } = "";
    public DateOnly? SignedOn { get; set; }
    public string? Place { get; set; }
    public AgreementState State { get; set; }
    /// <summary>The signed copy (PDF or image), stored by <see cref="DocumentFiles"/>; null until attached.</summary>
    public string? CopyStoredName { get; set; }
    public string? CopyFileName { get; set; }
    public DocumentKind? CopyKind { get; set; }
    public long? CopyLength { get; set; }
    public int Version { get; set; }
    public List<AgreementSignatory> Signatories { get; set; } = [];

    public bool HasCopy => CopyStoredName is not null;

    public static string StateName(AgreementState s) => s == AgreementState.SignedOff ? "Đã ký" : "Dự thảo";
    public static string StateNameEn(AgreementState s) => s == AgreementState.SignedOff ? "Signed" : "Draft";
}

/// <summary>A member agency that signs the agreement, with its representative.</summary>
public sealed class AgreementSignatory
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public required string RepresentativeName { get; set; }
    public string? RepresentativePosition { get; set; }
}

public sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> e)
    {
        e.Property(x => x.Title).HasMaxLength(AgreementRules.TitleMax);
        e.Property(x => x.Content).HasMaxLength(AgreementRules.ContentMax);
        e.Property(x => x.Place).HasMaxLength(AgreementRules.PlaceMax);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.CopyStoredName).HasMaxLength(100);
        e.Property(x => x.CopyFileName).HasMaxLength(260);
        e.Property(x => x.CopyKind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Bloc).WithMany().HasForeignKey(x => x.BlocId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Signatories).WithOne(x => x.Agreement).HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.BlocId, x.Year });
        e.HasIndex(x => x.Year);
    }
}

public sealed class AgreementSignatoryConfiguration : IEntityTypeConfiguration<AgreementSignatory>
{
    public void Configure(EntityTypeBuilder<AgreementSignatory> e)
    {
        e.Property(x => x.RepresentativeName).HasMaxLength(AgreementRules.NameMax);
        e.Property(x => x.RepresentativePosition).HasMaxLength(AgreementRules.NameMax);
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.AgreementId, x.UnitId }).IsUnique();
        // "The agreements my agency signed" is asked by unit.
        e.HasIndex(x => new { x.UnitId, x.AgreementId });
    }
}
