using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ThiDua.Features.Calendar;

public enum CalendarDayKind
{
    /// <summary>Ngày nghỉ: a day off the government announced (a moved holiday, a bridge day).</summary>
    DayOff,
    /// <summary>Ngày làm bù: a Saturday or Sunday worked instead.</summary>
    WorkingDay,
}

/// <summary>A day of the schedule the government announces each year (Bộ luật Lao động 2019 Điều 112 khoản 3), entered by an administrator.</summary>
public sealed class CalendarDay
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    /// <summary>What and by which document: "Nghỉ Tết Âm lịch (Công văn 8726/VPCP-KGVX)".</summary>
    public required string Note { get; set; }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Note).HasMaxLength(300);
        e.HasIndex(x => x.Date).IsUnique();
    }
}
