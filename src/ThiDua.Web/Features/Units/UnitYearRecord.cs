using ThiDua.Features.Eligibility;

namespace ThiDua.Features.Units;

/// <summary>A collective's own result for a year: its rating (xếp loại tập thể) and whether it was united (nội bộ đoàn kết).</summary>
public sealed class UnitYearRecord
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int Year { get; set; }
    public Rating Rating { get; set; }
    public bool United { get; set; } = true;
}
