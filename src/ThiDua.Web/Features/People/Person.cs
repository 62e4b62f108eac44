using ThiDua.Features.Eligibility;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.People;

public sealed class Person : IVersioned
{
    public int Id { get; set; }
    /// <summary>Mã cá nhân: the key imports match on (a CCCD number or the agency's staff code).</summary>
    public required string PersonalCode { get; set; }
    public required string FamilyName { get; set; }
    public string? MiddleName { get; set; }
    public required string GivenName { get; set; }
    public Gender Gender { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Position { get; set; }
    public DateOnly? HiredOn { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Số định danh cá nhân (CCCD, 12 digits): lets an award reach the national HR record.</summary>
    public string? NationalId { get; set; }
    /// <summary>Mã số cán bộ, công chức, viên chức (mã CBCCVC) of the HR database.</summary>
    public string? CivilServantCode { get; set; }
    /// <summary>Đang xem xét kỷ luật, thanh tra, khiếu nại: defers every eligibility verdict.</summary>
    public bool PendingReview { get; set; }
    /// <summary>The unit of the open membership, kept here so lists filter by unit without a join.</summary>
    public int? CurrentUnitId { get; set; }
    public Unit? CurrentUnit { get; set; }
    public string SearchName { get; set; } = "";
    public string SortKey { get; set; } = "";
    public int Version { get; set; }

    public List<UnitMembership> Memberships { get; set; } = [];
    public List<YearRating> Ratings { get; set; } = [];
    public List<DisciplineRecord> Discipline { get; set; } = [];
    public List<Initiative> Initiatives { get; set; } = [];

    public string FullName => VietnameseText.FullName(FamilyName, MiddleName, GivenName);

    public void Normalize()
    {
        PersonalCode = PersonalCode.Trim();
        FamilyName = Clean(FamilyName);
        MiddleName = string.IsNullOrWhiteSpace(MiddleName) ? null : Clean(MiddleName);
        GivenName = Clean(GivenName);
        Position = string.IsNullOrWhiteSpace(Position) ? null : Position.Trim();
        SearchName = VietnameseText.Fold(FullName);
        SortKey = VietnameseText.PersonSortKey(FamilyName, MiddleName, GivenName);
    }

    private static string Clean(string s) =>
        string.Join(' ', s.Normalize(System.Text.NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string GenderName(Gender g) => g == Gender.Female ? "Nữ" : "Nam";
}

/// <summary>A period a person belonged to a unit; people move between units.</summary>
public sealed class UnitMembership
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public string? Position { get; set; }
}

/// <summary>Kết quả đánh giá, xếp loại of one year.</summary>
public sealed class YearRating
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public int Year { get; set; }
    public Rating Rating { get; set; }
}

public sealed class DisciplineRecord
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public DisciplineLevel Level { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string? DecisionNumber { get; set; }
    public string? Note { get; set; }
}

/// <summary>Sáng kiến (or an accepted research project) recognised in a year.</summary>
public sealed class Initiative
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public InitiativeScope Scope { get; set; }
    /// <summary>The title or form this initiative already served as the basis of, if any.</summary>
    public string? UsedFor { get; set; }
}
