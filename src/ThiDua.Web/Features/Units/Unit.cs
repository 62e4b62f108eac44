using ThiDua.Infrastructure;

namespace ThiDua.Features.Units;

/// <summary>Kinds of unit in an agency's tree.</summary>
public enum UnitKind
{
    /// <summary>Cơ quan: a member agency of a bloc.</summary>
    Agency,
    /// <summary>Vụ, cục, ban: a department.</summary>
    Department,
    /// <summary>Văn phòng, trung tâm: an office.</summary>
    Office,
    /// <summary>Phòng, tổ: a sub-unit of a department.</summary>
    SubUnit,
    /// <summary>A collective that is not a department (Đoàn Thanh niên, Công đoàn).</summary>
    Collective,
}

public sealed class Unit : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? ShortName { get; set; }
    public required string Code { get; set; }
    public UnitKind Kind { get; set; }
    public int? ParentId { get; set; }
    public Unit? Parent { get; set; }
    public DateOnly ActiveFrom { get; set; } = new(2010, 1, 1);
    public DateOnly? ActiveTo { get; set; }
    /// <summary>Marks units invented for the demo (the seed names only four of the fourteen agencies).</summary>
    public bool IsDemo { get; set; }
    public string SearchName { get; set; } = "";
    public string SortKey { get; set; } = "";
    public int Version { get; set; }

    /// <summary>
    /// An agency's own TTLĐTT criteria where the law delegates them (Luật 2022 Điều 28: each ministry, agency or
    /// province sets the detail): the LĐTT share members must exceed, and whether a member disciplined at warning
    /// or above rules the collective out. Null: the rule set's default. Ignored under rule sets that fix them.
    /// </summary>
    public int? TtldttLdttPercentMoreThan { get; set; }
    public bool? TtldttNoMemberDisciplined { get; set; }

    public bool IsActive(DateOnly on) => ActiveFrom <= on && (ActiveTo is null || ActiveTo >= on);

    public void Normalize()
    {
        Name = Name.Trim();
        ShortName = string.IsNullOrWhiteSpace(ShortName) ? null : ShortName.Trim();
        Code = Code.Trim().ToUpperInvariant();
        SearchName = VietnameseText.Fold($"{Name} {ShortName} {Code}");
        SortKey = VietnameseText.SortKey(Name);
    }

    public static string KindName(UnitKind k) => k switch
    {
        UnitKind.Agency => "Cơ quan",
        UnitKind.Department => "Vụ, cục, ban",
        UnitKind.Office => "Văn phòng, trung tâm",
        UnitKind.SubUnit => "Phòng, tổ",
        UnitKind.Collective => "Tập thể (đoàn thể)",
        _ => k.ToString(),
    };
}
