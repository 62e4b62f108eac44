using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Features.People;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Models;

public enum ModelKind
{
    /// <summary>Cá nhân: a person of the registry.</summary>
    Person,
    /// <summary>Tập thể: a unit.</summary>
    Collective,
    /// <summary>Mô hình, cách làm hay: a title and the unit that owns it.</summary>
    Practice,
}

/// <summary>The four stages of cultivating an exemplary model, in order.</summary>
public enum ModelStage
{
    Discover,
    Nurture,
    Summarize,
    Replicate,
}

/// <summary>Gương điển hình tiên tiến: a person, a collective or a way of working, owned by an agency, through the four stages.</summary>
public sealed class ExemplaryModel : IVersioned
{
    public int Id { get; set; }
    public ModelKind Kind { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The collective itself, or the unit that owns a way of working; null for a person.</summary>
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>The name of a way of working; an optional headline for a person or a collective.</summary>
    public string? Title { get; set; }
    /// <summary>The agency (member unit of the bloc) that owns the model: its officer manages it.</summary>
    public int AgencyId { get; set; }
    public Unit? Agency { get; set; }
    /// <summary>The year it was discovered.</summary>
    public int Year { get; set; }
    public string? Description { get; set; }
    public ModelStage Stage { get; set; }
    /// <summary>Đưa lên cổng thông tin.</summary>
    public bool OnPortal { get; set; }
    public int Version { get; set; }
    public List<ModelStageEntry> Stages { get; set; } = [];
    public List<ModelMovement> Movements { get; set; } = [];
}

/// <summary>One step of a model's history: the stage reached, when, with notes and evidence; a step back carries its reason.</summary>
public sealed class ModelStageEntry
{
    public int Id { get; set; }
    public int ModelId { get; set; }
    public ExemplaryModel? Model { get; set; }
    public ModelStage Stage { get; set; }
    /// <summary>The stage before this step; null for the first (discovery).</summary>
    public ModelStage? FromStage { get; set; }
    public DateOnly OnDate { get; set; }
    public string? Note { get; set; }
    /// <summary>Evidence as text (a decision number, a report, a link) when no file is attached.</summary>
    public string? Evidence { get; set; }
    public string? EvidenceStoredName { get; set; }
    public string? EvidenceFileName { get; set; }
    public DocumentKind? EvidenceKind { get; set; }
    public long? EvidenceLength { get; set; }
    /// <summary>Why the model went back to an earlier stage; null for a step forward.</summary>
    public string? Reason { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedUtc { get; set; }
}

/// <summary>A movement the model came from.</summary>
public sealed class ModelMovement
{
    public int Id { get; set; }
    public int ModelId { get; set; }
    public int MovementId { get; set; }
}

public sealed class ExemplaryModelConfiguration : IEntityTypeConfiguration<ExemplaryModel>
{
    public void Configure(EntityTypeBuilder<ExemplaryModel> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Title).HasMaxLength(ModelRules.TitleMax);
        e.Property(x => x.Description).HasMaxLength(ModelRules.DescriptionMax);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Stages).WithOne(x => x.Model).HasForeignKey(x => x.ModelId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Movements).WithOne().HasForeignKey(x => x.ModelId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.AgencyId, x.Year });
        e.HasIndex(x => new { x.Year, x.Stage });
        e.HasIndex(x => x.PersonId);
        e.HasIndex(x => x.UnitId);
        e.HasIndex(x => x.OnPortal);
    }
}

public sealed class ModelStageEntryConfiguration : IEntityTypeConfiguration<ModelStageEntry>
{
    public void Configure(EntityTypeBuilder<ModelStageEntry> e)
    {
        e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.FromStage).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Note).HasMaxLength(ModelRules.NoteMax);
        e.Property(x => x.Evidence).HasMaxLength(ModelRules.NoteMax);
        e.Property(x => x.EvidenceStoredName).HasMaxLength(100);
        e.Property(x => x.EvidenceFileName).HasMaxLength(260);
        e.Property(x => x.EvidenceKind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Reason).HasMaxLength(ModelRules.ReasonMax);
        e.Property(x => x.RecordedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.ModelId, x.Id });
    }
}

public sealed class ModelMovementConfiguration : IEntityTypeConfiguration<ModelMovement>
{
    public void Configure(EntityTypeBuilder<ModelMovement> e)
    {
        e.HasIndex(x => new { x.ModelId, x.MovementId }).IsUnique();
        e.HasIndex(x => x.MovementId);
        e.HasOne<Movements.Movement>().WithMany().HasForeignKey(x => x.MovementId).OnDelete(DeleteBehavior.Restrict);
    }
}
