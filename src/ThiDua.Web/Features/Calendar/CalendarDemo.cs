using ThiDua.DemoData;

namespace ThiDua.Features.Calendar;

/// <summary>
/// The demo's announced schedules: those verified in legal-verification.md claim 14. Only the days that differ from
/// the computed defaults (<see cref="PublicHolidays"/>) need a row: weekdays off that are no holiday, Saturdays
/// worked, and a computed substitute day that the announcement makes a working day.
/// </summary>
public static class CalendarDemo
{
    public const string Actor = "admin@thidua.vn";

    public static IReadOnlyList<CalendarDay> Announced2025To2026() =>
    [
        // Tết Ất Tỵ: off Saturday 25/01 to Sunday 02/02/2025 (Công văn 8726/VPCP-KGVX). The 5 Tết days were placed on
        // 27–31/01, so Monday 27/01 is off besides the default 28/01–01/02, and Monday 03/02 (the default substitute
        // for Saturday 01/02) is worked.
        Day(2025, 1, 27, CalendarDayKind.DayOff, "Nghỉ Tết Âm lịch Ất Tỵ 25/01–02/02/2025 (Công văn 8726/VPCP-KGVX)"),
        Day(2025, 2, 3, CalendarDayKind.WorkingDay, "Đi làm sau kỳ nghỉ Tết Âm lịch 25/01–02/02/2025 (Công văn 8726/VPCP-KGVX); không nghỉ bù"),
        // Tết Dương lịch 2026: off Thursday 01/01 to Sunday 04/01/2026, Friday 02/01 off, Saturday 10/01 worked instead.
        Day(2026, 1, 2, CalendarDayKind.DayOff, "Nghỉ Tết Dương lịch 01/01–04/01/2026, hoán đổi với thứ Bảy 10/01/2026"),
        Day(2026, 1, 10, CalendarDayKind.WorkingDay, "Làm bù cho ngày nghỉ 02/01/2026 (Tết Dương lịch 2026)"),
        // Tết Bính Ngọ: off Saturday 14/02 to Sunday 22/02/2026 (Công văn 9859/VPCP-KGVX): the 5 Tết days are the
        // default 16–20/02, all weekdays; no row is needed.
        // Quốc khánh 2026: off Saturday 29/08 to Wednesday 02/09; Monday 31/08 off, Saturday 22/08 worked instead
        // (01/09 and 02/09 are the default holidays).
        Day(2026, 8, 31, CalendarDayKind.DayOff, "Nghỉ Quốc khánh 29/08–02/09/2026, hoán đổi với thứ Bảy 22/08/2026"),
        Day(2026, 8, 22, CalendarDayKind.WorkingDay, "Làm bù cho ngày nghỉ 31/08/2026 (Quốc khánh 2026)"),
    ];

    private static CalendarDay Day(int y, int m, int d, CalendarDayKind kind, string note) => new() { Date = new DateOnly(y, m, d), Kind = kind, Note = note };

    /// <summary>Enters the announced days through the same service as the /Calendar page.</summary>
    public static async Task SeedAsync(BlocYearDemoContext ctx, CancellationToken ct)
    {
        var service = new CalendarService(ctx.Db);
        foreach (var d in Announced2025To2026())
        {
            var (_, problems) = await service.AddAsync(d.Date, d.Kind, d.Note, Actor, ct);
            if (problems.Count > 0 && !problems[0].Contains("đã có", StringComparison.Ordinal))
                throw new InvalidOperationException(string.Join(" ", problems));
        }
    }
}
